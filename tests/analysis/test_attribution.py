"""The attribution sieve, rule by rule, on sentences written for these tests."""

import pytest


def speaker_of(claim):
    return (claim.speaker.name, claim.speaker.kind) if claim.speaker else None


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        ('"The bridge is safe," said Maria Lindqvist.', "The bridge is safe.", "Maria Lindqvist"),
        ('"The bridge is safe," Maria Lindqvist said.', "The bridge is safe.", "Maria Lindqvist"),
        ("“The bridge is safe,” Maria Lindqvist said.", "The bridge is safe.", "Maria Lindqvist"),
        ('Maria Lindqvist said: "The bridge is safe."', "The bridge is safe.", "Maria Lindqvist"),
        (
            '"The bridge is safe," adds Dr. Maria Lindqvist.',
            "The bridge is safe.",
            "Maria Lindqvist",
        ),
        ('"Costs will rise," Mayor Otto Brandt told reporters.', "Costs will rise.", "Otto Brandt"),
    ],
)
def test_direct_quotes_take_the_speaker_of_their_frame(only_claim, text, words, speaker):
    claim = only_claim(text)
    assert claim.kind == "direct_quote"
    assert claim.text == words
    assert claim.speaker.name == speaker


def test_quoted_words_are_the_exact_span(only_claim):
    text = '"The bridge is safe," said Maria Lindqvist.'
    claim = only_claim(text)
    assert claim.quote == "The bridge is safe"
    assert text[claim.start : claim.end] == claim.quote


def test_he_says_points_to_the_last_named_person(claims_of):
    text = (
        "Ines Carvalho, a water engineer, believes the reservoir will last the summer. "
        '"The rain in April changed everything," she says.'
    )
    quote = claims_of(text)[-1]
    assert quote.speaker.name == "Ines Carvalho"
    assert quote.speaker_mention == "she"
    assert quote.speaker.role == "water engineer"


def test_a_quote_split_in_sentences_gives_one_claim_each(claims_of):
    text = '"Prices will fall. Wages will not," said Hugo Maes.'
    claims = claims_of(text)
    assert [c.text for c in claims] == ["Prices will fall.", "Wages will not."]
    assert {c.speaker.name for c in claims} == {"Hugo Maes"}


def test_a_quote_after_an_attributed_sentence_keeps_its_speaker(claims_of):
    text = 'Hugo Maes says the harbour is too small. "We turn ships away every week."'
    claims = claims_of(text)
    assert [speaker_of(c) for c in claims] == [("Hugo Maes", "person")] * 2


def test_a_quote_before_an_attributed_one_takes_its_speaker(claims_of):
    text = '"We turn ships away every week." "The harbour is too small," said Hugo Maes.'
    assert {speaker_of(c) for c in claims_of(text)} == {("Hugo Maes", "person")}


def test_a_quote_continued_in_the_next_paragraph_keeps_its_speaker(claims_of):
    text = (
        '"The harbour is too small for the new ships," said Hugo Maes of the port council.\n\n'
        '"We turn ships away every week and lose the business to our rivals."'
    )
    claims = claims_of(text)
    assert len(claims) == 2
    assert claims[1].speaker.name == "Hugo Maes"
    assert claims[1].kind == "direct_quote"


def test_scare_quotes_stay_in_the_sentence(only_claim):
    claim = only_claim('The city calls the plan a "bold step" towards cleaner air.')
    assert claim.kind == "narration"
    assert claim.quote.startswith("The city calls")


