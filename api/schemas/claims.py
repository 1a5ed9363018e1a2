"""Claims: their list filters, the bodies that create, edit, flag and review them, and the answers
that carry them, their appearances, links and reviews."""

import marshmallow as ma
from marshmallow import fields, validate

from api.schemas.common import (
    MAX_ID,
    DatesInOrder,
    PageArgs,
    Strict,
    Timestamp,
    page_of,
    text_field,
)
from models.claim import APPEARANCE_KINDS, REVIEW_STATES, STATUSES
from models.link import CONTRADICTION_KINDS, FLAG_STATES, LINK_STATES, ORIGINS, RELATIONS
from models.queries.claims import CLAIM_SORTS
from models.review import RATINGS, REVIEWER_TYPES


class ClaimFilters(DatesInOrder, Strict):
    """The filters of GET /claims, shared by the exports."""

    q = text_field(max_length=500, metadata={"description": "Full-text search over claim text "
                                             "and quotes: words, and \"quoted phrases\"; all "
                                             "must match. A search reaches the newest 2,000 "
                                             "claims that match it and the other filters."})
    speaker = fields.Integer(validate=validate.Range(min=1, max=MAX_ID))
    source = fields.Integer(validate=validate.Range(min=1, max=MAX_ID))
    status = fields.String(validate=validate.OneOf(STATUSES))
    review_state = fields.String(validate=validate.OneOf(REVIEW_STATES))
    since = fields.Date(metadata={"description": "First seen on or after this date"})
    until = fields.Date(metadata={"description": "First seen on or before this date"})
    has_contradictions = fields.Boolean()


class ClaimListArgs(PageArgs, ClaimFilters):
    sort = fields.String(load_default="-created_at", validate=validate.OneOf(list(CLAIM_SORTS)))


class ContradictionListArgs(PageArgs):
    state = fields.String(validate=validate.OneOf(LINK_STATES))
    origin = fields.String(validate=validate.OneOf(ORIGINS))
    kind = fields.String(validate=validate.OneOf(CONTRADICTION_KINDS))
    speaker = fields.Integer(validate=validate.Range(min=1, max=MAX_ID))
    source = fields.Integer(validate=validate.Range(min=1, max=MAX_ID))
    min_score = fields.Float(validate=validate.Range(min=0, max=1))


class ClaimCreate(Strict):
    text = text_field(max_length=5000, required=True)
    # A JSON body's numbers are JSON numbers: "5" is refused, as the spec's integer says.
    speaker_id = fields.Integer(strict=True, validate=validate.Range(min=1, max=MAX_ID))
    source_id = fields.Integer(strict=True, validate=validate.Range(min=1, max=MAX_ID))
    start = fields.Integer(strict=True, validate=validate.Range(min=0))
    end = fields.Integer(strict=True, validate=validate.Range(min=1, max=MAX_ID))
    kind = fields.String(validate=validate.OneOf(APPEARANCE_KINDS))


class ClaimPatch(Strict):
    text = text_field(max_length=5000)
    status = fields.String(validate=validate.OneOf(("unverified", "disputed")),
                           metadata={"description": "Verdict statuses come from reviews"})
    review_state = fields.String(validate=validate.OneOf(REVIEW_STATES))
    reason = text_field(max_length=2000, metadata={"description": "Kept in the audit trail"})

    @ma.validates_schema
    def _something_to_change(self, data, **kwargs):
        if not {"text", "status", "review_state"} & set(data):
            raise ma.ValidationError("Give at least one of text, status, review_state.")


class ContradictionFlag(Strict):
    claim_id = fields.Integer(required=True, strict=True,
                              validate=validate.Range(min=1, max=MAX_ID))
    explanation = text_field(max_length=2000)
    state = fields.String(
        load_default="suggested", validate=validate.OneOf(FLAG_STATES),
        metadata={"description": "suggested (the default) leaves the pair to the desk's "
                                 "review; confirmed records the caller's own review at once"})


class ContradictionReview(Strict):
    state = fields.String(required=True, validate=validate.OneOf(("confirmed", "rejected")))
    reason = text_field(max_length=2000)


class ReviewCreate(Strict):
    rating = fields.String(required=True, validate=validate.OneOf(RATINGS))
    rating_label = text_field(max_length=200)
    explanation = text_field(max_length=10_000)
    url = fields.Url(schemes={"http", "https"}, validate=validate.Length(max=2000),
                     metadata={"description": "The published fact-check; required unless "
                                              "PUBLIC_BASE_URL is set"})
    reviewer = text_field(max_length=200)
    reviewer_type = fields.String(validate=validate.OneOf(REVIEWER_TYPES), metadata={
        "description": "Whether the reviewer is a person (the default) or an organization"})
    published = fields.Date()


