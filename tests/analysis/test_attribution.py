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
        ("Maria Lindqvist said: «The bridge is safe.»", "The bridge is safe.", "Maria Lindqvist"),
        ("Maria Lindqvist said: « The bridge is safe. »", "The bridge is safe.",
         "Maria Lindqvist"),
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


def test_a_quotation_after_a_paragraph_of_reported_speech_is_not_carried_on(claims_of):
    # The paragraph before only reported Hugo Maes's words: the quotation that opens the next
    # one is as likely someone else's, and is left without a speaker.
    text = (
        "Hugo Maes of the port council said the harbour was too small for the new ships.\n\n"
        '"We have waited ten years for the dredging and nobody in the capital listens."'
    )
    claims = claims_of(text)
    assert [c.kind for c in claims] == ["indirect", "narration"]
    assert claims[1].speaker is None


def test_a_quotation_inside_the_next_paragraph_is_not_carried_on(claims_of):
    # Only a quotation opening its paragraph carries on the speaker quoted before; one further
    # in, here a programme's title, is the paragraph's own.
    text = (
        '"The harbour is too small for the new ships," said Hugo Maes of the port council.\n\n'
        'On Radio Nord\'s "Morning Programme with Ben Ross," the mayor said dredging would wait.'
    )
    assert not [c for c in claims_of(text) if c.quote.startswith("Morning Programme")]


def test_scare_quotes_stay_in_the_sentence(only_claim):
    claim = only_claim('The plan is a "bold step" towards cleaner air, in the view of some.')
    assert claim.kind == "narration"
    assert claim.quote.startswith('The plan is a "bold step"')


def test_scare_quotes_stay_in_the_naming_they_belong_to(only_claim):
    claim = only_claim('The city calls the plan a "bold step" towards cleaner air.')
    assert claim.kind == "indirect"
    assert claim.quote == 'the plan a "bold step" towards cleaner air'


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


@pytest.mark.parametrize("text, first, second", [
    ("Officials said that there was no evidence of fraud, while Mary Jones insisted the "
     "election was stolen.", "There was no evidence of fraud.", "The election was stolen."),
    ("Police said the suspect, who was arrested on Monday, had confessed, while his lawyer "
     "said he was innocent.", "The suspect, who was arrested on Monday, had confessed.",
     "He was innocent."),
])
def test_a_second_speaker_set_against_the_first_is_not_in_the_first_claim(claims_of, text,
                                                                          first, second):
    assert [c.text for c in claims_of(text)] == [first, second]


def test_a_claim_reporting_anothers_claim_keeps_it(claims_of):
    claims = claims_of("Officials said that Jones claimed the election was stolen.")
    assert [(c.text, c.speaker_mention) for c in claims] == [
        ("Jones claimed the election was stolen.", "Officials"),
        ("The election was stolen.", "Jones")]


def test_and_that_splits_two_reported_claims(claims_of):
    claims = claims_of(
        "Paulo Reis said the grid was fragile and that prices would double by winter."
    )
    assert [c.text for c in claims] == ["The grid was fragile.", "Prices would double by winter."]


def test_and_that_splits_two_reported_claims_the_parse_coordinates_deeper(claims_of):
    claims = claims_of("Putin told reporters his meeting with Bush had failed to produce a "
                       "breakthrough and that Moscow was sticking to the treaty.")
    assert [c.text for c in claims] == [
        "His meeting with Bush had failed to produce a breakthrough.",
        "Moscow was sticking to the treaty."]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Paulo Reis vowed to close every coal plant by 2030.", "Paulo Reis"),
        ("The ministry called on the banks to lend more money.", None),  # a description
    ],
)
def test_a_stance_in_an_infinitive_keeps_its_subject(only_claim, text, speaker):
    claim = only_claim(text)
    assert (claim.kind, claim.text) == ("indirect", text)
    assert (claim.speaker.name if claim.speaker else None) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The ministry wants to reach the banks on Monday.",
        "The ministry plans to reach the banks on Monday.",
        "The two leaders would like to build a new bridge.",
    ],
)
def test_an_act_or_a_wish_in_an_infinitive_stays_narration(only_claim, text):
    assert only_claim(text).kind == "narration"


@pytest.mark.parametrize(
    "text, quote, words, mention",
    [
        ("The museum, Mr. Obama said, celebrated several of his heroes.",
         "The museum, Mr. Obama said, celebrated several of his heroes",
         "The museum celebrated several of his heroes.", "Mr. Obama"),
        ("During his years in office, Mr. Obama said, most Americans came to believe it.",
         "During his years in office, Mr. Obama said, most Americans came to believe it",
         "During his years in office, most Americans came to believe it.", "Mr. Obama"),
        ("As Mr. Bown pointed out, prices would rise in the early days.",
         "prices would rise in the early days", "Prices would rise in the early days.",
         "Mr. Bown"),
        ("If elected, she said, she would cut taxes.",
         "If elected, she said, she would cut taxes", "If elected, she would cut taxes.", "she"),
    ],
)
def test_an_interrupting_frame_reports_the_clause_around_it(only_claim, text, quote, words,
                                                            mention):
    # The appearance keeps the text's own words; the claim reads without the frame.
    claim = only_claim(text)
    assert (claim.kind, claim.quote, claim.text, claim.speaker_mention) == (
        "indirect", quote, words, mention)


def test_an_interrupted_clause_ends_where_a_second_clause_begins(claims_of):
    claims = claims_of("The plan, the mayor said, will fail, and she added that taxes would rise.")
    assert [(c.text, c.speaker_mention) for c in claims] == [
        ("The plan will fail.", "the mayor"), ("Taxes would rise.", "she")]


@pytest.mark.parametrize("frame", ["The governor added:", "The governor wrote the following:",
                                   "The governor summed it up:"])
def test_a_bare_frame_ending_its_paragraph_with_a_colon_reports_the_next_paragraph(claims_of,
                                                                                   frame):
    claims = claims_of(f"{frame}\n\nIt is typical of the council. It never listens.")
    assert [(c.kind, c.text, c.speaker_mention) for c in claims] == [
        ("indirect", "It is typical of the council.", "The governor"),
        ("indirect", "It never listens.", "The governor")]


@pytest.mark.parametrize("frame", [
    "The minister listed the reasons:",
    # The parse gives "posted" no content: its object is no claim, yet the frame is not bare.
    "Ana Duarte posted the minutes of the meeting online:"])
def test_a_frame_with_an_object_before_a_colon_does_not_take_the_next_paragraph(only_claim,
                                                                                 frame):
    text = f"{frame}\n\nThe budget was too small for the work."
    assert only_claim(text).kind == "narration"


@pytest.mark.parametrize(
    "text, words, mention",
    [
        ("Matthews: Well, speculation is bad for everyone.",
         "Well, speculation is bad for everyone.", "Matthews"),
        ("Lindqvist: The bridge will not reopen this year.",
         "The bridge will not reopen this year.", "Lindqvist"),
        ("Ana Duarte said in a statement on Monday that spending cuts were coming.",
         "Spending cuts were coming.", "Ana Duarte"),
        ("Critics are worried that the bridge will not reopen.", "The bridge will not reopen.",
         "Critics"),
        ("Councillor Ines Carvalho called for the mayor to resign.",
         "Councillor Ines Carvalho called for the mayor to resign.",
         "Councillor Ines Carvalho"),
        ("Many in the crowd said the senator was the only candidate they trusted.",
         "The senator was the only candidate they trusted.", "Many in the crowd"),
        ("One in four voters said the tax should go.", "The tax should go.",
         "One in four voters"),
        ("Despite Mr. Trump's claims that his net worth exceeds $10 billion, the firms put him "
         "lower.", "His net worth exceeds $10 billion.", "Mr. Trump's"),
        ("Jeffrey Salkin, a rabbi helping to organize the boycott, said he was alarmed about the "
         "rhetoric.", "He was alarmed about the rhetoric.", "Jeffrey Salkin"),
        ("CLEVELAND, July 19 (UPI) — Former Attorney General Michael Mukasey told delegates that "
         "the server should disqualify her.", "The server should disqualify her.",
         "Former Attorney General Michael Mukasey"),
        ("That attitude, many argue, could carry grave implications.",
         "That attitude could carry grave implications.", "many"),
    ],
)
def test_sources_the_parse_reads_awkwardly_are_found(only_claim, text, words, mention):
    claim = only_claim(text)
    assert (claim.kind, claim.text, claim.speaker_mention) == ("indirect", words, mention)


def test_it_said_is_the_organisation_named_before_and_an_expletive_it_is_nobody(claims_of):
    said, expected = claims_of("Acme Corp. posted a loss on Monday. It said demand for its "
                               "steel had collapsed. It is expected that prices will fall.")[1:]
    assert (said.text, said.speaker_mention, said.speaker.name) == (
        "Demand for its steel had collapsed.", "It", "Acme Corp.")
    assert (expected.text, expected.speaker) == ("Prices will fall.", None)


