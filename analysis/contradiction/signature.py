"""What of a claim's reading decides whether it can clash with another claim at all, small
enough to store with the claim: the predicate keys it takes one way only, its counts and its
dates, the acronyms it writes and the initials of the names it spells out (an acronym of one
claim rekeys the name it stands for in the other).

may_clash() is False only when score() of the two claims would find no clash whatever their
contexts and sources: a clash of polarity needs a key one claim takes one way and the other
the other way, a numeric clash two counts of one kind that do not overlap, a date clash two
dates that differ. So a candidate ruled out is never read, and nothing is lost by it: most
candidates the search index gives share words with a claim but none of these.

A signature holds the VERSION of the reading that wrote it: a digest of the reading's code
and word tables, so any change to either gives new signatures, and one of another version (or
none) rules nothing out until `claimtracker recheck` stores new ones.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis import casing, lexicon
from analysis.contradiction import (
    named,
    polarity,
    quantities,
    reading,
    reporting,
    tables,
    tokens,
    units,
)
from analysis.contradiction.clashes import _dates_differ, _fits, _opposed_keys, _same_quantity
from analysis.contradiction.quantities import _Quantity
from analysis.contradiction.reading import _read
from analysis.contradiction.units import ACRONYM, _Claim, _runs

_READING = sorted(Path(module.__file__) for module in (
    casing, lexicon, named, polarity, quantities, reading, reporting, tables, tokens, units)
) + [Path(__file__)]
VERSION = hashlib.sha1(b"".join(path.read_bytes() for path in (
    *_READING, *sorted(lexicon.DATA.glob("*.txt"))))).hexdigest()[:12]


# How a signature of this reading is told apart in the database without parsing it.
MARK = f'"v":"{VERSION}"'


@dataclass(frozen=True)
class Signature:
    stances: dict[str, int]  # predicate key -> the one polarity the claim gives it
    counts: tuple[_Quantity, ...]  # its quantities that are not dates
    dates: tuple[_Quantity, ...]  # its dates: (year, month, day), each may be None
    acronyms: frozenset[str]
    initials: frozenset[str]  # of each run of capitalised words and of each part of one


def _count(row: list) -> _Quantity:
    low, high, unit, relation, frame = row
    return _Quantity(0, 0, low, high, unit, relation, frame=frozenset(frame))


def _date(row: list) -> _Quantity:
    return _Quantity(0, 0, 0.0, 0.0, None, None, date=tuple(row))


def _initials(claim: _Claim) -> set[str]:
    """What an acronym of another claim is matched against (topic._align_acronyms): the
    initials of each part of a run of capitalised words, as long as an acronym may be."""
    found = set()
    for run in _runs(claim):
        initials = "".join(u.low[0] for u in run)
        found.update(initials[start:end] for start in range(len(initials))
                     for end in range(start + 2, min(len(initials), start + ACRONYM) + 1))
    return found


def signature(text: str) -> str:
    """The signature of a claim, as JSON to store beside it."""
    claim = _read(text)
    data = {"v": VERSION, "stances": claim.stances,
            "counts": [[q.low, q.high, q.unit, q.relation, sorted(q.frame)]
                       for q in claim.quantities if q.date is None],
            "dates": [list(q.date) for q in claim.dates], "acronyms": sorted(claim.acronyms),
            "initials": sorted(_initials(claim))}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@lru_cache(maxsize=8192)
def _parsed(stored: str | None) -> Signature | None:
    """A stored signature of this reading, or None (none, another version, or not one)."""
    try:
        data = json.loads(stored) if stored else None
        if not isinstance(data, dict) or data.get("v") != VERSION:
            return None
        return Signature(data["stances"], tuple(_count(row) for row in data["counts"]),
                         tuple(_date(row) for row in data["dates"]),
                         frozenset(data["acronyms"]), frozenset(data["initials"]))
    except (ValueError, KeyError, TypeError):
        return None


def is_current(stored: str | None) -> bool:
    """Whether a stored signature was written by this reading."""
    return _parsed(stored) is not None


def may_clash(first: str | None, second: str | None) -> bool:
    """Whether two claims, by their stored signatures, can clash at all (True when either
    signature is missing or of another version)."""
    a, b = _parsed(first), _parsed(second)
    if a is None or b is None or a.acronyms & b.initials or b.acronyms & a.initials:
        return True
    if _opposed_keys(a.stances, b.stances) or _dates_differ(a, b):
        return True
    return any(_same_quantity(x, y) and not _fits(x, y) for x in a.counts for y in b.counts)
