"""The installed client against a real server: pages, ETags, typed errors, ingest and
check, contradictions and reviews, webhooks."""

import datetime as dt
import math
import sysconfig
from pathlib import Path

import claimtracker_client
import pytest
from claimtracker_client import (
    ClaimTracker,
    ClaimTrackerError,
    Conflict,
    Forbidden,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    Unauthorized,
    ValidationError,
)

from tests.client.conftest import CLIENT_DIR
from tests.servers import free_port, workers

ARTICLE = (
    "The harbour master said that the new ferry terminal will open in May. "
    "\"We will not close the old pier,\" the harbour master said. "
    "The council leader, Anna Berg, said that parking fees will rise by ten percent. "
    "According to the port authority, cargo traffic doubled last year. "
    "Ms. Berg said the bridge repairs will finish before winter. "
    "The union said that dock workers will strike on Monday.")


@pytest.fixture(scope="module")
def article(server):
    """The article above, ingested once for the session: the ingest result."""
    with ClaimTracker(server.base_url, server.admin_key) as client:
        return client.ingest(ARTICLE, title="Port news", outlet="Harbour Gazette",
                             published=dt.date(2024, 5, 2))


def _counting_gets(client: ClaimTracker) -> list[str]:
    """The URLs of every response the client receives from now on."""
    urls: list[str] = []
    client.session.hooks["response"].append(lambda response, **_: urls.append(response.url))
    return urls


def test_the_client_is_imported_from_its_installed_package():
    location = Path(claimtracker_client.__file__).resolve()
    assert CLIENT_DIR not in location.parents
    assert Path(sysconfig.get_paths()["purelib"]).resolve() in location.parents
    assert "site-packages" in location.parts


def test_claims_follows_next_through_every_page(ct, article):
    source = article["source"]
    assert article["created"] and len(source["claims"]) >= 5
    urls = _counting_gets(ct)
    found = list(ct.claims(source=source["id"], per_page=2, sort="id"))
    assert [c["id"] for c in found] == sorted(c["id"] for c in source["claims"])
    assert len(urls) == math.ceil(len(found) / 2) >= 3
    assert all("page=" in url for url in urls[1:])


def test_claims_filters_take_dates_and_booleans(ct, article):
    published = dt.date(2024, 5, 2)
    in_range = list(ct.claims(since=published, until="2024-05-02", per_page=100))
    assert {c["id"] for c in article["source"]["claims"]} <= {c["id"] for c in in_range}
    assert all(c["first_seen"] == "2024-05-02" for c in in_range)
    contradicted = list(ct.claims(has_contradictions=True, per_page=100))
    assert all(c["contradiction_count"] > 0 for c in contradicted)
    assert [c["text"] for c in ct.claims(q='"parking fees"')] == [
        "Parking fees will rise by ten percent."]


def test_an_invalid_filter_raises_a_validation_error_naming_it(ct):
    with pytest.raises(ValidationError) as raised:
        list(ct.claims(status="fabulous"))
    assert raised.value.status == 422 and "status" in raised.value.errors


def test_claim_keeps_its_etag_and_update_sends_it_as_if_match(ct):
    created = ct.create_claim("The tram line will reach the airport by 2030.")
    assert created["_etag"] and created["version"] == 1
    fetched = ct.claim(created["id"])
    assert fetched["_etag"] == created["_etag"] and fetched["text"] == created["text"]

    updated = ct.update_claim(created["id"], fetched["_etag"], review_state="in_review",
                              reason="assigned to the desk")
    assert updated["review_state"] == "in_review" and updated["_etag"] != fetched["_etag"]

    with pytest.raises(PreconditionFailed) as stale:
        ct.update_claim(created["id"], fetched["_etag"], review_state="reviewed")
    assert stale.value.status == 412 and stale.value.detail

    latest = ct.update_claim(created["id"], review_state="reviewed")  # fetches the ETag
    assert latest["review_state"] == "reviewed"
    changes = [(h["field"], h["new"]) for h in ct.history(created["id"], per_page=1)]
    assert ("review_state", "in_review") in changes and ("review_state", "reviewed") in changes


