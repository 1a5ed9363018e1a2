"""Small helpers for the API tests: make claims, sources, reviews and contradictions through
the API itself, the way a newsroom client would."""

import os

import pytest

from models.db import database
from models.link import ClaimLink, contradiction_kind
from models.speaker import Speaker, add_aliases, name_key
from tests.api.contract import API, ARTICLE
from tests.servers import HttpClient, running_server


@pytest.fixture(scope="module")
def served(database_url, tmp_path_factory):
    """gunicorn on the tests' database, configured as the in-process app is."""
    env = {**os.environ, "DATABASE_URL": database_url, "RATELIMIT_ENABLED": "false",
           "PUBLISHER_NAME": "Factdesk", "PUBLIC_BASE_URL": "https://claims.example"}
    with running_server(env, tmp_path_factory.mktemp("gunicorn") / "server.log") as base_url:
        yield base_url


def client_of(request, app):
    """A client of the app in-process, or of gunicorn when the test's param says so."""
    if request.param == "gunicorn":
        return HttpClient(request.getfixturevalue("served"))
    return app.test_client()


@pytest.fixture
def make_claim(client, write_headers):
    """POST /claims and return the created claim."""

    def make(text: str = "The city will build a new harbour bridge", **fields) -> dict:
        response = client.post(f"{API}/claims", json={"text": text, **fields},
                               headers=write_headers)
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    return make


@pytest.fixture
def make_source(client, write_headers):
    """POST /sources (ingest an article) and return the stored source."""

    def make(text: str = ARTICLE, **fields) -> dict:
        response = client.post(f"{API}/sources", json={"text": text, **fields},
                               headers=write_headers)
        assert response.status_code == 201, response.get_json()
        return response.get_json()["source"]

    return make


@pytest.fixture
def review(client, write_headers):
    """POST a verdict on a claim and return the review."""

    def add(claim_id: int, rating: str = "supported", **fields) -> dict:
        response = client.post(f"{API}/claims/{claim_id}/reviews",
                               json={"rating": rating, **fields}, headers=write_headers)
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    return add


@pytest.fixture
def flag(client, write_headers):
    """Flag by hand that two claims contradict each other (suggested, as the API does unless
    told); return the contradiction."""

    def add(claim_id: int, other_id: int, explanation: str | None = None,
            state: str = "suggested") -> dict:
        body = {"claim_id": other_id, "state": state}
        if explanation is not None:
            body["explanation"] = explanation
        response = client.post(f"{API}/claims/{claim_id}/contradictions", json=body,
                               headers=write_headers)
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    return add


@pytest.fixture
def patch_claim(client, write_headers):
    """PATCH a claim (If-Match '*' unless given) and return the response."""

    def patch(claim_id: int, body: dict, if_match: str | None = "*"):
        headers = dict(write_headers)
        if if_match is not None:
            headers["If-Match"] = if_match
        return client.patch(f"{API}/claims/{claim_id}", json=body, headers=headers)

    return patch


@pytest.fixture
def get_claim(client):
    """GET one claim and return its body."""

    def get(claim_id: int) -> dict:
        response = client.get(f"{API}/claims/{claim_id}")
        assert response.status_code == 200, response.get_json()
        return response.get_json()

    return get


@pytest.fixture
def make_speaker(app):
    """Store a speaker the way ingestion does (the API has no route that creates one)."""

    def make(name: str, kind: str = "person", aliases=(), role: str | None = None) -> int:
        with database.connection_context(), database.atomic():
            speaker = Speaker.create(name=name, name_key=name_key(name), kind=kind, role=role)
            add_aliases(speaker, [name, *aliases])
        return speaker.id

    return make


@pytest.fixture
def detected_link(app):
    """Store a contradiction the way the detector does: suggested, with a score and cues."""

    def make(claim_id: int, other_id: int, score: float = 0.5) -> int:
        low, high = sorted((claim_id, other_id))
        with database.connection_context():
            kind, speaker = contradiction_kind(low, high)
            link = ClaimLink.create(
                claim_a=low, claim_b=high, relation="contradicts", origin="detected",
                score=score, cues=["negation"], kind=kind, speaker=speaker,
                explanation="One claim negates the other.", created_by="detector")
        return link.id

    return make
