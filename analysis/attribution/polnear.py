"""PolNeAR's brat standoff annotations read as attributions (for `make train` and `make eval`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_SPAN_LINE = re.compile(r"(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_EVENT_LINE = re.compile(r"E\d+\t(.*)")

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
