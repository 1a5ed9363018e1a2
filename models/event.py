"""The outbox: every event a subscriber may be told of, and a delivery of it to each
subscriber, written in the transaction of the change that caused it, so none is lost when a
process dies."""

import peewee

from models.db import BaseModel, JSONTextField, utcnow

EVENT_TYPES = ("claim.created", "claim.status_changed", "contradiction.flagged",
               "contradiction.reviewed")


class Event(BaseModel):
    type = peewee.CharField(max_length=32, index=True)
    data = JSONTextField()
    created_at = peewee.DateTimeField(default=utcnow, index=True)


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


def record(event_type: str, **data) -> None:
    """Add an event to the outbox, with a delivery for each subscriber (inside the caller's
    transaction)."""
    fan_out([Event.create(type=event_type, data=data)])


def fan_out(events: list[Event]) -> None:
    """A pending delivery of each event to every active webhook that wants it (inside the
    events' transaction)."""
    if not events:
        return
    webhooks = list(Webhook.select(Webhook.id, Webhook.events).where(Webhook.active))
    rows = [{"webhook": w.id, "event": event.id, "next_attempt_at": event.created_at,
             "created_at": event.created_at}
            for event in events for w in webhooks if event.type in w.events]
    if rows:
        Delivery.insert_many(rows).execute()
