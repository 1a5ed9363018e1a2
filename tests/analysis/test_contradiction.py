"""Contradiction scoring: cues, the same-topic prerequisite, explanations, robustness."""

import re
from dataclasses import FrozenInstanceError

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.contradiction import Verdict, claim_context, score, topic_terms

CONTRADICTIONS = [
    # negation asymmetry on a shared predicate
    ("The council reached a settlement with the teachers.",
     "There is no settlement with the teachers.", "negation"),
    ("No settlement was reached with the teachers.",
     "A settlement was reached with the teachers.", "negation"),
    ("The hospital is ready for the flu season.",
     "The hospital is not ready for the flu season.", "negation"),
    ("The striker will play in the cup final.", "The striker won't play in the cup final.",
     "negation"),
    ("The trial produced a breakthrough on the vaccine.",
     "The trial failed to produce a breakthrough on the vaccine.", "negation"),
    ("The minister did not rule out changes to the pension scheme.",
     "The minister is opposed to changes to the pension scheme.", "negation"),
    ("The governor never signed the water bill.", "The governor signed the water bill.",
     "negation"),
    ("The I-M-F will extend the loan.", "The International Monetary Fund will not extend the loan.",
     "negation"),
    ("Nobody was injured in the blast at the depot.",
     "Three people were injured in the blast at the depot.", "negation"),
    # antonyms
    ("The city council approved the school budget.",
     "The city council rejected the school budget.", "antonym"),
    ("The jury found the nurse guilty of theft.", "The jury found the nurse innocent of theft.",
     "antonym"),
    ("Unemployment rose in the third quarter.", "Unemployment fell in the third quarter.",
     "antonym"),
    ("The ceasefire is holding.", "The ceasefire has collapsed.", "antonym"),
    ("The league banned the new ball.", "The league allowed the new ball.", "antonym"),
    ("Steel exports increased in April.", "Steel exports decreased in April.", "antonym"),
    ("Temperatures will rise on Sunday.", "Temperatures will fall on Sunday.", "antonym"),
    ("The E-U banned imports of the pesticide.", "The EU allowed imports of the pesticide.",
     "antonym"),
    ("The union agreed to the pay offer.", "The union refused the pay offer.", "antonym"),
    ("The incumbent won the mayoral race.", "The incumbent lost the mayoral race.", "antonym"),
    # numbers and dates
    ("Forty people died in the floods.", "12 people died in the floods.", "numeric"),
    ("The stadium will cost $60 billion.", "The stadium will cost $45 billion.", "numeric"),
    ("Turnout was 48 percent.", "Turnout was 71%.", "numeric"),
    ("Two hundred nurses went on strike.", "Twelve nurses went on strike.", "numeric"),
    ("At least 300 homes were flooded.", "About 120 homes were flooded.", "numeric"),
    ("The new drug cut deaths by 20 per cent.", "The new drug cut deaths by 5 per cent.",
     "numeric"),
    ("The clinic opened in 1998.", "The clinic opened in 2003.", "numeric"),
    ("The election will be held on 5 May.", "The election will be held on 2 June.", "numeric"),
    # denial
    ("The ministry denied that the dam had cracked.", "The dam had cracked.", "denial"),
    ("Police rejected claims that the protesters were armed.", "The protesters were armed.",
     "denial"),
    ("It is not true that the senator resigned.", "The senator resigned.", "denial"),
    ("The club dismissed reports of a takeover bid.", "The club received a takeover bid.",
     "denial"),
    # modality
    ("The budget is unlikely to pass.", "The budget will pass.", "modality"),
    ("Economists doubt that the tariff will be lifted.", "The tariff will be lifted.",
     "modality"),
]

CONSISTENT = [
    # paraphrases and agreements
    ("The central bank raised interest rates by half a point.",
     "Interest rates were raised by half a point by the central bank."),
    ("The finance minister said the deficit will shrink next year.",
     "The deficit will shrink next year, the finance minister said."),
    ("The court found the mayor guilty of fraud.",
     "The mayor was convicted of fraud by the court."),
    ("The court found the mayor guilty of fraud.", "The mayor was not innocent of fraud."),
    ("Exports to Canada rose 4 percent in May.", "Exports to Canada increased by 4% in May."),
    ("The governor vetoed the gun bill.", "The gun bill was blocked by the governor."),
    ("Regulators said the vaccine is safe for children.",
     "The vaccine is safe for children, regulators said."),
    ("The coach did not rule out changes to the squad.",
     "The coach is open to changes to the squad."),
    ("The minister signed the trade pact.", "The minister signed the trade accord."),
    # double negation
    ("The team did not fail to win the cup.", "The team won the cup."),
    ("The mayor never refused to sign the budget.", "The mayor signed the budget."),
    ("It is not true that the clinic did not open.", "The clinic opened."),
    ("Prices did not rise in June.", "Prices did not fall in June."),
    # different events: other years, other places, other things
    ("Inflation rose in 2019.", "Inflation fell in 2021."),
    ("The firm posted a profit in 2019.", "The firm posted a loss in 2020."),
    ("Prices rose in France.", "Prices fell in Spain."),
    ("The senator supports the fuel tax.", "The senator opposes the war."),
    ("Exports rose 5 percent.", "Imports fell 5 percent."),
    ("The company hired 300 workers.", "The company fired its chief executive."),
    ("The hospital will close its maternity ward.", "The new stadium will open in August."),
    # overlapping numeric ranges
    ("More than 40 people were injured in the crash.", "45 people were injured in the crash."),
    ("About 60 percent of voters turned out.", "62 percent of voters turned out."),
    ("Up to 500 jobs will go at the plant.", "300 jobs will go at the plant."),
    ("Dozens of homes were flooded.", "At least 30 homes were flooded."),
    ("Nearly 40 people died in the fire.", "38 people died in the fire."),
    # unrelated
    ("The governor vetoed the gun bill.", "Heavy rain is forecast for the weekend."),
    ("Inflation fell to 3 percent.", "The goalkeeper was sent off in the second half."),
    ("The river flooded the village.", "The minister resigned over the scandal."),
]

