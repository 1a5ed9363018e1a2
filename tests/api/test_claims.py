"""/api/v1/claims: list and search, create, read one, edit with If-Match, history, reviews."""

import datetime

import pytest

from models import Claim
from models.db import database
from tests.api.contract import API, ARTICLE, ids_of, problem_of, walked_ids

CLAIMS = f"{API}/claims"


def _span(text: str, words: str) -> dict:
    start = text.index(words)
    return {"start": start, "end": start + len(words)}


# ----- GET /claims: the envelope and paging

def test_list_answers_the_envelope_and_next_walks_every_page_once(client, make_claim):
    made = {make_claim(f"Council claim number {n} about the budget")["id"] for n in range(5)}
    seen, url, page = [], f"{CLAIMS}?per_page=2", 0
    while url:
        response = client.get(url)
        assert response.status_code == 200
        body = response.get_json()
        page += 1
        assert set(body) == {"items", "page", "per_page", "total", "total_exact", "next"}
        assert (body["page"], body["per_page"], body["total"]) == (page, 2, 5)
        seen += ids_of(response)
        url = body["next"]
    assert page == 3
    assert sorted(seen) == sorted(made)


def test_list_accepts_the_largest_page_size(client, make_claim):
    make_claim()
    body = client.get(f"{CLAIMS}?per_page=100").get_json()
    assert (body["per_page"], body["total"], body["next"]) == (100, 1, None)


@pytest.mark.parametrize(("query", "field"), [
    ("per_page=101", "per_page"),
    ("per_page=0", "per_page"),
    ("page=0", "page"),
    ("page=two", "page"),
])
def test_list_rejects_paging_out_of_range_naming_the_argument(client, query, field):
    response = client.get(f"{CLAIMS}?{query}")
    assert response.status_code == 422
    assert field in problem_of(response)["errors"]


def test_list_page_past_the_end_is_empty_not_an_error(client, make_claim):
    make_claim("One claim")
    make_claim("Another claim")
    response = client.get(f"{CLAIMS}?page=7&per_page=2")
    assert response.status_code == 200
    body = response.get_json()
    assert (body["items"], body["page"], body["total"], body["next"]) == ([], 7, 2, None)


def test_next_url_keeps_the_filters(client, make_claim, review):
    refuted = set()
    for n in range(3):
        claim = make_claim(f"Refuted claim {n} about ferries")
        review(claim["id"], "refuted")
        refuted.add(claim["id"])
    make_claim("An unreviewed claim about ferries")
    seen, url = [], f"{CLAIMS}?status=refuted&q=ferries&per_page=1"
    while url:
        response = client.get(url)
        body = response.get_json()
        assert body["total"] == 3
        assert all(item["status"] == "refuted" for item in body["items"])
        if body["next"]:
            assert "status=refuted" in body["next"] and "q=ferries" in body["next"]
        seen += ids_of(response)
        url = body["next"]
    assert sorted(seen) == sorted(refuted)


@pytest.mark.parametrize("sort", ["-created_at", "first_seen", "-updated_at", "id"])
def test_next_walks_claims_that_tie_on_the_sort_column_each_once(client, make_claim, sort):
    made = [make_claim(f"Tied claim {n} about the tram")["id"] for n in range(7)]
    with database.connection_context():  # one moment and one day for all: only ids differ
        Claim.update(created_at=datetime.datetime(2024, 5, 1, 9, 30),
                     updated_at=datetime.datetime(2024, 5, 1, 9, 30),
                     first_seen=datetime.date(2024, 5, 1)).execute()
    seen = walked_ids(client, f"{CLAIMS}?sort={sort}&per_page=3")
    assert sorted(seen) == sorted(made) and len(seen) == len(made)
    assert seen == [c["id"] for c in client.get(
        f"{CLAIMS}?sort={sort}&per_page=100").get_json()["items"]]


