"""Detection: linking claims to the base as suggested contradictions and same-claim pairs,
on arrival and again over the whole base after a lexicon or threshold change."""

from dataclasses import dataclass, field

from peewee import chunked

from analysis import score_contradiction
from analysis.contradiction import pairs
from analysis.contradiction.explanation import explain
from models.claim import Claim, sign_stale
from models.db import database, insert_rows
from models.link import ClaimLink, contradiction_kinds, mark_contradicted, record_flagged
from models.matching import (
    CONTRADICTION_THRESHOLD,
    article_pairs,
    can_clash,
    candidate_lists,
    claim_contexts,
    claim_sides,
    claim_sources,
    compare,
)

RECHECK_BATCH = 200
LINKED_AT_ONCE = 25  # claims whose candidates, contexts and links are read together


@dataclass
class Detection:
    links: list[ClaimLink] = field(default_factory=list)
    scored: int = 0  # candidate pairs scored: bounded per claim, whatever the base's size


def _known_pairs(others_of: list[tuple[int, list[int]]]) -> dict[tuple[int, int, str], str]:
    """The state of every link between each claim and its others, by (lower id, higher id,
    relation), in one query: the links of the claims, kept when they join a pair (asked for
    by both ids, the engine looked up every claim with every other, 13,000 lookups for an
    article of 26 claims)."""
    claim_ids = list(dict.fromkeys(claim_id for claim_id, _ in others_of))
    pairs = {(min(claim_id, i), max(claim_id, i)) for claim_id, others in others_of
             for i in others}
    query = (ClaimLink.select(ClaimLink.claim_a, ClaimLink.claim_b, ClaimLink.relation,
                              ClaimLink.state)
             .where(ClaimLink.claim_a.in_(claim_ids) | ClaimLink.claim_b.in_(claim_ids))
             .tuples())
    return {(a, b, relation): state for a, b, relation, state in query if (a, b) in pairs}


@dataclass
class _Suggestion:
    low: int
    high: int
    relation: str
    score: float
    cues: list[str]
    explanation: str
    kind: str | None = None
    speaker: int | None = None  # of a self contradiction
    from_context: bool = False


def _store(suggestions: list[_Suggestion], actor: str) -> list[ClaimLink]:
    """Store suggested links; a pair a concurrent ingest linked a moment ago is left as that
    one stored it."""
    rows = [{"claim_a": s.low, "claim_b": s.high, "relation": s.relation, "origin": "detected",
             "score": round(s.score, 3), "cues": s.cues, "explanation": s.explanation,
             "state": "suggested", "created_by": actor, "kind": s.kind, "speaker": s.speaker}
            for s in suggestions]
    return insert_rows(ClaimLink, rows, returning=True, ignore_conflicts=True)


def _with_kinds(suggestions: list[_Suggestion]) -> None:
    """Give each contradiction its kind (and a self contradiction its speaker)."""
    contradictions = [s for s in suggestions if s.relation == "contradicts"]
    kinds = contradiction_kinds((s.low, s.high) for s in contradictions)
    for suggestion in contradictions:
        suggestion.kind, suggestion.speaker = kinds[suggestion.low, suggestion.high]


def link_claims(claims, actor: str, source: int | None = None) -> Detection:
    """Score each claim against its search candidates and store the links found (inside the
    caller's transaction). A pair linked before, in any state, is never suggested again: a
    rejected contradiction stays rejected. An article's claims are read and linked together:
    their candidates, contexts, known links and kinds in a few queries, not a few per claim.
    source: the article just ingested, whose claims are compared with each other (else every
    source the claims stand in)."""
    found = Detection()
    claims = list(claims)
    neighbours = article_pairs((c.id for c in claims), source)
    for group in chunked(claims, LINKED_AT_ONCE):
        ids = {c.id for c in group}
        _link_group(group, actor, found, {pair: near for pair, near in neighbours.items()
                                          if ids.intersection(pair)})
    mark_contradicted(i for link in found.links if link.relation == "contradicts"
                      for i in (link.claim_a_id, link.claim_b_id))
    return found