def test_a_patch_without_if_match_raises_precondition_required(ct):
    created = ct.create_claim("The library will open on Sundays.")
    with pytest.raises(PreconditionRequired) as raised:
        ct.request("PATCH", f"/claims/{created['id']}", json={"review_state": "in_review"})
    assert raised.value.status == 428


def test_an_invalid_claim_raises_a_validation_error_with_its_fields(ct):
    with pytest.raises(ValidationError) as raised:
        ct.create_claim("", kind="rumour")
    error = raised.value
    assert error.status == 422 and error.title == "Validation failed"
    assert set(error.errors) >= {"text", "kind"}
    assert all(isinstance(messages, list) for messages in error.errors.values())
    assert error.response.headers["Content-Type"] == "application/problem+json"


def test_a_write_without_a_key_raises_unauthorized(anonymous):
    with pytest.raises(Unauthorized) as raised:
        anonymous.create_claim("Nobody may write this.")
    assert raised.value.status == 401 and isinstance(raised.value, ClaimTrackerError)


def test_a_write_with_a_read_key_raises_forbidden(server):
    with ClaimTracker(server.base_url, server.read_key) as reader:
        assert reader.health()["status"]
        with pytest.raises(Forbidden) as raised:
            reader.create_claim("A read key may not write this.")
    assert raised.value.status == 403 and "scope" in raised.value.detail


def test_a_missing_item_raises_not_found(ct):
    for fetch in (ct.claim, ct.speaker, ct.source, ct.contradiction):
        with pytest.raises(NotFound) as raised:
            fetch(10**9)
        assert raised.value.status == 404 and raised.value.title == "Not Found"


def test_ingest_answers_the_source_and_a_second_ingest_creates_nothing(ct, article):
    source = article["source"]
    assert source["outlet"] == "Harbour Gazette" and source["published"] == "2024-05-02"
    assert source["claims"]
    for claim in source["claims"]:
        for appearance in claim["appearances"]:
            assert ARTICLE[appearance["start"]:appearance["end"]] == appearance["quote"]
    assert set(article) >= {"links", "contradictions", "created"}
    again = ct.ingest(ARTICLE, outlet="Harbour Gazette")
    assert again["created"] is False and again["source"]["id"] == source["id"]
    assert ct.source(source["id"])["claim_count"] == len(source["claims"])


def test_check_finds_known_claims_and_stores_nothing(ct, article):
    before = ct.health()["counts"]
    checked = ct.check("The union said that dock workers will strike on Monday.")
    assert checked["claims"]
    matched = {m["claim"]["id"] for c in checked["claims"] for m in c["matches"]}
    assert matched & {c["id"] for c in article["source"]["claims"]}
    assert ct.health()["counts"] == before


def test_flag_review_and_list_a_contradiction(ct):
    first = ct.create_claim("The museum will stay open all summer.")
    second = ct.create_claim("The museum will close for the summer.")
    link = ct.flag_contradiction(first["id"], second["id"], explanation="open vs closed",
                                 state="confirmed")
    assert link["origin"] == "manual" and link["state"] == "confirmed"
    assert {link["claim_a"]["id"], link["claim_b"]["id"]} == {first["id"], second["id"]}
    assert ct.contradiction(link["id"])["explanation"] == "open vs closed"
    assert [c["id"] for c in ct.claim_contradictions(first["id"])] == [link["id"]]

    with pytest.raises(Conflict) as duplicate:
        ct.flag_contradiction(first["id"], second["id"])
    assert duplicate.value.existing_id == link["id"]

    assert ct.claim(first["id"])["status"] == "disputed"
    confirmed = {c["id"] for c in ct.contradictions(state="confirmed", origin="manual",
                                                    per_page=1)}
    assert link["id"] in confirmed

    reviewed = ct.review_contradiction(link["id"], "rejected", reason="different museums")
    assert reviewed["state"] == "rejected" and reviewed["review_reason"] == "different museums"
    assert link["id"] not in {c["id"] for c in ct.contradictions(state="confirmed")}


