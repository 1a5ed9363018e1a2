"""The delivery worker: takes due webhook deliveries, POSTs each one signed, and records the
attempt, serving subscribers side by side. Run by `claimtracker worker`, beside the web
server."""

import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

import requests

from models.db import database
from models.webhook import claim_due, payload, record_attempt, signed_headers

RECEIVERS = 8  # subscribers served at once
PER_TURN = 5  # deliveries a subscriber is given at a time


def deliver(delivery, session: requests.Session, timeout: float) -> None:
    """One attempt: a JSON POST signed as Standard Webhooks sign (the event's id is the
    message id, the same on every retry); any answer but 2xx is a failure."""
    body = payload(delivery.event)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "claimtracker-webhooks",
        "X-Claims-Event": delivery.event.type,
        "X-Claims-Delivery": str(delivery.id),
        **signed_headers(delivery.webhook.secret, f"evt_{delivery.event_id}",
                         int(time.time()), body),
    }
    started = time.monotonic()
    status_code = error = None
    try:
        response = session.post(delivery.webhook.url, data=body, headers=headers,
                                timeout=timeout, allow_redirects=False)
        status_code = response.status_code
        response.close()
    except requests.RequestException as failure:
        error = f"{type(failure).__name__}: {failure}"[:1000]
    record_attempt(delivery, status_code=status_code, error=error,
                   duration_ms=int((time.monotonic() - started) * 1000))


def _deliver_in_turn(deliveries, timeout: float) -> int:
    """One subscriber's deliveries, one after another, on this thread's own connection."""
    with database.connection_context(), requests.Session() as session:
        for delivery in deliveries:
            deliver(delivery, session, timeout)
    return len(deliveries)


def run(*, poll_seconds: float, lock_seconds: int, timeout: float, batch: int = 50,
        once: bool = False) -> int:
    """Deliver until stopped (or, with once, until nothing is due); return attempts made.

    Subscribers are served side by side, RECEIVERS at a time, each by one thread and a few
    deliveries at a time: a receiver that hangs or fails holds up only its own deliveries.
    A turn is short enough (per-subscriber deliveries times the timeout) to end before the
    deliveries' lock runs out, so no other worker takes them meanwhile."""
    per_turn = max(1, min(PER_TURN, int(lock_seconds // (timeout + 1))))
    attempts = 0
    serving: dict[Future, int] = {}  # a subscriber's turn, and whose
    with ThreadPoolExecutor(RECEIVERS, thread_name_prefix="deliver") as pool:
        while True:
            due = []
            if len(serving) < RECEIVERS:
                with database.connection_context():
                    # No more subscribers than free threads: a turn waiting in the pool
                    # could outlast its lock, and another worker would send it again.
                    due = claim_due(batch, lock_seconds, per_webhook=per_turn,
                                    skip=set(serving.values()),
                                    webhooks=RECEIVERS - len(serving))
                turns: dict[int, list] = {}
                for delivery in due:
                    turns.setdefault(delivery.webhook_id, []).append(delivery)
                for webhook_id, deliveries in turns.items():
                    serving[pool.submit(_deliver_in_turn, deliveries, timeout)] = webhook_id
            if not serving:
                if once and not due:
                    return attempts
                time.sleep(poll_seconds)
                continue
            finished, _ = wait(list(serving), timeout=0 if due else poll_seconds,
                               return_when=FIRST_COMPLETED)
            for turn in finished:
                attempts += turn.result()
                del serving[turn]