@pytest.mark.parametrize(("cursor", "detail"), [
    ("not-a-cursor", "not one this list gave"),
    ("W1siaWQiXSxbInR3byJdXQ", "not one this list gave"),  # ["id"], ["two"]: a bad value
    ("W1siZmlyc3Rfc2VlbiIsImlkIl0sWyIyMDI0LTA1LTAxIiwxXV0", "another order"),
    ("W1siLWlkIl0sWzVdXQ", "another order"),  # ["-id"], [5]: the other direction
    ("W1siaWQiXSxbMTE4MDU5MTYyMDcxNzQxMTMwMzQyNF1d", "not one this list gave"),  # 2**70
    ("W1tbW1tbW1tbW1tbW1tbW1tb" * 62, "not one this list gave"),  # nested 1,116 deep
])
def test_a_cursor_that_is_not_this_lists_is_a_422_naming_it(client, make_claim, cursor,
                                                            detail):
    make_claim()
    response = client.get(f"{CLAIMS}?sort=id&cursor={cursor}")
    assert response.status_code == 422
    problem = problem_of(response)
    assert "cursor" in problem["errors"] and detail in problem["errors"]["cursor"][0]


def test_pages_past_the_first_ten_thousand_items_are_reached_by_next(client):
    response = client.get(f"{CLAIMS}?page=102&per_page=100")
    assert response.status_code == 422
    assert "follow `next`" in problem_of(response)["errors"]["page"][0]
    assert client.get(f"{CLAIMS}?page=101&per_page=100").status_code == 200


def test_list_rejects_unknown_query_parameters(client):
    response = client.get(f"{CLAIMS}?colour=red")
    assert response.status_code == 422
    assert "colour" in problem_of(response)["errors"]


@pytest.mark.parametrize("query", ["status=disputed&status=refuted", "q=tax&q=bridge",
                                   "per_page=5&per_page=50"])
def test_list_rejects_a_filter_given_twice_instead_of_taking_the_first(client, query):
    response = client.get(f"{CLAIMS}?{query}")
    assert response.status_code == 422
    assert problem_of(response)["errors"] == {query.split("=")[0]: ["Give this once."]}


# ----- GET /claims: full-text search

@pytest.fixture
def searchable(make_claim):
    return {name: make_claim(text)["id"] for name, text in {
        "opens": "The new bridge opens to traffic in spring",
        "tolls": "Bridge tolls rise by ten percent next year",
        "tunnel": "The tunnel closes for repairs",
        "ministry": "Russia's foreign ministry rejects the plan",
    }.items()}


@pytest.mark.parametrize(("q", "expected"), [
    ("bridge", {"opens", "tolls"}),
    ("BRIDGE tolls", {"tolls"}),
    ("bridges", {"opens", "tolls"}),
    ('"bridge opens"', {"opens"}),
    ('"opens bridge"', set()),
    ('tunnel "closes for repairs"', {"tunnel"}),
    ("submarine", set()),
    ("Russia's", {"ministry"}),
    ("russia\u2019s ministry", {"ministry"}),
    ('"Russia\'s foreign ministry"', {"ministry"}),
    ("bridge's tolls", {"tolls"}),
])
def test_q_finds_claims_by_words_and_quoted_phrases(client, searchable, q, expected):
    response = client.get(CLAIMS, query_string={"q": q})
    assert set(ids_of(response)) == {searchable[name] for name in expected}


def test_q_searches_the_quotes_of_a_claim_not_only_its_text(client, make_source, make_claim):
    source = make_source()
    claim = make_claim("The project is going well", source_id=source["id"],
                       **_span(source["text"], "We are on schedule and on budget"))
    assert claim["id"] in ids_of(client.get(CLAIMS, query_string={"q": "schedule budget"}))