def test_a_quotation_before_a_bare_frame_is_the_frames(claims_of):
    claims = claims_of("Ron Smith spoke on Monday. “A lot of her attempts to reach out come "
                       "across as pandering,” he said.")
    quoted = claims[-1]
    assert (quoted.kind, quoted.speaker_mention, quoted.speaker.name) == (
        "direct_quote", "he", "Ron Smith")


def test_lower_case_names_are_title_cased(claims_of):
    text = (
        "lisbon, portugal (nordic wire) -- the grid operator is short of money. but paulo reis "
        'made it clear that the grid was not for sale. reis wrote: "we will never sell it."'
    )
    claims = claims_of(text)
    assert claims[0].kind == "narration"
    assert claims[0].text == "The grid operator is short of money."
    assert [speaker_of(c) for c in claims[1:]] == [("Paulo Reis", "person")] * 2


CAPITALS = (
    "MOSCOW -- RUSSIAN PRESIDENT VLADIMIR PUTIN SAID ON FRIDAY THAT A DEAL WAS REACHED AT "
    'GENOA.\n\nPUTIN SAID: "WE HAVE AGREED TO START CONSULTATIONS."\n\nINTRO: THE FINANCE '
    "MINISTER, ANA DUARTE, SAYS FARES WILL NOT RISE THIS YEAR. SHE ADDED THAT THE BUDGET IS "
    "BALANCED.\n\nSANDERS: BREXIT COULD HURT THE ECONOMY.\n\nTHE BRIDGE CLOSED ON MONDAY "
    "AFTER THE STORM. JOBS - NOT TAXES - MATTER MOST TO VOTERS HERE."
)


@pytest.mark.parametrize("text", [CAPITALS, CAPITALS.lower()], ids=["capitals", "lower case"])
def test_text_without_case_is_read_as_cased_text_is(claims_of, text):
    """Old wire copy and radio scripts in capitals, or copy all in lower case: a dateline set
    off by a dash opening a paragraph and a script's one-word marker are furniture, "PUTIN
    SAID:" is a frame, "SANDERS:" a speaker's label, speakers read as names, and narration is
    kept."""
    found = [(c.text.casefold(), c.speaker.name if c.speaker else None, c.kind)
             for c in claims_of(text)]
    assert found == [
        ("a deal was reached at genoa.", "Vladimir Putin", "indirect"),
        ("we have agreed to start consultations.", "Vladimir Putin", "direct_quote"),
        ("fares will not rise this year.", "Ana Duarte", "indirect"),
        ("the budget is balanced.", "Ana Duarte", "indirect"),
        ("brexit could hurt the economy.", "Sanders", "indirect"),
        ("the bridge closed on monday after the storm.", None, "narration"),
        ("jobs - not taxes - matter most to voters here.", None, "narration"),
    ]


TRANSCRIPT = """STEVE INSKEEP, HOST:

The city council closed the harbour bridge last night. Joan Pike sits on the council.

JOAN PIKE: We cannot wait another winter. The bridge is unsafe.

INSKEEP: And the mayor? Does he agree?

PIKE: The mayor agrees with us.

INTRO: The repairs will start in May.

Netanyahu and Obama: A tortured relationship of many years.

Clinton: 2,316. Sanders: 1,547."""


def test_a_transcript_turn_is_its_speakers_words_whole(claims_of):
    said = [(c.text, c.kind, c.speaker.name) for c in claims_of(TRANSCRIPT) if c.speaker]
    assert said == [
        ("We cannot wait another winter.", "direct_quote", "Joan Pike"),
        ("The bridge is unsafe.", "direct_quote", "Joan Pike"),
        ("The mayor agrees with us.", "direct_quote", "Joan Pike")]


SCRIPT = """DAVID OSEI, HOST: The ferry to Norland is cancelled today. Joan Pike is on the quay.

JOAN PIKE, BYLINE: David, the wind has not dropped. The harbour office says the crossing is unsafe.

OSEI: Will it run tomorrow?

PIKE: Not yet clear. The next boat may leave on Friday."""


def test_a_turns_speaker_says_all_but_what_they_report_someone_else_saying(claims_of):
    """Once a turn shows the copy is a transcript, a name in full before a role is a speaker
    whom the parse may not know, and so is a turn labelled with that speaker's surname."""
    said = [(c.text, c.speaker_mention) for c in claims_of(SCRIPT)]
    assert said == [
        ("The ferry to Norland is cancelled today.", "DAVID OSEI"),
        ("Joan Pike is on the quay.", "DAVID OSEI"),
        ("David, the wind has not dropped.", "JOAN PIKE"),
        ("The crossing is unsafe.", "The harbour office"),
        ("The next boat may leave on Friday.", "PIKE")]
    assert [c.speaker.name for c in claims_of(SCRIPT)[:3]] == ["David Osei"] * 2 + ["Joan Pike"]


UNROLED = """Ana Duarte spoke to the program on Sunday.

KOFI MENSAH: The vote was close in the north. Listen to this.

DUARTE: We counted every ballot twice.

MENSAH: The recount starts on Monday."""


def test_a_name_in_full_whose_surname_labels_other_turns_is_a_speaker(claims_of):
    """No role follows "KOFI MENSAH", and the parse knows no Mensah: "MENSAH:" labelling a
    turn of its own shows the name in full to be a speaker's."""
    said = [(c.text, c.speaker.name if c.speaker else None) for c in claims_of(UNROLED)]
    assert said[1:] == [("The vote was close in the north.", "Kofi Mensah"),
                        ("We counted every ballot twice.", "Ana Duarte"),
                        ("The recount starts on Monday.", "Kofi Mensah")]


MARKERS = """Ana Duarte spoke to the program on Sunday.

NEWS CLIP: The vote was close in the north, officials said on Monday.

DUARTE: We counted every ballot twice.

CLIP: The recount starts on Monday."""


def test_a_scripts_markers_are_no_speakers_though_one_labels_turns_alone(claims_of):
    said = [(c.text, c.speaker.name if c.speaker else None) for c in claims_of(MARKERS)]
    assert said[1:] == [("The vote was close in the north.", "Officials"),
                        ("We counted every ballot twice.", "Ana Duarte"),
                        ("The recount starts on Monday.", None)]


def test_a_name_the_parse_hangs_from_the_end_of_a_spokesmans_description_names_him(claims_of):
    [claim] = claims_of("But a spokesman for the parents' group Free Choice, Tom Beck, said the "
                        "figures were exaggerated.")
    assert (claim.speaker.name, claim.speaker.role) == (
        "Tom Beck", "spokesman for the parents' group Free Choice")


def test_a_name_the_recogniser_cuts_short_in_lower_case_is_the_sources_whole_name(claims_of):
    claims = claims_of("dr. leila haddad, the region's chief medical officer, said the outbreak "
                       "was driven by falling vaccination rates. she urged parents to check "
                       "their children's records.")
    assert [c.speaker.name for c in claims] == ["Leila Haddad", "Leila Haddad"]


def test_an_office_named_by_an_apposition_is_the_named_persons_role(claims_of):
    claims = claims_of("The Danish Medical Association says the plan is wrong. Its chairwoman, "
                       "Anne Kjaer, says ambulance times have doubled.")
    assert (claims[-1].speaker.name, claims[-1].speaker.role) == (
        "Anne Kjaer", "chairwoman of the Danish Medical Association")


def test_people_named_in_a_sources_description_stay_people_of_the_story(claims_of):
    """Only the words that name the source give way to its name: "Senator John Smith" and
    "Mike Pence" inside the descriptions are still there to be looked back to."""
    smith = claims_of("A spokesman for Senator John Smith said the bill was dead. Smith later "
                      "said he would fight on.")
    pence = claims_of("An aide to Mike Pence said the plan was over. Later he said he would run.")
    assert smith[-1].speaker.name == "John Smith" and pence[-1].speaker.name == "Mike Pence"


def test_a_renamed_frame_keeps_its_offsets_past_a_letter_whose_lower_case_is_longer(claims_of):
    claims = claims_of("THE İMAM SPOKE. BRIAN BAKER, WHO HAS BLASTED THE PLAN FOR MONTHS, SPOKE "
                       "ON MONDAY.")
    assert claims[-1].text == "BRIAN BAKER HAS BLASTED THE PLAN FOR MONTHS."


def test_a_headline_in_title_case_is_no_speakers_label(claims_of):
    claims = claims_of("Harbour Chief On Duarte: ‘We Do Not Pay For Ferries’\n\nAna Duarte said "
                       "the harbour board was unfair to the islands.")
    assert [c.speaker.name for c in claims if c.speaker] == ["Ana Duarte"]


def test_a_headline_the_recogniser_reads_as_a_name_is_no_antecedent(claims_of):
    claims = claims_of("Ferry Suspect Named By Police In Lisbon\n\nIt said on Monday that the "
                       "suspect had fled to Spain.")
    assert claims[-1].speaker is None


