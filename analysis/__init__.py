"""Pure text analysis: article text in, claims and speakers out. No database, no Flask, no I/O."""

from analysis.extraction import ExtractedClaim, SpeakerRef, extract_claims
from analysis.matching import claim_key, similarity

__all__ = ["ExtractedClaim", "SpeakerRef", "extract_claims", "claim_key", "similarity"]
