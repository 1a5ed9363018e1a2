"""Words a claim names without asserting them: under a condition or a scare quote, a gerund
or infinitive subject, what someone seeks, an event in a phrase "no" denies; and what it
leaves open ("did not rule out changes")."""

from __future__ import annotations

from analysis.contradiction.tables import (
    _ATTRIBUTION,
    _CONDITIONS,
    _COPULAS,
    _CUES,
    _MODALS,
    _ON,
    _OPENER_STARTS,
    _OPENERS,
    _PREPOSITIONS,
    _STANCES,
    _SUBJECT_VERBS,
    _SUBORDINATORS,
    _WINDOW_STOPS,
)
from analysis.contradiction.tokens import _SENTENCE_END
from analysis.contradiction.units import _eventive, _Unit


def _opener(units: list[_Unit], i: int) -> tuple[int, bool]:
    """Length of the condition or concession opening at unit i (0 if none), and whether it
    makes the clause it is attached to conditional too ("if", not "even if")."""
    if units[i].low in _OPENER_STARTS:
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