class SpeakerBrief(ma.Schema):
    id = fields.Integer()
    name = fields.String()
    kind = fields.String()


class SourceBrief(ma.Schema):
    id = fields.Integer()
    title = fields.String(allow_none=True)
    outlet = fields.String(allow_none=True)
    published = fields.Date(allow_none=True)
    url = fields.String(allow_none=True)


class Appearance(ma.Schema):
    id = fields.Integer()
    source = fields.Nested(SourceBrief, allow_none=True)
    speaker = fields.Nested(SpeakerBrief, allow_none=True)
    speaker_mention = fields.String(allow_none=True)
    quote = fields.String(allow_none=True, metadata={"description": "source.text[start:end]"})
    start = fields.Integer(allow_none=True)
    end = fields.Integer(allow_none=True)
    kind = fields.String(validate=validate.OneOf(APPEARANCE_KINDS))


class ClaimSummary(ma.Schema):
    id = fields.Integer()
    text = fields.String()
    status = fields.String(validate=validate.OneOf(STATUSES))
    review_state = fields.String(validate=validate.OneOf(REVIEW_STATES))
    first_seen = fields.Date(allow_none=True)
    created_at = Timestamp()
    updated_at = Timestamp()
    version = fields.Integer()
    speakers = fields.List(fields.Nested(SpeakerBrief))
    appearance_count = fields.Integer()
    contradiction_count = fields.Integer()


class ClaimBrief(ma.Schema):
    id = fields.Integer()
    text = fields.String()
    status = fields.String()
    first_seen = fields.Date(allow_none=True)
    speakers = fields.List(fields.Nested(SpeakerBrief))


class LinkFields(ma.Schema):
    id = fields.Integer()
    relation = fields.String(validate=validate.OneOf(RELATIONS))
    origin = fields.String(validate=validate.OneOf(ORIGINS))
    score = fields.Float()
    cues = fields.List(fields.String())
    kind = fields.String(allow_none=True)
    explanation = fields.String(allow_none=True)
    state = fields.String(validate=validate.OneOf(LINK_STATES))
    created_by = fields.String(allow_none=True)
    created_at = Timestamp()
    reviewed_by = fields.String(allow_none=True)
    reviewed_at = Timestamp(allow_none=True)
    review_reason = fields.String(allow_none=True)


class ClaimLink(LinkFields):
    other_claim = fields.Nested(ClaimBrief)


class Contradiction(LinkFields):
    claim_a = fields.Nested(ClaimBrief)
    claim_b = fields.Nested(ClaimBrief)


class SameClaim(Contradiction):
    """Two claims suggested as one claim in other words, with both claims."""


class SameClaimListArgs(PageArgs):
    state = fields.String(validate=validate.OneOf(LINK_STATES))
    claim = fields.Integer(validate=validate.Range(min=1, max=MAX_ID),
                           metadata={"description": "Only the pairs this claim is in"})


class Review(ma.Schema):
    id = fields.Integer()
    rating = fields.String(validate=validate.OneOf(RATINGS))
    rating_label = fields.String(allow_none=True)
    explanation = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    reviewer = fields.String(allow_none=True)
    reviewer_type = fields.String(allow_none=True, validate=validate.OneOf(REVIEWER_TYPES))
    published = fields.Date(allow_none=True)
    created_by = fields.String(allow_none=True)
    created_at = Timestamp()


class ClaimDetail(ClaimSummary):
    appearances = fields.List(fields.Nested(Appearance))
    links = fields.List(fields.Nested(ClaimLink))
    reviews = fields.List(fields.Nested(Review))


class StatusChange(ma.Schema):
    id = fields.Integer()
    field = fields.String()
    old = fields.String(allow_none=True)
    new = fields.String(allow_none=True)
    actor = fields.String()
    reason = fields.String(allow_none=True)
    at = Timestamp()


ClaimPage = page_of(ClaimSummary, "ClaimPage")
ContradictionPage = page_of(Contradiction, "ContradictionPage")
SameClaimPage = page_of(SameClaim, "SameClaimPage")
StatusChangePage = page_of(StatusChange, "StatusChangePage")
