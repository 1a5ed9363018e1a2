"""API keys: every write needs a live key of the write scope; reads are open; keys are hashed."""

import hashlib
import re

import pytest

from api import create_app
from api.config import Config
from models.apikey import ApiKey, create_key, revoke_key
from models.db import database
from tests.api.contract import API, problem_of

WRITE_METHODS = {"POST", "PATCH", "PUT", "DELETE"}
# POSTs that change nothing: open like every read.
READ_ONLY_POSTS = {f"{API}/check"}
ADMIN_ONLY = f"{API}/webhooks"


def _routes(app, methods) -> list[tuple[str, str]]:
    """(method, url) of every /api/v1 rule answering one of these methods, ids filled in."""
    found = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith(f"{API}/"):
            continue
        url = re.sub(r"<[^>]+>", "1", rule.rule)
        found += [(method, url) for method in sorted(rule.methods & methods)
                  if not (method == "POST" and url in READ_ONLY_POSTS)]
    return found


def _revoked_key_headers() -> dict:
    with database.connection_context():
        row, plain = create_key("test-revoked", "admin")
        revoke_key(row.id)
    return {"Authorization": f"Bearer {plain}"}


def test_the_walk_finds_every_write_route(app):
    assert set(_routes(app, WRITE_METHODS)) >= {
        ("POST", f"{API}/claims"), ("PATCH", f"{API}/claims/1"),
        ("POST", f"{API}/claims/1/contradictions"), ("POST", f"{API}/claims/1/reviews"),
        ("PATCH", f"{API}/contradictions/1"), ("POST", f"{API}/sources")}


@pytest.mark.parametrize(("credentials", "status"), [
    ("none", 401),
    ("unknown key", 401),
    ("not a bearer token", 401),
    ("empty bearer", 401),
    ("revoked key", 401),
    ("read key", 403),
])
def test_every_write_route_refuses_a_missing_bad_or_underscoped_key(app, client, read_headers,
                                                                   credentials, status):
    headers = {
        "none": {},
        "unknown key": {"Authorization": "Bearer ct_thisisnotakey"},
        "not a bearer token": {"Authorization": "Basic dXNlcjpwYXNz"},
        "empty bearer": {"Authorization": "Bearer "},
        "revoked key": _revoked_key_headers(),
        "read key": read_headers,
    }[credentials]
    routes = _routes(app, WRITE_METHODS)
    wrong = []
    for method, url in routes:
        response = client.open(url, method=method, json={}, headers=headers)
        if response.status_code != status or problem_of(response)["status"] != status:
            wrong.append((method, url, response.status_code))
        elif status == 401 and not response.headers.get("WWW-Authenticate", "").startswith(
                "Bearer"):
            wrong.append((method, url, "no WWW-Authenticate"))
    assert routes and wrong == []


@pytest.mark.parametrize("scope", ["write", "admin"])
def test_write_and_admin_keys_pass_every_write_route_of_their_scope(app, client, scope,
                                                                      request):
    headers = request.getfixturevalue(f"{scope}_headers")
    for method, url in _routes(app, WRITE_METHODS):
        response = client.open(url, method=method, json={}, headers=headers)
        admin_only = url.startswith(ADMIN_ONLY)
        if scope == "write" and admin_only:
            assert response.status_code == 403, (method, url)
        else:
            assert response.status_code not in (401, 403), (method, url)


def test_the_bearer_scheme_is_case_insensitive(client, write_headers):
    token = write_headers["Authorization"].split(" ", 1)[1]
    response = client.post(f"{API}/claims", json={"text": "A claim"},
                           headers={"Authorization": f"bearer {token}"})
    assert response.status_code == 201


def test_writes_are_recorded_under_the_key_name(client, write_headers):
    claim = client.post(f"{API}/claims", json={"text": "A claim"},
                        headers=write_headers).get_json()
    history = client.get(f"{API}/claims/{claim['id']}/history").get_json()["items"]
    assert history[0]["actor"] == "key:test-write"


def test_reads_are_open_without_a_key_except_the_admin_ones(app, client):
    routes = _routes(app, {"GET"})
    assert len(routes) >= 8
    for method, url in routes:
        response = client.open(url, method=method)
        expected = (401,) if url.startswith(ADMIN_ONLY) else (200, 404)
        assert response.status_code in expected, (url, response.status_code)


def test_reads_can_be_made_to_need_a_key(app, database_url, read_headers):
    closed = create_app(Config(DATABASE_URL=database_url, READS_NEED_KEY=True)).test_client()
    assert closed.get(f"{API}/claims").status_code == 401
    assert closed.get(f"{API}/claims", headers=read_headers).status_code == 200
    assert closed.get(f"{API}/health").status_code == 200


def test_keys_are_stored_hashed(app):
    with database.connection_context():
        row, plain = create_key("desk", "write")
        stored = list(ApiKey.select().tuples())
    assert stored
    for values in stored:
        assert not any(plain in str(value) for value in values)
    assert row.key_hash == hashlib.sha256(plain.encode()).hexdigest()
    assert len(row.prefix) < len(plain) // 2
