"""The local RabbitMQ the backfill tests send to: each test run takes queues of its own and
deletes them afterwards."""

import os
import uuid

import pika
import pytest

BROKER = os.environ.get("TEST_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672/%2F")


def new_queue() -> str:
    """A fresh queue name, once the broker is known to answer (a skip, or in CI a failure,
    when it does not)."""
    try:
        pika.BlockingConnection(pika.URLParameters(BROKER)).close()
    except pika.exceptions.AMQPError as error:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but RabbitMQ at {BROKER} cannot be reached: {error}")
        pytest.skip(f"RabbitMQ at {BROKER} cannot be reached: {error}")
    return f"claimtracker.test.{uuid.uuid4().hex[:8]}"


def delete_queue(name: str) -> None:
    """The queue and Dramatiq's delay and dead-letter queues beside it, if they were made."""
    connection = pika.BlockingConnection(pika.URLParameters(BROKER))
    try:
        for queue in (name, f"{name}.DQ", f"{name}.XQ"):
            channel = connection.channel()
            try:
                channel.queue_delete(queue)
                channel.close()
            except pika.exceptions.ChannelClosedByBroker:
                pass  # never declared
    finally:
        connection.close()
