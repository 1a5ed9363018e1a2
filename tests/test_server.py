"""End to end: gunicorn serving api:create_app() on a free port, driven with requests."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from api.cli import main as _cli  # noqa: F401 - the console script must import cleanly

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(app, database_url):
    """A real server process on the test database; yields its base URL and a write key."""
    env = {**os.environ, "DATABASE_URL": database_url}
    setup = subprocess.run([str(BIN / "claimtracker"), "setup"], env=env, capture_output=True,
                           text=True, timeout=120, check=True)
    admin_key = setup.stdout.strip().splitlines()[-1]
    port = _free_port()
    process = subprocess.Popen(
        [str(BIN / "claimtracker"), "serve", "--host", "127.0.0.1", "--port", str(port),
         "--workers", "2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            requests.get(f"{base}/api/v1/health", timeout=1)
            break
        except requests.ConnectionError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail(f"server did not start: {process.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
    yield base, {"Authorization": f"Bearer {admin_key}"}
    process.terminate()
    process.wait(timeout=10)
    process.stderr.close()


def test_a_newsroom_session_over_http(server):
    base, auth = server
    health = requests.get(f"{base}/api/v1/health", timeout=5).json()
    assert health["counts"]["sources"] == 3

    listing = requests.get(f"{base}/api/v1/claims", params={"per_page": 5}, timeout=5).json()
    assert len(listing["items"]) == 5 and listing["total"] >= 20
    assert requests.get(listing["next"], timeout=5).json()["page"] == 2

    story = ("The transport minister said that the new rail line will open in 2027. "
             "\"We will not raise fares this year,\" the minister said.")
    created = requests.post(f"{base}/api/v1/sources", json={"text": story, "outlet": "Herald"},
                            headers=auth, timeout=30)
    assert created.status_code == 201
    source = created.json()["source"]
    assert source["claims"]
    for claim in source["claims"]:
        for appearance in claim["appearances"]:
            assert story[appearance["start"]:appearance["end"]] == appearance["quote"]

    found = requests.get(f"{base}/api/v1/claims", params={"q": "rail line"}, timeout=5).json()
    assert found["total"] >= 1

    first, second = (c["id"] for c in listing["items"][:2])
    flagged = requests.post(f"{base}/api/v1/claims/{first}/contradictions",
                            json={"claim_id": second, "explanation": "cannot both hold"},
                            headers=auth, timeout=5)
    assert flagged.status_code == 201
    contradictions = requests.get(f"{base}/api/v1/claims/{first}/contradictions",
                                  timeout=5).json()
    assert contradictions["items"][0]["explanation"] == "cannot both hold"

    refused = requests.post(f"{base}/api/v1/sources", json={"text": story}, timeout=5)
    assert refused.status_code == 401
    assert refused.headers["Content-Type"] == "application/problem+json"
