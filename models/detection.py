"""Detection: linking claims to the base as suggested contradictions and same-claim pairs,
on arrival and again over the whole base after a lexicon or threshold change."""

from dataclasses import dataclass, field

from peewee import IntegrityError, chunked

from analysis import score_contradiction
from models.claim import Claim
from models.db import database
from models.link import ClaimLink, contradiction_kind, mark_contradicted, record_flagged
from models.matching import CONTRADICTION_THRESHOLD, candidates, claim_contexts, compare

RECHECK_BATCH = 200


@dataclass
class Detection:
    links: list[ClaimLink] = field(default_factory=list)
    scored: int = 0  # candidate pairs scored: bounded per claim, whatever the base's size


def _known_pairs(claim_id: int, other_ids: list[int]) -> set[tuple[int, str]]:
    """(other claim, relation) of every link, in any state, between a claim and others."""
    query = (ClaimLink.select(ClaimLink.claim_a, ClaimLink.claim_b, ClaimLink.relation)
             .where(((ClaimLink.claim_a == claim_id) & ClaimLink.claim_b.in_(other_ids))
                    | ((ClaimLink.claim_b == claim_id) & ClaimLink.claim_a.in_(other_ids)))
             .tuples())
    return {(b if a == claim_id else a, relation) for a, b, relation in query}


def _suggest(claim_id: int, other_id: int, relation: str, score: float, cues, explanation,
             actor: str) -> ClaimLink | None:
    low, high = sorted((claim_id, other_id))
    kind = contradiction_kind(low, high) if relation == "contradicts" else None
    if kind == "self":
        dates = [c.first_seen for c in Claim.select(Claim.first_seen)
                 .where(Claim.id.in_([low, high])).order_by(Claim.id)]
        if None not in dates and dates[0] != dates[1]:
            explanation = f"{explanation} (first said {dates[0]:%Y-%m-%d} and {dates[1]:%Y-%m-%d})"
    try:
        with database.atomic():  # a savepoint: a clash undoes this link only
            link = ClaimLink.create(
                claim_a=low, claim_b=high, relation=relation, origin="detected",
                score=round(score, 3), cues=list(cues), explanation=explanation,
                state="suggested", created_by=actor, kind=kind)
            if relation == "contradicts":
                record_flagged(link)
    except IntegrityError:
        return None  # a concurrent ingest linked this pair a moment ago
    return link


def link_claims(claims, actor: str) -> Detection:
    """Score each claim against its search candidates and store the links found (inside the
    caller's transaction). A pair linked before, in any state, is never suggested again: a
    rejected contradiction stays rejected."""
    found = Detection()
    for claim in claims:
        others = candidates(claim.text, exclude=claim.id)
        found.scored += len(others)
        known = _known_pairs(claim.id, [o.id for o in others])
        contexts = claim_contexts([claim.id, *(o.id for o in others)]) if others else {}
        contradicting, similar = compare(claim.text, others, context=contexts.get(claim.id, ""),
                                         contexts=contexts)
        for other, score, verdict in contradicting:
            if (other.id, "contradicts") not in known:
                found.links.append(_suggest(claim.id, other.id, "contradicts", score,
                                            verdict.cues, verdict.explanation, actor))
        for other, score, _ in similar:
            if (other.id, "same_claim") not in known:
                found.links.append(_suggest(
                    claim.id, other.id, "same_claim", score, ["paraphrase"],
                    f"The two claims share {score:.0%} of their content words.", actor))
    found.links = [link for link in found.links if link is not None]
    mark_contradicted(i for link in found.links if link.relation == "contradicts"
                      for i in (link.claim_a_id, link.claim_b_id))
    return found


@dataclass
class Recheck:
    claims: int = 0
    scored: int = 0
    created: int = 0
    updated: int = 0
    removed: int = 0


def recheck(actor: str = "recheck") -> Recheck:
    """Re-run detection over the whole base, idempotently: new links are suggested, and
    detected suggestions nobody has reviewed are re-scored or withdrawn. Reviewed and manual
    links are left as they are."""
    report = Recheck()
    with database.atomic():
        stale = list(ClaimLink.select().where((ClaimLink.relation == "contradicts")
                                              & (ClaimLink.origin == "detected")
                                              & (ClaimLink.state == "suggested")))
        ids = list({i for link in stale for i in (link.claim_a_id, link.claim_b_id)})
        texts = {}
        for chunk in chunked(ids, 500):
            texts.update(Claim.select(Claim.id, Claim.text).where(Claim.id.in_(chunk)).tuples())
        contexts = claim_contexts(ids)
        withdrawn = set()
        for link in stale:
            verdict = score_contradiction(texts[link.claim_a_id], texts[link.claim_b_id],
                                          context_a=contexts.get(link.claim_a_id, ""),
                                          context_b=contexts.get(link.claim_b_id, ""))
            if verdict.score < CONTRADICTION_THRESHOLD:
                link.delete_instance()
                withdrawn.update((link.claim_a_id, link.claim_b_id))
                report.removed += 1
            elif (round(verdict.score, 3), list(verdict.cues), verdict.explanation) != \
                    (link.score, link.cues, link.explanation):
                link.score, link.cues = round(verdict.score, 3), list(verdict.cues)
                link.explanation = verdict.explanation
                link.save()
                report.updated += 1
        mark_contradicted(withdrawn)
    last_id = 0
    while True:
        with database.atomic():
            batch = list(Claim.select(Claim.id, Claim.text).where(Claim.id > last_id)
                         .order_by(Claim.id).limit(RECHECK_BATCH))
            if not batch:
                return report
            found = link_claims(batch, actor)
        report.claims += len(batch)
        report.scored += found.scored
        report.created += len(found.links)
        last_id = batch[-1].id
