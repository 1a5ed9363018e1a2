"""Concurrent writers: one winner per version, no "database is locked", nothing half-done."""

import threading

import pytest

from models import Claim, Source, StatusChange
from models.claim import create_claim, edit_claim
from models.db import database
from models.errors import VersionMismatch
from models.ingest import ingest_article
from models.review import add_review

WRITERS = 8


def _race(work) -> list:
    """Run work(i) in WRITERS threads at once, each on its own connection; return outcomes."""
    barrier = threading.Barrier(WRITERS)
    outcomes = [None] * WRITERS

    def run(i):
        with database.connection_context():
            barrier.wait()
            try:
                outcomes[i] = work(i)
            except Exception as error:  # noqa: BLE001 - the outcome is what we check
                outcomes[i] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.fixture
def claim_id(app):
    with database.connection_context():
        return create_claim(text="The bridge will reopen in May.", actor="test").id


def test_concurrent_edits_of_one_version_have_exactly_one_winner(claim_id):
    outcomes = _race(lambda i: edit_claim(claim_id, {"review_state": "in_review",
                                                     "text": f"Edit number {i}."},
                                          actor=f"editor{i}", reason=None,
                                          expected_version=1))
    winners = [o for o in outcomes if isinstance(o, Claim)]
    losers = [o for o in outcomes if isinstance(o, VersionMismatch)]
    assert len(winners) == 1 and len(losers) == WRITERS - 1, outcomes
    with database.connection_context():
        assert Claim.get_by_id(claim_id).version == 2
        assert StatusChange.select().where(StatusChange.field == "text").count() == 1


def test_reviews_racing_edits_never_fail_for_want_of_a_version(claim_id):
    def work(i):
        if i % 2:
            return add_review(claim_id, {"rating": "refuted"}, actor=f"checker{i}")
        return edit_claim(claim_id, {"text": f"Edit {i}."}, actor=f"editor{i}", reason=None,
                          expected_version=None)

    outcomes = _race(work)
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    with database.connection_context():
        assert Claim.get_by_id(claim_id).version == 1 + WRITERS - WRITERS // 2 + 1


def test_the_same_article_ingested_at_once_is_stored_once(app):
    text = "The port authority said that container traffic fell by a third."
    outcomes = _race(lambda i: ingest_article(text=text, actor=f"desk{i}"))
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert sum(o.created for o in outcomes) == 1
    assert len({o.source.id for o in outcomes}) == 1
    with database.connection_context():
        assert Source.select().count() == 1
