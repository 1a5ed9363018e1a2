"""Full-text search over claims: FTS5 on SQLite, tsvector + GIN on PostgreSQL, one interface.

A claim's document is its text plus every quote it appears in. User queries never reach the
engine's query syntax: they are parsed here into words and "quoted phrases".
"""

import json
import re

from peewee import SQL

from models.db import database, is_postgres
from models.errors import Invalid

MAX_TERMS = 32
SEARCH_WINDOW = 10_000  # a search reaches the newest this many claims that match
RANK_WINDOW = 2_000  # and ranks the newest this many by relevance
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
            terms.append(" ".join(words).casefold())
    if not terms:
        raise Invalid("The search query has no words to search for.", field="q")
    return terms[:MAX_TERMS]


def index_documents(documents: dict[int, str]) -> None:
    """Insert or replace the search documents of these claims, in two statements."""
    if not documents:
        return
    ids, texts = list(documents), list(documents.values())
    if is_postgres():
        database.execute_sql("DELETE FROM claim_search WHERE claim_id = ANY(%s)", (ids,))
        database.execute_sql(
            "INSERT INTO claim_search (claim_id, document) SELECT i, to_tsvector('english', t) "
            "FROM unnest(%s::bigint[], %s::text[]) AS d(i, t)", (ids, texts))
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


def matching_ids(q: str) -> SQL:
    """A subquery of the ids of the newest SEARCH_WINDOW claims matching every term of q."""
    terms = parse_query(q)
    if is_postgres():
        return SQL(f"(SELECT claim_id FROM claim_search WHERE document @@ "
                   f"{_tsquery(terms, False)} ORDER BY claim_id DESC LIMIT %s)",
                   [*terms, SEARCH_WINDOW])
    return SQL("(SELECT rowid FROM claim_search WHERE claim_search MATCH ? "
               "ORDER BY rowid DESC LIMIT ?)", [_fts5_match(terms, False), SEARCH_WINDOW])


def ranked_ids(q: str, limit: int, *, any_term: bool = False) -> list[int]:
    """The ids of the best `limit` matches for q, best first, of its newest RANK_WINDOW
    matches: ranking every match of a common word would cost a second at a million claims."""
    terms = parse_query(q)
    if is_postgres():
        sql = (f"WITH q AS (SELECT {_tsquery(terms, any_term)} AS query) "
               "SELECT claim_id FROM (SELECT claim_id, document FROM claim_search, q "
               "WHERE document @@ q.query ORDER BY claim_id DESC LIMIT %s) AS m, q "
               "ORDER BY ts_rank(m.document, q.query) DESC, claim_id DESC LIMIT %s")
        params = [*terms, RANK_WINDOW, limit]
    else:
        sql = ("SELECT rowid FROM (SELECT rowid, rank FROM claim_search WHERE claim_search "
               "MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY rank, rowid DESC LIMIT ?")
        params = [_fts5_match(terms, any_term), RANK_WINDOW, limit]
    return [row[0] for row in database.execute_sql(sql, params)]


def claim_counts(words: list[str], limit: int) -> dict[str, int]:
    """How many claims each word is in, counted up to limit + 1, in one query."""
    if not words:
        return {}
    if is_postgres():
        one = ("SELECT count(*) FROM (SELECT 1 FROM claim_search WHERE document @@ "
               "phraseto_tsquery('english', %s) LIMIT %s) AS m")
    else:
        one = ("SELECT count(*) FROM (SELECT 1 FROM claim_search WHERE claim_search MATCH ? "
               "LIMIT ?)")
    sql = " UNION ALL ".join([f"SELECT {n}, ({one})" for n in range(len(words))])
    params = []
    for word in words:
        params += [word if is_postgres() else _fts5_match([word], False), limit + 1]
    found = dict(database.execute_sql(sql, params).fetchall())
    return {word: found[n] for n, word in enumerate(words)}
