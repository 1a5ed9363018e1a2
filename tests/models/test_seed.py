"""Seeding: three sources, claims found in the text, every quote an exact span, idempotent."""

from models import Appearance, Claim, Source
from models.db import database
from seed import load_seed


def test_seeding_stores_three_sources_and_claims_with_exact_quote_spans(seeded):
    with database.connection_context():
        assert Source.select().count() == 3
        assert Claim.select().count() >= 20
        texts = {s.id: s.text for s in Source.select()}
        appearances = list(Appearance.select())
        assert appearances
        for appearance in appearances:
            text = texts[appearance.source_id]
            assert text[appearance.start:appearance.end] == appearance.quote


def test_seeding_again_creates_nothing(seeded):
    with database.connection_context():
        counts = (Source.select().count(), Claim.select().count(), Appearance.select().count())
        assert load_seed() == 0
        assert (Source.select().count(), Claim.select().count(),
                Appearance.select().count()) == counts
