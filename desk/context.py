"""Quotes in context: the sentences around an appearance's [start, end) in its article."""

import re
from dataclasses import dataclass

from models.queries.claims import appearances_of
from models.queries.sources import texts_of

REACH = 280  # characters of context on each side, at most, cut at a sentence's edge
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n\s*\n")


@dataclass(frozen=True)
class Excerpt:
    before: str
    quote: str
    after: str
    cut_before: bool  # the excerpt starts mid-article
    cut_after: bool


def excerpt(text: str, start: int, end: int) -> Excerpt:
    """The quote with the sentence it sits in and, room allowing, its neighbours."""
    lower = max(0, start - REACH)
    edges = [m.end() for m in _SENTENCE_END.finditer(text, lower, start)]
    begin = edges[0] if edges and lower > 0 else lower
    upper = min(len(text), end + REACH)
    ends = [m.start() + 1 for m in _SENTENCE_END.finditer(text, end, upper)]
    finish = ends[-1] if ends and upper < len(text) else upper
    return Excerpt(text[begin:start], text[start:end], text[end:finish].rstrip(),
                   cut_before=begin > 0, cut_after=finish < len(text.rstrip()))


def add_excerpts(appearances: list[dict]) -> None:
    """Give each appearance (as models.queries records them) its excerpt, or None when it has
    no place in a stored text; one query for all their articles."""
    texts = texts_of({a["source"]["id"] for a in appearances if a["source"]})
    for appearance in appearances:
        text = texts.get(appearance["source"]["id"]) if appearance["source"] else None
        appearance["excerpt"] = (excerpt(text, appearance["start"], appearance["end"])
                                 if text is not None and appearance["start"] is not None
                                 else None)


def first_appearances(claim_ids) -> dict[int, dict]:
    """Each claim's first appearance, with its excerpt."""
    firsts = {claim_id: found[0] for claim_id, found in appearances_of(claim_ids).items()}
    add_excerpts(list(firsts.values()))
    return firsts
