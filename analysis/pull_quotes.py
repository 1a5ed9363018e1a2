"""Pull-quote blocks: a "Quote" line, the quoted words, "Unquote", then the speaker's name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.sieve import DIRECT, Article, Attribution
from analysis.speakers import parse_mention

_OPENERS = frozenset({"quote", "begin quote", "start quote"})
_CLOSERS = frozenset({"unquote", "end quote", "endquote", "end of quote", "close quote"})
_NON_LETTERS = re.compile(r"[^\w\s]|_")
_SPEAKER_KINDS = frozenset({"person", "organization", "country", "group"})
# Longer runs between the markers are not a pull-quote but prose that happens to say "Quote".
MAX_QUOTED_PARAGRAPHS = 4
MAX_NAME_WORDS = 10


@dataclass
class PullQuotes:
    """The paragraphs that pull-quote blocks use up, and the quotations they give."""

    used: set[int] = field(default_factory=set)
    claims: dict[int, Attribution] = field(default_factory=dict)


def _marker(text: str) -> str:
    return " ".join(_NON_LETTERS.sub(" ", text).split()).casefold()


def pull_quotes(article: Article) -> PullQuotes:
    """Every well-formed block: opener, one to four quoted paragraphs, closer, optional name."""
    text = article.text
    paragraphs = article.paragraphs
    markers = [_marker(text[p.start : p.end]) for p in paragraphs]
    found = PullQuotes()
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
        speaker = _speaker_line(article, close + 1)
        entity, mention = speaker if speaker else (None, None)
        for quoted in range(index + 1, close):
            para = paragraphs[quoted]
            found.claims[quoted] = Attribution(DIRECT, para.start, para.end, entity, mention)
        last = close + 1 if speaker else close
        found.used.update(range(index, last + 1))
        index = last + 1
    return found


def _speaker_line(article: Article, index: int):
    """The entity named by a short name line after the closer ("Finance Minister Ana Duarte")."""
    if index >= len(article.paragraphs):
        return None
    para = article.paragraphs[index]
    line = article.text[para.start : para.end]
    lead = len(line) - len(line.lstrip(" -—–"))
    name = line[lead:].rstrip(" .")
    if not name or len(name.split()) > MAX_NAME_WORDS:
        return None
    mention = parse_mention(name, article.lower_case)
    if mention is None or mention.kind not in _SPEAKER_KINDS:
        return None
    entity = article.cast.add(mention, para.start + lead)
    return entity, mention.surface
