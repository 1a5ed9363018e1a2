"""Quantities in a claim's tokens: counts, amounts and percentages as intervals with their
unit and qualifier ("more than 40%"), and dates as (year, month, day)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.contradiction.tables import _DATE_PREPOSITIONS, _MONTHS, _NUMBERS, _lexical
from analysis.contradiction.tokens import _SENTENCE_END, _Token
from analysis.lexicon import FUNCTION_WORDS

MAX_QUANTITIES = 40


@dataclass(slots=True)
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


def _starts(table: dict[tuple[str, ...], object]) -> frozenset[str]:
    return frozenset(key[0] for key in table if key)


# The words the entries of each number table start with: a claim is matched against the
# tables at every token, and most tokens start no entry at all.
_NUMBER_STARTS = _starts(_NUMBERS.values)
_TABLES = {name: (table, _starts(table)) for name, table in (
    ("before", _NUMBERS.before), ("vague", _NUMBERS.vague), ("units", _NUMBERS.units),
    ("after", _NUMBERS.after))}
# The words a quantity can start at besides numbers, symbols and months: others are passed over.
_QUANTITY_STARTS = _TABLES["before"][1] | _TABLES["vague"][1] | _NUMBER_STARTS


def _number_words(tokens: list[_Token], i: int) -> tuple[float, int] | None:
    """Value and end of a number spelled in words ("two hundred", "forty-two", "a dozen")."""
    if tokens[i].low not in _NUMBER_STARTS:
        return None
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


def _match(tokens: list[_Token], i: int, name: str) -> tuple[str, int] | None:
    """The longest entry (of up to four words) of a number table at token i, and its end."""
    table, starts = _TABLES[name]
    if i >= len(tokens) or tokens[i].low not in starts:
        return None
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
        token = tokens[i]
        if token.kind not in ("num", "symbol") and token.low not in _QUANTITY_STARTS \
                and token.low.rstrip(".") not in _MONTHS:
            i += 1
            continue
        start, qualifier, unit = i, None, None
        matched = _match(tokens, i, "before")
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
            elif i < len(tokens) and (spec := _match(tokens, i, "vague")):
                vague, end = spec
        if value is None and vague is None:
            i = start + 1
            continue
        unit_match = _match(tokens, end, "units") if end < len(tokens) else None
        if unit_match:
            unit, end = unit_match
        after = _match(tokens, end, "after") if end < len(tokens) else None
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
    if token.kind != "num" and token.low.rstrip(".") not in _MONTHS:
        return None  # every date starts with a number or a month
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
