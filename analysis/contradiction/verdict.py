"""The verdict on two claims: score() reads both, finds their clashes and weighs the strongest
by its topic and by hedging into a Verdict."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from analysis.contradiction.clashes import (
    _date_clash,
    _dates_differ,
    _numeric_clashes,
    _polar_clashes,
)
from analysis.contradiction.reading import _read
from analysis.contradiction.topic import _align_acronyms, _context_topic, _topic
from analysis.contradiction.units import _Claim

# Claims of two sources clash only when they are about one thing: by their own words at least
# this much, or by contexts telling one story. Two articles' claims sharing a few words are
# most often two stories: of the 364 flags between two articles among the 199 PolNeAR train
# articles of the development pairs, this bar keeps 92, and 9 of the 10 annotated
# contradictions found stay found.
APART_TOPIC = 0.8


def _topic_factor(topic: float) -> float:
    return min(1.0, topic / 0.6) ** 2


@dataclass(frozen=True)
class Verdict:
    """How likely two claims contradict, by which cues, in words an editor can check."""

    score: float  # 0..1, how likely the two claims contradict
    cues: tuple[str, ...]  # negation, antonym, stance, numeric, denial, modality
    explanation: str  # one short sentence quoting the clashing words
    same_topic: float  # 0..1 topical overlap after normalisation
    from_context: bool = False  # the claims' contexts, not their words, showed one topic


def _common_words(a: _Claim, b: _Claim) -> int:
    """How many content words two claims have in common, a pair of antonyms counting as one."""
    words_a, words_b = {u.key for u in a.content}, {u.key for u in b.content}
    shared = words_a & words_b

    def classes(claim: _Claim) -> set[str]:
        return {k for u in claim.content if u.key not in shared for k in u.keys if k[:1] == "~"}

    return len(shared) + bool(classes(a) & classes(b))


def score(claim_a: str, claim_b: str, *, context_a: str = "", context_b: str = "",
          apart: bool = False) -> Verdict:
    """Score how likely two claims contradict each other; symmetric, never raises on a str.

    A context is the paragraph and headline around a claim. When the claims' own words do not
    show one topic, contexts telling one story may stand in for it, for strong cues only and
    with less weight than the claims' own words. apart: the claims stand in no one source, so
    a clash needs them about one thing (APART_TOPIC) or their contexts telling one story.
    """
    context_a = context_a if isinstance(context_a, str) else ""
    context_b = context_b if isinstance(context_b, str) else ""
    (first, context_first), (second, context_second) = sorted(
        ((claim_a, context_a), (claim_b, context_b)))
    a, b = _align_acronyms(_read(first), _read(second))
    topic = _topic(a, b)
    # Reading the contexts costs more than the rest of a score: only a clash asks for them.
    context = cache(lambda: _context_topic(a, b, context_first, context_second))
    # One word in common is no common subject ("I don't care." / "She doubted voters would
    # care."): only the contexts may show one for a clash of polarity.
    polar_topic = topic if _common_words(a, b) >= 2 else 0.0
    clashes = _polar_clashes(a, b, polar_topic, context) + _numeric_clashes(a, b, topic)
    if _dates_differ(a, b):
        date = None if clashes else _date_clash(a, b, topic)
        if date:
            clashes.append(date)
        else:
            topic *= 0.25
            for clash in clashes:
                clash.topic *= 0.25
    if apart:
        clashes = [c for c in clashes if c.topic >= APART_TOPIC or context() > 0]
    topic = round(min(1.0, topic), 4)
    if not clashes:
        explanation = ("The claims share a topic but no negation, antonym, number or denial "
                       "clashes." if topic >= 0.5 else "The claims are about different things.")
        return Verdict(0.0, (), explanation, topic)
    for clash in clashes:
        clash.topic = round(min(1.0, clash.topic), 4)
        clash.strength *= _topic_factor(clash.topic)
    clashes.sort(key=lambda c: (-c.strength, c.cue, c.explanation))
    best = clashes[0]
    topic = max(topic, best.topic)
    hedged = sorted(set(a.hedges) | set(b.hedges))
    hedge = 1.0 if not hedged else 0.6 if not (a.hedges and b.hedges) else 0.5
    value = round(max(0.0, min(1.0, best.strength * hedge)), 4)
    cues = list(dict.fromkeys(c.cue for c in clashes if c.strength >= 0.6 * best.strength))
    explanation = best.explanation
    if best.from_context and len(explanation) < 130:
        explanation += " (topic from the surrounding text)"
    if hedged:
        if "modality" not in cues:
            cues.append("modality")
        suffix = f", hedged by '{hedged[0]}'"
        if len(explanation) + len(suffix) < 160:
            explanation += suffix
    return Verdict(value, tuple(cues), explanation[:159], topic, best.from_context)
