"""Quoted passages in a paragraph: where the quoted words start and end."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Typewriter text writes double quotes as two single marks: ``...'' or ''...'' (archive
# copy of the New York Times, Penn Treebank style).
TYPEWRITER_MARKS = ("``", "''")
_OPENERS = {"“": "”", "«": "»", "„": "“", "``": "''"}
_STRAIGHT = ('"', "''")
_MARKS = re.compile("''|``|[\"“”«»„]")


@dataclass(frozen=True)
class Quote:
    """Quoted words [start, end) after the mark opening at open_mark and before the one
    closing at close_mark, its last character (None if unclosed)."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Double-quoted passages in text[start:end]; an unclosed quote runs to the end."""
    # Single quotes are left alone: apostrophes make them ambiguous, and they mostly nest.
    quotes: list[Quote] = []
    open_at: int | None = None
    inside, closer = 0, ""
    for match in _MARKS.finditer(text, start, end):
        i, mark = match.start(), match.group()
        if open_at is None:
            if mark in _OPENERS or mark in _STRAIGHT:
                open_at, inside, closer = i, match.end(), _OPENERS.get(mark, mark)
        elif mark == closer or (mark in _STRAIGHT and closer not in _STRAIGHT) or mark == "”":
            quotes.append(Quote(inside, i, open_at, match.end() - 1))
            open_at = None
    if open_at is not None:
        quotes.append(Quote(inside, end, open_at, None))
    return [q for q in quotes if q.end > q.start]
