"""First contact: `/` is a small page for a person with a browser, `/api/v1` a list of the
resources for a program."""

from flask import Flask, Response
from flask.views import MethodView
from flask_smorest import Blueprint

from api import schemas

blp = Blueprint("index", __name__, url_prefix="/api/v1", description="What the API holds")

RESOURCES = (  # name, where, what
    ("claims", "claims", "Claims, where they appeared, in which words, and who said them"),
    ("contradictions", "contradictions",
     "Pairs of claims that contradict each other, suggested or reviewed"),
    ("same-claims", "same-claims", "Pairs of claims that say one thing in other words"),
    ("speakers", "speakers", "People and bodies claims are attributed to"),
    ("sources", "sources", "The articles claims were found in; POST one to ingest it"),
    ("check", "check", "POST a draft: its claims, the known ones they repeat or contradict"),
    ("export", "export/claims.ndjson", "Every claim matching the filters, one JSON a line"),
    ("claimreview", "export/claimreview.jsonl", "Every verdict as schema.org ClaimReview"),
    ("import", "import/claimreview", "POST other fact-checkers' ClaimReviews"),
    ("webhooks", "webhooks", "Signed event deliveries (admin scope)"),
    ("health", "health", "Liveness and row counts"),
)

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Claim tracker</title></head>
<body>
<h1>Claim tracker</h1>
<p>Claims found in news articles: who said what, where, in which exact words, and which
claims contradict them, served as JSON.</p>
<ul>
<li><a href="/desk/">The review desk</a>: the queue of flagged contradictions, claims,
verdicts</li>
<li><a href="/docs">API documentation</a> (try the routes in the browser)</li>
<li><a href="/openapi.json">OpenAPI specification</a></li>
<li><a href="/api/v1">The API's resources</a></li>
</ul>
</body></html>
"""


@blp.route("")
class Index(MethodView):
    @blp.response(200, schemas.ApiIndex)
    @blp.doc(operationId="getApiIndex")
    def get(self):
        """The resources of the API, with where the docs and the spec are"""
        return {"name": "Claim tracker API", "version": "v1", "docs": "/docs",
                "openapi": "/openapi.json",
                "resources": [{"name": name, "href": f"/api/v1/{where}", "about": about}
                              for name, where, about in RESOURCES]}


def init_home(app: Flask) -> None:
    """The page at `/`, outside the API (and its spec)."""
    @app.get("/")
    def home():
        return Response(_PAGE, mimetype="text/html")
