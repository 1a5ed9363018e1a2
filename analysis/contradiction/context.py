"""A claim's context for score(): the headline and the paragraph around it in its article."""

from __future__ import annotations

import re

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


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