def test_q_follows_an_edited_text(client, make_claim, patch_claim):
    claim = make_claim("The ferry runs hourly")
    assert patch_claim(claim["id"], {"text": "The tram runs hourly"}).status_code == 200
    assert ids_of(client.get(f"{CLAIMS}?q=ferry")) == []
    assert ids_of(client.get(f"{CLAIMS}?q=tram")) == [claim["id"]]


@pytest.mark.parametrize("q", ["", "!!!", '""', '" "', "-- ... ?", "x" * 501])
def test_q_without_words_to_search_is_rejected_naming_q(client, q):
    response = client.get(CLAIMS, query_string={"q": q})
    assert response.status_code == 422
    assert "q" in problem_of(response)["errors"]


# ----- GET /claims: the other filters

# A speaker's claims are read first when they are few, looked for through the base when many.
@pytest.mark.parametrize("few", [5_000, 0], ids=["few", "many"])
def test_speaker_filter_lists_exactly_the_claims_of_that_speaker(client, seeded, few,
                                                                  monkeypatch):
    monkeypatch.setattr("models.queries.claims.FEW_MEMBERS", few)
    speakers = client.get(f"{API}/speakers?per_page=100").get_json()["items"]
    speaker = max(speakers, key=lambda s: s["claim_count"])
    assert speaker["claim_count"] > 1
    body = client.get(f"{CLAIMS}?speaker={speaker['id']}&per_page=100").get_json()
    assert body["total"] == len(body["items"]) == speaker["claim_count"]
    assert body["total_exact"]
    for item in body["items"]:
        assert speaker["id"] in [s["id"] for s in item["speakers"]]
    newest_first = [(i["created_at"], i["id"]) for i in body["items"]]
    assert newest_first == sorted(newest_first, reverse=True)
    paged = walked_ids(client, f"{CLAIMS}?speaker={speaker['id']}&per_page=1")
    assert paged == [i["id"] for i in body["items"]]


def test_source_filter_lists_exactly_the_claims_found_in_that_source(client, seeded):
    sources = client.get(f"{API}/sources").get_json()["items"]
    assert len(sources) == 3
    for source in sources:
        found = client.get(f"{API}/sources/{source['id']}").get_json()["claims"]
        listed = ids_of(client.get(f"{CLAIMS}?source={source['id']}&per_page=100"))
        assert sorted(listed) == sorted(claim["id"] for claim in found)


def test_filters_on_a_speaker_or_source_that_does_not_exist_find_nothing(client, make_claim):
    make_claim()
    assert ids_of(client.get(f"{CLAIMS}?speaker=999999")) == []
    assert ids_of(client.get(f"{CLAIMS}?source=999999")) == []


@pytest.fixture
def triaged(make_claim, review, patch_claim):
    """A refuted (reviewed) claim, one in review, one untouched."""
    claims = {name: make_claim(f"Claim {name}")["id"] for name in ("refuted", "in_review", "new")}
    review(claims["refuted"], "refuted")
    assert patch_claim(claims["in_review"], {"review_state": "in_review"}).status_code == 200
    return claims


@pytest.mark.parametrize(("query", "expected"), [
    ("status=refuted", {"refuted"}),
    ("status=unverified", {"in_review", "new"}),
    ("status=disputed", set()),
    ("review_state=reviewed", {"refuted"}),
    ("review_state=in_review", {"in_review"}),
    ("review_state=untriaged", {"new"}),
    ("status=unverified&review_state=untriaged", {"new"}),
])
def test_status_and_review_state_filters(client, triaged, query, expected):
    assert set(ids_of(client.get(f"{CLAIMS}?{query}"))) == {triaged[n] for n in expected}


@pytest.fixture
def dated(make_source, make_claim):
    """A claim first seen in an article of 2001-07-27, and one first seen today."""
    source = make_source(published="2001-07-27")
    old = make_claim("The bridge opens in March", source_id=source["id"],
                     **_span(source["text"], "the new harbour bridge will open in March"))
    assert old["first_seen"] == "2001-07-27"
    return {"old": old["id"], "new": make_claim("The bridge opens next year")["id"]}


