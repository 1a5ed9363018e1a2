"""Webhooks over HTTP: admin only, the secret shown once, pause and resume, the delivery log."""

from pathlib import Path

import pytest
import schemathesis
import yaml

from tests.api.contract import API, problem_of

SCHEMA = schemathesis.openapi.from_dict(yaml.safe_load(
    (Path(__file__).parents[2] / "openapi.yaml").read_text(encoding="utf-8")))


def problem(response, status: int) -> dict:
    assert response.status_code == status, response.get_json()
    return problem_of(response)

HOOK = {"url": "http://127.0.0.1:9/hook", "events": ["claim.created", "contradiction.flagged"]}


@pytest.fixture
def hook(client, admin_headers):
    response = client.post(f"{API}/webhooks", json=HOOK, headers=admin_headers)
    assert response.status_code == 201
    return response.get_json()


def test_creating_a_webhook_answers_its_secret_once(client, admin_headers, hook):
    assert hook["secret"].startswith("whsec_")
    assert hook["active"] is True and hook["events"] == sorted(HOOK["events"])
    again = client.get(f"{API}/webhooks/{hook['id']}", headers=admin_headers).get_json()
    listed = client.get(f"{API}/webhooks", headers=admin_headers).get_json()["items"]
    assert "secret" not in again and all("secret" not in item for item in listed)


def test_pause_resume_and_delete(client, admin_headers, hook):
    url = f"{API}/webhooks/{hook['id']}"
    assert client.patch(url, json={"active": False},
                        headers=admin_headers).get_json()["active"] is False
    assert client.patch(url, json={"active": True},
                        headers=admin_headers).get_json()["active"] is True
    assert client.delete(url, headers=admin_headers).status_code == 204
    problem(client.get(url, headers=admin_headers), 404)


def test_the_delivery_log_lists_the_events_queued_for_the_webhook(client, admin_headers,
                                                                   write_headers, hook):
    client.post(f"{API}/sources", json={"text": "The mayor said that the pool will reopen."},
                headers=write_headers)
    log = client.get(f"{API}/webhooks/{hook['id']}/deliveries",
                     headers=admin_headers).get_json()
    assert log["total"] >= 1
    assert {d["event_type"] for d in log["items"]} == {"claim.created"}
    assert all(isinstance(d["event_id"], int) for d in log["items"])
    assert all(d["state"] == "pending" and d["attempts"] == [] for d in log["items"])


@pytest.mark.parametrize("body, field", [
    ({"url": "ftp://example.org/x", "events": ["claim.created"]}, "url"),
    ({"url": "http://127.0.0.1:9/x", "events": ["claim.deleted"]}, "events.0"),
    ({"url": "http://127.0.0.1:9/x", "events": []}, "events"),
    ({"events": ["claim.created"]}, "url"),
])
def test_a_bad_subscription_is_refused_naming_the_field(client, admin_headers, body, field):
    found = problem(client.post(f"{API}/webhooks", json=body, headers=admin_headers), 422)
    assert field in found["errors"]


@pytest.mark.parametrize("method, path", [("get", ""), ("post", ""), ("get", "/1"),
                                          ("get", "/1/deliveries")])
def test_webhooks_need_the_admin_scope(client, write_headers, method, path):
    response = getattr(client, method)(f"{API}/webhooks{path}", json=HOOK,
                                       headers=write_headers)
    problem(response, 403)
    problem(getattr(client, method)(f"{API}/webhooks{path}", json=HOOK), 401)


def test_every_webhook_route_answers_what_the_spec_says(client, admin_headers, write_headers,
                                                        hook):
    """Schemathesis rarely reaches a delivery log with attempts in it: each route's answer,
    with a delivered and a failed attempt logged, is checked against the committed spec."""
    from models.db import database
    from models.webhook import Delivery, record_attempt

    client.post(f"{API}/sources", json={"text": "The mayor said that the pool will reopen."},
                headers=write_headers)
    with database.connection_context():
        first, *rest = Delivery.select().order_by(Delivery.id)
        record_attempt(first, status_code=200, error=None, duration_ms=12)
        for delivery in rest:
            record_attempt(delivery, status_code=None, error="ConnectionError", duration_ms=3)
    base = f"{API}/webhooks"
    answers = {
        ("GET", "/api/v1/webhooks"): client.get(base, headers=admin_headers),
        ("GET", "/api/v1/webhooks/{webhook_id}"): client.get(f"{base}/{hook['id']}",
                                                             headers=admin_headers),
        ("GET", "/api/v1/webhooks/{webhook_id}/deliveries"): client.get(
            f"{base}/{hook['id']}/deliveries", headers=admin_headers),
        ("PATCH", "/api/v1/webhooks/{webhook_id}"): client.patch(
            f"{base}/{hook['id']}", json={"active": False}, headers=admin_headers),
        ("POST", "/api/v1/webhooks"): client.post(base, json=HOOK, headers=admin_headers),
        ("DELETE", "/api/v1/webhooks/{webhook_id}"): client.delete(
            f"{base}/{hook['id']}", headers=admin_headers),
    }
    log = answers["GET", "/api/v1/webhooks/{webhook_id}/deliveries"].get_json()["items"]
    assert {d["state"] for d in log} >= {"delivered"} and any(d["attempts"] for d in log)
    for (method, path), response in answers.items():
        assert response.status_code < 300, (method, path)
        SCHEMA[path][method].validate_response(response)
