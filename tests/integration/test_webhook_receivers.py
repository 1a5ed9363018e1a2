"""Receivers that hang, refuse or answer 500 beside one that works: the worker serves them side
by side, so the good one gets every event at once; the others' deliveries wait for their
backoff, nothing is dropped, and the delivery log says what happened to each."""

import threading
import time

from models import Attempt, Delivery
from models.claim import create_claim
from models.db import database, utcnow
from models.webhook import create_webhook
from models.worker import run
from tests.integration.receiver import Receiver
from tests.servers import free_port

EVENTS = 6
TIMEOUT = 1.0


def test_bad_receivers_delay_no_one_else_and_lose_nothing(app):
    with database.connection_context(), Receiver() as good, \
            Receiver(statuses=[500] * 50) as failing, Receiver(hold_first=True) as hanging:
        refusing = f"http://127.0.0.1:{free_port()}/hook"  # nothing listens there
        hooks = {name: create_webhook(url, ["claim.created"], actor="test").id for name, url in
                 (("good", good.url), ("failing", failing.url), ("hanging", hanging.url),
                  ("refusing", refusing))}
        for i in range(EVENTS):
            create_claim(text=f"The tram line {i} will open in spring.", actor="test")

        started = time.monotonic()
        worker = threading.Thread(target=run, kwargs={
            "poll_seconds": 0.1, "lock_seconds": 30, "timeout": TIMEOUT, "once": True})
        worker.start()
        while len(good.requests) < EVENTS and time.monotonic() - started < 30:
            time.sleep(0.02)
        good_took = time.monotonic() - started
        worker.join(timeout=120)
        assert not worker.is_alive()
        # The hanging receiver costs TIMEOUT a delivery: EVENTS seconds in all, in its turns.
        assert len(good.requests) == EVENTS and good_took < EVENTS * TIMEOUT / 2, good_took

        state = {name: list(Delivery.select().where(Delivery.webhook == hook))
                 for name, hook in hooks.items()}
        assert {d.state for d in state["good"]} == {"delivered"}
        now = utcnow()
        for name in ("failing", "hanging", "refusing"):
            deliveries = state[name]
            assert len(deliveries) == EVENTS
            assert all(d.state == "pending" and d.attempts == 1 and d.next_attempt_at > now
                       for d in deliveries), name  # backed off, kept for the next try
        logged = {name: [a for d in state[name] for a in
                         Attempt.select().where(Attempt.delivery == d.id)] for name in state}
        assert {a.status_code for a in logged["failing"]} == {500}
        assert all("Timeout" in a.error and a.duration_ms >= TIMEOUT * 900
                   for a in logged["hanging"])
        assert all("ConnectionError" in a.error for a in logged["refusing"])
