"""Bulk loading: the rows ingest would write, with claims matched as ingest matches them, the
search index and the contradicted flags kept, and ids that later writes carry on from."""

from dataclasses import dataclass, field
from datetime import date

import pytest

from models import Appearance, Claim, ClaimLink, Source, Speaker, StatusChange
from models.bulk import BulkLoader
from models.claim import create_claim
from models.db import database
from models.paging import bounded_count
from models.queries import claims_query


@dataclass
class Who:
    name: str
    kind: str = "person"
    role: str | None = None


@dataclass
class Said:
    text: str
    speaker: Who | None
    quote: str
    start: int = 0
    end: int = 0
    speaker_mention: str | None = None
    kind: str = "indirect"


@dataclass
class Article:
    text: str
    url: str
    published: date
    claims: list = field(default_factory=list)
    title: str = "Harbour news"
    outlet: str = "Port Gazette"


def _article(url: str, text: str, *said: tuple[Who | None, str]) -> Article:
    claims = []
    for who, quote in said:
        start = text.index(quote)
        claims.append(Said(quote.rstrip(".") + ".", who, quote, start, start + len(quote),
                           who.name if who else None, "indirect" if who else "narration"))
    return Article(text, url, date(2024, 3, 1), claims)


@pytest.fixture
def db(app):
    with database.connection_context():
        yield


MAYOR = Who("Nora Lind", role="mayor")


def test_a_bulk_load_stores_what_ingest_would_and_matches_repeated_claims(db):
    first = _article("https://gazette.example/1",
                     "Nora Lind said the ferry will run all winter. The pier is closed.",
                     (MAYOR, "the ferry will run all winter"), (None, "The pier is closed."))
    again = _article("https://gazette.example/2",
                     "Again Nora Lind said the ferry will run all winter.",
                     (MAYOR, "the ferry will run all winter"))
    loader = BulkLoader(actor="test")
    [ids_first, ids_again] = loader.add_articles([first, again])
    assert ids_again == ids_first[:1]  # same words, same speaker: one claim, two appearances
    assert loader.add_contradictions([(ids_first[0], ids_first[1], "negation")]) == 1
    assert loader.add_contradictions([(ids_first[1], ids_first[0], "negation")]) == 0
    assert (Source.select().count(), Claim.select().count(), Speaker.select().count(),
            Appearance.select().count(), StatusChange.select().count()) == (2, 2, 1, 3, 2)
    for appearance in Appearance.select(Appearance, Source).join(Source):
        assert appearance.source.text[appearance.start:appearance.end] == appearance.quote
    assert [c.id for c in claims_query(q="ferry winter")] == ids_first[:1]
    assert sorted(c.id for c in claims_query(has_contradictions=True)) == sorted(ids_first)
    assert ClaimLink.get().kind == "disagreement"
    later = create_claim(text="The ferry fares will rise", actor="desk")
    assert later.id > max(ids_first)  # PostgreSQL's sequences moved past the loaded ids
    assert bounded_count(claims_query()) == (3, True)


def test_a_second_loader_carries_on_from_the_stored_rows(db):
    BulkLoader().add_articles([_article("https://gazette.example/a", "Nora Lind said it.",
                                        (MAYOR, "Nora Lind said it"))])
    [[claim_id]] = BulkLoader().add_articles([_article(
        "https://gazette.example/b", "Nora Lind said the quay is safe.",
        (MAYOR, "the quay is safe"))])
    assert Speaker.select().count() == 1  # the known speaker, found by name
    assert claim_id == Claim.select().order_by(Claim.id.desc()).first().id
