"""Pull-quote blocks: "Quote", the quoted lines, "Unquote", then the speaker's name line."""

import pytest

BLOCK = "Quote\n{quoted}\n{closer}\n{name}"


@pytest.mark.parametrize("opener", ["Quote", "QUOTE"])
@pytest.mark.parametrize("closer", ["Unquote", "UNQUOTE", "End quote"])
def test_each_quoted_sentence_is_a_direct_quote_of_the_named_speaker(claims_of, opener, closer):
    text = (
        f"{opener}\nWe will not sell the water company. Not to anyone\n{closer}\n"
        "Finance Minister Ana Duarte"
    )
    claims = claims_of(text)
    assert [(c.kind, c.text) for c in claims] == [
        ("direct_quote", "We will not sell the water company."),
        ("direct_quote", "Not to anyone."),
    ]
    assert {(c.speaker.name, c.speaker.role) for c in claims} == {
        ("Ana Duarte", "Finance Minister")
    }


@pytest.mark.parametrize(
    "name_line, speaker",
    [
        ("Ana Duarte", ("Ana Duarte", "person")),
        ("- Mayor Otto Brandt.", ("Otto Brandt", "person")),
        ("The port authority", None),  # a description, no speaker
        ("dutch farmers", ("Dutch farmers", "group")),
    ],
)
def test_the_name_line_names_the_speaker(only_claim, name_line, speaker):
    claim = only_claim(f"Quote\nThe harbour will be dredged by spring\nUnquote\n{name_line}")
    assert ((claim.speaker.name, claim.speaker.kind) if claim.speaker else None) == speaker
    assert claim.quote == "The harbour will be dredged by spring"


def test_the_name_line_resolves_to_the_person_the_article_names(claims_of):
    text = (
        "Finance Minister Ana Duarte said on Monday that the budget was balanced.\n\n"
        "Quote\nWe have closed the gap\nUnquote\nMs. Duarte\n\n"
        "The opposition rejected the figures."
    )
    claims = claims_of(text)
    quote = next(c for c in claims if c.kind == "direct_quote")
    assert quote.text == "We have closed the gap."
    assert quote.speaker.name == "Ana Duarte"
    assert "Ms. Duarte" not in [c.quote for c in claims]


@pytest.mark.parametrize(
    "text, quotes",
    [
        (
            "Quote\nThe harbour will be dredged by spring\nUnquote",
            ["The harbour will be dredged by spring"],
        ),
        ("Quote\nThe harbour will be dredged by spring", []),
        ("Unquote\nThe harbour will be dredged by spring\nQuote", []),
    ],
)
def test_only_a_closed_block_is_a_pull_quote(claims_of, text, quotes):
    claims = claims_of(text)
    assert [c.quote for c in claims if c.kind == "direct_quote"] == quotes
    assert all(c.quote not in {"Quote", "Unquote"} for c in claims)


def test_prose_after_a_block_is_read_as_usual(claims_of):
    text = (
        "Quote\nThe harbour will be dredged by spring\nUnquote\nMayor Otto Brandt\n\n"
        "The council approved the dredging budget on Friday."
    )
    claims = claims_of(text)
    assert [(c.kind, c.speaker and c.speaker.name) for c in claims] == [
        ("direct_quote", "Otto Brandt"),
        ("narration", None),
    ]
