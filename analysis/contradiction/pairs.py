"""Two claims of one article, compared on their frames: a linear model trained on the
contradictions annotated among PolNeAR train articles (`make train`,
analysis/contradiction/train.py) weighs who says each (two speakers, one twice, or the
narration), how far apart they stand, what the two share, and what sets them against each
other (a negation on one side only, opposite words, other numbers, a denial, a "but").

The commonest contradiction in news is two parties disagreeing in one story. The scorer of
analysis/contradiction/verdict.py weighs, beside it, the candidates the search index gives
from anywhere in the base; either may flag a pair.
"""

from __future__ import annotations

import math
from pathlib import Path

from analysis.attribution.linear import LinearModel
from analysis.contradiction.frames import Frame, Side
from analysis.contradiction.tables import _CLASSES

MODEL = LinearModel(Path(__file__).parent / "pair_model.json")
NEARBY = 6_000  # characters: claims further apart in one article are not compared


def _opposed(a: Frame, b: Frame) -> bool:
    """A lemma of one claim and a lemma of the other are the two sides of an antonym pair."""
    sides = {(n, side) for lemma in a.lemmas for n, side in _CLASSES.get(lemma, ())}
    return any((n, -side) in sides for lemma in b.lemmas for n, side in _CLASSES.get(lemma, ()))


def comparable(first: Side, second: Side) -> bool:
    """Two claims the model compares: near each other, and not the same words read twice
    (a frame inside a sentence that is also narration)."""
    apart = first.end <= second.at or second.end <= first.at
    return apart and second.at - first.at <= NEARBY and first.text != second.text


_OVERLAPS = (0.1, 0.2, 0.35, 0.5, 0.7, 0.9)


def features(first: Side, second: Side) -> dict[str, float]:
    """What the model sees of two claims of one article, first the earlier."""
    a, b = first.frame, second.frame
    shared, either = a.lemmas & b.lemmas, a.lemmas | b.lemmas
    if first.speaker is None or second.speaker is None:
        speakers = "narration" if first.speaker is None and second.speaker is None else "one"
    else:
        speakers = "same" if first.speaker == second.speaker else "different"
    negated_shared = (a.negated & b.lemmas) - b.negated or (b.negated & a.lemmas) - a.negated
    found = {
        f"speakers={speakers}": 1.0,
        "apart": math.log1p(max(0, second.at - first.at) / 1_000),
        "overlap": len(shared) / len(either) if either else 0.0,
        "shared": math.log1p(len(shared)),
        "negation_one_side": float(bool(a.negated) != bool(b.negated)),
        "negated_shared": float(bool(negated_shared)),
        "opposed": float(_opposed(a, b)),
        "numbers_differ": float(bool(a.numbers and b.numbers and shared
                                     and not a.numbers & b.numbers)),
        "entities_shared": float(bool(a.entities & b.entities)),
        "answer_contrast": float(b.contrast),
        "rebuts": float(a.rebuts or b.rebuts),
        "falsity": float(a.falsity or b.falsity),
    }
    found[f"contrast|speakers={speakers}"] = found["answer_contrast"]
    # Two claims with nearly all their words in common say one thing twice.
    bucket = next((i for i, edge in enumerate(_OVERLAPS) if found["overlap"] <= edge),
                  len(_OVERLAPS))
    found[f"overlap_bucket={bucket}"] = 1.0
    # What sets two claims against each other counts as far as they share a subject.
    for signal in ("negation_one_side", "negated_shared", "opposed", "numbers_differ",
                   "answer_contrast", "rebuts", "falsity", f"speakers={speakers}"):
        found[f"overlap*{signal}"] = found["overlap"] * found[signal]
    return found


# What sets two claims against each other; without one, two claims of one story that share
# their words say one thing twice ("will open in March" / "will open in March, as planned"),
# however the model, trained on stories of disagreement, weighs their speakers.
_CLASHES = ("negation_one_side", "negated_shared", "opposed", "numbers_differ",
            "answer_contrast", "rebuts", "falsity")


def probability(first: Side, second: Side) -> float:
    found = features(first, second)
    return MODEL.probability(found) if any(found[signal] for signal in _CLASHES) else 0.0


def threshold() -> float:
    """The probability from which a pair is flagged, written by `make train` beside the
    weights (the point where cross-validation on the train articles raises FLAGS_PER_ARTICLE
    flags an article)."""
    return MODEL.extra("threshold")


def cues(first: Side, second: Side) -> list[str]:
    """The signals of a flagged pair, in the cue words of the API."""
    a, b = first.frame, second.frame
    found = []
    if bool(a.negated) != bool(b.negated):
        found.append("negation")
    if _opposed(a, b):
        found.append("antonym")
    if a.numbers and b.numbers and not a.numbers & b.numbers:
        found.append("numeric")
    if a.rebuts or b.rebuts or a.falsity or b.falsity:
        found.append("denial")
    return found or ["disagreement"]
