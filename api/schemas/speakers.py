"""Speakers: the list filters and the answers."""

from marshmallow import fields, validate

from api.schemas.claims import ClaimSummary, Contradiction, SpeakerBrief
from api.schemas.common import PageArgs, Timestamp, page_of, text_field
from models.speaker import SPEAKER_KINDS


class SpeakerListArgs(PageArgs):
    q = text_field(max_length=200, metadata={"description": "Part of the speaker's name"})
    kind = fields.String(validate=validate.OneOf(SPEAKER_KINDS))


class Speaker(SpeakerBrief):
    role = fields.String(allow_none=True)
    same_as = fields.String(allow_none=True)
    aliases = fields.List(fields.String())
    claim_count = fields.Integer()
    created_at = Timestamp()


class SpeakerDetail(Speaker):
    claims = fields.List(fields.Nested(ClaimSummary), metadata={
        "description": "Their latest 100 claims, newest first (in the order they were "
                       "stored); `GET /claims?speaker=` pages through them all"})
    self_contradictions = fields.List(fields.Nested(Contradiction), metadata={
        "description": "Up to 100 contradictions between two of their claims, strongest "
                       "first"})


SpeakerPage = page_of(Speaker, "SpeakerPage")
