"""Webhook delivery against a real receiver: signed, retried, logged, and at least once even
when the worker is killed mid-delivery."""

import datetime
import hashlib
import hmac
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import claimtracker_client
import pytest
import standardwebhooks

from api.schemas import WebhookEvent
from models import Attempt, Delivery, Event
from models.db import database, utcnow
from models.ingest import ingest_article
from models.webhook import create_webhook
from models.worker import run
from tests.integration.receiver import Receiver

ARTICLE = ("The port authority said that container traffic fell by a third. "
           "Dock workers said that the new cranes will arrive in March.")
BIN = Path(sys.executable).parent


def _verify(secret: str, headers: dict, body: bytes) -> bool:
    """As a receiver verifies with the Standard Webhooks library."""
    try:
        standardwebhooks.Webhook(secret).verify(body, headers)
    except standardwebhooks.WebhookVerificationError:
        return False
    return True


def _verify_first_header(first_secret: str, headers: dict, body: bytes) -> bool:
    """As a receiver written against the first releases verifies X-Claims-Signature."""
    fields = dict(part.split("=", 1) for part in headers["X-Claims-Signature"].split(","))
    expected = hmac.new(first_secret.encode(), f"{fields['t']}.".encode() + body,
                        hashlib.sha256).hexdigest()
    return hmac.compare_digest(fields["v1"], expected) and abs(
        time.time() - int(fields["t"])) < 300


@pytest.fixture
def db(app):
    with database.connection_context():
        yield


def _subscribe(url, events=("claim.created",)):
    return create_webhook(url, list(events), actor="test")


def test_deliveries_are_signed_json_posts_of_each_event(db):
    with Receiver() as receiver:
        webhook = _subscribe(receiver.url)
        ingest_article(text=ARTICLE)
        expected = [e.id for e in Event.select().where(Event.type == "claim.created")]
        assert run(poll_seconds=0, lock_seconds=30, timeout=5, once=True) == len(expected)
    assert sorted(json.loads(body)["id"] for _, body in receiver.requests) == expected
    for headers, body in receiver.requests:
        assert _verify(webhook.secret, headers, body)
        assert claimtracker_client.verify(webhook.secret, headers, body)["id"] == json.loads(
            body)["id"]
        event = json.loads(body)
        WebhookEvent().load(event)  # as the spec documents it (unknown fields refused)
        assert event["type"] == headers["X-Claims-Event"] == "claim.created"
        assert headers["webhook-id"] == f"evt_{event['id']}"
    assert {d.state for d in Delivery.select()} == {"delivered"}


def test_a_tampered_body_fails_the_signature(db):
    with Receiver() as receiver:
        webhook = _subscribe(receiver.url)
        ingest_article(text=ARTICLE)
        run(poll_seconds=0, lock_seconds=30, timeout=5, once=True)
    headers, body = receiver.requests[0]
    assert not _verify(webhook.secret, headers, body.replace(b"claim", b"clam"))
    with pytest.raises(claimtracker_client.InvalidSignature):
        claimtracker_client.verify(webhook.secret, headers, body.replace(b"claim", b"clam"))


def test_a_failed_delivery_is_retried_later_with_backoff_and_every_attempt_logged(db):
    with Receiver(statuses=[500, 503]) as receiver:
        _subscribe(receiver.url, ["claim.created"])
        ingest_article(text="The council said that the library will reopen in May.")
        run(poll_seconds=0, lock_seconds=30, timeout=5, once=True)
        [delivery] = Delivery.select()
        assert delivery.state == "pending" and delivery.attempts == 1
        first_wait = delivery.next_attempt_at - utcnow()
        assert first_wait > datetime.timedelta(seconds=5)
        for _ in range(2):  # let the backoff pass without waiting for it
            Delivery.update(next_attempt_at=utcnow()).execute()
            run(poll_seconds=0, lock_seconds=30, timeout=5, once=True)
    delivery = Delivery.get()
    assert delivery.state == "delivered" and delivery.attempts == 3
    assert [a.status_code for a in Attempt.select().order_by(Attempt.id)] == [500, 503, 200]


