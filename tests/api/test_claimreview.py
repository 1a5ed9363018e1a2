"""schema.org ClaimReview: GET /claims/{id}/claimreview, the JSON Lines export, and the import
of other fact-checkers' ClaimReviews."""

import json
import re
import shutil
import subprocess

import pytest

from models import Claim, Review, Speaker
from models.db import database
from tests.api.contract import API, problem_of

TUNNEL = ("The northern rail tunnel under the Kessel hills will be finished two full years "
          "ahead of the original schedule.")
LATER_ARTICLE = ("At a press briefing, Ms. Varga said that the northern rail tunnel under the "
                 "Kessel hills will be finished two full years ahead of the original schedule. "
                 "Unions doubted it.")
EARLIER_ARTICLE = ("Transport Minister Odile Varga said that the northern rail tunnel under the "
                   "Kessel hills will be finished two full years ahead of the original schedule. "
                   "Engineers were not asked.")
IMPORT = f"{API}/import/claimreview"
EXPORT = f"{API}/export/claimreview.jsonl"


def claimreview_url(claim_id: int) -> str:
    return f"{API}/claims/{claim_id}/claimreview"


@pytest.fixture
def tunnel(make_source):
    """The tunnel claim, reported by two outlets: the later article is ingested first."""
    make_source(LATER_ARTICLE, outlet="Valley Gazette", title="Tunnel on track, says minister",
                url="https://gazette.example/tunnel", published="2024-06-10")
    source = make_source(EARLIER_ARTICLE, outlet="Hill Country Radio",
                         title="Minister promises early tunnel",
                         url="https://hcr.example/news/tunnel", published="2024-05-02")
    [claim] = [c for c in source["claims"] if c["text"] == TUNNEL]
    return claim


def claimreview_of(client, claim_id: int) -> dict:
    response = client.get(claimreview_url(claim_id))
    assert response.status_code == 200, response.get_json()
    assert response.mimetype == "application/ld+json"
    return json.loads(response.get_data(as_text=True))


def import_reviews(client, headers, body, status: int = 201) -> dict:
    response = client.post(IMPORT, json=body, headers=headers)
    assert response.status_code == status, response.get_json()
    return response.get_json()


def counts() -> tuple[int, int, int]:
    with database.connection_context():
        return Claim.select().count(), Review.select().count(), Speaker.select().count()


def foreign_review(text: str, *, url: str, **fields) -> dict:
    return {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": text,
            "url": url, "author": {"@type": "Organization", "name": "Lakeside Verify"},
            **fields}


# ----- GET /claims/{id}/claimreview

def test_claimreview_carries_every_field_google_requires_and_recommends(app, client, tunnel,
                                                                        review):
    app.config["PUBLISHER_URL"] = "https://factdesk.example"
    review(tunnel["id"], "mostly_refuted", url="https://factdesk.example/checks/tunnel",
           published="2024-06-20", explanation="The boring machines arrived late.")
    body = claimreview_of(client, tunnel["id"])
    assert list(body) == ["@context", "@type", "claimReviewed", "reviewRating", "url", "author",
                          "publisher", "datePublished", "itemReviewed"]
    assert body["@context"] == "https://schema.org"
    assert body["@type"] == "ClaimReview"
    assert body["reviewRating"] == {"@type": "Rating", "ratingValue": 2, "bestRating": 5,
                                    "worstRating": 1, "alternateName": "Mostly false"}
    assert body["url"] == "https://factdesk.example/checks/tunnel"
    assert body["author"] == body["publisher"] == {
        "@type": "Organization", "name": app.config["PUBLISHER_NAME"],
        "url": "https://factdesk.example"}
    assert body["datePublished"] == "2024-06-20"
    item = body["itemReviewed"]
    assert set(item) == {"@type", "author", "datePublished", "appearance", "firstAppearance"}
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "Odile Varga"}
    assert item["datePublished"] == "2024-05-02"
    radio = {"@type": "CreativeWork", "url": "https://hcr.example/news/tunnel",
             "headline": "Minister promises early tunnel", "datePublished": "2024-05-02",
             "publisher": {"@type": "Organization", "name": "Hill Country Radio"}}
    gazette = {"@type": "CreativeWork", "url": "https://gazette.example/tunnel",
               "headline": "Tunnel on track, says minister", "datePublished": "2024-06-10",
               "publisher": {"@type": "Organization", "name": "Valley Gazette"}}
    assert item["appearance"] == [radio, gazette]
    assert item["firstAppearance"] == radio  # the earliest, though ingested last


