"""The outbox: every event a subscriber may be told of, written in the transaction of the
change that caused it, so none is lost when a process dies."""

import peewee

from models.db import BaseModel, JSONTextField, utcnow

EVENT_TYPES = ("claim.created", "claim.status_changed", "contradiction.flagged",
               "contradiction.reviewed")


class Event(BaseModel):
    type = peewee.CharField(max_length=32, index=True)
    data = JSONTextField()
    created_at = peewee.DateTimeField(default=utcnow, index=True)


def record(event_type: str, **data) -> None:
    """Add an event to the outbox (inside the caller's transaction)."""
    Event.create(type=event_type, data=data)


def record_many(event_type: str, payloads: list[dict]) -> None:
    if payloads:
        Event.insert_many([{"type": event_type, "data": p, "created_at": utcnow()}
                           for p in payloads]).execute()
