"""Speakers read: the list, with aliases and claim counts, and one speaker with their
latest claims and self-contradictions."""

from peewee import fn

from models.claim import Appearance
from models.db import raw_rows
from models.errors import must_exist
from models.queries.claims import CLAIM_COLUMNS, claim_record, summaries_of
from models.queries.contradictions import contradictions_query, pair_records
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
    speakers = list(speakers)
    ids = [s.id for s in speakers]
    aliases = aliases_of(ids)
    counts = dict(Appearance.select(Appearance.speaker, fn.COUNT(fn.DISTINCT(Appearance.claim)))
                  .where(Appearance.speaker.in_(ids)).group_by(Appearance.speaker).tuples())
    return [{**s.__data__, "aliases": aliases.get(s.id, []), "claim_count": counts.get(s.id, 0)}
            for s in speakers]


def speaker_detail(speaker_id: int, claim_limit: int = 100) -> dict:
    """A speaker with their latest claims and self-contradictions (up to claim_limit each)."""
    speaker = must_exist(Speaker.get_or_none(Speaker.id == speaker_id), "speaker", speaker_id)
    record = speaker_records([speaker])[0]
    record["claims"] = summaries_of(latest_claims(speaker_id, claim_limit))
    record["self_contradictions"] = pair_records(
        contradictions_query(self_of=speaker_id).limit(claim_limit))
    return record

