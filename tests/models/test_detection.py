"""Contradiction detection on ingest: suggested links with cues and explanations, events in
the outbox, rejected pairs never suggested again, recheck idempotent, and a cost per new
claim that does not grow with the base."""

import pytest
from peewee import fn

from analysis.contradiction.signature import is_current, signature
from models import Appearance, ClaimLink, Event, detection, matching, search
from models.claim import Claim, create_claim, edit_claim, sign_stale
from models.db import database, is_postgres
from models.detection import link_claims, recheck
from models.ingest import ingest_article
from models.link import flag_contradiction, review_contradiction
from models.matching import CANDIDATES, candidates
from models.queries import claims_query

STORED = "Mayor Lena Ortiz said that the bridge will reopen in May."
CLASH = "Transport officials said that the bridge will not reopen in May."


@pytest.fixture
def db(app):
    with database.connection_context():
        yield


def _contradictions():
    return list(ClaimLink.select().where(ClaimLink.relation == "contradicts"))


def test_a_contradicting_claim_is_flagged_as_a_suggestion_with_cues_and_an_explanation(db):
    ingest_article(text=STORED)
    result = ingest_article(text=CLASH)
    [link] = [link for link in result.links if link.relation == "contradicts"]
    assert (link.origin, link.state, link.kind) == ("detected", "suggested", "disagreement")
    assert link.score >= 0.5 and link.cues
    assert "not" in link.explanation
    flagged = Event.select().where(Event.type == "contradiction.flagged")
    assert [e.data["contradiction_id"] for e in flagged] == [link.id]


def test_a_claim_entered_by_hand_is_contradicted_by_its_text(db):
    """A claim that appeared in no article has no quote to show: the explanation gives its
    text (an ingest used to fail on it)."""
    typed = create_claim(text="The bridge will reopen in May.", actor="desk")
    result = ingest_article(text=CLASH)
    [link] = [link for link in result.links if link.relation == "contradicts"]
    assert typed.id in (link.claim_a_id, link.claim_b_id)
    assert "reopen in May" in link.explanation


def test_unrelated_claims_are_not_flagged(db):
    ingest_article(text=STORED)
    ingest_article(text="The harbour authority said that ferry fares will rise in June.")
    assert _contradictions() == []


def test_a_rejected_contradiction_is_never_suggested_again(db):
    ingest_article(text=STORED)
    [link] = [link for link in ingest_article(text=CLASH).links if link.relation == "contradicts"]
    review_contradiction(link.id, "rejected", actor="editor", reason="different bridges")
    report = recheck()
    assert report.created == 0
    assert [(c.id, c.state) for c in _contradictions()] == [(link.id, "rejected")]


def test_recheck_is_idempotent(db):
    ingest_article(text=STORED)
    ingest_article(text=CLASH)
    ClaimLink.delete().execute()  # as if the lexicon had just learnt this cue
    first = recheck()
    assert first.created >= 1
    again = recheck()
    assert (again.created, again.updated, again.removed) == (0, 0, 0)


def test_a_claim_without_a_signature_of_this_reading_is_read_and_recheck_stores_one(db):
    ingest_article(text=STORED)
    stored = Claim.get()
    assert is_current(stored.signature)
    Claim.update(signature=None).execute()  # stored before claims kept signatures
    assert any(link.relation == "contradicts" for link in ingest_article(text=CLASH).links)
    report = recheck()
    assert report.signed == 1
    assert is_current(Claim.get_by_id(stored.id).signature)
    assert recheck().signed == 0


def test_editing_a_claims_text_reads_it_anew(db):
    claim = create_claim(text="The bridge will reopen in May.", actor="editor")
    edit_claim(claim.id, {"text": "The bridge will not reopen in May."}, actor="editor",
               reason=None, expected_version=None)
    assert Claim.get_by_id(claim.id).signature == signature("The bridge will not reopen in May.")


def _contradicted() -> list[int]:
    return [c.id for c in claims_query(has_contradictions=True, sort="id")]


def test_a_suggested_contradiction_marks_both_claims_until_recheck_withdraws_it(
        db, monkeypatch):
    ingest_article(text=STORED)
    [link] = [link for link in ingest_article(text=CLASH).links if link.relation == "contradicts"]
    assert _contradicted() == [link.claim_a_id, link.claim_b_id]
    for module in (detection, matching):  # as if the lexicon had become stricter
        monkeypatch.setattr(module, "CONTRADICTION_THRESHOLD", 1.01)
    assert recheck().removed == 1
    assert _contradicted() == []


def test_events_record_every_change_in_its_transaction(db):
    ingest_article(text=STORED)
    [link] = [link for link in ingest_article(text=CLASH).links if link.relation == "contradicts"]
    review_contradiction(link.id, "confirmed", actor="editor", reason=None)
    types = [e.type for e in Event.select().order_by(Event.id)]
    assert types.count("claim.created") == 2
    assert types[-3:] == ["contradiction.reviewed", "claim.status_changed",
                          "claim.status_changed"]


