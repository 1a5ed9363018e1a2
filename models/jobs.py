"""The job queue backfills run through: Dramatiq on RabbitMQ (BROKER_URL).

RabbitMQ hands a message to one worker and takes it back if that worker's connection drops
before it acknowledges; Dramatiq acknowledges only once the batch is processed. So a worker
killed mid-batch loses nothing: its batch goes to another worker, which skips the articles
already stored (models.backfill). A batch that raises (the database gone) is retried with
Dramatiq's backoff."""

import logging
import signal
import threading

import dramatiq
from dramatiq.brokers.rabbitmq import RabbitmqBroker
from dramatiq.middleware import Retries, TimeLimit

from models.backfill import process, queued_items, retry_failed
from models.db import database
from models.errors import Unavailable

BATCH = 8  # articles a message carries: parsed together, each stored in its own transaction
ACTOR = "ingest_backfill_batch"
log = logging.getLogger(__name__)


def _broker(url: str, queue: str, fetch_options: dict | None = None) -> RabbitmqBroker:
    """The broker with the backfill actor on `queue`; a worker's (given fetch_options) times
    out and retries batches, a sender's only sends."""
    middleware = [TimeLimit(time_limit=10 * 60_000),
                  Retries(max_retries=20, min_backoff=1_000, max_backoff=5 * 60_000)]
    broker = RabbitmqBroker(url=url, middleware=middleware if fetch_options is not None else [],
                            confirm_delivery=True)
    # A broker that stops answering (or blocks publishers under a memory or disk alarm) is
    # given up on in seconds, not left to hang a request.
    for parameters in broker.parameters if isinstance(broker.parameters, list) else [
            broker.parameters]:
        parameters.socket_timeout = parameters.blocked_connection_timeout = 5

    def ingest_batch(item_ids: list[int]) -> None:
        with database.connection_context():
            process(item_ids, fetch_options=fetch_options or {})

    dramatiq.actor(ingest_batch, actor_name=ACTOR, queue_name=queue, broker=broker)
    return broker


def configured(url: str | None) -> str:
    """The broker's URL, or Unavailable saying how to set one."""
    if not url:
        raise Unavailable("Backfills need a job queue: set BROKER_URL (RabbitMQ, e.g. "
                          "amqp://guest:guest@127.0.0.1:5672/) and run `claimtracker worker "
                          "--backfill`.")
    return url


def enqueue(url: str | None, queue: str, item_ids: list[int]) -> None:
    """Send items to the workers, BATCH to a message; Unavailable if the broker is not there."""
    configured(url)
    broker = _broker(url, queue)
    try:
        for start in range(0, len(item_ids), BATCH):
            broker.enqueue(dramatiq.Message(queue_name=queue, actor_name=ACTOR,
                                            args=(item_ids[start:start + BATCH],), kwargs={},
                                            options={}))
    except dramatiq.errors.BrokerConnectionError as error:
        raise Unavailable(f"The job queue ({_safe(url)}) cannot be reached: {error}. Retry "
                          "once it is back.") from error
    finally:
        broker.close()


def retry(url: str | None, queue: str, backfill_id: int) -> None:
    """Queue a backfill's failed articles again, and send all its queued ones to the workers
    (the queue may have lost them: an article stored already is skipped, never stored twice)."""
    configured(url)
    retry_failed(backfill_id)
    enqueue(url, queue, queued_items(backfill_id))


def _safe(url: str) -> str:
    """The broker's URL without its password."""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.rpartition('@')[2]}"


def work(url: str, queue: str, fetch_options: dict,
         stop: threading.Event | None = None) -> None:
    """Take batches from the queue, one at a time, until SIGTERM or SIGINT (or `stop` is
    set); run a worker a core for more."""
    broker = _broker(url, queue, fetch_options)
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
    worker = dramatiq.Worker(broker, queues={queue}, worker_threads=1, worker_timeout=200)
    worker.queue_prefetch = 1  # a batch at a time: none waits on a busy worker at the end
    worker.start()
    log.info("backfill worker started", extra={"fields": {"queue": queue,
                                                          "broker": _safe(url)}})
    try:
        stop.wait()
    finally:
        worker.stop(timeout=60_000)
        broker.close()
