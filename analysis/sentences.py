"""Paragraphs and sentences of an article, as exact character spans of the original text."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from analysis.furniture import is_boilerplate_line, prefix_length
from analysis.lexicon import HONORIFICS, TITLE_HEADS


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) of the article."""

    start: int
    end: int


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_SPACE = re.compile(r"\s")
_LINE = re.compile(r"[^\n]*\n?")
# Sentence ends glued to the next sentence: "a new XYZ.Officials say", "today."We".
# Starting on the punctuation (not on a look-behind) lets the regex engine skip ahead fast.
_GLUED = re.compile(r"(?<=\w\w\w)[.!?](?=[A-Z][a-z]|[\"“][A-Z])|[.!?][\"”](?=[A-Z])")
_BOUNDARY = re.compile(r"[.!?…]+[\"”»’')\]]*\s+(?=(?:''|``|[\"“«‘(\[])?\w)")
_LAST_WORD = re.compile(r"([\w.'’-]*)[.!?…]+[\"”»’')\]]*\s+$")
_ABBREVIATIONS = frozenset(
    {w.rstrip(".") for w in HONORIFICS}
    | {w.rstrip(".") for w in TITLE_HEADS if w.endswith(".")}
    | {"st", "no", "vs", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec"}
)


def split_paragraphs(text: str, caseless: bool = False) -> list[Span]:
    """Paragraphs: blank lines separate them, and so do short or furniture lines in a block
    (told by the rules for copy without case when caseless, casing.is_caseless)."""
    spans: list[Span] = []
    start = 0
    for match in _BLANK_LINE.finditer(text):
        spans.extend(_split_block(text, start, match.start(), caseless))
        start = match.end()
    spans.extend(_split_block(text, start, len(text), caseless))
    return spans


def _split_block(text: str, start: int, end: int, caseless: bool) -> list[Span]:
    """Split one block of non-blank lines where a line break is a real paragraph break."""
    lines = [
        (m.start() + start, m.end() + start) for m in _LINE.finditer(text[start:end]) if m.group()
    ]
    widths = [len(text[a:b].strip()) for a, b in lines]
    widest = max(widths, default=0)
    spans: list[Span] = []
    para_start = start
    for i in range(len(lines) - 1):
        line = text[lines[i][0] : lines[i][1]]
        following = text[lines[i + 1][0] : lines[i + 1][1]].strip()
        # Hard-wrapped prose fills its lines; a short line ends a paragraph.
        short = widths[i] < 0.6 * widest or widest < 40
        furniture = is_boilerplate_line(line) or is_boilerplate_line(following)
        opener = prefix_length(following, caseless) > 0
        if short or furniture or opener:
            spans.append(Span(para_start, lines[i][1]))
            para_start = lines[i + 1][0]
    spans.append(Span(para_start, end))
    return [s for s in (_trim(text, span) for span in spans) if s.end > s.start]


def _trim(text: str, span: Span) -> Span:
    """The span without surrounding whitespace."""
    chunk = text[span.start : span.end]
    lead = len(chunk) - len(chunk.lstrip())
    return Span(span.start + lead, span.start + len(chunk.rstrip()))


def split_sentences(
    text: str, paragraphs: list[Span], caseless: bool = False
) -> list[list[Span]]:
    """The sentences of each paragraph, as spans of the article text."""
    return [_paragraph_sentences(text, para, caseless) for para in paragraphs]


def _paragraph_sentences(text: str, para: Span, caseless: bool) -> list[Span]:
    """Sentences of one paragraph."""
    # Newlines inside a paragraph are hard wrapping; same-length masking keeps offsets exact.
    masked = _SPACE.sub(" ", text[para.start : para.end])
    glued = [m.end() for m in _GLUED.finditer(masked)]
    spans = []
    for a, b in rule_pieces(masked, caseless):
        cuts = [a, *glued[bisect_right(glued, a) : bisect_left(glued, b)], b]
        for x, y in zip(cuts, cuts[1:], strict=False):
            span = _trim(text, Span(para.start + x, para.start + y))
            if span.end > span.start:
                spans.append(span)
    return spans


def rule_pieces(masked: str, caseless: bool) -> list[tuple[int, int]]:
    """Sentence ranges from punctuation rules: an end mark, then space and a capital (any letter
    in text without case), not after an initial, a dotted acronym or an abbreviation. (pysbd cut
    the same sentences on every measure here at five times the cost, and was dropped.)"""
    pieces = []
    start = 0
    for match in _BOUNDARY.finditer(masked):
        following = masked[match.end() : match.end() + 3].lstrip('"“‘([`\'')
        if not following or not (caseless or following[0].isupper() or following[0].isdigit()):
            continue
        word = _LAST_WORD.search(masked[max(0, match.start() - 40) : match.end()])
        token = word.group(1).casefold() if word else ""
        # Initials ("george w. bush"), dotted acronyms and abbreviations do not end sentences.
        if len(token) == 1 or "." in token or token in _ABBREVIATIONS:
            continue
        pieces.append((start, match.end()))
        start = match.end()
    pieces.append((start, len(masked)))
    return pieces