@pytest.mark.parametrize("text, name", [
    ("Officials from the Council On Foreign Relations met on Monday. It said the plan would "
     "fail.", "Council On Foreign Relations"),
    ("Tapper: Welcome back to the program tonight.\n\nEdward Said: I thought it was a serious "
     "misreading of the region.", "Edward Said")])
def test_a_small_word_with_a_capital_in_a_name_outside_a_headline_is_the_names(claims_of, text,
                                                                              name):
    assert claims_of(text)[-1].speaker.name == name


def test_a_headlines_label_gives_the_speaker_of_words_that_may_be_the_outlets(claims_of):
    headline = claims_of("Sanders: Brexit could hurt US economy\n\nBernie Sanders spoke in "
                         "Vermont on Monday about the vote.")[0]
    assert (headline.kind, headline.speaker.name) == ("indirect", "Bernie Sanders")


def test_an_act_reported_after_a_speakers_colon_is_the_speakers_claim(claims_of):
    """The act after the label is what the labelled speaker says, not a frame of its own
    (as a headline's label or a transcript's turn gives it)."""
    label = claims_of("Ana Duarte: Investigators attacked the plan on Monday.")
    turn = claims_of("Ana Duarte: The inquiry helped reveal the payments scandal.\n\n"
                     "Ana Duarte, a senator, spoke in Lisbon on Monday.")[0]
    assert [(c.text, c.speaker.name) for c in label] == [
        ("Investigators attacked the plan on Monday.", "Ana Duarte")]
    assert (turn.text, turn.speaker.name) == (
        "The inquiry helped reveal the payments scandal.", "Ana Duarte")


def test_two_people_the_parse_joins_into_one_name_are_no_person(claims_of):
    """The parse may hang "Donald Trump and" from the second name: the source is two people,
    and a later "Clinton" is not them."""
    claims = claims_of("Racking up victories on Tuesday, Republican Donald Trump and Democrat "
                       "Hillary Clinton solidified their claims as their party's likely "
                       "nominee. Clinton said her rival was weak.")
    assert [c.speaker.kind for c in claims if c.speaker] == ["group", "person"]
    assert claims[-1].speaker.name == "Clinton"


def test_a_sentence_the_parse_reads_as_a_noun_phrase_names_no_one_by_its_verb(claims_of):
    """The parse reads "Trump mocked Mensah" as a noun phrase ("mocked" before the name): the
    relative pronoun stands for the person the recogniser names at its end."""
    [claim] = claims_of("Trump mocked Mensah, who has called the mogul an obvious phony.")
    assert (claim.text, claim.speaker.name) == ("The mogul is an obvious phony.", "Mensah")


def test_words_before_a_recognised_name_that_read_as_no_title_are_its_role(claims_of):
    [claim] = claims_of("Conservative columnist Hugh Hewitt said the budget would pass.")
    assert (claim.speaker.name, claim.speaker.role) == ("Hugh Hewitt", "Conservative columnist")


def test_a_common_word_the_recogniser_takes_for_an_organisation_is_no_antecedent(claims_of):
    claims = claims_of("Hillary Clinton, the former secretary of state, is part of the "
                       "establishment. Activists are frustrated with what Obama has done. They "
                       "say the president could have done more.")
    assert claims[-1].speaker is None


def test_a_quantifier_the_tagger_reads_as_an_adverb_is_a_source(claims_of):
    claims = claims_of('Republican voters were asked about the economy; most said they were '
                       '"very worried."')
    assert claims[-1].speaker_mention == "most"


def test_a_person_named_in_the_words_before_the_speaker_is_part_of_the_role(claims_of):
    [claim] = claims_of("Clinton ally Ana Duarte said the deal was dead.")
    assert (claim.speaker.name, claim.speaker.role) == ("Ana Duarte", "Clinton ally")


def test_a_common_noun_before_an_organisations_name_is_its_role(claims_of):
    [claim] = claims_of("Liberal watchdog group Media Matters said the ad was false.")
    assert (claim.speaker.name, claim.speaker.role) == ("Media Matters", "Liberal watchdog group")


def test_a_surname_that_is_also_a_small_word_is_a_name(claims_of):
    [claim] = claims_of("Theresa May said the deal was done.")
    assert claim.speaker.name == "Theresa May"


def test_a_group_naming_an_office_before_a_name_is_part_of_the_role(claims_of):
    [claim] = claims_of("Police Chief Ann Ruiz said the suspect fled on foot.")
    assert (claim.speaker.name, claim.speaker.role) == ("Ann Ruiz", "Police Chief")


def test_a_subject_the_tagger_slips_on_in_lower_case_is_still_the_source(claims_of):
    [claim] = claims_of("council member joan pike says the bridge is unsafe.")
    assert (claim.speaker_mention, claim.speaker.name) == ("council member joan pike", "Joan Pike")


def test_a_renamed_frame_in_capitals_keeps_the_articles_words(claims_of):
    [claim] = claims_of("BRIAN BAKER, WHO HAS BLASTED THE PLAN FOR MONTHS, SPOKE ON MONDAY.")
    assert (claim.text, claim.speaker.name) == (
        "BRIAN BAKER HAS BLASTED THE PLAN FOR MONTHS.", "Brian Baker")


def test_an_office_someone_owns_is_not_the_organisation_named_before(claims_of):
    claims = claims_of("Council member Joan Pike says the bridge is unsafe. The mayor's office "
                       "says the closure will last six months.")
    assert [c.speaker.name for c in claims] == ["Joan Pike", "Mayor's office"]


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


@pytest.mark.parametrize(
    "text, words, quote, speaker",
    [
        (
            "The union calls the offer an insult.",
            "The offer is an insult.",
            "the offer an insult",
            None,
        ),
        (
            "Mayor Otto Brandt has called the bridge repairs a scandal.",
            "The bridge repairs are a scandal.",
            "the bridge repairs a scandal",
            ("Otto Brandt", "person"),
        ),
        (
            "Dutch economists called the tax plan unworkable.",
            "The tax plan is unworkable.",
            "the tax plan unworkable",
            ("Dutch economists", "group"),
        ),
        (
            "Ines Carvalho calls the head of the water board a coward.",
            "The head of the water board is a coward.",
            "the head of the water board a coward",
            ("Ines Carvalho", "person"),
        ),
        (
            "the union called the offer an insult.",
            "The offer is an insult.",
            "the offer an insult",
            None,
        ),
        (
            "Marta Lind called them reckless.",
            "They are reckless.",
            "them reckless",
            ("Marta Lind", "person"),
        ),
        (
            "The Kremlin considers the treaty a cornerstone of security.",
            "The treaty is a cornerstone of security.",
            "the treaty a cornerstone of security",
            ("Russia", "country"),
        ),
        (
            "The fishermen's union deems the new quotas unfair.",
            "The new quotas are unfair.",
            "the new quotas unfair",
            ("Fishermen's union", "organization"),
        ),
    ],
)
def test_x_calls_y_z_is_x_saying_y_is_z(only_claim, text, words, quote, speaker):
    claim = only_claim(text)
    assert (claim.kind, claim.text, claim.quote) == ("indirect", words, quote)
    assert speaker_of(claim) == speaker


def test_a_predicate_coordinated_after_calls_is_a_second_claim_of_the_speaker(claims_of):
    claims = claims_of(
        "Canada calls the pipeline the backbone of its economy and is opposed to closing it."
    )
    assert [(c.text, c.quote) for c in claims] == [
        (
            "The pipeline is the backbone of its economy.",
            "the pipeline the backbone of its economy",
        ),
        ("Canada is opposed to closing it.", "is opposed to closing it"),
    ]
    assert {speaker_of(c) for c in claims} == {("Canada", "country")}


@pytest.mark.parametrize("text", [
    "The minister did not say that fares would rise.",
    "The mayor never claimed the bridge would open in March.",
    "No one has suggested that the vote was rigged.",
])
def test_what_nobody_says_is_never_a_claim_on_its_own(only_claim, text):
    """A negated cue keeps its whole frame: "fares would rise" alone would be a claim the
    minister never made."""
    claim = only_claim(text)
    assert claim.text == text and claim.quote == text.rstrip(".")


def test_a_second_cue_the_parse_joins_to_the_reported_clause_keeps_the_speaker(claims_of):
    claims = claims_of("The company acknowledged that sales had fallen but said profits were "
                       "stable.")
    assert [(c.text, c.speaker_mention) for c in claims] == [
        ("Sales had fallen.", "The company"), ("Profits were stable.", "The company")]


def test_a_clause_the_parse_hangs_before_another_frame_stays_a_claim(claims_of):
    claims = claims_of("Critics argue the law is unconstitutional; supporters say it is overdue.")
    assert [c.text for c in claims] == ["Critics argue the law is unconstitutional.",
                                        "It is overdue."]