# Event families: a verb, its nominalisations and near-synonymous event nouns share one key.
FAMILY_CLASHES = [
    ("The unions and the employers agreed to a pay rise for hospital porters.",
     "There is no agreement on pay for hospital porters."),
    ("Talks between the two football leagues produced a deal on television rights.",
     "There is no deal on television rights, said the chief negotiator."),
    ("The so-called deal on fishing quotas was not really a deal at all.",
     "The two sides agreed to new fishing quotas on Friday."),
    ("Negotiators struck a pact on steel tariffs late on Thursday.",
     "Negotiators failed to reach an accord on steel tariffs."),
    ("The two countries concluded a fisheries accord.",
     "The two countries have not reached a fisheries agreement."),
    ("The climate talks broke through on the adaptation fund.",
     "There was no progress on the adaptation fund, delegates said."),
    ("Delegates hailed a breakthrough on the adaptation fund.",
     "The talks made no progress on the adaptation fund."),
    ("The farm subsidies bill won approval in the senate.",
     "The senate did not pass the farm subsidies bill."),
    ("The passage of the rent control bill was secured in the assembly.",
     "The assembly has not approved the rent control bill."),
    ("The city imposed a prohibition on street vending.",
     "The city has not banned street vending."),
    ("Rail workers staged a walkout over the new rosters.",
     "Rail workers did not strike over the new rosters."),
    ("The rebels and the army agreed a truce in the northern province.",
     "There is no ceasefire in the northern province."),
    ("The growers and the supermarkets reached a consensus on milk prices.",
     "The growers and the supermarkets have not agreed on milk prices."),
    ("Hospital doctors and the health board settled the dispute over night shifts.",
     "There is no settlement of the dispute over night shifts."),
    ("The vaccine trial was a success, the company said.", "The vaccine trial did not succeed."),
]

# Stance on one object: keep it or change it, call it vital or obsolete.
STANCE_CLASHES = [
    ("The government is ready to change the fiscal rule if parliament asks.",
     "The government is sticking to the fiscal rule.", "stance"),
    ("The finance ministry insists the fiscal rule must stay.",
     "The finance ministry is willing to revise the fiscal rule.", "stance"),
    ("The health authority will keep the mask requirement in hospitals.",
     "The health authority will scrap the mask requirement in hospitals.", "stance"),
    ("The league remains committed to the salary cap.",
     "The league is prepared to abandon the salary cap.", "stance"),
    ("Ministers say the export licence regime is essential to national security.",
     "Ministers say the export licence regime is outdated.", "stance"),
    ("The farmers' union called the water quota the cornerstone of fair irrigation.",
     "The farmers' union said the water quota was too restrictive.", "stance"),
    ("The regulator said the emissions cap was indispensable.",
     "The regulator is ready to scrap the emissions cap.", "stance"),
    ("The club will stand by its head coach.", "The club will dump its head coach.", "stance"),
    ("Trade ministers defended the quota system for textile imports.",
     "Trade ministers want to renegotiate the quota system for textile imports.", "stance"),
    ("The country will remain in the climate accord.",
     "The country will withdraw from the climate accord.", "stance"),
    ("The airline wants to preserve the loyalty scheme.",
     "The airline plans to overhaul the loyalty scheme.", "stance"),
    ("The court said the jury system was vital to fair trials.",
     "The court said the jury system was obsolete.", "stance"),
    ("The coalition is not ready to drop its opposition to the fuel levy.",
     "The coalition could live with the fuel levy.", "negation"),
    ("The employers' federation accepts the new minimum wage.",
     "The employers' federation will not drop its opposition to the new minimum wage.",
     "negation"),
    ("The party will not give up its objections to the water tax.",
     "The party has accepted the water tax.", "negation"),
]

# Long claims worded differently that clash on one object: the clause decides the topic.
LONG_CLASHES = [
    ("Speaking after a two-day summit of regional leaders, the finance minister said on "
     "Wednesday that the government was ready to change the fiscal rule if the opposition "
     "backed the spending package.",
     "The fiscal rule, which caps the deficit at three per cent of output and was adopted "
     "after the debt crisis, must stay in place, the prime minister's office said in a "
     "statement."),
    ("After a season in which three clubs went bankrupt and wages ran far ahead of income, "
     "the league's chairman told club owners that the salary cap was the cornerstone of "
     "financial stability.",
     "The league is prepared to scrap the salary cap from next season as part of a wider "
     "overhaul of its finances demanded by broadcasters, according to a letter sent to the "
     "clubs."),
    ("The appeals court, ruling on a case brought by a coalition of tenant groups, upheld "
     "the ban on short holiday lets that the city introduced two years ago.",
     "There is no ban on short holiday lets in the city, the landlords' association said in "
     "a statement issued after the hearing."),
    ("Union leaders, who have staged three walkouts since the spring over staffing levels "
     "on wards, said they had agreed to a new pay deal with the hospital trust.",
     "There is no agreement on pay with the hospital trust, a spokeswoman for the trust said "
     "on Friday, adding that talks would resume next week."),
]

