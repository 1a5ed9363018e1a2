"""Sources: ingest an article, list the articles, read one with the claims found in it."""

import pytest

from tests.api.contract import API, ARTICLE, ids_of, problem_of

SOURCES = f"{API}/sources"


def _totals(client) -> dict:
    return client.get(f"{API}/health").get_json()["counts"]


def _assert_quotes_exact(source: dict) -> int:
    checked = 0
    for claim in source["claims"]:
        assert claim["appearances"], claim
        for appearance in claim["appearances"]:
            assert appearance["source"]["id"] == source["id"]
            assert source["text"][appearance["start"]:appearance["end"]] == appearance["quote"]
            checked += 1
    return checked


def test_ingest_stores_the_article_with_its_claims_quoted_exactly(client, write_headers):
    response = client.post(SOURCES, headers=write_headers, json={
        "text": ARTICLE, "title": "Bridge delayed", "outlet": "City Times",
        "published": "2024-03-01", "url": "https://news.example.org/bridge"})
    assert response.status_code == 201
    body = response.get_json()
    assert body["created"] is True
    source = body["source"]
    assert (source["title"], source["outlet"], source["published"], source["url"]) == (
        "Bridge delayed", "City Times", "2024-03-01", "https://news.example.org/bridge")
    assert source["text"] == ARTICLE
    assert source["claims"], "the article's attributed statements should become claims"
    assert source["claim_count"] == len(source["claims"])
    assert _assert_quotes_exact(source) > 0
    assert isinstance(body["links"], list)
    assert client.get(response.headers["Location"]).get_json()["id"] == source["id"]


def test_ingest_of_the_seed_articles_quotes_every_appearance_exactly(client, seeded):
    for item in client.get(SOURCES).get_json()["items"]:
        source = client.get(f"{SOURCES}/{item['id']}").get_json()
        assert len(source["claims"]) == item["claim_count"]
        _assert_quotes_exact(source)


def test_ingest_stores_the_text_with_unix_newlines_and_no_outer_whitespace(client,
                                                                           write_headers):
    response = client.post(SOURCES, json={"text": "\r\n  " + ARTICLE.replace("\n", "\r\n")
                                          + "  \r\n"}, headers=write_headers)
    assert response.status_code == 201
    source = response.get_json()["source"]
    assert source["text"] == ARTICLE
    _assert_quotes_exact(source)


@pytest.mark.parametrize("again", [
    {"text": ARTICLE},
    {"text": "\n" + ARTICLE + "\n\n"},
    {"text": ARTICLE, "url": "https://news.example.org/other", "title": "Another title"},
    {"text": "A rewritten version of the story.", "url": "https://news.example.org/bridge"},
])
def test_ingesting_a_known_article_again_creates_nothing(client, write_headers, again):
    first = client.post(SOURCES, json={"text": ARTICLE, "url": "https://news.example.org/bridge"},
                        headers=write_headers)
    assert first.status_code == 201
    before = _totals(client)
    response = client.post(SOURCES, json=again, headers=write_headers)
    assert response.status_code == 200
    body = response.get_json()
    assert body["created"] is False
    assert body["source"]["id"] == first.get_json()["source"]["id"]
    assert [c["id"] for c in body["source"]["claims"]] == [
        c["id"] for c in first.get_json()["source"]["claims"]]
    assert _totals(client) == before
    assert client.get(SOURCES).get_json()["total"] == 1


@pytest.mark.parametrize(("body", "field"), [
    ({"text": ""}, "text"),
    ({"text": "   \n\t  "}, "text"),
    ({}, "text"),
    ({"text": ARTICLE, "url": "not a url"}, "url"),
    ({"text": ARTICLE, "url": "ftp://news.example.org/a"}, "url"),
    ({"text": ARTICLE, "url": "javascript:alert(1)"}, "url"),
    ({"text": ARTICLE, "published": "last week"}, "published"),
    ({"text": ARTICLE, "published": "0001-01-01"}, "published"),
    ({"text": ARTICLE, "published": "9999-12-31"}, "published"),
    ({"text": ARTICLE, "title": ""}, "title"),
    ({"text": ARTICLE, "author": "Jo"}, "author"),
])
def test_ingest_rejects_bad_articles_naming_the_field(client, write_headers, body, field):
    response = client.post(SOURCES, json=body, headers=write_headers)
    assert response.status_code == 422
    assert field in problem_of(response)["errors"]
    assert _totals(client)["sources"] == 0


@pytest.mark.parametrize("body", [[ARTICLE], "text", 5])
def test_a_body_that_is_not_an_object_is_refused_as_the_body(client, write_headers, body):
    response = client.post(SOURCES, json=body, headers=write_headers)
    assert response.status_code == 422
    assert problem_of(response)["errors"] == {"body": ["Send a JSON object."]}
    assert problem_of(response)["detail"] == "Send a JSON object."