@pytest.mark.parametrize(
    ("text", "words", "quote"),
    [
        ("The White House denied that the president had been briefed.",
         "The president had not been briefed.", "the president had been briefed"),
        ("The company disputed that prices fell last year.",
         "Prices did not fall last year.", "prices fell last year"),
        ("She denies the plan is dead.", "The plan is not dead.", "the plan is dead"),
        ("the ministry denied that talks won't resume.", "Talks will resume.",
         "talks won't resume"),
    ],
)
def test_a_denied_clause_is_claimed_the_other_way(only_claim, text, words, quote):
    """What a speaker denies is not their claim; its opposite is. The quote keeps the words."""
    claim = only_claim(text)
    assert (claim.kind, claim.text, claim.quote) == ("indirect", words, quote)


@pytest.mark.parametrize(
    "text",
    [
        "The council called a meeting for Monday.",
        "The new bridge is called the Harbour Link by its builders.",
        pytest.param(
            "Critics called off the protest march after the storm.",
            marks=pytest.mark.xfail(
                reason="the frame model keeps an act whose subject is a usual source "
                "('critics'), as PolNeAR annotates many acts of speakers", strict=True),
        ),
    ],
)
def test_calls_without_a_naming_stays_narration(only_claim, text):
    claim = only_claim(text)
    assert (claim.kind, claim.quote) == ("narration", text)


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        (
            'Lucia Ortega said the bank was sound. "We have the money." '
            "But for Ms. Ortega, the merger was a mistake.",
            "The merger was a mistake.",
            ("Lucia Ortega", "person"),
        ),
        (
            "Lucia Ortega, a bank analyst, said the deal was rushed. "
            "For the analyst, the merger was a mistake.",
            "The merger was a mistake.",
            ("Lucia Ortega", "person"),
        ),
        (
            "But for many economists, the recovery is still fragile.",
            "The recovery is still fragile.",
            ("Many economists", "group"),
        ),
        (
            "lucia ortega said the bank was sound. but for ortega, the merger was a mistake.",
            "The merger was a mistake.",
            ("Lucia Ortega", "person"),
        ),
    ],
)
def test_for_a_voice_or_a_group_the_sentence_is_their_view(claims_of, text, words, speaker):
    claim = claims_of(text)[-1]
    assert (claim.kind, claim.text) == ("indirect", words)
    assert speaker_of(claim) == speaker


@pytest.mark.parametrize(
    "text",
    [
        # One person nobody hears nearby: the writer's reading of where they stand.
        "For Ms. Ortega, the merger was a mistake.",
        "For Finance Minister Lucia Ortega, the merger was a mistake.",
        # No one at all.
        "For all these reasons, the merger was a mistake.",
    ],
)
def test_for_a_person_unheard_or_a_thing_the_sentence_is_narration(claims_of, text):
    (claim,) = claims_of(text)
    assert (claim.kind, claim.speaker) == ("narration", None)


@pytest.mark.parametrize(
    "text",
    [
        "For years, the merger was seen as a mistake.",
        "For now, the bridge stays closed to lorries.",
        "For the first time, wheat prices fell in May.",
        "For example, wheat prices fell in May.",
        "But for the storm, the harvest would have been good.",
        "for years, the merger was seen as a mistake.",
    ],
)
def test_for_a_time_or_example_stays_narration(only_claim, text):
    assert only_claim(text).kind == "narration"


_BLOCKED = pytest.mark.xfail(
    reason="the frame model keeps an act beside the words of its doer as theirs too, as "
    "PolNeAR annotates many acts of speakers ('blocked', 'booed', 'filed a lawsuit')",
    strict=True)


@pytest.mark.parametrize(
    "text, act, reported, speaker",
    [
        (
            "Paulo Reis visited the dam on Monday, and said it was safe.",
            ("narration", "Paulo Reis visited the dam on Monday."),
            "It was safe.",
            ("Paulo Reis", "person"),
        ),
        # A refusal is a stance of the speaker's own: a claim of theirs.
        (
            "The ministry has refused to reopen the talks and warned that prices would rise.",
            ("indirect", "The ministry has refused to reopen the talks."),
            "Prices would rise.",
            None,  # "the ministry", no ministry named: a mention, no speaker
        ),
        (
            "the ministry has refused to reopen the talks and warned that prices would rise.",
            ("indirect", "The ministry has refused to reopen the talks."),
            "Prices would rise.",
            None,  # "the ministry", no ministry named: a mention, no speaker
        ),
        pytest.param(
            "Dutch farmers blocked the motorway and added that the protest would go on.",
            ("narration", "Dutch farmers blocked the motorway."),
            "The protest would go on.",
            ("Dutch farmers", "group"),
            marks=_BLOCKED,
        ),
    ],
)
def test_x_did_p_and_said_q_gives_q_to_x(claims_of, text, act, reported, speaker):
    first, second = claims_of(text)
    assert (first.kind, first.text) == act
    assert (second.kind, second.text) == ("indirect", reported)
    assert speaker_of(second) == speaker
    assert first.speaker == (None if act[0] == "narration" else second.speaker)


def test_the_subject_of_and_said_heads_the_last_clause(claims_of):
    claims = claims_of(
        "The council approved the budget, but critics met the mayor and said the sums were wrong."
    )
    assert [(c.kind, c.quote) for c in claims[:2]] == [
        ("narration", "The council approved the budget"),
        ("narration", "critics met the mayor"),
    ]
    assert speaker_of(claims[2]) == ("Critics", "group")


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "Taxes will not rise next year, the finance minister has said. "
            "But Ana Duarte made it clear that spending cuts were coming.",
            "Ana Duarte",
            "Finance Minister",
        ),
        (
            "The port will be sold by June, the country's transport minister said on Friday. "
            "Tomas Lindgren told reporters that three bidders remained.",
            "Tomas Lindgren",
            "Country's Transport Minister",
        ),
        (
            "taxes will not rise next year, the finance minister has said. "
            "but ana duarte made it clear that spending cuts were coming.",
            "Ana Duarte",
            "Finance Minister",
        ),
    ],
)
def test_a_role_in_the_lede_is_the_person_named_next(claims_of, text, name, role):
    claims = claims_of(text)
    assert len(claims) == 2
    assert {(c.speaker.name, c.speaker.role) for c in claims} == {(name, role)}
    assert claims[0].speaker_mention.casefold().endswith("minister")


@pytest.mark.parametrize(
    "text",
    [
        # Two people are named next: either may be the minister.
        "Taxes will not rise next year, the finance minister has said. "
        "But Ana Duarte and Rui Costa said that spending cuts were coming.",
        "Taxes will not rise next year, the finance minister has said. "
        "But Ana Duarte, after meeting Rui Costa, made it clear that spending cuts were coming.",
        # The person named next has a role of their own.
        "Taxes will not rise next year, the finance minister has said. "
        "Ana Duarte, an economist, said that spending cuts were coming.",
        # The person is named too late.
        "Taxes will not rise next year, the finance minister has said. The budget is due in May. "
        "Parliament meets in June. Ana Duarte said that spending cuts were coming.",
    ],
)
def test_a_role_stays_unnamed_when_the_next_person_is_doubtful(claims_of, text):
    first = claims_of(text)[0]
    assert (first.speaker, first.speaker_mention) == (None, "the finance minister")


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        (
            "The opposition Greens call the harbour levy a disgrace.",
            "The harbour levy is a disgrace.",
            ("Opposition Greens", "organization"),
        ),
        (
            "The ruling party has called the protest a stunt.",
            "The protest is a stunt.",
            None,  # which ruling party: a description, no speaker
        ),
        (
            "The city calls the new ring road a waste of money.",
            "The new ring road is a waste of money.",
            None,
        ),
        (
            "The farmers' union calls the milk levy unfair.",
            "The milk levy is unfair.",
            ("Farmers' union", "organization"),
        ),
        (
            "The board calls the takeover offer an insult.",
            "The takeover offer is an insult.",
            None,
        ),
        (
            "the farmers' union calls the milk levy a disgrace.",
            "The milk levy is a disgrace.",
            ("Farmers' union", "organization"),
        ),
    ],
)
def test_an_organisation_calling_y_z_says_y_is_z_named_or_only_described(
    only_claim, text, words, speaker
):
    claim = only_claim(text)
    assert (claim.kind, claim.text) == ("indirect", words)
    assert speaker_of(claim) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The farmers' union called for a strike in May.",
        "The city called off the harbour parade on Monday.",
        "The county calls for calm after the floods.",
    ],
)
def test_organisations_calling_for_or_off_stay_narration(only_claim, text):
    claim = only_claim(text)
    assert (claim.kind, claim.speaker) == ("narration", None)


