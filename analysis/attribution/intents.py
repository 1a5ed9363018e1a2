"""Verbs whose to-infinitive reports what someone said, meant or is held to intend ("vowed to
scrap the tax", "urged Congress to act", "refused to testify", "is expected to pass"), as
against an act or a wish the outlet reports itself ("tried to reach", "would like to build").
The table is learnt from PolNeAR train (`make train`): a verb is in it when the annotators
took its infinitive frames for attributions in more than half of its uses, over enough uses to
tell. So it holds what that annotation holds: verbs of expectation and appearance ("expected
to", "seems to") are in; "agreed to" (half its uses) and "told X to" (43%) are not."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Token

from analysis.attribution.contents import content_of
from analysis.lexicon import DATA, table_lines

TABLE = DATA / "intent_verbs.txt"
MIN_USES = 10
MIN_SHARE = 0.5


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    return frozenset(table_lines(TABLE.name))


def reports_intent(cue: Token) -> bool:
    """Whether a verb with a to-infinitive ("vowed to") reports words or a stance."""
    return cue.lemma_.casefold() in _verbs()


def infinitive_lemma(cue: Token) -> str | None:
    """The lemma of a verb that takes a bare to-infinitive here, else None."""
    if cue.pos_ not in ("VERB", "AUX"):
        return None
    content = content_of(cue)
    return cue.lemma_.casefold() if content is not None and content.infinitive else None


def learn(seen: Iterable[tuple[str, bool]]) -> list[str]:
    """Table lines from (lemma, annotated as a cue) for every infinitive use of a verb."""
    total: Counter[str] = Counter()
    cues: Counter[str] = Counter()
    for lemma, is_cue in seen:
        total[lemma] += 1
        cues[lemma] += is_cue
    return sorted(v for v, n in total.items() if n >= MIN_USES and cues[v] > MIN_SHARE * n)
