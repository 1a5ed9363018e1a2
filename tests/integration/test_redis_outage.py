"""The rate limits' Redis goes away under a real server and comes back: every request is still
served (never a 500), the per-address limit goes on in memory, the outage is logged once, and
counting returns to Redis when it answers again."""

import os
import shutil
import subprocess
import time

import pytest
import redis
import requests

from tests.servers import free_port, running_server

PER_ADDRESS = 12


def _start_redis(port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [shutil.which("redis-server") or "redis-server", "--port", str(port), "--bind",
         "127.0.0.1", "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL)
    client = redis.Redis(host="127.0.0.1", port=port, socket_connect_timeout=0.5)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            return process
        except redis.ConnectionError:
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)


def _counted_in(port: int) -> int:
    return len(redis.Redis(host="127.0.0.1", port=port).keys("*outage*"))


def test_requests_are_served_through_a_redis_outage_and_limits_resume(database_url, tmp_path):
    if not shutil.which("redis-server"):
        pytest.skip("the test runs its own redis-server")
    port = free_port()
    store = _start_redis(port)
    env = {**os.environ, "DATABASE_URL": database_url, "RATELIMIT_ENABLED": "true",
           "RATELIMIT_STORAGE_URI": f"redis://127.0.0.1:{port}",
           "RATELIMIT_KEY_PREFIX": "outage", "RATE_LIMIT_PER_ADDRESS": f"{PER_ADDRESS} per minute",
           "RATE_LIMIT_PER_KEY": "1000 per minute"}
    log = tmp_path / "server.log"
    try:
        with running_server(env, log, workers=1) as base:
            def get() -> int:
                return requests.get(f"{base}/api/v1/claims", timeout=10).status_code

            assert [get() for _ in range(3)] == [200] * 3
            assert _counted_in(port) > 0

            store.terminate()
            store.wait(timeout=10)
            during = [get() for _ in range(PER_ADDRESS + 3)]
            # Served, and still limited: the address's count goes on in this worker's memory.
            assert set(during) == {200, 429} and during[:PER_ADDRESS] == [200] * PER_ADDRESS
            assert during[-1] == 429

            store = _start_redis(port)
            deadline = time.monotonic() + 30
            while _counted_in(port) == 0:  # the limiter tries the store at growing intervals
                assert time.monotonic() < deadline, "counting never returned to Redis"
                assert get() in (200, 429)
                time.sleep(0.5)
            assert get() == 200  # a fresh count in the store that came back
    finally:
        store.terminate()
        store.wait(timeout=10)
    text = log.read_text()
    assert text.count("falling back to in-memory storage") == 1, text[-3000:]
    assert "Rate limit storage recovered" in text
    assert " 500" not in text and '"status": 500' not in text
