"""Pure text analysis: article text in, claims and speakers out; two claims in, whether they
contradict. No database, no Flask, no I/O."""

from analysis.claims import ExtractedClaim, SpeakerRef, extract_claims
from analysis.contradiction import Verdict
from analysis.contradiction import score as score_contradiction
from analysis.document import prepare
from analysis.matching import claim_key, similarity

__all__ = ["ExtractedClaim", "SpeakerRef", "Verdict", "claim_key", "extract_claims", "prepare",
           "score_contradiction", "similarity"]
