"""Which negation reaches which word: a stance reversed reads as its opposite, light verbs
and control words hand their negation on, a refusal reaches what is refused, and every
content word gets its flips and a clause number."""

from __future__ import annotations

from analysis.contradiction.tables import (
    _CLASSES,
    _COPULAS,
    _CUES,
    _DETERMINERS,
    _MODALS,
    _NO_CLASSES,
    _STANCES,
    _WINDOW_STOPS,
    _lexical,
)
from analysis.contradiction.tokens import _SENTENCE_END
from analysis.contradiction.units import _adverb, _eventive, _Unit


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
            unit.rekey(accept_key, accept_term, _CLASSES.get("accept", _NO_CLASSES))
            units[j].kind = "func"


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
                target.flips = (*target.flips, (unit.cue, unit.first))
    for i, unit in enumerate(words):
        if unit.kind != "word" or not unit.negated or \
                unit.low not in _CUES.get("consent", ()) or i + 1 >= len(words) or \
                words[i + 1].low != "to":
            continue
        target = next((w for w in words[i + 2 : i + 6] if w.kind == "word"), None)
        if target is not None and not target.flips and \
                any(number in _STANCES for number, _ in target.classes):
            target.flips = unit.flips
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
        unit.flips = tuple((n.cue, n.first) for n in [*applied, *rest])
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
                    unit.flips = tuple(flip for flip in unit.flips if flip[1] != wrapper)