# Long claims that clash on different objects, or on the same object at other times.
LONG_NON_CLASHES = [
    ("Speaking after a two-day summit of regional leaders, the finance minister said on "
     "Wednesday that the government was ready to change the fiscal rule if the opposition "
     "backed the spending package.",
     "The government will stick to its plan to build new hospitals in the north, the health "
     "minister told reporters after the summit of regional leaders on Wednesday."),
    ("After a season in which three clubs went bankrupt and wages ran far ahead of income, "
     "the league's chairman told club owners that the salary cap was the cornerstone of "
     "financial stability.",
     "The league is prepared to scrap the television blackout from next season as part of a "
     "wider overhaul demanded by broadcasters, according to a letter sent to the clubs."),
    ("The appeals court upheld the ban on short holiday lets that the city introduced in "
     "2019, ruling on a case brought by a coalition of tenant groups.",
     "There was no ban on short holiday lets in the city in 2015, the landlords' association "
     "said in a statement issued after the hearing."),
]

NON_CLASHES = [
    # a negation and an unrelated predicate: both claims negate, on different predicates
    ("The agency heard no arguments that would persuade it to lift the ban.",
     "The minister did not rule out changes to the ban."),
    ("The regulator found no evidence that the vaccine caused the illness.",
     "The regulator did not approve the vaccine."),
    ("The ministry did not comment on the trade deal.", "The two sides signed the trade deal."),
    ("The union did not call a strike over pensions.",
     "The union has no plans to accept the pension offer."),
    ("The nurses did not strike a deal with the health board.", "The nurses went on strike."),
    # a breakthrough denied is not progress denied
    ("Talks made some progress but produced no breakthrough on pensions.",
     "Negotiators reported progress on pensions."),
    ("There was no breakthrough on the adaptation fund.",
     "Delegates made progress on the adaptation fund."),
    # same family, other object or other year
    ("The union agreed to the pay offer.", "There is no agreement on the pension reform."),
    ("The ceasefire was agreed in 2019.", "There was no ceasefire in 2022."),
    # stance: other objects, same side, or a negated change that keeps
    ("The government will keep the fiscal rule.", "The government will scrap the fuel duty."),
    ("Climate change is the biggest threat to farming.",
     "The government will keep its farming subsidies."),
    ("The minister is not ready to change the pension age.",
     "The minister is sticking to the pension age."),
    ("The unions said the overtime rule was outdated.",
     "The unions want to scrap the overtime rule."),
    ("The minister did not rule out changes to the pension scheme.",
     "The minister is ready to change the pension scheme."),
    ("The board is ready to change the club's crest.",
     "The board is ready to revise the club's crest."),
    ("The coalition has dropped its opposition to the fuel levy.",
     "The coalition could live with the fuel levy."),
    # stance words whose objects differ, or that take no object at all
    ("The supermarket will keep prices low this winter.",
     "Prices will drop at the supermarket this winter."),
    ("The party has dropped its leader from the campaign.",
     "The party will keep its campaign message."),
    ("The bank will keep interest rates on hold.",
     "The bank said it would change its inflation forecast."),
    ("The coach will keep the same team for Saturday.",
     "The coach said the team had to change its attitude."),
    ("The storm passed over the coast on Tuesday.",
     "The senate did not pass the coastal protection bill."),
    ("The scheme was scrapped in 2019.", "The minister said the scheme was essential in 2023."),
    # a condition is not asserted
    ("The party would not back the budget unless the spending cap was scrapped.",
     "The government will keep the spending cap."),
    ("The council will lift the curfew if crime falls in the city centre.",
     "Crime rose in the city centre."),
]

EXPLANATION = re.compile(
    r"^'(?P<x>.+)' (?:negates|denies|doubts|is the opposite of|takes the opposite stance to|"
    r"does not match|"
    r"gives another date than) '(?P<y>.+?)'(?:, hedged by '[^']+')?$"
)


def _quoted_from(snippet: str, text: str) -> bool:
    """A snippet is the claim's own words (a long one cut short with "...")."""
    return snippet.removesuffix("...") in " ".join(text.split())


@pytest.mark.parametrize("a, b, cue", CONTRADICTIONS)
def test_clear_contradiction_scores_high_with_its_cue(a, b, cue):
    verdict = score(a, b)
    assert verdict.score >= 0.5, verdict
    assert cue in verdict.cues, verdict


@pytest.mark.parametrize("a, b", CONSISTENT)
def test_paraphrases_agreements_and_other_events_score_low(a, b):
    assert score(a, b).score < 0.3, score(a, b)


@pytest.mark.parametrize("a, b", [(a, b) for a, b, _ in CONTRADICTIONS] + CONSISTENT)
def test_score_is_symmetric(a, b):
    one, other = score(a, b), score(b, a)
    assert (one.score, one.cues, one.same_topic) == (other.score, other.cues, other.same_topic)


# In capitals, a name no longer shows which words an acronym spells.
_SPELLED_NAMES = {"The I-M-F will extend the loan."}


@pytest.mark.parametrize("a, b", [
    pytest.param(a, b, marks=pytest.mark.xfail(strict=True)) if a in _SPELLED_NAMES else (a, b)
    for a, b in [(a, b) for a, b, _ in CONTRADICTIONS] + CONSISTENT + LONG_NON_CLASHES
    + NON_CLASHES])
