"""Claims of an article: sentences, attribution and speakers put together."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from analysis.pull_quotes import pull_quotes
from analysis.quotes import find_quotes
from analysis.sentences import is_lower_case, rule_pieces, split_paragraphs, split_sentences
from analysis.sieve import (
    DIRECT,
    Article,
    Attribution,
    attribute_sentence,
    inherit_speakers,
    lend_speakers,
    quote_attribution,
    standalone_quotes,
)
from analysis.speakers import Cast, SpeakerRef, parse_mention, role_phrase, titled_names

__all__ = ["ExtractedClaim", "SpeakerRef", "extract_claims"]


@dataclass(frozen=True)
class ExtractedClaim:
    """One proposition found in the article, with its exact place and its speaker."""

    text: str
    quote: str
    start: int
    end: int
    kind: str
    speaker: SpeakerRef | None
    speaker_mention: str | None


_WORD = re.compile(r"\w+")
_QUOTE_MARKS = '"“”«»„'
_EDGE_JUNK = " \t\r\n\f\v\u00a0,;:—–-"
# "Viktor Example is the deputy head of the institute": a copula gives a person's role.
_COPULA_ROLE = re.compile(
    r"\b(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+(?:is|was)\s+(?P<role>(?:the|an?)\s+[^.,;:\"“”]{3,80}?)"
    r"(?=[.,;:]|\s+(?:which|who|that|and)\s)"
)


def extract_claims(text: str) -> list[ExtractedClaim]:
    """Every claim in the article, in text order; never raises on any string."""
    if not isinstance(text, str) or not text.strip():
        return []
    lower_case = is_lower_case(text)
    paragraphs = split_paragraphs(text)
    article = Article(
        text,
        lower_case,
        paragraphs,
        split_sentences(text, paragraphs, lower_case),
        Cast(lower_case),
    )
    _meet_the_cast(article)
    blocks = pull_quotes(article)
    found: list[Attribution] = []
    previous_quote: Attribution | None = None
    for index in range(len(paragraphs)):
        if index in blocks.used:
            # A pull-quote repeats words from the body; it lends its speaker to nothing after it.
            if index in blocks.claims:
                found.append(blocks.claims[index])
            previous_quote = None
            continue
        quotes, others = _read_paragraph(article, index)
        quotes = lend_speakers(
            inherit_speakers(article, index, quotes, previous_quote), others, paragraphs[index]
        )
        found.extend(others)
        found.extend(quotes)
        previous_quote = quotes[-1] if quotes else None
    sentences = [(s.start, s.end) for para in article.sentences for s in para]
    merged = article.cast.name_the_described(text, sentences)
    refs = {id(e): e.ref() for e in article.cast.entities}
    refs.update((placeholder, refs[id(holder)]) for placeholder, holder in merged.items())
    claims = [c for a in found for c in _claims(article, a, refs)]
    return sorted(claims, key=lambda c: (c.start, c.end))


def _read_paragraph(article: Article, index: int) -> tuple[list[Attribution], list[Attribution]]:
    """Quotations and other claims of one paragraph, read sentence by sentence in text order."""
    pending = standalone_quotes(article, index)
    quotes: list[Attribution] = []
    others: list[Attribution] = []
    for sentence in article.sentences[index]:
        inside = [
            q
            for q in pending
            if q.open_mark < sentence.end and (q.close_mark or q.end) >= sentence.start
        ]
        if not inside:
            others.extend(attribute_sentence(article, sentence.start, sentence.end))
        for quote in inside:
            # A quotation's speaker is resolved when the reading reaches its closing frame.
            if (quote.close_mark if quote.close_mark is not None else quote.end) < sentence.end:
                quotes.append(quote_attribution(article, index, quote))
                pending.remove(quote)
    quotes.extend(quote_attribution(article, index, q) for q in pending)
    return quotes, others


def _meet_the_cast(article: Article) -> None:
    """Register the people the narration names with a title, so pronouns have antecedents."""
    text = article.text
    pieces = []
    cursor = 0
    for para in article.paragraphs:
        for quote in find_quotes(text, para.start, para.end):
            pieces += [text[cursor : quote.start], " " * (quote.end - quote.start)]
            cursor = quote.end
    plain = "".join([*pieces, text[cursor:]])
    for para in article.paragraphs:
        for position, mention in titled_names(plain, para.start, para.end, article.lower_case):
            article.cast.add(mention, position)
    if article.lower_case:
        return
    for match in _COPULA_ROLE.finditer(plain):
        mention = parse_mention(match.group("who"))
        role = role_phrase(match.group("role"))
        if mention and mention.kind == "person" and role:
            article.cast.add(mention, match.start(), role)


def _claims(
    article: Article, found: Attribution, refs: dict[int, SpeakerRef]
) -> list[ExtractedClaim]:
    """The claims of one attribution: a direct quote gives one claim per quoted sentence."""
    pieces = [(found.start, found.end)]
    if found.kind == DIRECT:
        pieces = _quoted_sentences(article, found)
    speaker = refs.get(id(found.speaker)) if found.speaker is not None else None
    claims = []
    for start, end in pieces:
        start, end = _trim(article.text, start, end)
        quote = article.text[start:end]
        if len(_WORD.findall(quote)) < 2 or quote.rstrip(_QUOTE_MARKS + "’')").endswith("?"):
            continue
        claims.append(
            ExtractedClaim(
                claim_text(found.text or quote),
                quote,
                start,
                end,
                found.kind,
                speaker,
                found.mention,
            )
        )
    return claims


def _quoted_sentences(article: Article, found: Attribution) -> list[tuple[int, int]]:
    """A quotation cut at the sentence boundaries inside it."""
    edges = article.sentence_edges
    cuts = [
        found.start,
        found.end,
        *edges[bisect_right(edges, found.start) : bisect_left(edges, found.end)],
    ]
    # pysbd keeps a quotation whole; its inner sentence ends are cut by rule.
    offset = found.start
    masked = article.text[found.start : found.end]
    cuts.extend(offset + b for _, b in rule_pieces(masked, article.lower_case)[:-1])
    cuts = sorted(set(cuts))
    return list(zip(cuts, cuts[1:], strict=False))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past whitespace, edge punctuation and stray quote marks."""
    while start < end and text[start] in _EDGE_JUNK + _QUOTE_MARKS:
        start += 1
    while end > start and text[end - 1] in _EDGE_JUNK:
        end -= 1
    # Keep a closing quote mark only when its opening mark is inside the span too.
    while end > start and text[end - 1] in _QUOTE_MARKS and _unbalanced(text[start:end]):
        end -= 1
        while end > start and text[end - 1] in _EDGE_JUNK:
            end -= 1
    return start, end


def _unbalanced(quote: str) -> bool:
    straight = quote.count('"') % 2 == 1
    curly = quote.count("“") < quote.count("”")
    return straight or curly


def claim_text(quote: str) -> str:
    """The quoted words as a claim readable alone: one line, capitalised, with a full stop."""
    words = " ".join(quote.split()).strip(_EDGE_JUNK)
    if not words:
        return words
    words = words[0].upper() + words[1:]
    core = words.rstrip(_QUOTE_MARKS + "’')]")
    if not core.endswith((".", "!", "?", "…")):
        words = core.rstrip(_EDGE_JUNK) + "." + words[len(core) :] if core != words else words + "."
    return words
