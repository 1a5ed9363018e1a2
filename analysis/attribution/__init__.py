"""Attribution on the parse: cues found by a trained model, their sources and contents read off
the dependency tree, quotations given to the speaker of their frame or carried on from it."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from analysis.attribution.contents import content_tokens
from analysis.attribution.cues import cue_probability, is_candidate
from analysis.attribution.sources import source_phrase, source_token, stands_for, usable
from analysis.document import Document
from analysis.furniture import prefix_length
from analysis.nlp import Paragraph
from analysis.quotes import Quote

CUE_THRESHOLD = 0.5
_BETWEEN = " \n\t,.:;—–-"
DIRECT = "direct_quote"
INDIRECT = "indirect"


@dataclass
class Attribution:
    """Who (source) says what (content, article offsets) by which words (cue)."""

    content: tuple[int, int]
    cue: tuple[int, int]
    source: tuple[int, int] | None
    mention: str | None
    kind: str
    paragraph: int
    # The phrase that names the speaker: the source, or what a relative pronoun stands for.
    named_by: str | None = None


def _cues(document: Document, paragraph: Paragraph) -> list[Token]:
    found = []
    # "WASHINGTON (AP) --", "INTRO:": a dateline or a script marker is no frame.
    furniture = paragraph.start + prefix_length(document.text[paragraph.start : paragraph.end])
    for token in paragraph.doc:
        if is_candidate(token):
            start = paragraph.token_start(token)
            # A frame inside a quotation is the quoted speaker's words, not the article's.
            if start < furniture or document.quoted(start):
                continue
            if cue_probability(token, document.quoted(start)) >= CUE_THRESHOLD:
                found.append(token)
    return found


def attribute(document: Document) -> list[Attribution]:
    """Every attribution the parse supports, in text order."""
    found: list[Attribution] = []
    for index, paragraph in enumerate(document.paragraphs):
        for cue in _cues(document, paragraph):
            head = source_token(cue)
            if head is not None and not usable(head):
                head = None
            tokens = content_tokens(cue, head)
            doc = paragraph.doc
            if tokens is None or tokens[1] - tokens[0] < 2:
                quote = _adjacent_quote(document, paragraph, cue, head)
                if quote is None:
                    continue
                content = (quote.start, quote.end)
                first, last = (len(doc), -1)
            else:
                first, last = tokens
                content = paragraph.span(doc[first : last + 1])
            source = mention = named_by = None
            if head is not None:
                # The source inside its own content is a misreading.
                if first <= head.i <= last:
                    continue
                source = paragraph.span(source_phrase(head))
                mention = document.text[source[0] : source[1]]
                named = paragraph.span(source_phrase(stands_for(head)))
                named_by = document.text[named[0] : named[1]]
            quote = document.quote_at(content[0])
            kind = DIRECT if quote is not None and quote.end >= content[1] - 1 else INDIRECT
            found.append(
                Attribution(content, paragraph.span(cue), source, mention, kind, index, named_by)
            )
    return _with_quotations(document, found)


def _adjacent_quote(
    document: Document, paragraph: Paragraph, cue: Token, source: Token | None
) -> Quote | None:
    """The quotation a frame without a complement reports: '"...," Smith told reporters.' or
    'Smith told reporters: "..."'. Only punctuation may stand between the two."""
    if source is None:
        return None
    clause = [t for t in (cue, source) for t in (t.left_edge, t.right_edge)]
    start = paragraph.token_start(min(clause, key=lambda t: t.i))
    end = paragraph.token_end(max(clause, key=lambda t: t.i))
    for quote in document.quotes:
        if not paragraph.start <= quote.open_mark < paragraph.end or quote.close_mark is None:
            continue
        before = document.text[quote.close_mark + 1 : start]
        after = document.text[end : quote.open_mark]
        if (quote.close_mark < start and not before.strip(_BETWEEN)) or (
            quote.open_mark >= end and not after.strip(_BETWEEN)
        ):
            return quote
    return None


def _with_quotations(document: Document, found: list[Attribution]) -> list[Attribution]:
    """Quotations no cue reached: given to the source of the attribution that frames them in
    the same sentence, else carried on from the last quoted speaker of the previous paragraphs."""
    covered = [a.content for a in found]
    result = list(found)
    for quote in document.quotes:
        if quote.end - quote.start < 12 or any(
            start <= quote.start < end or start < quote.end <= end for start, end in covered
        ):
            continue
        previous = [a for a in found if a.content[1] <= quote.start and a.source is not None]
        if not previous:
            continue
        last = previous[-1]
        para = _paragraph_of(document, quote.start)
        if para - last.paragraph > 1 and not _opens_paragraph(document, para, quote.open_mark):
            continue
        result.append(
            Attribution((quote.start, quote.end), last.cue, last.source, last.mention, DIRECT,
                        para, last.named_by)
        )
    return sorted(result, key=lambda a: a.content)


def _paragraph_of(document: Document, offset: int) -> int:
    for index, paragraph in enumerate(document.paragraphs):
        if paragraph.start <= offset < paragraph.end:
            return index
    return len(document.paragraphs) - 1


def _opens_paragraph(document: Document, index: int, offset: int) -> bool:
    return document.text[document.paragraphs[index].start : offset].strip() == ""
