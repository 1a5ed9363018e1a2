"""How `make train` decides what goes into a learnt table, and the dev-pair measure of
contradiction flagging (tests/polnear_pairs.py) on a small annotation."""

from analysis.attribution import intents
from tests.polnear_pairs import score_pairs


def test_a_verb_joins_the_intent_table_only_when_annotated_more_than_half_of_enough_uses():
    uses = ([("vow", True)] * 9 + [("vow", False)]  # 9 of 10
            + [("agree", True)] * 5 + [("agree", False)] * 5  # half: out
            + [("warn", True)] * 9)  # always, but only 9 uses: out
    assert intents.learn(uses) == ["vow"]


ANNOTATION = {
    "claims": [
        {"id": "c1", "article": "one", "quote": "The tax will rise."},
        {"id": "c2", "article": "one", "quote": "The tax  will not rise."},
        {"id": "c3", "article": "two", "quote": "The bridge opens in May."},
        {"id": "c4", "article": "two", "quote": "The bridge opened last May."},
        {"id": "c5", "article": "three", "quote": "Nothing here."},
    ],
    "contradictions": [{"a": "c1", "b": "c2", "why": ""}, {"a": "c1", "b": "c5", "why": ""}],
    "compatible": [{"a": "c3", "b": "c4", "why": ""}],
}
TEXTS = {"one": "The tax will rise. The tax will not rise.",
         "two": "The bridge opens in May. The bridge opened last May."}


def test_dev_pairs_count_flags_between_the_annotated_claims_of_the_articles_ingested():
    appearances = {"one": [(0, 18, 1), (19, 41, 2)], "two": [(0, 24, 3), (25, 52, 4)]}
    tally = score_pairs(ANNOTATION, TEXTS, appearances, [(2, 1), (3, 4), (1, 4)])
    # c1-c5 is left out: article "three" was not ingested. The quote of c2 is found though
    # its spaces differ.
    assert (tally.contradictions, tally.found, tally.recall) == (1, 1, 1.0)
    assert (tally.judged_flags, tally.right_flags, tally.precision) == (2, 1, 0.5)
    assert (tally.flags, tally.flags_per_article) == (3, 1.5)
    assert len(tally.wrong) == 1 and not tally.missed
