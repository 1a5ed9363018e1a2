"""The clash rules that compare two read claims: a predicate negated, denied or doubted in
one and plain in the other, antonyms and opposite stances on one object, numbers that
cannot both hold, two dates for a one-off event; each with a strength and the words that
clash."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from analysis.contradiction.quantities import _Quantity
from analysis.contradiction.tables import (
    _ARTICLES,
    _COPULAS,
    _EVENTS,
    _FAMILY_KEYS,
    _ON,
    _PARTIES,
    _PREPOSITIONS,
    _RELATIVES,
    _SMALL_CLAUSE,
    _STANCES,
    _WINDOW_STOPS,
)
from analysis.contradiction.topic import CONTEXT_TOPIC, _coverage
from analysis.contradiction.units import _adverb, _Claim, _Unit
from analysis.lexicon import FUNCTION_WORDS

_BASE = {"negation": 0.9, "denial": 0.9, "antonym": 0.85, "numeric": 0.85, "stance": 0.8,
         "modality": 0.7}
_FLIP_RANK = {"denial": 3, "modality": 2, "negation": 1}
_VERB = {"negation": "negates", "denial": "denies", "modality": "doubts"}

# What a claim quotes or reports from someone else weighs this much as its own assertion.
REPORTED = 0.3
# What a claim leaves open ("did not rule out changes") weighs this much as an assertion.
OPEN = 0.5
NEAR_BEFORE, NEAR_AFTER = 3, 4  # content words around a predicate that can be its object


def _opposed_keys(stances_a: dict[str, int], stances_b: dict[str, int]) -> set[str]:
    """The predicate keys one claim takes one way and the other the other way."""
    return {key for key, sign in stances_a.items() if stances_b.get(key, sign) != sign}


def _dates_differ(a: _Claim, b: _Claim) -> bool:
    """Both claims give dates and none of one fits any of the other (a and b: anything with
    the dates of a claim, a stored signature too)."""
    def fits(x: tuple, y: tuple) -> bool:
        return all(p is None or q is None or p == q for p, q in zip(x, y, strict=True))

    dates_a, dates_b = a.dates, b.dates
    return bool(dates_a and dates_b) and not any(
        fits(x.date, y.date) for x in dates_a for y in dates_b)


@dataclass(slots=True)
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


def _polar_clashes(a: _Claim, b: _Claim, topic: float,
                   context: Callable[[], float]) -> list[_Clash]:
    keys_a, by_key = a.predicates, b.predicates
    opposed = _opposed_keys(a.stances, b.stances)  # most pairs have none
    clashes: list[_Clash] = []
    seen: dict[str, int] = {}
    for ua in (u for u in a.content if u.predicate) if opposed else ():
        for key in ua.keys:
            if key not in opposed or not any(u is ua for u in keys_a[key]):
                continue
            units_b = by_key[key]
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
    if key in _FAMILY_KEYS and _other_objects(a, ua, b, ub):
        local = near = 0.0  # "agreed to widen the talks" / "no agreement on the plan"
    # Reading the contexts costs more than the rest of a score: they are read only where the
    # topic they can lend (CONTEXT_TOPIC at most) could raise the clash's, or let a stance be.
    needed = (max(topic, anchored) < CONTEXT_TOPIC[1] or max(local, near) < CONTEXT_TOPIC[1]
              or (cue == "stance" and not anchored))
    context = context_topic() if needed else 0.0
    if context and not _context_stands_in(a, ua, b, ub, cue, key):
        context = 0.0
    if cue == "stance" and not anchored and not context:
        return None  # keeping one thing and changing another is no clash
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


def _fits(x: _Quantity, y: _Quantity) -> bool:
    """Two counts whose ranges overlap."""
    return x.low <= y.high and y.low <= x.high


def _numeric_clashes(a: _Claim, b: _Claim, topic: float) -> list[_Clash]:
    counts_a = [q for q in a.quantities if q.date is None]
    counts_b = [q for q in b.quantities if q.date is None]
    clashes = []
    for x in counts_a:
        same = [y for y in counts_b if _same_quantity(x, y)]
        if not same or any(_fits(x, y) for y in same):
            continue
        for y in same:
            if any(_fits(y, z) for z in counts_a if _same_quantity(y, z)):
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
