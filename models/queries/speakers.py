"""Speakers read: the list, with aliases and claim counts, and one speaker with their
latest claims and self-contradictions."""

from models.db import raw_rows
from models.errors import must_exist
from models.queries.claims import CLAIM_COLUMNS, claim_record, summaries_of
from models.queries.contradictions import self_contradictions
from models.queries.rows import MOMENT
from models.speaker import Speaker, aliases_of, name_key


def speakers_query(*, q: str | None = None, kind: str | None = None):
    query = Speaker.select()
    if q:
        # A search with nothing of a name in it ("%", "*") finds no one, rather than everyone.
        query = query.where(Speaker.name_key.contains(name_key(q)) if name_key(q) else False)
    if kind:
        query = query.where(Speaker.kind == kind)
    return query.order_by(Speaker.name_key, Speaker.id)


# A speaker's newest claims, newest first in the order they were stored (by id: the order of
# created_at, but for writes that raced within a moment), found off the index of their
# appearances (ordering by created_at would look up every claim they made) and read as plain
# rows: as Peewee's models, a third of the speaker's page.
_LATEST_CLAIMS = (f"SELECT {', '.join(CLAIM_COLUMNS)} FROM claim WHERE id IN (SELECT DISTINCT "
                  "claim_id FROM appearance WHERE speaker_id = ? ORDER BY claim_id DESC "
                  "LIMIT ?) ORDER BY id DESC")


def latest_claims(speaker_id: int, limit: int) -> list[dict]:
    return [claim_record(row) for row in raw_rows(_LATEST_CLAIMS, speaker_id, limit)]


def speaker_records(speakers) -> list[dict]:
    return _with_aliases_and_counts([s.__data__ for s in speakers])


def _with_aliases_and_counts(records: list[dict]) -> list[dict]:
    ids = [record["id"] for record in records]
    aliases = aliases_of(ids)
    counts = dict(raw_rows("SELECT speaker_id, COUNT(DISTINCT claim_id) FROM appearance "
                           "WHERE speaker_id IN ? GROUP BY speaker_id", ids))
    return [{**record, "aliases": aliases.get(record["id"], []),
             "claim_count": counts.get(record["id"], 0)} for record in records]


_SPEAKER_COLUMNS = ("id", "name", "kind", "role", "same_as", "created_at")
_SPEAKER = f"SELECT {', '.join(_SPEAKER_COLUMNS)} FROM speaker WHERE id = ?"


def speaker_detail(speaker_id: int, claim_limit: int = 100) -> dict:
    """A speaker with their latest claims and self-contradictions (up to claim_limit each),
    read as plain rows (as Peewee's models, a sixth of the page's time)."""
    [row] = must_exist(raw_rows(_SPEAKER, speaker_id) or None, "speaker", speaker_id)
    speaker = dict(zip(_SPEAKER_COLUMNS, row, strict=True))
    speaker["created_at"] = MOMENT(speaker["created_at"])
    [record] = _with_aliases_and_counts([speaker])
    record["claims"] = summaries_of(latest_claims(speaker_id, claim_limit))
    record["self_contradictions"] = self_contradictions(speaker_id, claim_limit)
    return record
