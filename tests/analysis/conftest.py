"""Helpers shared by the analysis tests."""

import pytest

from analysis import extract_claims


@pytest.fixture
def claims_of():
    """Extract claims and check the span invariant on every one of them."""

    def run(text):
        claims = extract_claims(text)
        for claim in claims:
            assert text[claim.start : claim.end] == claim.quote
        return claims

    return run


@pytest.fixture
def only_claim(claims_of):
    """The single claim of a text that must yield exactly one."""

    def run(text):
        claims = claims_of(text)
        assert len(claims) == 1, [c.text for c in claims]
        return claims[0]

    return run
