"""The desk's pages as any HTTP client can reach them (the app in-process, both databases):
sign-in and sessions, forms from elsewhere, bad ids and bad filters. Each gets a clear answer
in a page, never a 500, and changes nothing it should not."""

import html
import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from models.apikey import create_key, revoke_key
from models.db import database
from seed import load_seed

LONG_ID = "9" * 30


@pytest.fixture
def base(app):
    with database.connection_context():
        load_seed()
        write, write_key = create_key("editor", "write")
        _, read_key = create_key("intern", "read")
    return {"write": write_key, "read": read_key, "write_id": write.id}


def signed_in(client, key: str) -> str:
    """Sign in; the CSRF token of the desk's forms."""
    answer = client.post("/desk/sign-in", data={"key": key})
    assert answer.status_code == 303, answer.get_data(as_text=True)[:500]
    page = client.get("/desk/queue").get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def first_in_queue(client) -> int:
    page = client.get("/desk/queue").get_data(as_text=True)
    return int(re.search(r'id="item-(\d+)"', page).group(1))


def link_state(client, link_id: int) -> str:
    return client.get(f"/api/v1/contradictions/{link_id}").get_json()["state"]


def test_the_session_cookie_is_httponly_lax_and_kept_to_the_desk(client, base):
    answer = client.post("/desk/sign-in", data={"key": base["write"], "next": "/desk/claims"})
    assert answer.status_code == 303 and answer.headers["Location"] == "/desk/claims"
    cookie = answer.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/desk" in cookie
    assert base["write"] not in cookie
    page = client.get("/desk/claims")
    assert page.headers["Cache-Control"] == "no-store"
    assert "'self'" in page.headers["Content-Security-Policy"]


@pytest.mark.parametrize("key", ["", "ct_unknown", "ct_\x00abc", "x" * 5000])
def test_a_bad_key_is_refused_with_a_page(client, base, key):
    answer = client.post("/desk/sign-in", data={"key": key})
    assert answer.status_code == 401
    assert "unknown or has been revoked" in answer.get_data(as_text=True)
    assert "Set-Cookie" not in answer.headers


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/desk/",
                                    "/desk/\r\nSet-Cookie: x=1", "/desk/..//evil.example",
                                    "/api/v1/claims", "/desk\\evil"])
def test_signing_in_never_leads_off_the_desk(client, base, target):
    answer = client.post("/desk/sign-in", data={"key": base["write"], "next": target})
    assert answer.status_code == 303 and answer.headers["Location"] == "/desk/queue"


def test_an_editor_without_a_session_is_sent_to_sign_in_and_back(client, base):
    answer = client.get("/desk/claims?q=deal")
    assert answer.status_code == 302
    assert answer.headers["Location"] == "/desk/sign-in?next=/desk/claims?q%3Ddeal"


def test_a_revoked_key_ends_its_sessions(client, base):
    signed_in(client, base["write"])
    with database.connection_context():
        revoke_key(base["write_id"])
    assert client.get("/desk/queue").status_code == 302


def test_signing_in_again_ends_the_sessions_first_session(client, base):
    signed_in(client, base["write"])
    first = client.get_cookie("desk_session", path="/desk").value
    signed_in(client, base["read"])
    client.set_cookie("desk_session", first, path="/desk")
    assert client.get("/desk/queue").status_code == 302


def test_forms_without_the_token_or_from_another_site_change_nothing(client, base):
    token = signed_in(client, base["write"])
    link_id = first_in_queue(client)
    url = f"/desk/queue/{link_id}/review"
    decision = {"state": "rejected", "seen_state": "suggested"}
    assert client.post(url, data=decision).status_code == 400
    foreign = client.post(url, data={**decision, "csrf_token": token},
                          headers={"Origin": "https://evil.example"})
    assert foreign.status_code == 403 and "another site" in foreign.get_data(as_text=True)
    fetched = client.post(url, data={**decision, "csrf_token": token},
                          headers={"Sec-Fetch-Site": "cross-site"})
    assert fetched.status_code == 403
    signing_in = client.post("/desk/sign-in", data={"key": base["write"]},
                             headers={"Origin": "https://evil.example"})
    assert signing_in.status_code == 403  # no one signs the editor in to their own key
    assert link_state(client, link_id) == "suggested"


