"""Pull-quote blocks: a "Quote" line, the quoted words, "Unquote", then the speaker's name."""

from __future__ import annotations

import re

from analysis.attribution.frame import DIRECT, Attribution
from analysis.document import Document

_OPENERS = frozenset({"quote", "begin quote", "start quote"})
_CLOSERS = frozenset({"unquote", "end quote", "endquote", "end of quote", "close quote"})
_NON_LETTERS = re.compile(r"[^\w\s]|_")
# Longer runs between the markers are not a pull-quote but prose that happens to say "Quote".
MAX_QUOTED_PARAGRAPHS = 4
MAX_NAME_WORDS = 10


def _marker(text: str) -> str:
    return " ".join(_NON_LETTERS.sub(" ", text).split()).casefold()


def pull_quotes(document: Document) -> tuple[list[Attribution], set[int]]:
    """The quotations of every well-formed block (opener, one to four quoted paragraphs, closer,
    optional name line), and the paragraphs the blocks use up."""
    text = document.text
    paragraphs = document.paragraphs
    markers = [_marker(text[p.start : p.end]) for p in paragraphs]
    found: list[Attribution] = []
    used: set[int] = set()
    index = 0
    while index < len(paragraphs):
        if markers[index] not in _OPENERS:
            index += 1
            continue
        close = next(
            (
                j
                for j in range(index + 1, min(len(paragraphs), index + MAX_QUOTED_PARAGRAPHS + 2))
                if markers[j] in _CLOSERS or markers[j] in _OPENERS
            ),
            None,
        )
        if close is None or close == index + 1 or markers[close] in _OPENERS:
            index += 1
            continue
        name = _name_line(document, close + 1)
        opener = (paragraphs[index].start, paragraphs[index].end)
        for quoted in range(index + 1, close):
            para = paragraphs[quoted]
            speaker = {"source": name[0], "mention": name[1], "named_by": name[1],
                       "proper": name[2]} if name else {}
            found.append(Attribution((para.start, para.end), opener, DIRECT, quoted,
                                     frame_start=para.start, ruled=True, **speaker))
        last = close + 1 if name else close
        used.update(range(index, last + 1))
        index = last + 1
    return found, used


def _name_line(document: Document, index: int) -> tuple[tuple[int, int], str, bool] | None:
    """A short line naming the speaker after the closer ("Finance Minister Ana Duarte")."""
    if index >= len(document.paragraphs):
        return None
    para = document.paragraphs[index]
    line = document.text[para.start : para.end]
    lead = len(line) - len(line.lstrip(" -—–"))
    name = line[lead:].rstrip(" .")
    if not name or len(name.split()) > MAX_NAME_WORDS or any(
        token.pos_ in ("VERB", "AUX") for token in para.doc
    ):
        return None
    return (para.start + lead, para.start + lead + len(name)), name, any(
        token.pos_ == "PROPN" for token in para.doc
    )
