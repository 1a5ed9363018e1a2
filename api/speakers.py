"""Speakers: who makes claims, with their claims and self-contradictions."""

from flask import current_app
from flask.views import MethodView
from marshmallow import RAISE

from api import schemas
from api.errors import Blueprint
from api.pagination import paginate
from api.plain_dump import plain_dumper
from models import queries

DUMP_DETAIL = plain_dumper(schemas.SpeakerDetail)

blp = Blueprint("speakers", __name__, url_prefix="/api/v1/speakers",
                description="People, organisations, countries and groups that make claims")


@blp.route("")
class Speakers(MethodView):
    @blp.arguments(schemas.SpeakerListArgs, location="query", unknown=RAISE)
    @blp.response(200, schemas.SpeakerPage)
    @blp.doc(operationId="listSpeakers")
    def get(self, args):
        """List speakers by name"""
        return paginate(queries.speakers_query, args, queries.speaker_records)


@blp.route("/<id:speaker_id>")
class SpeakerItem(MethodView):
    @blp.response(200, schemas.SpeakerDetail)
    @blp.doc(operationId="getSpeaker")
    def get(self, speaker_id):
        """A speaker, their latest 100 claims (newest first) and their self-contradictions"""
        # Up to 200 nested records: dumped without marshmallow's per-field cost.
        return current_app.json.response(DUMP_DETAIL(queries.speaker_detail(speaker_id)))
