"""Quoted passages in a paragraph: where the quoted words start and end."""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPENERS = {"“": "”", "«": "»", "„": "“"}
_STRAIGHT = '"'
_MARKS = re.compile('["“”«»„]')


@dataclass(frozen=True)
class Quote:
    """Quoted words [start, end) between marks at open_mark and close_mark (None if unclosed)."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Double-quoted passages in text[start:end]; an unclosed quote runs to the end."""
    # Single quotes are left alone: apostrophes make them ambiguous, and they mostly nest.
    quotes: list[Quote] = []
    open_at: int | None = None
    closer = ""
    for match in _MARKS.finditer(text, start, end):
        i, char = match.start(), match.group()
        if open_at is None:
            if char in _OPENERS or char == _STRAIGHT:
                open_at, closer = i, _OPENERS.get(char, _STRAIGHT)
        elif char == closer or (char == _STRAIGHT and closer != _STRAIGHT) or char == "”":
            quotes.append(Quote(open_at + 1, i, open_at, i))
            open_at = None
    if open_at is not None:
        quotes.append(Quote(open_at + 1, end, open_at, None))
    return [q for q in quotes if q.end > q.start]
