"""Speakers read: the list, with aliases and claim counts, and one speaker with their
latest claims and self-contradictions."""

from peewee import fn

from models.claim import Appearance, Claim
from models.db import one_of, raw_rows
from models.errors import must_exist
from models.queries.claims import claim_summaries
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


def latest_claims(speaker_id: int, limit: int):
    """A speaker's newest claims, newest first in the order they were stored (by id: the
    order of created_at, but for writes that raced within a moment), read off the index of
    their appearances; ordering by created_at would look up every claim they made."""
    ids = [i for i, in raw_rows("SELECT DISTINCT claim_id FROM appearance WHERE speaker_id = ? "
                                "ORDER BY claim_id DESC LIMIT ?", speaker_id, limit)]
    return Claim.select().where(one_of(Claim.id, ids)).order_by(Claim.id.desc())


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
    record["claims"] = claim_summaries(latest_claims(speaker_id, claim_limit))
    record["self_contradictions"] = pair_records(
        contradictions_query(self_of=speaker_id).limit(claim_limit))
    return record

