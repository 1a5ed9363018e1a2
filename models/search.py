"""Full-text search over claims: FTS5 on SQLite, tsvector + GIN on PostgreSQL, one interface.

A claim's document is its text plus every quote it appears in. User queries never reach the
engine's query syntax: they are parsed here into words and "quoted phrases". Documents and
queries alike are folded from British to American spelling (analysis/spelling.py), and each
engine's English stemmer folds word forms ("defences" finds "defense").
"""

import json
import re
import time

from peewee import SQL

from analysis.spelling import fold
from models.db import database, is_postgres
from models.errors import Invalid

MAX_TERMS = 32
# A search reaches the newest this many claims that match (and ranks them by relevance):
# sorting or ranking every match of a common word would cost 0.1 to 1 s at a million claims.
SEARCH_WINDOW = 2_000
# On PostgreSQL a claim's document also holds its era, a lexeme no word gives ("#" and its id
# divided by ERA), so that a search of common words can keep to the newest claims inside the
# GIN index: the index gives its matches in no order, and reading each matching row to keep
# the newest 2,000 read most of the table for two common words at a million claims.
ERA = 50_000
# The newest claims such a search looks among first, then next, when the base is larger.
RECENT = (100_000, 400_000)
# A word keeps its inner apostrophes ("O'Neil"); a lone word drops a possessive: "Russia's"
# searches for "Russia", as PostgreSQL's stemmer does, not for "Russia" and a stray "s".
_WORD_PATTERN = r"\w+(?:['\u2019]\w+)*"
_PHRASE_OR_WORD = re.compile(rf'"([^"]*)"|({_WORD_PATTERN})')
_WORD = re.compile(_WORD_PATTERN)
_POSSESSIVE = re.compile(r"['\u2019]s$", re.IGNORECASE)


def parse_query(q: str) -> list[str]:
    """Split a user query into terms: single words and multi-word phrases."""
    terms = []
    for phrase, word in _PHRASE_OR_WORD.findall(q):
        words = _WORD.findall(phrase) if phrase else [_POSSESSIVE.sub("", word)] if word else []
        if words:
            terms.append(fold(" ".join(words)))
    if not terms:
        raise Invalid("The search query has no words to search for.", field="q")
    return terms[:MAX_TERMS]


def index_documents(documents: dict[int, str]) -> None:
    """Insert or replace the search documents of these claims."""
    if not documents:
        return
    documents = {claim_id: fold(text) for claim_id, text in documents.items()}
    ids, texts = list(documents), list(documents.values())
    if is_postgres():
        # An upsert: two ingests adding appearances of one claim at once both index it.
        database.execute_sql(
            "INSERT INTO claim_search (claim_id, document) SELECT i, to_tsvector('english', t) "
            "|| array_to_tsvector(ARRAY['#' || i / %s]) "
            "FROM unnest(%s::bigint[], %s::text[]) AS d(i, t) "
            "ON CONFLICT (claim_id) DO UPDATE SET document = EXCLUDED.document",
            (ERA, ids, texts))
        return
    database.execute_sql("DELETE FROM claim_search WHERE rowid IN "
                         "(SELECT value FROM json_each(?))", (json.dumps(ids),))
    database.execute_sql("INSERT INTO claim_search (rowid, document) "
                         "SELECT CAST(key AS INTEGER), value FROM json_each(?)",
                         (json.dumps(documents),))


def _tsquery(terms: list[str], any_term: bool) -> str:
    """PostgreSQL: one tsquery of the terms, each a phrase, joined by OR or AND."""
    joiner = " || " if any_term else " && "
    return "(" + joiner.join(["phraseto_tsquery('english', %s)"] * len(terms)) + ")"


def _fts5_match(terms: list[str], any_term: bool) -> str:
    """SQLite: an FTS5 query of the terms, each a quoted phrase, joined by OR or AND."""
    return (" OR " if any_term else " ").join('"' + t.replace('"', '""') + '"' for t in terms)