@pytest.mark.parametrize(
    "text",
    [
        "norland's foreign minister said on tuesday that the embassy would reopen. "
        "the talks were held in the capital. maria ruiz told reporters that a deal was close.",
        "Norland's foreign minister said on Tuesday that the embassy would reopen. "
        "The talks were held in the capital. Maria Ruiz told reporters that a deal was close.",
        "the embassy will reopen, norland's foreign minister said on tuesday.\n\n"
        "maria ruiz told reporters that a deal was close.",
    ],
)
def test_a_possessive_country_role_in_the_lede_is_the_person_named_next(claims_of, text):
    text = text.replace("norland", "spain").replace("Norland", "Spain")
    claims = [c for c in claims_of(text) if c.kind != "narration"]
    assert len(claims) == 2
    assert {(c.speaker.name, c.speaker.role) for c in claims} == {
        ("Maria Ruiz", "Spain's Foreign Minister")
    }


@pytest.mark.parametrize(
    "text",
    [
        "spain's foreign minister said on tuesday that the embassy would reopen. "
        "maria ruiz and tomas ek told reporters that a deal was close.",
        "spain's foreign minister said on tuesday that the embassy would reopen. "
        "maria ruiz, an economist, told reporters that a deal was close.",
    ],
)
def test_a_possessive_country_role_stays_unnamed_when_the_next_person_is_doubtful(claims_of, text):
    first = claims_of(text)[0]
    assert (first.speaker.name, first.speaker.kind) == ("Spain's Foreign Minister", "person")


@pytest.mark.parametrize(
    "text, speaker, role",
    [
        (
            "Councillor Joan Pike, who chairs the planning board, said the scheme would be "
            "rejected.",
            ("Joan Pike", "person"),
            "Councillor",
        ),
        (
            "Joan Pike, who chairs the planning board, said the scheme would be rejected.",
            ("Joan Pike", "person"),
            "chairs the planning board",
        ),
        (
            "Joan Pike, who is the head of the planning board, said the scheme would be rejected.",
            ("Joan Pike", "person"),
            "head of the planning board",
        ),
        (
            "Joan Pike, 54, who has lived in Oakford since 1990, said the scheme would be "
            "rejected.",
            ("Joan Pike", "person"),
            None,
        ),
        (
            "The port authority, which runs the harbour at Eastwick, said the scheme would be "
            "rejected.",
            None,
            None,
        ),
        (
            "Bellmoor Holdings, which runs the harbour at Eastwick, said the scheme would be "
            "rejected.",
            ("Bellmoor Holdings", "organization"),
            None,
        ),
        (
            "The scheme would be rejected, said Joan Pike, who chairs the planning board.",
            ("Joan Pike", "person"),
            None,
        ),
        (
            "The scheme would be rejected, Joan Pike, who chairs the planning board, said on "
            "Friday.",
            ("Joan Pike", "person"),
            "chairs the planning board",
        ),
        (
            "joan pike, who chairs the planning board, said the scheme would be rejected.",
            ("Joan Pike", "person"),
            "chairs the planning board",
        ),
    ],
)
def test_a_relative_clause_after_the_speaker_is_not_the_speaker(only_claim, text, speaker, role):
    claim = only_claim(text)
    assert (claim.kind, claim.text) == ("indirect", "The scheme would be rejected.")
    assert speaker_of(claim) == speaker
    assert (claim.speaker.role if claim.speaker else None) == role


def test_a_relative_clause_in_a_quote_frame_is_not_the_speaker(only_claim):
    claim = only_claim('"We will not back down," Joan Pike, who chairs the planning board, said.')
    assert (claim.kind, speaker_of(claim)) == ("direct_quote", ("Joan Pike", "person"))


@pytest.mark.parametrize(
    "text, speaker",
    [
        # A second relative clause, joined to the first: "who" still stands for the workers.
        ("Many dock workers, who were hired after the strike and who believe that the harbour "
         "will close next year, did not vote.", "Many dock workers"),
        # A verb joined to a passive one shares its subject.
        ("Joan Pike was asked about the cranes and said the harbour would close in May.",
         "Joan Pike"),
        # Whoever the passive's agent: the crane, not the workers, angered them.
        ("The dock workers were angered by the crane and predicted the harbour would close "
         "in May.", "Dock workers"),
    ],
)
def test_a_cue_joined_to_another_verb_takes_its_subject(claims_of, text, speaker):
    reported = [c for c in claims_of(text) if c.text.startswith("The harbour")]
    assert [(c.kind, c.speaker.name if c.speaker else None) for c in reported] == [
        ("indirect", speaker)]


@pytest.mark.parametrize(
    "text, claim_text, name, role",
    [
        (
            "The water board will raise fees in May, its chairman announced Friday.\n\n"
            "Chairman Ed Voss said the rise could not be avoided.",
            "The water board will raise fees in May.",
            "Ed Voss",
            "Chairman of the Water Board",
        ),
        (
            "The water board will raise fees in May, its chairman said late on Friday.\n\n"
            "Ed Voss told reporters the rise could not be avoided.",
            "The water board will raise fees in May.",
            "Ed Voss",
            "Chairman of the Water Board",
        ),
    ],
)
def test_a_possessive_role_speaks_for_its_organisation(claims_of, text, claim_text, name, role):
    claim = next(c for c in claims_of(text) if c.text == claim_text)
    assert claim.kind == "indirect"
    assert (claim.speaker.name, claim.speaker.kind, claim.speaker.role) == (name, "person", role)


def test_an_organisation_only_described_is_no_speaker_however_it_is_looked_back_to(claims_of):
    claims = claims_of("The company said in a statement that no customer data was lost. It "
                       "said the breach had been closed within the hour.")
    assert [(c.speaker, c.speaker_mention) for c in claims] == [
        (None, "The company"), (None, "It")]


@pytest.mark.parametrize("text, name", [
    ("South Korea's president said the talks would go on.", "South Korea's President"),
    ("The British prime minister said the talks would go on.", "British Prime Minister")])
def test_a_countrys_office_stands_for_its_holder(claims_of, text, name):
    [claim] = claims_of(text)
    assert (claim.speaker.name, claim.speaker.kind) == (name, "person")


@pytest.mark.parametrize(
    "text, claim_text, mention",
    [
        ("The water board will raise fees in May, its chairman announced Friday.",
         "The water board will raise fees in May.", "its chairman"),
        ("The water board met on Monday.\n\nIts chairman said on Friday that fees would rise.",
         "Fees would rise.", "Its chairman"),
        ("Local farmers will block the roads in May, their leader announced on Friday.",
         "Local farmers will block the roads in May.", "their leader"),
    ],
)
def test_a_role_no_one_is_named_for_stays_a_mention(claims_of, text, claim_text, mention):
    """As a speaker, "Chairman of the Water Board" would gather every water board's chairman
    and "Prime Minister" every prime minister of the archive."""
    claim = next(c for c in claims_of(text) if c.text == claim_text)
    assert (claim.kind, claim.speaker, claim.speaker_mention) == ("indirect", None, mention)


def test_a_possessive_role_stays_unnamed_when_two_people_are_named_next(claims_of):
    claims = claims_of(
        "The water board will raise fees in May, its chairman said on Friday. "
        "Ed Voss and Ann Lee said the rise could not be avoided."
    )
    assert (claims[0].speaker, claims[0].speaker_mention) == (None, "its chairman")


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "Economists at the central bank warned that inflation would rise.",
            "Economists",
            "Economists at the central bank",
        ),
        (
            "Analysts at Morgan Fenwick said the shares were overpriced.",
            "Analysts",
            "Analysts at Morgan Fenwick",
        ),
        (
            "Officials in the capital said the border would reopen.",
            "Officials",
            "Officials in the capital",
        ),
        (
            "Scientists from the Lantern Institute in Eastwick say the ice is melting fast.",
            "Scientists",
            "Scientists from the Lantern Institute in Eastwick",
        ),
        (
            "Residents of the Oak valley say the river is rising.",
            "Residents",
            "Residents of the Oak valley",
        ),
        (
            "The border would reopen, officials in the capital said.",
            "Officials",
            "officials in the capital",
        ),
        (
            "officials in the capital said the border would reopen.",
            "Officials",
            "officials in the capital",
        ),
    ],
)
def test_a_group_before_a_prepositional_phrase_is_the_speaker(only_claim, text, name, role):
    claim = only_claim(text)
    assert claim.kind == "indirect"
    assert speaker_of(claim) == (name, "group")
    assert claim.speaker.role == role


