"""Request and response schemas, built once at import."""

import datetime
import re
from collections.abc import Mapping

import marshmallow as ma
from marshmallow import fields, validate

from models.claim import APPEARANCE_KINDS, REVIEW_STATES, STATUSES
from models.event import EVENT_TYPES
from models.link import CONTRADICTION_KINDS, FLAG_STATES, LINK_STATES, ORIGINS, RELATIONS
from models.paging import COUNT_LIMIT
from models.queries import CLAIM_SORTS
from models.review import RATINGS, REVIEWER_TYPES
from models.speaker import SPEAKER_KINDS

MAX_PAGE = 100_000
MAX_OFFSET = 10_000  # deeper pages are reached through `next`, whose cursor costs no offset
MAX_DRAFT_CHARS = 100_000  # /check is open to all: a long read, but bounded
MAX_ID = 2**63 - 1  # the largest row id SQLite (and PostgreSQL BIGINT) can hold
_SURROGATE = re.compile("[\ud800-\udfff]")


class Timestamp(fields.DateTime):
    """A moment: stored as naive UTC, served in ISO 8601 with its +00:00 offset."""

    def _serialize(self, value, attr, obj, **kwargs):
        if isinstance(value, datetime.datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=datetime.UTC)
        return super()._serialize(value, attr, obj, **kwargs)



class Strict(ma.Schema):
    class Meta:
        unknown = ma.RAISE
        ordered = True

    @ma.pre_load
    def _no_unstorable_characters(self, data, **kwargs):
        if isinstance(data, Mapping):
            bad = {name: [problem] for name, value in data.items()
                   if isinstance(value, str) and (problem := unstorable(value))}
            if bad:
                raise ma.ValidationError(bad)
        return data


def unstorable(text: str) -> str | None:
    """Why no database can store this text, if none can."""
    # PostgreSQL cannot store U+0000 in text, and no claim or query needs it.
    if "\x00" in text:
        return "Must not contain NUL (U+0000) characters."
    # JSON's "\ud800" escapes decode to lone surrogates, which no UTF-8 encoder accepts.
    if _SURROGATE.search(text):
        return "Must not contain unpaired surrogates (U+D800 to U+DFFF)."
    return None


def text_field(*, max_length: int, required: bool = False, **kwargs):
    return fields.String(required=required, validate=validate.Length(min=1, max=max_length),
                         **kwargs)


# ----- query arguments

class PageArgs(Strict):
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=MAX_PAGE),
                          metadata={"description": f"Pages reach the first {MAX_OFFSET:,} "
                                                   "items; `next` goes further"})
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))
    cursor = fields.String(validate=validate.Length(min=1, max=2000), metadata={
        "description": "Where the page starts: taken from the previous page's `next`"})

    @ma.validates_schema
    def _offset_in_reach(self, data, **kwargs):
        if not data.get("cursor") and (data["page"] - 1) * data["per_page"] > MAX_OFFSET:
            raise ma.ValidationError(f"Pages reach the first {MAX_OFFSET:,} items; follow "
                                     "`next` to go further.", "page")


class DatesInOrder(ma.Schema):
    """since and until, when both are given, in that order."""

    @ma.validates_schema
    def _dates_in_order(self, data, **kwargs):
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise ma.ValidationError("until must not be before since.", "until")


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


class SpeakerListArgs(PageArgs):
    q = text_field(max_length=200, metadata={"description": "Part of the speaker's name"})
    kind = fields.String(validate=validate.OneOf(SPEAKER_KINDS))


class SourceListArgs(DatesInOrder, PageArgs):
    outlet = text_field(max_length=200)
    since = fields.Date(metadata={"description": "Published on or after this date"})
    until = fields.Date(metadata={"description": "Published on or before this date"})


# ----- request bodies

