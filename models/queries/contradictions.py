"""Pairs read: the filtered lists of contradiction and same-claim links, each with both
claims."""

import datetime

from playhouse.shortcuts import model_to_dict

from models.claim import Appearance
from models.db import is_postgres, raw_rows
from models.errors import must_exist
from models.link import NOUNS, ClaimLink
from models.queries.claims import LINK_COLUMNS, claim_briefs, link_record


def contradictions_query(*, state=None, origin=None, kind=None, speaker=None, source=None,
                         min_score=None, claim=None, since=None, until=None):
    """Contradiction links matching every given filter, strongest and newest first.

    speaker and source match a link when either claim appeared there; since and until (dates)
    when it was flagged.
    """
    narrow = claim is not None or speaker is not None or source is not None
    query = _pairs("contradicts", state=state, claim=claim, narrow=narrow)
    for column, value in ((ClaimLink.origin, origin), (ClaimLink.kind, kind)):
        if value:
            query = query.where(_compared(column, narrow) == value)
    if min_score is not None:
        query = query.where(ClaimLink.score >= min_score)
    if speaker is not None:
        ids = Appearance.select(Appearance.claim).where(Appearance.speaker == speaker)
        query = query.where(ClaimLink.claim_a.in_(ids) | ClaimLink.claim_b.in_(ids))
    if source is not None:
        query = query.where(ClaimLink.id.in_(_links_of_source(source)))
    if since is not None:
        query = query.where(ClaimLink.created_at >= datetime.datetime.combine(since,
                                                                             datetime.time.min))
    if until is not None:
        query = query.where(ClaimLink.created_at <= datetime.datetime.combine(until,
                                                                             datetime.time.max))
    return query.order_by(ClaimLink.score.desc(), ClaimLink.id.desc())


def same_claims_query(*, state=None, claim=None):
    """Same-claim links in a state, or of a claim, most alike and newest first."""
    return _pairs("same_claim", state=state, claim=claim).order_by(ClaimLink.score.desc(),
                                                                   ClaimLink.id.desc())


def _pairs(relation: str, *, state=None, claim=None, narrow: bool = False):
    """Links of one relation, in a state, or of a claim. narrow: the caller keeps only the
    links of a few claims (a claim's, a speaker's, a source's; always so with claim)."""
    narrow = narrow or claim is not None
    query = ClaimLink.select().where(_compared(ClaimLink.relation, narrow) == relation)
    if state:
        query = query.where(_compared(ClaimLink.state, narrow) == state)
    if claim is not None:
        query = query.where((ClaimLink.claim_a == claim) | (ClaimLink.claim_b == claim))
    return query


def _links_of_source(source: int):
    """The ids of the links of a source's claims, looked up from its few claims: asked as
    "either claim among the source's", PostgreSQL walked every contradiction in score order to
    test each (8.4 -> 0.2 ms at a million claims). A speaker's claims can be thousands: theirs
    are asked the other way, which stops at a page's worth."""
    ends = []
    for end in ("claim_a", "claim_b"):
        link = ClaimLink.alias()
        ends.append(link.select(link.id).join(Appearance, on=(Appearance.claim == getattr(
            link, end))).where(Appearance.source == source))
    return ends[0] + ends[1]


def _compared(column, narrow: bool):
    """The column to compare in a list's filter: when the list keeps the links of a few claims,
    on SQLite, a column it cannot look up in an index, so that it finds them through the
    indexes of their claims. Else, with no statistics to tell it otherwise, it walked every
    link of the relation in score order, the index the list is sorted by, testing each for
    the claims (9 ms for a claim's contradictions at a million claims). PostgreSQL weighs both
    ways by its statistics."""
    return column.concat("") if narrow and not is_postgres() else column


# A speaker's self contradictions, strongest and newest first, off the index of their speaker.
_SELF_CONTRADICTIONS = (f"SELECT {', '.join(LINK_COLUMNS)}, claim_a_id, claim_b_id FROM "
                        "claim_link WHERE speaker_id = ? AND relation = 'contradicts' "
                        "ORDER BY score DESC, id DESC LIMIT ?")


def self_contradictions(speaker_id: int, limit: int) -> list[dict]:
    """Up to limit contradictions between two claims of this speaker, with both claims (as
    pair_records gives them), read as plain rows in three queries: as Peewee's models, with
    model_to_dict, twice as long."""
    width = len(LINK_COLUMNS)
    return _with_both_claims([(link_record(row[:width]), *row[width:])
                              for row in raw_rows(_SELF_CONTRADICTIONS, speaker_id, limit)])


def pair_records(links) -> list[dict]:
    """Links (contradictions or same-claim pairs) with both claims (id, text, status,
    speakers), in three queries."""
    # Every column, those a new link was created without included (as null).
    return _with_both_claims([(model_to_dict(link, recurse=False), link.claim_a_id,
                               link.claim_b_id) for link in links])


def _with_both_claims(pairs: list[tuple[dict, int, int]]) -> list[dict]:
    """Links' records, each given with the ids of its two claims, with both claims' briefs,
    read at once."""
    briefs = claim_briefs({i for _, a, b in pairs for i in (a, b)})
    return [{**record, "claim_a": briefs[a], "claim_b": briefs[b]} for record, a, b in pairs]


def get_pair(link_id: int, relation: str) -> ClaimLink:
    return must_exist(ClaimLink.get_or_none((ClaimLink.id == link_id)
                                            & (ClaimLink.relation == relation)),
                      NOUNS[relation], link_id)