@pytest.mark.parametrize(("query", "found", "missing"), [
    ("since=2001-07-01&until=2001-07-31", "old", "new"),
    ("until=2001-07-27", "old", "new"),
    ("since=2001-07-27&until=2001-07-27", "old", "new"),
    ("since=2001-07-28", "new", "old"),
])
def test_since_and_until_filter_on_the_day_a_claim_was_first_seen(client, dated, query, found,
                                                                  missing):
    ids = ids_of(client.get(f"{CLAIMS}?{query}&per_page=100"))
    assert dated[found] in ids
    assert dated[missing] not in ids


@pytest.mark.parametrize(("query", "fields"), [
    ("since=2001-08-01&until=2001-07-01", {"since", "until"}),
    ("since=yesterday", {"since"}),
    ("until=2001-13-01", {"until"}),
])
def test_bad_dates_are_rejected_naming_the_argument(client, query, fields):
    response = client.get(f"{CLAIMS}?{query}")
    assert response.status_code == 422
    assert set(problem_of(response)["errors"]) & fields


def test_has_contradictions_splits_claims_on_live_contradictions(client, make_claim, flag,
                                                                 write_headers):
    a, b, c, d, e = (make_claim(f"Claim {n}")["id"] for n in "abcde")
    flag(a, b)
    rejected = flag(c, d)
    client.patch(f"{API}/contradictions/{rejected['id']}", json={"state": "rejected"},
                 headers=write_headers)
    assert sorted(ids_of(client.get(f"{CLAIMS}?has_contradictions=true"))) == [a, b]
    assert sorted(ids_of(client.get(f"{CLAIMS}?has_contradictions=false"))) == [c, d, e]
    listed = {item["id"]: item["contradiction_count"]
              for item in client.get(CLAIMS).get_json()["items"]}
    assert listed == {a: 1, b: 1, c: 0, d: 0, e: 0}


def test_has_contradictions_must_be_a_boolean(client):
    response = client.get(f"{CLAIMS}?has_contradictions=maybe")
    assert response.status_code == 422
    assert "has_contradictions" in problem_of(response)["errors"]


def _sort_key(field: str):
    def key(item):
        value = item[field]
        if field in ("created_at", "updated_at"):
            value = datetime.datetime.fromisoformat(value)
        return value, item["id"]

    return key


@pytest.mark.parametrize("sort", ["id", "-id", "created_at", "-created_at", "updated_at",
                                  "-updated_at", "first_seen", "-first_seen"])
def test_sort_orders_claims_by_the_field_with_id_breaking_ties(client, make_claim, patch_claim,
                                                              sort):
    ids = [make_claim(f"Claim {n} on sorting")["id"] for n in range(4)]
    assert patch_claim(ids[1], {"text": "An edited claim on sorting"}).status_code == 200
    items = client.get(f"{CLAIMS}?sort={sort}").get_json()["items"]
    field = sort.lstrip("-")
    expected = sorted(items, key=_sort_key(field), reverse=sort.startswith("-"))
    assert [i["id"] for i in items] == [i["id"] for i in expected]
    assert sorted(i["id"] for i in items) == ids


def test_default_order_is_newest_first(client, make_claim):
    ids = [make_claim(f"Claim {n}")["id"] for n in range(3)]
    assert ids_of(client.get(CLAIMS)) == ids[::-1]


def test_unknown_sort_is_rejected_naming_sort(client):
    response = client.get(f"{CLAIMS}?sort=popularity")
    assert response.status_code == 422
    assert "sort" in problem_of(response)["errors"]


# ----- POST /claims

