"""Claim matching against the base: exact (same words, same speaker) and near paraphrases,
with candidates always drawn from the search index (a bounded top-k, never every claim)."""

from analysis import claim_key, similarity
from analysis.lexicon import FUNCTION_WORDS
from models import search
from models.claim import Appearance, Claim

SAME_CLAIM_THRESHOLD = 0.6
CANDIDATES = 20
MAX_SEARCH_WORDS = 24


def search_words(text: str) -> str:
    """The distinctive words of a claim, as an any-term search query ('' when none)."""
    words = [w for w in dict.fromkeys(claim_key(text).split())
             if w not in FUNCTION_WORDS and len(w) > 2 and not w.isdigit()]
    return " ".join(words[:MAX_SEARCH_WORDS])


def same_claim(key: str, speaker_id: int | None) -> Claim | None:
    """The stored claim with these words from this speaker (or the same narration)."""
    said_by = (Appearance.speaker.is_null() if speaker_id is None
               else Appearance.speaker == speaker_id)
    return (Claim.select().join(Appearance)
            .where((Claim.key == key) & said_by)
            .order_by(Claim.id).first())


def similar_claims(text: str, *, exclude: int | None = None,
                   threshold: float = SAME_CLAIM_THRESHOLD) -> list[tuple[Claim, float]]:
    """Stored claims whose wording is close to text, best first, from the top search hits."""
    query = search_words(text)
    if not query:
        return []
    ids = [i for i in search.ranked_ids(query, CANDIDATES, any_term=True) if i != exclude]
    scored = [(claim, similarity(text, claim.text))
              for claim in Claim.select().where(Claim.id.in_(ids))]
    return sorted(((c, s) for c, s in scored if s >= threshold), key=lambda cs: (-cs[1], cs[0].id))
