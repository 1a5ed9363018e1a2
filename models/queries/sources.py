"""Sources read: the list, with claim counts, and one source with its text and the
claims found in it, in order."""

from peewee import fn

from models.claim import Appearance, Claim
from models.errors import must_exist
from models.queries.claims import appearances_of, claim_summaries
from models.source import Source


def sources_query(*, outlet: str | None = None, since=None, until=None):
    query = Source.select(Source.id, Source.url, Source.title, Source.outlet, Source.published,
                          Source.language, Source.created_at)
    if outlet:
        query = query.where(Source.outlet == outlet)
    if since:
        query = query.where(Source.published >= since)
    if until:
        query = query.where(Source.published <= until)
    return query.order_by(Source.created_at.desc(), Source.id.desc())


def source_records(sources) -> list[dict]:
    sources = list(sources)
    ids = [s.id for s in sources]
    counts = dict(Appearance.select(Appearance.source, fn.COUNT(fn.DISTINCT(Appearance.claim)))
                  .where(Appearance.source.in_(ids)).group_by(Appearance.source).tuples())
    return [{**s.__data__, "claim_count": counts.get(s.id, 0)} for s in sources]


def claims_in(source_id: int) -> list[Claim]:
    """The claims found in a source, in the order they first appear in it."""
    first = {}
    query = (Appearance.select(Appearance.claim, Appearance.start)
             .where(Appearance.source == source_id)
             .order_by(Appearance.start, Appearance.id).tuples())
    for claim_id, start in query:
        first.setdefault(claim_id, start)
    claims = {c.id: c for c in Claim.select().where(Claim.id.in_(list(first)))}
    return [claims[claim_id] for claim_id in first]


def source_detail(source_id: int) -> dict:
    """A source with its text and the claims found in it, in order."""
    source = must_exist(Source.get_or_none(Source.id == source_id), "source", source_id)
    record = source_records([source])[0]
    claims = claims_in(source_id)
    appearances = appearances_of(c.id for c in claims)
    record["claims"] = [
        {**summary, "appearances": [a for a in appearances.get(summary["id"], [])
                                    if a["source"] and a["source"]["id"] == source_id]}
        for summary in claim_summaries(claims)]
    return record


def texts_of(source_ids) -> dict[int, str]:
    """The text of each source, in one query."""
    ids = list(source_ids)
    return dict(Source.select(Source.id, Source.text).where(Source.id.in_(ids)).tuples())
