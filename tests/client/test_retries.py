"""Retries and typed errors, against a scripted HTTP server on 127.0.0.1: 429 and 503 are
retried (POST too) honouring Retry-After, lost connections only for idempotent methods, and
once the retries are spent the answer raises its typed error."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import requests
from claimtracker_client import (
    BadRequest,
    ClaimTracker,
    ClaimTrackerError,
    Conflict,
    Forbidden,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    RateLimited,
    ServerError,
    Unauthorized,
    ValidationError,
)

DROP = "drop"  # close the connection without answering


def answer(status: int, body=None, *, content_type: str = "application/json", **headers):
    """One scripted answer: status, headers and a JSON (or text) body."""
    if status >= 400 and body is None:
        body = {"type": "about:blank", "title": "Problem", "status": status, "detail": "scripted"}
        content_type = "application/problem+json"
    text = body if isinstance(body, str) else json.dumps(body if body is not None else {})
    return status, {"Content-Type": content_type, **headers}, text.encode()


class Scripted(HTTPServer):
    """Answers each request with the next scripted answer (the last one repeats) and keeps
    every request as (method, path, headers, body)."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.script: list = []
        self.seen: list[tuple[str, str, dict, bytes]] = []
        self.base_url = f"http://127.0.0.1:{self.server_address[1]}"

    def play(self, *answers) -> None:
        self.script, self.seen = list(answers), []

    @property
    def methods(self) -> list[str]:
        return [method for method, *_ in self.seen]


class _Handler(BaseHTTPRequestHandler):
    server: Scripted

    def _answer(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.seen.append((self.command, self.path, dict(self.headers), body))
        script = self.server.script
        scripted = script.pop(0) if len(script) > 1 else script[0]
        if scripted == DROP:
            self.close_connection = True
            return
        status, headers, text = scripted
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(text))}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(text)

    do_GET = do_POST = do_PATCH = do_DELETE = _answer

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def scripted():
    server = Scripted()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def ct(scripted):
    with ClaimTracker(scripted.base_url, "ct_secret", retries=2, backoff_factor=0) as client:
        yield client


HEALTHY = answer(200, {"status": "ok", "database": "sqlite", "counts": {}})


def test_503_is_retried_until_the_server_answers(scripted, ct):
    scripted.play(answer(503, **{"Retry-After": "0"}), answer(503, **{"Retry-After": "0"}),
                  HEALTHY)
    assert ct.health()["status"] == "ok"
    assert scripted.methods == ["GET", "GET", "GET"]


def test_a_post_answered_429_is_sent_again_with_the_same_body(scripted, ct):
    scripted.play(answer(429, **{"Retry-After": "0"}), answer(200, {"claims": []}))
    assert ct.check("The mayor said the pool will reopen.") == {"claims": []}
    assert scripted.methods == ["POST", "POST"]
    first, second = (body for *_, body in scripted.seen)
    assert first == second and json.loads(first) == {"text": "The mayor said the pool will reopen."}


@pytest.mark.parametrize("status, error", [(503, ServerError), (429, RateLimited)])
def test_once_the_retries_are_spent_the_typed_error_is_raised(scripted, ct, status, error):
    scripted.play(answer(status, **{"Retry-After": "0"}))
    with pytest.raises(error) as raised:
        ct.check("Still busy?")
    assert raised.value.status == status and raised.value.detail == "scripted"
    assert scripted.methods == ["POST"] * 3  # the first try and two retries


def test_rate_limited_carries_retry_after(scripted):
    scripted.play(answer(429, **{"Retry-After": "7"}))
    with ClaimTracker(scripted.base_url, retries=0) as client, \
            pytest.raises(RateLimited) as raised:
        client.health()
    assert raised.value.retry_after == 7
    assert len(scripted.seen) == 1


def test_retry_after_is_honoured(scripted, ct):
    scripted.play(answer(503, **{"Retry-After": "1"}), HEALTHY)
    started = time.monotonic()
    ct.health()
    assert time.monotonic() - started >= 0.9
    assert len(scripted.seen) == 2