def test_a_group_inside_a_prepositional_phrase_is_not_the_subject(only_claim):
    claim = only_claim("Talks with officials in the capital said nothing new about the border.")
    assert claim.speaker is None


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            'Councillor Joan Pike opened the meeting on Monday.\n\n"We will not back down," '
            "Pike said.",
            "Joan Pike",
            "Councillor",
        ),
        (
            "Planning board chairwoman Joan Pike opened the meeting on Monday.\n\n"
            "Pike said the scheme would be rejected.",
            "Joan Pike",
            "chairwoman",
        ),
        (
            'Opposition leader Tomas Ek visited the dam on Monday.\n\n"It is not safe," '
            "Ek told reporters.",
            "Tomas Ek",
            "Opposition leader",
        ),
        (
            "Det. Sgt. Lara Quinn led the search on Monday.\n\nQuinn said the boy was found safe.",
            "Lara Quinn",
            "Det. Sgt.",
        ),
        (
            "The hearing was chaired by Commissioner Ravi Menon of the port.\n\n"
            "Menon said the fees would rise.",
            "Ravi Menon",
            "Commissioner",
        ),
        (
            "councillor joan pike opened the meeting on monday. pike said the scheme would be "
            "rejected.",
            "Joan Pike",
            "Councillor",
        ),
    ],
)
def test_a_surname_later_is_the_person_first_named_with_a_title(claims_of, text, name, role):
    claim = claims_of(text)[-1]
    assert claim.kind in {"direct_quote", "indirect"}
    assert (claim.speaker.name, claim.speaker.role) == (name, role)


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "According to a report by the water board, the dam will cost twice as much.",
            ("Water board", "organization"),
        ),
        (
            "According to a study from the University of Oakford, the ice is melting fast.",
            ("University of Oakford", "organization"),
        ),
        (
            "According to the Lantern Group's report, the dam will cost twice as much.",
            ("Lantern Group", "organization"),
        ),
        (
            "According to a Lantern Group study, the dam will cost twice as much.",
            ("Lantern Group", "organization"),
        ),
        (
            "According to Joan Pike's report, the dam will cost twice as much.",
            ("Joan Pike", "person"),
        ),
        (
            "The dam will cost twice as much, according to a poll by the Eastwick Herald.",
            ("Eastwick Herald", "organization"),
        ),
        (
            "According to a report by consultants, the dam will cost twice as much.",
            ("Consultants", "group"),
        ),
        (
            "according to a report by the water board, the dam will cost twice as much.",
            ("Water board", "organization"),
        ),
    ],
)
def test_according_to_a_document_is_its_author(only_claim, text, speaker):
    claim = only_claim(text)
    assert claim.kind == "indirect"
    assert speaker_of(claim) == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "According to a consultants' report published on Monday, the dam will cost twice "
            "as much.",
            ("Consultants' report", "organization"),
        ),
        (
            "The dam will cost twice as much, according to a new survey.",
            ("New survey", "organization"),
        ),
        (
            "According to a 2019 audit, the dam lost money every year.",
            ("2019 audit", "organization"),
        ),
        (
            "according to a leaked study, the dam will cost twice as much.",
            ("Leaked study", "organization"),
        ),
    ],
)
def test_according_to_a_document_without_author_is_the_document(only_claim, text, speaker):
    claim = only_claim(text)
    assert claim.kind == "indirect"
    assert speaker_of(claim) == speaker


@pytest.mark.parametrize(
    "line",
    [
        "Jane Holm reports from Oakford.",
        "Jane Holm, reporting from Oakford.",
        "Jane Holm reporting for Radio Oakford.",
        "Jane Holm, Radio Oakford News, Eastwick.",
        "Jane Holm, VOA News, reporting from Eastwick.",
        "For Radio Oakford News, I'm Jane Holm.",
        "I'm Jane Holm, Radio Oakford News.",
        "This is Jane Holm for Radio Oakford News in Eastwick.",
        "Reporting by Jane Holm; editing by Tomas Ek",
        "Reporting by Jane Holm; editing by Tomas Ek.",
        "(Reporting by Jane Holm in Eastwick; Additional reporting by Ann Lee; "
        "Editing by Tomas Ek)",
        "jane holm, radio oakford news, eastwick.",
    ],
)
def test_sign_offs_and_credit_lines_are_furniture(claims_of, line):
    text = f"The ferry will stop running in June, the port council said.\n\n{line}"
    assert [c.quote for c in claims_of(text)] == ["The ferry will stop running in June"]


@pytest.mark.parametrize(
    "text",
    [
        "Jane Holm reports that the ferry will stop running in June.",
        "Reporting by Jane Holm showed the ferry had lost money for years.",
        "Jane Holm, the mayor, closed the ferry in June.",
    ],
)
def test_sentences_like_sign_offs_are_still_claims(claims_of, text):
    assert claims_of(text)


@pytest.mark.parametrize(
    "text, claim_text, speaker",
    [
        (
            "Grant disputed that figure, saying the report overstated costs.",
            "The report overstated costs.",
            ("Grant", "person"),
        ),
        (
            "Mayor Otto Brandt rejected the plan on Monday, saying it was too costly.",
            "It was too costly.",
            ("Otto Brandt", "person"),
        ),
        (
            "Officials defended the decision, saying the bridge was unsafe.",
            "The bridge was unsafe.",
            ("Officials", "group"),
        ),
        (
            "The union walked out of the talks on Friday, saying the offer was an insult.",
            "The offer was an insult.",
            None,
        ),
        (
            "Farmers blocked the road for hours, arguing that the levy would ruin them.",
            "The levy would ruin them.",
            ("Farmers", "group"),
        ),
        (
            "The ministry denied the report, saying the figures were wrong.",
            "The figures were wrong.",
            None,
        ),
        (
            "Councillor Ines Carvalho chaired the board. She resigned in March, saying she had "
            "been misled.",
            "She had been misled.",
            ("Ines Carvalho", "person"),
        ),
        (
            "joan pike rejected the plan, saying it was too costly.",
            "It was too costly.",
            ("Joan Pike", "person"),
        ),
    ],
)
def test_x_did_something_saying_p_gives_p_to_x(claims_of, text, claim_text, speaker):
    claims = {c.text: c for c in claims_of(text) if c.kind != "narration"}
    assert speaker_of(claims[claim_text]) == speaker
    # The act beside the words ("rejected the plan"), when the frame model keeps it as a claim
    # too, is the same speaker's.
    assert {speaker_of(c) for c in claims.values()} == {speaker}


def test_a_quotation_before_its_frame_is_its_content_beside_a_second_frame(claims_of):
    claims = claims_of('"The bridge is safe," Maria Lindqvist said, noting that the repairs '
                       "were finished.")
    assert [(c.kind, c.text, c.speaker_mention) for c in claims] == [
        ("direct_quote", "The bridge is safe.", "Maria Lindqvist"),
        ("indirect", "The repairs were finished.", "Maria Lindqvist"),
    ]


def test_typewriter_quotation_marks_quote_and_carry_on(claims_of):
    # Archive copy writes double quotes as two single marks: ''...'' (or ``...'').
    claims = claims_of("''The bridge is safe,'' Mr. Lindqvist said. ''I think the repairs can "
                       "wait.''")
    assert [(c.kind, c.text, c.quote, c.speaker_mention) for c in claims] == [
        ("direct_quote", "The bridge is safe.", "The bridge is safe", "Mr. Lindqvist"),
        ("direct_quote", "I think the repairs can wait.", "I think the repairs can wait.",
         "Mr. Lindqvist"),
    ]


def test_said_p_adding_q_gives_two_claims(claims_of):
    claims = claims_of("Joan Pike said prices rose, adding that repairs would take a year.")
    assert [c.text for c in claims] == ["Prices rose.", "Repairs would take a year."]
    assert {speaker_of(c) for c in claims} == {("Joan Pike", "person")}


def test_a_participle_after_said_is_the_speakers_though_the_parse_hangs_it_later(claims_of):
    """The parse hangs "adding" from "they pay", in the words added: the speaker is still
    the one who said the words before."""
    claims = claims_of('"With this vote, we will tear the walls down," Ana Duarte said, adding '
                       'that the city would send a "clear message that Lisbon is a place where '
                       'people make mistakes, they pay their debt [and] are welcomed back as '
                       'full members of our town."')
    assert [c.speaker_mention for c in claims] == ["Ana Duarte", "Ana Duarte"]


def test_a_frame_inside_a_relative_clause_reports_the_clause_about_its_noun(claims_of):
    """ "a ferry that the mayor says runs at a loss": the mayor says the ferry runs at a loss;
    the sentence up to the relative pronoun is the outlet's."""
    claims = claims_of("The council kept a ferry that the mayor says runs at a loss.")
    assert [(c.text, c.quote, c.speaker_mention) for c in claims] == [
        ("The council kept a ferry.", "The council kept a ferry", None),
        ("A ferry runs at a loss.", "runs at a loss", "the mayor")]


def test_a_relative_clause_inside_its_sentence_leaves_the_sentence_whole(claims_of):
    """Read as the pier's, the frame would cut "reopened" off the outlet's sentence."""
    claims = claims_of("The pier that the mayor said was unsafe reopened on Monday.")
    assert [(c.text, c.speaker_mention) for c in claims] == [
        ("The pier that the mayor said was unsafe reopened on Monday.", None)]


def test_a_participle_after_the_that_of_a_reported_clause_is_the_clauses(claims_of):
    claims = claims_of("The mayor said that, insisting the plan would work, her aides pushed "
                       "it through.")
    assert ("The plan would work.", "her aides") in [(c.text, c.speaker_mention) for c in claims]


