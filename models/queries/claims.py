"""Claims read: the filtered list, list items with their speakers and counts, and one
claim whole, with its appearances, links, reviews and history."""

import datetime

from models import search
from models.claim import Appearance, Claim, StatusChange, get_claim
from models.db import one_of, raw_rows
from models.errors import NotFound
from models.link import ClaimLink, contradictions_of
from models.queries.rows import DAY, MOMENT

CLAIM_SORTS = {
    "created_at": (Claim.created_at, Claim.id),
    "-created_at": (Claim.created_at.desc(), Claim.id.desc()),
    "updated_at": (Claim.updated_at, Claim.id),
    "-updated_at": (Claim.updated_at.desc(), Claim.id.desc()),
    "first_seen": (Claim.first_seen, Claim.id),
    "-first_seen": (Claim.first_seen.desc(), Claim.id.desc()),
    "id": (Claim.id,),
    "-id": (Claim.id.desc(),),
}


# A speaker or source with at most this many claims has them read first; one with more has
# them spread through the base, so the newest are soon found in the order asked for.
FEW_MEMBERS = 5_000


def claims_query(*, q: str | None = None, speaker: int | None = None,
                 source: int | None = None, status: str | None = None,
                 review_state: str | None = None, since: datetime.date | None = None,
                 until: datetime.date | None = None, has_contradictions: bool | None = None,
                 sort: str = "-created_at"):
    """The claims matching every given filter, in the given order; with q, of the newest
    search.SEARCH_WINDOW that match all the filters."""
    conditions, counted = [], None
    for column, value in ((Appearance.speaker, speaker), (Appearance.source, source)):
        if value is not None:
            ids = [i for i, in raw_rows(f"SELECT DISTINCT claim_id FROM appearance WHERE "
                                        f"{column.column_name} = ? LIMIT ?", value,
                                        FEW_MEMBERS + 1)]
            if len(ids) <= FEW_MEMBERS:
                # Read first and given as a list: the planner would otherwise look for them
                # newest first through every claim, all of the base when they are old.
                conditions.append(one_of(Claim.id, ids))
                counted = len(ids)
            else:
                members = Appearance.select(Appearance.claim).where(column == value)
                conditions.append(Claim.id.in_(members))
                counted = members.distinct()
    for condition, value in ((Claim.status == status, status),
                             (Claim.review_state == review_state, review_state),
                             (Claim.first_seen >= since, since),
                             (Claim.first_seen <= until, until),
                             (Claim.contradicted == has_contradictions,
                              has_contradictions is not None)):
        if value:
            conditions.append(condition)
    query = Claim.select().where(*conditions) if conditions else Claim.select()
    if counted is not None and len(conditions) == 1:
        query.counted = counted  # see models.paging.bounded_count
    if q:
        # The matches are read once and given to the query as a list: a subquery would be
        # run again for the count, and PostgreSQL would hash-join it against every claim.
        if conditions:
            ids = [c.id for c in query.select(Claim.id).where(Claim.id.in_(search.matches(q)))
                   .order_by(Claim.id.desc()).limit(search.SEARCH_WINDOW + 1)]
        else:
            ids = search.newest_matches(q, search.SEARCH_WINDOW + 1)
        query = Claim.select().where(one_of(Claim.id, ids[:search.SEARCH_WINDOW]))
        query.truncated = len(ids) > search.SEARCH_WINDOW  # see models.paging.bounded_count
    return query.order_by(*CLAIM_SORTS[sort])


def speakers_of(claim_ids) -> dict[int, list[dict]]:
    """The distinct speakers of each claim, in one query."""
    found: dict[int, list[dict]] = {}
    for claim_id, speaker_id, name, kind in raw_rows(
            "SELECT DISTINCT a.claim_id, s.id, s.name, s.kind FROM appearance a "
            "JOIN speaker s ON s.id = a.speaker_id WHERE a.claim_id IN ? "
            "ORDER BY a.claim_id, s.id", list(claim_ids)):
        found.setdefault(claim_id, []).append({"id": speaker_id, "name": name, "kind": kind})
    return found


