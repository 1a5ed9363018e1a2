"""Claim matching against the base: exact (same words, same speaker), near paraphrases and
contradictions, always scored on candidates drawn from the search index (a bounded top-k),
never on every stored claim."""



from analysis import claim_key, score_contradiction, similarity
from analysis.lexicon import FUNCTION_WORDS
from models import search
from models.claim import Appearance, Claim

SAME_CLAIM_THRESHOLD = 0.6
CONTRADICTION_THRESHOLD = 0.5
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


def candidates(text: str, *, exclude: int | None = None) -> list[Claim]:
    """The stored claims most about the same thing as text: the top hits of the search index."""
    query = search_words(text)
    if not query:
        return []
    limit = CANDIDATES + (exclude is not None)  # the claim itself is usually the best hit
    ids = [i for i in search.ranked_ids(query, limit, any_term=True) if i != exclude]
    ids = ids[:CANDIDATES]
    return list(Claim.select(Claim.id, Claim.text).where(Claim.id.in_(ids)).order_by(Claim.id))


def compare(text: str, others: list[Claim]) -> tuple[list, list]:
    """Split candidates into (contradicting, similar), each [(claim, score, verdict)] best
    first; a contradiction is never also offered as the same claim."""
    contradicting, similar = [], []
    for other in others:
        verdict = score_contradiction(text, other.text)
        if verdict.score >= CONTRADICTION_THRESHOLD:
            contradicting.append((other, verdict.score, verdict))
        else:
            closeness = similarity(text, other.text)
            if closeness >= SAME_CLAIM_THRESHOLD:
                similar.append((other, closeness, verdict))
    return _best_first(contradicting), _best_first(similar)


def _best_first(found: list) -> list:
    return sorted(found, key=lambda f: (-f[1], f[0].id))