def test_a_participle_after_a_quotation_is_the_frames_that_reports_it(claims_of):
    """The parse hangs "referring" from the quoted passive, whose agent it took for the source;
    the participle's words are its claim, not the frame before it again."""
    claims = claims_of("Duarte said things “should be settled by Lisbon,” referring to the "
                       "party’s July congress, where members will choose a leader.")
    assert [(c.text, c.speaker_mention) for c in claims] == [
        ("Things “should be settled by Lisbon.”", "Duarte"),
        ("Referring to the party’s July congress, where members will choose a leader.",
         "Duarte")]


def test_a_participle_after_an_act_keeps_the_act_in_its_claim(claims_of):
    claims = claims_of("Joan Pike tried to reassure voters, promising to rebuild the pier.")
    assert [(c.text, c.speaker_mention) for c in claims] == [
        ("Joan Pike tried to reassure voters, promising to rebuild the pier.", "Joan Pike")]


def test_x_did_something_pledging_to_p_keeps_x_as_its_speaker(claims_of):
    # The act's frame ("Joan Pike spoke") stands before the pledge's cue, not in its content.
    claims = claims_of("Joan Pike spoke for an hour on Tuesday, pledging to rebuild the pier.")
    assert [(c.text, speaker_of(c)) for c in claims] == [
        ("Joan Pike spoke for an hour on Tuesday, pledging to rebuild the pier.",
         ("Joan Pike", "person"))]


def test_a_phrasal_gerund_is_no_frame(only_claim):
    claim = only_claim("Joan Pike said the plan, adding up to 4 million, was too costly.")
    assert claim.text == "The plan, adding up to 4 million, was too costly."


def test_a_surname_that_is_also_a_title_names_the_person_met_before(claims_of):
    # nameparser reads "Martin Luther King Jr." as first, middle, surname and suffix.
    claims = claims_of('Martin Luther King Jr. spoke in Memphis on Wednesday. "We have got '
                       'some difficult days ahead," King said to the crowd.')
    quoted = [c for c in claims if c.speaker is not None]
    assert [(c.speaker_mention, c.speaker.name) for c in quoted] == [
        ("King", "Martin Luther King Jr.")]


def test_a_paragraph_closed_by_a_tag_of_where_it_is_from_is_read_for_frames(claims_of):
    claims = claims_of("Ferry crossings fell again in the north - Ana Duarte: “The winter "
                       "timetable cut two boats a day. Nobody asked the islanders.” [Harbour Desk]")
    assert [(c.text, c.speaker_mention) for c in claims if c.speaker] == [
        ("The winter timetable cut two boats a day.", "Ana Duarte"),
        ("Nobody asked the islanders.", "Ana Duarte")]


def test_a_headline_closed_by_a_tag_frames_nothing(claims_of):
    claims = claims_of("Pike Says Mayor Is ‘Unfit’ [VIDEO]\n\nJoan Pike spoke on Monday about "
                       "the harbour.")
    assert all(c.speaker is None for c in claims)


def test_a_statement_announced_with_a_colon_is_the_quotation_of_the_next_paragraph(claims_of):
    text = ("In response, the nominee Dana Holt issued the following statement:\n\n"
            "“Our prayers are with all those affected. This cannot continue.”\n\n"
            "The campaign has taken a hard line.")
    quoted = [(c.text, c.speaker.name) for c in claims_of(text) if c.speaker is not None]
    assert quoted == [("Our prayers are with all those affected.", "Dana Holt"),
                      ("This cannot continue.", "Dana Holt")]


def test_a_quoted_imperative_after_said_is_the_speakers_quotation(claims_of):
    claims = claims_of('Erdogan said, "Let the United Nations advise other countries to accept '
                       'the refugees."')
    assert [(c.kind, c.speaker_mention) for c in claims] == [("direct_quote", "Erdogan")]


def test_a_dateline_before_the_speaker_is_no_source(claims_of):
    claims = claims_of("LA CROSSE, Wis. — Mike Pence said Monday that the media were "
                       "nitpicking at the wording.")
    assert [(c.text, c.speaker_mention) for c in claims] == [
        ("The media were nitpicking at the wording.", "Mike Pence")]


def test_a_dateline_the_parse_hangs_from_the_speaker_is_neither_source_nor_claim(claims_of):
    claims = claims_of("WASHINGTON — Sen. Bernie Sanders defended his call to raise the federal "
                       "minimum wage, saying the positives would outweigh the losses.")
    assert [(c.text, c.speaker_mention, c.speaker.name) for c in claims] == [
        ("Sen. Bernie Sanders defended his call to raise the federal minimum wage.",
         "Sen. Bernie Sanders", "Bernie Sanders"),
        ("The positives would outweigh the losses.", "Sen. Bernie Sanders", "Bernie Sanders")]


def test_a_frame_naming_its_speaker_in_an_apposition_reads_once_with_the_name(claims_of):
    claims = claims_of("While the nominee has yet to endorse the speaker's re-election bid, "
                       "Trump's running mate — Indiana Gov. Mike Pence — has thrown his "
                       "support behind Ryan.")
    assert claims[-1].text == "Indiana Gov. Mike Pence has thrown his support behind Ryan."


def test_a_possessive_is_no_part_of_the_name_a_pronoun_looks_back_to(claims_of):
    claims = claims_of("Thousands of supporters came to Ted Cruz’s rally in Miami on Monday. "
                       "He said the border must be closed.")
    assert claims[-1].speaker.name == "Ted Cruz"


def test_she_looks_back_past_a_man_to_the_woman_named_before(claims_of):
    # First names and their pronouns are learnt from PolNeAR train (analysis/genders.py).
    claims = claims_of("Elizabeth Warren spoke in Boston after Ted Cruz had left the stage. "
                       "She said the bill would pass.")
    assert claims[-1].speaker.name == "Elizabeth Warren"


@pytest.mark.parametrize("text", [
    'Senator Mark Ellis spoke to reporters on Monday. The AP reported that turnout was low. '
    '"We will win this seat," he said.',
    "Senator Mark Ellis met voters in Ohio on Monday, the day the GOP unveiled its platform. "
    "He said the platform would bring jobs to the state.",
    "Mark Ellis toured the plant on Monday. According to the AP, the CNN interview ran long. "
    "He said the plant would stay open.",
])
def test_he_looks_back_past_an_acronym_to_the_man_named_before(claims_of, text):
    # The recogniser may take "GOP" or "AP" for a person; in text with case, capitals are an
    # acronym's.
    assert claims_of(text)[-1].speaker.name == "Mark Ellis"


def test_a_name_in_a_headline_in_title_case_stops_before_its_verb(claims_of):
    # The recogniser takes "Ana Duarte Refuses to Back Harbour Plan" for one name.
    (claim,) = claims_of("Ana Duarte Refuses to Back Harbour Plan.")
    assert claim.speaker.name == "Ana Duarte"
    assert claim.text == "Ana Duarte Refuses to Back Harbour Plan."


def test_two_cues_announcing_one_quotation_give_it_once(claims_of):
    text = ('Dana Holt wrote on Twitter on Monday, adding:\n\n'
            '"The vote was stolen from the people of this county."')
    claims = [c for c in claims_of(text) if c.speaker is not None]
    assert [c.text for c in claims] == ["The vote was stolen from the people of this county."]


def test_a_quote_before_a_frame_telling_a_listener_is_what_was_told(claims_of):
    claims = claims_of("“We will win this!” Ana Duarte told Norway’s NRK radio station in an "
                       "interview aired on Monday when asked about the polls.")
    quoted = next(c for c in claims if c.kind == "direct_quote")
    assert (quoted.text, quoted.speaker_mention) == ("We will win this!", "Ana Duarte")
    assert not any(c.text.startswith("Ana Duarte told") and c.speaker for c in claims)


def test_the_subject_the_parse_hangs_elsewhere_is_found_past_its_relative_clause(claims_of):
    claims = claims_of("Although there is no such plan for the port's terminal, a council "
                       "officer who spoke anonymously to discuss the tender said Tuesday, "
                       "\"Certainly there are talks with the ferry company.\"")
    quoted = next(c for c in claims if c.kind == "direct_quote")
    assert quoted.speaker_mention == "a council officer"


def test_a_clause_a_colon_ends_is_not_the_content_of_the_frame_after_it(claims_of):
    claims = claims_of("Even the councillors who backed the scheme sounded wary: Deputy Mayor "
                       "Ruth Okafor called it “the least bad plan on the table.”")
    said = [(c.text, c.speaker_mention) for c in claims if c.speaker_mention]
    assert said == [("It is the least bad plan on the table.", "Deputy Mayor Ruth Okafor")]