def test_create_answers_201_with_location_and_etag_of_the_new_claim(client, write_headers):
    response = client.post(CLAIMS, json={"text": "Unemployment fell to 4 percent"},
                           headers=write_headers)
    assert response.status_code == 201
    claim = response.get_json()
    assert claim["text"] == "Unemployment fell to 4 percent"
    assert (claim["status"], claim["review_state"], claim["version"]) == (
        "unverified", "untriaged", 1)
    assert claim["appearances"] == [] and claim["speakers"] == []
    fetched = client.get(response.headers["Location"])
    assert fetched.status_code == 200
    assert fetched.get_json()["id"] == claim["id"]
    assert fetched.headers["ETag"] == response.headers["ETag"]


def test_create_records_who_created_the_claim(client, make_claim):
    claim = make_claim()
    rows = client.get(f"{CLAIMS}/{claim['id']}/history").get_json()["items"]
    assert [(r["field"], r["new"], r["actor"]) for r in rows] == [
        ("created", claim["text"], "key:test-write")]


def test_create_with_a_source_span_makes_an_appearance_quoting_the_source_exactly(
        client, make_source, make_claim):
    source = make_source()
    span = _span(source["text"], "the bridge would not open before September")
    claim = make_claim("The bridge will not open before September", source_id=source["id"],
                       kind="indirect", **span)
    [appearance] = claim["appearances"]
    assert appearance["quote"] == source["text"][span["start"]:span["end"]]
    assert (appearance["start"], appearance["end"]) == (span["start"], span["end"])
    assert (appearance["source"]["id"], appearance["kind"]) == (source["id"], "indirect")
    assert claim["id"] in ids_of(client.get(f"{CLAIMS}?source={source['id']}&per_page=100"))


def test_create_with_a_speaker_attributes_the_claim_to_them(client, seeded, make_claim):
    speaker = client.get(f"{API}/speakers").get_json()["items"][0]
    claim = make_claim("Talks will resume in autumn", speaker_id=speaker["id"])
    assert [s["id"] for s in claim["speakers"]] == [speaker["id"]]
    assert claim["appearances"][0]["speaker"]["id"] == speaker["id"]


@pytest.mark.parametrize(("body", "field"), [
    ({"speaker_id": 999999}, "speaker_id"),
    ({"source_id": 999999, "start": 0, "end": 5}, "source_id"),
])
def test_create_rejects_a_speaker_or_source_that_does_not_exist(client, write_headers, body,
                                                                field):
    response = client.post(CLAIMS, json={"text": "A claim", **body}, headers=write_headers)
    assert response.status_code == 422
    assert field in problem_of(response)["errors"]
    assert client.get(CLAIMS).get_json()["total"] == 0


@pytest.mark.parametrize("span", [
    {"start": 10, "end": 10},
    {"start": 20, "end": 10},
    {"start": 0, "end": len(ARTICLE) + 1},
    {"start": -1, "end": 10},
    {"start": 0},
    {"end": 10},
    {},
])
def test_create_rejects_a_span_that_is_not_inside_the_source(client, write_headers,
                                                             make_source, span):
    source = make_source()
    before = client.get(CLAIMS).get_json()["total"]
    response = client.post(CLAIMS, json={"text": "A claim", "source_id": source["id"], **span},
                           headers=write_headers)
    assert response.status_code == 422
    assert problem_of(response)["errors"]
    assert client.get(CLAIMS).get_json()["total"] == before


def test_create_rejects_a_span_without_a_source(client, write_headers):
    response = client.post(CLAIMS, json={"text": "A claim", "start": 0, "end": 5},
                           headers=write_headers)
    assert response.status_code == 422
    assert "source_id" in problem_of(response)["errors"]


@pytest.mark.parametrize(("body", "field"), [
    ({"text": "A claim", "colour": "red"}, "colour"),
    ({}, "text"),
    ({"text": ""}, "text"),
    ({"text": "x" * 5001}, "text"),
    ({"text": 42}, "text"),
    ({"text": "A claim", "kind": "rumour"}, "kind"),
    ({"text": "A claim", "start": "0", "end": 5}, "start"),  # a number as text
])
def test_create_rejects_bad_bodies_naming_the_field(client, write_headers, body, field):
    response = client.post(CLAIMS, json=body, headers=write_headers)
    assert response.status_code == 422
    assert field in problem_of(response)["errors"]


