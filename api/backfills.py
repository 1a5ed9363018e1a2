"""Backfills: a newsroom's archive sent in bulk, ingested by `claimtracker worker --backfill`
processes on any number of hosts, and watched while it runs."""

from flask import current_app
from flask.views import MethodView

from api import schemas
from api.auth import current_actor, require
from api.errors import Blueprint
from api.pagination import paginate
from models import queries
from models.backfill import create_backfill, delete_backfill, get_backfill, progress
from models.errors import Unavailable
from models.jobs import configured, enqueue, retry

blp = Blueprint("backfills", __name__, url_prefix="/api/v1/backfills",
                description="Archives ingested in bulk by workers through a job queue")


def stored_form(article: dict) -> dict:
    """An article as a backfill keeps it: JSON, its date in ISO form."""
    return {k: v.isoformat() if k == "published" else v for k, v in article.items()}


@blp.route("")
class Backfills(MethodView):
    @require("write")
    @blp.arguments(schemas.BackfillCreate)
    @blp.response(202, schemas.Backfill)
    @blp.refusal(503, "No job queue is set (BROKER_URL) or it cannot be reached; nothing is "
                      "kept")
    @blp.doc(operationId="createBackfill")
    def post(self, body):
        """Queue articles for the backfill workers; the answer says where to watch them

        Each article is ingested as POST /sources would, once: an article whose URL or text
        is stored already counts as a duplicate. Without a job queue (BROKER_URL) the answer
        is 503 and nothing is kept."""
        config = current_app.config
        configured(config["BROKER_URL"])
        backfill, items = create_backfill(current_actor(),
                                          [stored_form(a) for a in body["articles"]])
        try:
            enqueue(config["BROKER_URL"], config["BACKFILL_QUEUE"], items)
        except Unavailable:
            delete_backfill(backfill.id)  # nothing kept: the client sends it again
            raise
        return progress(get_backfill(backfill.id)), 202, {
            "Location": f"/api/v1/backfills/{backfill.id}"}


@blp.route("/<id:backfill_id>")
class BackfillItem(MethodView):
    @blp.response(200, schemas.Backfill)
    @blp.doc(operationId="getBackfill")
    def get(self, backfill_id):
        """Where a backfill stands: queued, done, failed, its rate and the time left"""
        return progress(get_backfill(backfill_id))


@blp.route("/<id:backfill_id>/failures")
class BackfillFailures(MethodView):
    @blp.arguments(schemas.PageArgs, location="query", unknown="raise")
    @blp.response(200, schemas.BackfillFailurePage)
    @blp.doc(operationId="listBackfillFailures")
    def get(self, args, backfill_id):
        """The articles of a backfill that failed, each with its reason"""
        return paginate(lambda: queries.failures_query(backfill_id), args,
                        queries.failure_records)


@blp.route("/<id:backfill_id>/retry")
class BackfillRetry(MethodView):
    @require("write")
    @blp.response(202, schemas.Backfill)
    @blp.refusal(503, "No job queue is set (BROKER_URL) or it cannot be reached")
    @blp.doc(operationId="retryBackfill")
    def post(self, backfill_id):
        """Queue a backfill's failed articles again, and send its queued ones to the workers
        again (after the job queue lost them); an article is never stored twice"""
        config = current_app.config
        retry(config["BROKER_URL"], config["BACKFILL_QUEUE"], backfill_id)
        return progress(get_backfill(backfill_id)), 202