class ClaimCreate(Strict):
    text = text_field(max_length=5000, required=True)
    speaker_id = fields.Integer(validate=validate.Range(min=1, max=MAX_ID))
    source_id = fields.Integer(validate=validate.Range(min=1, max=MAX_ID))
    start = fields.Integer(validate=validate.Range(min=0))
    end = fields.Integer(validate=validate.Range(min=1, max=MAX_ID))
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
    claim_id = fields.Integer(required=True, validate=validate.Range(min=1, max=MAX_ID))
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


class SourceCreate(Strict):
    text = fields.String(validate=validate.Length(min=1),
                         metadata={"description": "The article; leave it out to fetch url"})
    title = text_field(max_length=1000)
    outlet = text_field(max_length=200)
    published = fields.Date()
    url = fields.Url(schemes={"http", "https"}, require_tld=False,
                     validate=validate.Length(max=2000))
    language = fields.String(validate=validate.Length(min=2, max=16))

    @ma.validates_schema
    def _text_or_url(self, data, **kwargs):
        if "text" not in data and "url" not in data:
            raise ma.ValidationError("Give the article's text, or a url to fetch it from.",
                                     "text")


# ----- responses

class SpeakerBrief(ma.Schema):
    id = fields.Integer()
    name = fields.String()
    kind = fields.String()


class Speaker(SpeakerBrief):
    role = fields.String(allow_none=True)
    same_as = fields.String(allow_none=True)
    aliases = fields.List(fields.String())
    claim_count = fields.Integer()
    created_at = Timestamp()


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


class SpeakerDetail(Speaker):
    claims = fields.List(fields.Nested(ClaimSummary))
    self_contradictions = fields.List(fields.Nested(Contradiction))


class Source(SourceBrief):
    language = fields.String()
    created_at = Timestamp()
    claim_count = fields.Integer()


class SourceClaim(ClaimSummary):
    appearances = fields.List(fields.Nested(Appearance))


class SourceDetail(Source):
    text = fields.String()
    claims = fields.List(fields.Nested(SourceClaim))


class IngestResult(ma.Schema):
    created = fields.Boolean(metadata={"description": "False when the article was already stored"})
    source = fields.Nested(SourceDetail)
    links = fields.List(fields.Nested(LinkFields),
                        metadata={"description": "Every link made: contradictions and same-claim "
                                                 "suggestions"})
    contradictions = fields.List(fields.Nested(Contradiction),
                                 metadata={"description": "The contradictions flagged, with "
                                                          "both claims"})


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


class WebhookCreate(Strict):
    url = fields.Url(required=True, schemes={"http", "https"}, require_tld=False,
                     validate=validate.Length(max=2000))
    events = fields.List(fields.String(validate=validate.OneOf(EVENT_TYPES)), required=True,
                         validate=validate.Length(min=1))


class WebhookPatch(Strict):
    url = fields.Url(schemes={"http", "https"}, require_tld=False,
                     validate=validate.Length(max=2000))
    events = fields.List(fields.String(validate=validate.OneOf(EVENT_TYPES)),
                         validate=validate.Length(min=1))
    active = fields.Boolean(metadata={"description": "false pauses deliveries, true resumes"})

    @ma.validates_schema
    def _something_to_change(self, data, **kwargs):
        if not data:
            raise ma.ValidationError("Give at least one of url, events, active.")


class Webhook(ma.Schema):
    id = fields.Integer()
    url = fields.String()
    events = fields.List(fields.String())
    active = fields.Boolean()
    created_by = fields.String(allow_none=True)
    created_at = Timestamp()


class WebhookCreated(Webhook):
    secret = fields.String(metadata={"description": "Signs every delivery; shown only once"})


