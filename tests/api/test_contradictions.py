"""Contradictions: flag one by hand, list and filter them, confirm or reject them."""

import pytest

from models.db import database
from models.link import ClaimLink
from tests.api.contract import API, ids_of, problem_of, walked_ids

CONTRADICTIONS = f"{API}/contradictions"


def _flag_response(client, headers, claim_id, other_id, **body):
    return client.post(f"{API}/claims/{claim_id}/contradictions",
                       json={"claim_id": other_id, **body}, headers=headers)


def _review_response(client, headers, link_id, state, **body):
    return client.patch(f"{CONTRADICTIONS}/{link_id}", json={"state": state, **body},
                        headers=headers)


# ----- POST /claims/{id}/contradictions

def test_flag_is_suggested_for_the_desk_unless_the_caller_confirms_it(
        client, write_headers, make_claim, get_claim):
    a, b = make_claim("The tax will rise")["id"], make_claim("The tax will not rise")["id"]
    response = _flag_response(client, write_headers, b, a)
    assert response.status_code == 201
    link = response.get_json()
    assert (link["origin"], link["state"], link.get("reviewed_by")) == ("manual", "suggested", None)
    suggested = client.get(f"{CONTRADICTIONS}?state=suggested").get_json()["items"]
    assert link["id"] in [item["id"] for item in suggested]
    for claim_id in (a, b):
        claim = get_claim(claim_id)
        assert (claim["status"], claim["contradiction_count"]) == ("unverified", 1)
    reviewed = _review_response(client, write_headers, link["id"], "confirmed")
    assert reviewed.status_code == 200
    assert {get_claim(a)["status"], get_claim(b)["status"]} == {"disputed"}


def test_a_flag_confirmed_by_its_caller_is_reviewed_and_disputes_both_claims(
        client, write_headers, make_claim, get_claim):
    a, b = make_claim("The tax will rise")["id"], make_claim("The tax will not rise")["id"]
    response = _flag_response(client, write_headers, b, a, state="confirmed",
                              explanation="One says the tax rises, the other that it does not.")
    assert response.status_code == 201
    link = response.get_json()
    assert (link["relation"], link["origin"], link["state"], link["created_by"]) == (
        "contradicts", "manual", "confirmed", "key:test-write")
    assert link["explanation"] == "One says the tax rises, the other that it does not."
    assert {link["claim_a"]["id"], link["claim_b"]["id"]} == {a, b}
    assert client.get(response.headers["Location"]).get_json()["id"] == link["id"]
    for claim_id in (a, b):
        claim = get_claim(claim_id)
        assert claim["status"] == "disputed"
        assert claim["contradiction_count"] == 1
    history = client.get(f"{API}/claims/{a}/history").get_json()["items"]
    assert (history[-1]["field"], history[-1]["new"], history[-1]["actor"]) == (
        "status", "disputed", "key:test-write")


@pytest.mark.parametrize(("rating", "status"), [("mostly_supported", "supported"),
                                                ("refuted", "refuted"), ("unproven", "unproven")])
def test_flag_keeps_the_verdict_of_a_reviewed_claim(make_claim, review, flag, get_claim,
                                                    rating, status):
    reviewed, other = make_claim("The tax will rise")["id"], make_claim("No new tax")["id"]
    review(reviewed, rating)
    flag(reviewed, other, state="confirmed")
    assert get_claim(reviewed)["status"] == status
    assert get_claim(other)["status"] == "disputed"


def test_a_review_after_a_flag_replaces_disputed_with_the_verdict(make_claim, review, flag,
                                                                 get_claim):
    a, b = make_claim("The tax will rise")["id"], make_claim("No new tax")["id"]
    flag(a, b, state="confirmed")
    review(a, "supported")
    assert get_claim(a)["status"] == "supported"
    assert get_claim(b)["status"] == "disputed"


@pytest.mark.parametrize(("target", "field"), [("self", "claim_id"), (999999, "claim_id"),
                                               (0, "claim_id"), ("two", "claim_id"),
                                               (None, "claim_id"), ("text", "claim_id")])
