"""Concurrent writers: one winner per version, no "database is locked", nothing half-done."""

import datetime
import threading

import pytest

from analysis.speakers import SpeakerRef
from models import Claim, Source, Speaker, StatusChange
from models.claim import create_claim, edit_claim
from models.db import database
from models.errors import VersionMismatch
from models.ingest import ingest_article
from models.review import add_review
from models.speaker import resolve_speaker

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


def test_a_new_person_named_by_writers_at_once_becomes_one_speaker(app):
    """Each writer looks the person up, finds no one, and holds its transaction open a moment
    before committing: the first to look makes the others wait, and they find its speaker."""
    hold = threading.Barrier(WRITERS, timeout=1)

    def name_her(i):
        with database.atomic():
            speaker = resolve_speaker(SpeakerRef(name="Marta Kowalczyk", kind="person"))
            try:
                hold.wait()  # every writer with her in hand, unless the others must wait
            except threading.BrokenBarrierError:
                pass
            return speaker.id

    outcomes = _race(name_her)
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert len(set(outcomes)) == 1
    with database.connection_context():
        assert Speaker.select().where(Speaker.surname_key == "kowalczyk").count() == 1


def test_ingests_that_backdate_each_others_claims_do_not_deadlock_for_the_caller(app):
    """Each article repeats the other's claims in the other order, published earlier: each
    ingest locks and backdates claims the other holds. PostgreSQL breaks the deadlock by
    rolling one back, and the ingest runs it again."""
    first = ("Officials said that the dam will be finished in June. "
             "Engineers said that the river has risen by a metre.")
    second = ("Engineers said that the river has risen by a metre. "
              "Officials said that the dam will be finished in June.")
    with database.connection_context():
        ingest_article(text=first + " Nothing else was said.", actor="desk")
        ingest_article(text=second + " Nothing more was said.", actor="desk")
    outcomes = _race(lambda i: ingest_article(
        text=(first if i % 2 else second) + f" Report {i}.", actor=f"desk{i}",
        published=datetime.date(2001, 1, 1 + i)))
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    with database.connection_context():
        dates = {c.first_seen for c in Claim.select() if "dam" in c.text or "river" in c.text}
        assert dates == {datetime.date(2001, 1, 1)}
