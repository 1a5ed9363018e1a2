"""Links between claims: contradictions and same-claim suggestions, and their review."""

import re

import peewee

from models.claim import (
    VERDICT_STATUSES,
    Claim,
    StatusChange,
    change_fields,
    get_claim,
)
from models.db import (
    BaseModel,
    JSONTextField,
    database,
    locked,
    locking,
    one_of,
    raw_rows,
    utcnow,
)
from models.errors import Conflict, Invalid, NotFound
from models.outbox import record, record_all
from models.speaker import Speaker

RELATIONS = ("contradicts", "same_claim")
NOUNS = {"contradicts": "contradiction", "same_claim": "same-claim pair"}  # in errors
ORIGINS = ("detected", "manual")
LINK_STATES = ("suggested", "confirmed", "rejected")
FLAG_STATES = ("suggested", "confirmed")  # what a flag by hand may start as
CONTRADICTION_KINDS = ("self", "disagreement", "conflicting_reports")


class ClaimLink(BaseModel):
    # Links are symmetric: claim_a always has the smaller id, so a pair is stored once.
    claim_a = peewee.ForeignKeyField(Claim, backref="links_as_a", on_delete="CASCADE")
    claim_b = peewee.ForeignKeyField(Claim, backref="links_as_b", on_delete="CASCADE")
    relation = peewee.CharField(max_length=16)
    origin = peewee.CharField(max_length=16, default="detected", index=True)
    score = peewee.DoubleField(default=1.0)  # REAL on PostgreSQL would not equal 0.7
    cues = JSONTextField(default=list)
    explanation = peewee.TextField(null=True)
    kind = peewee.CharField(max_length=24, null=True, index=True)
    # A self contradiction's speaker, whose page lists it from the index below.
    speaker = peewee.ForeignKeyField(Speaker, null=True, on_delete="SET NULL", index=False)
    state = peewee.CharField(max_length=16, default="suggested")
    created_by = peewee.TextField(null=True)
    created_at = peewee.DateTimeField(default=utcnow, index=True)
    reviewed_by = peewee.TextField(null=True)
    reviewed_at = peewee.DateTimeField(null=True)
    review_reason = peewee.TextField(null=True)

    class Meta:
        # Contradictions are listed strongest first, all of them or those in one state.
        indexes = ((("claim_a", "claim_b", "relation"), True),
                   (("relation", "score", "id"), False),
                   (("relation", "state", "score", "id"), False),
                   (("speaker", "score", "id"), False))


def contradiction_kind(claim_a_id: int, claim_b_id: int) -> tuple[str, int | None]:
    """The kind of a contradiction between two claims and, for a self contradiction, its
    speaker (see kind_of)."""
    return contradiction_kinds([(claim_a_id, claim_b_id)])[claim_a_id, claim_b_id]


def contradiction_kinds(pairs) -> dict[tuple[int, int], tuple[str, int | None]]:
    """The contradiction_kind of each pair of claims, their speakers read at once."""
    pairs = list(pairs)
    speakers: dict[int, set] = {claim_id: set() for pair in pairs for claim_id in pair}
    for claim_id, speaker_id in raw_rows("SELECT claim_id, speaker_id FROM appearance "
                                         "WHERE claim_id IN ?", list(speakers)):
        speakers[claim_id].add(speaker_id)
    return {(a, b): kind_of(speakers[a], speakers[b]) for a, b in pairs}


def kind_of(speakers_a: set, speakers_b: set) -> tuple[str, int | None]:
    """self (and the speaker) when one speaker made both claims, conflicting_reports for two
    narrations, disagreement otherwise; of two claims by the ids of their speakers."""
    shared = (speakers_a & speakers_b) - {None}
    if shared:
        return "self", min(shared)
    if speakers_a <= {None} and speakers_b <= {None}:
        return "conflicting_reports", None
    return "disagreement", None


def existing_link(claim_a_id: int, claim_b_id: int, relation: str) -> ClaimLink | None:
    low, high = sorted((claim_a_id, claim_b_id))
    return ClaimLink.get_or_none((ClaimLink.claim_a == low) & (ClaimLink.claim_b == high)
                                 & (ClaimLink.relation == relation))


