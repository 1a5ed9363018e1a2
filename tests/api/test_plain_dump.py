"""The fast answers of GET /claims/{id} (its record written as it is), /claims,
/contradictions, /speakers/{id} and an ingest (plain dumps) are exactly what the documented
schemas dump."""

import json

import pytest
from marshmallow import Schema, fields

from api import schemas
from api.pagination import paginate
from api.plain_dump import plain_dumper
from models import queries
from models.db import database
from models.link import ClaimLink
from tests.api.contract import API, ARTICLE


def test_a_claim_is_served_as_its_schema_dumps_it(client, make_source, make_claim, flag,
                                                  review, write_headers):
    source = make_source(ARTICLE, outlet="Harbour Herald", published="2024-03-01")
    claim_id = source["claims"][0]["id"]
    flag(claim_id, make_claim("The bridge will not open in March")["id"], "It will not.")
    review(claim_id, "mixed", rating_label="Half true", url="https://fact.example/1")
    served = client.get(f"{API}/claims/{claim_id}")
    with database.connection_context():
        expected = schemas.ClaimDetail().dump(queries.claim_detail(claim_id))
    assert served.get_data(as_text=True) == client.application.json.dumps(expected)  # in order
    assert expected["appearances"] and expected["reviews"]
    assert {bool(link["other_claim"]["speakers"]) for link in expected["links"]} == {True, False}


def test_a_page_of_claims_is_served_as_its_schema_dumps_it(client, make_source, flag):
    claims = make_source(ARTICLE, outlet="Harbour Herald", published="2024-03-01")["claims"]
    flag(claims[0]["id"], claims[1]["id"], "Both cannot hold.")
    served = client.get(f"{API}/claims?per_page=2&sort=id").get_json()
    with client.application.test_request_context(f"{API}/claims?per_page=2&sort=id"), \
            database.connection_context():
        expected = schemas.ClaimPage().dump(paginate(
            queries.claims_query, {"page": 1, "per_page": 2, "sort": "id"},
            queries.claim_summaries))
    assert served == json.loads(json.dumps(expected))
    assert served["next"] and served["items"][0]["speakers"]
    assert served["items"][0]["contradiction_count"]


def test_a_page_of_contradictions_is_served_as_its_schema_dumps_it(client, make_source, flag):
    claims = make_source(ARTICLE, outlet="Harbour Herald", published="2024-03-01")["claims"]
    flag(claims[0]["id"], claims[1]["id"], "Both cannot hold.")  # beside the one found
    served = client.get(f"{API}/contradictions?per_page=1").get_json()
    with client.application.test_request_context(f"{API}/contradictions?per_page=1"), \
            database.connection_context():
        expected = schemas.ContradictionPage().dump(paginate(
            queries.contradictions_query, {"page": 1, "per_page": 1}, queries.pair_records))
    assert served == json.loads(json.dumps(expected))
    assert served["next"] and served["items"][0]["claim_a"]["text"]


def test_a_speaker_is_served_as_its_schema_dumps_it(client, make_source, flag):
    claims = make_source(ARTICLE, outlet="Harbour Herald", published="2024-03-01")["claims"]
    speaker_id = claims[0]["speakers"][0]["id"]
    own = [c["id"] for c in claims if speaker_id in {s["id"] for s in c["speakers"]}]
    flag(own[0], own[1], "On schedule, yet late.")
    served = client.get(f"{API}/speakers/{speaker_id}").get_json()
    with database.connection_context():
        expected = schemas.SpeakerDetail().dump(queries.speaker_detail(speaker_id))
    assert served == json.loads(json.dumps(expected))
    assert len(served["claims"]) == len(own) and served["self_contradictions"]


def test_an_ingest_is_answered_as_its_schema_dumps_it(client, write_headers):
    served = client.post(f"{API}/sources", json={"text": ARTICLE, "outlet": "Harbour Herald"},
                         headers=write_headers).get_json()
    with database.connection_context():
        stored = {link.id: link for link in ClaimLink.select()}
        links = [stored[link["id"]] for link in served["links"]]
        expected = schemas.IngestResult().dump({
            "created": True, "source": queries.source_detail(served["source"]["id"]),
            "links": queries.row_records(links),
            "contradictions": queries.pair_records(
                [link for link in links if link.relation == "contradicts"])})
    assert served == json.loads(json.dumps(expected))
    assert served["source"]["claims"] and served["contradictions"]


class Renamed(Schema):
    name = fields.String(data_key="label")


class Unknown(Schema):
    tags = fields.Dict()


@pytest.mark.parametrize("schema", [Renamed, Unknown])
def test_a_schema_the_fast_dump_cannot_follow_is_refused_when_it_is_built(schema):
    with pytest.raises(TypeError):
        plain_dumper(schema)
