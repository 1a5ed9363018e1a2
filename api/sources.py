"""Sources: the articles, and ingesting a new one."""

from flask import current_app
from flask.views import MethodView
from marshmallow import RAISE

from api import schemas
from api.auth import current_actor, require
from api.errors import Blueprint
from api.pagination import paginate
from api.plain_dump import plain_dumper
from models import queries
from models.ingest import ingest

blp = Blueprint("sources", __name__, url_prefix="/api/v1/sources",
                description="Articles and the claims found in them")
# An ingest answers every link it made, each with both claims: dumped without marshmallow's
# per-field cost (1.4 ms of an article with forty links).
DUMP_INGESTED = plain_dumper(schemas.IngestResult)


def fetch_options() -> dict:
    """How pages are fetched, from the app's settings."""
    config = current_app.config
    return {"timeout": config["FETCH_TIMEOUT_SECONDS"], "max_bytes": config["FETCH_MAX_BYTES"],
            "allow_private": config["FETCH_ALLOW_PRIVATE"]}


@blp.route("")
class Sources(MethodView):
    @blp.arguments(schemas.SourceListArgs, location="query", unknown=RAISE)
    @blp.response(200, schemas.SourcePage)
    @blp.doc(operationId="listSources")
    def get(self, args):
        """List sources, newest first"""
        return paginate(queries.sources_query, args, queries.source_records)

    @require("write")
    @blp.arguments(schemas.SourceCreate)
    @blp.response(201, schemas.IngestResult)
    @blp.alt_response(200, schema=schemas.IngestResult,
                      description="The article was already stored; nothing was created")
    @blp.doc(operationId="ingestSource")
    def post(self, body):
        """Ingest an article, given its text or a url to fetch it from"""
        result = ingest(body, actor=current_actor(), fetch_options=fetch_options())
        contradictions = [link for link in result.links if link.relation == "contradicts"]
        record = {"created": result.created, "source": queries.source_detail(result.source.id),
                  "links": queries.row_records(result.links),
                  "contradictions": queries.pair_records(contradictions)}
        return current_app.json.response(DUMP_INGESTED(record)), (
            201 if result.created else 200), {"Location": f"/api/v1/sources/{result.source.id}"}


@blp.route("/<id:source_id>")
class SourceItem(MethodView):
    @blp.response(200, schemas.SourceDetail)
    @blp.doc(operationId="getSource")
    def get(self, source_id):
        """A source with its text and the claims found in it"""
        return queries.source_detail(source_id)