def flag_contradiction(claim_id: int, other_id: int, *, explanation: str | None,
                       actor: str, state: str = "suggested") -> ClaimLink:
    """A contradiction flagged by hand: suggested for the desk to review, or confirmed at once
    (the caller's own review), which disputes both claims. A pair confirmed as one claim is a
    Conflict: that review is undone first."""
    if state not in FLAG_STATES:
        raise Invalid("A flag's state is 'suggested' or 'confirmed'.", field="state")
    with database.atomic():
        get_claim(claim_id)
        if other_id == claim_id:
            raise Invalid("A claim cannot contradict itself.", field="claim_id")
        if Claim.get_or_none(Claim.id == other_id) is None:
            raise Invalid(f"There is no claim {other_id}.", field="claim_id")
        found = existing_link(claim_id, other_id, "contradicts")
        if found is not None:
            raise Conflict(f"Claims {claim_id} and {other_id} are already linked as a "
                           f"contradiction (link {found.id}, {found.state}); "
                           f"PATCH /api/v1/contradictions/{found.id} to change it.",
                           existing_id=found.id)
        same = existing_link(claim_id, other_id, "same_claim")
        if same is not None and same.state == "confirmed":
            raise Conflict(f"Claims {claim_id} and {other_id} were confirmed as one claim "
                           f"(same-claim pair {same.id}); PATCH /api/v1/same-claims/{same.id} "
                           "to reject that first.", existing_id=same.id)
        low, high = sorted((claim_id, other_id))
        now = utcnow()
        reviewed = state == "confirmed"
        try:
            with database.atomic():
                kind, speaker = contradiction_kind(low, high)
                link = ClaimLink.create(
                    claim_a=low, claim_b=high, relation="contradicts", origin="manual",
                    score=1.0, cues=["manual"], explanation=explanation, kind=kind,
                    speaker=speaker, state=state, created_by=actor,
                    created_at=now, reviewed_by=actor if reviewed else None,
                    reviewed_at=now if reviewed else None)
                _settle_same_claim(link, actor)
        except peewee.IntegrityError as error:  # flagged by someone else a moment ago
            found = existing_link(claim_id, other_id, "contradicts")
            raise Conflict(f"Claims {claim_id} and {other_id} were just linked as a "
                           f"contradiction (link {found.id}).", existing_id=found.id) from error
        record_flagged([link])
        mark_contradicted([low, high])
        if reviewed:
            _propagate_dispute([low, high], actor=actor,
                               reason=f"{_BY_CONTRADICTION} {link.id} flagged by hand")
    return link


def contradictions_of(claim_ids, states=None) -> list[tuple[int, int]]:
    """The claims of each contradiction of these claims, in one of these states (else in any
    but rejected). Its state and relation are read, not asked for: asked for, they led SQLite
    to walk every contradiction of the base rather than the links of the claims (5 ms at a
    million claims, for the counts of every page of claims and the flags of every ingest)."""
    ids = list(claim_ids)
    if not ids:
        return []
    rows = raw_rows("SELECT claim_a_id, claim_b_id, relation, state FROM claim_link "
                    "WHERE claim_a_id IN ? OR claim_b_id IN ?", ids, ids)
    return [(a, b) for a, b, relation, state in rows if relation == "contradicts"
            and (state != "rejected" if states is None else state in states)]


def mark_contradicted(claim_ids) -> None:
    """Set each claim's contradicted flag from its links, after they changed (inside the
    transaction that changed them, the claims locked first so a concurrent change is seen)."""
    ids = sorted(set(claim_ids))
    if not ids:
        return
    raw_rows(locking("SELECT id FROM claim WHERE id IN ? ORDER BY id"), ids)
    live = {i for pair in contradictions_of(ids) for i in pair}
    for value in (True, False):
        chosen = [i for i in ids if (i in live) == value]
        if chosen:
            (Claim.update(contradicted=value)
             .where(one_of(Claim.id, chosen) & (Claim.contradicted != value)).execute())


def record_flagged(links: list[ClaimLink]) -> None:
    """The contradiction.flagged event of each new link, in the outbox."""
    record_all("contradiction.flagged", [{
        "contradiction_id": link.id, "claim_a": link.claim_a_id, "claim_b": link.claim_b_id,
        "score": link.score, "kind": link.kind, "origin": link.origin, "state": link.state,
        "explanation": link.explanation} for link in links])


def review_contradiction(link_id: int, state: str, *, actor: str, reason: str | None,
                         seen_state: str | None = None) -> ClaimLink:
    """Confirm or reject a contradiction, then update the disputed status of both claims.
    Given seen_state (the state the reviewer was shown), a link that has moved on since to
    another state is a Conflict and nothing changes."""
    with database.atomic():
        link, changed = _review(link_id, "contradicts", state, actor=actor, reason=reason,
                                seen_state=seen_state)
        if changed:
            record("contradiction.reviewed", contradiction_id=link.id, state=state,
                   reviewed_by=actor, reason=reason)
            _settle_same_claim(link, actor)
            mark_contradicted([link.claim_a_id, link.claim_b_id])
            _propagate_dispute([link.claim_a_id, link.claim_b_id], actor=actor,
                               reason=f"{_BY_CONTRADICTION} {link.id} {state}"
                               + (f": {reason}" if reason else ""))
    return link


