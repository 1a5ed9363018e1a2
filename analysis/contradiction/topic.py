"""Whether two claims are about the same thing: how much of each other's content words they
cover, two stories told apart by their named entities, acronyms met by their names, and the
same-topic two claims' contexts can lend; topic_terms for searching."""

from __future__ import annotations

import copy
import math
import re
from functools import lru_cache

from analysis.contradiction.reading import MAX_CHARS, _read
from analysis.contradiction.units import _Claim, _runs, _Unit
from analysis.furniture import in_title_case

# Two contexts this close (0..1) tell one story; they then lend a strong cue a same-topic
# between these two, below the 1.0 of a direct match.
CONTEXT_MIN = 0.4
CONTEXT_TOPIC = (0.6, 0.75)


def _align_acronyms(a: _Claim, b: _Claim) -> tuple[_Claim, _Claim]:
    """ "NAFTA" in one claim meets "North American Free Trade Agreement" in the other: the
    name's words take the acronym as their key, in a copy (a claim read once is shared by
    every pair it is scored in)."""
    aligned = {}
    for one, other in ((a, b), (b, a)):
        acronyms = one.acronyms
        if not acronyms:
            continue
        for run in _runs(other):
            initials = "".join(u.low[0] for u in run)
            for size in range(len(run), 1, -1):
                for start in range(len(run) - size + 1):
                    if initials[start : start + size] in acronyms:
                        if id(other) not in aligned:
                            aligned[id(other)] = copy.deepcopy(other)
                            aligned[id(other)].rekeyed()
                        copied = aligned[id(other)]
                        place = {id(u): n for n, u in enumerate(other.units)}
                        for unit in run[start : start + size]:
                            twin = copied.units[place[id(unit)]]
                            acronym = initials[start : start + size]
                            twin.rekey(acronym, acronym, frozenset())
                            twin.entity = True
    return aligned.get(id(a), a), aligned.get(id(b), b)


def _coverage(units: list[_Unit], keys: set[str]) -> float:
    total = sum(2 if u.entity else 1 for u in units)
    shared = sum(2 if u.entity else 1 for u in units if u.keys & keys)
    return shared / total if total else 0.0


def _topic(a: _Claim, b: _Claim) -> float:
    topic = (_coverage(a.content, b.keys) + _coverage(b.content, a.keys)) / 2
    return topic * 0.4 if _strangers(a, b) else topic


def _strangers(a: _Claim, b: _Claim) -> bool:
    """Each side names someone or something the other never mentions: two stories."""
    return bool(a.entities and b.entities and a.entities.isdisjoint(b.keys)
                and b.entities.isdisjoint(a.keys))


@lru_cache(maxsize=1024)
def _context_terms(context: str) -> tuple[frozenset[str], frozenset[str]]:
    """Keys of the named entities and of all content words of a claim's context; a headline
    in title case counts its words, not its capitals."""
    lines = []
    for line in context[:MAX_CHARS].splitlines():
        if in_title_case(line):
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


def _context_topic(a: _Claim, b: _Claim, context_a: str, context_b: str) -> float:
    """The same-topic the two claims' contexts can lend a strong cue: 0 unless they surely
    tell one story and the claims themselves name no two different parties."""
    if _strangers(a, b):  # known without reading the contexts
        return 0.0
    closeness = _context_closeness(context_a, context_b)
    if closeness < CONTEXT_MIN:
        return 0.0
    low, high = CONTEXT_TOPIC
    return low + (high - low) * min(1.0, (closeness - CONTEXT_MIN) / CONTEXT_MIN)


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
