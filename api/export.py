"""Bulk exports of claims, streamed one claim at a time so memory stays flat."""

import csv
import io
import json

from flask import Response, stream_with_context
from flask.views import MethodView

from api import schemas
from api.errors import Blueprint
from api.schemas.common import lines_of
from models.export import claims_with_appearances

blp = Blueprint("export", __name__, url_prefix="/api/v1/export",
                description="Every claim matching the filters of GET /claims (with q, the "
                            "newest 2,000 that match), streamed")

CLAIM_WITH_APPEARANCES = schemas.SourceClaim()
CSV_COLUMNS = ["id", "text", "status", "review_state", "first_seen", "created_at", "updated_at",
               "speakers", "sources", "quotes", "appearance_count", "contradiction_count"]


def _ndjson_lines(records):
    for record in records:
        yield json.dumps(CLAIM_WITH_APPEARANCES.dump(record), ensure_ascii=False) + "\n"


def _csv_row(values) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(values)
    return buffer.getvalue()


def _csv_lines(records):
    yield _csv_row(CSV_COLUMNS)
    for record in records:
        row = CLAIM_WITH_APPEARANCES.dump(record)
        appearances = row["appearances"]
        sources = dict.fromkeys((a["source"]["url"] or a["source"]["title"] or
                                 f"source {a['source']['id']}") for a in appearances
                                if a["source"])
        yield _csv_row([
            row["id"], row["text"], row["status"], row["review_state"], row["first_seen"],
            row["created_at"], row["updated_at"],
            "; ".join(s["name"] for s in row["speakers"]), " | ".join(sources),
            " | ".join(a["quote"] for a in appearances if a["quote"]),
            row["appearance_count"], row["contradiction_count"]])


@blp.route("/claims.ndjson")
class ClaimsNdjson(MethodView):
    @blp.arguments(schemas.ClaimFilters, location="query", unknown="raise")
    @blp.response(200, lines_of("SourceClaim"), content_type="application/x-ndjson",
                  description="One claim per line, with its appearances and speakers")
    @blp.doc(operationId="exportClaimsNdjson")
    def get(self, filters):
        """Export claims as newline-delimited JSON"""
        records = claims_with_appearances(**filters)  # a refused filter raises here, not mid-stream
        return Response(stream_with_context(_ndjson_lines(records)),
                        mimetype="application/x-ndjson")


@blp.route("/claims.csv")
class ClaimsCsv(MethodView):
    @blp.arguments(schemas.ClaimFilters, location="query", unknown="raise")
    @blp.response(200, {"type": "string"}, content_type="text/csv",
                  description="One claim per row; speakers, sources and quotes joined")
    @blp.doc(operationId="exportClaimsCsv")
    def get(self, filters):
        """Export claims as CSV"""
        records = claims_with_appearances(**filters)
        return Response(stream_with_context(_csv_lines(records)), mimetype="text/csv",
                        headers={"Content-Disposition": "attachment; filename=claims.csv"})