def test_flag_rejects_a_target_that_is_not_another_claim(client, write_headers, make_claim,
                                                         get_claim, target, field):
    claim = make_claim()["id"]
    targets = {"self": claim, "text": str(make_claim("The bridge will not open")["id"])}
    body = {} if target is None else {"claim_id": targets.get(target, target)}
    response = client.post(f"{API}/claims/{claim}/contradictions", json=body,
                           headers=write_headers)
    assert response.status_code == 422
    assert field in problem_of(response)["errors"]
    assert get_claim(claim)["status"] == "unverified"


def test_flag_on_a_claim_that_does_not_exist_is_404(client, write_headers, make_claim):
    other = make_claim()["id"]
    response = _flag_response(client, write_headers, 999999, other)
    assert response.status_code == 404


@pytest.mark.parametrize("reverse", [False, True])
def test_flagging_the_same_pair_again_is_409_naming_the_existing_link(
        client, write_headers, make_claim, flag, reverse):
    a, b = make_claim("The tax will rise")["id"], make_claim("No new tax")["id"]
    link = flag(a, b)
    first, second = (b, a) if reverse else (a, b)
    response = _flag_response(client, write_headers, first, second)
    assert response.status_code == 409
    assert problem_of(response)["existing_id"] == link["id"]
    assert client.get(CONTRADICTIONS).get_json()["total"] == 1


def test_flagging_a_pair_the_detector_suggested_is_409(client, write_headers, make_claim,
                                                       detected_link):
    a, b = make_claim("The tax will rise")["id"], make_claim("No new tax")["id"]
    suggested = detected_link(a, b)
    response = _flag_response(client, write_headers, a, b)
    assert response.status_code == 409
    assert problem_of(response)["existing_id"] == suggested


@pytest.mark.parametrize(("body", "field"), [({"explanation": ""}, "explanation"),
                                             ({"score": 0.3}, "score")])
def test_flag_rejects_bad_bodies_naming_the_field(client, write_headers, make_claim, body,
                                                  field):
    a, b = make_claim("The tax will rise")["id"], make_claim("No new tax")["id"]
    response = _flag_response(client, write_headers, a, b, **body)
    assert response.status_code == 422
    assert field in problem_of(response)["errors"]


# ----- GET /contradictions

@pytest.fixture
def links(make_claim, make_speaker, flag, detected_link, client, write_headers):
    """A manual self-contradiction, a manual disagreement, a detected suggestion between two
    narrations, and a rejected manual one."""
    mayor = make_speaker("Jane Holloway", aliases=["Ms. Holloway"])
    engineer = make_speaker("Tom Reyes")
    claims = {
        "mayor_march": make_claim("The bridge opens in March", speaker_id=mayor)["id"],
        "mayor_june": make_claim("The bridge opens in June", speaker_id=mayor)["id"],
        "engineer": make_claim("The bridge opens in September", speaker_id=engineer)["id"],
        "report_a": make_claim("The council approved the budget")["id"],
        "report_b": make_claim("The council rejected the budget")["id"],
        "old_a": make_claim("The steel arrived")["id"],
        "old_b": make_claim("The steel did not arrive")["id"],
    }
    found = {
        "self": flag(claims["mayor_march"], claims["mayor_june"], state="confirmed")["id"],
        "disagreement": flag(claims["mayor_march"], claims["engineer"],
                             state="confirmed")["id"],
        "detected": detected_link(claims["report_a"], claims["report_b"], score=0.4),
        "rejected": flag(claims["old_a"], claims["old_b"])["id"],
    }
    assert _review_response(client, write_headers, found["rejected"],
                            "rejected").status_code == 200
    return {"speakers": {"mayor": mayor, "engineer": engineer}, "claims": claims,
            "links": found}