def test_a_read_key_cannot_act(client, base):
    token = signed_in(client, base["read"])
    link_id = first_in_queue(client)
    answer = client.post(f"/desk/queue/{link_id}/review",
                         data={"csrf_token": token, "state": "confirmed"})
    assert answer.status_code == 403 and "read key" in answer.get_data(as_text=True)
    verdict = client.post("/desk/claims/1/verdicts", data={"csrf_token": token,
                                                            "rating": "refuted"})
    assert verdict.status_code == 403
    assert link_state(client, link_id) == "suggested"


@pytest.mark.parametrize(("form", "named"), [
    ({}, "state"),
    ({"state": "deleted"}, "state"),
    ({"state": "rejected", "reason": "x" * 2001}, "reason"),
    ({"state": "rejected", "reason": "nul \x00 here"}, "reason"),
])
def test_a_bad_decision_is_explained_and_changes_nothing(client, base, form, named):
    token = signed_in(client, base["write"])
    link_id = first_in_queue(client)
    answer = client.post(f"/desk/queue/{link_id}/review", data={**form, "csrf_token": token})
    assert answer.status_code == 422 and named in answer.get_data(as_text=True)
    assert link_state(client, link_id) == "suggested"


def test_confirming_twice_is_no_conflict_but_a_change_by_another_is(client, base):
    token = signed_in(client, base["write"])
    link_id = first_in_queue(client)
    url = f"/desk/queue/{link_id}/review?kind=self&_external=1&link_id=3"
    decision = {"csrf_token": token, "state": "confirmed", "seen_state": "suggested"}
    first = client.post(url, data=decision)
    assert first.status_code == 303
    assert first.headers["Location"].endswith(f"?kind=self&done={link_id}&state=confirmed#queue")
    assert client.post(url, data=decision).status_code == 303  # a double click
    stale = client.post(url, data={**decision, "state": "rejected"})
    assert stale.status_code == 409
    assert "in the meantime" in stale.get_data(as_text=True)
    assert link_state(client, link_id) == "confirmed"


@pytest.mark.parametrize("path", [
    f"/desk/claims/{LONG_ID}", f"/desk/sources/{LONG_ID}", "/desk/claims/0",
    "/desk/claims/999999", "/desk/sources/999999",
])
def test_an_id_that_names_nothing_is_a_404_page(client, base, path):
    signed_in(client, base["write"])
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(("path", "status"), [
    ("/desk/queue?until=9999-12-31&since=0001-01-01", 200),
    ("/desk/queue?since=2024-02-30", 422),
    ("/desk/queue?since=2024-03-02&until=2024-03-01", 422),
    ("/desk/queue?kind=gossip", 422),
    ("/desk/queue?speaker=%00", 422),
    ("/desk/queue?speaker=...", 422),
    ("/desk/queue?speaker=Nobody+Atall", 404),
    ("/desk/queue?page=99999999999999999999", 422),
    ("/desk/queue?_external=1&_method=X&link_id=1&done=all&state=deleted", 200),
    ("/desk/claims?page=2&_method=POST&_external=1&_anchor=x", 200),
    ("/desk/claims?status=lies", 422),
    ("/desk/claims?q=" + "x" * 501, 422),
    ("/desk/claims?has_contradictions=maybe", 422),
    ("/desk/claims?q=*", 422),
    ('/desk/claims?q="', 422),
    ("/desk/sources?cursor=garbage", 422),
    ("/desk/sources?_external=1", 200),
])
def test_bad_filters_get_a_page_that_says_why(client, base, path, status):
    signed_in(client, base["write"])
    answer = client.get(path)
    assert answer.status_code == status, answer.get_data(as_text=True)[:800]
    assert answer.mimetype == "text/html"
    assert "deleted." not in answer.get_data(as_text=True)
    if status == 422 and path.startswith("/desk/claims?"):  # said above the form, which stays
        assert 'id="page-error"' in answer.get_data(as_text=True)
        assert 'name="q"' in answer.get_data(as_text=True)