def test_claims_in_capitals_are_weighed_as_in_their_case(a, b):
    """Claims of old wire copy or a radio script, in capitals: against a claim in mixed case
    or in capitals too, the same verdict (not every word an acronym)."""
    flags = score(a, b).score >= 0.5
    assert (score(a, b.upper()).score >= 0.5) == flags
    assert (score(a.upper(), b.upper()).score >= 0.5) == flags


@pytest.mark.parametrize("a, b, cue", CONTRADICTIONS)
def test_explanation_quotes_the_clashing_words_of_both_claims(a, b, cue):
    explanation = score(a, b).explanation
    assert len(explanation) < 160
    match = EXPLANATION.match(explanation)
    assert match, explanation
    x, y = match["x"], match["y"]
    assert (_quoted_from(x, a) and _quoted_from(y, b)) or (_quoted_from(x, b)
                                                           and _quoted_from(y, a)), explanation


@pytest.mark.parametrize("a, b", FAMILY_CLASHES)
def test_negating_one_member_of_an_event_family_negates_the_others(a, b):
    verdict = score(a, b)
    assert verdict.score >= 0.5, verdict
    assert "negation" in verdict.cues, verdict


@pytest.mark.parametrize("a, b, cue", STANCE_CLASHES)
def test_opposite_stances_on_one_object_clash(a, b, cue):
    verdict = score(a, b)
    assert verdict.score >= 0.5, verdict
    assert cue in verdict.cues, verdict


@pytest.mark.parametrize("a, b", LONG_CLASHES)
def test_long_claims_clashing_on_one_object_share_a_topic(a, b):
    verdict = score(a, b)
    assert verdict.same_topic >= 0.5, verdict
    assert verdict.score >= 0.5, verdict


@pytest.mark.parametrize("a, b", LONG_NON_CLASHES + NON_CLASHES)
def test_clashes_on_other_objects_times_or_predicates_score_low(a, b):
    assert score(a, b).score < 0.3, score(a, b)


@pytest.mark.parametrize(
    "a, b", FAMILY_CLASHES + [(a, b) for a, b, _ in STANCE_CLASHES] + LONG_CLASHES)
def test_new_clashes_are_symmetric_and_quote_both_claims(a, b):
    one, other = score(a, b), score(b, a)
    assert (one.score, one.cues, one.same_topic) == (other.score, other.cues, other.same_topic)
    match = EXPLANATION.match(one.explanation)
    assert match, one.explanation
    x, y = match["x"], match["y"]
    assert (_quoted_from(x, a) and _quoted_from(y, b)) or (_quoted_from(x, b)
                                                           and _quoted_from(y, a)), one


def test_negation_explanation_names_the_negated_words():
    verdict = score("The striker will play in the cup final.",
                    "The striker won't play in the cup final.")
    assert verdict.explanation.startswith("'")
    assert "won't play" in verdict.explanation.split(" negates ")[0]


def test_hedge_weakens_a_clash_and_is_named():
    plain = score("The mayor will resign.", "The mayor will not resign.")
    hedged = score("The mayor may resign.", "The mayor will not resign.")
    assert hedged.score < plain.score
    assert "modality" in hedged.cues
    assert "'may'" in hedged.explanation


def test_different_years_lower_same_topic():
    same_year = score("Inflation rose in 2019.", "Inflation fell in 2019.")
    other_year = score("Inflation rose in 2019.", "Inflation fell in 2021.")
    assert other_year.same_topic < same_year.same_topic
    assert same_year.score >= 0.5


@pytest.mark.parametrize(
    "a, b",
    [
        ("The U.S. will lift the steel tariffs.", "The United States will lift the steel tariffs."),
        ("the u.s. will lift the steel tariffs", "the US will lift the steel tariffs"),
        ("Washington will lift the steel tariffs.",
         "The United States will lift the steel tariffs."),
        ("The W-H-O approved the malaria vaccine.",
         "The World Health Organization approved the malaria vaccine."),
        ("The IMF approved the loan.", "The International Monetary Fund approved the loan."),
        ("The minister signed the trade pact.", "The minister signed the trade accord."),
        ("American officials praised the budget.", "U.S. officials praised the budget."),
    ],
)
def test_aliases_and_acronyms_meet_on_one_topic(a, b):
    assert score(a, b).same_topic >= 0.8


def test_unrelated_claims_have_no_shared_topic():
    assert score("The governor vetoed the gun bill.",
                 "Heavy rain is forecast for the weekend.").same_topic < 0.2


def test_different_entities_lower_same_topic():
    assert score("Prices rose in France.", "Prices rose in Spain.").same_topic < 0.5


def test_topic_terms_fold_aliases_and_synonyms():
    assert topic_terms("The U.S. signed the pact.") == topic_terms(
        "the United States signed the accord")
    assert "nafta" in topic_terms("The North American Free Trade Agreement will be reviewed.")
    assert "the" not in topic_terms("The dam failed.")


def test_topic_terms_leave_out_the_speaker_and_numbers():
    terms = topic_terms("The dam failed in 2019, the regional governor said.")
    assert terms == frozenset({"dam", "failed"})


def test_verdict_is_frozen():
    verdict = score("The dam failed.", "The dam did not fail.")
    assert isinstance(verdict, Verdict)
    with pytest.raises(FrozenInstanceError):
        verdict.score = 0.0  # type: ignore[misc]


def test_no_clash_gives_zero_and_says_so():
    verdict = score("The dam failed.", "The dam failed.")
    assert (verdict.score, verdict.cues) == (0.0, ())
    assert verdict.same_topic == 1.0
    assert verdict.explanation


