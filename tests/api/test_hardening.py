"""Rate limits, security headers, CORS, request ids and logs that never hold a key."""

import inspect
import json
import logging

import pytest

from api import create_app
from api.config import Config
from models.db import database
from tests.api.contract import API, problem_of


@pytest.fixture
def limited(app, database_url):
    return create_app(Config(DATABASE_URL=database_url, RATE_LIMIT_PER_KEY="3 per minute",
                             RATE_LIMIT_PER_ADDRESS="5 per minute")).test_client()


def test_over_the_per_key_limit_is_a_429_problem_with_retry_after(limited, write_headers):
    for _ in range(3):
        answered = limited.get(f"{API}/claims", headers=write_headers)
        assert answered.status_code == 200 and "Retry-After" not in answered.headers
        assert int(answered.headers["X-RateLimit-Remaining"]) >= 0
    response = limited.get(f"{API}/claims", headers=write_headers)
    assert response.status_code == 429
    assert problem_of(response)["status"] == 429
    assert int(response.headers["Retry-After"]) > 0


def test_the_per_address_limit_holds_whatever_keys_are_sent(limited):
    statuses = [limited.get(f"{API}/claims",
                            headers={"Authorization": f"Bearer ct_{i}madeup{i}xyz"}).status_code
                for i in range(6)]
    assert statuses[:5] == [200] * 5 and statuses[5] == 429


@pytest.mark.parametrize("path", [f"{API}/claims", f"{API}/nope", "/openapi.json",
                                  "/desk/sign-in"])
def test_every_response_carries_the_security_headers(client, path):
    headers = client.get(path).headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    # The desk's pages name themselves to the desk alone, nothing to another site.
    assert headers["Referrer-Policy"] == (
        "same-origin" if path.startswith("/desk") else "no-referrer")
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_a_path_with_a_doubled_slash_has_the_headers_of_its_page(client):
    """gunicorn passes "//desk/sign-in" on as it came, and Flask serves /desk/sign-in."""
    page = client.get("/", environ_overrides={"PATH_INFO": "//desk/sign-in"})
    assert page.status_code == 200 and page.headers["Referrer-Policy"] == "same-origin"


def test_cors_is_off_unless_origins_are_configured(client, app, database_url):
    preflight = {"Origin": "https://desk.example", "Access-Control-Request-Method": "GET"}
    assert "Access-Control-Allow-Origin" not in client.get(f"{API}/claims",
                                                           headers=preflight).headers
    opened = create_app(Config(DATABASE_URL=database_url, RATELIMIT_ENABLED=False,
                               CORS_ORIGINS=["https://desk.example"])).test_client()
    allowed = opened.get(f"{API}/claims", headers=preflight).headers
    assert allowed["Access-Control-Allow-Origin"] == "https://desk.example"
    other = opened.get(f"{API}/claims", headers={"Origin": "https://evil.example"}).headers
    assert "Access-Control-Allow-Origin" not in other


def test_a_request_id_is_echoed_or_made(client):
    assert client.get(f"{API}/claims", headers={"X-Request-ID": "desk-42"}).headers[
        "X-Request-ID"] == "desk-42"
    made = client.get(f"{API}/claims", headers={"X-Request-ID": "not <safe> id"}).headers
    assert made["X-Request-ID"] != "not <safe> id" and len(made["X-Request-ID"]) == 32


def test_each_request_is_one_json_log_line_without_the_key(client, write_headers, caplog):
    key = write_headers["Authorization"].split()[1]
    with caplog.at_level(logging.INFO, logger="claimtracker.requests"):
        client.post(f"{API}/claims", json={"text": "The pool will reopen in May."},
                    headers={**write_headers, "X-Request-ID": "abc-1"})
    [record] = [r for r in caplog.records
                if getattr(r, "fields", {}).get("request_id") == "abc-1"]
    fields = record.fields
    assert (fields["request_id"], fields["status"], fields["method"]) == ("abc-1", 201, "POST")
    assert fields["duration_ms"] >= 0 and fields["key"] == "test-write"
    from api.requestlog import JsonFormatter

    line = JsonFormatter().format(record)
    assert json.loads(line)["path"] == f"{API}/claims"
    assert key not in line


def test_no_view_hook_or_error_handler_is_a_coroutine(app):
    """App.ensure_sync hands each as it is: a coroutine would be answered unawaited."""
    scoped = (app.before_request_funcs, app.after_request_funcs, app.teardown_request_funcs,
              app.url_value_preprocessors, app.url_default_functions)
    functions = [*app.view_functions.values(), *app.teardown_appcontext_funcs,
                 *(f for hooks in scoped for funcs in hooks.values() for f in funcs),
                 *(handler for by_code in app.error_handler_spec.values()
                   for handlers in by_code.values() for handler in handlers.values())]
    functions += [getattr(view.view_class, method.lower())
                  for view in app.view_functions.values() if hasattr(view, "view_class")
                  for method in view.view_class.methods or ()]
    assert len(functions) > 50
    assert not [f for f in functions if inspect.iscoroutinefunction(f)]


def test_a_write_stuck_behind_another_sqlite_writer_is_a_503_with_retry_after(
        client, write_headers, database_url):
    import sqlite3

    if not database_url.startswith("sqlite"):
        pytest.skip("PostgreSQL writers wait on row locks, not on the whole database")
    holder = sqlite3.connect(database_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        response = client.post(f"{API}/claims", json={"text": "The dam will be raised."},
                               headers=write_headers)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert response.status_code == 503
    assert problem_of(response)["status"] == 503
    assert response.headers["Retry-After"] == "2"
    assert client.get(f"{API}/claims").get_json()["total"] == 0


def test_a_write_that_times_out_on_a_postgresql_row_lock_is_a_503_with_retry_after(
        client, write_headers, make_claim, database_url):
    if not database_url.startswith("postgres"):
        pytest.skip("SQLite writers wait on the whole database (the test above)")
    import psycopg2

    claim = make_claim("The dam will be raised.")
    name = database_url.rsplit("/", 1)[1]
    admin = psycopg2.connect(database_url)
    admin.autocommit = True
    admin.cursor().execute(f'ALTER DATABASE "{name}" SET lock_timeout = 200')  # new sessions
    database.obj.close_all()
    holder = psycopg2.connect(database_url)
    holder.cursor().execute("SELECT id FROM claim WHERE id = %s FOR UPDATE", (claim["id"],))
    try:
        response = client.patch(f"{API}/claims/{claim['id']}", json={"text": "Lowered"},
                                headers={**write_headers, "If-Match": "*"})
    finally:
        holder.close()
        admin.cursor().execute(f'ALTER DATABASE "{name}" RESET lock_timeout')
        admin.close()
        database.obj.close_all()
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "2"
    assert client.get(f"{API}/claims/{claim['id']}").get_json()["text"] == claim["text"]


def test_limits_can_be_counted_in_redis_shared_by_every_worker(app, database_url):
    import uuid

    import redis

    try:
        redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=1).ping()
    except redis.RedisError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    prefix = uuid.uuid4().hex  # a fresh count for this run
    apps = [create_app(Config(DATABASE_URL=database_url, RATE_LIMIT_PER_KEY="2 per minute",
                              RATELIMIT_STORAGE_URI="redis://127.0.0.1:6379",
                              RATELIMIT_KEY_PREFIX=prefix)).test_client() for _ in range(2)]
    statuses = [apps[i % 2].get(f"{API}/claims").status_code for i in range(3)]
    assert statuses == [200, 200, 429]
