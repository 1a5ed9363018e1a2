"""extract_claims never raises and always keeps text[start:end] == quote."""

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import extract_claims

NEWSY = st.sampled_from(
    [
        " ",
        "\n",
        "\n\n",
        '"',
        "“",
        "”",
        "'",
        ",",
        ".",
        ":",
        "--",
        " said ",
        " says that ",
        "He ",
        "Mr. ",
        "According to ",
        "Tokyo",
        "the ministry",
        "Ana Lopes",
        "analysts",
        "INTRO:",
        "///",
    ]
)
TEXT = st.lists(
    st.one_of(NEWSY, st.text(max_size=12), st.sampled_from(string.printable)), max_size=60
).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_every_claim_quote_is_its_span(text):
    for claim in extract_claims(text):
        assert text[claim.start : claim.end] == claim.quote
        assert claim.kind in {"direct_quote", "indirect", "narration"}
        assert claim.text


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_unicode_is_accepted(text):
    for claim in extract_claims(text):
        assert text[claim.start : claim.end] == claim.quote


def test_empty_and_blank_text_have_no_claims():
    assert extract_claims("") == []
    assert extract_claims(" \n\t ") == []


def test_unclosed_quote_runs_to_the_paragraph_end():
    text = '"The strike will go on until the end of the month, said nobody\n\nNext paragraph here.'
    for claim in extract_claims(text):
        assert text[claim.start : claim.end] == claim.quote


def test_a_megabyte_of_text_finishes():
    paragraph = (
        'Ana Lopes, a port analyst, says the harbour is too small. "We turn ships away," she said. '
        "The council approved the budget on Friday, but critics say the figures do not add up.\n\n"
    )
    text = (paragraph * (1_000_000 // len(paragraph) + 1))[:1_000_000]
    claims = extract_claims(text)
    assert claims
    assert all(text[c.start : c.end] == c.quote for c in claims[:1000])


def test_a_megabyte_without_paragraph_breaks_finishes():
    text = ("the port said the harbour was too small and he said it again. " * 17_000)[:1_000_000]
    assert extract_claims(text)