def _link_group(claims: list[Claim], actor: str, found: Detection, neighbours: dict) -> None:
    """Link a few claims together, adding what was scored and stored to found. Claims near
    each other in one source (neighbours, as article_pairs gives them) are weighed by the
    pair model on their frames, and the candidates the search index gives by the scorer of
    claim words: either may flag."""
    others_of = candidate_lists([c.text for c in claims], exclude=[c.id for c in claims])
    found.scored += sum(len(others) for others in others_of) + sum(
        near is not None for near in neighbours.values())
    scoring = [(claim, others, can_clash(claim.text, others, claim.signature))
               for claim, others in zip(claims, others_of, strict=True) if others]
    # Only the candidates that can clash are scored as contradictions: only theirs are read.
    scored_ids = [i for claim, _, clashing in scoring if clashing
                  for i in (claim.id, *clashing)]
    contexts = claim_contexts(scored_ids)
    sources = claim_sources(scored_ids)
    known = _known_pairs([(claim.id, [o.id for o in others]) for claim, others, _ in scoring]
                         + [(low, [high]) for low, high in neighbours])
    suggestions: list[_Suggestion] = []

    def suggest(claim_id: int, other_id: int, relation: str, score: float, cues,
                explanation: str = "", from_context: bool = False) -> None:
        low, high = sorted((claim_id, other_id))
        # A pair flagged as contradicting (and not rejected) is not suggested as one claim.
        flagged = known.get((low, high, "contradicts")) not in (None, "rejected")
        if (low, high, relation) not in known and not (relation == "same_claim" and flagged):
            known[low, high, relation] = "suggested"
            suggestions.append(_Suggestion(low, high, relation, score, list(cues),
                                           explanation, from_context=from_context))

    threshold = pairs.threshold()
    for (low, high), near in neighbours.items():
        chance = pairs.probability(*near) if near is not None else 0.0
        if chance >= threshold:
            suggest(low, high, "contradicts", chance, pairs.cues(*near))
    for claim, others, clashing in scoring:
        mine = sources.get(claim.id, set())
        contradicting, similar = compare(
            claim.text, others, context=contexts.get(claim.id, ""), contexts=contexts,
            together={o.id for o in others if mine & sources.get(o.id, set())},
            clashing=clashing)
        for other, score, verdict in contradicting:
            suggest(claim.id, other.id, "contradicts", score, verdict.cues,
                    from_context=verdict.from_context)
        for other, score in similar:
            suggest(claim.id, other.id, "same_claim", score, ["paraphrase"],
                    f"The two claims share {score:.0%} of their content words.")
    contradictions = [s for s in suggestions if s.relation == "contradicts"]
    explained = _explanations([(s.low, s.high) for s in contradictions], neighbours,
                              {(s.low, s.high) for s in contradictions if s.from_context})
    for suggestion in contradictions:
        suggestion.explanation = explained[suggestion.low, suggestion.high]
    _with_kinds(suggestions)
    links = _store(suggestions, actor)
    record_flagged([link for link in links if link.relation == "contradicts"])
    found.links += links


def _explanations(linked: list[tuple[int, int]], neighbours, by_context=frozenset()
                  ) -> dict[tuple[int, int], str]:
    """Both claims of each (lower id, higher id) pair quoted with who says them: as they stand
    in their source when they share one, else as each first appeared; by_context: the pairs
    whose one topic only the articles around them show, which the explanation says."""
    sides = claim_sides({i for pair in linked if neighbours.get(pair) is None for i in pair})
    found = {pair: explain(*(neighbours.get(pair) or (sides[pair[0]], sides[pair[1]])),
                           one_source=pair in neighbours)
             for pair in linked}
    # A speaker's two claims said on two days name both.
    selves = [pair for pair in linked if pair not in neighbours
              and sides[pair[0]].speaker is not None
              and sides[pair[0]].speaker == sides[pair[1]].speaker]
    seen: dict[int, object] = {}
    for ids in chunked(list({i for pair in selves for i in pair}), 500):
        seen.update(Claim.select(Claim.id, Claim.first_seen).where(Claim.id.in_(ids)).tuples())
    for pair in selves:
        dates = seen[pair[0]], seen[pair[1]]
        if None not in dates and dates[0] != dates[1]:
            found[pair] += f" (first said {dates[0]:%Y-%m-%d} and {dates[1]:%Y-%m-%d})"
    for pair in by_context:
        found[pair] += " (one topic by the surrounding text)"
    return found


def _rescore(link: ClaimLink, neighbours, texts, contexts, sources) -> tuple | None:
    """(score, cues, whether the topic came from the context) of a detected contradiction
    weighed again as detection weighs it (first by the pair model when its claims stand near
    each other in one source, then by the scorer of claim words), or None when it no longer
    holds."""
    near = neighbours.get((link.claim_a_id, link.claim_b_id))
    if near is not None and pairs.probability(*near) >= pairs.threshold():
        return round(pairs.probability(*near), 3), pairs.cues(*near), False
    verdict = score_contradiction(texts[link.claim_a_id], texts[link.claim_b_id],
                                  context_a=contexts.get(link.claim_a_id, ""),
                                  context_b=contexts.get(link.claim_b_id, ""),
                                  apart=not (sources.get(link.claim_a_id, set())
                                             & sources.get(link.claim_b_id, set())))
    if verdict.score < CONTRADICTION_THRESHOLD:
        return None
    return round(verdict.score, 3), list(verdict.cues), verdict.from_context


@dataclass
class Recheck:
    claims: int = 0
    scored: int = 0
    created: int = 0
    updated: int = 0
    removed: int = 0
    signed: int = 0  # claims given a signature of this reading


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
        neighbours = article_pairs(ids)
        withdrawn = set()
        sources = claim_sources(ids)
        verdicts = {link.id: _rescore(link, neighbours, texts, contexts, sources)
                    for link in stale}
        kept = [link for link in stale if verdicts[link.id] is not None]
        explained = _explanations([(link.claim_a_id, link.claim_b_id) for link in kept],
                                  neighbours, {(link.claim_a_id, link.claim_b_id)
                                               for link in kept if verdicts[link.id][2]})
        for link in stale:
            if verdicts[link.id] is None:
                link.delete_instance()
                withdrawn.update((link.claim_a_id, link.claim_b_id))
                report.removed += 1
                continue
            verdict = (*verdicts[link.id][:2], explained[link.claim_a_id, link.claim_b_id])
            if verdict != (link.score, link.cues, link.explanation):
                link.score, link.cues, link.explanation = verdict
                link.save()
                report.updated += 1
        mark_contradicted(withdrawn)
    report.signed = sign_stale()
    last_id = 0
    while True:
        with database.atomic():
            batch = list(Claim.select(Claim.id, Claim.text, Claim.signature)
                         .where(Claim.id > last_id).order_by(Claim.id).limit(RECHECK_BATCH))
            if not batch:
                return report
            found = link_claims(batch, actor)
        report.claims += len(batch)
        report.scored += found.scored
        report.created += len(found.links)
        last_id = batch[-1].id
