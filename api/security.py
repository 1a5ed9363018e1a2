"""Security headers on every response, and CORS only for the origins configured."""

from flask import Flask, request
from flask_cors import CORS

API_POLICY = "default-src 'none'; frame-ancestors 'none'"
# The offline docs page runs Swagger UI's own scripts and its inline start-up script.
DOCS_POLICY = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
               "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
# The desk's pages: its own stylesheet and script, forms posted only to itself.
DESK_POLICY = ("default-src 'self'; form-action 'self'; base-uri 'none'; "
               "frame-ancestors 'none'")


def _policy(path: str) -> str:
    if path.startswith("/docs"):
        return DOCS_POLICY
    return DESK_POLICY if path.startswith("/desk") else API_POLICY


def init_security(app: Flask) -> None:
    origins = app.config["CORS_ORIGINS"]
    if origins:
        CORS(app, resources={r"/api/*": {"origins": origins}},
             expose_headers=["ETag", "Location", "X-Request-ID", "Retry-After"])

    # Every response's, by the kind of page; none is set by a view (extend, unlike setdefault,
    # does not look for them first: a tenth of a small read's time).
    common = [("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"),
              ("Cross-Origin-Resource-Policy", "cross-origin" if origins else "same-origin")]
    # A desk form tells the desk which of its pages it was sent from (to return there after
    # signing in again); no address goes to another site.
    by_policy = {policy: [*common, ("Content-Security-Policy", policy), (
        "Referrer-Policy", "same-origin" if policy == DESK_POLICY else "no-referrer")]
        for policy in (API_POLICY, DOCS_POLICY, DESK_POLICY)}

    @app.after_request
    def _headers(response):
        headers = response.headers
        headers.extend(by_policy[_policy(request.path)])
        if request.path.startswith("/api/") and request.method != "GET":
            headers.setdefault("Cache-Control", "no-store")
        return response
