"""The delivery worker: takes due webhook deliveries, POSTs each one signed, and records the
attempt. Run by `claimtracker worker`, beside the web server."""

import logging
import time

import requests

from models.db import database
from models.webhook import claim_due, payload, record_attempt, signed_headers

log = logging.getLogger(__name__)


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


def run(*, poll_seconds: float, lock_seconds: int, timeout: float, batch: int = 20,
        once: bool = False) -> int:
    """Deliver until stopped (or, with once, until nothing is due); return attempts made."""
    attempts = 0
    with requests.Session() as session:
        while True:
            with database.connection_context():
                due = claim_due(batch, lock_seconds)
                for delivery in due:
                    deliver(delivery, session, timeout)
                    attempts += 1
            if once and not due:
                return attempts
            if not due:
                time.sleep(poll_seconds)
