"""What every schema is built from: the limits, a timestamp served with its offset, strict request
bodies, text that every database can store, paging arguments and the page envelope."""

import datetime
import re
from collections.abc import Mapping

import marshmallow as ma
from marshmallow import fields, validate

from models.paging import COUNT_LIMIT

MAX_PAGE = 100_000
MAX_CURSOR = 1500
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
    error_messages = {"type": "Send a JSON object."}  # for [1, 2], "text", 5

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


class PageArgs(Strict):
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=MAX_PAGE),
                          metadata={"description": f"Pages reach the first {MAX_OFFSET:,} "
                                                   "items; `next` goes further"})
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))
    # URL-safe base64, short enough that every query fits gunicorn's request line
    cursor = fields.String(validate=[validate.Length(min=1, max=MAX_CURSOR),
                                     validate.Regexp(r"^[A-Za-z0-9_-]+$")], metadata={
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


def lines_of(schema_name: str) -> dict:
    """A JSON Lines body as OpenAPI 3.0 can say it: text, one object of a schema per line
    (client generators that know no JSON Lines can be told to read it as text/plain)."""
    return {"type": "string",
            "description": f"One {schema_name} (#/components/schemas/{schema_name}) per line"}


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
