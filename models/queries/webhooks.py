"""Webhooks read: the subscriptions, and each one's delivery log with every attempt."""

from models.event import Event
from models.webhook import Attempt, Delivery, Webhook


def webhooks_query():
    return Webhook.select().order_by(Webhook.id)


def deliveries_query(webhook_id: int):
    # With the event's id: a joined event read without it would blank the delivery's event_id.
    return (Delivery.select(Delivery, Event.id, Event.type).join(Event)
            .where(Delivery.webhook == webhook_id).order_by(Delivery.id.desc()))


def delivery_records(deliveries) -> list[dict]:
    """Deliveries with their event type and every attempt, in two queries."""
    deliveries = list(deliveries)
    attempts: dict[int, list[dict]] = {}
    query = (Attempt.select().where(Attempt.delivery.in_([d.id for d in deliveries]))
             .order_by(Attempt.id))
    for attempt in query:
        attempts.setdefault(attempt.delivery_id, []).append(
            {"at": attempt.at, "status_code": attempt.status_code, "error": attempt.error,
             "duration_ms": attempt.duration_ms})
    return [{"id": d.id, "event_id": d.event_id, "event_type": d.event.type, "state": d.state,
             "attempts": attempts.get(d.id, []),
             "next_attempt_at": d.next_attempt_at if d.state == "pending" else None,
             "delivered_at": d.delivered_at, "created_at": d.created_at} for d in deliveries]