@pytest.mark.parametrize(
    "text, complement, speaker",
    [
        (
            "Hugo Maes says the harbour is too small.",
            "The harbour is too small.",
            ("Hugo Maes", "person"),
        ),
        (
            "Hugo Maes said that the harbour is too small.",
            "The harbour is too small.",
            ("Hugo Maes", "person"),
        ),
        (
            "Hugo Maes believes the harbour is too small.",
            "The harbour is too small.",
            ("Hugo Maes", "person"),
        ),
        (
            "Hugo Maes warned on Monday that the harbour is too small.",
            "The harbour is too small.",
            ("Hugo Maes", "person"),
        ),
        (
            "Hugo Maes insists the harbour is too small.",
            "The harbour is too small.",
            ("Hugo Maes", "person"),
        ),
        (
            "Hugo Maes made it clear that the harbour is too small.",
            "The harbour is too small.",
            ("Hugo Maes", "person"),
        ),
        (
            "Hugo Maes told local radio that the harbour is too small.",
            "The harbour is too small.",
            ("Hugo Maes", "person"),
        ),
        (
            "Hugo Maes told reporters the harbour is too small.",
            "The harbour is too small.",
            ("Hugo Maes", "person"),
        ),
        (
            "Hugo Maes said after a board meeting that the harbour is too small.",
            "The harbour is too small.",
            ("Hugo Maes", "person"),
        ),
        ("Tokyo says the harbour is too small.", "The harbour is too small.", ("Japan", "country")),
        (
            "The White House said the harbour is too small.",
            "The harbour is too small.",
            ("United States", "country"),
        ),
        (
            "Dutch economists say the harbour is too small.",
            "The harbour is too small.",
            ("Dutch economists", "group"),
        ),
        (
            "Canada's transport ministry says the harbour is too small.",
            "The harbour is too small.",
            ("Canada's transport ministry", "organization"),
        ),
        (
            "According to Hugo Maes, the harbour is too small.",
            "The harbour is too small.",
            ("Hugo Maes", "person"),
        ),
        (
            "The harbour is too small, according to Hugo Maes.",
            "The harbour is too small.",
            ("Hugo Maes", "person"),
        ),
        (
            "The harbour is too small, Hugo Maes said.",
            "The harbour is too small.",
            ("Hugo Maes", "person"),
        ),
        (
            "The harbour is too small, said Hugo Maes.",
            "The harbour is too small.",
            ("Hugo Maes", "person"),
        ),
    ],
)
def test_reported_speech_keeps_the_complement(only_claim, text, complement, speaker):
    claim = only_claim(text)
    assert claim.kind == "indirect"
    assert claim.text == complement
    assert speaker_of(claim) == speaker


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "Rosa Pereira, an independent energy analyst, says the grid is fragile.",
            "Rosa Pereira",
            "independent energy analyst",
        ),
        (
            "A spokesman for the energy ministry, Paulo Reis, said the grid is fragile.",
            "Paulo Reis",
            "spokesman for the energy ministry",
        ),
        (
            "Brazilian Energy Minister Paulo Reis said the grid is fragile.",
            "Paulo Reis",
            "Brazilian Energy Minister",
        ),
    ],
)
def test_roles_come_from_apposition_and_titles(only_claim, text, name, role):
    claim = only_claim(text)
    assert (claim.speaker.name, claim.speaker.role) == (name, role)


def test_on_television_saying_attributes_to_the_speaker(only_claim):
    claim = only_claim(
        "Within hours, Paulo Reis was on national television saying the grid is fragile."
    )
    assert claim.speaker.name == "Paulo Reis"
    assert claim.text == "The grid is fragile."


def test_a_title_subject_resolves_to_the_person_with_that_role(claims_of):
    text = (
        "Rosa Pereira, an independent energy analyst, says the grid is fragile. "
        "The energy analyst says prices will double by winter."
    )
    claims = claims_of(text)
    assert claims[1].speaker.name == "Rosa Pereira"
    assert claims[1].speaker_mention == "The energy analyst"


def test_narration_before_but_is_its_own_claim(claims_of):
    claims = claims_of(
        "The council approved the budget on Friday, but critics say the figures do not add up."
    )
    assert [(c.kind, c.text) for c in claims] == [
        ("narration", "The council approved the budget on Friday."),
        ("indirect", "The figures do not add up."),
    ]
    assert claims[1].speaker.kind == "group"


def test_and_that_splits_two_reported_claims(claims_of):
    claims = claims_of(
        "Paulo Reis said the grid was fragile and that prices would double by winter."
    )
    assert [c.text for c in claims] == ["The grid was fragile.", "Prices would double by winter."]


def test_vowed_to_keeps_its_subject(only_claim):
    claim = only_claim("Paulo Reis vowed to close every coal plant by 2030.")
    assert claim.text == "Paulo Reis vowed to close every coal plant by 2030."
    assert claim.speaker.name == "Paulo Reis"


def test_lower_case_names_are_title_cased(claims_of):
    text = (
        "lisbon, portugal (nordic wire) -- the grid operator is short of money. but paulo reis "
        'made it clear that the grid was not for sale. reis wrote: "we will never sell it."'
    )
    claims = claims_of(text)
    assert claims[0].kind == "narration"
    assert claims[0].text == "The grid operator is short of money."
    assert [speaker_of(c) for c in claims[1:]] == [("Paulo Reis", "person")] * 2


@pytest.mark.parametrize(
    "text",
    [
        "Will the bridge hold up under the weight?",
        "Harbour plans new cranes",
        "READ MORE",
        "By Jane Holm",
        "INTRO: ",
        "///",
        "Quote",
        "Transport Minister Jane Holm",
        "Prices rose in March...",
    ],
)
def test_non_statements_are_not_claims(claims_of, text):
    assert claims_of(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "OSLO (Nordic Wire) -- The fjord ferry will stop running in June.",
            "The fjord ferry will stop running in June.",
        ),
        (
            "TEXT: The fjord ferry will stop running in June.",
            "The fjord ferry will stop running in June.",
        ),
    ],
)
def test_datelines_and_markers_are_stripped_from_claims(only_claim, text, expected):
    claim = only_claim(text)
    assert claim.text == expected
    assert claim.quote == expected


def test_headline_then_body(claims_of):
    text = "Ferry service to end\n\nThe fjord ferry will stop running in June."
    assert [c.text for c in claims_of(text)] == ["The fjord ferry will stop running in June."]