@pytest.mark.parametrize(("query", "expected"), [
    ("", {"self", "disagreement", "detected", "rejected"}),
    ("state=confirmed", {"self", "disagreement"}),
    ("state=suggested", {"detected"}),
    ("state=rejected", {"rejected"}),
    ("origin=manual", {"self", "disagreement", "rejected"}),
    ("origin=detected", {"detected"}),
    ("kind=self", {"self"}),
    ("kind=disagreement", {"disagreement"}),
    ("kind=conflicting_reports", {"detected", "rejected"}),
    ("min_score=0.5", {"self", "disagreement", "rejected"}),
    ("min_score=0.4", {"self", "disagreement", "detected", "rejected"}),
    ("min_score=1", {"self", "disagreement", "rejected"}),
    ("state=confirmed&kind=self", {"self"}),
])
def test_list_filters_contradictions(client, links, query, expected):
    found = ids_of(client.get(f"{CONTRADICTIONS}?{query}"))
    assert sorted(found) == sorted(links["links"][name] for name in expected)


@pytest.mark.parametrize(("speaker", "query", "expected"), [
    ("mayor", "", {"self", "disagreement"}),
    ("engineer", "", {"disagreement"}),
    # with the filters a list narrowed to a few claims' links compares apart from the rest
    ("mayor", "&state=confirmed&kind=self", {"self"}),
    ("mayor", "&kind=disagreement&origin=manual", {"disagreement"}),
    ("mayor", "&state=suggested", set()),
])
def test_list_filters_contradictions_by_speaker(client, links, speaker, query, expected):
    speaker_id = links["speakers"][speaker]
    found = ids_of(client.get(f"{CONTRADICTIONS}?speaker={speaker_id}{query}"))
    assert sorted(found) == sorted(links["links"][name] for name in expected)


def test_list_filters_contradictions_by_source(client, make_source, make_claim, flag):
    source = make_source()
    start = source["text"].index("the bridge would not open")
    quoted = make_claim("The bridge will not open before September", source_id=source["id"],
                        start=start, end=start + len("the bridge would not open"))["id"]
    link = flag(quoted, make_claim("The bridge opens in summer")["id"])
    elsewhere = flag(make_claim("The steel arrived")["id"], make_claim("No steel arrived")["id"])
    # The article's own two dates for the opening are flagged on ingest, and listed too.
    found = ids_of(client.get(f"{CONTRADICTIONS}?source={source['id']}"))
    assert link["id"] in found and elsewhere["id"] not in found


def test_list_orders_strongest_first(client, links):
    scores = [item["score"] for item in client.get(CONTRADICTIONS).get_json()["items"]]
    assert scores == sorted(scores, reverse=True)


def test_each_listed_contradiction_carries_both_claims(client, links):
    body = client.get(CONTRADICTIONS).get_json()
    assert set(body) == {"items", "page", "per_page", "total", "total_exact", "next"}
    texts = {claim_id: name for name, claim_id in links["claims"].items()}
    for item in body["items"]:
        for side in ("claim_a", "claim_b"):
            claim = item[side]
            assert claim["id"] in texts
            assert claim["text"] == client.get(f"{API}/claims/{claim['id']}").get_json()["text"]
            assert isinstance(claim["speakers"], list)
        assert item["claim_a"]["id"] < item["claim_b"]["id"]
        for field in ("score", "cues", "kind", "explanation", "state", "origin"):
            assert field in item
    self_link = next(i for i in body["items"] if i["id"] == links["links"]["self"])
    assert [s["name"] for s in self_link["claim_a"]["speakers"]] == ["Jane Holloway"]


@pytest.mark.parametrize(("query", "field"), [
    ("state=pending", "state"),
    ("origin=robot", "origin"),
    ("kind=feud", "kind"),
    ("min_score=1.5", "min_score"),
    ("min_score=high", "min_score"),
    ("speaker=0", "speaker"),
    ("per_page=101", "per_page"),
    ("colour=red", "colour"),
])
def test_list_rejects_bad_filters_naming_them(client, query, field):
    response = client.get(f"{CONTRADICTIONS}?{query}")
    assert response.status_code == 422
    assert field in problem_of(response)["errors"]


def test_get_one_contradiction_and_404(client, links):
    link_id = links["links"]["detected"]
    response = client.get(f"{CONTRADICTIONS}/{link_id}")
    assert response.status_code == 200
    assert (response.get_json()["id"], response.get_json()["state"]) == (link_id, "suggested")
    assert client.get(f"{CONTRADICTIONS}/999999").status_code == 404


