"""Speakers: list and find them, read one with their claims and self-contradictions."""

import pytest

from tests.api.contract import API, ids_of, problem_of

SPEAKERS = f"{API}/speakers"


@pytest.fixture
def speakers(make_speaker):
    return {
        "rice": make_speaker("Condoleezza Rice", aliases=["Ms. Rice", "Rice"],
                             role="U.S. National Security Adviser"),
        "putin": make_speaker("Vladimir Putin", aliases=["President Putin"]),
        "russia": make_speaker("Russia", kind="country", aliases=["Moscow", "the Kremlin"]),
        "ministry": make_speaker("Russian foreign ministry", kind="organization"),
    }


def test_list_answers_the_envelope_ordered_by_name(client, speakers):
    body = client.get(SPEAKERS).get_json()
    assert set(body) == {"items", "page", "per_page", "total", "total_exact", "next"}
    assert [item["name"] for item in body["items"]] == [
        "Condoleezza Rice", "Russia", "Russian foreign ministry", "Vladimir Putin"]
    rice = body["items"][0]
    assert (rice["kind"], rice["role"], rice["claim_count"]) == (
        "person", "U.S. National Security Adviser", 0)
    assert rice["aliases"] == ["Condoleezza Rice", "Ms. Rice", "Rice"]


@pytest.mark.parametrize(("q", "expected"), [
    ("rice", {"rice"}),
    ("CONDOLEEZZA", {"rice"}),
    ("russia", {"russia", "ministry"}),
    ("put", {"putin"}),
    ("ministry", {"ministry"}),
    ("obama", set()),
    ("%", set()),
    ("_", set()),
])
def test_q_finds_speakers_by_part_of_their_name(client, speakers, q, expected):
    found = ids_of(client.get(SPEAKERS, query_string={"q": q}))
    assert sorted(found) == sorted(speakers[name] for name in expected)


@pytest.mark.parametrize(("kind", "expected"), [
    ("person", {"rice", "putin"}),
    ("country", {"russia"}),
    ("organization", {"ministry"}),
    ("group", set()),
])
def test_kind_filter(client, speakers, kind, expected):
    found = ids_of(client.get(f"{SPEAKERS}?kind={kind}"))
    assert sorted(found) == sorted(speakers[name] for name in expected)


@pytest.mark.parametrize(("query", "field"), [("kind=planet", "kind"), ("q=", "q"),
                                              ("per_page=101", "per_page"),
                                              ("colour=red", "colour")])
def test_list_rejects_bad_arguments_naming_them(client, query, field):
    response = client.get(f"{SPEAKERS}?{query}")
    assert response.status_code == 422
    assert field in problem_of(response)["errors"]


def test_get_serves_a_speaker_with_their_claims_and_self_contradictions(
        client, speakers, make_claim, flag):
    rice = speakers["rice"]
    march = make_claim("Talks will start in March", speaker_id=rice)["id"]
    june = make_claim("Talks will not start before June", speaker_id=rice)["id"]
    russian = make_claim("Talks will start at once", speaker_id=speakers["russia"])["id"]
    self_link = flag(march, june)["id"]
    flag(march, russian)
    response = client.get(f"{SPEAKERS}/{rice}")
    assert response.status_code == 200
    speaker = response.get_json()
    assert (speaker["id"], speaker["name"], speaker["claim_count"]) == (
        rice, "Condoleezza Rice", 2)
    assert sorted(claim["id"] for claim in speaker["claims"]) == sorted([march, june])
    for claim in speaker["claims"]:
        assert rice in [s["id"] for s in claim["speakers"]]
    assert [link["id"] for link in speaker["self_contradictions"]] == [self_link]
    assert {link["kind"] for link in speaker["self_contradictions"]} == {"self"}


def test_get_lists_a_speakers_latest_100_claims_newest_first(
        client, speakers, make_claim):
    rice = speakers["rice"]
    made = [make_claim(f"The summit will open on day {n} of the month", speaker_id=rice)["id"]
            for n in range(103)]
    speaker = client.get(f"{SPEAKERS}/{rice}").get_json()
    assert speaker["claim_count"] == 103
    assert [claim["id"] for claim in speaker["claims"]] == sorted(made, reverse=True)[:100]


def test_get_seeded_speakers_have_the_claims_the_claim_list_gives_them(client, seeded):
    listed = client.get(f"{SPEAKERS}?per_page=100").get_json()["items"]
    assert listed
    for item in listed[:10]:
        speaker = client.get(f"{SPEAKERS}/{item['id']}").get_json()
        assert len(speaker["claims"]) == item["claim_count"]
        claims = ids_of(client.get(f"{API}/claims?speaker={item['id']}&per_page=100"))
        assert sorted(c["id"] for c in speaker["claims"]) == sorted(claims)


def test_a_speaker_that_does_not_exist_is_404(client):
    response = client.get(f"{SPEAKERS}/999999")
    assert response.status_code == 404
    assert problem_of(response)["status"] == 404
