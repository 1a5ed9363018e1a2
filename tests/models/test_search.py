"""Full-text search behaves the same on SQLite FTS5 and PostgreSQL tsvector."""

import pytest

from models import search
from models.claim import create_claim
from models.db import database
from models.errors import Invalid
from models.queries import claims_query


@pytest.fixture
def claims(app):
    with database.connection_context():
        texts = ["The harbour bridge will close for repairs in March.",
                 "Ticket prices rose sharply after the bridge closed.",
                 "The mayor denied that the harbour would be dredged."]
        return [create_claim(text=text, actor="test").id for text in texts]


def _ids(q):
    with database.connection_context():
        return [c.id for c in claims_query(q=q, sort="id")]


@pytest.mark.parametrize("q, expected", [
    ("bridge", [0, 1]),
    ("harbour bridge", [0]),
    ('"harbour bridge"', [0]),
    ("closing", [0, 1]),  # stemmed: close, closed, closing
    ("HARBOUR", [0, 2]),
    ("submarine", []),
])
def test_search_matches_every_word_with_stemming_and_phrases(claims, q, expected):
    assert _ids(q) == [claims[i] for i in expected]


@pytest.mark.parametrize("q", ['NEAR(bridge', 'bridge" OR "1"="1', "bridge*", "AND OR NOT bridge",
                               "'; DROP TABLE claim; --bridge"])
def test_query_syntax_in_user_input_is_treated_as_words(claims, q):
    assert set(_ids(q)) <= set(claims)


def test_a_query_without_words_is_refused(claims):
    with pytest.raises(Invalid):
        search.parse_query('"" ()*')


def test_ranked_search_can_match_any_term(claims):
    with database.connection_context():
        assert set(search.ranked_ids("dredged submarine", 10, any_term=True)) == {claims[2]}
        assert search.ranked_ids("dredged submarine", 10) == []
