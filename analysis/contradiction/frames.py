"""A claim read once, where the article's parse already is, into what the pair model compares:
its content lemmas, the lemmas a negation governs, its numbers and named entities, and what
the words around it in its sentence signal ("But X said", "X denied", "in fact"). Stored
with each appearance as a small JSON object, so two claims are compared without parsing
either again.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from functools import lru_cache

from spacy.tokens import Token

from analysis.contradiction.tables import _CUES
from analysis.lexicon import table_lines
from analysis.nlp import pipeline

_CONTENT = frozenset(("NOUN", "PROPN", "VERB", "ADJ", "NUM"))
_ENTITIES = frozenset(("PERSON", "ORG", "GPE", "NORP"))
_NEGATIONS = frozenset(w for w in _CUES["negation"] if " " not in w)
_DENIALS = frozenset(w for w in _CUES["denial_verb"] if " " not in w)
_SIGNALS = {kind: frozenset(words.split(", ")) for kind, words in
            (line.split(" | ") for line in table_lines("contradiction_signals.txt"))}
# Lemmas that say a claim is reported or that carry no content of its own.
_EMPTY = frozenset(("say", "tell", "be", "have", "do", "get", "make", "go", "also"))


@dataclass(frozen=True)
class Frame:
    lemmas: frozenset[str] = frozenset()
    negated: frozenset[str] = frozenset()  # the lemmas a negation governs ("not working": work)
    numbers: frozenset[str] = frozenset()
    entities: frozenset[str] = frozenset()  # the last word of each named person, body or place
    contrast: bool = False  # its sentence opens on a contrast ("But", "In fact", "However")
    rebuts: bool = False  # its cue or sentence denies or disputes ("denied", "disputed")
    falsity: bool = False  # it calls something false ("a lie", "untrue", "wrong")

    def to_json(self) -> str:
        data = {k: sorted(v) if isinstance(v, frozenset) else v
                for k, v in asdict(self).items() if v}
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | None) -> Frame | None:
        if not text:
            return None
        data = json.loads(text)
        return cls(**{k: frozenset(v) if isinstance(v, list) else v for k, v in data.items()
                      if k in cls.__dataclass_fields__})


def _lemma(token: Token) -> str:
    return token.lemma_.casefold()


def read_frame(tokens: list[Token], before: list[Token], cue: str = "") -> Frame:
    """The frame of a claim's tokens; before: the words of its sentence before it (the frame
    that reports it); cue: the lemma of its reporting word, if any."""
    lemmas = {_lemma(t) for t in tokens
              if t.pos_ in _CONTENT and not t.is_stop and (t.is_alpha or t.like_num)} - _EMPTY
    negated = set()
    for token in tokens:
        if token.dep_ == "neg" or token.lower_ in _NEGATIONS:
            governed = token.head if token.dep_ in ("neg", "advmod", "det", "preconj") \
                else token
            negated.add(_lemma(governed))
    numbers = {t.text.replace(",", "") for t in tokens
               if t.like_num and t.ent_type_ not in ("DATE", "TIME", "ORDINAL")}
    entities = {t.lower_ for t in tokens if t.ent_type_ in _ENTITIES and t.ent_iob_ != "O"
                and (t.i + 1 == len(t.doc) or t.doc[t.i + 1].ent_iob_ != "I")}
    opening = [t.lower_ for t in before[:4]] + [t.lower_ for t in tokens[:2]]
    around = {_lemma(t) for t in before} | {cue}
    return Frame(
        lemmas=frozenset(lemmas), negated=frozenset(negated & lemmas | negated & {"no"}),
        numbers=frozenset(numbers), entities=frozenset(entities),
        contrast=bool(set(opening) & _SIGNALS["contrast"]),
        rebuts=bool(around & _DENIALS),
        falsity=bool({_lemma(t) for t in tokens} & _SIGNALS["falsity"]))


@lru_cache(maxsize=4096)
def frame_of_text(text: str) -> Frame:
    """The frame of a claim known only by its words (a claim added by hand, or stored before
    frames were), from a parse of those words alone."""
    doc = pipeline()(text[:5_000])
    return read_frame(list(doc), [])


@dataclass(frozen=True)
class Side:
    """One claim where it stands in an article: its frame, words and speaker."""

    frame: Frame
    text: str
    at: int  # where it starts in the article
    end: int
    speaker: object = None  # who says it (any key: a stored id, a name); None for narration
    speaker_name: str | None = None
    speaker_kind: str | None = None  # person, organization, country or group
