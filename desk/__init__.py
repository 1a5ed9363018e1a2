"""The review desk: pages where editors work the contradiction queue, search claims, add
verdicts and ingest articles, served by the API's app under /desk. Every action goes
through the same models/ operations as the API."""

from flask import Flask

from desk import claims, queue, signin, sources  # noqa: F401 - their views join the blueprint
from desk.blueprint import blp


def init_desk(app: Flask) -> None:
    app.register_blueprint(blp)
