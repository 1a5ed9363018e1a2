"""Same-claim pairs: two stored claims detection found to say one thing in other words, and
their review."""

from flask.views import MethodView
from marshmallow import RAISE

from api import schemas
from api.auth import current_actor, require
from api.errors import Blueprint
from api.pagination import paginate
from models import queries
from models.link import review_same_claim

blp = Blueprint("same_claims", __name__, url_prefix="/api/v1/same-claims",
                description="Pairs of claims that say one thing in other words")


@blp.route("")
class SameClaims(MethodView):
    @blp.arguments(schemas.SameClaimListArgs, location="query", unknown=RAISE)
    @blp.response(200, schemas.SameClaimPage)
    @blp.doc(operationId="listSameClaims")
    def get(self, args):
        """List same-claim pairs, most alike first"""
        return paginate(queries.same_claims_query, args, queries.pair_records)


@blp.route("/<id:pair_id>")
class SameClaimItem(MethodView):
    @blp.response(200, schemas.SameClaim)
    @blp.doc(operationId="getSameClaim")
    def get(self, pair_id):
        """One same-claim pair with both claims"""
        return queries.pair_records([queries.get_pair(pair_id, "same_claim")])[0]

    @require("write")
    @blp.arguments(schemas.ContradictionReview)
    @blp.response(200, schemas.SameClaim)
    @blp.doc(operationId="reviewSameClaim")
    def patch(self, body, pair_id):
        """Confirm or reject a same-claim pair (a rejected pair is never suggested again)"""
        link = review_same_claim(pair_id, body["state"], actor=current_actor(),
                                 reason=body.get("reason"))
        return queries.pair_records([link])[0]
