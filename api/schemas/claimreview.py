"""schema.org ClaimReview as served (JSON-LD, whose keys such as "@type" are no Python names,
hence Schema.from_dict) and as imported from other fact-checkers (whose JSON-LD carries many
properties we do not keep, so unknown ones are ignored rather than refused)."""

import datetime
from collections.abc import Mapping

import marshmallow as ma
from marshmallow import fields, validate

from api.schemas.common import unstorable
from models.claimreview import MAX_IMPORT


def _type(name: str):
    return fields.String(metadata={"enum": [name]})


def _ld(schema_name: str, fields_of: dict) -> type[ma.Schema]:
    return ma.Schema.from_dict(fields_of, name=schema_name)


Organization = _ld("LdOrganization", {"@type": _type("Organization"), "name": fields.String(),
                                        "url": fields.String()})
ClaimAuthor = _ld("LdClaimAuthor", {
    "@type": fields.String(metadata={"enum": ["Person", "Organization"]}),
    "name": fields.String(), "url": fields.String(), "sameAs": fields.String()})
Rating = _ld("LdRating", {
    "@type": _type("Rating"),
    "ratingValue": fields.Integer(metadata={"description": "1 refuted .. 5 supported; absent "
                                                           "for unproven, which is no point "
                                                           "on that scale"}),
    "bestRating": fields.Integer(), "worstRating": fields.Integer(),
    "alternateName": fields.String(metadata={"description": "The verdict in words"})})
CreativeWork = _ld("LdCreativeWork", {
    "@type": _type("CreativeWork"), "url": fields.String(), "headline": fields.String(),
    "datePublished": fields.String(metadata={"format": "date"}),
    "publisher": fields.Nested(Organization)})
ClaimItem = _ld("LdClaim", {
    "@type": _type("Claim"), "author": fields.Nested(ClaimAuthor),
    "datePublished": fields.String(metadata={"format": "date", "description": "First seen"}),
    "appearance": fields.List(fields.Nested(CreativeWork)),
    "firstAppearance": fields.Nested(CreativeWork)})
ClaimReview = _ld("ClaimReview", {
    "@context": fields.String(metadata={"enum": ["https://schema.org"]}),
    "@type": _type("ClaimReview"),
    "claimReviewed": fields.String(metadata={"description": "The claim, in under 75 "
                                                            "characters"}),
    "reviewRating": fields.Nested(Rating), "url": fields.String(),
    "author": fields.Nested(ClaimAuthor), "publisher": fields.Nested(Organization),
    "datePublished": fields.String(metadata={"format": "date"}),
    "itemReviewed": fields.Nested(ClaimItem)})


def _storable(value: str) -> bool:
    problem = unstorable(value)
    if problem:
        raise ma.ValidationError(problem)
    return True


def _text(max_length: int, **kwargs):
    return fields.String(validate=[validate.Length(min=1, max=max_length), _storable], **kwargs)


class DatePart(fields.String):
    """A date, or the date part of a date-time ("2024-03-01T09:30:00Z")."""

    default_error_messages = {"invalid_date": "Not a valid date or date-time."}

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.metadata = {"format": "date", **self.metadata}

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        _storable(text)
        if len(text) > 10 and text[10] not in "Tt ":  # "2024-03-01junk" is no date-time
            raise self.make_error("invalid_date")
        try:
            return datetime.date.fromisoformat(text[:10])
        except ValueError:
            raise self.make_error("invalid_date") from None


class Foreign(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE


class LdPartyIn(Foreign):
    type_ = _text(100, data_key="@type", attribute="@type")
    name = _text(300)


class LdRatingIn(Foreign):
    type_ = _text(100, data_key="@type", attribute="@type")
    ratingValue = fields.Float(allow_nan=False)
    bestRating = fields.Float(allow_nan=False)
    worstRating = fields.Float(allow_nan=False)
    alternateName = _text(200)


class LdClaimIn(Foreign):
    type_ = _text(100, data_key="@type", attribute="@type")
    author = fields.Nested(LdPartyIn)
    datePublished = DatePart(metadata={"description": "Kept as the claim's first_seen when "
                                                      "earlier"})


class ClaimReviewIn(Foreign):
    context = fields.Raw(data_key="@context")
    type_ = fields.String(data_key="@type", attribute="@type",
                          validate=validate.Equal("ClaimReview"))
    claimReviewed = _text(5000, required=True)
    reviewRating = fields.Nested(LdRatingIn, required=True)
    url = fields.Url(required=True, schemes={"http", "https"},
                     validate=[validate.Length(max=2000), _storable],
                     metadata={"description": "Imported once per claim: a second import of "
                                              "the same url is skipped"})
    author = fields.Nested(LdPartyIn, metadata={"description": "The fact-checker"})
    datePublished = DatePart()
    itemReviewed = fields.Nested(LdClaimIn)

    @ma.validates_schema(skip_on_field_errors=False)
    def _rating_has_a_value_or_a_name(self, data, **kwargs):
        rating = data.get("reviewRating")
        if rating is None:
            return
        value = rating.get("ratingValue")
        if value is None:
            if not rating.get("alternateName"):
                raise ma.ValidationError("Give ratingValue or alternateName.", "reviewRating")
            return
        best, worst = rating.get("bestRating", 5), rating.get("worstRating", 1)
        if not worst < best:
            raise ma.ValidationError(f"worstRating ({worst:g}) must be below bestRating "
                                     f"({best:g}).", "reviewRating")
        if not worst <= value <= best:
            raise ma.ValidationError(f"ratingValue {value:g} is outside worstRating "
                                     f"{worst:g} .. bestRating {best:g}.", "reviewRating")


class ClaimReviewImport(ma.Schema):
    """One ClaimReview or a list of them; parsed as {"items": [...]} so that every error
    names its item ("items.3.reviewRating")."""

    items = fields.List(fields.Nested(ClaimReviewIn), required=True,
                        validate=validate.Length(min=1, max=MAX_IMPORT))

    @ma.pre_load
    def _as_items(self, data, **kwargs):
        if isinstance(data, Mapping):
            return {"items": [data]}
        if isinstance(data, list):
            return {"items": data}
        raise ma.ValidationError("Send a ClaimReview object or a list of them.")


class ImportResult(ma.Schema):
    imported = fields.Integer(metadata={"description": "Reviews added"})
    skipped = fields.Integer(metadata={"description": "Items whose url was already imported "
                                                      "for their claim"})
    claims = fields.List(fields.Integer(), metadata={"description": "The claim of each item, "
                                                                    "in order"})


IMPORT_BODY = {"oneOf": [ClaimReviewIn, {"type": "array", "items": ClaimReviewIn,
                                          "minItems": 1, "maxItems": MAX_IMPORT}]}