@pytest.mark.parametrize(
    "a, b",
    [("", ""), ("", "The dam failed."), ("'''", '"""'), ("\x00\n\t", "no no no not never"),
     ("$ % € 1e999 ,,, .", "99999999999999999999999999 people"), ("A-B-C-D-E-F-G-H", "May"),
     ("The dam failed. " * 20_000, "The dam did not fail.")],
)
def test_odd_input_is_scored_without_error(a, b):
    verdict = score(a, b)
    assert 0.0 <= verdict.score <= 1.0 and 0.0 <= verdict.same_topic <= 1.0


WORDS = ["not", "no", "never", "n't", "40", "1,200", "$", "%", "per cent", "more than", "about",
         "twelve", "hundred", "May", "5", "2019", "rose", "fell", "A-B-M", "U.S.", "denied",
         "that", "reports", "of", "failed", "to", "may", "unlikely", "the", "budget", ",", ".",
         "'", '"', "said", "according", "Free", "Trade", "FT", ";", "but", "dozens", "a", "deal"]
PHRASES = st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), PHRASES), st.one_of(st.text(max_size=200), PHRASES))
def test_any_strings_are_scored_symmetrically_without_error(a, b):
    verdict = score(a, b)
    assert 0.0 <= verdict.score <= 1.0 and 0.0 <= verdict.same_topic <= 1.0
    assert len(verdict.explanation) < 160
    other = score(b, a)
    assert (verdict.score, verdict.cues) == (other.score, other.cues)
    assert isinstance(topic_terms(a), frozenset)


# A gerund or infinitive subject names a change, it does not take a stance on it: if anything,
# "closing the plant would cost jobs" argues for keeping the plant.
SUBJECT_NON_CLASHES = [
    ("Closing the smelter would cost 2,000 jobs.", "The smelter is essential to the valley."),
    ("Scrapping the sugar tax would trigger a price war.",
     "The sugar tax is essential to public health."),
    ("To abandon the grain subsidy now would wreck the budget.",
     "The grain subsidy is vital to farmers."),
    ("The mill owners said that dropping the tariff would hurt local mills.",
     "The mill owners want to keep the tariff."),
    ("Closing the depot is not an option, the minister said.",
     "The minister is ready to keep the depot."),
]

SUBJECT_STANCES = [
    ("Scrapping the sugar tax would trigger a price war.",
     "The ministry will scrap the sugar tax."),
    ("Closing the smelter would cost 2,000 jobs.", "The company is ready to close the smelter."),
]


@pytest.mark.parametrize("a, b", SUBJECT_NON_CLASHES)
def test_a_gerund_or_infinitive_subject_takes_no_stance(a, b):
    assert score(a, b).score < 0.3, score(a, b)


@pytest.mark.parametrize("a, b", SUBJECT_STANCES)
def test_a_gerund_subject_does_not_read_as_a_wish_to_change(a, b):
    assert score(a, b).score < 0.3, score(a, b)


# A negated change keeps: it meets a keep stance, and clashes with a change.
KEEP_AGREES = [
    ("The board heard no arguments that would persuade it to agree to changes in the levy.",
     "The board says the levy is indispensable."),
    ("The cabinet refuses to amend the bottle levy.",
     "The bottle levy is indispensable, the cabinet says."),
    ("The cabinet will not scrap the bottle levy.", "The cabinet says the bottle levy is vital."),
    ("The water board did not agree to changes in the drought quota.",
     "The water board will keep the drought quota."),
    ("No amount of pressure will force the club to scrap its youth quota.",
     "The club says its youth quota is essential."),
]

KEEP_CLASHES = [
    ("The board heard no arguments that would persuade it to agree to changes in the levy.",
     "The board is ready to amend the levy."),
    ("The cabinet refuses to amend the bottle levy.",
     "The cabinet is ready to amend the bottle levy."),
    ("The cabinet will not scrap the bottle levy.",
     "The cabinet is ready to scrap the bottle levy."),
    ("The water board did not agree to changes in the drought quota.",
     "The water board is willing to revise the drought quota."),
    ("No amount of pressure will force the club to scrap its youth quota.",
     "The club is prepared to scrap its youth quota."),
]


@pytest.mark.parametrize("a, b", KEEP_AGREES)
def test_a_negated_change_and_a_keep_stance_agree(a, b):
    assert score(a, b).score < 0.3, score(a, b)


@pytest.mark.parametrize("a, b", KEEP_CLASHES)
def test_a_negated_change_clashes_with_a_change(a, b):
    verdict = score(a, b)
    assert verdict.score >= 0.5, verdict
    assert "negation" in verdict.cues, verdict
    assert verdict == score(b, a)


# A condition after the predicate, or before it, makes the predicate conditional; a readiness
# or a wish stays asserted under a condition, and so does a concession ("even if").
CONDITIONAL_NON_CLASHES = [
    ("The general vowed to scrap all the arms accords if the rival deploys the missile system.",
     "The general will keep the arms accords."),
    ("The dockers will walk out unless pay rises.", "The dockers will not walk out."),
    ("The minister will scrap the milk quota should prices collapse.",
     "The minister will keep the milk quota."),
    ("The airline will drop the route as long as fuel stays expensive.",
     "The airline will keep the route."),
    ("If the rival deploys the missile system, the general will scrap the arms accords.",
     "The general will keep the arms accords."),
]