def review_same_claim(link_id: int, state: str, *, actor: str, reason: str | None) -> ClaimLink:
    """Confirm that two claims are one, or reject the suggestion (never made again); two
    claims linked as contradicting (and not rejected) are no one claim: a Conflict."""
    with database.atomic():
        link, changed = _review(link_id, "same_claim", state, actor=actor, reason=reason)
        found = existing_link(link.claim_a_id, link.claim_b_id, "contradicts")
        if state == "confirmed" and found is not None and found.state != "rejected":
            raise Conflict(f"Claims {link.claim_a_id} and {link.claim_b_id} are linked as a "
                           f"contradiction (link {found.id}, {found.state}); reject it first "
                           f"with PATCH /api/v1/contradictions/{found.id}.",
                           existing_id=found.id)
        if changed:
            record("same_claim.reviewed", same_claim_id=link.id, claim_a=link.claim_a_id,
                   claim_b=link.claim_b_id, state=state, reviewed_by=actor, reason=reason)
        return link


def _settle_same_claim(contradiction: ClaimLink, actor: str) -> None:
    """An editor who says two claims contradict says they are not one claim: the pair's
    same-claim suggestion is rejected, the contradiction given as the reason, and suggested
    again if the contradiction is rejected (inside the caller's transaction)."""
    reason = f"Flagged as contradicting (link {contradiction.id})."
    pair = ((ClaimLink.claim_a == contradiction.claim_a_id)
            & (ClaimLink.claim_b == contradiction.claim_b_id)
            & (ClaimLink.relation == "same_claim"))
    if contradiction.state == "rejected":
        ClaimLink.update(state="suggested", reviewed_by=None, reviewed_at=None,
                         review_reason=None).where(
            pair & (ClaimLink.state == "rejected") & (ClaimLink.review_reason == reason)).execute()
    else:
        ClaimLink.update(state="rejected", reviewed_by=actor, reviewed_at=utcnow(),
                         review_reason=reason).where(
            pair & (ClaimLink.state == "suggested")).execute()


def _review(link_id: int, relation: str, state: str, *, actor: str, reason: str | None,
            seen_state: str | None = None) -> tuple[ClaimLink, bool]:
    """A link of this relation put in a reviewed state (inside the caller's transaction), and
    whether that changed it."""
    if state not in ("confirmed", "rejected"):
        raise Invalid("A review sets state to 'confirmed' or 'rejected'.", field="state")
    noun = NOUNS[relation]
    link = locked(ClaimLink.select().where((ClaimLink.id == link_id)
                                           & (ClaimLink.relation == relation))).first()
    if link is None:
        raise NotFound(f"There is no {noun} {link_id}.")
    if seen_state is not None and link.state not in (seen_state, state):
        raise Conflict(f"{noun.capitalize()} {link_id} was {link.state} by {link.reviewed_by} "
                       "in the meantime; nothing was changed.")
    changed = link.state != state
    if changed or (reason is not None and reason != link.review_reason):
        # The same state again with a new reason keeps the reason, and who gave it.
        link.state, link.reviewed_by, link.reviewed_at, link.review_reason = (
            state, actor, utcnow(), reason)
        link.save()
    return link, changed


# How the audit trail tells a status the contradictions set from one an editor set: the
# reason these changes are written with, "contradiction 12 confirmed: ...".
_BY_CONTRADICTION = "contradiction"
_SET_BY_CONTRADICTION = re.compile(rf"{_BY_CONTRADICTION} \d+ (confirmed|rejected|flagged by hand)")


def _propagate_dispute(claim_ids, *, actor: str, reason: str) -> None:
    """A claim with a confirmed contradiction and no verdict is disputed; without one it is
    unverified again, unless an editor disputed it by hand: a rejected contradiction undoes
    only the dispute that contradictions made."""
    confirmed = {i for pair in contradictions_of(claim_ids, ("confirmed",)) for i in pair}
    for claim in locked(Claim.select().where(Claim.id.in_(claim_ids)).order_by(Claim.id)):
        if claim.status in VERDICT_STATUSES:
            continue
        if claim.id in confirmed:
            change_fields(claim, {"status": "disputed"}, actor=actor, reason=reason)
        elif claim.status == "disputed" and _disputed_by_contradiction(claim.id):
            change_fields(claim, {"status": "unverified"}, actor=actor, reason=reason)


def _disputed_by_contradiction(claim_id: int) -> bool:
    last = (StatusChange.select(StatusChange.reason)
            .where((StatusChange.claim == claim_id) & (StatusChange.field == "status"))
            .order_by(StatusChange.id.desc()).first())
    return last is None or _SET_BY_CONTRADICTION.match(last.reason or "") is not None
