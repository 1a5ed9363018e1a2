"""Contradiction scoring: do two claims on one topic clash, by which cue, and in which words.

Cues after de Marneffe, Rafferty & Manning (ACL 2008): negation asymmetry on a shared
predicate, antonyms, numeric and date mismatch, denial and modality; plus opposite stances on
one object (keep / scrap the rule, the rule is vital / outdated). A predicate meets its event
family ("agreed" / "no deal"); light verbs and control words ("reach a deal", "ready to
change") hand their negation to the word they govern. After Ritter et al. (EMNLP 2008), a cue
only counts as far as the two claims are about the same thing: same_topic, judged for long
claims on the clauses around the clash when both speak of one object.
"""

from __future__ import annotations

import copy
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from analysis.lexicon import (
    COUNTRY_NAMES,
    DATA,
    DEMONYMS,
    FUNCTION_WORDS,
    METONYMS,
    REPORTING_VERBS,
)

# Claims are a sentence or two; beyond this the scorer reads only the start.
MAX_CHARS = 5_000
MAX_QUANTITIES = 40

_BASE = {"negation": 0.9, "denial": 0.9, "antonym": 0.85, "numeric": 0.85, "stance": 0.8,
         "modality": 0.7}
_FLIP_RANK = {"denial": 3, "modality": 2, "negation": 1}
_VERB = {"negation": "negates", "denial": "denies", "modality": "doubts"}