CONDITIONAL_CLASHES = [
    ("The general will keep the arms accords even if the rival deploys the missile system.",
     "The general will scrap the arms accords."),
    ("The ministry is willing to revise the milk quota if prices collapse.",
     "The ministry will keep the milk quota."),
]


@pytest.mark.parametrize("a, b", CONDITIONAL_NON_CLASHES)
def test_a_conditional_predicate_is_not_asserted(a, b):
    assert score(a, b).score < 0.3, score(a, b)


@pytest.mark.parametrize("a, b", CONDITIONAL_CLASHES)
def test_a_readiness_or_a_concession_stays_asserted_under_a_condition(a, b):
    assert score(a, b).score >= 0.5, score(a, b)


# Words a claim quotes or reports from someone else are not its own assertion.
REPORTED_NON_CLASHES = [
    ("The ministers want to say 'no, there must be no limits on the catch quota', but that is "
     "not our view.", "There are limits on the catch quota."),
    ("The mayor will seek a third term, although critics say the parking rule is outdated.",
     "The mayor says the parking rule is essential."),
    ("The mayor will seek a third term, but critics say the parking rule is outdated.",
     "The mayor says the parking rule is essential."),
    ("The minister said the bridge is safe and that engineers say the tunnel is unsafe.",
     "The tunnel is safe."),
    ("The union will keep negotiating, although some members say the pay offer is unfair.",
     "The pay offer is fair."),
    ("The board would say the pay offer is unfair.", "The pay offer is fair."),
    ("The firm will invest abroad, although analysts say profits rose 2 percent.",
     "Profits rose 9 percent."),
]

OWN_WORDS_CLASHES = [
    ("'The bottle levy is vital,' the minister said.", "The bottle levy is outdated."),
    ("The minister said: 'The bottle levy is vital.'", "The bottle levy is outdated."),
    ("Speaking to reporters, the minister said the bottle levy is vital.",
     "The bottle levy is outdated."),
    ("The mayor insists the parking rule is essential, although critics say it is outdated.",
     "The mayor wants to scrap the parking rule."),
    ("No, the bottle levy will stay.", "The bottle levy will not stay."),
]


@pytest.mark.parametrize("a, b", REPORTED_NON_CLASHES)
def test_quoted_or_reported_words_weigh_less_than_the_claims_own(a, b):
    assert score(a, b).score < 0.3, score(a, b)


@pytest.mark.parametrize("a, b", OWN_WORDS_CLASHES)
def test_the_speakers_own_words_still_clash(a, b):
    assert score(a, b).score >= 0.5, score(a, b)


def test_an_answering_no_negates_nothing():
    assert score("No, the bottle levy will stay.", "The bottle levy will stay.").score == 0.0


# Context: the paragraph and headline around each claim.
PIPELINE = ("Gazprom and Naftogaz agree pipeline terms in Vienna\n\nGazprom and Naftogaz "
            "negotiators met in Vienna for talks brokered by the European Commission on the "
            "Druzhba pipeline. The two sides agreed to link the pipeline to gas quotas.")
PIPELINE_DOUBTS = ("Naftogaz plays down talk of a Vienna deal\n\nNaftogaz officials in Vienna "
                   "were less upbeat about the Druzhba talks with Gazprom, which the European "
                   "Commission is brokering. \"There is no deal, and the real haggling is only "
                   "beginning,\" one of them said.")
TEACHERS = ("Leeds teachers return to the table\n\nTeachers in Leeds met the city council on "
            "Monday about pay. \"There is no deal, and the real haggling is only beginning,\" "
            "union leader Sarah Pike said.")
AGREED = "The two sides agreed to link the pipeline to gas quotas."
NO_DEAL = "There is no deal, and the real haggling is only beginning."


def test_a_shared_story_in_the_context_stands_in_for_the_topic_of_a_strong_cue():
    plain = score(AGREED, NO_DEAL)
    verdict = score(AGREED, NO_DEAL, context_a=PIPELINE, context_b=PIPELINE_DOUBTS)
    assert plain.score < 0.3, plain
    assert verdict.score >= 0.5 and "negation" in verdict.cues, verdict
    assert verdict == score(NO_DEAL, AGREED, context_a=PIPELINE_DOUBTS, context_b=PIPELINE)
    assert "surrounding text" in verdict.explanation


def test_a_context_stands_in_with_less_weight_than_a_direct_match():
    direct = score("The two sides agreed on the pipeline.", "There is no deal on the pipeline.")
    by_context = score(AGREED, NO_DEAL, context_a=PIPELINE, context_b=PIPELINE_DOUBTS)
    assert by_context.score < direct.score


@pytest.mark.parametrize(
    "a, b, context_a, context_b",
    [
        (AGREED, NO_DEAL, PIPELINE, TEACHERS),  # two stories
        (AGREED, NO_DEAL, PIPELINE, ""),  # one context missing
        ("The union agreed to the pay offer.", "There is no agreement on the pension reform.",
         PIPELINE, PIPELINE_DOUBTS),  # the claims name two different things
        ("Gas prices rose.", "Gas prices fell in the north.", PIPELINE, PIPELINE_DOUBTS),
        ("The pipeline carries 40 million cubic metres a day.",
         "The line carries 25 million cubic metres a day.", PIPELINE, PIPELINE_DOUBTS),
        ("The two sides will keep the transit fee.", "The two sides are ready to scrap the "
         "quota system.", PIPELINE, PIPELINE_DOUBTS),  # keep one thing, change another
    ],
)
def test_a_context_never_lends_a_topic_to_weak_cues_other_stories_or_other_objects(
        a, b, context_a, context_b):
    with_context = score(a, b, context_a=context_a, context_b=context_b)
    assert with_context.score <= max(score(a, b).score, 0.3), with_context