def test_without_retry_after_the_client_backs_off_exponentially(scripted):
    scripted.play(answer(503), answer(503), answer(503), HEALTHY)
    with ClaimTracker(scripted.base_url, retries=3, backoff_factor=0.1) as client:
        started = time.monotonic()
        client.health()
    assert time.monotonic() - started >= 0.1 * 2 + 0.1 * 4 - 0.05  # 0, 0.2 s, 0.4 s
    assert len(scripted.seen) == 4


def test_other_server_errors_are_not_retried(scripted, ct):
    scripted.play(answer(500), HEALTHY)
    with pytest.raises(ServerError):
        ct.health()
    assert len(scripted.seen) == 1


def test_a_lost_connection_is_retried_for_get(scripted, ct):
    scripted.play(DROP, DROP, HEALTHY)
    assert ct.health()["status"] == "ok"
    assert len(scripted.seen) == 3


@pytest.mark.parametrize("send", [
    lambda client: client.check("Was this processed?"),
    lambda client: client.update_claim(1, '"claim-1-v1"', review_state="in_review"),
], ids=["POST", "PATCH"])
def test_a_lost_connection_is_not_retried_for_post_or_patch(scripted, ct, send):
    scripted.play(DROP, HEALTHY)
    with pytest.raises(requests.ConnectionError):
        send(ct)
    assert len(scripted.seen) == 1


@pytest.mark.parametrize("status, error", [
    (400, BadRequest), (401, Unauthorized), (403, Forbidden), (404, NotFound),
    (409, Conflict), (412, PreconditionFailed), (422, ValidationError),
    (428, PreconditionRequired), (429, RateLimited), (500, ServerError), (502, ServerError),
    (503, ServerError), (418, ClaimTrackerError),
])
def test_a_body_that_is_not_json_still_gives_the_typed_error(scripted, status, error):
    scripted.play(answer(status, "<html><body>Bad gateway day</body></html>",
                         content_type="text/html"))
    with ClaimTracker(scripted.base_url, retries=0) as client, pytest.raises(error) as raised:
        client.health()
    assert type(raised.value) is error
    assert raised.value.status == status and raised.value.title
    assert "Bad gateway day" in raised.value.detail and raised.value.errors == {}


def test_problem_fields_reach_the_error(scripted, ct):
    scripted.play(answer(409, {"type": "about:blank", "title": "Conflict", "status": 409,
                               "detail": "already flagged", "existing_id": 12}))
    with pytest.raises(Conflict) as conflict:
        ct.flag_contradiction(1, 2)
    assert conflict.value.existing_id == 12 and str(conflict.value) == (
        "409 Conflict: already flagged")
    scripted.play(answer(422, {"type": "urn:claimtracker:validation", "status": 422,
                               "title": "Validation failed", "detail": "Invalid fields: text.",
                               "errors": {"text": ["Shorter than minimum length 1."]}}))
    with pytest.raises(ValidationError) as invalid:
        ct.create_claim("")
    assert invalid.value.type == "urn:claimtracker:validation"
    assert invalid.value.errors == {"text": ["Shorter than minimum length 1."]}


def test_pages_are_followed_and_the_key_goes_only_to_the_server(scripted, ct):
    elsewhere = scripted.base_url.replace("127.0.0.1", "localhost")
    scripted.play(
        answer(200, {"items": [{"id": 1}], "page": 1, "per_page": 1, "total": 3,
                     "next": f"{scripted.base_url}/api/v1/claims?page=2&per_page=1"}),
        answer(200, {"items": [{"id": 2}], "page": 2, "per_page": 1, "total": 3,
                     "next": f"{elsewhere}/api/v1/claims?page=3&per_page=1"}),
        answer(200, {"items": [{"id": 3}], "page": 3, "per_page": 1, "total": 3,
                     "next": None}))
    assert [c["id"] for c in ct.claims(per_page=1, has_contradictions=False)] == [1, 2, 3]
    paths = [path for _, path, _, _ in scripted.seen]
    assert paths == ["/api/v1/claims?per_page=1&has_contradictions=false",
                     "/api/v1/claims?page=2&per_page=1", "/api/v1/claims?page=3&per_page=1"]
    keys = [headers.get("Authorization") for _, _, headers, _ in scripted.seen]
    assert keys == ["Bearer ct_secret", "Bearer ct_secret", None]
