"""Attribution measured on PolNeAR (../shared/polnear): the issue's measure, article by article.

An annotated attribution (content of 3 words or more, with a source) is found when an
appearance's [start, end) overlaps its content by at least half of the shorter of the two; its
speaker is right when the appearance's speaker_mention or speaker name shares a word (other than
titles, articles and party words) with the annotated source span. Recall: sourced attributions
found with the right speaker. Precision: appearances with a speaker that overlap an annotated
content and name its source, over appearances with a speaker.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from analysis.attribution.polnear import (
    Article,
    Found,
    articles,
    is_long,
    names_source,
    overlaps,
)

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "polnear"


@dataclass
class Tally:
    sourced: int = 0
    recalled: int = 0
    with_speaker: int = 0
    precise: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("sourced", "recalled", "with_speaker", "precise"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.missed += other.missed
        self.wrong += other.wrong

    @property
    def recall(self) -> float:
        return self.recalled / self.sourced if self.sourced else 1.0

    @property
    def precision(self) -> float:
        return self.precise / self.with_speaker if self.with_speaker else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_article(article: Article, found: list[Found]) -> Tally:
    text = article.text
    sourced = [g for g in article.attributions if g.source is not None and is_long(text, g)]
    tally = Tally(sourced=len(sourced))
    spoken = [f for f in found if f.mention or f.name]
    tally.with_speaker = len(spoken)
    for gold in sourced:
        near = [f for f in spoken if overlaps((f.start, f.end), gold.content_range)]
        if any(names_source(text, f, gold) for f in near):
            tally.recalled += 1
        else:
            source = " ".join(text[a:b] for a, b in gold.source or ())
            given = ", ".join(f"{f.mention!r}" for f in near) or "nothing"
            content = " ".join(text[a:b] for a, b in gold.content)
            tally.missed.append(f"{article.name}: [{source}] {content[:90]!r} -> {given}")
    for f in spoken:
        near = [g for g in article.attributions if overlaps((f.start, f.end), g.content_range)]
        if any(names_source(text, f, g) for g in near):
            tally.precise += 1
        else:
            sources = [" ".join(text[a:b] for a, b in g.source or ()) for g in near]
            tally.wrong.append(f"{article.name}: {f.mention!r} ({f.name}) for "
                               f"{sources or 'no annotated content'}: {text[f.start:f.end][:90]!r}")
    return tally


def split_articles(split: str = "dev", limit: int | None = None) -> list[Article]:
    """The articles of a PolNeAR split, or an even sample of limit of them."""
    found = list(articles(POLNEAR / split))
    return found if limit is None else found[::max(1, len(found) // limit)][:limit]


def analysis_found(text: str) -> list[Found]:
    """What extract_claims gives, without the database (speakers as the text names them)."""
    from analysis.claims import extract_claims

    return [Found(c.start, c.end, c.speaker_mention, c.speaker.name if c.speaker else None)
            for c in extract_claims(text)]


# Copy without case: old wire copy and radio scripts in capitals, or text all in lower case.
# Letter for letter, so that the annotated offsets still hold.
CASES = {"capitals": str.upper, "lower case": str.lower}
CASELESS_SAMPLE = 20


def caseless_tallies(split: str = "dev", limit: int | None = CASELESS_SAMPLE
                     ) -> dict[str, Tally]:
    """The measure on a sample of a split's articles with their case taken away, by the
    analysis alone (the database adds nothing to it)."""
    tallies = {}
    for name, change in CASES.items():
        tallies[name] = Tally()
        for article in split_articles(split, limit):
            text = "".join(c if len(change(c)) != 1 else change(c) for c in article.text)
            changed = dataclasses.replace(article, text=text)
            tallies[name].add(score_article(changed, analysis_found(text)))
    return tallies


def main() -> None:
    import sys
    import time

    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    total = Tally()
    began = time.perf_counter()
    for article in split_articles("dev", limit):
        total.add(score_article(article, analysis_found(article.text)))
    print(f"sourced {total.sourced}  with speaker {total.with_speaker}  "
          f"({time.perf_counter() - began:.1f} s)")
    print(f"recall {total.recall:.3f}  precision {total.precision:.3f}  F1 {total.f1:.3f}")
    for kind, rows in (("missed", total.missed), ("wrong", total.wrong)):
        print(f"-- {kind}")
        for row in rows[:: max(1, len(rows) // 20)][:20]:
            print("  " + row)


if __name__ == "__main__":
    main()
