"""Ingest: claims matched across articles, paraphrases linked, nothing stored twice."""

import datetime

import pytest

from models import Appearance, Claim, ClaimLink, Source
from models.db import database
from models.errors import Invalid
from models.ingest import ingest_article

FIRST = ("Health Minister Carla Mendes said that the new hospital will open in 2026. "
         "Officials expect the project to cost more than planned.")
SECOND = ("In a radio interview, Ms. Mendes said that the new hospital will open in 2026. "
          "The opposition called the plan reckless.")
PARAPHRASE = "Carla Mendes said the new hospital would open in 2026 as planned."


@pytest.fixture
def db(app):
    with database.connection_context():
        yield


def _claims_of(speaker_name):
    return [c for c in Claim.select() if any(
        a.speaker and a.speaker.name == speaker_name for a in c.appearances)]


def test_the_same_words_from_the_same_speaker_elsewhere_are_one_claim_appearing_twice(db):
    ingest_article(text=FIRST, outlet="Daily", published=datetime.date(2024, 1, 5))
    ingest_article(text=SECOND, outlet="Radio", published=datetime.date(2024, 1, 3))
    [claim] = [c for c in _claims_of("Carla Mendes") if "hospital" in c.text]
    sources = {a.source.outlet for a in claim.appearances}
    assert sources == {"Daily", "Radio"}
    assert claim.first_seen == datetime.date(2024, 1, 3)


def test_a_close_paraphrase_gets_a_suggested_same_claim_link_with_a_score(db):
    ingest_article(text=FIRST)
    result = ingest_article(text=PARAPHRASE)
    assert result.links
    link = result.links[0]
    assert (link.relation, link.state, link.origin) == ("same_claim", "suggested", "detected")
    assert 0.6 <= link.score <= 1


def test_claims_that_state_different_figures_are_not_the_same_claim(db):
    ingest_article(text="The project had cost 120 million dollars so far, Lena Ortiz said.")
    result = ingest_article(text="The harbour bridge has cost 310 million dollars so far, "
                                 "Tom Chen said.", published=datetime.date(2024, 2, 1))
    assert all(link.relation != "same_claim" for link in result.links)


def test_re_ingesting_the_same_text_or_url_creates_nothing(db):
    first = ingest_article(text=FIRST, url="https://example.org/a")
    counts = (Source.select().count(), Claim.select().count(), Appearance.select().count())
    again = ingest_article(text=FIRST + "\n")
    same_url = ingest_article(text="Another text entirely, said the editor.",
                              url="https://example.org/a")
    assert not again.created and not same_url.created
    assert again.source.id == same_url.source.id == first.source.id
    assert (Source.select().count(), Claim.select().count(),
            Appearance.select().count()) == counts


def test_an_article_without_text_is_refused_and_nothing_is_written(db):
    with pytest.raises(Invalid):
        ingest_article(text="  \n ")
    assert Source.select().count() == 0


@pytest.mark.parametrize("day", [datetime.date(1, 1, 1), datetime.date(9999, 12, 31)])
def test_an_article_dated_where_no_article_can_be_is_refused(db, day):
    """The CLI, backfills and the seed ingest through here too, not through the API's schema."""
    with pytest.raises(Invalid) as refused:
        ingest_article(text=FIRST, published=day)
    assert refused.value.field == "published" and Source.select().count() == 0


def test_a_failure_mid_ingest_leaves_no_half_written_article(db, monkeypatch):
    import models.ingest

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(models.ingest, "reindex", broken)
    with pytest.raises(RuntimeError):
        ingest_article(text=FIRST)
    assert (Source.select().count(), Claim.select().count(), Appearance.select().count(),
            ClaimLink.select().count()) == (0, 0, 0, 0)
