"""Contradiction flagging measured on PolNeAR dev's hand-annotated pairs
(../shared/polnear/dev/contradictions.json): contradictions, and compatible look-alikes, among
claims given by exact quotes of the dev articles.

A claim of the annotation is the set of stored claims with an appearance overlapping its quote
by at least half of the shorter (in its article). Recall: annotated contradictions with a flag
between their two sides. Precision: of the flags between two annotated claims that are judged
(a contradiction or a compatible look-alike), those on a contradiction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from analysis.attribution.polnear import overlaps, quote_span

PAIRS = Path(__file__).resolve().parents[2] / "shared" / "polnear" / "dev" / "contradictions.json"


@dataclass
class PairTally:
    contradictions: int = 0
    found: int = 0
    judged_flags: int = 0
    right_flags: int = 0
    flags: int = 0
    articles: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.contradictions if self.contradictions else 1.0

    @property
    def precision(self) -> float:
        return self.right_flags / self.judged_flags if self.judged_flags else 1.0

    @property
    def flags_per_article(self) -> float:
        return self.flags / self.articles if self.articles else 0.0


def read_pairs(path: Path = PAIRS) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def score_pairs(annotation: dict, texts: dict[str, str],
                appearances: dict[str, list[tuple[int, int, int]]],
                links: list[tuple[int, int]]) -> PairTally:
    """annotation: as read_pairs gives it; texts: article name -> text of the articles
    ingested; appearances: article name -> [(start, end, claim id)]; links: the contradiction
    flags as (claim id, claim id). Pairs of articles not ingested are left out."""
    articles = {claim["id"]: claim["article"] for claim in annotation["claims"]}

    def ingested(pair: dict) -> bool:
        return articles[pair["a"]] in texts and articles[pair["b"]] in texts

    contradictions = [p for p in annotation["contradictions"] if ingested(p)]
    compatible = [p for p in annotation["compatible"] if ingested(p)]
    claims: dict[str, set[int]] = {}
    quotes = {}
    for claim in annotation["claims"]:
        quotes[claim["id"]] = claim["quote"]
        span = quote_span(texts.get(claim["article"], ""), claim["quote"])
        claims[claim["id"]] = set() if span is None else {
            claim_id for start, end, claim_id in appearances.get(claim["article"], [])
            if overlaps((start, end), span)}
    flagged = {frozenset(link) for link in links}

    def flag_between(a: str, b: str) -> bool:
        return any(frozenset((x, y)) in flagged for x in claims[a] for y in claims[b])

    tally = PairTally(contradictions=len(contradictions), flags=len(flagged),
                      articles=len(texts))
    for pair in contradictions:
        if flag_between(pair["a"], pair["b"]):
            tally.found += 1
            tally.judged_flags += 1
            tally.right_flags += 1
        else:
            tally.missed.append(f"{quotes[pair['a']][:70]!r} <> {quotes[pair['b']][:70]!r}"
                                f" ({pair['why'][:80]})")
    for pair in compatible:
        if flag_between(pair["a"], pair["b"]):
            tally.judged_flags += 1
            tally.wrong.append(f"{quotes[pair['a']][:70]!r} <> {quotes[pair['b']][:70]!r}"
                               f" ({pair['why'][:80]})")
    return tally
