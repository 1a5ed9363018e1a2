"""The outbox: every event a subscriber may be told of, and a delivery of it to each
subscriber, written in the transaction of the change that caused it, so none is lost when a
process dies."""

from models.db import insert_rows
from models.event import Event
from models.webhook import Delivery, Webhook


def record(event_type: str, **data) -> None:
    """Add an event to the outbox, with a delivery for each subscriber (inside the caller's
    transaction)."""
    record_all(event_type, [data])


def record_all(event_type: str, data: list[dict]) -> None:
    """record() of an event of this type for each dict of data, in a few statements."""
    fan_out(insert_rows(Event, [{"type": event_type, "data": one} for one in data],
                        returning=True))


def fan_out(events: list[Event]) -> None:
    """A pending delivery of each event to every active webhook that wants it (inside the
    events' transaction)."""
    if not events:
        return
    webhooks = list(Webhook.select(Webhook.id, Webhook.events).where(Webhook.active))
    rows = [{"webhook": w.id, "event": event.id, "next_attempt_at": event.created_at,
             "created_at": event.created_at}
            for event in events for w in webhooks if event.type in w.events]
    insert_rows(Delivery, rows)