def test_a_clause_made_part_of_the_one_before_does_not_report_it():
    """ "His worry is that, whatever they do, their fans stand by them", parsed as the model
    parses some such sentences: the clause after "that" hung from the one before it, as a
    frame after its content is ("Prices will fall, she said")."""
    from spacy.tokens import Doc

    from analysis.attribution.contents import content_of
    from analysis.nlp import pipeline

    words = ["His", "worry", "is", "that", "whatever", "they", "do", ",", "their", "fans",
             "stand", "by", "them", "."]
    heads = [1, 2, 2, 10, 6, 6, 10, 10, 9, 10, 2, 10, 11, 2]
    deps = ["poss", "nsubj", "ROOT", "mark", "dobj", "nsubj", "advcl", "punct", "poss",
            "nsubj", "ccomp", "prep", "pobj", "punct"]
    pos = ["PRON", "NOUN", "AUX", "SCONJ", "PRON", "PRON", "VERB", "PUNCT", "PRON", "NOUN",
           "VERB", "ADP", "PRON", "PUNCT"]
    doc = Doc(pipeline().vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert content_of(doc[10]) is None


def test_as_sets_off_a_frame_after_its_content_as_a_comma_does(only_claim):
    claim = only_claim("Cutting the ferry also carries risks, as the dock workers point out.")
    assert (claim.text, claim.speaker_mention) == ("Cutting the ferry also carries risks.",
                                                   "the dock workers")


def test_clauses_after_a_cue_one_after_another_are_each_its_claim(claims_of):
    claims = claims_of("The ministry has said 114 of the harbour's cranes were idle in May "
                       "because they lacked parts, the vast majority of them rated \"unsafe,\" "
                       "the lowest grade in the inspection system.")
    assert [(c.text, c.speaker_mention) for c in claims] == [
        ("114 of the harbour's cranes were idle in May because they lacked parts.",
         "The ministry"),
        ('The vast majority of them rated "unsafe," the lowest grade in the inspection system.',
         "The ministry")]


def test_a_paragraph_ending_on_a_mistyped_closing_mark_is_read(claims_of):
    claims = claims_of("“The voters can see the ferry is the one thing that works,” she said. "
                       "“They see that. “")
    assert [(c.text, c.speaker_mention) for c in claims] == [
        ("The voters can see the ferry is the one thing that works.", "she"),
        ("They see that.", "she")]


def test_a_quotation_after_a_frame_is_not_joined_to_the_words_before_the_frame(claims_of):
    claims = claims_of('Asked by a reporter whether the ferry would run, she said, "It runs '
                       'all winter, and that is all because the council paid for it."')
    assert [(c.text, c.speaker_mention) for c in claims if c.kind == "direct_quote"] == [
        ("It runs all winter, and that is all because the council paid for it.", "she")]


@pytest.mark.parametrize("text", [
    # The frame's own words are few; the clause adding Q is another frame's.
    "“Absolutely not. Absolutely not,” Duarte said on Monday, adding that the ferry would run.",
    # The parse takes the quotation's first words for the cue's object.
    "“Everything the minister said is the kind of thing you use to prove intent,” Duarte said "
    "in a phone interview, adding that the council had known for weeks.",
])
def test_a_quotation_just_before_its_frame_is_the_frame_s_though_another_follows(claims_of,
                                                                                 text):
    quoted = [(c.kind, c.speaker_mention) for c in claims_of(text) if c.kind == "direct_quote"]
    assert quoted and set(quoted) == {("direct_quote", "Duarte")}


@pytest.mark.parametrize("text", ["Ana Duarte (D-Calif.) said the ferry would run all winter.",
                                  "Ana Duarte (R) said the ferry would run all winter."])
def test_a_party_and_state_in_brackets_are_no_role(only_claim, text):
    speaker = only_claim(text).speaker
    assert (speaker.name, speaker.role) == ("Ana Duarte", None)


def test_the_colon_of_a_verb_joined_to_a_cue_is_not_the_cue_s(claims_of):
    claims = claims_of("Harbour chief Tomas Berg said the ferry would run. “We expect full "
                       "boats,” he said on Monday, and then predicted: “The winter will be "
                       "busy.”")
    assert [(c.text, c.speaker_mention) for c in claims] == [
        ("The ferry would run.", "Harbour chief Tomas Berg"), ("We expect full boats.", "he"),
        ("The winter will be busy.", "he")]


@pytest.mark.parametrize("text, speaker", [
    ('Councillor Ana Duarte (Lab.): "The ferry will run all winter."', "Ana Duarte"),
    ("The ferry matters a great deal here - Tomas Berg: “It will run all winter.”", "Tomas Berg"),
    ('The verdict shocked the court - Judge Rosa Lind: "The defendant will serve ten years."',
     "Rosa Lind"),
])
def test_a_name_before_a_colon_opening_a_quotation_is_its_speaker(claims_of, text, speaker):
    quoted = [c for c in claims_of(text) if c.kind == "direct_quote"]
    assert [c.speaker.name for c in quoted] == [speaker]


def test_a_notice_before_a_colon_and_a_quotation_is_no_speaker(only_claim):
    claim = only_claim('Editor’s Note: "This story has been updated with the council’s vote."')
    assert claim.speaker is None


def test_a_dateline_with_an_agency_and_a_colon_stays_a_dateline(only_claim):
    claim = only_claim("Kyiv (AFP): Shelling hit the port overnight, officials said.")
    assert (claim.text, claim.speaker_mention) == ("Shelling hit the port overnight.",
                                                   "officials")


def test_a_name_set_off_by_commas_before_a_cue_joined_to_the_clause_before_is_its_source():
    """ "It was no accident — Rosa Vik, a spokeswoman, told reporters that ...", parsed as the
    model parses some such sentences: the name hung as an apposition of the clause before,
    the cue joined to that clause."""
    from spacy.tokens import Doc

    from analysis.attribution.sources import source_token
    from analysis.nlp import pipeline

    words = ["It", "was", "no", "accident", "—", "Rosa", "Vik", ",", "a", "spokeswoman", ",",
             "told", "reporters", "that", "cranes", "failed"]
    heads = [1, 1, 3, 1, 3, 6, 3, 6, 9, 6, 6, 1, 11, 15, 15, 11]
    deps = ["nsubj", "ROOT", "det", "attr", "punct", "compound", "appos", "punct", "det",
            "appos", "punct", "conj", "dobj", "mark", "nsubj", "ccomp"]
    pos = ["PRON", "AUX", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "DET", "NOUN",
           "PUNCT", "VERB", "NOUN", "SCONJ", "NOUN", "VERB"]
    doc = Doc(pipeline().vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert source_token(doc[11]).text == "Vik"


def test_a_name_just_after_a_cue_after_its_quotation_is_its_source():
    """ "“It is a fight,” said Ana Duarte, an ally who heads Save the Ferry", parsed as the
    model parses some such sentences: the name hung as the subject of a later verb."""
    from spacy.tokens import Doc

    from analysis.attribution.sources import source_token
    from analysis.nlp import pipeline

    words = ["“", "It", "is", "a", "fight", ",", "”", "said", "Ana", "Duarte", ",", "an", "ally",
             "who", "heads", "Save", "the", "Ferry", "."]
    heads = [7, 2, 7, 4, 2, 7, 7, 7, 9, 15, 9, 12, 9, 14, 12, 7, 17, 15, 7]
    deps = ["punct", "nsubj", "ccomp", "det", "attr", "punct", "punct", "ROOT", "compound",
            "nsubj", "punct", "det", "appos", "nsubj", "relcl", "ccomp", "det", "dobj", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "DET", "NOUN", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN",
           "PUNCT", "DET", "NOUN", "PRON", "VERB", "VERB", "DET", "PROPN", "PUNCT"]
    ents = ["O"] * 8 + ["B-PERSON", "I-PERSON"] + ["O"] * 9
    doc = Doc(pipeline().vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)
    assert source_token(doc[7]).text == "Duarte"


def test_a_name_compounded_with_a_noun_cue_is_its_source():
    """ "Duarte estimates that the ferry failed", parsed as the model parses some such
    sentences: "estimates" a noun, and the name before it part of its compound."""
    from spacy.tokens import Doc

    from analysis.attribution.sources import source_token
    from analysis.nlp import pipeline

    words = ["Duarte", "estimates", "that", "the", "ferry", "failed", "."]
    heads = [1, 1, 5, 4, 5, 1, 1]
    deps = ["compound", "ROOT", "mark", "det", "nsubj", "ccomp", "punct"]
    pos = ["PROPN", "NOUN", "SCONJ", "DET", "NOUN", "VERB", "PUNCT"]
    doc = Doc(pipeline().vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert source_token(doc[1]).text == "Duarte"


def test_a_quotation_the_parse_joins_to_the_name_after_it_is_no_part_of_the_name(only_claim):
    claim = only_claim("“We were tremendously wrong to not have questioned the budget from the "
                       "beginning,” Herrera, 61, told the Herald in an interview.")
    assert (claim.kind, claim.speaker_mention) == ("direct_quote", "Herrera")
