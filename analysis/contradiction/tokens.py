"""Claim text as tokens: words, numbers, spelled-out acronyms ("W-H-O"), punctuation and
currency or percent symbols."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"(?P<spelled>(?:[^\W\d_][-.]){1,}[^\W\d_]\b\.?)"
    r"|(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"|(?P<word>[^\W\d_]+(?:'[^\W\d_]+)*)"
    r"|(?P<punct>[.;:!?()\[\]\"]|,|--|—|–)"
    r"|(?P<symbol>[$€£¥%])"
)
_SENTENCE_END = frozenset(".!?")


@dataclass(slots=True)
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
