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
    claims = fields.List(fields.Nested(ClaimSummary))
    self_contradictions = fields.List(fields.Nested(Contradiction))


SpeakerPage = page_of(Speaker, "SpeakerPage")