def _lines(name: str) -> list[str]:
    """Non-blank, non-comment lines of a data file."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [s.strip() for s in text.splitlines() if s.strip() and not s.startswith("#")]


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


_TOKEN = re.compile(
    r"(?P<spelled>(?:[^\W\d_][-.]){1,}[^\W\d_]\b\.?)"
    r"|(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"|(?P<word>[^\W\d_]+(?:'[^\W\d_]+)*)"
    r"|(?P<punct>[.;:!?()\[\]\"]|,|--|—|–)"
    r"|(?P<symbol>[$€£¥%])"
)
_SENTENCE_END = frozenset(".!?")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Single quotes around words: an opening one before a letter not after one, a closing one
# after a letter or punctuation and not before a letter ("the farmers' union" has no opening).
_OPEN_QUOTE = re.compile(r"(?<![\w'])'(?=[^\W_])")
_CLOSE_QUOTE = re.compile(r"(?<=[\w.,!?])'(?!\w)")


@dataclass
class _Token:
    text: str
    low: str
    start: int
    end: int
    kind: str  # word, num, punct, symbol
    cap: bool = False
    spelled: bool = False


def _tokens(text: str) -> list[_Token]:
    found = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "word"
        raw = match.group()
        if kind == "spelled":
            low = re.sub(r"[-.]", "", raw).casefold()
            found.append(_Token(raw, low, match.start(), match.end(), "word", True, True))
        else:
            found.append(_Token(raw, raw.casefold(), match.start(), match.end(), kind,
                                raw[:1].isupper()))
    return found


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(t.low for t in _tokens(text))


# --- word tables --------------------------------------------------------------------------

def _load_antonyms() -> tuple[dict[str, set[tuple[int, int]]], dict[str, str], frozenset[int]]:
    """Antonym classes of each form, its lemma, and the class numbers that are stances."""
    classes: dict[str, set[tuple[int, int]]] = {}
    lemmas: dict[str, str] = {}
    stances: set[int] = set()
    lines = [(line, False) for line in _lines("antonyms.txt")]
    lines += [(line, True) for line in _lines("contradiction_stance.txt")]
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
    return classes, lemmas, frozenset(stances)


def _load_synonyms() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """Head of each form (event families first), the weaker family members, the family heads."""
    heads: dict[str, str] = {}
    weak: set[str] = set()
    families: set[str] = set()
    for line in _lines("contradiction_families.txt"):
        strong, _, weaker = line.partition("|")
        head = _items(strong)[0].split("/")[0]
        families.add(head)
        for part, is_weak in ((strong, False), (weaker, True)):
            for entry in _items(part):
                for form in _forms(entry)[1]:
                    heads.setdefault(form, head)
                    if is_weak:
                        weak.add(form)
    for line in _lines("contradiction_synonyms.txt"):
        entries = _items(line)
        head = entries[0].split("/")[0]
        for entry in entries:
            for form in _forms(entry)[1]:
                heads.setdefault(form, head)
    return heads, frozenset(weak), frozenset(families)


def _load_cues() -> dict[str, set[str]]:
    cues: dict[str, set[str]] = {}
    for line in _lines("contradiction_cues.txt"):
        kind, part = _fields(line)[:2]
        for entry in _items(part):
            inflect = kind in ("implicative", "denial_verb", "denial_object", "light_verb",
                               "control", "stance_reversal", "persuade", "consent",
                               "disposition", "rule_out", "desire")
            cues.setdefault(kind, set()).update(_forms(entry)[1] if inflect else {entry})
    return cues


def _load_events() -> set[str]:
    return {form for line in _lines("contradiction_events.txt") for entry in _items(line)
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
    for line in _lines("numbers.txt"):
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
_SUBJECT_VERBS = frozenset(_CUES.get("subject_verb", ()))
# What a claim quotes or reports from someone else weighs this much as its own assertion.
REPORTED = 0.3
# What a claim leaves open ("did not rule out changes") weighs this much as an assertion.
OPEN = 0.5
# Two contexts this close (0..1) tell one story; they then lend a strong cue a same-topic
# between these two, below the 1.0 of a direct match.
CONTEXT_MIN = 0.4
CONTEXT_TOPIC = (0.6, 0.75)
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
NEAR_BEFORE, NEAR_AFTER = 3, 4  # content words around a predicate that can be its object
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


def _lexical(low: str) -> tuple[str, str]:
    """(matching key, readable term) of a content word or phrase."""
    low = low.removesuffix("'s") or low  # "Gazprom's" is Gazprom
    if low in _SYNONYMS:
        return "=" + _SYNONYMS[low], _SYNONYMS[low]
    stem = _stem(low)
    if stem in _SYNONYM_STEMS:
        return "=" + _SYNONYM_STEMS[stem], _SYNONYM_STEMS[stem]
    return stem, low


# --- one claim, read ----------------------------------------------------------------------

@dataclass
class _Unit:
    kind: str  # word, func, neg, hedge, punct, break, number
    first: int  # token span
    last: int
    low: str
    cue: str = ""  # for neg: negation, modality, denial; scope "next" or "rest"
    scope: str = "next"
    key: str = ""
    term: str = ""
    classes: frozenset[tuple[int, int]] = frozenset()
    entity: bool = False
    speaker: bool = False
    clause: int = 0
    flips: list[tuple[str, int]] = field(default_factory=list)  # (cue, token of the negator)
    carried: bool = False  # negated through a light verb: "failed to reach [a] settlement"
    light: bool = False  # hands its predicate to a word after it: "reach [a deal]", "ready to"
    named: bool = False  # named, not asserted: "the so-called deal"
    weak: bool = False  # implied by its family's head: "progress" by "breakthrough"
    reported: bool = False  # someone else's words: "critics say P", "'no, no, no'"
    open: bool = False  # left open, not asserted: "did not rule out [changes]"

    @property
    def predicate(self) -> bool:
        return not (self.light or self.named)

    @property
    def keys(self) -> set[str]:
        return {self.key} | {f"~{number}" for number, _ in self.classes}

    @property
    def negated(self) -> bool:
        return len(self.flips) % 2 == 1

    def polarity(self, key: str) -> int:
        sign = -1 if self.negated else 1
        if key.startswith("~"):
            sign *= next(side for number, side in self.classes if f"~{number}" == key)
        return sign


@dataclass
class _Quantity:
    first: int
    last: int
    low: float
    high: float
    unit: str | None
    relation: str | None
    date: tuple[int | None, int | None, int | None] | None = None
    frame: frozenset[str] = frozenset()
    reported: bool = False


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


def _number_words(tokens: list[_Token], i: int) -> tuple[float, int] | None:
    """Value and end of a number spelled in words ("two hundred", "forty-two", "a dozen")."""
    total, current, j, seen = 0.0, 0.0, i, False
    while j < len(tokens):
        for size in (3, 2, 1):
            key = tuple(t.low for t in tokens[j : j + size])
            if len(key) == size and key in _NUMBERS.values and not (seen and key == ("a",)):
                current += _NUMBERS.values[key]
                j, seen = j + size, True
                break
        else:
            low = tokens[j].low
            if seen and low in _NUMBERS.scales and tokens[j].kind == "word" and len(low) > 2:
                scale = _NUMBERS.scales[low]
                if scale < 1000:
                    current = (current or 1) * scale
                else:
                    total, current = total + (current or 1) * scale, 0.0
                j += 1
            elif seen and low == "and" and j + 1 < len(tokens) and (tokens[j + 1].low,) in \
                    _NUMBERS.values:
                j += 1
            else:
                break
    return (total + current, j) if seen else None


def _match(tokens: list[_Token], i: int, table: dict) -> tuple[str, int] | None:
    for size in (4, 3, 2, 1):
        key = tuple(t.low for t in tokens[i : i + size])
        if len(key) == size and key in table:
            return table[key], i + size
    return None


def _interval(value: float, qualifier: str | None) -> tuple[float, float]:
    return {
        "gt": (value * 1.000001 + 1e-9, float("inf")),
        "ge": (value, float("inf")),
        "lt": (0.0, value * 0.999999),
        "le": (0.0, value),
        "about": (value * 0.85, value * 1.15),
    }.get(qualifier or "", (value, value))


def _quantities(tokens: list[_Token]) -> tuple[list[_Quantity], set[int]]:
    """Counts, amounts, percentages and dates, and the tokens they take up."""
    found: list[_Quantity] = []
    used: set[int] = set()
    i = 0
    while i < len(tokens) and len(found) < MAX_QUANTITIES:
        start, qualifier, unit = i, None, None
        matched = _match(tokens, i, _NUMBERS.before)
        if matched and i > 0 and tokens[i - 1].low in ("no", "not") and matched[0] == "gt":
            matched = None
        if matched:
            qualifier, i = matched
        if i < len(tokens) and tokens[i].kind == "symbol" and tokens[i].text != "%":
            unit, i = _NUMBERS.units.get((tokens[i].text,)), i + 1
        date = _date(tokens, i)
        value, vague = None, None
        if date and qualifier is None and unit is None:
            fields, end = date
            found.append(_Quantity(start, end, 0, 0, "date", None, fields))
            used.update(range(start, end))
            i = end
            continue
        if i < len(tokens) and tokens[i].kind == "num":
            try:
                value = float(tokens[i].text.replace(",", ""))
            except ValueError:
                value = None
            end = i + 1
            if end < len(tokens) and tokens[end].low in _NUMBERS.scales:
                value = None if value is None else value * _NUMBERS.scales[tokens[end].low]
                end += 1
        else:
            words = _number_words(tokens, i) if i < len(tokens) else None
            if words:
                value, end = words
            elif i < len(tokens) and (spec := _match(tokens, i, _NUMBERS.vague)):
                vague, end = spec
        if value is None and vague is None:
            i = start + 1
            continue
        unit_match = _match(tokens, end, _NUMBERS.units) if end < len(tokens) else None
        if unit_match:
            unit, end = unit_match
        after = _match(tokens, end, _NUMBERS.after) if end < len(tokens) else None
        if after:
            qualifier, end = after
        if unit is None and end < len(tokens) and tokens[end].kind == "word":
            following = tokens[end].low
            if following == "of" and end + 1 < len(tokens):
                following = tokens[end + 1].low
            if following not in FUNCTION_WORDS and following not in _NUMBERS.scales:
                unit = _lexical(following)[0]
        low, high = vague if vague else _interval(value or 0.0, qualifier)
        relation = tokens[start - 1].low if start > 0 else None
        relation = relation if relation in ("to", "by", "from", "at", "of", "with") else None
        found.append(_Quantity(start, end, low, high, unit, relation))
        used.update(range(start, end))
        i = end
    return found, used


def _date(tokens: list[_Token], i: int) -> tuple[tuple, int] | None:
    """A year, a month, or a day and month, starting at token i."""
    if i >= len(tokens):
        return None
    token = tokens[i]
    before = tokens[i - 1].low if i > 0 else ""

    def year_at(j: int) -> int | None:
        if j < len(tokens) and tokens[j].kind == "num" and re.fullmatch(r"\d{4}", tokens[j].text):
            year = int(tokens[j].text)
            return year if 1800 <= year <= 2100 else None
        return None

    def day_at(j: int) -> int | None:
        if j < len(tokens) and tokens[j].kind == "num" and re.fullmatch(r"\d{1,2}", tokens[j].text):
            day = int(tokens[j].text)
            return day if 1 <= day <= 31 else None
        return None

    month = _MONTHS.get(token.low.rstrip("."))
    if month and token.kind == "word":
        day = day_at(i + 1)
        j = i + 1 + (day is not None)
        if j < len(tokens) and tokens[j].text == "," and year_at(j + 1):
            j += 1
        year = year_at(j)
        mid_sentence = i > 0 and tokens[i - 1].text not in _SENTENCE_END
        named = (token.cap and mid_sentence and token.low != "may") or before in _DATE_PREPOSITIONS
        if day or year or named:
            return (year, month, day), j + (year is not None)
    day = day_at(i)
    if day and i + 1 < len(tokens) and (month := _MONTHS.get(tokens[i + 1].low)):
        year = year_at(i + 2)
        return (year, month, day), i + 2 + (year is not None)
    year = year_at(i)
    if year:
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        loose = nxt is None or nxt.kind == "punct" or nxt.low in FUNCTION_WORDS
        if before in _DATE_PREPOSITIONS or (loose and not (nxt and nxt.low in _NUMBERS.scales)):
            return (year, None, None), i + 1
    return None


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
        for size in range(min(_LONGEST, len(tokens) - i), 0, -1):
            span = range(i, i + size)
            if any(j in used or tokens[j].kind != "word" for j in span):
                continue
            key = tuple(tokens[j].low for j in span)
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
    low = " ".join(t.low for t in tokens[first:last])
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
    mid_sentence = first > 0 and tokens[first - 1].text not in _SENTENCE_END | {'"'}
    acronym = token.spelled or (token.text.isupper() and len(token.text) > 1)
    return _Unit("word", first, last, low, key=key, term=term,
                 classes=frozenset(_CLASSES.get(low, ())),
                 entity=acronym or (token.cap and mid_sentence), weak=low in _WEAK)


def _mark_denials(units: list[_Unit], tokens: list[_Token]) -> None:
    """"X denied (reports) that P": the wrapper becomes a denial of P, X a speaker."""
    objects = _CUES.get("denial_object", set())
    for i, unit in enumerate(units):
        if unit.kind != "word" or unit.low not in _CUES.get("denial_verb", ()):
            continue
        j = i + 1
        if j < len(units) and units[j].low == "as":
            j += 1
        if j < len(units) and units[j].low in _DETERMINERS - {"that"}:
            j += 1
        if j < len(units) and units[j].low in objects:
            j += 1
            if not (j < len(units) and units[j].low in ("that", "of")):
                continue
            j += 1
        elif j < len(units) and units[j].low == "that":
            j += 1
        elif not (j < len(units) and units[j].kind == "word" and units[j].low.endswith("ing")):
            continue
        for k in range(i, j):
            units[k].kind = "func"
        units[i].kind, units[i].cue, units[i].scope = "neg", "denial", "rest"
        _mark_speaker(units, i)
        return


def _mark_reversals(units: list[_Unit]) -> None:
    """"drop (its) opposition to X" reads as "accept X": one predicate, in accept's classes."""
    accept_key, accept_term = _lexical("accept")
    for i, unit in enumerate(units):
        if unit.kind != "word" or unit.low not in _CUES.get("stance_reversal", ()):
            continue
        j = i + 1
        while j < len(units) and j <= i + 2 and units[j].low in _DETERMINERS:
            j += 1
        if j < len(units) and units[j].low in _CUES.get("stance_object", ()):
            unit.key, unit.term = accept_key, accept_term
            unit.classes = frozenset(_CLASSES.get("accept", ()))
            units[j].kind = "func"


