"""Claims: search and list them, read one whole, create, edit, and see their history."""

import re
from functools import partial

from flask import current_app, request
from flask.views import MethodView
from flask_smorest import abort
from marshmallow import RAISE

from api import schemas
from api.auth import current_actor, require
from api.errors import Blueprint
from api.pagination import paginate
from api.plain_dump import plain_dumper
from models import queries
from models.claim import create_claim, edit_claim, get_claim
from models.link import flag_contradiction
from models.review import add_review

blp = Blueprint("claims", __name__, url_prefix="/api/v1/claims",
                description="Claims: propositions, where they were made, and their status")

# The list every newsroom tool pages through, up to 100 claims with their speakers: dumped
# without marshmallow's per-field cost.
DUMP_PAGE = plain_dumper(schemas.ClaimPage)
_ETAG = re.compile(r'^"claim-(\d+)-v(\d+)"$')  # strong only: RFC 9110 If-Match


def etag(claim_id: int, version: int) -> str:
    return f'"claim-{claim_id}-v{version}"'


def expected_version(claim_id: int, if_match: str | None, current: int) -> int | None:
    """The version the client last saw, from If-Match: the current one when the header lists
    it among others (RFC 9110 allows a list); None for '*'."""
    if not if_match:
        abort(428, message="Send If-Match with the ETag of GET /api/v1/claims/"
                           f"{claim_id} (or '*' to overwrite whatever is there).")
    if if_match.strip() == "*":
        return None
    versions = []
    for tag in if_match.split(","):
        match = _ETAG.match(tag.strip())
        if match is None or int(match.group(1)) != claim_id:
            abort(412, message=f"If-Match {tag.strip()!r} is not an ETag of claim {claim_id}.")
        versions.append(int(match.group(2)))
    # Any other is stale: the edit's own check of the version answers it as 412.
    return current if current in versions else versions[0]


def _with_etag(record: dict):
    return record, 200, {"ETag": etag(record["id"], record["version"])}


@blp.route("")
class Claims(MethodView):
    @blp.arguments(schemas.ClaimListArgs, location="query", unknown=RAISE)
    @blp.response(200, schemas.ClaimPage)
    @blp.doc(operationId="listClaims")
    def get(self, args):
        """List and search claims"""
        return current_app.json.response(DUMP_PAGE(
            paginate(queries.claims_query, args, queries.claim_summaries)))

    @require("write")
    @blp.arguments(schemas.ClaimCreate)
    @blp.response(201, schemas.ClaimDetail)
    @blp.doc(operationId="createClaim")
    def post(self, body):
        """Create a claim by hand"""
        claim = create_claim(actor=current_actor(), **body)
        record = queries.claim_detail(claim.id)
        return record, 201, {"ETag": etag(claim.id, claim.version),
                             "Location": f"/api/v1/claims/{claim.id}"}


@blp.route("/<id:claim_id>")
class ClaimItem(MethodView):
    @blp.response(200, schemas.ClaimDetail, headers={"ETag": {"schema": {"type": "string"}}})
    @blp.doc(operationId="getClaim")
    def get(self, claim_id):
        """A claim with its appearances, speakers, links and reviews"""
        record = queries.claim_detail(claim_id)
        # The most read response: claim_detail() builds it as the schema dumps it, field for
        # field (a test holds it so), and orjson writes its days and moments in ISO 8601.
        return current_app.json.response(record), 200, {
            "ETag": etag(record["id"], record["version"])}

    @require("write")
    @blp.arguments(schemas.ClaimPatch)
    @blp.response(200, schemas.ClaimDetail)
    @blp.doc(parameters=[{"in": "header", "name": "If-Match", "required": True,
                          "schema": {"type": "string"},
                          "description": "The ETag from GET (or a list of ETags, one of "
                                         "them current), or '*'"}])
    @blp.refusal(412, "The claim changed since that ETag")
    @blp.refusal(428, "If-Match is missing")
    @blp.doc(operationId="updateClaim")
    def patch(self, body, claim_id):
        """Edit a claim's text, status or review state (needs If-Match)"""
        current = get_claim(claim_id).version
        version = expected_version(claim_id, request.headers.get("If-Match"), current)
        reason = body.pop("reason", None)
        edit_claim(claim_id, body, actor=current_actor(), reason=reason,
                   expected_version=version)
        return _with_etag(queries.claim_detail(claim_id))


@blp.route("/<id:claim_id>/history")
class ClaimHistory(MethodView):
    @blp.arguments(schemas.PageArgs, location="query", unknown=RAISE)
    @blp.response(200, schemas.StatusChangePage)
    @blp.doc(operationId="getClaimHistory")
    def get(self, args, claim_id):
        """The audit trail of a claim, oldest first"""
        return paginate(partial(queries.history_of, claim_id), args,
                        queries.row_records)


@blp.route("/<id:claim_id>/contradictions")
class ClaimContradictions(MethodView):
    @blp.arguments(schemas.ContradictionListArgs, location="query", unknown=RAISE)
    @blp.response(200, schemas.ContradictionPage)
    @blp.doc(operationId="listClaimContradictions")
    def get(self, args, claim_id):
        """The claims that contradict this one, with explanations"""
        get_claim(claim_id)
        return paginate(partial(queries.contradictions_query, claim=claim_id), args,
                        queries.pair_records)

    @require("write")
    @blp.arguments(schemas.ContradictionFlag)
    @blp.response(201, schemas.Contradiction)
    @blp.doc(operationId="flagContradiction")
    def post(self, body, claim_id):
        """Flag by hand that another claim contradicts this one"""
        link = flag_contradiction(claim_id, body["claim_id"], explanation=body.get("explanation"),
                                  state=body["state"], actor=current_actor())
        return queries.pair_records([link])[0], 201, {
            "Location": f"/api/v1/contradictions/{link.id}"}


@blp.route("/<id:claim_id>/reviews")
class ClaimReviews(MethodView):
    @require("write")
    @blp.arguments(schemas.ReviewCreate)
    @blp.response(201, schemas.Review)
    @blp.doc(operationId="createReview")
    def post(self, body, claim_id):
        """Add a fact-check verdict; the latest verdict sets the claim's status"""
        review = add_review(claim_id, body, actor=current_actor(),
                            needs_url=not current_app.config["PUBLIC_BASE_URL"])
        return queries.row_records([review])[0]

