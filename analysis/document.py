"""An article read once: its paragraphs parsed, its quotations found, its case noted."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from analysis.casing import truecase
from analysis.nlp import Paragraph, parse_paragraphs
from analysis.quotes import Quote, find_quotes
from analysis.sentences import is_lower_case, split_paragraphs


@dataclass
class Document:
    text: str
    lower_case: bool
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


def read_document(text: str) -> Document:
    """Parse an article, paragraph by paragraph, in one batch."""
    spans = [(p.start, p.end) for p in split_paragraphs(text)]
    lower_case = is_lower_case(text)
    # Lower-case copy is parsed with its capitals put back (same length, same offsets).
    paragraphs = parse_paragraphs(truecase(text) if lower_case else text, spans)
    quotes = [q for start, end in spans for q in find_quotes(text, start, end)]
    return Document(text, lower_case, paragraphs, quotes)