def test_list_and_review_same_claim_pairs(ct):
    ct.ingest("Mayor Lena Ortiz said the new harbour bridge will open to traffic in March.",
              outlet="Harbour Gazette")
    ct.ingest("Councillor Tomas Reyes said the new harbour bridge would open to traffic in "
              "March.", outlet="Harbour Herald")
    pair = next(ct.same_claims(state="suggested"))
    assert ct.same_claim(pair["id"])["claim_a"] == pair["claim_a"]
    reviewed = ct.review_same_claim(pair["id"], "confirmed", reason="one plan, two voices")
    assert (reviewed["state"], reviewed["review_reason"]) == ("confirmed", "one plan, two voices")
    with pytest.raises(Conflict):
        ct.flag_contradiction(pair["claim_a"]["id"], pair["claim_b"]["id"])


def test_a_review_sets_the_claims_status(ct):
    claim = ct.create_claim("The river is cleaner than ever.")
    review = ct.review(claim["id"], "mostly_refuted", rating_label="Misleading",
                       reviewer="Desk", reviewer_type="organization",
                       url="https://desk.example/checks/river", published=dt.date(2024, 6, 1))
    assert review["rating"] == "mostly_refuted" and review["published"] == "2024-06-01"
    assert ct.claim(claim["id"])["status"] == "refuted"


def test_speakers_sources_and_health(ct, article, database_url):
    assert database_url.startswith(ct.health()["database"])
    bergs = list(ct.speakers(q="Berg", per_page=1))
    assert [s["name"] for s in bergs] == ["Anna Berg"]
    assert {c["text"] for c in ct.speaker(bergs[0]["id"])["claims"]} >= {
        "Parking fees will rise by ten percent."}
    outlets = {s["outlet"] for s in ct.sources(per_page=1)}
    assert "Harbour Gazette" in outlets and len(outlets) >= 2


@pytest.fixture
def webhooks(ct):
    """The webhook sub-API (a server without its routes fails here, not skips)."""
    ct.webhooks.list()
    return ct.webhooks


def test_a_backfill_is_queued_waited_for_and_its_failures_listed(server, ct, tmp_path):
    articles = [{"text": f"The port authority of berth {i} said that dredging will end in "
                         f"{2030 + i}.", "outlet": "Archive Gazette",
                 "published": dt.date(2001, 7, 20 + i)} for i in range(3)]
    articles.append({"url": f"http://127.0.0.1:{free_port()}/gone"})  # refused: private
    with workers(server.env, tmp_path):
        sent = ct.backfill(articles)
        assert (sent["total"], sent["state"]) == (4, "running")
        state = ct.wait_for_backfill(sent["id"], timeout=240, every=0.2)
        assert (state["done"], state["failed"], state["queued"]) == (3, 1, 0)
        assert [f["article"] for f in ct.backfill_failures(sent["id"])] == [articles[3]]
        assert ct.retry_backfill(sent["id"])["id"] == sent["id"]
        assert ct.wait_for_backfill(sent["id"], timeout=240, every=0.2)["failed"] == 1
    assert {s["outlet"] for s in ct.sources(outlet="Archive Gazette")} == {"Archive Gazette"}
    assert len(list(ct.sources(outlet="Archive Gazette"))) == 3
    with pytest.raises(ValidationError):
        ct.backfill([])


def test_webhooks_create_list_pause_resume_deliveries_and_delete(webhooks, ct):
    hook = webhooks.create("http://127.0.0.1:9/hook", ["claim.created"])
    assert hook["active"] is True and hook["secret"] and hook["url"].endswith("/hook")
    assert hook["id"] in {h["id"] for h in webhooks.list()}
    assert webhooks.get(hook["id"])["events"] == ["claim.created"]
    assert webhooks.pause(hook["id"])["active"] is False
    assert webhooks.resume(hook["id"])["active"] is True
    ct.create_claim("The ferry will run every hour.")
    assert [d["event_type"] for d in webhooks.deliveries(hook["id"])] == ["claim.created"]
    webhooks.delete(hook["id"])
    with pytest.raises(NotFound):
        webhooks.get(hook["id"])


def test_webhooks_refuse_a_key_without_the_admin_scope(server, webhooks):
    with ClaimTracker(server.base_url, server.read_key) as reader, pytest.raises(Forbidden):
        reader.webhooks.list()
