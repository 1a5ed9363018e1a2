"""Backfills: the articles sent, where the run stands, and the articles that failed."""

import marshmallow as ma
from marshmallow import fields, validate

from api.schemas.common import Strict, Timestamp, page_of
from api.schemas.sources import SourceCreate

MAX_ARTICLES = 1000  # a request; a larger archive goes in several backfills, or by the CLI


class BackfillCreate(Strict):
    articles = fields.List(fields.Nested(SourceCreate), required=True,
                           validate=validate.Length(min=1, max=MAX_ARTICLES),
                           metadata={"description": "Articles as POST /sources takes them"})


class Backfill(ma.Schema):
    id = fields.Integer()
    state = fields.String(metadata={"description": "running while articles are queued, then "
                                                   "finished"})
    total = fields.Integer(metadata={"description": "Articles sent"})
    queued = fields.Integer(metadata={"description": "Articles waiting for a worker"})
    done = fields.Integer(metadata={"description": "Articles stored (duplicates among them)"})
    failed = fields.Integer(metadata={"description": "Articles refused, each with its reason "
                                                     "in /failures; retryable"})
    duplicates = fields.Integer(metadata={"description": "Articles found stored already (the "
                                                         "same URL or text)"})
    rate_per_second = fields.Float(allow_none=True, metadata={
        "description": "Articles finished a second since the first one was"})
    eta_seconds = fields.Float(allow_none=True, metadata={
        "description": "Seconds left at that rate"})
    created_by = fields.String()
    created_at = Timestamp()


class BackfillFailure(ma.Schema):
    item = fields.Integer(metadata={"description": "The article's place in the backfill"})
    error = fields.String(metadata={"description": "Why it was not stored"})
    attempts = fields.Integer()
    article = fields.Dict(metadata={"description": "The article as it was sent, without its "
                                                   "text"})
    failed_at = Timestamp()


BackfillFailurePage = page_of(BackfillFailure, "BackfillFailurePage")
