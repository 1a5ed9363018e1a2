"""Contradiction links: kinds, and whose self-contradictions they are."""

import pytest

from analysis import SpeakerRef
from models.claim import Appearance, create_claim
from models.db import database
from models.link import flag_contradiction
from models.queries import speaker_detail
from models.speaker import resolve_speaker


@pytest.fixture
def db(app):
    with database.connection_context():
        yield


def _said(speaker, text):
    return create_claim(text=text, actor="test", speaker_id=speaker.id)


def test_a_speaker_contradicting_themselves_is_kind_self_and_listed_only_for_them(db):
    ann = resolve_speaker(SpeakerRef(name="Ann Holm", kind="person"))
    bo = resolve_speaker(SpeakerRef(name="Bo Lund", kind="person"))
    first = _said(ann, "The budget will balance next year.")
    second = _said(ann, "The budget will not balance next year.")
    Appearance.create(claim=first, speaker=bo, kind="indirect")  # Bo repeats Ann's first claim
    link = flag_contradiction(first.id, second.id, explanation="negation", actor="test")
    assert link.kind == "self"
    assert [c["id"] for c in speaker_detail(ann.id)["self_contradictions"]] == [link.id]
    assert speaker_detail(bo.id)["self_contradictions"] == []


@pytest.mark.parametrize("speakers, kind", [
    (("Ann Holm", "Bo Lund"), "disagreement"),
    ((None, None), "conflicting_reports"),
    (("Ann Holm", None), "disagreement"),
])
def test_the_kind_of_a_contradiction_follows_who_made_the_claims(db, speakers, kind):
    ids = []
    for i, name in enumerate(speakers):
        speaker = resolve_speaker(SpeakerRef(name=name, kind="person")) if name else None
        ids.append(create_claim(text=f"Claim number {i} about the budget.", actor="test",
                                speaker_id=speaker.id if speaker else None).id)
    assert flag_contradiction(*ids, explanation=None, actor="test").kind == kind
