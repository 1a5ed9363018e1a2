"""The HTTP API: create_app() builds the Flask app; gunicorn serves `api:create_app()`."""

import peewee
from flask import Flask, request
from flask_swagger_ui import get_swaggerui_blueprint
from werkzeug.routing import IntegerConverter

from analysis.nlp import use_model
from api import (
    backfills,
    check,
    claimreview,
    claims,
    contradictions,
    export,
    health,
    home,
    same_claims,
    sources,
    speakers,
    webhooks,
)
from api.auth import check_key, document_access
from api.config import Config
from api.errors import ProblemApi
from api.json import OrjsonProvider
from api.ratelimit import init_rate_limits
from api.requestlog import RequestLog, configure_logging
from api.schemas import MAX_ID, WebhookEvent
from api.security import init_security
from desk import init_desk
from models.db import bind, database, drop_idle_connections, is_postgres, lost_connection


class App(Flask):
    """Flask, with a read that lost its database connection (a restart) run once more on a
    fresh one; a write is not repeated, and answers 503 (api.errors.handle_unexpected)."""

    SAFE_METHODS = ("GET", "HEAD")

    def ensure_sync(self, func):
        """Each view and hook as it is: none is a coroutine (a test holds it so), and Flask's
        look for one cost every request eleven inspections, a thirtieth of a read."""
        return func

    def dispatch_request(self):
        try:
            return super().dispatch_request()
        except (peewee.OperationalError, peewee.InterfaceError) as error:
            if not (lost_connection(error) and request.method in self.SAFE_METHODS):
                raise
        database.close()
        drop_idle_connections()
        database.connect()
        return super().dispatch_request()


class IdConverter(IntegerConverter):
    """A row id in a URL: a positive integer a database can hold (anything else is a 404)."""

    def __init__(self, map, *args, **kwargs):
        super().__init__(map, min=1, max=MAX_ID)


def _finish_spec(spec, reads_need_key: bool) -> None:
    """What the routes' documents leave to say: who may call each, and no page schema of
    flask-smorest's (pages are ours)."""
    document_access(spec._paths, reads_need_key)
    del spec.components.schemas["PaginationMetadata"]


def create_app(config: Config | None = None) -> Flask:
    config = config or Config()
    app = App(__name__)
    app.config.from_object(config)
    app.json = OrjsonProvider(app)
    configure_logging(app.config["LOG_LEVEL"])
    bind(app.config["DATABASE_URL"])
    use_model(app.config["SPACY_MODEL"])
    init_security(app)
    init_rate_limits(app)
    app.url_map.converters["id"] = IdConverter

    api = ProblemApi(app, spec_kwargs={
        "info": {"description": "Claims, who made them, where, in which words, and which "
                                "claims contradict them. Every error is problem+json, but "
                                "for what the HTTP server refuses before the API sees it, "
                                "with an HTML page: a request line or a header over 8,190 "
                                "bytes (400 or 414), and a request line that is not HTTP, "
                                "such as raw bytes outside ASCII in the URL (400).",
                 "license": {"name": "No licence granted yet: all rights reserved",
                             "url": "https://choosealicense.com/no-permission/"},
                 "contact": {"name": "The claim tracker team"}},
        "servers": [{"url": "/", "description": "The server that serves this spec"}],
    }, finish=lambda spec: _finish_spec(spec, app.config["READS_NEED_KEY"]))
    api.spec.components.security_scheme(
        "bearerAuth", {"type": "http", "scheme": "bearer",
                       "description": "An API key from `claimtracker keys create`"})
    api.spec.components.schema("WebhookEvent", schema=WebhookEvent)
    api.register_converter(IdConverter, lambda converter: {"type": "integer", "minimum": 1})
    for module in (home, health, claims, contradictions, same_claims, speakers, sources, check,
                   export, webhooks, claimreview, backfills):
        api.register_blueprint(module.blp)
    home.init_home(app)
    init_desk(app)
    app.register_blueprint(get_swaggerui_blueprint(
        "/docs", "/openapi.json", config={"app_name": "Claim tracker API"}))

    @app.before_request
    def _open_connection():
        if database.is_closed():
            database.connect()
        if app.config["READS_NEED_KEY"]:
            is_read = request.method in ("GET", "HEAD") or request.path == "/api/v1/check"
            if is_read and request.path.startswith("/api/v1/") \
                    and request.path != "/api/v1/health":
                check_key("read")

    @app.teardown_request
    def _close_connection(exc):
        # A PostgreSQL connection goes back to the pool; a SQLite one stays open for the
        # thread's next request, since opening it again costs more than most reads.
        if is_postgres() and not database.is_closed():
            database.close()

    from api.cli import register_commands

    register_commands(app)
    app.wsgi_app = RequestLog(app.wsgi_app)  # outermost: its duration is the whole request's
    return app