# ----- GET /claims/{id}

def test_get_serves_appearances_quoting_their_sources_exactly(client, seeded):
    texts = {}
    checked = 0
    for item in client.get(f"{CLAIMS}?per_page=100").get_json()["items"]:
        response = client.get(f"{CLAIMS}/{item['id']}")
        assert response.status_code == 200
        claim = response.get_json()
        assert response.headers["ETag"]
        assert isinstance(claim["links"], list) and isinstance(claim["reviews"], list)
        assert claim["appearances"]
        for appearance in claim["appearances"]:
            source_id = appearance["source"]["id"]
            if source_id not in texts:
                texts[source_id] = client.get(f"{API}/sources/{source_id}").get_json()["text"]
            assert texts[source_id][appearance["start"]:appearance["end"]] == appearance["quote"]
            checked += 1
        spoken = {a["speaker"]["id"] for a in claim["appearances"] if a["speaker"]}
        assert {s["id"] for s in claim["speakers"]} == spoken
    assert checked > 0


def test_get_serves_links_and_reviews(client, make_claim, flag, review, get_claim):
    a, b = make_claim("Taxes will rise")["id"], make_claim("Taxes will not rise")["id"]
    link = flag(a, b, explanation="One says rise, the other says not.")
    review(a, "mostly_refuted", explanation="The budget freezes taxes.")
    claim = get_claim(a)
    [found] = claim["links"]
    assert (found["id"], found["relation"], found["other_claim"]["id"]) == (
        link["id"], "contradicts", b)
    assert found["explanation"] == "One says rise, the other says not."
    [verdict] = claim["reviews"]
    assert (verdict["rating"], verdict["explanation"]) == (
        "mostly_refuted", "The budget freezes taxes.")
    assert get_claim(b)["links"][0]["other_claim"]["id"] == a


@pytest.mark.parametrize("path", ["/999999", "/999999/history", "/999999/contradictions"])
def test_a_claim_that_does_not_exist_is_404(client, path):
    response = client.get(f"{CLAIMS}{path}")
    assert response.status_code == 404
    assert problem_of(response)["status"] == 404


# ----- PATCH /claims/{id}

def test_patch_needs_if_match(make_claim, patch_claim, get_claim):
    claim = make_claim()
    response = patch_claim(claim["id"], {"text": "New words"}, if_match=None)
    assert response.status_code == 428
    assert "If-Match" in problem_of(response)["detail"]
    assert get_claim(claim["id"])["text"] == claim["text"]


def test_patch_with_the_current_etag_changes_the_claim_and_its_etag(client, make_claim,
                                                                    patch_claim):
    claim = make_claim()
    etag = client.get(f"{CLAIMS}/{claim['id']}").headers["ETag"]
    response = patch_claim(claim["id"], {"text": "New words"}, if_match=etag)
    assert response.status_code == 200
    assert (response.get_json()["text"], response.get_json()["version"]) == ("New words", 2)
    assert response.headers["ETag"] not in (etag, None)
    assert client.get(f"{CLAIMS}/{claim['id']}").headers["ETag"] == response.headers["ETag"]


def test_patch_with_a_stale_etag_is_412_and_changes_nothing(client, make_claim, patch_claim,
                                                           get_claim):
    claim = make_claim()
    stale = client.get(f"{CLAIMS}/{claim['id']}").headers["ETag"]
    assert patch_claim(claim["id"], {"text": "First edit"}, if_match=stale).status_code == 200
    response = patch_claim(claim["id"], {"text": "Second edit"}, if_match=stale)
    assert response.status_code == 412
    assert problem_of(response)["status"] == 412
    assert get_claim(claim["id"])["text"] == "First edit"