def _counts(claim_ids) -> tuple[dict[int, int], dict[int, int]]:
    """Appearances and live contradictions per claim, two grouped queries."""
    claim_ids = list(claim_ids)
    appearances = dict(raw_rows("SELECT claim_id, COUNT(*) FROM appearance "
                                "WHERE claim_id IN ? GROUP BY claim_id", claim_ids))
    contradictions: dict[int, int] = {}
    for pair in contradictions_of(claim_ids):
        for claim_id in pair:
            contradictions[claim_id] = contradictions.get(claim_id, 0) + 1
    return appearances, contradictions


def claim_summaries(claims) -> list[dict]:
    """Claims as list items, with their speakers and counts."""
    return summaries_of([claim.__data__ for claim in claims])


def summaries_of(records: list[dict]) -> list[dict]:
    """Claim records (dicts of their columns) as list items, with their speakers and counts."""
    ids = [record["id"] for record in records]
    speakers = speakers_of(ids)
    appearances, contradictions = _counts(ids)
    return [{**record, "speakers": speakers.get(record["id"], []),
             "appearance_count": appearances.get(record["id"], 0),
             "contradiction_count": contradictions.get(record["id"], 0)} for record in records]


_APPEARANCE_SQL = ('a.id, a.speaker_mention, a.quote, a.start, a."end", a.kind, o.id, o.title, '
                   "o.outlet, o.published, o.url, s.id, s.name, s.kind, s.same_as")
_APPEARANCE_JOINS = ("LEFT JOIN source o ON o.id = a.source_id "
                     "LEFT JOIN speaker s ON s.id = a.speaker_id")


def _appearance(row, *, same_as: bool = True) -> dict:
    """An appearance with its source and speaker, from the columns of _APPEARANCE_SQL; with
    the speaker's same_as (a ClaimReview's author names it), or as the API shows it."""
    (appearance_id, mention, quote, start, end, kind, source_id, title, outlet, published, url,
     speaker_id, name, speaker_kind, same) = row
    speaker = {"id": speaker_id, "name": name, "kind": speaker_kind} if speaker_id else None
    if speaker and same_as:
        speaker["same_as"] = same
    return {"id": appearance_id,
            "source": {"id": source_id, "title": title, "outlet": outlet,
                       "published": DAY(published), "url": url} if source_id else None,
            "speaker": speaker, "speaker_mention": mention, "quote": quote, "start": start,
            "end": end, "kind": kind}


def appearances_of(claim_ids) -> dict[int, list[dict]]:
    """Every appearance of these claims with its source and speaker, in one query."""
    found: dict[int, list[dict]] = {}
    for claim_id, *row in raw_rows(
            f"SELECT a.claim_id, {_APPEARANCE_SQL} FROM appearance a {_APPEARANCE_JOINS} "
            "WHERE a.claim_id IN ? ORDER BY a.id", list(claim_ids)):
        found.setdefault(claim_id, []).append(_appearance(row))
    return found


# A link as the API's ClaimLink shows it, field for field, in its order.
LINK_COLUMNS = ("id", "relation", "origin", "score", "cues", "kind", "explanation", "state",
                "created_by", "created_at", "reviewed_by", "reviewed_at", "review_reason")


def link_record(row) -> dict:
    link = dict(zip(LINK_COLUMNS, row, strict=True))
    link["cues"] = ClaimLink.cues.python_value(link["cues"])
    link["created_at"], link["reviewed_at"] = (MOMENT(link["created_at"]),
                                               MOMENT(link["reviewed_at"]))
    return link


def links_of(claim_id: int) -> list[dict]:
    """Every link of a claim, each with the claim at its other end, in one query (two when
    there are links)."""
    links = []
    for row in raw_rows(
            f"SELECT {', '.join('l.' + c for c in LINK_COLUMNS)}, o.id, o.text, o.status, "
            "o.first_seen FROM claim_link l JOIN claim o ON o.id = CASE WHEN l.claim_a_id = ? "
            "THEN l.claim_b_id ELSE l.claim_a_id END "
            "WHERE l.claim_a_id = ? OR l.claim_b_id = ? ORDER BY l.id",
            claim_id, claim_id, claim_id):
        other_id, text, status, first_seen = row[len(LINK_COLUMNS):]
        links.append({**link_record(row[:len(LINK_COLUMNS)]), "other_claim": {
            "id": other_id, "text": text, "status": status, "first_seen": DAY(first_seen)}})
    speakers = speakers_of({link["other_claim"]["id"] for link in links}) if links else {}
    for link in links:
        link["other_claim"]["speakers"] = speakers.get(link["other_claim"]["id"], [])
    return links


