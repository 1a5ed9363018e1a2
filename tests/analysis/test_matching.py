"""Claim keys for exact matching and a similarity for paraphrases."""

import pytest

from analysis import claim_key, similarity
from analysis.matching import may_be_one_claim


@pytest.mark.parametrize(
    "a, b",
    [
        ("The  treaty is OUTDATED.", "the treaty is outdated"),
        ("“The treaty is outdated,”", '"the treaty is outdated"'),
        ("The N-A-T-O summit failed.", "The NATO summit failed"),
        ("The U.K. will leave.", "the UK will leave"),
        ("Line one\nline   two.", "line one line two"),
    ],
)
def test_claim_key_folds_surface_differences(a, b):
    assert claim_key(a) == claim_key(b)


def test_claim_key_keeps_words_apart():
    assert claim_key("The port will open.") != claim_key("The port will close.")


@pytest.mark.parametrize(
    "a, b",
    [
        ("The port will open next year.", "Next year the port will open."),
        ("Prices rose sharply in March.", "In March, prices rose sharply."),
    ],
)
def test_paraphrases_score_high(a, b):
    assert similarity(a, b) > 0.8


def test_unrelated_claims_score_low():
    assert similarity("The port will open next year.", "Farmers fear a dry summer.") < 0.2


def test_negation_lowers_similarity():
    assert similarity("The port will open.", "The port will not open.") < 1.0


@pytest.mark.parametrize(
    "a, b", [("", ""), ("a b c", ""), ("The dam is safe.", "Is the dam safe?")]
)
def test_similarity_is_bounded_and_symmetric(a, b):
    assert 0.0 <= similarity(a, b) <= 1.0
    assert similarity(a, b) == similarity(b, a)


@pytest.mark.parametrize("a, b, one", [
    ("The bridge cost 1,200 million", "The bridge cost 1200 million", True),
    ("The bridge cost 120 million", "The bridge cost 120 million in 2019", True),
    ("The bridge cost 120 million", "The bridge cost 310 million", False),
    ("The bridge cost 120 million in 2019", "The bridge cost 310 million", False),
    ("The bridge was costly", "The bridge cost 310 million", True),
    ("The bridge will open in spring", "The bridge will not open in spring", False),
    ("The bridge won't open in spring", "The bridge will never open in spring", True),
    ("The bridge won't open in spring", "The bridge will open in spring", False),
])
def test_claims_whose_figures_or_denials_disagree_are_not_one_claim(a, b, one):
    assert may_be_one_claim(a, b) is one and may_be_one_claim(b, a) is one