def test_odd_text_is_stored_without_crashing(client, write_headers):
    text = 'He said "this quote never closes. And lower case text -- a-b-m treaty, 1972.'
    response = client.post(SOURCES, json={"text": text}, headers=write_headers)
    assert response.status_code == 201
    _assert_quotes_exact(response.get_json()["source"])


def test_list_answers_newest_first_and_filters_by_outlet_and_date(client, make_source):
    old = make_source("The council met on Monday.", outlet="City Times",
                      published="2001-07-23")["id"]
    new = make_source("The council met again on Tuesday.", outlet="Harbour News",
                      published="2001-07-27")["id"]
    body = client.get(SOURCES).get_json()
    assert set(body) == {"items", "page", "per_page", "total", "total_exact", "next"}
    assert [item["id"] for item in body["items"]] == [new, old]
    assert "text" not in body["items"][0]
    assert ids_of(client.get(f"{SOURCES}?outlet=City Times")) == [old]
    assert ids_of(client.get(f"{SOURCES}?since=2001-07-24")) == [new]
    assert ids_of(client.get(f"{SOURCES}?until=2001-07-24")) == [old]


@pytest.mark.parametrize(("query", "field"), [("since=monday", "since"),
                                              ("per_page=101", "per_page"),
                                              ("colour=red", "colour")])
def test_list_rejects_bad_arguments_naming_them(client, query, field):
    response = client.get(f"{SOURCES}?{query}")
    assert response.status_code == 422
    assert field in problem_of(response)["errors"]


def test_get_serves_a_source_with_its_text_and_claims(client, make_source):
    made = make_source(title="Bridge delayed")
    response = client.get(f"{SOURCES}/{made['id']}")
    assert response.status_code == 200
    source = response.get_json()
    assert (source["text"], source["title"]) == (ARTICLE, "Bridge delayed")
    assert [c["id"] for c in source["claims"]] == [c["id"] for c in made["claims"]]
    _assert_quotes_exact(source)


def test_a_source_that_does_not_exist_is_404(client):
    response = client.get(f"{SOURCES}/999999")
    assert response.status_code == 404
    assert problem_of(response)["status"] == 404


def test_ingest_answers_the_contradictions_it_flagged_with_both_claims(client, write_headers):
    first = {"text": "The Eastwick Port Authority said that the new ferry terminal will open in "
                     "April.", "outlet": "Gazette"}
    second = {"text": "Union leaders said that the new ferry terminal will not open in April.",
              "outlet": "Herald"}
    assert client.post(f"{API}/sources", json=first, headers=write_headers).status_code == 201
    body = client.post(f"{API}/sources", json=second, headers=write_headers).get_json()
    [flagged] = body["contradictions"]
    assert flagged["state"] == "suggested" and flagged["origin"] == "detected"
    assert flagged["claim_a"]["speakers"] and flagged["claim_b"]["speakers"]
    assert flagged["kind"] == "disagreement"
    listed = client.get(f"{API}/contradictions", query_string={"state": "suggested"}).get_json()
    assert [c["id"] for c in listed["items"]] == [flagged["id"]]


def test_a_radio_script_in_capitals_is_read_and_weighed_as_cased_copy_is(client,
                                                                          write_headers):
    first = {"text": "The port authority said that the new ferry terminal will open in "
                     "April.", "outlet": "Gazette"}
    script = {"text": "INTRO: UNION LEADER ANA DUARTE SAID THAT THE NEW FERRY TERMINAL WILL "
                      "NOT OPEN IN APRIL.", "outlet": "Harbour Radio"}
    assert client.post(f"{API}/sources", json=first, headers=write_headers).status_code == 201
    body = client.post(f"{API}/sources", json=script, headers=write_headers).get_json()
    [claim] = body["source"]["claims"]
    assert claim["text"] == "THE NEW FERRY TERMINAL WILL NOT OPEN IN APRIL."
    assert [s["name"] for s in claim["speakers"]] == ["Ana Duarte"]
    assert claim["appearances"][0]["speaker_mention"] == "UNION LEADER ANA DUARTE"
    [flagged] = body["contradictions"]
    assert flagged["kind"] == "disagreement"


def test_null_for_an_optional_field_means_not_given(client, write_headers):
    response = client.post(SOURCES, json={"text": ARTICLE, "url": None, "title": None,
                                          "published": None}, headers=write_headers)
    assert response.status_code == 201, response.get_json()
    source = response.get_json()["source"]
    assert source["url"] is None and source["title"] is None


def test_a_body_that_is_not_json_is_a_415_and_a_key_twice_a_400(client, write_headers):
    plain = client.post(SOURCES, data=ARTICLE, content_type="text/plain",
                        headers=write_headers)
    assert plain.status_code == 415 and "application/json" in problem_of(plain)["detail"]
    twice = client.post(SOURCES, data=b'{"text": "One.", "text": "Two."}',
                        content_type="application/json", headers=write_headers)
    assert twice.status_code == 400 and "'text'" in problem_of(twice)["detail"]
    assert _totals(client)["sources"] == 0