def test_an_unreachable_receiver_is_given_up_after_24_hours(db):
    _subscribe("http://127.0.0.1:9/nothing-listens-here")
    ingest_article(text="The council said that the library will reopen in May.")
    Delivery.update(created_at=utcnow() - datetime.timedelta(hours=25)).execute()
    run(poll_seconds=0, lock_seconds=30, timeout=2, once=True)
    [delivery] = Delivery.select()
    assert delivery.state == "failed"
    assert Attempt.get().error


def test_paused_webhooks_get_nothing_and_unsubscribed_events_are_not_sent(db):
    from models.webhook import update_webhook

    with Receiver() as receiver:
        paused = _subscribe(receiver.url)
        update_webhook(paused.id, {"active": False})
        _subscribe(receiver.url, ["contradiction.reviewed"])
        ingest_article(text=ARTICLE)
        assert run(poll_seconds=0, lock_seconds=30, timeout=5, once=True) == 0
    assert receiver.requests == []


def test_killing_the_worker_mid_delivery_loses_no_event(app, database_url):
    env = {**os.environ, "DATABASE_URL": database_url, "WEBHOOK_LOCK_SECONDS": "2",
           "WORKER_POLL_SECONDS": "0.1", "WEBHOOK_TIMEOUT_SECONDS": "20"}
    with Receiver(hold_first=True) as receiver:
        with database.connection_context():
            _subscribe(receiver.url)
            ingest_article(text=ARTICLE)
            expected = {e.id for e in Event.select().where(Event.type == "claim.created")}
        worker = subprocess.Popen([str(BIN / "claimtracker"), "worker"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        assert receiver.first_arrived.wait(timeout=30), "the worker never delivered"
        worker.send_signal(signal.SIGKILL)  # dies holding a delivery it has not finished
        worker.wait(timeout=10)
        receiver.release.set()
        restarted = subprocess.Popen([str(BIN / "claimtracker"), "worker"], env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                with database.connection_context():
                    if not Delivery.select().where(Delivery.state != "delivered").exists():
                        break
                time.sleep(0.2)
        finally:
            restarted.terminate()
            restarted.wait(timeout=10)
    received = {json.loads(body)["id"] for _, body in receiver.requests}
    assert received == expected  # at least once each; the receiver drops duplicates by id
    with database.connection_context():
        assert {d.state for d in Delivery.select()} == {"delivered"}


def test_a_subscription_made_before_standard_secrets_goes_on_verifying(db):
    """A secret of the first releases (URL-safe base64) is rewritten by migration 0010 to the
    same key in standard base64: the old X-Claims-Signature still verifies with the old string,
    and the Standard Webhooks library with the old string made standard."""
    import base64

    from models import Webhook
    from models.migrations import __path__ as migrations

    with Receiver() as receiver:
        webhook = _subscribe(receiver.url)
        first = "whsec_" + base64.urlsafe_b64encode(b"\xfb\xff" * 16).decode().rstrip("=")
        Webhook.update(secret=first).where(Webhook.id == webhook.id).execute()
        migration = Path(migrations[0]) / "0010_standard_webhook_secrets.py"
        namespace: dict = {}
        exec(compile(migration.read_text(), str(migration), "exec"), namespace)
        namespace["up"](None, database.obj)
        ingest_article(text=ARTICLE)
        run(poll_seconds=0, lock_seconds=30, timeout=5, once=True)
    assert "-" in first or "_" in first
    made_standard = "whsec_" + first.removeprefix("whsec_").replace("-", "+").replace("_", "/")
    for headers, body in receiver.requests:
        assert _verify_first_header(first, headers, body)
        assert _verify(made_standard, headers, body)
