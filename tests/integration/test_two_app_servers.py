"""Two app servers side by side, on different ports, sharing only PostgreSQL and Redis (as two
hosts behind a balancer would): one rate-limit count, desk sessions good on either, and two
webhook workers that deliver each event once between them."""

import json
import os
import re
import subprocess
import time
import uuid

import pytest
import requests

from models.db import database, is_postgres
from tests.integration.receiver import Receiver
from tests.servers import BIN, cli, running_server

REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379")


@pytest.fixture
def shared(app, database_url, tmp_path):
    with database.connection_context():
        if not is_postgres():
            pytest.skip("app servers on several hosts share PostgreSQL")
    env = {**os.environ, "DATABASE_URL": database_url, "RATELIMIT_ENABLED": "true",
           "RATELIMIT_STORAGE_URI": REDIS, "RATE_LIMIT_PER_KEY": "10 per day",
           "RATELIMIT_KEY_PREFIX": f"two-{uuid.uuid4().hex[:8]}",
           "WORKER_POLL_SECONDS": "0.2"}
    with running_server(env, tmp_path / "a.log", workers=1) as a, \
            running_server(env, tmp_path / "b.log", workers=1) as b:
        yield env, a, b


def test_the_rate_limit_is_one_count_across_app_servers(shared):
    env, a, b = shared
    key = cli(env, "keys", "create", "--name", "tool", "--scope", "read")
    auth = {"Authorization": f"Bearer {key}"}
    statuses = [requests.get(f"{(a, b)[i % 2]}/api/v1/claims", headers=auth, timeout=30)
                .status_code for i in range(12)]
    assert statuses == [200] * 10 + [429] * 2


def test_a_desk_session_opened_on_one_server_works_on_the_other_and_ends_on_both(shared):
    env, a, b = shared
    key = cli(env, "keys", "create", "--name", "editor", "--scope", "write")
    browser = requests.Session()
    signed = browser.post(f"{a}/desk/sign-in", data={"key": key}, allow_redirects=False,
                          timeout=30)
    assert signed.status_code == 303
    page = browser.get(f"{b}/desk/queue", allow_redirects=False, timeout=30)
    assert page.status_code == 200
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    out = browser.post(f"{b}/desk/sign-out", data={"csrf_token": csrf},
                       allow_redirects=False, timeout=30)
    assert out.status_code == 303
    token = signed.cookies["desk_session"]
    again = requests.get(f"{a}/desk/queue", cookies={"desk_session": token},
                         allow_redirects=False, timeout=30)
    assert again.status_code == 302 and "/desk/sign-in" in again.headers["Location"]


def test_two_webhook_workers_deliver_each_event_once_between_them(shared, tmp_path):
    env, a, b = shared
    admin = cli(env, "keys", "create", "--name", "ops", "--scope", "admin")
    auth = {"Authorization": f"Bearer {admin}"}
    with Receiver() as receiver:
        answer = requests.post(f"{a}/api/v1/webhooks", headers=auth, timeout=30,
                               json={"url": receiver.url, "events": ["claim.created"]})
        assert answer.status_code == 201
        workers = []
        for i in range(2):
            with open(tmp_path / f"worker-{i}.log", "wb") as log:
                workers.append(subprocess.Popen([str(BIN / "claimtracker"), "worker"], env=env,
                                                stdout=log, stderr=log))
        try:
            for i in range(6):
                answer = requests.post(f"{(a, b)[i % 2]}/api/v1/claims", headers=auth,
                                       timeout=30, json={"text": f"Claim {i} of two servers"})
                assert answer.status_code == 201
            deadline = time.monotonic() + 60
            while len(receiver.requests) < 6:
                assert time.monotonic() < deadline, len(receiver.requests)
                time.sleep(0.1)
            time.sleep(1)  # a second delivery of an event would land by now
        finally:
            for worker in workers:
                worker.terminate()
                worker.wait(timeout=30)
    ids = [json.loads(body)["id"] for _, body in receiver.requests]
    assert len(ids) == len(set(ids)) == 6
