"""GET /api/v1/health: the service and its database answer, and what they hold."""

from models.db import database
from models.link import ClaimLink
from tests.api.contract import API

HEALTH = f"{API}/health"


def test_health_answers_ok_with_the_database_kind(client, database_url):
    response = client.get(HEALTH)
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    expected = "postgresql" if database_url.startswith("postgres") else "sqlite"
    assert body["database"] == expected


def test_health_counts_an_empty_database_as_zeros(client):
    counts = client.get(HEALTH).get_json()["counts"]
    assert counts == {"sources": 0, "claims": 0, "speakers": 0, "contradictions": 0}


def test_health_counts_match_the_lists(client, seeded, make_claim, flag):
    flag(make_claim("The tax will rise")["id"], make_claim("No new tax")["id"])
    counts = client.get(HEALTH).get_json()["counts"]
    for name in ("sources", "claims", "speakers", "contradictions"):
        assert counts[name] == client.get(f"{API}/{name}").get_json()["total"], name
    assert counts["sources"] == 3 and counts["claims"] > 2 and counts["speakers"] > 0


def test_health_needs_no_key(client):
    assert client.get(HEALTH, headers={"Authorization": "Bearer wrong"}).status_code == 200


def test_health_counts_only_contradictions_as_contradictions(client, make_claim, app):

    a, b = make_claim("Taxes will rise")["id"], make_claim("The taxes will rise")["id"]
    with database.connection_context():
        ClaimLink.create(claim_a=a, claim_b=b, relation="same_claim", score=0.9)
    assert client.get(HEALTH).get_json()["counts"]["contradictions"] == 0