def _opener(units: list[_Unit], i: int) -> tuple[int, bool]:
    """Length of the condition or concession opening at unit i (0 if none), and whether it
    makes the clause it is attached to conditional too ("if", not "even if")."""
    lows = [u.low for u in units[i : i + 4]]
    for words, conditional in _OPENERS:
        if tuple(lows[: len(words)]) == words:
            return len(words), conditional
    if units[i].low in _CONDITIONS:
        return 1, False
    if units[i].low == "should" and _inverted(units, i):
        return 1, True
    return 0, False


def _inverted(units: list[_Unit], i: int) -> bool:
    """"(will scrap the quota) should prices fall": a "should" after the clause's own verb,
    before a subject rather than a verb."""
    after = units[i + 1] if i + 1 < len(units) else None
    if after is None or after.kind != "func" and (after.kind != "word" or after.classes) \
            or after.low in _MODALS | {"be", "have", "not", "also", "still", "now", "only"}:
        return False
    for j in range(i - 1, -1, -1):
        unit = units[j]
        if unit.kind in ("punct", "break") and unit.low not in (",", '"'):
            return False
        if unit.low in _MODALS | _COPULAS and any(u.kind == "word" for u in units[j + 1 : i]):
            return True
    return False


def _mark_conditional(units: list[_Unit], first: int, last: int) -> None:
    """The words of units[first:last] are asserted only under a condition: named, unless a
    readiness or wish carries them ("ready to change the rule if parliament asks")."""
    words = [u for u in units[first:last] if u.kind == "word" and not u.speaker]
    if any(u.low.split()[0] in _CUES.get("disposition", ()) for u in words):
        return
    for unit in words:
        unit.named = True


def _clause_start(units: list[_Unit], i: int) -> int:
    """The first unit of the clause unit i is in (sentence, ";" or "but" bound it)."""
    while i > 0 and not (units[i - 1].kind == "break" or units[i - 1].low in _SENTENCE_END):
        i -= 1
    return i


def _mark_named(units: list[_Unit]) -> None:
    """"the so-called deal": the word after a scare quote is named, not asserted; so is a
    condition ("unless the rule is revised", "if infections fell"), and the clause a condition
    is attached to, before or after it ("will strike unless pay rises")."""
    condition, fronted, i = False, None, 0
    while i < len(units):
        unit = units[i]
        size, conditional = _opener(units, i)
        if size:
            start = _clause_start(units, i)
            before = any(u.kind == "word" and not u.speaker for u in units[start:i])
            if conditional and before:
                _mark_conditional(units, start, i)
            fronted = conditional and not before
            condition = True
            i += size
            continue
        if unit.kind in ("punct", "break") and unit.low != '"':
            condition = False
            if fronted and unit.low == ",":  # "if the rival strikes, the general will ..."
                end = next((j for j in range(i + 1, len(units)) if units[j].kind == "break"
                            or units[j].low in _SENTENCE_END), len(units))
                _mark_conditional(units, i + 1, end)
            fronted = None
        elif condition and unit.kind == "word":
            unit.named = True
        i += 1
    for i, unit in enumerate(units):
        if unit.kind != "scare":
            continue
        unit.kind = "func"
        found = False  # "the so-called pipeline deal": the compound up to its event noun
        for other in units[i + 1 : i + 5]:
            if other.kind != "word":
                if found:
                    break
                continue
            other.named = found = True
            if _eventive(other):
                break


def _mark_light(units: list[_Unit]) -> None:
    """A light verb before an event noun ("reach a deal") and a control word before "to"
    ("ready to change") hand their predicate on: the word after them is what is asserted."""
    for i, unit in enumerate(units):
        if unit.kind != "word":
            continue
        after = units[i + 1 : i + 5]
        if unit.low in _CUES.get("control", ()):
            unit.light = len(after) > 1 and after[0].low == "to" and after[1].kind == "word"
        elif unit.low in _CUES.get("light_verb", ()):
            for other in after:
                if other.kind in ("punct", "break", "neg"):
                    break
                if other.kind == "word" and _eventive(other):
                    unit.light = True
                    break


def _eventive(unit: _Unit) -> bool:
    """An event noun or a word with an opposite: what a light verb can hand a negation to."""
    return unit.key in _FAMILY_KEYS or bool(unit.classes)


def _mark_speaker(units: list[_Unit], verb: int) -> None:
    for unit in reversed(units[:verb]):
        if unit.kind in ("punct", "break") and unit.low != ",":
            break
        unit.speaker = True


def _mark_attribution(units: list[_Unit]) -> None:
    """Leave out who said it: "X said (that) P", "P, X said", "according to X"."""
    words = [i for i, u in enumerate(units) if u.kind == "word"]
    for i in words[:8]:
        if any(u.low == "," for u in units[:i]):
            break
        if units[i].low in _ATTRIBUTION and i != words[-1]:
            if _governed(units, i):
                break  # "they would say P", "want to say P": said by nobody yet
            _mark_speaker(units, i)
            units[i].kind = "func"
            if i + 1 < len(units) and units[i + 1].low == "that":
                units[i + 1].kind = "func"
            break
    commas = [i for i, u in enumerate(units) if u.low == ","]
    if commas:
        tail = units[commas[-1] + 1 :]
        verb = next((j for j, u in enumerate(tail) if u.low in _ATTRIBUTION), None)
        nested = tail and (tail[0].kind == "break" or tail[0].low in _SUBORDINATORS)
        if len(tail) <= 9 and verb is not None and not nested:
            if any(u.low in _COPULAS | _MODALS for u in tail[verb + 1 :]):
                # "Speaking to reporters, the minister said the levy is vital"
                _mark_speaker(tail, verb)
                tail[verb].kind = "func"
            else:
                for unit in tail:
                    unit.speaker = True
    for i, unit in enumerate(units[:-1]):
        if unit.low == "according" and units[i + 1].low == "to":
            for other in units[i:]:
                if other.low == "," or other.kind in ("punct", "break"):
                    break
                other.speaker = True


def _governed(units: list[_Unit], i: int) -> bool:
    """A reporting verb under a modal or a wish ("would say", "want to say"): no one said it."""
    return (i > 1 and units[i - 1].low == "to" and units[i - 2].light) \
        or (i > 0 and units[i - 1].low in _MODALS)


