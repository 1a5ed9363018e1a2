"""One error envelope: every error the service gives is problem+json with the same keys."""

from types import SimpleNamespace

import pytest

from tests.api.contract import API, problem_of


@pytest.fixture
def ctx(client, write_headers, read_headers, make_claim, flag):
    """What the error cases need: a client, keys, two claims and their contradiction."""
    a, b = make_claim("The tax will rise"), make_claim("No new tax")
    return SimpleNamespace(client=client, write=write_headers, read=read_headers,
                           a=a["id"], b=b["id"], link=flag(a["id"], b["id"]))


def _patch(ctx, if_match=None):
    headers = {**ctx.write, **({"If-Match": if_match} if if_match else {})}
    return ctx.client.patch(f"{API}/claims/{ctx.a}", json={"text": "New words"},
                            headers=headers)


CASES = {
    "unknown route": (404, lambda c: c.client.get(f"{API}/nothing-here")),
    "unknown route outside the api": (404, lambda c: c.client.get("/nothing-here")),
    "unknown claim": (404, lambda c: c.client.get(f"{API}/claims/999999")),
    "unknown contradiction": (404, lambda c: c.client.patch(
        f"{API}/contradictions/999999", json={"state": "rejected"}, headers=c.write)),
    "wrong method": (405, lambda c: c.client.delete(f"{API}/claims", headers=c.write)),
    "malformed json": (400, lambda c: c.client.post(
        f"{API}/claims", data='{"text": "unclosed', content_type="application/json",
        headers=c.write)),
    "invalid body": (422, lambda c: c.client.post(
        f"{API}/claims", json={"text": "", "colour": "red"}, headers=c.write)),
    "invalid query": (422, lambda c: c.client.get(f"{API}/claims?per_page=101")),
    "domain refusal": (422, lambda c: c.client.post(
        f"{API}/claims/{c.a}/contradictions", json={"claim_id": c.a}, headers=c.write)),
    "no key": (401, lambda c: c.client.post(f"{API}/claims", json={"text": "A claim"})),
    "unknown key": (401, lambda c: c.client.post(
        f"{API}/claims", json={"text": "A claim"}, headers={"Authorization": "Bearer ct_x"})),
    "read key on a write": (403, lambda c: c.client.post(
        f"{API}/claims", json={"text": "A claim"}, headers=c.read)),
    "duplicate contradiction": (409, lambda c: c.client.post(
        f"{API}/claims/{c.b}/contradictions", json={"claim_id": c.a}, headers=c.write)),
    "stale etag": (412, lambda c: _patch(c, f'"claim-{c.a}-v0"')),
    "missing if-match": (428, _patch),
    "body over the limit": (413, lambda c: c.client.post(
        f"{API}/sources", json={"text": "word " * 250_000}, headers=c.write)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_every_error_is_problem_json(ctx, case):
    status, send = CASES[case]
    response = send(ctx)
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == status
    assert all(isinstance(body[k], str) and body[k] for k in ("type", "title", "detail"))
    assert "Traceback" not in response.get_data(as_text=True)
    if status == 405:
        assert set(response.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}
    if status == 401:
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
    if status == 422:
        errors = body["errors"]
        assert errors and all(isinstance(m, list) and m for m in errors.values())


@pytest.mark.parametrize(("method", "path", "body", "fields"), [
    ("post", "/claims", {"text": "", "speaker_id": 0, "kind": "rumour", "colour": "red"},
     {"text", "speaker_id", "kind", "colour"}),
    ("get", "/claims?per_page=0&page=0&sort=hot&status=true", None,
     {"per_page", "page", "sort", "status"}),
    ("post", "/sources", {"text": "", "url": "nope", "published": "later"},
     {"text", "url", "published"}),
    ("patch", "/contradictions/1", {"state": "suggested", "reason": ""}, {"state", "reason"}),
])
def test_validation_errors_name_every_bad_field(client, write_headers, method, path, body,
                                                fields):
    response = getattr(client, method)(f"{API}{path}", json=body, headers=write_headers)
    assert response.status_code == 422
    problem = problem_of(response)
    assert set(problem["errors"]) == fields
    for field in fields:
        assert field in problem["detail"]



HUGE = 2**64


@pytest.mark.parametrize(("method", "path", "body", "status", "field"), [
    ("get", f"/claims/{HUGE}", None, 404, None),
    ("get", f"/claims/{HUGE}/history", None, 404, None),
    ("get", f"/speakers/{HUGE}", None, 404, None),
    ("get", f"/sources/{HUGE}", None, 404, None),
    ("patch", f"/contradictions/{HUGE}", {"state": "rejected"}, 404, None),
    ("get", f"/claims?speaker={HUGE}", None, 422, "speaker"),
    ("get", f"/contradictions?source={HUGE}", None, 422, "source"),
    ("post", "/claims", {"text": "A claim", "speaker_id": HUGE}, 422, "speaker_id"),
    ("post", "/claims", {"text": "A claim", "source_id": HUGE, "start": 0, "end": 1}, 422,
     "source_id"),
    ("post", "/claims", {"text": "A\x00claim"}, 422, "text"),
    ("post", "/claims", {"text": "!!!"}, 422, "text"),
    ("post", "/sources", {"text": "The mayor said \x00 nothing."}, 422, "text"),
    ("post", "/sources", {"text": "The mayor said nothing.", "language": "e\x00n"}, 422,
     "language"),
    ("get", "/speakers?q=a%00b", None, 422, "q"),
    ("get", "/sources?outlet=%00", None, 422, "outlet"),
])
def test_values_no_database_can_store_are_refused_not_crashed_on(client, write_headers, method,
                                                                  path, body, status, field):
    response = getattr(client, method)(f"{API}{path}", json=body, headers=write_headers)
    assert response.status_code == status
    problem = problem_of(response)
    if field:
        assert field in problem["errors"]


# Ids a client may send (up to 2**63 - 1) but past any integer column: no such row, found by
# the reads prepared on PostgreSQL as by any other.
@pytest.mark.parametrize("big", [2**31, 2**63 - 1])
@pytest.mark.parametrize(("path", "status"), [
    ("/claims/{}", 404), ("/speakers/{}", 404), ("/sources/{}", 404),
    ("/claims?speaker={}", 200), ("/claims?source={}", 200),
    ("/claims?speaker={}&source={}&status=unverified", 200),
    ("/contradictions?speaker={}", 200)])
def test_ids_past_every_stored_row_find_nothing(client, seeded, path, status, big):
    response = client.get(f"{API}{path.format(big, big)}")
    assert response.status_code == status, response.get_json()
    if status == 200:
        assert response.get_json()["items"] == []