CLOSING = "The plant will not close this year."
PRICES = "Prices at the plant will close higher this year."  # shares "plant", "close", "year"


def test_claims_of_two_sources_clash_only_about_one_thing():
    assert score(CLOSING, PRICES).score >= 0.5  # in one article the story is one
    assert score(CLOSING, PRICES, apart=True).score == 0.0
    assert score("The two sides agreed on the pipeline.", "There is no deal on the pipeline.",
                 apart=True).score >= 0.5  # the same thing by their own words


def test_claims_of_two_sources_clash_about_one_story_their_contexts_tell():
    verdict = score(CLOSING, PRICES, apart=True, context_a=f"{PIPELINE} {CLOSING}",
                    context_b=f"{PIPELINE_DOUBTS} {PRICES}")
    assert verdict.score >= 0.5 and verdict.cues == ("negation",), verdict
    assert score(CLOSING, PRICES, apart=True, context_a=f"{PIPELINE} {CLOSING}",
                 context_b=f"{TEACHERS} {PRICES}").score == 0.0


def test_a_shared_story_lets_a_stance_on_it_meet_its_pronoun():
    verdict = score("The two sides will keep the quota system.", "The two sides are ready to "
                    "scrap it.", context_a=PIPELINE, context_b=PIPELINE_DOUBTS)
    assert verdict.score >= 0.5 and verdict.cues == ("stance",), verdict


@pytest.mark.parametrize(
    "text, start, end, title, expected",
    [
        ("One.\n\nTwo has the claim. More.\n \nThree.", 7, 20, "Title",
         "Title\n\nTwo has the claim. More."),
        ("One.\n\nTwo.", None, None, "Title", "Title"),
        ("Only a paragraph.", 0, 4, None, "Only a paragraph."),
        ("", 0, 0, None, ""),
        ("Out of range.", 50, 90, None, "Out of range."),
    ],
)
def test_claim_context_is_the_headline_and_the_paragraph_around_the_claim(
        text, start, end, title, expected):
    assert claim_context(text, start, end, title) == expected


def test_claim_context_reads_no_further_than_its_reach():
    text = "word " * 10_000
    assert len(claim_context(text, 25_000, 25_010, reach=100)) <= 210


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.text(max_size=120), PHRASES), st.one_of(st.text(max_size=120), PHRASES),
       st.one_of(st.text(max_size=300), PHRASES), st.one_of(st.text(max_size=300), PHRASES))
def test_any_contexts_are_scored_symmetrically_without_error(a, b, context_a, context_b):
    verdict = score(a, b, context_a=context_a, context_b=context_b)
    assert 0.0 <= verdict.score <= 1.0 and 0.0 <= verdict.same_topic <= 1.0
    assert len(verdict.explanation) < 160
    assert verdict == score(b, a, context_a=context_b, context_b=context_a)


# Gerunds or infinitives joined by "or", "and" or commas are one subject: they name a change,
# they take no stance on it.
COORDINATED_SUBJECT_NON_CLASHES = [
    ("Amending or abolishing the harbour toll would trigger a shipping slump.",
     "The harbour toll is indispensable."),
    ("Amending or abolishing the harbour toll would trigger a shipping slump.",
     "The harbour toll is the cornerstone of the port budget."),
    ("Amending or abolishing the harbour toll would trigger a shipping slump.",
     "The port authority will abolish the harbour toll."),
    ("Cutting and freezing the arts grant would hurt rural theatres.",
     "The arts grant is indispensable."),
    ("Revising, delaying or dropping the bottle deposit will anger grocers.",
     "The bottle deposit is vital to recycling."),
    ("Rewriting and overhauling the zoning code is a risky move, the planners said.",
     "The planners say the zoning code is essential."),
    ("To amend or to scrap the ferry subsidy now could strand island residents.",
     "The ferry subsidy is vital to island residents."),
]

COORDINATED_STANCES = [
    ("The port authority will amend or abolish the harbour toll.",
     "The harbour toll is indispensable."),
    ("The port authority is amending or abolishing the harbour toll.",
     "The harbour toll is indispensable."),
]


@pytest.mark.parametrize("a, b", COORDINATED_SUBJECT_NON_CLASHES)
def test_coordinated_gerund_subjects_take_no_stance(a, b):
    verdict = score(a, b)
    assert verdict.score < 0.3, verdict
    assert verdict == score(b, a)


@pytest.mark.parametrize("a, b", COORDINATED_STANCES)
def test_coordinated_verbs_of_the_claims_own_still_take_a_stance(a, b):
    assert score(a, b).score >= 0.5, score(a, b)


# "no arguments from <someone> that would persuade it to agree to changes": the phrase on the
# negated noun does not break the refusal, which keeps the object.
NO_ARGUMENTS_FROM = ("The assembly heard no arguments from the transport secretary that would "
                     "persuade it to agree to changes in the congestion charge.")
NO_EVIDENCE_BY = ("The tribunal saw no evidence by the deputy health minister, Dr Ines Varga, "
                  "that would convince it to agree to changes in the drug quota.")
NO_PROPOSAL_OF = ("The senate received no proposal of the governor that would persuade it to "
                  "agree to changes in the water levy.")
