"""The review desk: pages where editors work the contradiction queue, search claims, add
verdicts and ingest articles, served by the API's app under /desk. Every action goes
through the same models/ operations as the API."""

from flask import Flask

from api.errors import answer_errors_under
from desk import claims, queue, signin, sources  # noqa: F401 - their views join the blueprint
from desk.blueprint import blp, error_page


def init_desk(app: Flask) -> None:
    app.register_blueprint(blp)
    # "/desk/claims/abc" or "/desk/nope" matches no desk view: still a desk page that says so.
    answer_errors_under(app, f"{blp.url_prefix}/", error_page)