def test_a_same_claim_link_is_not_a_contradiction(client, make_claim, app):

    a, b = make_claim("The tax will rise")["id"], make_claim("Taxes will rise")["id"]
    with database.connection_context():
        same = ClaimLink.create(claim_a=a, claim_b=b, relation="same_claim", score=0.9).id
    assert client.get(f"{CONTRADICTIONS}/{same}").status_code == 404
    assert client.get(CONTRADICTIONS).get_json()["total"] == 0


def test_a_flag_by_hand_rejects_the_same_claim_suggestion_until_the_flag_is_rejected(
        client, write_headers, make_claim, flag, app):
    a, b = make_claim("The tax will rise")["id"], make_claim("Taxes will rise")["id"]
    with database.connection_context():
        ClaimLink.create(claim_a=min(a, b), claim_b=max(a, b), relation="same_claim",
                         score=0.9)
    flagged = flag(a, b)
    links = client.get(f"{API}/claims/{a}").get_json()["links"]
    assert [(link["relation"], link["state"], link["review_reason"]) for link in links] == [
        ("same_claim", "rejected", f"Flagged as contradicting (link {flagged['id']})."),
        ("contradicts", "suggested", None)]
    assert links[0]["reviewed_by"] == "key:test-write"
    _review_response(client, write_headers, flagged["id"], "rejected")
    links = client.get(f"{API}/claims/{a}").get_json()["links"]
    assert [(link["relation"], link["state"], link["review_reason"]) for link in links] == [
        ("same_claim", "suggested", None), ("contradicts", "rejected", None)]


def test_a_pair_confirmed_as_one_claim_cannot_be_flagged_as_contradicting(
        client, write_headers, make_claim, app):
    a, b = make_claim("The tax will rise")["id"], make_claim("Taxes will rise")["id"]
    with database.connection_context():
        same = ClaimLink.create(claim_a=min(a, b), claim_b=max(a, b), relation="same_claim",
                                score=0.9, state="confirmed").id
    response = _flag_response(client, write_headers, a, b)
    assert response.status_code == 409
    assert problem_of(response)["existing_id"] == same
    assert client.get(f"{API}/claims/{a}").get_json()["contradiction_count"] == 0


# ----- PATCH /contradictions/{id}

def test_rejecting_the_only_contradiction_returns_both_claims_to_unverified(
        client, write_headers, make_claim, flag, get_claim):
    a, b = make_claim("The tax will rise")["id"], make_claim("No new tax")["id"]
    link = flag(a, b)
    response = _review_response(client, write_headers, link["id"], "rejected",
                                reason="They speak of different taxes.")
    assert response.status_code == 200
    body = response.get_json()
    assert (body["state"], body["reviewed_by"], body["review_reason"]) == (
        "rejected", "key:test-write", "They speak of different taxes.")
    assert [get_claim(a)["status"], get_claim(b)["status"]] == ["unverified", "unverified"]
    assert ids_of(client.get(f"{API}/claims?has_contradictions=true")) == []


def test_rejecting_one_contradiction_keeps_a_claim_with_another_disputed(
        client, write_headers, make_claim, flag, get_claim):
    a, b, c = (make_claim(f"Claim {n}")["id"] for n in "abc")
    first = flag(a, b, state="confirmed")
    flag(a, c, state="confirmed")
    assert _review_response(client, write_headers, first["id"], "rejected").status_code == 200
    assert [get_claim(i)["status"] for i in (a, b, c)] == ["disputed", "unverified", "disputed"]


def test_rejecting_keeps_a_dispute_an_editor_set_by_hand(client, write_headers, make_claim,
                                                         flag, get_claim):
    a, b = make_claim("The tax will rise")["id"], make_claim("No new tax")["id"]
    edited = client.patch(f"{API}/claims/{a}", json={
        "status": "disputed", "reason": "contradiction with the audit"},  # an editor's words
        headers={**write_headers, "If-Match": "*"})
    assert edited.status_code == 200, edited.get_json()
    link = flag(a, b, state="confirmed")
    assert _review_response(client, write_headers, link["id"], "rejected").status_code == 200
    assert [get_claim(a)["status"], get_claim(b)["status"]] == ["disputed", "unverified"]


