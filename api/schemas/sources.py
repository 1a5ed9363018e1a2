"""Sources: the list filters, the article to ingest, and the answers."""

import datetime

import marshmallow as ma
from marshmallow import fields, validate

from api.schemas.claims import Appearance, ClaimSummary, Contradiction, LinkFields, SourceBrief
from api.schemas.common import DatesInOrder, PageArgs, Strict, Timestamp, page_of, text_field
from models.source import IMPLAUSIBLE, plausible


class SourceListArgs(DatesInOrder, PageArgs):
    outlet = text_field(max_length=200)
    since = fields.Date(metadata={"description": "Published on or after this date"})
    until = fields.Date(metadata={"description": "Published on or before this date"})


def _plausible(day: datetime.date) -> None:
    if not plausible(day):
        raise ma.ValidationError(IMPLAUSIBLE)


class SourceCreate(Strict):
    text = fields.String(validate=validate.Length(min=1),
                         metadata={"description": "The article; leave it out to fetch url"})
    title = text_field(max_length=1000)
    outlet = text_field(max_length=200)
    published = fields.Date(validate=_plausible, metadata={
        "description": "From 1600 to a year from today (an embargoed article may be dated "
                       "ahead)"})
    url = fields.Url(schemes={"http", "https"}, require_tld=False,
                     validate=validate.Length(max=2000))
    language = fields.String(validate=validate.Length(min=2, max=16))

    @ma.validates_schema
    def _text_or_url(self, data, **kwargs):
        if "text" not in data and "url" not in data:
            raise ma.ValidationError("Give the article's text, or a url to fetch it from.",
                                     "text")


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


SourcePage = page_of(Source, "SourcePage")
