"""Checking a draft: the same analysis as ingest, matched against the base, storing nothing."""

from analysis import claim_key, extract_claims
from analysis.contradiction import claim_context
from analysis.contradiction.explanation import explain
from analysis.contradiction.frames import Side
from models.matching import (
    CONTEXT_REACH,
    can_clash,
    candidate_lists,
    claim_contexts,
    claim_sides,
    compare,
    same_claim,
)
from models.queries.claims import claim_briefs
from models.speaker import find_speaker


def check_draft(text: str) -> list[dict]:
    """Each claim of a draft with the known claims that match it (exact first, then close)
    and the known claims that contradict it."""
    found, speakers = [], {}
    claims = list(extract_claims(text))
    others_of = candidate_lists([extracted.text for extracted in claims])
    clashing = [can_clash(extracted.text, others)
                for extracted, others in zip(claims, others_of, strict=True)]
    contexts = claim_contexts(i for ids in clashing for i in ids)
    for extracted, others, can in zip(claims, others_of, clashing, strict=True):
        ref = extracted.speaker
        if ref is not None and ref not in speakers:
            speakers[ref] = find_speaker(ref)
        known = speakers.get(ref)
        exact = same_claim(claim_key(extracted.text), known.id if known else None)
        context = claim_context(text, extracted.start, extracted.end, reach=CONTEXT_REACH)
        contradicting, similar = compare(extracted.text, others, context=context,
                                         contexts=contexts, clashing=can)
        scored = [(exact, 1.0)] if exact else []
        scored += [(c, s) for c, s in similar if exact is None or c.id != exact.id]
        found.append((extracted, known, exact, scored, contradicting))
    briefs = claim_briefs({c.id for *_, scored, contradicting in found
                           for c, *_ in scored + contradicting})
    sides = claim_sides(c.id for *_, contradicting in found for c, *_ in contradicting)

    def explained(extracted, known, other) -> str:
        """The draft's claim and the known one, quoted with who says them."""
        said_by = known or extracted.speaker
        name, kind = (said_by.name, said_by.kind) if said_by else (None, None)
        draft = Side(extracted.frame, extracted.text, extracted.start, extracted.end,
                     known.id if known else name, name or extracted.speaker_mention, kind)
        return explain(draft, sides[other.id], one_source=False)

    return [{
        "text": extracted.text, "quote": extracted.quote, "start": extracted.start,
        "end": extracted.end, "kind": extracted.kind,
        "speaker_mention": extracted.speaker_mention,
        "speaker": None if extracted.speaker is None else {
            "id": known.id if known else None,
            "name": known.name if known else extracted.speaker.name,
            "kind": extracted.speaker.kind, "role": extracted.speaker.role},
        "matches": [{"claim": briefs[c.id], "score": round(s, 3),
                     "relation": "same_claim" if c is exact else "similar"}
                    for c, s in scored],
        "contradictions": [{"claim": briefs[c.id], "score": round(s, 3),
                            "cues": list(verdict.cues),
                            "explanation": explained(extracted, known, c)}
                           for c, s, verdict in contradicting],
    } for extracted, known, exact, scored, contradicting in found]