def _grow_base(claims: list[str], size: int) -> None:
    """Store claims on one topic, so the search index matches all of them, up to size."""
    topics = ["bridge", "tunnel", "harbour", "stadium", "library", "airport", "hospital"]
    while len(claims) < size:
        batch = [f"The council said that the {topics[i % len(topics)]} budget will rise by "
                 f"{i + 3} percent in {2000 + i % 25}." for i in range(len(claims), size)][:50]
        ingest_article(text="\n\n".join(batch))
        claims.extend(batch)


def test_the_pairs_scored_per_new_claim_stay_flat_as_the_base_grows(db):
    probe = ingest_article(text="The council said that the bridge budget will fall sharply.")
    scored, stored = [], []
    for size in (40, 160, 400):
        _grow_base(stored, size)
        scored.append(link_claims(probe.claims, actor="test").scored)
    assert scored[0] == scored[-1] == CANDIDATES * len(probe.claims), scored


def test_a_speaker_changing_position_is_kind_self_with_both_dates(db):
    import datetime

    ingest_article(text="Senator Maya Cole said that she will support the fuel tax.",
                   published=datetime.date(2023, 3, 1))
    result = ingest_article(text="Senator Maya Cole said that she will not support the fuel "
                                 "tax.", published=datetime.date(2024, 6, 9))
    [link] = [link for link in result.links if link.relation == "contradicts"]
    assert link.kind == "self"
    assert "2023-03-01" in link.explanation and "2024-06-09" in link.explanation


AGREED = "The two sides agreed on Tuesday to link the pipeline to gas quotas."
NO_DEAL = "There is no deal between the two sides, and the real haggling is only beginning."


def _article(lead: str, claim: str, tail: str) -> str:
    """An article whose claim shares its paragraph with the lead sentence."""
    return f"{lead} {claim}\n\n{tail}"


def test_a_contradiction_whose_topic_is_only_in_the_articles_context_is_flagged(db):
    ingest_article(title="Gazprom and Naftogaz agree pipeline terms in Vienna", text=_article(
        "Gazprom and Naftogaz negotiators met in Vienna for talks brokered by the European "
        "Commission on the Druzhba pipeline.", AGREED,
        "Gazprom expects the first deliveries under the new terms in the spring."))
    result = ingest_article(title="Naftogaz plays down talk of a Vienna deal", text=_article(
        "Naftogaz officials in Vienna were less upbeat about the Druzhba talks with Gazprom, "
        "which the European Commission is brokering.", NO_DEAL,
        "Naftogaz will return to Vienna next week."))
    [link] = [link for link in result.links if link.relation == "contradicts"]
    assert link.score >= 0.5 and "negation" in link.cues
    assert "surrounding text" in link.explanation


def test_the_same_sentences_from_unrelated_articles_are_not_flagged(db):
    ingest_article(title="Leeds teachers settle pay dispute", text=_article(
        "Teachers in Leeds met the city council on Monday about pay and classroom sizes.",
        AGREED, "The council will publish the new pay scales in March."))
    ingest_article(title="Harbour Town ferry talks stall", text=_article(
        "Ferry operators in Harbour Town said the dispute over berthing rights with the port "
        "authority was far from over.", NO_DEAL,
        "The port authority declined to comment."))
    assert AGREED in [c.text for c in candidates(NO_DEAL)]  # scored, and found no clash
    assert _contradictions() == []


def test_claims_of_two_articles_sharing_only_some_words_are_not_flagged(db):
    """Read in one article, "will not close" negates "will close higher"; from two articles
    telling two stories, the two claims are not about one thing."""
    closing, prices = ("The plant will not close this year.",
                       "Prices at the plant will close higher this year.")
    ingest_article(text=_article("Workers met the owners on Monday.", closing,
                                 "Talks resume next week."))
    ingest_article(text=_article("Cattle traders gathered at the market.", prices,
                                 "The market opens at dawn."))
    assert closing in [c.text for c in candidates(prices)]  # scored, and found apart
    assert _contradictions() == []
    recheck()
    assert _contradictions() == []


def test_candidates_come_from_shared_words_when_the_rare_ones_are_the_claims_own(
        db, monkeypatch):
    monkeypatch.setattr(matching, "COMMON_WORD", 2)  # "bridge" and "reopen" become common
    stored = [ingest_article(text=f"Engineer {name} said the bridge will reopen in May.")
              .claims[0].id for name in ("Ada Holm", "Bo Lund", "Cy Berg")]
    [claim] = ingest_article(text="Senator Wen Zhao said the bridge will not reopen.").claims
    assert {c.id for c in candidates(claim.text, exclude=claim.id)} >= set(stored)
    # a word no stored claim has ("quayside") cannot narrow a search to nothing
    assert {c.id for c in candidates("The quayside bridge will reopen")} >= set(stored)


def test_a_claim_of_common_words_is_compared_with_the_newest_claims_that_share_them(
        db, monkeypatch):
    monkeypatch.setattr(matching, "COMMON_WORD", 2)  # "bridge" and "reopen" become common
    monkeypatch.setattr(matching, "COMMON_WINDOW", 2)
    stored = [ingest_article(text=f"Engineer {name} said the bridge will reopen in May.")
              .claims[0].id for name in ("Ada Holm", "Bo Lund", "Cy Berg", "Di Park")]
    found = {c.id for c in candidates("The bridge will not reopen.")}
    assert found == set(stored[-2:])