def test_the_claim_s_author_is_linked_to_what_its_speaker_is_known_as(client, tunnel, review):
    with database.connection_context():
        Speaker.update(same_as="https://www.wikidata.org/wiki/Q4115189").where(
            Speaker.name == "Odile Varga").execute()
    review(tunnel["id"], "mostly_refuted", url="https://factdesk.example/checks/tunnel")
    assert claimreview_of(client, tunnel["id"])["itemReviewed"]["author"] == {
        "@type": "Person", "name": "Odile Varga",
        "sameAs": "https://www.wikidata.org/wiki/Q4115189"}


def test_claim_reviewed_is_cut_under_75_characters_at_a_word_boundary(client, tunnel, review):
    review(tunnel["id"], "refuted")
    cut = claimreview_of(client, tunnel["id"])["claimReviewed"]
    assert len(TUNNEL) >= 75
    assert len(cut) < 75
    assert cut.endswith("\u2026")
    head = cut[:-1]
    assert TUNNEL.startswith(head) and TUNNEL[len(head)] == " "
    assert cut == "The northern rail tunnel under the Kessel hills will be finished two full\u2026"


def test_a_short_claim_is_reviewed_in_its_own_words(client, make_claim, review):
    claim = make_claim("Bus fares in Port Alder will not rise this year")
    review(claim["id"], "supported")
    assert (claimreview_of(client, claim["id"])["claimReviewed"]
            == "Bus fares in Port Alder will not rise this year")


@pytest.mark.parametrize(("rating", "value", "name"), [
    ("supported", 5, "True"),
    ("mostly_supported", 4, "Mostly true"),
    ("mixed", 3, "Half true"),
    ("mostly_refuted", 2, "Mostly false"),
    ("refuted", 1, "False"),
])
def test_each_rating_has_its_number_on_a_one_to_five_scale(client, make_claim, review, rating,
                                                           value, name):
    claim = make_claim("The harbour crane fleet doubled last year")
    review(claim["id"], rating)
    assert claimreview_of(client, claim["id"])["reviewRating"] == {
        "@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1,
        "alternateName": name}


def test_unproven_is_named_only_with_no_number(client, make_claim, review):
    claim = make_claim("The old mill was built by monks")
    review(claim["id"], "unproven", rating_label="No evidence either way")
    assert claimreview_of(client, claim["id"])["reviewRating"] == {
        "@type": "Rating", "alternateName": "No evidence either way"}


def test_the_publishers_own_label_and_reviewer_are_used_and_the_latest_review_wins(
        app, client, make_claim, review):
    app.config["PUBLISHER_URL"] = "https://factdesk.example"
    claim = make_claim("The harbour crane fleet doubled last year")
    review(claim["id"], "supported", url="https://factdesk.example/old")
    latest = review(claim["id"], "mostly_refuted", rating_label="Exaggerated",
                    reviewer="Northshore Fact Unit", reviewer_type="organization",
                    url="https://northshore.example/cranes")
    body = claimreview_of(client, claim["id"])
    assert body["reviewRating"]["alternateName"] == "Exaggerated"
    assert body["reviewRating"]["ratingValue"] == 2
    assert body["url"] == "https://northshore.example/cranes"
    # Our URL is not put under another fact-checker's name; we publish it.
    assert body["author"] == {"@type": "Organization", "name": "Northshore Fact Unit"}
    assert body["publisher"]["name"] == app.config["PUBLISHER_NAME"]
    assert body["datePublished"] == latest["created_at"][:10]


def test_a_named_reviewer_is_a_person_unless_said_to_be_an_organization(client, make_claim,
                                                                         review):
    claim = make_claim("The harbour crane fleet doubled last year")
    review(claim["id"], "refuted", reviewer="Ana Lima", url="https://factdesk.example/cranes")
    assert claimreview_of(client, claim["id"])["author"] == {"@type": "Person",
                                                             "name": "Ana Lima"}


def test_a_review_without_a_url_is_refused_unless_the_service_has_a_public_address(
        app, client, make_claim, write_headers, review):
    claim = make_claim("The ferry pier will reopen in spring")
    review(claim["id"], "mixed")  # PUBLIC_BASE_URL is set: published at its own address
    assert claimreview_of(client, claim["id"])["url"] == (
        f"https://claims.example/api/v1/claims/{claim['id']}/claimreview")
    app.config["PUBLIC_BASE_URL"] = None
    refused = client.post(f"{API}/claims/{claim['id']}/reviews", json={"rating": "mixed"},
                          headers=write_headers)
    assert refused.status_code == 422 and "url" in problem_of(refused)["errors"]
    gone = client.get(claimreview_url(claim["id"]))  # the earlier review has no address now
    assert gone.status_code == 409 and "PUBLIC_BASE_URL" in problem_of(gone)["detail"]


