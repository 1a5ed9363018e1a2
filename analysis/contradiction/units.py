"""A claim's parts: its tokens grouped into units (words and phrases with their matching
keys and antonym classes, negators, hedges, punctuation), and the read claim that holds
them with its quantities."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from analysis.contradiction.quantities import _Quantity
from analysis.contradiction.tables import (
    _CLASSES,
    _CLAUSE_BREAKS,
    _CONNECTORS,
    _CUES,
    _FAMILY_KEYS,
    _LONGEST,
    _NO_CLASSES,
    _PHRASE_STARTS,
    _PHRASES,
    _WEAK,
    _lexical,
)
from analysis.contradiction.tokens import _SENTENCE_END, _Token
from analysis.lexicon import FUNCTION_WORDS


@dataclass(slots=True)
class _Unit:
    kind: str  # word, func, neg, hedge, punct, break, number
    first: int  # token span
    last: int
    low: str
    cue: str = ""  # for neg: negation, modality, denial; scope "next" or "rest"
    scope: str = "next"
    key: str = ""
    term: str = ""
    classes: frozenset[tuple[int, int]] = _NO_CLASSES
    entity: bool = False
    speaker: bool = False
    clause: int = 0
    # (cue, token of the negator); a tuple, which the collector stops tracking (a cache of
    # read claims holds many)
    flips: tuple[tuple[str, int], ...] = ()
    carried: bool = False  # negated through a light verb: "failed to reach [a] settlement"
    light: bool = False  # hands its predicate to a word after it: "reach [a deal]", "ready to"
    named: bool = False  # named, not asserted: "the so-called deal"
    weak: bool = False  # implied by its family's head: "progress" by "breakthrough"
    reported: bool = False  # someone else's words: "critics say P", "'no, no, no'"
    open: bool = False  # left open, not asserted: "did not rule out [changes]"
    _keys: frozenset[str] | None = field(default=None, repr=False, compare=False)  # rekey

    @property
    def predicate(self) -> bool:
        return not (self.light or self.named)

    @property
    def keys(self) -> frozenset[str]:
        """Its key and its antonym classes: what it is matched by, asked for in every pair."""
        if self._keys is None:
            self._keys = frozenset({self.key, *(f"~{number}" for number, _ in self.classes)})
        return self._keys

    def rekey(self, key: str, term: str, classes: frozenset[tuple[int, int]]) -> None:
        """Match the word by another key and classes: the only way to change them, as keys
        is worked out once."""
        self.key, self.term, self.classes, self._keys = key, term, classes, None

    @property
    def negated(self) -> bool:
        return len(self.flips) % 2 == 1

    def polarity(self, key: str) -> int:
        sign = -1 if self.negated else 1
        if key.startswith("~"):
            sign *= next(side for number, side in self.classes if f"~{number}" == key)
        return sign


ACRONYM = 8  # the longest acronym read as one


@dataclass
class _Claim:
    text: str
    tokens: list[_Token]
    units: list[_Unit]
    quantities: list[_Quantity]
    hedges: list[str]
    content: list[_Unit] = field(default_factory=list)  # the words a topic is made of

    def __post_init__(self) -> None:
        self.content = [u for u in self.units if u.kind == "word" and not u.speaker]

    @property
    def dates(self) -> list[_Quantity]:
        return [q for q in self.quantities if q.date is not None]

    @cached_property
    def acronyms(self) -> set[str]:
        """The words written as acronyms ("NAFTA", "N-A-T-O")."""
        return {u.low for u in self.units if u.kind == "word" and
                (self.tokens[u.first].spelled or self.tokens[u.first].text.isupper())
                and 1 < len(u.low) <= ACRONYM}

    @cached_property
    def predicates(self) -> dict[str, list[_Unit]]:
        """The predicates of the claim by key; its own words on a key outvote those it
        reports. Read once for every pair the claim is scored in."""
        by_key: dict[str, list[_Unit]] = {}
        for unit in self.content:
            if unit.predicate:
                for key in unit.keys:
                    by_key.setdefault(key, []).append(unit)
        return {key: [u for u in units if not u.reported] or units
                for key, units in by_key.items()}

    @cached_property
    def stances(self) -> dict[str, int]:
        """The polarity of each predicate key the claim takes one way only: the keys a clash
        of polarity can be on."""
        signs = {key: {u.polarity(key) for u in units} for key, units in self.predicates.items()}
        return {key: sign for key, (sign, *others) in signs.items() if not others}

    @cached_property
    def keys(self) -> frozenset[str]:
        """The keys of all its content words."""
        return frozenset().union(*(u.keys for u in self.content))

    @cached_property
    def entities(self) -> frozenset[str]:
        """The keys of the someones and somethings it names."""
        return frozenset(u.key for u in self.content if u.entity)

    def rekeyed(self) -> None:
        """Forget what was read of the keys, after a copy of the claim took new ones."""
        for read in ("predicates", "stances", "keys", "entities"):
            self.__dict__.pop(read, None)


_BEFORE_SENTENCE = _SENTENCE_END | {'"'}  # what a word opening a sentence follows


def _units(tokens: list[_Token], used: set[int]) -> list[_Unit]:
    units: list[_Unit] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if i in used:
            units.append(_Unit("number", i, i + 1, token.low))
            i += 1
            continue
        if token.kind == "punct":
            kind = "break" if token.text in (";", ":") else "punct"
            units.append(_Unit(kind, i, i + 1, token.text))
            i += 1
            continue
        if token.kind != "word":
            units.append(_Unit("func", i, i + 1, token.low))
            i += 1
            continue
        match = None
        # The longest phrase that can start here: one of words only, none of them a quantity's.
        longest = 0
        if token.low in _PHRASE_STARTS:
            longest = 1
            while longest < min(_LONGEST, len(tokens) - i) and i + longest not in used \
                    and tokens[i + longest].kind == "word":
                longest += 1
        for size in range(longest, 0, -1):
            key = tuple(tokens[j].low for j in range(i, i + size))
            if key in _PHRASES:
                kind, value = _PHRASES[key]
                if kind == "country" and size == 1 and key[0] in FUNCTION_WORDS \
                        and not (token.spelled or token.text.isupper()):
                    continue
                match = (kind, value, size)
                break
        if match:
            kind, value, size = match
            units.append(_unit(kind, value, i, i + size, tokens))
            i += size
            continue
        units.append(_unit("single", token.low, i, i + 1, tokens))
        i += 1
    return units


def _unit(kind: str, value: str, first: int, last: int, tokens: list[_Token]) -> _Unit:
    low = tokens[first].low if last == first + 1 else " ".join(t.low for t in tokens[first:last])
    if kind == "single" and (tokens[first].spelled or tokens[first].text.isupper()) \
            and len(low) > 1:
        kind = "word"  # "W-H-O", "IT": an acronym, never a function word
    if kind == "single":
        if low.endswith("n't") or low in _CUES.get("negation", ()):
            return _Unit("neg", first, last, low, "negation")
        if low in _CUES.get("hedge", ()):
            return _Unit("hedge", first, last, low)
        if low in _CLAUSE_BREAKS:
            return _Unit("break", first, last, low)
        if (low in FUNCTION_WORDS and low not in _CLASSES) or len(low) < 2:
            return _Unit("func", first, last, low)
        kind = "word"
    if kind in ("negation", "implicative"):
        return _Unit("neg", first, last, low, "negation")
    if kind == "modal":
        scope = "rest" if low.endswith("that") else "next"
        return _Unit("neg", first, last, low, "modality", scope)
    if kind == "refutation":
        return _Unit("neg", first, last, low, "denial", "rest")
    if kind == "neutral":
        return _Unit("func", first, last, low)
    if kind == "hedge":
        return _Unit("hedge", first, last, low)
    if kind == "scare_quote":
        return _Unit("scare", first, last, low)
    if kind == "country":
        term = value.casefold()
        return _Unit("word", first, last, low, key=term, term=term, entity=True)
    key, term = _lexical(low)
    token = tokens[first]
    mid_sentence = first > 0 and tokens[first - 1].text not in _BEFORE_SENTENCE
    acronym = token.spelled or (token.text.isupper() and len(token.text) > 1)
    return _Unit("word", first, last, low, key=key, term=term,
                 classes=_CLASSES.get(low, _NO_CLASSES),
                 entity=acronym or (token.cap and mid_sentence), weak=low in _WEAK)


def _eventive(unit: _Unit) -> bool:
    """An event noun or a word with an opposite: what a light verb can hand a negation to."""
    return unit.key in _FAMILY_KEYS or bool(unit.classes)


_LY_NOUNS = frozenset("family assembly supply rally monopoly anomaly reply ally homily".split())


def _adverb(unit: _Unit) -> bool:
    """"really", "firmly": a manner word, no argument of a predicate."""
    return unit.low.endswith("ly") and len(unit.low) > 4 and not unit.classes \
        and not unit.entity and unit.low not in _LY_NOUNS


def _runs(claim: _Claim) -> list[list[_Unit]]:
    """Runs of capitalised words, connectors inside allowed: "Bank of England"."""
    runs, run = [], []
    for unit in claim.units:
        token = claim.tokens[unit.first]
        if unit.kind == "word" and token.cap and not token.text.isupper():
            run.append(unit)
        elif run and unit.low in _CONNECTORS:
            continue
        else:
            if len(run) > 1:
                runs.append(run)
            run = []
    if len(run) > 1:
        runs.append(run)
    return runs