def test_patch_with_a_list_of_etags_holding_the_current_one_changes_the_claim(
        client, make_claim, patch_claim, get_claim):
    """RFC 9110: If-Match may list several entity tags; any one current is a match."""
    claim = make_claim()
    first = client.get(f"{CLAIMS}/{claim['id']}").headers["ETag"]
    assert patch_claim(claim["id"], {"text": "First edit"}, if_match=first).status_code == 200
    current = client.get(f"{CLAIMS}/{claim['id']}").headers["ETag"]
    response = patch_claim(claim["id"], {"text": "Second edit"}, if_match=f"{first}, {current}")
    assert response.status_code == 200
    stale = patch_claim(claim["id"], {"text": "Third edit"}, if_match=f"{first}, {current}")
    assert stale.status_code == 412
    assert get_claim(claim["id"])["text"] == "Second edit"


@pytest.mark.parametrize("if_match", ["other-claim", '"nonsense"', "W/"])
def test_patch_with_an_etag_that_is_not_this_claims_is_412(client, make_claim, patch_claim,
                                                           if_match):
    claim, other = make_claim("One claim"), make_claim("Another claim")
    if if_match == "other-claim":
        if_match = client.get(f"{CLAIMS}/{other['id']}").headers["ETag"]
    assert patch_claim(claim["id"], {"text": "New words"}, if_match=if_match).status_code == 412


def test_patch_with_star_overwrites_whatever_is_there(make_claim, patch_claim):
    claim = make_claim()
    patch_claim(claim["id"], {"text": "First edit"})
    response = patch_claim(claim["id"], {"text": "Second edit"}, if_match="*")
    assert response.status_code == 200
    assert response.get_json()["version"] == 3


@pytest.mark.parametrize("change", [
    {"text": "A reworded claim"},
    {"status": "disputed"},
    {"review_state": "in_review"},
    {"review_state": "reviewed"},
    {"text": "Reworded and triaged", "review_state": "in_review"},
])
def test_patch_changes_fields_bumps_the_version_and_audits_each_change(
        client, make_claim, patch_claim, change):
    claim = make_claim()
    response = patch_claim(claim["id"], {**change, "reason": "desk check"})
    assert response.status_code == 200
    edited = response.get_json()
    assert {name: edited[name] for name in change} == change
    assert edited["version"] == claim["version"] + 1
    rows = client.get(f"{CLAIMS}/{claim['id']}/history").get_json()["items"]
    assert [(r["field"], r["old"], r["new"], r["actor"], r["reason"]) for r in rows[1:]] == [
        (name, claim[name], value, "key:test-write", "desk check")
        for name, value in change.items()]


def test_history_lists_every_change_oldest_first(client, make_claim, patch_claim, review):
    claim = make_claim("Original words")
    patch_claim(claim["id"], {"review_state": "in_review"})
    patch_claim(claim["id"], {"text": "Better words", "reason": "typo"})
    review(claim["id"], "mixed")
    body = client.get(f"{CLAIMS}/{claim['id']}/history").get_json()
    assert set(body) == {"items", "page", "per_page", "total", "total_exact", "next"}
    assert [(r["field"], r["old"], r["new"]) for r in body["items"]] == [
        ("created", None, "Original words"),
        ("review_state", "untriaged", "in_review"),
        ("text", "Original words", "Better words"),
        ("status", "unverified", "mixed"),
        ("review_state", "in_review", "reviewed"),
    ]
    assert body["items"][2]["reason"] == "typo"
    assert all(r["actor"] == "key:test-write" and r["at"] for r in body["items"])


