"""The word tables the scorer reads by: loaded once, at import, from analysis/data
(antonyms and stances, event families and synonyms, cues, one-off events, number words),
the closed word classes beside them, and the key a word is matched by (_stem, _lexical)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from analysis.contradiction.tokens import _phrase
from analysis.lexicon import (
    COUNTRY_NAMES,
    DEMONYMS,
    METONYMS,
    REPORTING_VERBS,
    table_lines,
)


def _fields(line: str) -> list[str]:
    return [part.strip() for part in line.split("|")]


def _items(part: str) -> list[str]:
    return [item.strip().casefold() for item in part.split(",") if item.strip()]


def _regular(word: str) -> set[str]:
    """Regular inflections of a word; a few impossible forms are harmless."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def _forms(entry: str) -> tuple[str, set[str]]:
    """Lemma and forms of a data entry: "rise/rose/risen", "step down" (first word inflects)."""
    lemma, *irregular = entry.split("/")
    head, _, rest = lemma.partition(" ")
    forms = {(form + " " + rest).strip() for form in _regular(head)} | {lemma, *irregular}
    return lemma, forms


def _load_antonyms() -> tuple[dict[str, frozenset[tuple[int, int]]], dict[str, str],
                              frozenset[int]]:
    """Antonym classes of each form, its lemma, and the class numbers that are stances."""
    classes: dict[str, set[tuple[int, int]]] = {}
    lemmas: dict[str, str] = {}
    stances: set[int] = set()
    lines = [(line, False) for line in table_lines("antonyms.txt")]
    lines += [(line, True) for line in table_lines("contradiction_stance.txt")]
    for number, (line, stance) in enumerate(lines):
        if stance:
            stances.add(number)
        left, right = _fields(line)[:2]
        for side, part in ((1, left), (-1, right)):
            for entry in _items(part):
                lemma, forms = _forms(entry)
                for form in forms:
                    classes.setdefault(form, set()).add((number, side))
                    lemmas.setdefault(form, lemma)
    return ({form: frozenset(found) for form, found in classes.items()}, lemmas,
            frozenset(stances))


def _load_synonyms() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """Head of each form (event families first), the weaker family members, the family heads."""
    heads: dict[str, str] = {}
    weak: set[str] = set()
    families: set[str] = set()
    for line in table_lines("contradiction_families.txt"):
        strong, _, weaker = line.partition("|")
        head = _items(strong)[0].split("/")[0]
        families.add(head)
        for part, is_weak in ((strong, False), (weaker, True)):
            for entry in _items(part):
                for form in _forms(entry)[1]:
                    heads.setdefault(form, head)
                    if is_weak:
                        weak.add(form)
    for line in table_lines("contradiction_synonyms.txt"):
        entries = _items(line)
        head = entries[0].split("/")[0]
        for entry in entries:
            for form in _forms(entry)[1]:
                heads.setdefault(form, head)
    return heads, frozenset(weak), frozenset(families)


def _load_cues() -> dict[str, set[str]]:
    cues: dict[str, set[str]] = {}
    for line in table_lines("contradiction_cues.txt"):
        kind, part = _fields(line)[:2]
        for entry in _items(part):
            inflect = kind in ("implicative", "denial_verb", "denial_object", "light_verb",
                               "control", "stance_reversal", "persuade", "consent",
                               "disposition", "rule_out", "desire")
            cues.setdefault(kind, set()).update(_forms(entry)[1] if inflect else {entry})
    return cues


def _load_events() -> set[str]:
    return {form for line in table_lines("contradiction_events.txt") for entry in _items(line)
            for form in _forms(entry)[1]}


@dataclass(frozen=True)
class _Numbers:
    values: dict[tuple[str, ...], float]
    scales: dict[str, float]
    vague: dict[tuple[str, ...], tuple[float, float]]
    units: dict[tuple[str, ...], str]
    before: dict[tuple[str, ...], str]
    after: dict[tuple[str, ...], str]


def _load_numbers() -> _Numbers:
    numbers = _Numbers({}, {}, {}, {}, {}, {})
    for line in table_lines("numbers.txt"):
        kind, arg, part = _fields(line)[:3]
        for entry in _items(part):
            if kind == "value":
                numbers.values[_phrase(entry)] = float(arg)
            elif kind == "scale":
                numbers.scales[entry] = float(arg)
            elif kind == "vague":
                low, high = (float(x) for x in arg.split())
                numbers.vague[_phrase(entry)] = (low, high)
            elif kind == "unit":
                numbers.units[_phrase(entry) if entry not in "$€£¥%" else (entry,)] = arg
            elif entry.endswith("(after)"):
                numbers.after[_phrase(entry.removesuffix("(after)"))] = arg
            else:
                numbers.before[_phrase(entry)] = arg
    return numbers