# A claim's columns as the API shows them, and a row of them as a record.
CLAIM_COLUMNS = ("id", "text", "status", "review_state", "first_seen", "created_at",
                 "updated_at", "version")


def claim_record(row) -> dict:
    claim = dict(zip(CLAIM_COLUMNS, row, strict=True))
    claim["first_seen"] = DAY(claim["first_seen"])
    claim["created_at"], claim["updated_at"] = (MOMENT(claim["created_at"]),
                                                MOMENT(claim["updated_at"]))
    return claim


_REVIEW_COLUMNS = ("id", "rating", "rating_label", "explanation", "url", "reviewer",
                   "reviewer_type",
                   "published", "created_by", "created_at")


def reviews_of(claim_id: int) -> list[dict]:
    reviews = [dict(zip(_REVIEW_COLUMNS, row, strict=True)) for row in raw_rows(
        f"SELECT {', '.join(_REVIEW_COLUMNS)} FROM review WHERE claim_id = ? ORDER BY id",
        claim_id)]
    for review in reviews:
        review["published"], review["created_at"] = (DAY(review["published"]),
                                                     MOMENT(review["created_at"]))
    return reviews


# Whether the claim has links asks each end's index in turn: "either end is the claim" made
# PostgreSQL build and OR two bitmaps, an eighth of its work in the read of a claim.
_DETAIL = (f"SELECT {', '.join('c.' + c for c in CLAIM_COLUMNS)}, EXISTS (SELECT 1 FROM "
           "claim_link l WHERE l.claim_a_id = c.id UNION ALL SELECT 1 FROM claim_link l WHERE "
           "l.claim_b_id = c.id), EXISTS (SELECT 1 FROM review r WHERE r.claim_id = c.id), "
           f"{_APPEARANCE_SQL} FROM claim c LEFT JOIN appearance a ON a.claim_id = c.id "
           f"{_APPEARANCE_JOINS} WHERE c.id = ? ORDER BY a.id")


def claim_detail(claim_id: int) -> dict:
    """A claim with its appearances, speakers, links and reviews, as the API's ClaimDetail
    shows it (no other field, each in the schema's order): one query for most claims, which
    have no links and no reviews, and one more for each of those it has (its speakers and
    counts come from its appearances and links)."""
    found = raw_rows(_DETAIL, claim_id)
    if not found:
        raise NotFound(f"There is no claim {claim_id}.")
    width = len(CLAIM_COLUMNS)
    claim = claim_record(found[0][:width])
    has_links, has_reviews = found[0][width:width + 2]
    appearances = [_appearance(row[width + 2:], same_as=False) for row in found
                   if row[width + 2] is not None]
    links = links_of(claim_id) if has_links else []
    speakers = {a["speaker"]["id"]: a["speaker"] for a in appearances if a["speaker"]}
    live = [link for link in links
            if link["relation"] == "contradicts" and link["state"] != "rejected"]
    return {**claim,
            "speakers": [{"id": s["id"], "name": s["name"], "kind": s["kind"]}
                         for _, s in sorted(speakers.items())],
            "appearance_count": len(appearances), "contradiction_count": len(live),
            "appearances": appearances, "links": links,
            "reviews": reviews_of(claim_id) if has_reviews else []}


def claim_briefs(claim_ids) -> dict[int, dict]:
    """Claims by id as {id, text, status, first_seen, speakers}, in two queries."""
    ids = list(claim_ids)
    if not ids:
        return {}
    speakers = speakers_of(ids)
    return {i: {"id": i, "text": text, "status": status, "first_seen": DAY(first_seen),
                "speakers": speakers.get(i, [])} for i, text, status, first_seen in
            raw_rows("SELECT id, text, status, first_seen FROM claim WHERE id IN ?", ids)}


def history_of(claim_id: int):
    get_claim(claim_id)
    return StatusChange.select().where(StatusChange.claim == claim_id).order_by(StatusChange.id)