def test_claimreview_is_refused_with_the_setting_to_fix_when_no_publisher_is_set(
        app, client, make_claim, review):
    claim = make_claim("The ferry pier will reopen in spring")
    review(claim["id"], "mixed")
    app.config["PUBLISHER_NAME"] = None
    for url in (claimreview_url(claim["id"]), f"{API}/export/claimreview.jsonl"):
        refused = client.get(url)
        assert refused.status_code == 409 and "PUBLISHER_NAME" in problem_of(refused)["detail"]


def test_a_claim_typed_in_by_hand_has_no_appearances_but_keeps_its_date(client, make_claim,
                                                                        review):
    claim = make_claim("The ferry pier will reopen in spring")
    review(claim["id"], "mixed")
    item = claimreview_of(client, claim["id"])["itemReviewed"]
    assert item == {"@type": "Claim", "datePublished": claim["first_seen"]}


def test_claimreview_of_an_unknown_claim_is_a_404_naming_the_claim(client):
    response = client.get(claimreview_url(424242))
    assert response.status_code == 404
    assert "no claim 424242" in problem_of(response)["detail"]


def test_claimreview_of_a_claim_without_a_review_is_a_404_saying_so(client, make_claim):
    claim = make_claim("The ferry pier will reopen in spring")
    response = client.get(claimreview_url(claim["id"]))
    assert response.status_code == 404
    assert "has no review" in problem_of(response)["detail"]


# ----- GET /export/claimreview.jsonl

def test_export_streams_one_claimreview_per_reviewed_claim_and_none_for_the_rest(
        client, tunnel, make_claim, review):
    reviewed = [tunnel["id"]]
    for n in range(3):
        claim = make_claim(f"Harbour dredging phase {n} is complete")
        review(claim["id"], "mixed")
        reviewed.append(claim["id"])
    make_claim("Nobody has checked this claim about the lighthouse")
    review(tunnel["id"], "refuted")
    response = client.get(EXPORT)
    assert response.status_code == 200
    assert response.mimetype == "application/x-ndjson"
    assert response.is_streamed
    lines = response.get_data(as_text=True).splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == len(reviewed) == 4
    assert all(r["@type"] == "ClaimReview" for r in records)
    by_claim = sorted(reviewed)
    assert records == [claimreview_of(client, claim_id) for claim_id in by_claim]


def _google_problems(item: dict) -> list[str]:
    """What Google's ClaimReview guidelines would flag in one item: its required properties
    (claimReviewed, reviewRating with a name, url) and its recommended ones (author with a
    type and a name, datePublished, itemReviewed as a Claim with its date)."""
    problems = []
    if item.get("@context") != "https://schema.org" or item.get("@type") != "ClaimReview":
        problems.append("not a schema.org ClaimReview")
    if not 0 < len(item.get("claimReviewed", "")) < 75:
        problems.append("claimReviewed missing or 75 characters or more")
    rating = item.get("reviewRating") or {}
    if rating.get("@type") != "Rating" or not rating.get("alternateName"):
        problems.append("reviewRating without a name")
    if "ratingValue" in rating and not (rating.get("worstRating", 0) <= rating["ratingValue"]
                                        <= rating.get("bestRating", -1)):
        problems.append("ratingValue outside worstRating..bestRating")
    if not str(item.get("url", "")).startswith(("https://", "http://")):
        problems.append("url missing")
    author = item.get("author") or {}
    if author.get("@type") not in ("Person", "Organization") or not author.get("name"):
        problems.append("author missing a type or a name")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(item.get("datePublished"))):
        problems.append("datePublished missing")
    claim = item.get("itemReviewed") or {}
    if claim.get("@type") != "Claim" or "datePublished" not in claim:
        problems.append("itemReviewed is no dated Claim")
    for work in claim.get("appearance", []):
        if work.get("@type") != "CreativeWork" or not work.get("url"):
            problems.append("an appearance without a url")
    return problems


def test_every_exported_item_has_what_google_requires_and_recommends(
        client, tunnel, make_claim, review):
    review(tunnel["id"], "mostly_refuted", url="https://factdesk.example/checks/tunnel")
    by_hand = make_claim("The ferry pier will reopen in spring")
    review(by_hand["id"], "unproven", reviewer="Ana Lima")
    named = make_claim("The harbour crane fleet doubled last year")
    review(named["id"], "supported", reviewer="Northshore Fact Unit",
           reviewer_type="organization", url="https://northshore.example/cranes")
    records = [json.loads(line)
               for line in client.get(EXPORT).get_data(as_text=True).splitlines()]
    assert len(records) == 3
    assert {r["author"]["@type"] for r in records} == {"Person", "Organization"}
    for record in records:
        assert _google_problems(record) == [], record


