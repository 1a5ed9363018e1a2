"""Helpers shared by the analysis tests."""

import pytest

from analysis import extract_claims

# Behaviours of the rule sieve that attribution on the parse does not have yet (issue 11).
# Strict: a case that starts passing fails until it is taken off this list.
_NAMING = "speaker naming of the rule sieve not yet carried over to the parse"
_FRAMES = "the PolNeAR cue model takes this verb as a frame; the sieve's reading differs"
KNOWN_GAPS = {
    ("test_a_predicate_coordinated_after_calls_is_a_second_claim_of_the_speaker", ""): _FRAMES,
    ("test_calls_without_a_naming_stays_narration", "meeting for Monday"): _FRAMES,
    ("test_calls_without_a_naming_stays_narration", "Harbour Link"): _FRAMES,
    ("test_organisations_calling_for_or_off_stay_narration", "called for"): _FRAMES,
    ("test_organisations_calling_for_or_off_stay_narration", "called off"): _FRAMES,
    ("test_an_organisation_calling_y_z_says_y_is_z_named_or_only_described", "harbour levy"):
        "the parse attaches the object of 'call' to its first noun",
    ("test_an_organisation_calling_y_z_says_y_is_z_named_or_only_described", "takeover"):
        "the parse attaches the object of 'call' to its first noun",
    ("test_the_subject_of_and_said_heads_the_last_clause", ""):
        "narration before a frame is not cut at 'but'",
    ("test_a_phrasal_gerund_is_no_frame", ""): "'adding up to' is read as a frame",
    ("test_a_relative_clause_after_the_speaker_is_not_the_speaker", "Bellmoor"): _NAMING,
    ("test_a_relative_clause_after_the_speaker_is_not_the_speaker", "joan pike"): _NAMING,
    ("test_a_group_before_a_prepositional_phrase_is_the_speaker", "[officials in the capital"):
        _NAMING,
    ("test_a_surname_later_is_the_person_first_named_with_a_title", "Opposition leader"): _NAMING,
    ("test_a_surname_later_is_the_person_first_named_with_a_title", "Lara Quinn"): _NAMING,
    ("test_a_surname_later_is_the_person_first_named_with_a_title", "councillor joan"): _NAMING,
    ("test_according_to_a_document_is_its_author", "Eastwick Herald"): _NAMING,
    ("test_according_to_a_document_without_author_is_the_document", "consultants' report"):
        _NAMING,
    ("test_x_did_something_saying_p_gives_p_to_x", "joan pike rejected"): _NAMING,
}


def pytest_collection_modifyitems(items):
    for item in items:
        name, bracket, params = item.name.partition("[")
        for (test, case), reason in KNOWN_GAPS.items():
            if name == test and case in bracket + params:
                item.add_marker(pytest.mark.xfail(strict=True, reason=reason))


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