@pytest.mark.parametrize("path, status", [
    ("/desk/claims/abc", 404), ("/desk/nope", 404), ("/desk/claims/99999999999999999999", 404),
    ("/desk/sign-out", 405), ("/desk/queue/5/review", 405)])
def test_an_address_no_desk_view_answers_is_still_a_desk_page(client, base, path, status):
    signed_in(client, base["write"])
    answer = client.get(path)
    assert (answer.status_code, answer.mimetype) == (status, "text/html")
    assert "Back to the queue" in answer.get_data(as_text=True)
    assert "Sign out" in answer.get_data(as_text=True)  # the editor is still signed in
    assert answer.headers["Cache-Control"] == "no-store"
    assert client.get("/api/v1/nope").mimetype == "application/problem+json"


def test_an_article_that_cannot_be_fetched_is_answered_on_the_sources_page(client, base):
    token = signed_in(client, base["write"])
    answer = client.post("/desk/sources", data={
        "csrf_token": token, "url": "http://10.255.255.1/article", "title": "Harbour plan"})
    page = answer.get_data(as_text=True)
    assert (answer.status_code, answer.mimetype) == (422, "text/html")
    assert "private or local address" in page and 'value="Harbour plan"' in page
    assert 'value="http://10.255.255.1/article"' in page


def test_a_decision_sent_after_the_session_ended_is_said_undone_and_leads_back(client, base):
    token = signed_in(client, base["write"])
    link_id = first_in_queue(client)
    client.post("/desk/sign-out", data={"csrf_token": token})  # in another tab
    answer = client.post(f"/desk/queue/{link_id}/review", data={
        "csrf_token": token, "state": "rejected", "reason": "Different years"},
        headers={"Referer": "http://localhost/desk/queue?q=a,b"})
    assert answer.status_code == 302
    page = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert "nothing was changed" in page and 'value="/desk/queue?q=a,b"' in page
    assert client.get(f"/api/v1/contradictions/{link_id}").get_json()["state"] == "suggested"


def test_a_decision_on_a_later_page_of_the_queue_returns_to_that_page(client, base,
                                                                     monkeypatch):
    import desk.queue

    monkeypatch.setattr(desk.queue, "PER_PAGE", 1)
    token = signed_in(client, base["write"])
    first = client.get("/desk/queue").get_data(as_text=True)
    later = html.unescape(re.search(r'href="([^"]+)" rel="next"', first).group(1))
    action = re.search(r'class="decide" method="post" action="([^"]+)"',
                       client.get(later).get_data(as_text=True)).group(1)
    answer = client.post(html.unescape(action), data={"csrf_token": token, "state": "rejected"})
    cursor = dict(parse_qsl(urlsplit(later).query))["cursor"]
    assert dict(parse_qsl(urlsplit(answer.headers["Location"]).query))["cursor"] == cursor


def test_a_verdict_needs_a_url_when_there_is_no_public_address(app, client, base):
    app.config["PUBLIC_BASE_URL"] = None
    token = signed_in(client, base["write"])
    page = client.get("/desk/claims/1").get_data(as_text=True)
    assert 'name="url" type="url" value="" required' in page
    answer = client.post("/desk/claims/1/verdicts", data={
        "csrf_token": token, "rating": "refuted", "explanation": "Figures from 2019."})
    page = answer.get_data(as_text=True)
    # The claim's page again, with what was typed and the url marked: nothing lost.
    assert answer.status_code == 422 and "address of the published fact-check" in page
    assert "Figures from 2019." in page and 'id="url-error"' in page
    assert client.get("/api/v1/claims/1").get_json()["reviews"] == []
