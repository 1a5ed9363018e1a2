"""Webhooks: subscriptions, the event a delivery carries, and the delivery log."""

import marshmallow as ma
from marshmallow import fields, validate

from api.schemas.common import Strict, Timestamp, page_of
from models.event import EVENT_TYPES


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
                       "reason. same_claim.reviewed: same_claim_id, claim_a, claim_b, state, "
                       "reviewed_by, reason"})


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


WebhookPage = page_of(Webhook, "WebhookPage")
DeliveryPage = page_of(Delivery, "DeliveryPage")
