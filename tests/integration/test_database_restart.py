"""PostgreSQL restarted under traffic through gunicorn: no 500; what cannot be served is a 503
problem with Retry-After; reads that lost their connection are run again on a fresh one; no
write is half done; the service is normal again within a second of the database's return."""

import os
import subprocess
import threading
import time
from pathlib import Path

import pytest
import requests

from models import Claim, Event
from models.db import database, is_postgres
from tests.conftest import empty_tables
from tests.servers import cli, running_server

CLUSTER = ("pg_ctlcluster", "--skip-systemctl-redirect")
# The server restarted is every test's: the restart runs alone (see the Makefile).
pytestmark = pytest.mark.alone


def _cluster_version() -> str:
    versions = sorted(Path("/etc/postgresql").iterdir()) if Path("/etc/postgresql").is_dir() \
        else []
    if not versions:
        pytest.skip("no local PostgreSQL cluster to restart")
    return versions[-1].name


@pytest.fixture
def served(database_url, tmp_path):
    if not database_url.startswith("postgres"):
        pytest.skip("a PostgreSQL restart")
    empty_tables()  # the session's database: what other tests left would change the ids
    env = {**os.environ, "DATABASE_URL": database_url, "RATELIMIT_ENABLED": "false"}
    cli(env, "seed")
    key = cli(env, "keys", "create", "--name", "traffic", "--scope", "write")
    with running_server(env, tmp_path / "server.log") as base:
        yield base, {"Authorization": f"Bearer {key}"}


def _traffic(base: str, headers: dict, stop: threading.Event, log: list) -> None:
    """Reads, a search and writes in turn, each answer logged with when it came."""
    session = requests.Session()
    seeded = session.get(f"{base}/api/v1/claims?per_page=1", timeout=30).json()["items"][0]
    n = 0
    while not stop.is_set():
        n += 1
        calls = [("GET", "/api/v1/claims?per_page=5", None),
                 ("GET", f"/api/v1/claims/{seeded['id']}", None),
                 ("GET", "/api/v1/claims?q=deal", None),
                 ("POST", "/api/v1/claims", {"text": f"The ferry will run on route {n}"})]
        for method, path, body in calls:
            try:
                answer = session.request(method, base + path, json=body, headers=headers,
                                         timeout=30)
                log.append((time.monotonic(), method, answer.status_code,
                            answer.headers.get("Content-Type"), answer.headers.get(
                                "Retry-After"), answer.json() if body else None, path,
                            answer.text[:300]))
            except requests.ConnectionError as error:  # the server itself must not go
                log.append((time.monotonic(), method, None, str(error), None, None, path,
                            None))


def test_a_database_restart_under_traffic_costs_no_500_and_no_half_write(served):
    base, headers = served
    version = _cluster_version()
    stop, log = threading.Event(), []
    workers = [threading.Thread(target=_traffic, args=(base, headers, stop, log))
               for _ in range(3)]
    for worker in workers:
        worker.start()
    try:
        time.sleep(1.5)
        subprocess.run([*CLUSTER, version, "main", "restart"], check=True, timeout=120)
        back = time.monotonic()
        time.sleep(3)
    finally:
        stop.set()
        for worker in workers:
            worker.join(timeout=60)
    assert log and all(status is not None for _, _, status, *_ in log), log[-3:]
    refused = [entry for entry in log if entry[2] >= 500]
    assert all(status == 503 and kind == "application/problem+json" and retry
               for _, _, status, kind, retry, *_ in refused), refused[:3]
    late = [entry for entry in log if entry[0] > back + 1.0]
    assert late and all(200 <= status < 300 for _, _, status, *_ in late), [
        entry for entry in late if not 200 <= entry[2] < 300][:3]

    created = [body["id"] for _, method, status, _, _, body, *_ in log
               if method == "POST" and status == 201]
    assert created
    with database.connection_context():
        assert is_postgres()
        stored = {c.id for c in Claim.select(Claim.id).where(Claim.id.in_(created))}
        assert stored == set(created)
        # Every claim arrived whole, with the event of its creation, or not at all.
        events = Event.select().where(Event.type == "claim.created").count()
        assert Claim.select().count() == events