def _mark_subjects(units: list[_Unit]) -> None:
    """"Closing the plant would cost jobs", "to scrap the levy now would be reckless": a gerund
    or infinitive that opens a clause and leads to its verb is its subject, named, not a stance
    anyone takes. Gerunds or infinitives joined by "or", "and" or commas ("amending or scrapping
    the levy would ...", "cutting, freezing or ending the grant will ...") are one subject."""
    for i, unit in enumerate(units):
        at = i
        if unit.low == "to" and i + 1 < len(units) and units[i + 1].kind == "word":
            at = i + 1
        elif not _gerund(unit):
            continue
        if not _opens_clause(units, i):
            continue
        heads = [at]
        j = at + 1
        while j + 1 < len(units) and units[j].low in _COORDINATORS:
            k = j + 1
            while k + 1 < len(units) and units[k].low in _COORDINATORS | {"to"}:
                k += 1  # ", or", "or to", "or even"
            if not (_gerund(units[k]) if unit.low != "to" else units[k].kind == "word"):
                break
            heads.append(k)
            j = k + 1
        for other in units[heads[-1] + 1 : heads[-1] + 9]:
            if other.low in _SUBJECT_VERBS:
                for head in heads:
                    units[head].named = True
                break
            if other.kind in ("punct", "break") or other.low in _WINDOW_STOPS - {"that"}:
                break


_COORDINATORS = frozenset(("or", "and", "nor", ",", "either", "even", "then"))


def _gerund(unit: _Unit) -> bool:
    return unit.kind == "word" and unit.low.split()[0].endswith("ing") and len(unit.low) >= 5


def _opens_clause(units: list[_Unit], i: int) -> bool:
    """Nothing of the clause's own comes before unit i: only its speaker, "that" or "and"."""
    for unit in reversed(units[:i]):
        if unit.speaker or unit.low in ("that", "and") or (unit.kind == "func"
                                                            and unit.low in _ATTRIBUTION):
            continue
        return unit.kind in ("punct", "break") or unit.low in _SUBORDINATORS
    return True


def _mark_desired(units: list[_Unit]) -> None:
    """"wants a deal", "is looking for a truce", "hopes for a ban": what someone seeks is named,
    not asserted to exist, so "there is no deal" does not clash with it. A change or keep word
    in it stays a stance ("wants changes to the levy"); the words up to the first event noun
    or word with an opposite are what is sought."""
    desire = _CUES.get("desire", ())
    for i, unit in enumerate(units):
        if unit.kind != "word":
            continue
        at = i + 1
        if unit.low not in desire:
            if not (at < len(units) and f"{unit.low} {units[at].low}" in desire):
                continue
            at += 1
        if at < len(units) and units[at].low == "to":
            continue  # "wants to reach a deal": a control word's business
        # "seeks no showdown but a deal": what is sought follows the contrast
        contrast = at < len(units) and units[at].low in ("no", "not")
        for other in units[at : at + 10]:
            if contrast:
                contrast = other.low not in (",", "but", "rather", "instead")
                continue
            if other.kind in ("punct", "break", "neg") or other.low in _WINDOW_STOPS | {"to"}:
                break
            if other.kind != "word":
                continue
            if any(n in _STANCES for n, _ in other.classes):
                break
            other.named = True
            if _eventive(other):
                break  # the head sought; what follows ("... fell") is the clause's own


def _mark_negated_phrases(units: list[_Unit]) -> None:
    """"no showdown over the deal", "no talks on a truce": an event in a phrase on a noun
    that "no" denies is not asserted either; it is named."""
    for i, unit in enumerate(units):
        if unit.kind != "neg" or unit.low != "no":
            continue
        j, nouns = i + 1, 0
        while j < len(units) and units[j].kind == "word" and nouns < 3:
            j, nouns = j + 1, nouns + 1
        if not nouns or j >= len(units) or units[j].low not in _ON | {"around", "against"}:
            continue
        for other in units[j + 1 : j + 8]:
            if other.kind in ("punct", "break", "neg") or other.low in _WINDOW_STOPS:
                break
            if other.kind == "word" and _eventive(other) and \
                    not any(n in _STANCES for n, _ in other.classes):
                other.named = True


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside single quotes ('no, no, no'), leaving out a quote that opens
    the claim: that one is the speaker's own."""
    spans: list[tuple[int, int]] = []
    closes = [m.start() for m in _CLOSE_QUOTE.finditer(text)]
    end = -1
    for match in _OPEN_QUOTE.finditer(text):
        if match.start() < end:
            continue
        end = next((c for c in closes if c > match.start()), -1)
        if end < 0:
            break
        if text[: match.start()].strip(" \t\n\"-"):
            spans.append((match.start(), end))
    return spans


def _mark_reported(units: list[_Unit], tokens: list[_Token], text: str) -> None:
    """Words the claim reports from someone else weigh less than its own: those in single
    quotes, and those under a reporting verb nested in the claim ("..., although critics say
    P", "X said Q and that critics say P", "they want to say P")."""
    for first, last in _quoted_spans(text):
        before = [i for i, u in enumerate(units) if tokens[u.first].start < first]
        if not any(units[i].kind == "word" and not units[i].speaker
                   or units[i].low in _ATTRIBUTION and _governed(units, i) for i in before):
            continue  # "The minister said: 'The levy is vital.'": the speaker's own words
        for unit in units:
            if first < tokens[unit.first].start < last:
                unit.reported = True
    reported_before = False
    for i, unit in enumerate(units):
        if unit.kind in ("punct", "break") and unit.low in _SENTENCE_END:
            reported_before = False
            continue
        attribution = unit.low in _ATTRIBUTION and not unit.low.endswith("ing")
        if not attribution or unit.speaker:
            continue
        after = units[i + 1] if i + 1 < len(units) else None
        if unit.kind == "word" and (i > 0 and units[i - 1].low in _ARTICLES or after is None
                                    or after.kind in ("punct", "break")
                                    and after.low not in (":", '"')):
            continue  # "changes to the congestion charge.": a noun, reporting nothing
        if unit.kind == "func":  # the claim's own attribution, marked already
            reported_before = True
            continue
        start = i
        while start > 0 and units[start - 1].low not in _SENTENCE_END:
            start -= 1
        governed = _governed(units, i)
        opener = next((j for j in range(i - 1, start - 1, -1)
                       if units[j].kind == "break" or units[j].low in _SUBORDINATORS
                       or units[j].low in ("that", "and", ",")), None)
        own = opener is not None and units[opener].low != "," and any(
            u.kind == "word" and not u.speaker for u in units[start:opener])
        if not (governed or reported_before or own):
            reported_before = True  # the claim's own speaker, left in
            continue
        reported_before = True
        subordinate = opener is not None and units[opener].low in _SUBORDINATORS
        for other in units[(opener if opener is not None else start - 1) + 1 : i]:
            if other.kind == "word" and not governed:
                other.speaker = True
        unit.kind = "func"
        for other in units[i + 1 :]:
            if other.kind == "break" or other.low in _SENTENCE_END or \
                    (subordinate and other.low == ","):
                break
            if other.low == "that" and other is units[i + 1]:
                other.kind = "func"
            other.reported = True


