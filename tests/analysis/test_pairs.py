"""Claims read into frames where they stand, two claims of one article weighed by the pair
model, and flagged pairs explained in the claims' own words."""

import pytest

from analysis import extract_claims
from analysis.contradiction import pairs
from analysis.contradiction.explanation import LONGEST, explain
from analysis.contradiction.frames import Frame, Side, frame_of_text

DISPUTE = (
    "Mayor Lena Ortiz said on Monday that the new harbour bridge will open in March.\n\n"
    "The city expects thousands of commuters to use it every day.\n\n"
    "But the chief engineer, Tomas Reyes, said the bridge would not open before September.")


def _claim(text: str, words: str):
    return next(c for c in extract_claims(text) if words in c.text)


def _side(claim) -> Side:
    name = claim.speaker.name if claim.speaker else None
    return Side(claim.frame, claim.text, claim.start, claim.end, name, name)


def test_a_claim_is_read_with_what_its_negation_governs_and_what_frames_it():
    frame = _claim(DISPUTE, "September").frame
    assert "open" in frame.negated and {"bridge", "open", "september"} <= frame.lemmas
    assert frame.contrast  # "But ... said"
    denied = _claim("The union denied that fares would rise in May.", "Fares").frame
    assert denied.rebuts and not denied.negated
    assert _claim("The minister said the report was a lie.", "report").frame.falsity


def test_a_frame_is_stored_as_json_and_read_back_the_same():
    frame = _claim(DISPUTE, "September").frame
    assert Frame.from_json(frame.to_json()) == frame
    assert Frame.from_json(None) is None
    assert frame_of_text("The bridge would not open before September.").negated == {"open"}


def test_two_parties_contradicting_each_other_in_one_article_are_flagged():
    first, second = _side(_claim(DISPUTE, "March")), _side(_claim(DISPUTE, "September"))
    assert pairs.comparable(first, second)
    assert pairs.probability(first, second) >= pairs.threshold()
    assert "negation" in pairs.cues(first, second)


def test_claims_on_other_subjects_of_the_same_article_are_not_flagged():
    first, second = _side(_claim(DISPUTE, "March")), _side(_claim(DISPUTE, "commuters"))
    assert pairs.probability(first, second) < pairs.threshold()


def test_two_parties_saying_one_thing_in_one_article_are_not_flagged():
    text = ("Deputy Mayor Ana Lind said the harbour bridge will open in March.\n\n"
            "Councillor Jonas Vik said the harbour bridge would open in March, as planned.")
    first, second = _side(_claim(text, "March.")), _side(_claim(text, "planned"))
    assert pairs.comparable(first, second)
    assert pairs.probability(first, second) == 0.0


def test_the_same_words_read_twice_are_not_compared():
    side = _side(_claim(DISPUTE, "March"))
    inside = Side(side.frame, "the new harbour bridge will open", side.at + 40, side.end,
                  side.speaker, side.speaker_name)
    assert not pairs.comparable(side, side)
    assert not pairs.comparable(side, inside)


def test_an_explanation_quotes_both_claims_whole_with_who_says_them():
    first, second = _side(_claim(DISPUTE, "March")), _side(_claim(DISPUTE, "September"))
    assert explain(first, second, one_source=True) == (
        "Lena Ortiz says 'The new harbour bridge will open in March'; "
        "Tomas Reyes says 'The bridge would not open before September'")
    narration = Side(Frame(), "Work on the deck stopped in May.", 0, 30)
    assert explain(narration, second, one_source=False).startswith(
        "An article says 'Work on the deck stopped in May'; Tomas Reyes says")


@pytest.mark.parametrize("name, kind, verb", [
    ("Tech executives", "group", "say"), ("Democrats", "group", "say"),
    ("The New York Times", "organization", "says"), ("United States", "country", "says"),
    ("Maya Cole", "person", "says"), ("The press", "group", "says"),
    ("Residents of the town", "group", "say"), ("Police", "group", "say")])
def test_the_verb_agrees_with_who_says_it(name, kind, verb):
    said = Side(Frame(), "The tax will stay.", 0, 10, 7, name, kind)
    other = Side(Frame(), "The tax must go.", 20, 30)
    assert explain(said, other, one_source=True) == (
        f"{name} {verb} 'The tax will stay'; the article says 'The tax must go'")


@pytest.mark.parametrize("words, who", [
    ("he", "an article says"), ("Its chairman", "its chairman says"),
    ("Officials in Kyiv", "Officials in Kyiv say")])
def test_a_source_no_speaker_is_named_for_is_quoted_by_its_words_but_a_pronoun(words, who):
    named = Side(Frame(), "Fares will rise.", 0, 0, 5, "Ana Duarte", "person")
    unnamed = Side(Frame(), "Fares will not rise.", 0, 0, None, words)
    assert explain(named, unnamed, one_source=False) == (
        f"Ana Duarte says 'Fares will rise'; {who} 'Fares will not rise'")


def test_one_speaker_twice_is_named_once():
    said = Side(Frame(), "The tax will stay.", 0, 10, 7, "Maya Cole")
    again = Side(Frame(), "The tax must go.", 20, 30, 7, "Maya Cole")
    assert explain(said, again, one_source=False) == (
        "Maya Cole says 'The tax will stay', and elsewhere 'The tax must go'")


@pytest.mark.parametrize("text", [
    "The council, which met on Monday after weeks of delay and a long row over the budget for "
    "the harbour, agreed to open the bridge in March; the engineers said it could not be done "
    "before the autumn at the earliest.",
    "word " * 80,
])
def test_a_long_claim_is_cut_at_a_clause_break_or_a_word_and_the_cut_is_marked(text):
    quoted = explain(Side(Frame(), text, 0, 0), Side(Frame(), "Short.", 0, 0),
                     one_source=True)
    first = quoted.split("; ")[0]
    assert first.endswith(" ...'") and len(first) < LONGEST + 40
    assert not first[:-5].endswith((" ", ","))
