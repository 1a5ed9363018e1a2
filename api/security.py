"""Security headers on every response, and CORS only for the origins configured."""

from flask import Flask
from flask_cors import CORS

from api.requestlog import request_path

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

    app.wsgi_app = SecurityHeaders(app.wsgi_app, cross_origin=bool(origins))


class SecurityHeaders:
    """WSGI middleware: the headers every answer carries, by the kind of page (set here, not
    in a Flask hook, they cost a read a twentieth less), and no-store on the API's answers to
    anything but a GET unless the view says otherwise. No view sets the others."""

    def __init__(self, wsgi_app, *, cross_origin: bool):
        self.wsgi_app = wsgi_app
        common = [("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"),
                  ("Cross-Origin-Resource-Policy", "cross-origin" if cross_origin
                   else "same-origin")]
        # A desk form tells the desk which of its pages it was sent from (to return there
        # after signing in again); no address goes to another site.
        self.by_policy = {policy: [*common, ("Content-Security-Policy", policy), (
            "Referrer-Policy", "same-origin" if policy == DESK_POLICY else "no-referrer")]
            for policy in (API_POLICY, DOCS_POLICY, DESK_POLICY)}

    def __call__(self, environ, start_response):
        path = request_path(environ)
        added = self.by_policy[_policy(path)]
        no_store = path.startswith("/api/") and environ.get("REQUEST_METHOD") != "GET"

        def start(status, headers, exc_info=None):
            headers.extend(added)
            if no_store and not any(name.lower() == "cache-control" for name, _ in headers):
                headers.append(("Cache-Control", "no-store"))
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, start)
