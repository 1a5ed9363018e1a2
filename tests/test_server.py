"""End to end: gunicorn serving api:create_app() on a free port, driven with requests."""

import os

import pytest
import requests

from tests.servers import cli, running_server


@pytest.fixture
def server(app, database_url, tmp_path):
    """A real server process on the test database; yields its base URL and an admin key."""
    env = {**os.environ, "DATABASE_URL": database_url}
    admin_key = cli(env, "setup")
    with running_server(env, tmp_path / "server.log") as base:
        yield base, {"Authorization": f"Bearer {admin_key}"}


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
