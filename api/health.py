"""Liveness: the service answers, its database answers, and what it holds."""

from flask.views import MethodView
from flask_smorest import Blueprint

from api import schemas
from models import queries

blp = Blueprint("health", __name__, url_prefix="/api/v1/health", description="Liveness")


@blp.route("")
class Health(MethodView):
    @blp.response(200, schemas.Health)
    @blp.doc(operationId="getHealth")
    def get(self):
        """Liveness, the database kind, and row counts"""
        return queries.health()
