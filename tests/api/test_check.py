"""POST /check: a draft's claims matched against the base, and nothing stored."""

import pytest

from models import Claim, Source, Speaker
from models.db import database

STORY = ("The city council said that the new tram line will open in June. "
         "\"We will not raise fares this year,\" the mayor, Ines Albers, said.")


@pytest.fixture
def known(client, write_headers):
    response = client.post("/api/v1/sources", json={"text": STORY, "outlet": "Courier"},
                           headers=write_headers)
    assert response.status_code == 201
    return response.get_json()["source"]["claims"]


def _counts():
    with database.connection_context():
        return Claim.select().count(), Source.select().count(), Speaker.select().count()


def test_a_draft_repeating_a_known_claim_finds_it_and_stores_nothing(client, known):
    before = _counts()
    draft = "The city council said that the new tram line will open in June."
    response = client.post("/api/v1/check", json={"text": draft})
    assert response.status_code == 200
    claims = response.get_json()["claims"]
    assert claims
    for claim in claims:
        assert draft[claim["start"]:claim["end"]] == claim["quote"]
    best = claims[0]["matches"][0]
    assert best["claim"]["id"] in {c["id"] for c in known}
    assert best["score"] >= 0.6
    assert _counts() == before


def test_a_close_paraphrase_is_offered_as_similar(client, known):
    draft = "The mayor said: \"We will not raise the fares this year.\""
    claims = client.post("/api/v1/check", json={"text": draft}).get_json()["claims"]
    relations = {m["relation"] for c in claims for m in c["matches"]}
    assert relations & {"similar", "same_claim"}


def test_a_draft_about_something_else_matches_nothing(client, known):
    draft = "The harbour authority said that ferry crossings doubled in winter."
    claims = client.post("/api/v1/check", json={"text": draft}).get_json()["claims"]
    assert claims and all(c["matches"] == [] for c in claims)


@pytest.mark.parametrize("body", [{}, {"text": ""}, {"text": 5}, {"text": "x", "extra": 1}])
def test_a_bad_draft_is_refused_with_the_field_named(client, body):
    response = client.post("/api/v1/check", json=body)
    assert response.status_code == 422
    assert response.content_type == "application/problem+json"
    assert response.get_json()["errors"]


def test_a_draft_contradicting_a_known_claim_gets_it_with_an_explanation(client, known):
    draft = "The city council said that the new tram line will not open in June."
    claims = client.post("/api/v1/check", json={"text": draft}).get_json()["claims"]
    contradictions = [c for claim in claims for c in claim["contradictions"]]
    assert contradictions
    assert contradictions[0]["claim"]["id"] in {c["id"] for c in known}
    assert contradictions[0]["score"] >= 0.5 and contradictions[0]["explanation"]
    assert all(m["claim"]["id"] != contradictions[0]["claim"]["id"]
               for claim in claims for m in claim["matches"])
