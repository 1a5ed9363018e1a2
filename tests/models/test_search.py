"""Full-text search behaves the same on SQLite FTS5 and PostgreSQL tsvector."""

import datetime
import re

import pytest

from models import Claim, search
from models.claim import create_claim
from models.db import database, is_postgres
from models.errors import Invalid
from models.paging import bounded_count
from models.queries import claims_query


def _made(*texts: str) -> list[int]:
    with database.connection_context():
        return [create_claim(text=text, actor="test").id for text in texts]


@pytest.fixture
def claims(app):
    return _made("The harbour bridge will close for repairs in March.",
                 "Ticket prices rose sharply after the bridge closed.",
                 "The mayor denied that the harbour would be dredged.")


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
                               "'; DROP TABLE claim; --bridge", "(harbour) bridge*"])
def test_query_syntax_in_user_input_is_treated_as_words(claims, q):
    words = " ".join(re.findall(r"\w+", q))
    assert _ids(q) == _ids(words)


def test_a_query_without_words_is_refused(claims):
    with pytest.raises(Invalid):
        search.parse_query('"" ()*')


def test_ranked_search_can_match_any_term(claims):
    with database.connection_context():
        assert set(search.ranked_ids("dredged submarine", 10, any_term=True)) == {claims[2]}
        assert search.ranked_ids("dredged submarine", 10) == []


def test_a_search_reaches_its_newest_matches_and_says_when_there_are_more(app, monkeypatch):
    monkeypatch.setattr(search, "SEARCH_WINDOW", 3)
    with database.connection_context():
        ids = [create_claim(text=f"Ferry timetable change number {n}", actor="test").id
               for n in range(5)]
        create_claim(text="An unrelated claim about parking", actor="test")
        query = claims_query(q="ferry", sort="id")
        assert [c.id for c in query] == ids[-3:]
        assert bounded_count(query) == (3, False)
        assert bounded_count(claims_query(q="parking")) == (1, True)
        assert search.ranked_ids("ferry timetable", 2) == sorted(ids[-3:], reverse=True)[:2]


def test_claim_counts_count_each_word_and_remember_the_counts_of_many_claims(app, monkeypatch):
    monkeypatch.setattr(search, "KEPT", 3)
    with database.connection_context():
        for text, times in (("Ferry route {} reopens", 7), ("Lighthouse {} reopens", 3),
                            ("Submarine {} surfaces", 1)):
            for n in range(times):
                create_claim(text=text.format(n), actor="test")
        words = ["ferry", "lighthouse", "submarine", "harbour"]
        found = {"ferry": 6, "lighthouse": 3, "submarine": 1, "harbour": 0}
        assert search.claim_counts(words, 5) == found
        counted = []
        real = search._count
        monkeypatch.setattr(search, "_count", lambda w, limit: counted.append(w) or real(w, limit))
        create_claim(text="A harbour for the submarine", actor="test")
        # Few claims: counted again, and the claim just stored is found at once.
        assert search.claim_counts(words, 5) == {**found, "submarine": 2, "harbour": 1}
        assert counted == [["submarine", "harbour"]]


def test_postgresql_takes_a_word_its_statistics_put_in_many_claims_as_common(app, monkeypatch):
    if not is_postgres():
        pytest.skip("PostgreSQL's statistics")
    monkeypatch.setattr(search, "SAMPLED_FROM", 10)
    with database.connection_context():
        for n in range(12):
            create_claim(text=f"Ferry route {n} reopens", actor="test")
        create_claim(text="A lighthouse reopens", actor="test")
        database.execute_sql("ANALYZE claim_search")
        # The statistics answer for "ferry" (in 12 claims, past twice the limit), uncounted,
        # with their estimate: its claims gone from the index since, it is still past it.
        database.execute_sql("DELETE FROM claim_search WHERE document @@ 'ferri'::tsquery")
        assert search.claim_counts(["ferry", "lighthouse", "harbour"], 5) == {
            "ferry": 12, "lighthouse": 1, "harbour": 0}
        monkeypatch.setattr(search, "SAMPLED_FROM", 14)  # a table too small to ask
        search.forget_counts()  # "ferry" was kept, as past the limit
        assert search.claim_counts(["ferry"], 5) == {"ferry": 0}


def test_a_search_with_filters_reaches_the_newest_matches_that_pass_them(app, monkeypatch):
    monkeypatch.setattr(search, "SEARCH_WINDOW", 3)
    with database.connection_context():
        old = [create_claim(text=f"Ferry pier {n} will reopen", actor="test").id
               for n in range(2)]
        Claim.update(first_seen=datetime.date(2010, 5, 1)).where(Claim.id.in_(old)).execute()
        for n in range(4):
            create_claim(text=f"Ferry timetable {n} changes", actor="test")
        query = claims_query(q="ferry", until=datetime.date(2015, 1, 1), sort="id")
        assert [c.id for c in query] == old
        assert bounded_count(query) == (2, True)


@pytest.fixture
def spelled(app):
    return _made("Russia says missile defence plans threaten the treaty.",
                 "The council organized a program of repairs at the theater.",
                 "Officials analysed the colour of the travelling exhibition.")


@pytest.mark.parametrize("q, expected", [
    ('"missile defense"', [0]),
    ("defences", [0]),
    ("organise programme theatre", [1]),
    ("organisation", [1]),
    ("analyzed color traveling", [2]),
    ("analyse", [2]),
])
def test_search_folds_british_and_american_spellings_both_ways(spelled, q, expected):
    assert _ids(q) == [spelled[i] for i in expected]


def test_a_search_of_common_words_among_the_newest_claims_finds_what_the_whole_base_would(
        app, monkeypatch):
    """PostgreSQL looks first among the newest claims' eras; SQLite has no eras. Either way the
    newest matches are ranked, whether the newest claims hold enough of them or not."""
    monkeypatch.setattr(search, "ERA", 4)
    monkeypatch.setattr(search, "RECENT", (8,))
    monkeypatch.setattr(search, "SEARCH_WINDOW", 3)
    with database.connection_context():
        old = [create_claim(text=f"Ferry fares rise on route {n}", actor="test").id
               for n in range(3)]
        for n in range(20):
            create_claim(text=f"A lighthouse keeper retires after {n} years", actor="test")
        # Few matches among the newest claims: the older ones are searched too.
        assert search.ranked_ids("ferry fares", 10) == sorted(old, reverse=True)
        new = [create_claim(text=f"Ferry fares rise again on route {n}", actor="test").id
               for n in range(4)]
        assert set(search.ranked_ids("ferry fares", 10)) == set(new[-3:])
        if is_postgres():  # which the newest claims answered alone
            found, matched = search._ranked(["ferry", "fares"], False, 10, search.SEARCH_WINDOW,
                                            search._eras(new[-1] - 8, new[-1]))
            assert matched == search.SEARCH_WINDOW and set(found) == set(new[-3:])