@pytest.mark.skipif(shutil.which("npx") is None, reason="no Node.js (npx)")
def test_an_exported_page_passes_googles_preset_of_structured_data_testing_tool(
        client, tunnel, make_claim, review, tmp_path):
    """Each exported ClaimReview embedded in a page as JSON-LD, as a newsroom publishes it,
    checked by structured-data-testing-tool (npm) with its Google preset."""
    review(tunnel["id"], "mostly_refuted", url="https://factdesk.example/checks/tunnel")
    named = make_claim("The harbour crane fleet doubled last year")
    review(named["id"], "unproven", reviewer="Ana Lima")
    for number, line in enumerate(client.get(EXPORT).get_data(as_text=True).splitlines()):
        page = tmp_path / f"review{number}.html"
        page.write_text('<html><head><script type="application/ld+json">'
                        f"{line}</script></head><body></body></html>", encoding="utf-8")
        done = subprocess.run(["npx", "--yes", "structured-data-testing-tool@4.5.0", "--file",
                               str(page), "--presets", "Google"], capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-1000:]
        assert "0 warnings" in done.stdout or "Warnings: 0" in done.stdout, done.stdout[-2000:]


def test_export_of_a_base_without_reviews_is_empty(client, make_claim):
    make_claim("Nobody has checked this claim about the lighthouse")
    response = client.get(EXPORT)
    assert response.status_code == 200
    assert response.get_data(as_text=True) == ""


# ----- POST /import/claimreview

def test_import_of_a_list_creates_claims_and_reviews_with_mapped_ratings_and_status(
        client, write_headers, get_claim):
    items = [
        foreign_review("The Orwell bridge toll was scrapped in 2019", url="https://lv.example/1",
                       reviewRating={"@type": "Rating", "ratingValue": 1, "bestRating": 7,
                                     "worstRating": 1, "alternateName": "Wrong"},
                       datePublished="2024-03-05T08:00:00+01:00",
                       itemReviewed={"@type": "Claim", "datePublished": "2024-02-28",
                                     "author": {"@type": "Person", "name": "Mirek Halloran"}}),
        foreign_review("Rainfall in the valley has halved since 1990", url="https://lv.example/2",
                       reviewRating={"@type": "Rating", "alternateName": "Half True"},
                       itemReviewed={"@type": "Claim", "author": {
                           "@type": "Organization", "name": "Valley Farmers Union"}}),
        foreign_review("The new school has room for 900 pupils", url="https://lv.example/3",
                       reviewRating={"ratingValue": 4.0, "alternateName": "Mostly accurate"}),
        foreign_review("A comet will hit the lake in May", url="https://lv.example/4",
                       reviewRating={"alternateName": "Needs context"}),
    ]
    body = import_reviews(client, write_headers, items)
    assert (body["imported"], body["skipped"], len(body["claims"])) == (4, 0, 4)
    got = [get_claim(claim_id) for claim_id in body["claims"]]
    assert [c["text"] for c in got] == [i["claimReviewed"] for i in items]
    assert [c["status"] for c in got] == ["refuted", "mixed", "supported", "unproven"]
    assert all(c["review_state"] == "reviewed" for c in got)
    reviews = [c["reviews"][-1] for c in got]
    assert [r["rating"] for r in reviews] == ["refuted", "mixed", "mostly_supported", "unproven"]
    assert [r["rating_label"] for r in reviews] == ["Wrong", "Half True", "Mostly accurate",
                                                    "Needs context"]
    assert {r["reviewer"] for r in reviews} == {"Lakeside Verify"}
    assert [r["url"] for r in reviews] == [i["url"] for i in items]
    assert reviews[0]["published"] == "2024-03-05"
    assert got[0]["first_seen"] == "2024-02-28"
    assert got[0]["speakers"][0]["name"] == "Mirek Halloran"
    assert got[1]["speakers"][0] == {"id": got[1]["speakers"][0]["id"],
                                     "name": "Valley Farmers Union", "kind": "organization"}
    assert got[3]["speakers"] == []


