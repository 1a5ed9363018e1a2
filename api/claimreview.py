"""schema.org ClaimReview: one claim's verdict as JSON-LD, every verdict as a JSON Lines feed,
and the import of other fact-checkers' ClaimReviews."""

import json

from flask import Response, current_app, stream_with_context
from flask.views import MethodView

from api.auth import current_actor, require
from api.errors import Blueprint
from api.schemas.claimreview import IMPORT_BODY, ClaimReview, ClaimReviewImport, ImportResult
from api.schemas.common import lines_of
from models.claimreview import Publishing, all_claim_reviews, claim_review_of, import_claim_reviews

LD_JSON = "application/ld+json"
NDJSON = "application/x-ndjson"

blp = Blueprint("claimreview", __name__, url_prefix="/api/v1",
                description="schema.org ClaimReview: verdicts as JSON-LD, out and in")


def _publishing() -> Publishing:
    config = current_app.config
    return Publishing(config["PUBLISHER_NAME"], config["PUBLISHER_URL"],
                      config["PUBLIC_BASE_URL"])


CLAIM_REVIEW = ClaimReview()


@blp.route("/claims/<id:claim_id>/claimreview")
class ClaimReviewItem(MethodView):
    @blp.response(200, ClaimReview, content_type=LD_JSON)
    @blp.refusal(404, "No such claim, or the claim has no review yet")
    @blp.refusal(409, "No PUBLISHER_NAME set, or a review with no url and no PUBLIC_BASE_URL")
    @blp.doc(operationId="getClaimReview")
    def get(self, claim_id):
        """The claim's latest review as schema.org ClaimReview JSON-LD"""
        record = claim_review_of(claim_id, _publishing())
        return Response(json.dumps(CLAIM_REVIEW.dump(record), ensure_ascii=False),
                        mimetype=LD_JSON)


@blp.route("/export/claimreview.jsonl")
class ClaimReviewExport(MethodView):
    @blp.response(200, lines_of("ClaimReview"), content_type=NDJSON,
                  description="One ClaimReview per line, by claim id")
    @blp.refusal(409, "No PUBLISHER_NAME set")
    @blp.doc(operationId="exportClaimReviews")
    def get(self):
        """Every reviewed claim's ClaimReview, one JSON object per line, streamed"""
        publishing = _publishing()  # refused before the stream starts when not configured

        def lines():
            for record in all_claim_reviews(publishing):
                yield json.dumps(record, ensure_ascii=False) + "\n"

        return Response(stream_with_context(lines()), mimetype=NDJSON)


@blp.route("/import/claimreview")
class ClaimReviewImporter(MethodView):
    @require("write")
    @blp.arguments(ClaimReviewImport)
    @blp.doc(requestBody={"content": {"application/json": {"schema": IMPORT_BODY}}})
    @blp.response(201, ImportResult)
    @blp.doc(operationId="importClaimReviews")
    def post(self, body):
        """Import other fact-checkers' ClaimReviews as reviews, all or nothing"""
        return import_claim_reviews(body["items"], actor=current_actor()), 201