def test_rejecting_keeps_a_verdict(client, write_headers, make_claim, flag, review, get_claim):
    a, b = make_claim("The tax will rise")["id"], make_claim("No new tax")["id"]
    link = flag(a, b)
    review(a, "mixed")
    assert _review_response(client, write_headers, link["id"], "rejected").status_code == 200
    assert [get_claim(a)["status"], get_claim(b)["status"]] == ["mixed", "unverified"]


def test_confirming_a_suggestion_disputes_both_claims(client, write_headers, make_claim,
                                                      detected_link, get_claim):
    a, b = make_claim("The tax will rise")["id"], make_claim("No new tax")["id"]
    link_id = detected_link(a, b)
    assert get_claim(a)["status"] == "unverified"
    response = _review_response(client, write_headers, link_id, "confirmed")
    assert response.status_code == 200
    assert (response.get_json()["state"], response.get_json()["origin"]) == (
        "confirmed", "detected")
    assert [get_claim(a)["status"], get_claim(b)["status"]] == ["disputed", "disputed"]


def test_confirming_again_a_rejected_contradiction_disputes_again(
        client, write_headers, make_claim, flag, get_claim):
    a, b = make_claim("The tax will rise")["id"], make_claim("No new tax")["id"]
    link = flag(a, b)
    _review_response(client, write_headers, link["id"], "rejected")
    assert _review_response(client, write_headers, link["id"], "confirmed").status_code == 200
    assert [get_claim(a)["status"], get_claim(b)["status"]] == ["disputed", "disputed"]


@pytest.mark.parametrize(("body", "field"), [
    ({"state": "suggested"}, "state"),
    ({"state": "maybe"}, "state"),
    ({}, "state"),
    ({"state": "rejected", "score": 0}, "score"),
])
def test_review_rejects_bad_states_naming_the_field(client, write_headers, make_claim, flag,
                                                    body, field):
    link = flag(make_claim("The tax will rise")["id"], make_claim("No new tax")["id"])
    response = client.patch(f"{CONTRADICTIONS}/{link['id']}", json=body, headers=write_headers)
    assert response.status_code == 422
    assert field in problem_of(response)["errors"]
    assert client.get(f"{CONTRADICTIONS}/{link['id']}").get_json()["state"] == "suggested"


def test_review_of_a_contradiction_that_does_not_exist_is_404(client, write_headers):
    response = _review_response(client, write_headers, 999999, "rejected")
    assert response.status_code == 404
    assert problem_of(response)["status"] == 404


# ----- GET /claims/{id}/contradictions

def test_a_claims_contradictions_are_the_links_it_is_part_of(client, links):
    claims, found = links["claims"], links["links"]
    listed = ids_of(client.get(f"{API}/claims/{claims['mayor_march']}/contradictions"))
    assert sorted(listed) == sorted([found["self"], found["disagreement"]])
    assert ids_of(client.get(f"{API}/claims/{claims['engineer']}/contradictions")) == [
        found["disagreement"]]
    confirmed = client.get(f"{API}/claims/{claims['old_a']}/contradictions?state=confirmed")
    assert ids_of(confirmed) == []
    assert ids_of(client.get(f"{API}/claims/{claims['old_a']}/contradictions")) == [
        found["rejected"]]


def test_a_claim_without_contradictions_lists_none(client, make_claim):
    claim = make_claim()
    body = client.get(f"{API}/claims/{claim['id']}/contradictions").get_json()
    assert (body["items"], body["total"], body["next"]) == ([], 0, None)


def test_next_walks_contradictions_of_one_score_each_once(client, make_claim, detected_link):
    claims = [make_claim(f"Harbour claim {n}")["id"] for n in range(5)]
    made = {detected_link(claims[0], other, score=0.7) for other in claims[1:]}
    made.add(detected_link(claims[1], claims[2], score=0.8))
    seen = walked_ids(client, f"{API}/contradictions?per_page=1")
    assert sorted(seen) == sorted(made) and len(seen) == len(made)
    assert [i["score"] for i in client.get(f"{API}/contradictions?min_score=0.7")
            .get_json()["items"]] == [0.8, 0.7, 0.7, 0.7, 0.7]
