"""Claims of an article: attributions on the parse, their speakers named, the rest narration."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from analysis.attribution import attribute
from analysis.attribution.frame import Attribution
from analysis.attribution.keep import heard_nearby, holds
from analysis.attribution.resolution import name_speakers
from analysis.contradiction.frames import Frame, read_frame
from analysis.document import Document, read_document
from analysis.furniture import is_boilerplate_line, is_sign_off
from analysis.quotes import TYPEWRITER_MARKS
from analysis.sentences import split_paragraphs, split_sentences
from analysis.speakers import SpeakerRef

__all__ = ["ExtractedClaim", "SpeakerRef", "extract_claims"]

NARRATION = "narration"


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
    frame: Frame | None = None  # what the contradiction pair model compares


_WORD = re.compile(r"\w+")
_QUOTE_MARKS = '"“”«»„'
_EDGE_JUNK = " \t\r\n\f\v\u00a0,;:—–-"
_TRAILING_JOIN = re.compile(
    r"(?:[\s,;:—–-]|\b(?:and|but|while|as|though|although|whereas)\b)*$", re.I
)


def extract_claims(text: str) -> list[ExtractedClaim]:
    """Every claim in the article, in text order; never raises on any string."""
    if not isinstance(text, str) or not text.strip():
        return []
    document = read_document(text)
    attributions = attribute(document)
    speakers = name_speakers(document, attributions)
    heard = heard_nearby(attributions, speakers)
    attributions = [a for a in attributions
                    if holds(text, a, speakers.get(id(a)), id(a) in heard)]
    # A transcript's turn is the voice of its sentences, as the outlet's is of narration.
    turns = [a for a in attributions if a.turn]
    attributions = [a for a in attributions if not a.turn]
    caseless = document.caseless
    sentences = [s for para in split_sentences(text, split_paragraphs(text, caseless), caseless)
                 for s in para]
    edges = sorted({e for s in sentences for e in (s.start, s.end)})
    claims = []
    for attribution in attributions:
        speaker = _named(speakers, attribution)
        for start, end in _pieces(attribution, edges):
            claims += _claim(document, start, end, attribution.kind, speaker,
                             attribution.mention, attribution.text, attribution.cue_lemma)
    for sentence in sentences:
        start = document.prefix_end(sentence.start, sentence.end)
        turn = next((t for t in turns if t.frame_start <= start < t.content[1]), None)
        voice = (NARRATION, None, None)
        if turn is not None:
            start = max(start, turn.content[0])
            voice = (turn.kind, _named(speakers, turn), turn.mention)
        inside = [a for a in attributions if a.content[0] < sentence.end and start < a.content[1]]
        end = sentence.end
        if inside:
            # Narration may lead into a frame: "The council approved it, but critics say P."
            end = min(a.frame_start for a in inside)
            end -= len(_TRAILING_JOIN.search(text[start:end]).group())
            if end <= start or len(_WORD.findall(text[start:end])) < 4:
                continue
            claims += _claim(document, start, end, *voice)
        elif _declarative(text[start:end], document.caseless) or (
                turn is not None and len(_WORD.findall(text[start:end])) >= 4):
            # A turn's words need no full stop: "Sanders: Brexit could hurt US economy".
            claims += _claim(document, start, end, *voice)
    return sorted(claims, key=lambda c: (c.start, c.end))


def _named(speakers: dict[int, SpeakerRef], found: Attribution) -> SpeakerRef | None:
    """The speaker of a frame, when the text names one: not "the company" it only describes."""
    speaker = speakers.get(id(found))
    return speaker if speaker is not None and speaker.named else None


def _pieces(found: Attribution, edges: list[int]):
    """A content cut at the sentence boundaries inside it."""
    start, end = found.content
    cuts = sorted({start, end, *edges[bisect_right(edges, start) : bisect_left(edges, end)]})
    return list(zip(cuts, cuts[1:], strict=False))


def _claim(document: Document, start, end, kind, speaker, mention, words=None, cue=""
           ) -> list[ExtractedClaim]:
    # A content cut where a second frame begins may end on its joining word: "P but [said Q]".
    end -= len(_TRAILING_JOIN.search(document.text[start:end]).group())
    start, end = _trim(document.text, start, end)
    quote = document.text[start:end]
    if len(_WORD.findall(quote)) < 2 or quote.rstrip(_QUOTE_MARKS + "’')").endswith("?"):
        return []
    frame = read_frame(*document.tokens(start, end), cue)
    return [ExtractedClaim(claim_text(words or quote), quote, start, end, kind, speaker, mention,
                           frame)]


def _declarative(sentence: str, caseless: bool) -> bool:
    """A statement worth tracking: ends in a full stop or "!", has a few words, is not furniture."""
    core = sentence.rstrip().rstrip("\"”»’')]")
    if not core or core[-1] not in ".!" or core.endswith("...") or len(_WORD.findall(core)) < 4:
        return False
    return (not is_boilerplate_line(sentence) and not is_sign_off(sentence)
            and (caseless or any(c.islower() for c in sentence)))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past whitespace, edge punctuation and stray quote marks."""
    while start < end and (text[start] in _EDGE_JUNK + _QUOTE_MARKS
                           or text.startswith(TYPEWRITER_MARKS, start)):
        start += 2 if text[start] in "'`" else 1
    while end > start and text[end - 1] in _EDGE_JUNK:
        end -= 1
    # Keep a closing quote mark only when its opening mark is inside the span too; an opening
    # mark at the end opens nothing (a closing one mistyped).
    while end > start and (_opens_nothing(text[start:end]) or (
            (text[end - 1] in _QUOTE_MARKS or text.endswith("''", start, end))
            and _unbalanced(text[start:end]))):
        end -= 2 if text[end - 1] == "'" else 1
        while end > start and text[end - 1] in _EDGE_JUNK:
            end -= 1
    return start, end


def _opens_nothing(quote: str) -> bool:
    """An opening mark ending the words ("“" closes only what „ opened)."""
    return quote.endswith("«") or (quote.endswith("“") and "„" not in quote)


def _unbalanced(quote: str) -> bool:
    # Typewriter marks: ``...'' or ''...''.
    straight = (quote.count('"') + quote.count("''") - quote.count("``")) % 2 == 1
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
