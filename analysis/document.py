"""An article read once: its paragraphs parsed, its quotations found, its case noted."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Token

from analysis.casing import is_caseless, truecase
from analysis.furniture import prefix_length
from analysis.nlp import Paragraph, parse_paragraphs, parse_paragraphs_of_many
from analysis.quotes import Quote, find_quotes
from analysis.sentences import rule_pieces, split_paragraphs


@dataclass
class Document:
    text: str
    # Written all in lower case or all in capitals: case marks no names, and the parser reads
    # the text in lower case with its capitals put back (analysis/casing.py).
    caseless: bool
    paragraphs: list[Paragraph]
    quotes: list[Quote]

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q.open_mark for q in self.quotes]

    def quote_at(self, offset: int) -> Quote | None:
        """The quotation whose marks enclose the offset, if any."""
        index = bisect_right(self._quote_starts, offset) - 1
        if index >= 0:
            quote = self.quotes[index]
            if offset <= (quote.close_mark if quote.close_mark is not None else quote.end):
                return quote
        return None

    def quoted(self, offset: int) -> bool:
        return self.quote_at(offset) is not None

    def prefix_end(self, start: int, end: int) -> int:
        """Where the dateline or script marker opening [start, end) ends ("WASHINGTON (AP)
        --", "INTRO:"), or start; in copy without case, only a paragraph opens with one ("jobs
        - not taxes - matter")."""
        if self.caseless and start not in self._paragraph_starts:
            return start
        return start + prefix_length(self.text[start:end], self.caseless)

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def tokens(self, start: int, end: int) -> tuple[list[Token], list[Token]]:
        """The parsed tokens of [start, end), and the words of their sentence before them;
        nothing past the parse budget."""
        index = bisect_right(self._paragraph_starts, start) - 1
        if index < 0 or start >= self.paragraphs[index].end:
            return [], []
        paragraph = self.paragraphs[index]
        inside = [t for t in paragraph.doc if start <= paragraph.token_start(t) < end]
        if not inside:
            return [], []
        return inside, list(paragraph.doc[inside[0].sent.start : inside[0].i])


# A news article is a few thousand characters; the parser reads about 17,000 a second here.
PARSE_BUDGET = 100_000
# The parser takes at most a million characters at once, and slows on very long inputs.
LONGEST_PIECE = 10_000


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A paragraph, cut at sentence ends into pieces of at most LONGEST_PIECE characters (a
    sentence longer than that is cut where it must be)."""
    if end - start <= LONGEST_PIECE:
        return [(start, end)]
    pieces = []
    piece_start = last_cut = start
    for _, relative_end in rule_pieces(text[start:end], False):
        cut = start + relative_end
        if cut - piece_start > LONGEST_PIECE:
            if last_cut > piece_start:
                pieces.append((piece_start, last_cut))
                piece_start = last_cut
            while cut - piece_start > LONGEST_PIECE:
                pieces.append((piece_start, piece_start + LONGEST_PIECE))
                piece_start += LONGEST_PIECE
        last_cut = cut
    pieces.append((piece_start, end))
    return [(a, b) for a, b in pieces if b > a]


def _plan(text: str) -> tuple[str, list[tuple[int, int]], bool]:
    """What of an article is parsed: the text the parser reads, its paragraph spans (the first
    PARSE_BUDGET characters; attribution is read there, the rest is narration by rule), and
    whether the copy is caseless (parsed with its capitals put back: same length, same
    offsets)."""
    spans = []
    budget = PARSE_BUDGET
    caseless = is_caseless(text)
    for paragraph in split_paragraphs(text, caseless):
        for start, end in _pieces(text, paragraph.start, paragraph.end):
            if end - start > budget:
                break
            spans.append((start, end))
            budget -= end - start
    return (truecase(text) if caseless else text), spans, caseless


def read_document(text: str) -> Document:
    """Parse an article, paragraph by paragraph, in one batch."""
    parsed, spans, caseless = _plan(text)
    paragraphs = parse_paragraphs(parsed, spans)
    quotes = [q for start, end in spans for q in find_quotes(text, start, end)]
    return Document(text, caseless, paragraphs, quotes)


def prepare(texts: list[str]) -> None:
    """Parse several articles in one batch through the model, ahead of reading each of them
    (a backfill's batch): their documents are then read without parsing again."""
    parse_paragraphs_of_many([_plan(text)[:2] for text in texts])
