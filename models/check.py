"""Checking a draft: the same analysis as ingest, matched against the base, storing nothing."""

from analysis import claim_key, extract_claims
from models.matching import same_claim, similar_claims
from models.queries import claim_briefs
from models.speaker import find_speaker


def check_draft(text: str) -> list[dict]:
    """Each claim of a draft with the known claims that match it (exact first, then close)."""
    results, speakers = [], {}
    for extracted in extract_claims(text):
        ref = extracted.speaker
        if ref is not None and ref not in speakers:
            speakers[ref] = find_speaker(ref)
        known = speakers.get(ref)
        exact = same_claim(claim_key(extracted.text), known.id if known else None)
        scored = [(exact, 1.0)] if exact else []
        scored += [(c, s) for c, s in similar_claims(extracted.text)
                   if exact is None or c.id != exact.id]
        briefs = claim_briefs(c.id for c, _ in scored)
        results.append({
            "text": extracted.text, "quote": extracted.quote, "start": extracted.start,
            "end": extracted.end, "kind": extracted.kind,
            "speaker_mention": extracted.speaker_mention,
            "speaker": None if ref is None else {
                "id": known.id if known else None, "name": known.name if known else ref.name,
                "kind": ref.kind, "role": ref.role},
            "matches": [{"claim": briefs[c.id], "score": round(s, 3),
                         "relation": "same_claim" if c is exact else "similar"}
                        for c, s in scored],
            "contradictions": [],
        })
    return results