def test_an_imported_review_comes_back_out_as_claimreview(client, write_headers):
    item = foreign_review("Rainfall in the valley has halved since 1990",
                          url="https://lv.example/2", datePublished="2024-04-01",
                          reviewRating={"ratingValue": 2, "bestRating": 5, "worstRating": 1,
                                        "alternateName": "Mostly false"},
                          itemReviewed={"@type": "Claim", "author": {
                              "@type": "Organization", "name": "Valley Farmers Union"}})
    [claim_id] = import_reviews(client, write_headers, item)["claims"]
    body = claimreview_of(client, claim_id)
    assert body["reviewRating"]["ratingValue"] == 2
    assert body["author"] == {"@type": "Organization", "name": "Lakeside Verify"}
    assert body["url"] == "https://lv.example/2"
    assert body["datePublished"] == "2024-04-01"
    assert body["itemReviewed"]["author"] == {"@type": "Organization",
                                              "name": "Valley Farmers Union"}


def test_import_finds_the_stored_claim_of_the_same_speaker(client, write_headers, tunnel,
                                                           get_claim):
    before = counts()
    body = import_reviews(client, write_headers, foreign_review(
        TUNNEL, url="https://lv.example/tunnel", reviewRating={"alternateName": "False"},
        itemReviewed={"@type": "Claim", "author": {"@type": "Person", "name": "Odile Varga"}}))
    assert body["claims"] == [tunnel["id"]]
    assert counts() == (before[0], before[1] + 1, before[2])
    assert get_claim(tunnel["id"])["status"] == "refuted"


def test_re_import_is_idempotent(client, write_headers):
    items = [foreign_review(f"Harbour dredging phase {n} is complete",
                            url=f"https://lv.example/dredging/{n}",
                            reviewRating={"alternateName": "True"}) for n in range(3)]
    first = import_reviews(client, write_headers, items)
    after_first = counts()
    again = import_reviews(client, write_headers, items)
    assert (first["imported"], first["skipped"]) == (3, 0)
    assert (again["imported"], again["skipped"]) == (0, 3)
    assert again["claims"] == first["claims"]
    assert counts() == after_first


def test_a_duplicate_within_one_import_is_skipped(client, write_headers):
    item = foreign_review("The Orwell bridge toll was scrapped in 2019",
                          url="https://lv.example/1", reviewRating={"alternateName": "False"})
    body = import_reviews(client, write_headers, [item, item])
    assert (body["imported"], body["skipped"]) == (1, 1)
    assert body["claims"][0] == body["claims"][1]


@pytest.mark.parametrize(("bad", "field"), [
    ({"reviewRating": {"ratingValue": 9, "bestRating": 5, "worstRating": 1}},
     "items.2.reviewRating"),
    ({"reviewRating": {"@type": "Rating"}}, "items.2.reviewRating"),
    ({"reviewRating": {"ratingValue": 3, "bestRating": 1, "worstRating": 5}},
     "items.2.reviewRating"),
    ({"reviewRating": {"ratingValue": "high"}}, "items.2.reviewRating.ratingValue"),
    ({"url": "not a url"}, "items.2.url"),
    ({"claimReviewed": "?!"}, "items.2.claimReviewed"),  # valid JSON, but no words
    ({"datePublished": "last week"}, "items.2.datePublished"),
])
def test_a_bad_item_writes_nothing_and_is_named(client, write_headers, make_claim, bad, field):
    make_claim("A claim stored before the import")
    items = [foreign_review(f"Harbour dredging phase {n} is complete",
                            url=f"https://lv.example/dredging/{n}",
                            reviewRating={"alternateName": "True"},
                            itemReviewed={"author": {"@type": "Person", "name": "Ada Quist"}})
             for n in range(4)]
    items[2].update(bad)
    before = counts()
    response = client.post(IMPORT, json=items, headers=write_headers)
    assert response.status_code == 422
    assert field in problem_of(response)["errors"]
    assert counts() == before


def test_import_takes_one_object_or_a_list_of_at_most_a_thousand(client, write_headers):
    one = foreign_review("A comet will hit the lake in May", url="https://lv.example/4",
                         reviewRating={"alternateName": "False"})
    assert import_reviews(client, write_headers, one)["imported"] == 1
    for body in ([], [one] * 1001, "a string"):
        response = client.post(IMPORT, json=body, headers=write_headers)
        assert response.status_code == 422
        assert problem_of(response)["errors"]


def test_import_needs_a_write_key(client, read_headers):
    item = foreign_review("A comet will hit the lake in May", url="https://lv.example/4",
                          reviewRating={"alternateName": "False"})
    before = counts()
    assert client.post(IMPORT, json=item).status_code == 401
    assert client.post(IMPORT, json=item,
                       headers={"Authorization": "Bearer ct_unknown"}).status_code == 401
    response = client.post(IMPORT, json=item, headers=read_headers)
    assert response.status_code == 403
    assert problem_of(response)["status"] == 403
    assert counts() == before
