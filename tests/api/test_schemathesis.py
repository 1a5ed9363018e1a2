"""Property-based tests of every operation against the app's own OpenAPI spec (schemathesis):
no 5xx, and every answer conforms to what the spec says of its status, content type and body."""

import datetime
from pathlib import Path

import pytest
import schemathesis
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from models import ingest
from models.backfill import Backfill, create_backfill, process
from models.claim import Claim
from models.db import database
from models.dump import dump, restore
from models.fetch import FetchedArticle
from models.link import ClaimLink, flag_contradiction
from models.review import add_review
from models.source import Source
from models.speaker import Speaker
from models.webhook import Webhook, create_webhook
from seed import load_seed
from tests.api.contract import ARTICLE
from tests.broker import BROKER

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]
MAX_EXAMPLES = 40  # per operation, mode and database: both databases in about two minutes
HTTP_METHODS = {"get", "put", "post", "patch", "delete", "head", "options"}

# Collected from the committed spec (test_openapi.py fails when it drifts from the code);
# test_every_served_operation_is_fuzzed fails when the app serves one missing here.
_SPEC = yaml.safe_load((Path(__file__).parents[2] / "openapi.yaml").read_text(encoding="utf-8"))
OPERATIONS = sorted((method.upper(), path) for path, item in _SPEC["paths"].items()
                    for method in item if method in HTTP_METHODS)
# Negative cases need something to break: a parameter or a body.
TAKES_INPUT = {(method.upper(), path) for path, item in _SPEC["paths"].items()
               for method, operation in item.items() if method in HTTP_METHODS
               and (item.get("parameters") or operation.get("parameters")
                    or operation.get("requestBody"))}
CASES = [pytest.param(method, path, mode, id=f"{method} {path} {mode.value}")
         for method, path in OPERATIONS for mode in GenerationMode
         if mode is GenerationMode.POSITIVE or (method, path) in TAKES_INPUT]


def _canned_article(url: str, **options) -> FetchedArticle:
    # POST /sources with a url fetches the page: the test must not reach out to the internet.
    return FetchedArticle(text=f"{ARTICLE}\n\nFirst published at {url}.",
                          title="Harbour bridge", outlet="Test Gazette",
                          published=datetime.date(2024, 3, 1), language="en")


_SEED_DUMPS: dict[str, dict] = {}


def _load_corpus() -> None:
    """The seed articles, a verdict, a contradiction flagged by hand, a same-claim pair and a
    webhook: a row behind every kind of id in a path."""
    load_seed()
    first, second, third = (c.id for c in Claim.select(Claim.id).order_by(Claim.id).limit(3))
    add_review(first, {"rating": "refuted", "url": "https://factcheck.example/1"},
               actor="test")
    if not ClaimLink.select().where(ClaimLink.relation == "contradicts").exists():
        flag_contradiction(first, second, explanation="By hand.", actor="test")
    if not ClaimLink.select().where(ClaimLink.relation == "same_claim").exists():
        ClaimLink.create(claim_a=second, claim_b=third, relation="same_claim", score=0.7)
    create_webhook("https://hooks.example/claims", ["claim.created"], actor="test")
    _, items = create_backfill("test", [{"url": "http://127.0.0.1:9/gone"}])
    process(items, fetch_options={"timeout": 1, "max_bytes": 1000, "allow_private": False})


@pytest.fixture
def known_ids(app, database_url):
    """The corpus, built once per database and restored from a dump after that (building it
    takes seconds, restoring it a tenth of one); the ids it holds, by path parameter."""
    with database.connection_context():
        if database_url in _SEED_DUMPS:
            restore(_SEED_DUMPS[database_url])
        else:
            _load_corpus()
            _SEED_DUMPS[database_url] = dump()
        links = ClaimLink.select(ClaimLink.id).limit(20)
        return {"claim_id": [c.id for c in Claim.select(Claim.id).order_by(Claim.id).limit(20)],
                "link_id": [link.id for link in links.where(ClaimLink.relation == "contradicts")],
                "pair_id": [link.id for link in links.where(ClaimLink.relation == "same_claim")],
                "source_id": [s.id for s in Source.select(Source.id)],
                "speaker_id": [s.id for s in Speaker.select(Speaker.id).limit(20)],
                "webhook_id": [w.id for w in Webhook.select(Webhook.id)],
                "backfill_id": [b.id for b in Backfill.select(Backfill.id)]}


def _cases(operation, mode: GenerationMode, known_ids: dict):
    """Schemathesis' cases; in positive mode half of them on rows that exist, since generated
    ids are nearly all misses."""
    generated = operation.as_strategy(mode)
    names = [parameter.name for parameter in operation.path_parameters]
    if mode is GenerationMode.NEGATIVE or not names:
        return generated
    existing = st.fixed_dictionaries({name: st.sampled_from(known_ids[name]) for name in names})
    return st.one_of(generated, existing.flatmap(
        lambda ids: operation.as_strategy(mode, path_parameters=ids)))


@pytest.fixture
def api_schema(app, known_ids, monkeypatch, backfill_queue):
    """The spec the app serves, over the seed corpus so that generated ids hit rows too; its
    backfills go to a queue of the tests' own."""
    monkeypatch.setattr(ingest, "fetch_article", _canned_article)
    app.config.update(BROKER_URL=BROKER, BACKFILL_QUEUE=backfill_queue)
    return schemathesis.openapi.from_wsgi("/openapi.json", app)


def test_every_served_operation_is_fuzzed(api_schema):
    served = sorted((operation.method.upper(), operation.path)
                    for operation in (r.ok() for r in api_schema.get_all_operations()))
    assert served == OPERATIONS


@pytest.mark.parametrize(("method", "path", "mode"), CASES)
def test_operation_conforms_to_the_spec(api_schema, known_ids, admin_headers, method, path,
                                        mode):
    # An admin key on every request: the webhook routes need it, and it passes every scope.
    # (Negative cases also drop it now and then, to see the 401.)
    operation = api_schema[path][method]

    @given(case=_cases(operation, mode, known_ids))
    @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                     HealthCheck.data_too_large])
    def conforms(case):
        case.call_and_validate(headers=admin_headers, checks=CHECKS)

    conforms()