def _hand_on_refusals(units: list[_Unit]) -> None:
    """"no argument that would persuade it to agree to changes": the "no" reaches "agree", and
    a refusal to agree to a change reaches the change (a stance to keep)."""
    words = [u for u in units if u.kind not in ("punct", "break")]
    for i, unit in enumerate(words):
        if unit.kind != "neg" or unit.low not in ("no", "none", "nothing") or \
                unit.scope != "next":
            continue
        verb = next((j for j in range(i + 1, min(i + 7, len(words)))
                     if words[j].low in _CUES.get("persuade", ())), None)
        # "no argument that would", "no amount of pressure will", "nothing will": a means that
        # would move someone, not a person ("no minister will force the club to ...")
        if verb is None or not (unit.low == "nothing" or any(
                w.low in ("that", "which", "to", "of") for w in words[i:verb])):
            verb = _persuader_after_phrase(
                units, next(n for n, u in enumerate(units) if u is unit), words)
        if verb is None:
            continue
        to = next((j for j in range(verb + 1, min(verb + 6, len(words)))
                   if words[j].low == "to"), None)
        if to is not None and to + 1 < len(words) and words[to + 1].kind == "word":
            target = words[to + 1]
            if not any(n == unit.first for _, n in target.flips):
                target.flips = [*target.flips, (unit.cue, unit.first)]
    for i, unit in enumerate(words):
        if unit.kind != "word" or not unit.negated or \
                unit.low not in _CUES.get("consent", ()) or i + 1 >= len(words) or \
                words[i + 1].low != "to":
            continue
        target = next((w for w in words[i + 2 : i + 6] if w.kind == "word"), None)
        if target is not None and not target.flips and \
                any(number in _STANCES for number, _ in target.classes):
            target.flips = list(unit.flips)
            target.carried = True


_PHRASE_PREPOSITIONS = frozenset("from by of on in at with for among within inside".split())


def _persuader_after_phrase(units: list[_Unit], at: int, words: list[_Unit]) -> int | None:
    """The persuade verb a "no" at units[at] governs across a phrase on its noun: "no arguments
    from the mayor, Ms Ada Ruiz, that would persuade it to ...": the noun (up to three words), a
    preposition, any words and commas up to "that" or "which" with no verb of their own, then
    the persuade verb within three words. Its index in words, or None."""
    j, nouns = at + 1, 0
    while j < len(units) and units[j].kind == "word" and units[j].low not in \
            _PHRASE_PREPOSITIONS and nouns < 3:
        j, nouns = j + 1, nouns + 1
    if not nouns or j >= len(units) or units[j].low not in _PHRASE_PREPOSITIONS:
        return None
    for k in range(j + 1, min(j + 25, len(units))):
        other = units[k]
        if other.low in ("that", "which"):
            for after in units[k + 1 : k + 5]:
                if after.low in _CUES.get("persuade", ()):
                    return next((n for n, w in enumerate(words) if w is after), None)
                if after.kind in ("punct", "break", "neg") or after.low in _WINDOW_STOPS:
                    return None
            return None
        if other.kind in ("break", "neg") or other.low in _SENTENCE_END | _MODALS | _COPULAS \
                or other.low in _WINDOW_STOPS or other.low in _CUES.get("persuade", ()):
            return None
    return None


def _mark_open(units: list[_Unit]) -> None:
    """"did not rule out changes": the changes are left open, a possibility and not a stance,
    so they weigh OPEN as much as an assertion."""
    for i, unit in enumerate(units):
        if unit.kind != "word" or not unit.negated or unit.low not in _CUES.get("rule_out", ()):
            continue
        found = 0
        for other in units[i + 1 : i + 8]:
            if other.kind in ("punct", "break", "neg") or other.low in _WINDOW_STOPS:
                break
            if found and other.low in _PREPOSITIONS:
                break
            if other.kind == "word":
                other.open, found = True, found + 1


def _polarity(units: list[_Unit]) -> None:
    """Give every content word the negations over it, and a clause number."""
    pending: list[_Unit] = []
    rest: list[_Unit] = []
    carry: list[_Unit] = []
    carry_left = 0
    carry_any = False  # a control word's negation goes to any word; a light verb's to an event
    clause = 0
    covered: dict[int, list[tuple[_Unit, bool]]] = {}  # wrapper -> (word, negated locally)
    for i, unit in enumerate(units):
        if unit.kind in ("punct", "break") and unit.low not in (",", '"'):
            clause += 1
            pending, carry = [], []
            if unit.low in _SENTENCE_END or unit.low == "but":
                rest = []
            continue
        unit.clause = clause
        if unit.kind == "neg" and unit.low in ("no", "not") and i + 1 < len(units) \
                and units[i + 1].kind == "punct":
            continue  # "no, no, no": an answer, not a negation of what follows
        if unit.kind == "neg":
            (rest if unit.scope == "rest" else pending).append(unit)
            continue
        if unit.kind != "word":
            carry_left -= 1
            continue
        if pending and _adverb(unit):
            continue
        carried = carry_left > 0 and (carry_any or _eventive(unit))
        applied = pending or (carry if carried else [])
        unit.carried = not pending and bool(applied)
        unit.flips = [(n.cue, n.first) for n in [*applied, *rest]]
        for wrapper in rest:
            covered.setdefault(wrapper.first, []).append((unit, bool(applied)))
        next_word = units[i + 1] if i + 1 < len(units) else None
        if pending and pending[-1].low == "no" and next_word is not None \
                and next_word.kind == "word":
            carry, carry_left, carry_any = pending, 1, True
        elif applied and unit.light:
            carry, carry_left = applied, 4
            carry_any = unit.low in _CUES.get("control", ())
        elif carry and carry_left > 1 and not applied and not carry_any:
            carry_left -= 1  # "did not reach a new settlement": the adjective is passed over
        else:
            carry, carry_left = [], 0
        pending = []
    # "It is not true that the clinic did not open": a negation inside P marks P's predicate,
    # and the wrapper then negates that word only, so the two cancel and "clinic" stays plain.
    for wrapper, words in covered.items():
        if any(local for _, local in words):
            for unit, local in words:
                if not local:
                    unit.flips = [flip for flip in unit.flips if flip[1] != wrapper]


@lru_cache(maxsize=4096)
def _read(text: str) -> _Claim:
    """A claim's tokens, units and quantities, read once however many pairs it is in (never
    change what this returns)."""
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS]).replace("’", "'").replace("‘", "'")
    tokens = _tokens(text)
    quantities, used = _quantities(tokens)
    units = _units(tokens, used)
    _mark_reversals(units)
    _mark_light(units)
    _mark_denials(units, tokens)
    _mark_attribution(units)
    _mark_reported(units, tokens, text)
    _mark_named(units)
    _mark_subjects(units)
    _mark_desired(units)
    _mark_negated_phrases(units)
    _polarity(units)
    _hand_on_refusals(units)
    _mark_open(units)
    hedges = [u.low for u in units if u.kind == "hedge" and not u.speaker]
    reported = {i for u in units if u.reported for i in range(u.first, u.last)}
    for quantity in quantities:
        quantity.frame = frozenset(_frame(units, quantity))
        quantity.reported = quantity.first in reported
    return _Claim(text, tokens, units, quantities, hedges)


def _frame(units: list[_Unit], quantity: _Quantity) -> set[str]:
    """Keys of the content words within four tokens of a quantity, in its clause."""
    keys: set[str] = set()
    for unit in units:
        near = quantity.first - 4 <= unit.first < quantity.last + 4
        if near and unit.kind == "word" and not unit.speaker and unit.key != quantity.unit:
            keys |= unit.keys
    return keys


# --- two claims, compared -----------------------------------------------------------------

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