def _newest(terms: list[str], limit: int) -> tuple[str, list]:
    """SQL of the ids of the newest `limit` claims matching every term, and its parameters."""
    if is_postgres():
        return (f"SELECT claim_id FROM claim_search WHERE document @@ {_tsquery(terms, False)} "
                "ORDER BY claim_id DESC LIMIT %s", [*terms, limit])
    return ("SELECT rowid FROM claim_search WHERE claim_search MATCH ? ORDER BY rowid DESC "
            "LIMIT ?", [_fts5_match(terms, False), limit])


def newest_matches(q: str, limit: int) -> list[int]:
    """The ids of the newest `limit` claims matching every term of q, newest first."""
    sql, params = _newest(parse_query(q), limit)
    return [row[0] for row in database.execute_sql(sql, params)]


def matches(q: str) -> SQL:
    """A subquery of the ids of every claim matching every term of q."""
    terms = parse_query(q)
    if is_postgres():
        return SQL(f"(SELECT claim_id FROM claim_search WHERE document @@ "
                   f"{_tsquery(terms, False)})", terms)
    return SQL("(SELECT rowid FROM claim_search WHERE claim_search MATCH ?)",
               [_fts5_match(terms, False)])


def ranked_ids(q: str, limit: int, *, any_term: bool = False, window: int | None = None
               ) -> list[int]:
    """The ids of the best `limit` matches for q, best first, of its newest `window`
    (SEARCH_WINDOW unless given)."""
    terms = parse_query(q)
    window = SEARCH_WINDOW if window is None else window
    if not is_postgres():
        sql = ("SELECT rowid FROM (SELECT rowid, rank FROM claim_search WHERE claim_search "
               "MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY rank, rowid DESC LIMIT ?")
        params = [_fts5_match(terms, any_term), window, limit]
        return [row[0] for row in database.execute_sql(sql, params)]
    if not any_term:
        # Whichever span holds `window` matches holds the newest of them all: the answer is
        # the same from any, and only its cost differs.
        (newest,) = database.execute_sql("SELECT max(claim_id) FROM claim_search").fetchone()
        density = None  # matches a claim among the newest span looked at
        for span in RECENT:
            if newest is None or newest <= 2 * span or (
                    density is not None and density * span < window):
                break  # as sparse as that, this span too would hold too few
            found, matched = _ranked(terms, False, limit, window, _eras(newest - span, newest))
            if matched >= window:
                return found
            density = matched / span
    return _ranked(terms, any_term, limit, window)[0]


