"""PolNeAR's brat standoff annotations read as attributions (for `make train` and `make eval`),
and the measure an appearance is judged by (tests/polnear_eval.py gives the whole of it).

An annotated attribution (content of 3 words or more, with a source) is found when an
appearance's [start, end) overlaps its content by at least half of the shorter of the two; its
speaker is right when the appearance's speaker_mention or speaker name shares a word (other than
titles, articles and party words) with the annotated source span."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from analysis.lexicon import HONORIFICS, TITLE_HEADS

_SPAN_LINE = re.compile(r"(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_EVENT_LINE = re.compile(r"E\d+\t(.*)")

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_PARTY = {"democrat", "democrats", "democratic", "republican", "republicans", "gop", "d", "r"}
_IGNORED = _PARTY | {"the", "a", "an", "s"} | {h.rstrip(".") for h in HONORIFICS} | TITLE_HEADS

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Annotated:
    """One annotated attribution: its cue, content and (when the text names one) source."""

    cue: Spans
    content: Spans
    source: Spans | None

    @property
    def content_range(self) -> tuple[int, int]:
        return self.content[0][0], self.content[-1][1]


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    attributions: tuple[Annotated, ...]


def read_annotation(text: str) -> list[Annotated]:
    """The attributions of one .ann file with a cue and a content."""
    spans: dict[str, Spans] = {}
    found = []
    for line in text.splitlines():
        if match := _SPAN_LINE.match(line):
            pairs = (p.split() for p in match.group(3).split(";"))
            spans[match.group(1)] = tuple(sorted((int(a), int(b)) for a, b in pairs))
        elif match := _EVENT_LINE.match(line):
            roles = dict(part.split(":", 1) for part in match.group(1).split() if ":" in part)
            # A few events name spans the file never defines: they are skipped.
            if roles.get("Cue") in spans and roles.get("Content") in spans:
                source = spans.get(roles.get("Source", ""))
                found.append(Annotated(spans[roles["Cue"]], spans[roles["Content"]], source))
    return found


def articles(folder: Path) -> Iterator[Article]:
    """The articles of a split folder (train/ or dev/); of two annotators, the first."""
    for path in sorted((folder / "text").glob("*.txt")):
        annotations = sorted((folder / "attributions").glob(f"{path.stem}_*.ann"))
        found = read_annotation(annotations[0].read_text(encoding="utf-8")) if annotations else []
        yield Article(path.stem, path.read_text(encoding="utf-8"), tuple(found))


@dataclass(frozen=True)
class Found:
    """An appearance as the measure sees it."""

    start: int
    end: int
    mention: str | None
    name: str | None


def _words(phrase: str | None, keep_all: bool = False) -> set[str]:
    words = {w.casefold().rstrip(".") for w in _WORD.findall(phrase or "")}
    words = {w.removesuffix("'s").removesuffix("’s") for w in words}
    return words if keep_all else words - _IGNORED


def quote_span(text: str, quote: str) -> tuple[int, int] | None:
    """Where a quote given by hand stands in its text (as written, or with its whitespace
    folded to single spaces), if anywhere."""
    for words in (quote, " ".join(quote.split())):
        start = text.find(words)
        if start >= 0:
            return start, start + len(words)
    return None


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and 2 * shared >= min(a[1] - a[0], b[1] - b[0])


def names_source(text: str, found: Found, gold: Annotated) -> bool:
    if gold.source is None:
        return False
    source = " ".join(text[a:b] for a, b in gold.source)
    # A pronoun source ("he") counts when the mention is that pronoun: it shares the word. A
    # source of nothing but title words ("the senator") is compared on those words.
    keep_all = not _words(source)
    named = _words(found.mention, keep_all) | _words(found.name, keep_all)
    return bool(named & (_words(source, keep_all) - {"the", "a", "an"}))


def is_long(text: str, gold: Annotated) -> bool:
    """Contents of three words or more count."""
    return len(_WORD.findall(" ".join(text[a:b] for a, b in gold.content))) >= 3