def test_a_claim_of_common_words_is_looked_for_by_the_rarest_of_them(db, monkeypatch):
    monkeypatch.setattr(matching, "COMMON_WORD", 2)  # each word below is common
    monkeypatch.setattr(matching, "COMMON_WINDOW", 2)
    ferry = [ingest_article(text=f"Engineer {name} said the ferry bridge will reopen in May.")
             .claims[0].id for name in ("Ada Holm", "Bo Lund", "Cy Berg", "Di Park", "Ed Ng",
                                        "Flo Amu", "Gus Ray", "Hal Orr")]
    for name in ("Ida Moe", "Jo Kim", "Kai Lee", "Liv Aas", "Max Uhl", "Ned Poe", "Ola Dahl",
                 "Pia Roe"):
        ingest_article(text=f"Engineer {name} said the bridge will reopen in May.")
    if is_postgres():  # the commonest words are told apart by PostgreSQL's statistics
        monkeypatch.setattr(search, "SAMPLED_FROM", 10)
        database.execute_sql("ANALYZE claim_search")
        search.forget_counts()  # those the ingests counted up to the bound
    # "ferry" is in half as many claims as "bridge" and "reopen": counted past the bound of a
    # common word, it is one of the two looked for, though the shortest.
    found = {c.id for c in candidates("The ferry bridge will not reopen.")}
    assert found == set(ferry[-2:])


def test_a_pair_flagged_as_contradicting_is_suggested_as_one_claim_only_once_rejected(db):
    first = create_claim(text="The harbour tax will rise this year", actor="test")
    second = create_claim(text="The harbour tax will rise in the year ahead", actor="test")
    assert [link.relation for link in link_claims([second], "test").links] == ["same_claim"]
    ClaimLink.delete().execute()
    flag = flag_contradiction(first.id, second.id, explanation=None, actor="test")
    assert link_claims([second], "test").links == []
    review_contradiction(flag.id, "rejected", actor="test", reason="They agree")
    assert [link.relation for link in link_claims([second], "test").links] == ["same_claim"]


DISPUTE = (
    "Mayor Lena Ortiz said on Monday that the new harbour bridge will open in March.\n\n"
    "The city expects thousands of commuters to use it every day.\n\n"
    "But the chief engineer, Tomas Reyes, said the bridge would not open before September.")


def test_two_parties_of_one_article_are_flagged_on_ingest_in_their_own_words(db):
    [link] = [link for link in ingest_article(text=DISPUTE).links
              if link.relation == "contradicts"]
    assert (link.kind, link.state) == ("disagreement", "suggested")
    assert link.explanation == ("Lena Ortiz says 'The new harbour bridge will open in March'; "
                                "Tomas Reyes says 'The bridge would not open before "
                                "September'")
    assert all(a.frame for a in Appearance.select())  # read once, where the parse was


def test_an_explanation_names_a_source_no_one_is_named_for_by_the_articles_words(db):
    ingest_article(text="The transport minister said that fares will not rise this year.")
    [link] = [link for link in ingest_article(
        text="Fares will rise this year, Mayor Lena Ortiz said on Monday.").links
        if link.relation == "contradicts"]
    assert link.explanation.startswith("The transport minister says 'Fares will not rise")


def test_recheck_weighs_a_pair_of_one_article_as_ingest_did(db):
    ingest_article(text=DISPUTE)
    flagged = [(c.claim_a_id, c.claim_b_id, c.score, c.explanation) for c in _contradictions()]
    assert (recheck().updated, recheck().removed) == (0, 0)
    ClaimLink.delete().execute()
    assert recheck().created == 1
    assert [(c.claim_a_id, c.claim_b_id, c.score, c.explanation)
            for c in _contradictions()] == flagged
    again = recheck()
    assert (again.created, again.updated, again.removed) == (0, 0, 0)


def test_a_claim_added_by_hand_to_an_article_is_compared_by_its_words(db):
    source = ingest_article(text=DISPUTE.split("\n\n")[0] + "\n\nThe deck is painted.").source
    start = source.text.index("The deck")
    claim = create_claim(text="The bridge will not open in March.", actor="editor",
                         source_id=source.id, start=start, end=start + 20)
    assert Appearance.get(Appearance.claim == claim.id).frame is None
    recheck()
    [link] = _contradictions()
    assert {link.claim_a_id, link.claim_b_id} >= {claim.id}


def test_sign_stale_gives_every_claim_without_a_current_signature_one(db):
    ingest_article(text=STORED)
    ingest_article(text=CLASH)
    Claim.update(signature=None).where(Claim.id == Claim.select(fn.MIN(Claim.id))).execute()
    assert sign_stale(batch=1) == 1
    assert all(is_current(claim.signature) for claim in Claim.select())
    assert sign_stale() == 0
