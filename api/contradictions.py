"""Contradictions: the links between claims that cannot both be true, and their review."""

from flask import current_app
from flask.views import MethodView
from marshmallow import RAISE

from api import schemas
from api.auth import current_actor, require
from api.errors import Blueprint
from api.pagination import paginate
from api.plain_dump import plain_dumper
from models import queries
from models.link import review_contradiction

blp = Blueprint("contradictions", __name__, url_prefix="/api/v1/contradictions",
                description="Pairs of claims that contradict each other")

# The desk's queue and every tool's list of flags, each pair with both claims: dumped without
# marshmallow's per-field cost.
DUMP_PAGE = plain_dumper(schemas.ContradictionPage)


@blp.route("")
class Contradictions(MethodView):
    @blp.arguments(schemas.ContradictionListArgs, location="query", unknown=RAISE)
    @blp.response(200, schemas.ContradictionPage)
    @blp.doc(operationId="listContradictions")
    def get(self, args):
        """List contradictions, strongest first"""
        return current_app.json.response(DUMP_PAGE(
            paginate(queries.contradictions_query, args, queries.pair_records)))


@blp.route("/<id:link_id>")
class ContradictionItem(MethodView):
    @blp.response(200, schemas.Contradiction)
    @blp.doc(operationId="getContradiction")
    def get(self, link_id):
        """One contradiction with both claims"""
        return queries.pair_records([queries.get_pair(link_id, "contradicts")])[0]

    @require("write")
    @blp.arguments(schemas.ContradictionReview)
    @blp.response(200, schemas.Contradiction)
    @blp.doc(operationId="reviewContradiction")
    def patch(self, body, link_id):
        """Confirm or reject a contradiction"""
        link = review_contradiction(link_id, body["state"], actor=current_actor(),
                                    reason=body.get("reason"))
        return queries.pair_records([link])[0]
