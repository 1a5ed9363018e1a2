"""ClaimReview assembly and import rules: the 75-character cut, ratings both ways, batched
export in a fixed number of queries."""

import pytest

from models.claim import create_claim
from models.claimreview import (
    Publishing,
    all_claim_reviews,
    claim_reviewed,
    claim_reviews,
    rating_from,
)
from models.db import database
from models.ingest import ingest_article
from models.review import add_review

PUBLISHING = Publishing("Factdesk", None, "https://claims.example")


@pytest.fixture
def db(app):
    with database.connection_context():
        yield


@pytest.mark.parametrize(("text", "expected"), [
    ("Fares will not rise", "Fares will not rise"),
    ("  Fares   will\nnot rise ", "Fares will not rise"),
    ("a" * 74, "a" * 74),
    ("a" * 75, "a" * 73 + "\u2026"),
    ("word " * 13 + "abcdefgh tail end", "word " * 13 + "abcdefgh\u2026"),
    ("word " * 14 + "wordiest end", "word " * 13 + "word\u2026"),
    ("The council, " + "x" * 70, "The council\u2026"),
])
def test_claim_reviewed_is_under_75_characters_cut_at_a_word(text, expected):
    cut = claim_reviewed(text)
    assert cut == expected
    assert len(cut) < 75


@pytest.mark.parametrize(("rating", "expected"), [
    ({"ratingValue": 1, "bestRating": 5, "worstRating": 1}, "refuted"),
    ({"ratingValue": 2, "bestRating": 5, "worstRating": 1}, "mostly_refuted"),
    ({"ratingValue": 3, "bestRating": 5, "worstRating": 1}, "mixed"),
    ({"ratingValue": 4, "bestRating": 5, "worstRating": 1}, "mostly_supported"),
    ({"ratingValue": 5, "bestRating": 5, "worstRating": 1}, "supported"),
    ({"ratingValue": 4}, "mostly_supported"),  # schema.org's default scale is 1..5
    ({"ratingValue": 20, "bestRating": 100, "worstRating": 0}, "refuted"),
    ({"ratingValue": 21, "bestRating": 100, "worstRating": 0}, "mostly_refuted"),
    ({"ratingValue": 60, "bestRating": 100, "worstRating": 0}, "mixed"),
    ({"ratingValue": 81, "bestRating": 100, "worstRating": 0}, "supported"),
    ({"ratingValue": 0, "bestRating": 1, "worstRating": 0, "alternateName": "True"},
     "refuted"),  # the number wins over the words
    ({"alternateName": "False"}, "refuted"),
    ({"alternateName": "Fake"}, "refuted"),
    ({"alternateName": "Pants on Fire!"}, "refuted"),
    ({"alternateName": "Not true"}, "refuted"),
    ({"alternateName": "Mostly False"}, "mostly_refuted"),
    ({"alternateName": "Misleading"}, "mostly_refuted"),
    ({"alternateName": "Half-true"}, "mixed"),
    ({"alternateName": "Mixed"}, "mixed"),
    ({"alternateName": "Partly false"}, "mixed"),
    ({"alternateName": "Mostly true"}, "mostly_supported"),
    ({"alternateName": "TRUE"}, "supported"),
    ({"alternateName": "Correct"}, "supported"),
    ({"alternateName": "Accurate"}, "supported"),
    ({"alternateName": "Inaccurate"}, "refuted"),
    ({"alternateName": "Unverifiable"}, "unproven"),
    ({"alternateName": "Trueish claims"}, "unproven"),  # words, not parts of words
])
def test_a_foreign_rating_maps_to_ours(rating, expected):
    assert rating_from(rating) == expected


@pytest.mark.parametrize("rating", [
    {"ratingValue": 6, "bestRating": 5, "worstRating": 1},
    {"ratingValue": 3, "bestRating": 3, "worstRating": 3},
])
def test_a_rating_off_its_own_scale_is_refused(rating):
    with pytest.raises(ValueError):
        rating_from(rating)


def test_the_export_walks_every_reviewed_claim_in_batches_by_id(db):
    reviewed = []
    for n in range(7):
        claim = create_claim(text=f"Harbour dredging phase {n} is complete", actor="desk")
        if n % 3:
            add_review(claim.id, {"rating": "mixed"}, actor="desk")
            reviewed.append(claim.id)
    records = list(all_claim_reviews(PUBLISHING, batch=2))
    assert [r["claimReviewed"] for r in records] == [
        f"Harbour dredging phase {n} is complete" for n in range(7) if n % 3]


def test_claim_reviews_take_a_fixed_number_of_queries_however_many_claims(db, counted):
    article = ("Mayor Ines Dahl said that the harbour will be dredged by June. "
               "Councillor Rob Kettle said the budget for the harbour is already spent.")
    ingest_article(text=article, outlet="Port Alder Post", published=None)
    claims = [create_claim(text=f"Dredging claim number {n}", actor="desk") for n in range(6)]
    for claim in claims:
        add_review(claim.id, {"rating": "refuted"}, actor="desk")
    counted.clear()
    claim_reviews(claims[:1], PUBLISHING)
    one = len(counted)
    counted.clear()
    assert len(claim_reviews(claims, PUBLISHING)) == 6
    assert len(counted) == one == 2
