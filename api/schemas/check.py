"""POST /check: the draft, and its claims with what they match and contradict."""

import marshmallow as ma
from marshmallow import fields, validate

from api.schemas.claims import ClaimBrief
from api.schemas.common import MAX_DRAFT_CHARS, Strict
from models.claim import APPEARANCE_KINDS


class CheckRequest(Strict):
    text = fields.String(required=True, validate=validate.Length(min=1, max=MAX_DRAFT_CHARS),
                         metadata={"description": "The draft's text; nothing is stored"})


class CheckSpeaker(ma.Schema):
    id = fields.Integer(allow_none=True, metadata={"description": "null when not known yet"})
    name = fields.String()
    kind = fields.String()
    role = fields.String(allow_none=True)


class CheckMatch(ma.Schema):
    claim = fields.Nested(ClaimBrief)
    score = fields.Float()
    relation = fields.String(validate=validate.OneOf(("same_claim", "similar")))


class CheckContradiction(ma.Schema):
    claim = fields.Nested(ClaimBrief)
    score = fields.Float()
    cues = fields.List(fields.String())
    explanation = fields.String()


class CheckedClaim(ma.Schema):
    text = fields.String()
    quote = fields.String(metadata={"description": "draft[start:end]"})
    start = fields.Integer()
    end = fields.Integer()
    kind = fields.String(validate=validate.OneOf(APPEARANCE_KINDS))
    speaker = fields.Nested(CheckSpeaker, allow_none=True)
    speaker_mention = fields.String(allow_none=True)
    matches = fields.List(fields.Nested(CheckMatch))
    contradictions = fields.List(fields.Nested(CheckContradiction))


class CheckResult(ma.Schema):
    claims = fields.List(fields.Nested(CheckedClaim))