@pytest.mark.parametrize("status", ["supported", "refuted", "mixed", "unproven"])
def test_patch_cannot_set_a_verdict_status(make_claim, patch_claim, get_claim, status):
    claim = make_claim()
    response = patch_claim(claim["id"], {"status": status})
    assert response.status_code == 422
    assert "status" in problem_of(response)["errors"]
    assert get_claim(claim["id"])["status"] == "unverified"


@pytest.mark.parametrize("status", ["unverified", "disputed"])
def test_patch_status_after_a_review_is_409(make_claim, patch_claim, review, get_claim,
                                             status):
    claim = make_claim()
    review(claim["id"], "refuted")
    response = patch_claim(claim["id"], {"status": status})
    assert response.status_code == 409
    assert problem_of(response)["status"] == 409
    assert get_claim(claim["id"])["status"] == "refuted"


@pytest.mark.parametrize(("body", "field"), [
    ({}, None),
    ({"reason": "nothing else"}, None),
    ({"text": ""}, "text"),
    ({"review_state": "done"}, "review_state"),
    ({"status": "true"}, "status"),
    ({"version": 7}, "version"),
])
def test_patch_rejects_bodies_with_nothing_valid_to_change(make_claim, patch_claim, get_claim,
                                                           body, field):
    claim = make_claim()
    response = patch_claim(claim["id"], body)
    assert response.status_code == 422
    errors = problem_of(response)["errors"]
    if field:
        assert field in errors
    assert get_claim(claim["id"])["version"] == 1


def test_patch_a_claim_that_does_not_exist_is_404(patch_claim):
    response = patch_claim(999999, {"text": "New words"})
    assert response.status_code == 404


# ----- POST /claims/{id}/reviews

@pytest.mark.parametrize(("rating", "status"), [
    ("supported", "supported"),
    ("mostly_supported", "supported"),
    ("mixed", "mixed"),
    ("mostly_refuted", "refuted"),
    ("refuted", "refuted"),
    ("unproven", "unproven"),
])
def test_review_rating_sets_status_and_marks_the_claim_reviewed(make_claim, review, get_claim,
                                                                rating, status):
    claim = make_claim()
    verdict = review(claim["id"], rating, rating_label="Half true",
                     url="https://factcheck.example.org/1", reviewer="Desk",
                     published="2024-05-01")
    assert (verdict["rating"], verdict["rating_label"], verdict["created_by"]) == (
        rating, "Half true", "key:test-write")
    fetched = get_claim(claim["id"])
    assert (fetched["status"], fetched["review_state"]) == (status, "reviewed")
    assert [r["id"] for r in fetched["reviews"]] == [verdict["id"]]


def test_the_latest_review_wins(make_claim, review, get_claim):
    claim = make_claim()
    review(claim["id"], "supported")
    review(claim["id"], "mostly_refuted")
    fetched = get_claim(claim["id"])
    assert fetched["status"] == "refuted"
    assert [r["rating"] for r in fetched["reviews"]] == ["supported", "mostly_refuted"]


@pytest.mark.parametrize(("body", "field"), [
    ({"rating": "pants_on_fire"}, "rating"),
    ({"rating": ""}, "rating"),
    ({}, "rating"),
    ({"rating": "mixed", "url": "not a url"}, "url"),
    ({"rating": "mixed", "published": "May"}, "published"),
    ({"rating": "mixed", "stars": 3}, "stars"),
])
def test_review_rejects_bad_bodies_naming_the_field(client, write_headers, make_claim,
                                                    get_claim, body, field):
    claim = make_claim()
    response = client.post(f"{CLAIMS}/{claim['id']}/reviews", json=body, headers=write_headers)
    assert response.status_code == 422
    assert field in problem_of(response)["errors"]
    assert get_claim(claim["id"])["reviews"] == []


def test_review_of_a_claim_that_does_not_exist_is_404(client, write_headers):
    response = client.post(f"{CLAIMS}/999999/reviews", json={"rating": "mixed"},
                           headers=write_headers)
    assert response.status_code == 404
    assert problem_of(response)["status"] == 404