def _align_acronyms(a: _Claim, b: _Claim) -> tuple[_Claim, _Claim]:
    """ "NAFTA" in one claim meets "North American Free Trade Agreement" in the other: the
    name's words take the acronym as their key, in a copy (a claim read once is shared by
    every pair it is scored in)."""
    aligned = {}
    for one, other in ((a, b), (b, a)):
        acronyms = {u.low for u in one.units if u.kind == "word" and
                    (one.tokens[u.first].spelled or one.tokens[u.first].text.isupper())
                    and 1 < len(u.low) <= 8}
        if not acronyms:
            continue
        for run in _runs(other):
            initials = "".join(u.low[0] for u in run)
            for size in range(len(run), 1, -1):
                for start in range(len(run) - size + 1):
                    if initials[start : start + size] in acronyms:
                        if id(other) not in aligned:
                            aligned[id(other)] = copy.deepcopy(other)
                        copied = aligned[id(other)]
                        place = {id(u): n for n, u in enumerate(other.units)}
                        for unit in run[start : start + size]:
                            twin = copied.units[place[id(unit)]]
                            twin.key = twin.term = initials[start : start + size]
                            twin.classes, twin.entity = frozenset(), True
    return aligned.get(id(a), a), aligned.get(id(b), b)


def _coverage(units: list[_Unit], keys: set[str]) -> float:
    total = sum(2 if u.entity else 1 for u in units)
    shared = sum(2 if u.entity else 1 for u in units if u.keys & keys)
    return shared / total if total else 0.0


def _dates_differ(a: _Claim, b: _Claim) -> bool:
    def fits(x: tuple, y: tuple) -> bool:
        return all(p is None or q is None or p == q for p, q in zip(x, y, strict=True))

    dates_a, dates_b = a.dates, b.dates
    return bool(dates_a and dates_b) and not any(
        fits(x.date, y.date) for x in dates_a for y in dates_b)


def _topic(a: _Claim, b: _Claim) -> float:
    units_a, units_b = a.content, b.content
    keys_a: set[str] = set().union(*(u.keys for u in units_a))
    keys_b: set[str] = set().union(*(u.keys for u in units_b))
    topic = (_coverage(units_a, keys_b) + _coverage(units_b, keys_a)) / 2
    return topic * 0.4 if _strangers(units_a, units_b) else topic


def _strangers(units_a: list[_Unit], units_b: list[_Unit]) -> bool:
    """Each side names someone or something the other never mentions: two stories."""
    keys_a: set[str] = set().union(*(u.keys for u in units_a))
    keys_b: set[str] = set().union(*(u.keys for u in units_b))
    entities_a = {u.key for u in units_a if u.entity}
    entities_b = {u.key for u in units_b if u.entity}
    return bool(entities_a and entities_b and not (entities_a & keys_b)
                and not (entities_b & keys_a))


@dataclass
class _Clash:
    strength: float
    cue: str
    explanation: str
    topic: float = 0.0  # same-topic of the clauses around the clash, when they share an object
    from_context: bool = False  # the claims' contexts, not their words, gave the topic


def _overlap(x: set[str], y: set[str], fallback: float) -> float:
    if not x or not y:
        return fallback
    return len(x & y) / min(len(x), len(y))


def _arguments(claim: _Claim, unit: _Unit, after: bool = False) -> set[str]:
    """Keys of the other content words of a word's clause (only those after it: its object)."""
    keys: set[str] = set()
    for other in claim.content:
        if other is not unit and other.clause == unit.clause and other.first >= after * unit.last:
            keys |= other.keys
    return keys


def _snippet(claim: _Claim, first: int, last: int) -> str:
    """The words from token first to last, with a word before and the object after."""
    tokens = claim.tokens
    start = first
    if start > 0 and tokens[start - 1].kind == "word":
        start -= 1
    end = last
    while end < len(tokens) and end < last + 3 and tokens[end].kind in ("word", "num"):
        end += 1
        if tokens[end - 1].low not in FUNCTION_WORDS:
            break
    while end > last and tokens[end - 1].low in FUNCTION_WORDS:
        end -= 1
    quote = " ".join(claim.text[tokens[start].start : tokens[end - 1].end].split())
    return quote if len(quote) <= 60 else quote[:57].rsplit(" ", 1)[0] + "..."


def _predicates(claim: _Claim) -> dict[str, list[_Unit]]:
    """The predicates of a claim by key; its own words on a key outvote those it reports."""
    by_key: dict[str, list[_Unit]] = {}
    for unit in claim.content:
        if unit.predicate:
            for key in unit.keys:
                by_key.setdefault(key, []).append(unit)
    return {key: [u for u in units if not u.reported] or units for key, units in by_key.items()}


def _polar_clashes(a: _Claim, b: _Claim, topic: float,
                   context: Callable[[], float]) -> list[_Clash]:
    keys_a, by_key = _predicates(a), _predicates(b)
    polarities_a = {key: {u.polarity(key) for u in units} for key, units in keys_a.items()}
    clashes: list[_Clash] = []
    seen: dict[str, int] = {}
    for ua in (u for u in a.content if u.predicate):
        for key in ua.keys:
            if not any(u is ua for u in keys_a[key]):
                continue
            units_b = by_key.get(key, [])
            polarities_b = {u.polarity(key) for u in units_b}
            if len(polarities_a[key]) != 1 or len(polarities_b) != 1 or \
                    polarities_a[key] == polarities_b:
                continue
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > 3:  # a word repeated makes the same clash again
                continue
            for ub in units_b[:3]:
                clash = _polar_clash(a, ua, b, ub, topic, key, context)
                if clash:
                    clashes.append(clash)
    return clashes


def _near(claim: _Claim, unit: _Unit) -> tuple[list[_Unit], list[_Unit]]:
    """Content words just before and after a predicate in its clause, skipping a relative
    clause between commas ("the rule, which caps the deficit, must stay"): its arguments."""
    units = claim.units
    at = next(i for i, u in enumerate(units) if u is unit)
    before: list[_Unit] = []
    i = at - 1
    while i >= 0 and len(before) < NEAR_BEFORE:
        other = units[i]
        if other.low == ",":
            opening = next((j for j in range(i - 1, -1, -1) if units[j].low == ","), -1)
            if opening < 0 or opening + 1 >= i or units[opening + 1].low not in _RELATIVES:
                break
            i = opening - 1
            continue
        if (other.kind in ("punct", "break") and other.low != '"') or other.low in _WINDOW_STOPS:
            break
        if other.kind == "word" and not other.speaker and not other.light \
                and not _adverb(other):
            before.append(other)
        i -= 1
    after: list[_Unit] = []
    i = at + 1
    while i < len(units) and len(after) < NEAR_AFTER:
        other = units[i]
        if other.low == "," and i + 1 < len(units) and units[i + 1].low in _RELATIVES:
            closing = next((j for j in range(i + 1, len(units)) if units[j].low == ","), None)
            if closing is None:
                break
            i = closing + 1
            continue
        if (other.kind in ("punct", "break") and other.low not in ('"', ",")) \
                or other.low in _WINDOW_STOPS:
            break
        if other.kind == "word" and not other.speaker and not other.light \
                and not _adverb(other):
            after.append(other)
        i += 1
    return before, after


