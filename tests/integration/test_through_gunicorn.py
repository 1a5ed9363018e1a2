"""The contract as users meet it: schemathesis and the worst of the bad-input corpus sent to
`claimtracker serve` (gunicorn) over HTTP, not to the app in-process. What gunicorn answers
itself (an HTML 400 for a request line it will not read) is what this catches."""

import os

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from tests.api.test_schemathesis import CHECKS, OPERATIONS
from tests.broker import BROKER
from tests.servers import cli, running_server

MAX_EXAMPLES = 6  # per operation and mode: the in-process run covers the breadth


@pytest.fixture(scope="module")
def served(database_url, tmp_path_factory, backfill_queue):
    """A seeded base behind gunicorn; its URL, an admin key and the spec it serves."""
    env = {**os.environ, "DATABASE_URL": database_url, "RATELIMIT_ENABLED": "false",
           "PUBLISHER_NAME": "Factdesk", "PUBLIC_BASE_URL": "https://claims.example",
           "FETCH_TIMEOUT_SECONDS": "1", "BROKER_URL": BROKER,
           "BACKFILL_QUEUE": backfill_queue}
    cli(env, "seed")  # on the session's migrated database
    key = cli(env, "keys", "create", "--name", "fuzz", "--scope", "admin")
    with running_server(env, tmp_path_factory.mktemp("gunicorn") / "server.log") as base:
        yield base, {"Authorization": f"Bearer {key}"}, schemathesis.openapi.from_url(
            f"{base}/openapi.json")


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_every_operation_conforms_through_gunicorn(served, method, path):
    base, headers, schema = served
    operation = schema[path][method]

    @given(case=operation.as_strategy(GenerationMode.POSITIVE) | operation.as_strategy(
        GenerationMode.NEGATIVE))
    @settings(max_examples=MAX_EXAMPLES * 2, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def conforms(case):
        case.call_and_validate(base_url=base, headers=headers, checks=CHECKS, timeout=30)

    conforms()


@pytest.mark.parametrize("query", [
    "page=" + "9" * 5_000,
    "q=" + "%C3%A9" * 600,  # a search too long for the API, percent-encoded
    "per_page=1&" + "&".join(f"status=x{i}" for i in range(400)),
    "q=" + "%F0%9F%98%80" * 500 + "&cursor=" + "A" * 1500 + "&speaker=9&source=9&"
    "status=refuted&review_state=reviewed&since=2001-01-01&until=2001-12-31&per_page=99",
])
def test_a_long_query_string_gets_the_apis_own_answer(served, query):
    base, headers, _ = served
    response = requests.get(f"{base}/api/v1/claims?{query}", headers=headers, timeout=30)
    assert 400 <= response.status_code < 500
    assert response.headers["Content-Type"] == "application/problem+json"

