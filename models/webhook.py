"""Webhooks: the subscriptions, their deliveries and every attempt at one; managing
subscriptions, signing deliveries, and the worker's bookkeeping. Delivery is at least once:
a delivery taken by a worker that dies is taken again when its lock runs out."""

import base64
import datetime
import hashlib
import hmac
import json
import random
import secrets
from collections import Counter

import peewee

from models.db import BaseModel, JSONTextField, database, utcnow
from models.errors import Invalid, must_exist
from models.event import EVENT_TYPES, Event

GIVE_UP_AFTER = datetime.timedelta(hours=24)
FIRST_RETRY_SECONDS = 10
LONGEST_WAIT_SECONDS = 3600


class Webhook(BaseModel):
    url = peewee.TextField()
    events = JSONTextField()
    secret = peewee.CharField(max_length=80)
    active = peewee.BooleanField(default=True)
    created_by = peewee.TextField(null=True)
    created_at = peewee.DateTimeField(default=utcnow)


class Delivery(BaseModel):
    webhook = peewee.ForeignKeyField(Webhook, backref="deliveries", on_delete="CASCADE")
    event = peewee.ForeignKeyField(Event, on_delete="CASCADE")
    state = peewee.CharField(max_length=16, default="pending")  # pending | delivered | failed
    attempts = peewee.IntegerField(default=0)
    next_attempt_at = peewee.DateTimeField(default=utcnow)
    locked_until = peewee.DateTimeField(null=True)
    delivered_at = peewee.DateTimeField(null=True)
    created_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("state", "next_attempt_at"), False),)


class Attempt(BaseModel):
    delivery = peewee.ForeignKeyField(Delivery, backref="attempt_rows", on_delete="CASCADE")
    at = peewee.DateTimeField(default=utcnow)
    status_code = peewee.IntegerField(null=True)
    error = peewee.TextField(null=True)
    duration_ms = peewee.IntegerField()


def _check_events(events: list[str]) -> list[str]:
    unknown = sorted(set(events) - set(EVENT_TYPES))
    if unknown or not events:
        raise Invalid(f"events must be some of {', '.join(EVENT_TYPES)}", field="events")
    return sorted(set(events))


SECRET_PREFIX = "whsec_"