def _object(claim: _Claim, unit: _Unit, before: list[_Unit], after: list[_Unit]) -> list[_Unit]:
    """What a predicate is about: the words after it up to a preposition ("scrap the salary
    cap from next season"), or its subject when it is passive or a copula's complement ("the
    cap was scrapped", "the cap is essential", "the rule must stay")."""
    at = next(i for i, u in enumerate(claim.units) if u is unit)
    copula = unit.low.startswith(("must ", "should "))
    for other in reversed(claim.units[:at]):
        if other.low in _COPULAS:
            copula = True
        if other.kind == "word" and _adverb(other):
            continue  # "was not really a deal"
        if other.kind not in ("func", "neg") or other.low in _PREPOSITIONS:
            break
    words = [u for u in reversed(claim.units[max(0, at - 6) : at]) if u.kind == "word"]
    small_clause = any(u.low in _SMALL_CLAUSE for u in words[1:4])
    if (copula or small_clause) and unit.low.rsplit(" ", 1)[-1] not in _PREPOSITIONS \
            and not unit.low.endswith("ing"):
        return before
    following = {id(u) for u in after}
    found: list[_Unit] = []
    for other in claim.units[at + 1 :]:
        if found and (other.low in _PREPOSITIONS or id(other) not in following
                      and other.low not in _ARTICLES):  # "agreed to link the pipeline"
            break
        if id(other) in following:
            found.append(other)
    return found


_LY_NOUNS = frozenset("family assembly supply rally monopoly anomaly reply ally homily".split())


def _adverb(unit: _Unit) -> bool:
    """"really", "firmly": a manner word, no argument of a predicate."""
    return unit.low.endswith("ly") and len(unit.low) > 4 and not unit.classes \
        and not unit.entity and unit.low not in _LY_NOUNS


def _anchored(a: _Claim, ua: _Unit, b: _Claim, ub: _Unit, stance: bool) -> tuple[float, float]:
    """Same-topic and argument overlap of the two clauses around a clash when they speak of
    one object: the object of one predicate is near the other (for a stance: is the other's
    object too); (0, 0) when they do not."""
    before_a, after_a = _near(a, ua)
    before_b, after_b = _near(b, ub)
    clash_keys = ua.keys | ub.keys
    near_a = {k for u in before_a + after_a for k in u.keys} - clash_keys
    near_b = {k for u in before_b + after_b for k in u.keys} - clash_keys
    object_a = {k for u in _object(a, ua, before_a, after_a) for k in u.keys} - clash_keys
    object_b = {k for u in _object(b, ub, before_b, after_b) for k in u.keys} - clash_keys
    if stance:  # a stance is taken on a thing: both must name it
        near_a, near_b = object_a, object_b
    shared = max(len(object_a & near_b) / len(object_a) if object_a else 0.0,
                 len(object_b & near_a) / len(object_b) if object_b else 0.0)
    if not shared:
        return 0.0, 0.0
    window_a, window_b = [ua, *before_a, *after_a], [ub, *before_b, *after_b]
    keys_a = set().union(*(u.keys for u in window_a))
    keys_b = set().union(*(u.keys for u in window_b))
    topic = (_coverage(window_a, keys_b) + _coverage(window_b, keys_a)) / 2
    entities_a = {u.key for u in window_a if u.entity}
    entities_b = {u.key for u in window_b if u.entity}
    if entities_a and entities_b and not (entities_a & keys_b) and not (entities_b & keys_a):
        topic *= 0.4
    return topic, _overlap(near_a, near_b, 0.0)


def _complement(claim: _Claim, unit: _Unit, strict: bool = False) -> set[str]:
    """Keys of the words right after a predicate, up to a comma or the next clause: what the
    deal, the ban or the agreement is on ("agreed to link the pipeline", "no deal,"); strict,
    only the words of its object or "on", "to", "over" phrases, not where or when ("won
    approval in the senate")."""
    keys: set[str] = set()
    at = next(i for i, u in enumerate(claim.units) if u is unit)
    parties = False  # "no deal between the two sides": who, not what
    for other in claim.units[at + 1 : at + 12]:
        if other.kind in ("punct", "break") or other.low in _WINDOW_STOPS | {"and"}:
            break
        if other.low in _PREPOSITIONS | _PARTIES:
            parties = other.low in _PARTIES or strict and other.low not in _ON
        elif other.kind == "word" and not other.speaker and not parties:
            keys |= other.keys
    return keys - unit.keys


def _other_objects(a: _Claim, ua: _Unit, b: _Claim, ub: _Unit) -> bool:
    """The two predicates name what they are on, and name two different things."""
    complement_a, complement_b = _complement(a, ua, True), _complement(b, ub, True)
    return bool(complement_a and complement_b and not complement_a & complement_b)


def _object_keys(claim: _Claim, unit: _Unit) -> set[str]:
    return {k for u in _object(claim, unit, *_near(claim, unit)) for k in u.keys} - unit.keys


def _context_stands_in(a: _Claim, ua: _Unit, b: _Claim, ub: _Unit, cue: str, key: str) -> bool:
    """Only a strong cue may take its topic from the claims' contexts: an event family
    negated, a denial or a stance, and only when the two do not name two other things."""
    if not (cue in ("denial", "stance") or (cue == "negation" and key in _FAMILY_KEYS)):
        return False
    if _other_objects(a, ua, b, ub):
        return False  # "agreed to the pay offer" / "no agreement on the pension reform"
    if cue == "stance":  # "scrap it" leaves its object to the context; "the levy" does not
        return not _object_keys(a, ua) or not _object_keys(b, ub)
    return True


def _polar_clash(a: _Claim, ua: _Unit, b: _Claim, ub: _Unit, topic: float,
                 key: str, context_topic: Callable[[], float]) -> _Clash | None:
    if ua.negated != ub.negated:
        negated, plain = (ua, ub) if ua.negated else (ub, ua)
        if plain.weak and not negated.weak and not key.startswith("~"):
            return None  # "no breakthrough" and "some progress" can both be true
        negated_claim, plain_claim = (a, b) if negated is ua else (b, a)
        cue = max((c for c, _ in negated.flips), key=_FLIP_RANK.__getitem__)
        start = min(n for _, n in negated.flips)
        neg = _snippet(negated_claim, min(start, negated.first), negated.last)
        pos = _snippet(plain_claim, plain.first, plain.last)
        explanation = f"'{neg}' {_VERB[cue]} '{pos}'"
    elif ua.flips or ub.flips:
        return None  # "did not rise" and "did not fall" can both be true
    elif key.startswith("~") and int(key[1:]) in _STANCES:
        cue = "stance"
        explanation = (f"'{_snippet(a, ua.first, ua.last)}' takes the opposite stance to "
                       f"'{_snippet(b, ub.first, ub.last)}'")
    else:
        cue = "antonym"
        explanation = (f"'{_snippet(a, ua.first, ua.last)}' is the opposite of "
                       f"'{_snippet(b, ub.first, ub.last)}'")
    args_a, args_b = _arguments(a, ua), _arguments(b, ub)
    local = _overlap(args_a, args_b, topic)
    objects_a, objects_b = _arguments(a, ua, after=True), _arguments(b, ub, after=True)
    if objects_a and objects_b and not (objects_a & args_b) and not (objects_b & args_a):
        local = 0.0  # "supports the tax" and "opposes the war" are about two things
    anchored, near = _anchored(a, ua, b, ub, cue == "stance")
    context = context_topic()
    if context and not _context_stands_in(a, ua, b, ub, cue, key):
        context = 0.0
    if cue == "stance" and not anchored and not context:
        return None  # keeping one thing and changing another is no clash
    if key in _FAMILY_KEYS and _other_objects(a, ua, b, ub):
        local = near = 0.0  # "agreed to widen the talks" / "no agreement on the plan"
    local = max(local, near, context)
    carried = 0.97 if ua.carried or ub.carried else 1.0
    reported = REPORTED if ua.reported or ub.reported else 1.0
    reported *= OPEN if ua.open or ub.open else 1.0
    return _Clash(_BASE[cue] * (0.3 + 0.7 * local) * carried * reported, cue, explanation,
                  max(topic, anchored, context), context > max(topic, anchored))


