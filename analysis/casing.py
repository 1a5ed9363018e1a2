"""Capitals put back into text written all in lower case (or all in capitals), so that the
parser and its entity recogniser see "russia" as "Russia". The table of cased words is learnt
from PolNeAR train (`make train`); a word keeps its length, so offsets do not move."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from analysis.lexicon import DATA, table_lines

TABLE = DATA / "truecase.txt"
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’')\]]*\s+|\n\s*\n\s*)[\"“‘(\[]?([^\W\d_])")
# A form must be most of the word's uses, and seen often enough to trust.
MIN_COUNT = 3
MIN_SHARE = 0.8
MIN_ARTICLES = 5


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    return {line.casefold(): line for line in table_lines(TABLE.name)}


def _cases(text: str) -> tuple[int, int]:
    """How many letters of (the start of) the text are upper case, and how many lower."""
    start = text[:20_000]
    return sum(c.isupper() for c in start), sum(c.islower() for c in start)


def is_caseless(text: str) -> bool:
    """True when the text is written without capitals, or in capitals only (old wire copy, a
    radio script): case cannot mark names."""
    upper, lower = _cases(text)
    return upper + lower > 0 and min(upper, lower) < 0.01 * (upper + lower)


def in_capitals(text: str) -> bool:
    """Whether the text is written in capitals only (a few words at least)."""
    upper, lower = _cases(text)
    return upper >= 12 and lower < 0.01 * (upper + lower)


def truecase(text: str) -> str:
    """Text without case (all lower case, or all capitals) with known names capitalised and
    sentences begun with a capital, letter for letter."""
    table = _table()
    # A letter whose lower case is longer ("İ") stays as it is.
    text = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)

    def cased(match: re.Match) -> str:
        word = match.group()
        core = word.rstrip(".")
        form = table.get(core.casefold())
        return form + word[len(core) :] if form is not None and len(form) == len(core) else word

    def capital(match: re.Match) -> str:
        # "the u.s. plan": a dotted abbreviation ends no sentence.
        before = match.string[max(0, match.start() - 4) : match.start() + 1]
        if re.search(r"\.\w\.$|\b\w\.$", before):
            return match.group()
        first = match.group(1).upper()
        return match.group()[:-1] + (first if len(first) == 1 else match.group(1))

    return _SENTENCE_START.sub(capital, _WORD.sub(cased, text))


def learn(texts: Iterable[str]) -> list[str]:
    """The words that are written with capitals in the middle of sentences, nearly always, in
    several articles: a name only one story uses is that story's, not the language's."""
    forms: dict[str, Counter] = defaultdict(Counter)
    articles: Counter[str] = Counter()
    for text in texts:
        articles.update({m.group().rstrip(".").casefold() for m in _WORD.finditer(text)})
        for match in _WORD.finditer(text):
            start = match.start()
            before = text[max(0, start - 3) : start].rstrip(" \"“‘([")
            if not before or before[-1] in ".!?:\n":
                continue  # a sentence's first word is capitalised whatever it is
            word = match.group().rstrip(".")
            forms[word.casefold()][word] += 1
    table = []
    for folded, counts in forms.items():
        form, count = counts.most_common(1)[0]
        total = sum(counts.values())
        if (form != folded and total >= MIN_COUNT and count >= MIN_SHARE * total
                and articles[folded] >= MIN_ARTICLES):
            table.append(form)
    return sorted(table, key=str.casefold)
