"""The API's index and its liveness."""

import marshmallow as ma
from marshmallow import fields

from models.paging import COUNT_LIMIT


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
