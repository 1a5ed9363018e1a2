"""The floor: a bare Flask route answering a fixed claim's JSON, served by gunicorn with the
service's settings, so get_claim_rps has something to be compared with in the same run.
FLOOR_ENCODER=flask (the default) encodes as a bare Flask route does; orjson as the service
does, the best Flask and gunicorn can do with that JSON."""

import json
import os

import orjson
from flask import Flask, Response, jsonify


def create_app() -> Flask:
    app = Flask(__name__)
    with open(os.environ["FLOOR_JSON"], encoding="utf-8") as file:
        claim = json.load(file)
    with_orjson = os.environ.get("FLOOR_ENCODER") == "orjson"

    @app.get("/api/v1/claims/<int:claim_id>")
    def get_claim(claim_id):
        if with_orjson:
            return Response(orjson.dumps(claim), mimetype="application/json")
        return jsonify(claim)

    return app
