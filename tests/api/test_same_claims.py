"""Same-claim pairs: the suggestions detection makes of two claims saying one thing, listed
and reviewed like contradictions."""

from models.db import database
from models.event import Event
from models.link import ClaimLink
from tests.api.contract import API, ids_of, problem_of

SAME_CLAIMS = f"{API}/same-claims"


def _pair(a: int, b: int, score: float, **fields) -> int:
    with database.connection_context():
        return ClaimLink.create(claim_a=min(a, b), claim_b=max(a, b), relation="same_claim",
                                score=score, **fields).id


def test_an_ingest_suggests_the_same_claim_said_by_another_and_it_is_listed(
        client, make_source):
    make_source("Mayor Lena Ortiz said the new harbour bridge will open to traffic in March.")
    make_source("Councillor Tomas Reyes said the new harbour bridge would open to traffic "
                "in March.")
    page = client.get(SAME_CLAIMS).get_json()
    assert page["total"] == 1
    pair = page["items"][0]
    assert (pair["relation"], pair["state"], pair["origin"]) == ("same_claim", "suggested",
                                                                  "detected")
    assert {pair["claim_a"]["speakers"][0]["name"], pair["claim_b"]["speakers"][0]["name"]} == {
        "Lena Ortiz", "Tomas Reyes"}


def test_pairs_are_listed_most_alike_first_and_filtered(client, make_claim, flag):
    a, b, c = (make_claim(text)["id"] for text in (
        "The tax will rise", "Taxes will rise", "The tax is to rise"))
    close, closer = _pair(a, c, 0.7), _pair(a, b, 0.9)
    rejected = _pair(b, c, 0.8, state="rejected")
    flag(a, make_claim("The tax will not rise")["id"])  # no same-claim pair: not listed
    assert ids_of(client.get(SAME_CLAIMS)) == [closer, rejected, close]
    assert ids_of(client.get(f"{SAME_CLAIMS}?state=suggested")) == [closer, close]
    assert ids_of(client.get(f"{SAME_CLAIMS}?claim={c}")) == [rejected, close]


def test_a_pair_is_read_with_both_claims_and_a_contradiction_is_no_pair(client, make_claim,
                                                                        flag):
    a, b = make_claim("The tax will rise")["id"], make_claim("Taxes will rise")["id"]
    pair = _pair(a, b, 0.9)
    body = client.get(f"{SAME_CLAIMS}/{pair}").get_json()
    assert (body["claim_a"]["text"], body["claim_b"]["text"]) == ("The tax will rise",
                                                                  "Taxes will rise")
    contradiction = flag(a, make_claim("The tax will not rise")["id"])["id"]
    response = client.get(f"{SAME_CLAIMS}/{contradiction}")
    assert response.status_code == 404
    assert problem_of(response)["detail"] == f"There is no same-claim pair {contradiction}."


def test_a_pair_is_confirmed_or_rejected_with_a_reason(client, write_headers, make_claim):
    a, b, c = (make_claim(text)["id"] for text in (
        "The tax will rise", "Taxes will rise", "The old tax will rise"))
    same, other = _pair(a, b, 0.9), _pair(a, c, 0.8)
    confirmed = client.patch(f"{SAME_CLAIMS}/{same}", json={"state": "confirmed"},
                             headers=write_headers)
    rejected = client.patch(f"{SAME_CLAIMS}/{other}", headers=write_headers,
                            json={"state": "rejected", "reason": "The old tax is another."})
    assert confirmed.status_code == rejected.status_code == 200
    assert (confirmed.get_json()["state"], confirmed.get_json()["reviewed_by"]) == (
        "confirmed", "key:test-write")
    assert (rejected.get_json()["state"], rejected.get_json()["review_reason"]) == (
        "rejected", "The old tax is another.")
    links = client.get(f"{API}/claims/{a}").get_json()["links"]
    assert {(link["id"], link["state"]) for link in links} == {(same, "confirmed"),
                                                               (other, "rejected")}


def test_a_pair_linked_as_contradicting_cannot_be_confirmed_as_one_claim(
        client, write_headers, make_claim, flag):
    a, b = make_claim("The tax will rise")["id"], make_claim("Taxes will rise")["id"]
    pair = _pair(a, b, 0.9)
    contradiction = flag(a, b)["id"]
    response = client.patch(f"{SAME_CLAIMS}/{pair}", json={"state": "confirmed"},
                            headers=write_headers)
    assert response.status_code == 409
    assert problem_of(response)["existing_id"] == contradiction
    assert client.get(f"{SAME_CLAIMS}/{pair}").get_json()["state"] == "rejected"


def test_the_same_state_again_with_a_new_reason_keeps_the_reason(client, write_headers,
                                                                 make_claim):
    pair = _pair(make_claim("The tax will rise")["id"], make_claim("Taxes will rise")["id"],
                 0.9)
    for reason in ("Both quote the budget.", "Both quote the budget, page 4."):
        answer = client.patch(f"{SAME_CLAIMS}/{pair}", headers=write_headers,
                              json={"state": "confirmed", "reason": reason})
        assert (answer.status_code, answer.get_json()["review_reason"]) == (200, reason)


def test_a_review_needs_a_write_key_and_a_review_state(client, read_headers, write_headers,
                                                       make_claim):
    pair = _pair(make_claim("The tax will rise")["id"], make_claim("Taxes will rise")["id"],
                 0.9)
    assert client.patch(f"{SAME_CLAIMS}/{pair}", json={"state": "rejected"}).status_code == 401
    assert client.patch(f"{SAME_CLAIMS}/{pair}", json={"state": "rejected"},
                        headers=read_headers).status_code == 403
    response = client.patch(f"{SAME_CLAIMS}/{pair}", json={"state": "suggested"},
                            headers=write_headers)
    assert response.status_code == 422
    assert "state" in problem_of(response)["errors"]
    assert client.get(f"{SAME_CLAIMS}/{pair}").get_json()["state"] == "suggested"


def test_a_review_is_an_event_for_subscribers(client, write_headers, make_claim):
    pair = _pair(make_claim("The tax will rise")["id"], make_claim("Taxes will rise")["id"],
                 0.9)
    client.patch(f"{SAME_CLAIMS}/{pair}", json={"state": "rejected", "reason": "Two taxes."},
                 headers=write_headers)
    client.patch(f"{SAME_CLAIMS}/{pair}", json={"state": "rejected"}, headers=write_headers)
    with database.connection_context():
        events = [e.data for e in Event.select().where(Event.type == "same_claim.reviewed")]
    assert events == [{"same_claim_id": pair, "claim_a": events[0]["claim_a"],
                       "claim_b": events[0]["claim_b"], "state": "rejected",
                       "reviewed_by": "key:test-write", "reason": "Two taxes."}]