def _same_quantity(x: _Quantity, y: _Quantity) -> bool:
    symbols = ("%", "$", "€", "£", "¥")
    if x.unit != y.unit and (x.unit in symbols or y.unit in symbols or (x.unit and y.unit)):
        return False
    if x.relation and y.relation and x.relation != y.relation:
        return False
    return bool(x.frame & y.frame) or not (x.frame or y.frame)


def _numeric_clashes(a: _Claim, b: _Claim, topic: float) -> list[_Clash]:
    counts_a = [q for q in a.quantities if q.date is None]
    counts_b = [q for q in b.quantities if q.date is None]

    def fits(x: _Quantity, y: _Quantity) -> bool:
        return x.low <= y.high and y.low <= x.high

    clashes = []
    for x in counts_a:
        same = [y for y in counts_b if _same_quantity(x, y)]
        if not same or any(fits(x, y) for y in same):
            continue
        for y in same:
            if any(fits(y, z) for z in counts_a if _same_quantity(y, z)):
                continue
            gap = max(x.low - y.high, y.low - x.high) / max(abs(x.high), abs(y.high), 1e-9)
            local = _overlap(set(x.frame), set(y.frame), topic)
            strength = _BASE["numeric"] * (0.3 + 0.7 * local) * (0.75 if gap < 0.05 else 1.0)
            strength *= REPORTED if x.reported or y.reported else 1.0
            explanation = (f"'{_snippet(a, x.first, x.last)}' does not match "
                           f"'{_snippet(b, y.first, y.last)}'")
            clashes.append(_Clash(strength, "numeric", explanation, topic))
    return clashes


def _date_clash(a: _Claim, b: _Claim, topic: float) -> _Clash | None:
    """Two dates for a one-off event ("opened in 1998" / "opened in 2003")."""
    events_a = {u.key for u in a.content if u.low in _EVENTS}
    events_b = {u.key for u in b.content if u.low in _EVENTS}
    days = all(q.date[1] and q.date[2] for q in (*a.dates, *b.dates))
    if not (events_a & events_b or (days and topic >= 0.8)):
        return None
    x, y = a.dates[0], b.dates[0]
    explanation = (f"'{_snippet(a, x.first, x.last)}' gives another date than "
                   f"'{_snippet(b, y.first, y.last)}'")
    return _Clash(_BASE["numeric"] * (0.3 + 0.7 * topic), "numeric", explanation, topic)


@lru_cache(maxsize=1024)
def _context_terms(context: str) -> tuple[frozenset[str], frozenset[str]]:
    """Keys of the named entities and of all content words of a claim's context; a headline
    in title case counts its words, not its capitals."""
    lines = []
    for line in context[:MAX_CHARS].splitlines():
        words = re.findall(r"[^\W\d_]{4,}", line)
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words):
            line = re.sub(r"\b[A-Z][a-z]+", lambda m: m.group().lower(), line)
        line = line.strip()
        if line:
            lines.append(line if line[-1] in ".!?:;\"'" else line + ".")
    claim = _read.__wrapped__(" ".join(lines))  # a paragraph: too big to keep, read once here
    units = [u for u in claim.units if u.kind == "word"]
    lower = {u.low for u in units if not claim.tokens[u.first].cap}
    # A capital opening a sentence names something when the word is never written lower case.
    entities = {u.key for u in units if u.entity or (claim.tokens[u.first].cap
                                                     and u.low not in lower)}
    return frozenset(entities), frozenset(u.key for u in units)


def _context_closeness(context_a: str, context_b: str) -> float:
    """How surely two contexts tell one story: shared named entities and key terms, 0..1."""
    if not context_a.strip() or not context_b.strip():
        return 0.0
    entities_a, keys_a = _context_terms(context_a)
    entities_b, keys_b = _context_terms(context_b)
    shared = entities_a & entities_b
    if len(shared) < min(3, len(entities_a), len(entities_b)) or not shared:
        return 0.0
    entities = len(shared) / min(len(entities_a), len(entities_b))
    keys = len(keys_a & keys_b) / math.sqrt(len(keys_a) * len(keys_b))
    return (entities + keys) / 2


def _topic_factor(topic: float) -> float:
    return min(1.0, topic / 0.6) ** 2


@dataclass(frozen=True)
class Verdict:
    """How likely two claims contradict, by which cues, in words an editor can check."""

    score: float  # 0..1, how likely the two claims contradict
    cues: tuple[str, ...]  # negation, antonym, stance, numeric, denial, modality
    explanation: str  # one short sentence quoting the clashing words
    same_topic: float  # 0..1 topical overlap after normalisation


def _context_topic(a: _Claim, b: _Claim, context_a: str, context_b: str) -> float:
    """The same-topic the two claims' contexts can lend a strong cue: 0 unless they surely
    tell one story and the claims themselves name no two different parties."""
    closeness = _context_closeness(context_a, context_b)
    if closeness < CONTEXT_MIN or _strangers(a.content, b.content):
        return 0.0
    low, high = CONTEXT_TOPIC
    return low + (high - low) * min(1.0, (closeness - CONTEXT_MIN) / CONTEXT_MIN)


def score(claim_a: str, claim_b: str, *, context_a: str = "", context_b: str = "") -> Verdict:
    """Score how likely two claims contradict each other; symmetric, never raises on a str.

    A context is the paragraph and headline around a claim. When the claims' own words do not
    show one topic, contexts telling one story may stand in for it, for strong cues only and
    with less weight than the claims' own words.
    """
    context_a = context_a if isinstance(context_a, str) else ""
    context_b = context_b if isinstance(context_b, str) else ""
    (first, context_first), (second, context_second) = sorted(
        ((claim_a, context_a), (claim_b, context_b)))
    a, b = _align_acronyms(_read(first), _read(second))
    topic = _topic(a, b)
    # Reading the contexts costs more than the rest of a score: only a clash asks for them.
    context = cache(lambda: _context_topic(a, b, context_first, context_second))
    clashes = _polar_clashes(a, b, topic, context) + _numeric_clashes(a, b, topic)
    if _dates_differ(a, b):
        date = None if clashes else _date_clash(a, b, topic)
        if date:
            clashes.append(date)
        else:
            topic *= 0.25
            for clash in clashes:
                clash.topic *= 0.25
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
    return Verdict(value, tuple(cues), explanation[:159], topic)


def claim_context(text: str, start: int | None, end: int | None, title: str | None = None,
                  *, reach: int = 1_500) -> str:
    """The context of a claim for score(): the headline and the paragraph of text (bounded by
    blank lines, and by reach characters either side) around the claim at start..end."""
    paragraph = ""
    if text and start is not None and end is not None:
        start = max(0, min(start, len(text)))
        end = max(start, min(end, len(text)))
        first, last = max(0, start - reach), min(len(text), end + reach)
        breaks = [m.span() for m in _BLANK_LINE.finditer(text, first, last)]
        first = max([e for s, e in breaks if e <= start], default=first)
        last = min([s for s, e in breaks if s >= end], default=last)
        paragraph = text[first:last].strip()
    return "\n\n".join(part.strip() for part in (title or "", paragraph) if part.strip())


def topic_terms(text: str) -> frozenset[str]:
    """Normalised content terms of a claim, as the same-topic check sees them: lower case,
    countries and acronyms folded, synonyms as their group's head word, plus the acronym of
    each capitalised name of three words or more (to search for "NAFTA" too)."""
    claim = _read(text)
    terms = {u.term for u in claim.content if u.term}
    for run in _runs(claim):
        if len(run) >= 3:
            terms.add("".join(u.low[0] for u in run))
    return frozenset(terms)