def _eras(first: int, last: int) -> str:
    """PostgreSQL: a tsquery of the eras of the claims with ids from first to last."""
    return " | ".join(f"'#{era}'" for era in range(first // ERA, last // ERA + 1))


def _ranked(terms: list[str], any_term: bool, limit: int, window: int,
            within: str | None = None) -> tuple[list[int], int]:
    """PostgreSQL: ranked_ids of the newest `window` matches (within these eras, when given),
    and how many matched, up to `window`."""
    era = " && %s::tsquery" if within else ""
    # "claim_id + 0": the matches come from the GIN index and are then sorted; ordered by the
    # key itself, a small window tempts the planner to walk the whole table backwards.
    sql = (f"WITH q AS (SELECT {_tsquery(terms, any_term)} AS query) "
           "SELECT claim_id, count(*) OVER () FROM (SELECT claim_id, document FROM claim_search,"
           f" q WHERE document @@ (q.query{era}) ORDER BY claim_id + 0 DESC LIMIT %s) "
           "AS m, q ORDER BY ts_rank(m.document, q.query) DESC, claim_id DESC LIMIT %s")
    rows = database.execute_sql(sql, [*terms, *([within] if within else []), window,
                                      limit]).fetchall()
    return [claim_id for claim_id, _ in rows], rows[0][1] if rows else 0


def claim_counts(words: list[str], limit: int) -> dict[str, int]:
    """How many claims each word is in, counted up to limit + 1, in one query (on PostgreSQL, a
    word its statistics put far past the limit: their estimate, see _COUNT_POSTGRES). Counting
    is the costly part, and a word already in many claims is in about as many a while later: a
    count of KEPT or more (or past limit) is taken as it stands for COUNTED_FOR seconds (it can
    only have grown, and only a word near `limit` could have crossed it). A word in fewer
    claims is counted each time: a name a story has just brought in must be found at once."""
    now, base = time.monotonic(), id(database.obj)
    known = {}
    for word in words:
        count, when = _COUNTED.get((base, limit, word), (0, -COUNTED_FOR))
        if now - when < COUNTED_FOR:
            known[word] = count
    counted = _count(list(dict.fromkeys(w for w in words if w not in known)), limit)
    if len(_COUNTED) > 100_000:
        _COUNTED.clear()
    _COUNTED.update({(base, limit, w): (n, now) for w, n in counted.items()
                     if n >= KEPT or n > limit})
    return {**known, **counted}


def commonness(words: list[str]) -> dict[str, int]:
    """How many claims each of these words is in, past the bound claim_counts was given, as far
    as it takes to tell the rarer of two common words: SQLite's index counted up to
    COMMON_COUNTED_TO claims (a walk of each word's list in the index, kept as claim_counts
    keeps counts). On PostgreSQL nothing more: the estimates claim_counts gave stand."""
    return {} if is_postgres() else claim_counts(words, COMMON_COUNTED_TO)


COMMON_COUNTED_TO = 20_000  # claims a common word is counted up to on SQLite (commonness)
KEPT = 50  # claims a word is in from which its count is kept
COUNTED_FOR = 600.0  # seconds a kept count is taken as it stands
# (database, limit, word) -> (count, when counted)
_COUNTED: dict[tuple[int, int, str], tuple[int, float]] = {}


def forget_counts() -> None:
    """Count every word anew: after claims were deleted wholesale (emptied tables), when a
    kept count would stand for claims that are gone."""
    _COUNTED.clear()


def _count(words: list[str], limit: int) -> dict[str, int]:
    if not words:
        return {}
    if is_postgres():
        return _count_postgres(words, limit)
    one = ("SELECT count(*) FROM (SELECT 1 FROM claim_search WHERE claim_search MATCH ? "
           "LIMIT ?)")
    sql = " UNION ALL ".join([f"SELECT {n}, ({one})" for n in range(len(words))])
    params = []
    for word in words:
        params += [_fts5_match([fold(word)], False), limit + 1]
    found = dict(database.execute_sql(sql, params).fetchall())
    return {word: found[n] for n, word in enumerate(words)}


# PostgreSQL finds a word's matches in its GIN index all at once, however few are wanted (2 ms
# for a word in 20,000 claims at a million): a word its statistics (ANALYZE's sample of the
# commonest words, as autovacuum keeps it) put in SURELY_COMMON times more claims than the
# limit is taken to be past it, uncounted, and given their estimate (the commoner it is, the
# larger), which tells the rarer of two common words as a count would. The sample cannot be
# that far out: a word in 1,000 claims of a million is seen about 30 times in its 30,000 rows,
# and 60 times about never.
# Statistics of a base of fewer than SAMPLED_FROM claims are not asked: counting there costs
# little, and a small table's change since its last ANALYZE can be all of it.
SURELY_COMMON = 2.0
SAMPLED_FROM = 10_000
_COUNT_POSTGRES = """
WITH word AS (SELECT n - 1 AS n, phraseto_tsquery('english', w) AS query
              FROM unnest(%s::text[]) WITH ORDINALITY AS u(w, n)),
     common AS (SELECT quote_literal(e) AS query, ceil(f * c.reltuples)::bigint AS estimate
                FROM pg_stats s, pg_class c,
                     unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS x(e, f)
                WHERE s.schemaname = current_schema() AND s.tablename = 'claim_search'
                  AND s.attname = 'document' AND c.oid = 'claim_search'::regclass
                  AND c.reltuples >= %s AND f * c.reltuples > %s)
SELECT n, COALESCE(common.estimate, (SELECT count(*) FROM (SELECT 1 FROM claim_search
                                      WHERE document @@ word.query LIMIT %s) AS m))
FROM word LEFT JOIN common ON common.query = word.query::text"""


def _count_postgres(words: list[str], limit: int) -> dict[str, int]:
    found = dict(database.execute_sql(_COUNT_POSTGRES, (
        [fold(w) for w in words], SAMPLED_FROM, SURELY_COMMON * limit, limit + 1)).fetchall())
    return {word: found[n] for n, word in enumerate(words)}