class WebhookEvent(ma.Schema):
    """The JSON body of a delivery. Headers: webhook-id (evt_<id>, the same on every retry),
    webhook-timestamp (unix seconds) and webhook-signature (v1,<base64 HMAC-SHA256 of
    "<webhook-id>.<webhook-timestamp>." + body, keyed by the bytes of the secret's base64
    after whsec_), as Standard Webhooks sign; X-Claims-Event (the type), X-Claims-Delivery
    (the delivery's id in the log) and the deprecated X-Claims-Signature."""

    id = fields.Integer(required=True, metadata={"description": "The event's id"})
    type = fields.String(required=True, validate=validate.OneOf(EVENT_TYPES))
    timestamp = fields.String(required=True, metadata={
        "format": "date-time", "description": "When the event happened (UTC)"})
    created = fields.String(required=True, metadata={
        "format": "date-time", "description": "The same moment, under its first name"})
    data = fields.Dict(required=True, metadata={
        "description": "claim.created: claim_id, text, actor. claim.status_changed: "
                       "claim_id, old, new, actor, reason. contradiction.flagged: "
                       "contradiction_id, claim_a, claim_b, score, kind, origin, state, "
                       "explanation. contradiction.reviewed: contradiction_id, state, reviewed_by, "
                       "reason"})


class DeliveryAttempt(ma.Schema):
    at = Timestamp()
    status_code = fields.Integer(allow_none=True)
    error = fields.String(allow_none=True)
    duration_ms = fields.Integer()


class Delivery(ma.Schema):
    id = fields.Integer()
    event_id = fields.Integer()
    event_type = fields.String()
    state = fields.String(validate=validate.OneOf(("pending", "delivered", "failed")))
    attempts = fields.List(fields.Nested(DeliveryAttempt))
    next_attempt_at = Timestamp(allow_none=True)
    delivered_at = Timestamp(allow_none=True)
    created_at = Timestamp()


class Resource(ma.Schema):
    name = fields.String(required=True)
    href = fields.String(required=True)
    about = fields.String(required=True)


class ApiIndex(ma.Schema):
    name = fields.String(required=True)
    version = fields.String(required=True)
    docs = fields.String(required=True)
    openapi = fields.String(required=True)
    resources = fields.List(fields.Nested(Resource), required=True)


class Health(ma.Schema):
    status = fields.String()
    database = fields.String(metadata={"description": "sqlite or postgresql"})
    counts = fields.Dict(keys=fields.String(), values=fields.Integer(), metadata={
        "description": f"Rows per table, counted up to {COUNT_LIMIT:,} as list totals are"})
    counts_exact = fields.Boolean(metadata={"description": "false when a table holds more"})


def page_of(item_schema, name: str) -> type[ma.Schema]:
    """The list envelope {items, page, per_page, total, next} around an item schema."""
    return ma.Schema.from_dict({
        "items": fields.List(fields.Nested(item_schema)),
        "page": fields.Integer(),
        "per_page": fields.Integer(),
        "total": fields.Integer(metadata={"description": "How many match, counted up to "
                                          f"{COUNT_LIMIT:,}"}),
        "total_exact": fields.Boolean(metadata={"description": "false when more than `total` "
                                                "match"}),
        "next": fields.String(allow_none=True, metadata={"description": "URL of the next page"}),
    }, name=name)


ClaimPage = page_of(ClaimSummary, "ClaimPage")
ContradictionPage = page_of(Contradiction, "ContradictionPage")
SpeakerPage = page_of(Speaker, "SpeakerPage")
SourcePage = page_of(Source, "SourcePage")
StatusChangePage = page_of(StatusChange, "StatusChangePage")
WebhookPage = page_of(Webhook, "WebhookPage")
DeliveryPage = page_of(Delivery, "DeliveryPage")


def _always_present() -> None:
    """Mark every field of every answer schema required: each is in every answer (null where
    the field says so), so a generated client need not type it as maybe-unset. Answers only:
    required changes nothing in a dump, and the request schemas (Strict) keep their own."""
    for schema in list(globals().values()):
        if isinstance(schema, type) and issubclass(schema, ma.Schema) \
                and not issubclass(schema, (Strict, DatesInOrder)):
            for field in schema._declared_fields.values():
                field.required = True


_always_present()