def new_secret() -> str:
    """A Standard Webhooks secret: whsec_ and 32 random bytes in standard base64."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode("ascii")


def create_webhook(url: str, events: list[str], *, actor: str) -> Webhook:
    """Subscribe a URL; the secret that signs its deliveries is returned once, with it."""
    with database.atomic():
        return Webhook.create(url=url, events=_check_events(events), created_by=actor,
                              secret=new_secret())


def get_webhook(webhook_id: int) -> Webhook:
    return must_exist(Webhook.get_or_none(Webhook.id == webhook_id), "webhook", webhook_id)


def update_webhook(webhook_id: int, changes: dict) -> Webhook:
    """Pause or resume a webhook, or change its URL or events."""
    with database.atomic():
        webhook = get_webhook(webhook_id)
        if "events" in changes:
            changes["events"] = _check_events(changes["events"])
        for name, value in changes.items():
            setattr(webhook, name, value)
        webhook.save()
    return webhook


def delete_webhook(webhook_id: int) -> None:
    with database.atomic():
        get_webhook(webhook_id).delete_instance(recursive=True)


def payload(event: Event) -> bytes:
    """The body POSTed to subscribers: {id, type, timestamp, data} (Standard Webhooks), and
    the same moment as `created`, the name it had first."""
    created = event.created_at.replace(tzinfo=datetime.UTC).isoformat()
    return json.dumps({"id": event.id, "type": event.type, "timestamp": created,
                       "created": created, "data": event.data},
                      separators=(",", ":")).encode("utf-8")


def _key(secret: str) -> bytes:
    """The signing key a secret stands for: the bytes its base64 (after whsec_) encodes."""
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def signed_headers(secret: str, message_id: str, timestamp: int, body: bytes) -> dict:
    """The Standard Webhooks headers of a delivery (webhook-id, webhook-timestamp,
    webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>." + body>), and the
    X-Claims-Signature of the first releases beside them (t=<timestamp>,v1=<hex HMAC-SHA256
    of "<timestamp>." + body>, keyed by the secret as first issued, in URL-safe base64), so
    that receivers written against it go on verifying."""
    key = _key(secret)
    signed = hmac.new(key, f"{message_id}.{timestamp}.".encode() + body, hashlib.sha256)
    first_issued = SECRET_PREFIX + base64.urlsafe_b64encode(key).decode("ascii").rstrip("=")
    legacy = hmac.new(first_issued.encode("utf-8"), f"{timestamp}.".encode() + body,
                      hashlib.sha256)
    return {"webhook-id": message_id, "webhook-timestamp": str(timestamp),
            "webhook-signature": "v1," + base64.b64encode(signed.digest()).decode("ascii"),
            "X-Claims-Signature": f"t={timestamp},v1={legacy.hexdigest()}"}


def claim_due(limit: int, lock_seconds: int, *, per_webhook: int | None = None,
              skip=(), webhooks: int | None = None) -> list[Delivery]:
    """Take up to `limit` due deliveries for this worker, at most per_webhook of any one
    subscriber, of at most `webhooks` subscribers, and none of those in `skip`. A delivery
    stays taken for lock_seconds; a worker that dies mid-delivery leaves it to be taken again,
    so every event is delivered at least once."""
    now = utcnow()
    due = (Delivery.select(Delivery.id, Delivery.webhook)
           .where((Delivery.state == "pending") & (Delivery.next_attempt_at <= now)
                  & (Delivery.locked_until.is_null() | (Delivery.locked_until < now)))
           .order_by(Delivery.next_attempt_at, Delivery.id).limit(limit))
    if skip:
        due = due.where(Delivery.webhook.not_in(list(skip)))
    taken, per_subscriber = [], Counter()
    # Read whole before any is taken: a read still open would hold its snapshot into the
    # write, and on SQLite a write from a stale snapshot is refused ("database is locked")
    # once a delivery thread has recorded an attempt since.
    for delivery_id, webhook_id in list(due.tuples()):
        if per_webhook is not None and per_subscriber[webhook_id] >= per_webhook:
            continue
        if webhooks is not None and webhook_id not in per_subscriber \
                and len(per_subscriber) >= webhooks:
            continue
        per_subscriber[webhook_id] += 1
        with database.atomic():
            won = (Delivery.update(locked_until=now + datetime.timedelta(seconds=lock_seconds))
                   .where((Delivery.id == delivery_id)
                          & (Delivery.locked_until.is_null() | (Delivery.locked_until < now)))
                   .execute())
        if won:
            taken.append(Delivery.select(Delivery, Webhook, Event).join(Webhook)
                         .switch(Delivery).join(Event).where(Delivery.id == delivery_id).get())
    return taken


def backoff(attempts: int) -> datetime.timedelta:
    """Exponential, with jitter so that many failures do not all retry at once."""
    seconds = min(FIRST_RETRY_SECONDS * 2 ** (attempts - 1), LONGEST_WAIT_SECONDS)
    return datetime.timedelta(seconds=seconds * random.uniform(0.8, 1.2))


def record_attempt(delivery: Delivery, *, status_code: int | None, error: str | None,
                   duration_ms: int) -> Delivery:
    """Log an attempt and settle what happens next: delivered, retried later, or given up
    after 24 hours."""
    now = utcnow()
    ok = status_code is not None and 200 <= status_code < 300
    with database.atomic():
        Attempt.create(delivery=delivery, at=now, status_code=status_code, error=error,
                       duration_ms=duration_ms)
        delivery.attempts += 1
        delivery.locked_until = None
        if ok:
            delivery.state, delivery.delivered_at = "delivered", now
        elif now - delivery.created_at >= GIVE_UP_AFTER:
            delivery.state = "failed"
        else:
            delivery.next_attempt_at = now + backoff(delivery.attempts)
        delivery.save()
    return delivery
