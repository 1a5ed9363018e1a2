"""A claim's stored signature rules out only the candidates the scorer would find no clash
with: detection that skips them flags exactly what it flagged reading them all."""

import inspect
import json
from itertools import combinations
from pathlib import Path

import pytest

from analysis.contradiction import score
from analysis.contradiction.signature import VERSION, is_current, may_clash, signature
from tests.analysis import test_contradiction

DATA = Path(__file__).parents[1] / "data"
TRAIN_PAIRS = Path(__file__).parents[2] / "analysis" / "data" / "polnear_train_pairs.json"


def _listed_pairs() -> list[tuple[str, str]]:
    """Every pair of claims the scorer's own tests list, clashing or not."""
    return [(row[0], row[1]) for _, rows in inspect.getmembers(test_contradiction)
            if isinstance(rows, list) for row in rows
            if isinstance(row, tuple) and len(row) >= 2 and all(isinstance(x, str)
                                                                for x in row[:2])]


def _seed_pairs() -> list[tuple[str, str]]:
    """Every pair of the claims annotated in the seed articles."""
    annotated = json.loads((DATA / "seed_annotations.json").read_text(encoding="utf-8"))
    spans = [claim["span"] for name, claims in annotated.items() if name != "_about"
             for claim in claims]
    return list(combinations(spans, 2))


def _train_pairs() -> list[tuple[str, str]]:
    """The contradictions and compatible look-alikes annotated among PolNeAR train stories."""
    annotated = json.loads(TRAIN_PAIRS.read_text(encoding="utf-8"))
    quotes = {claim["id"]: claim["quote"] for claim in annotated["claims"]}
    return [(quotes[pair["a"]], quotes[pair["b"]])
            for pair in annotated["contradictions"] + annotated["compatible"]]


PAIRS = _listed_pairs() + _seed_pairs() + _train_pairs()


def test_every_pair_with_a_clash_may_clash():
    missed = [(a, b) for a, b in PAIRS
              if score(a, b).score > 0 and not may_clash(signature(a), signature(b))]
    assert missed == []


def test_most_pairs_of_unrelated_claims_are_ruled_out():
    seeds = _seed_pairs()
    ruled_out = [pair for pair in seeds if not may_clash(*map(signature, pair))]
    assert len(ruled_out) > 3 * len(seeds) / 4


@pytest.mark.parametrize("a, b", [
    ("Unemployment rose in the third quarter.", "Unemployment fell in the third quarter."),
    ("The bridge will not open in March.", "The bridge will open in March."),
    ("The plant employs 400 people.", "The plant employs 250 people."),
    ("The bridge opened on 3 May 2001.", "The bridge opened on 9 June 2004."),
    ("NATO will not expand.", "The North Atlantic Treaty Organization will expand."),
])
def test_opposite_stances_counts_dates_and_acronyms_may_clash(a, b):
    assert may_clash(signature(a), signature(b))
    assert score(a, b).score > 0


def test_claims_sharing_words_but_nothing_that_can_clash_are_ruled_out():
    assert not may_clash(signature("The council approved the school budget on Monday."),
                         signature("The school budget pays for new teachers."))


def test_a_missing_or_stale_signature_rules_nothing_out():
    stored = signature("The council approved the school budget.")
    stale = json.dumps({**json.loads(stored), "v": "0" * 12})
    other = signature("The school budget pays for new teachers.")
    assert is_current(stored) and not is_current(stale) and not is_current(None)
    assert json.loads(stored)["v"] == VERSION
    assert may_clash(None, other) and may_clash(stale, other) and may_clash(other, "")
    assert may_clash("{not json", other) and may_clash(json.dumps({"v": VERSION}), other)
