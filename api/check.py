"""Checking a draft before it runs: its claims, and what the base already knows of them."""

from flask.views import MethodView

from api import schemas
from api.errors import Blueprint
from models.check import check_draft

blp = Blueprint("check", __name__, url_prefix="/api/v1/check",
                description="Check a draft against known claims, storing nothing")


@blp.route("")
class Check(MethodView):
    @blp.arguments(schemas.CheckRequest)
    @blp.response(200, schemas.CheckResult)
    @blp.doc(operationId="checkDraft")
    def post(self, body):
        """Find a draft's claims and the known claims that match them; stores nothing"""
        return {"claims": check_draft(body["text"])}