_CLASSES, _LEMMAS, _STANCES = _load_antonyms()
# Every word without an opposite shares this one: a cache of read claims holds many words.
_NO_CLASSES: frozenset[tuple[int, int]] = frozenset()
_SYNONYMS, _WEAK, _FAMILIES = _load_synonyms()
_CUES = _load_cues()
_EVENTS = _load_events()
_NUMBERS = _load_numbers()
_MONTHS = {name: number for number, names in enumerate(
    ["january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
     "august aug", "september sep sept", "october oct", "november nov", "december dec"],
    start=1) for name in names.split()}
_DATE_PREPOSITIONS = frozenset("in on since by until till from of during before after to "
                               "early late mid last next".split())
_CLAUSE_BREAKS = frozenset("but while whereas although though however yet ;".split())
_CONNECTORS = frozenset("of and for the on &".split())
# Where the words around a predicate stop: a subordinate or relative clause begins.
_WINDOW_STOPS = frozenset("if unless because when whenever after before although though while "
                          "which who whom whose where that as since until so".split())
_RELATIVES = frozenset("which who whom whose where".split())
_CONDITIONS = frozenset("if unless whether".split())
# Openers of a condition ("if", "as long as") and of a concession ("even if"), longest first.
_OPENERS = sorted([(_phrase(entry), kind == "condition")
                   for kind in ("condition", "concession") for entry in _CUES.get(kind, ())],
                  key=lambda opener: -len(opener[0]))
_OPENER_STARTS = frozenset(words[0] for words, _ in _OPENERS if words)
_SUBJECT_VERBS = frozenset(_CUES.get("subject_verb", ()))
_SUBORDINATORS = frozenset("although though while whereas because since as".split())
_MODALS = frozenset("will would shall should can could may might must".split())
_PREPOSITIONS = frozenset("to by from in on at with for over into under during against about "
                          "between than of".split())
_PARTIES = frozenset("between with among by".split())  # prepositions naming the parties
_ON = frozenset("on to over about for of regarding concerning".split())  # naming what it is on
_COPULAS = frozenset("is are was were be been being remain remains remained stay stays "
                     "stayed 's".split())
# "called the quota the cornerstone", "sees the quota as vital": the quota is the subject.
_SMALL_CLAUSE = frozenset(form for verb in "call describe consider deem brand label term see/saw/"
                          "seen regard view".split() for form in _forms(verb)[1])
_DETERMINERS = frozenset("the a an any all these those this that its his her their".split())
_ARTICLES = frozenset("the a an its his her their".split())
_COUNTRIES = {**DEMONYMS, **COUNTRY_NAMES, **METONYMS}
# Attribution verbs that carry no claim of their own; "confirm", "deny", "admit" do.
_ATTRIBUTION = frozenset(form for form, verb in REPORTING_VERBS.items()
                         if " " not in form and verb.lemma not in _CLASSES)


def _phrase_table() -> dict[tuple[str, ...], tuple[str, str]]:
    table: dict[tuple[str, ...], tuple[str, str]] = {}

    def put(words: str, kind: str, value: str) -> None:
        key = _phrase(words)
        if key and key not in table:
            table[key] = (kind, value)

    for kind in ("neutral", "refutation", "modal", "implicative", "negation", "hedge",
                 "scare_quote"):
        for entry in sorted(_CUES.get(kind, ())):
            put(entry, kind, entry)
    for alias, country in _COUNTRIES.items():
        put(alias, "country", country)
    for entry in [*_CLASSES, *_SYNONYMS, *_CUES.get("denial_verb", ()),
                  *_CUES.get("light_verb", ()), *_CUES.get("stance_reversal", ())]:
        if " " in entry:
            put(entry, "word", entry)
    return table


_PHRASES = _phrase_table()
_LONGEST = max(len(key) for key in _PHRASES)
# A claim is looked up at every word, and most words start no phrase.
_PHRASE_STARTS = frozenset(key[0] for key in _PHRASES)


def _stem(word: str) -> str:
    """A crude stem that meets "agreed", "agrees" and "agreeing"."""
    word = _LEMMAS.get(word, word)
    for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es",
                   "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                break
            word = word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    word = word.rstrip("e") or word
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word


# The first group to claim a stem keeps it, so event families win over plain synonyms.
_SYNONYM_STEMS = {_stem(form): head for form, head in reversed(_SYNONYMS.items())}
_FAMILY_KEYS = frozenset("=" + head for head in _FAMILIES)


@lru_cache(maxsize=65_536)
def _lexical(low: str) -> tuple[str, str]:
    """(matching key, readable term) of a content word or phrase."""
    low = low.removesuffix("'s") or low  # "Gazprom's" is Gazprom
    if low in _SYNONYMS:
        return "=" + _SYNONYMS[low], _SYNONYMS[low]
    stem = _stem(low)
    if stem in _SYNONYM_STEMS:
        return "=" + _SYNONYM_STEMS[stem], _SYNONYM_STEMS[stem]
    return stem, low