PHRASE_KEEP_AGREES = [
    (NO_ARGUMENTS_FROM, "The congestion charge is indispensable."),
    (NO_ARGUMENTS_FROM, "The congestion charge is the cornerstone of the transport budget."),
    (NO_EVIDENCE_BY, "The drug quota is vital."),
    (NO_PROPOSAL_OF, "The senate will keep the water levy."),
]
PHRASE_KEEP_CLASHES = [
    (NO_ARGUMENTS_FROM, "The assembly is ready to amend the congestion charge."),
    (NO_EVIDENCE_BY, "The tribunal is willing to revise the drug quota."),
    (NO_PROPOSAL_OF, "The senate is prepared to scrap the water levy."),
]


@pytest.mark.parametrize("a, b", PHRASE_KEEP_AGREES)
def test_a_refusal_across_a_phrase_on_its_noun_keeps(a, b):
    assert score(a, b).score < 0.3, score(a, b)


@pytest.mark.parametrize("a, b", PHRASE_KEEP_CLASHES)
def test_a_refusal_across_a_phrase_on_its_noun_clashes_with_a_change(a, b):
    verdict = score(a, b)
    assert verdict.score >= 0.5, verdict
    assert "negation" in verdict.cues, verdict
    assert verdict == score(b, a)


# Not ruling out a change leaves it open: against a stance to keep, a weak clash at most.
OPEN_CHANGES = [
    ("The transport secretary did not rule out changes to the congestion charge.",
     NO_ARGUMENTS_FROM),
    ("The assembly did not rule out changes to the congestion charge.",
     "The assembly will keep the congestion charge."),
    ("The governor has not ruled out changes to the water levy.", NO_PROPOSAL_OF),
]


@pytest.mark.parametrize("a, b", OPEN_CHANGES)
def test_a_change_not_ruled_out_is_no_flat_contradiction_of_keeping(a, b):
    verdict = score(a, b)
    assert verdict.score < 0.5, verdict
    assert verdict == score(b, a)


def test_ruling_out_and_not_ruling_out_still_clash():
    verdict = score("The assembly did not rule out changes to the congestion charge.",
                    "The assembly ruled out changes to the congestion charge.")
    assert verdict.score >= 0.5 and "negation" in verdict.cues, verdict


# Seeking or wanting something is not saying it exists: "there is no deal" leaves it standing.
SOUGHT_NON_CLASHES = [
    ("There is no truce.", "The rebels are looking for a truce."),
    ("There is no deal.", "The dockers want a deal."),
    ("There is no deal.", "The dockers hope for a deal."),
    ("There is no agreement on grazing rights.",
     "The herders are seeking an agreement on grazing rights."),
    ("There is no ban on night flights.", "Residents are calling for a ban on night flights."),
    ("There is no deal.", "The dockers are pushing for a deal, not a showdown with the port."),
    ("There is no deal.", "The dockers are seeking no showdown but a deal."),
    ("There is no deal.", "The dockers said there would be no showdown over the deal."),
]
SOUGHT_CLASHES = [
    ("There is no deal with the dockers.", "The dockers reached a deal."),
    ("The dockers want changes to the shift rota.", "The dockers will keep the shift rota."),
    ("Demand for copper fell.", "Demand for copper rose."),
]


@pytest.mark.parametrize("a, b", SOUGHT_NON_CLASHES)
def test_what_is_sought_is_not_asserted_to_exist(a, b):
    verdict = score(a, b)
    assert verdict.score < 0.3, verdict
    assert verdict == score(b, a)


@pytest.mark.parametrize("a, b", SOUGHT_CLASHES)
def test_what_is_had_and_a_wish_to_change_still_clash(a, b):
    assert score(a, b).score >= 0.5, score(a, b)


# One event family, two objects: the agreement on one thing is not denied by no agreement on
# another; the same object named (even in a so-called deal) still clashes.
FAMILY_OTHER_OBJECTS = [
    ("There is no agreement on the water plan.", "The two governors agreed to extend the talks."),
    ("There is no agreement between the two governors on the water plan.",
     "The two governors agreed to extend the talks."),
    ("There is still no deal on the rail fares, officials said.",
     "The unions and the operator agreed on Monday to postpone the strike."),
]
FAMILY_SAME_OBJECT = [
    ("The two utilities agreed to tie the canal tolls to tonnage.",
     "The so-called canal deal was not really a deal at all."),
    ("The two governors agreed to share the river water.",
     "The so-called river water deal is not a deal at all."),
]


@pytest.mark.parametrize("a, b", FAMILY_OTHER_OBJECTS)
def test_one_family_on_two_objects_scores_low(a, b):
    verdict = score(a, b)
    assert verdict.score < 0.3, verdict
    assert verdict == score(b, a)


@pytest.mark.parametrize("a, b", FAMILY_SAME_OBJECT)
def test_one_family_on_one_named_object_clashes(a, b):
    verdict = score(a, b)
    assert verdict.score >= 0.5 and "negation" in verdict.cues, verdict
    assert verdict == score(b, a)


@pytest.mark.parametrize("a, b", [
    ("I don't care.", "She doubted voters would care."),
    ("We can discuss it.", "Spokesmen would not discuss the investigation."),
    ("Vote for me.", "Rubio has the praise, just not the votes."),
])
def test_one_word_in_common_is_no_common_subject(a, b):
    assert score(a, b).score < 0.3, score(a, b)


def test_two_words_in_common_make_a_subject_a_negation_can_clash_on():
    assert score("The council will not close the library.",
                 "The council will close the library.").score >= 0.5
