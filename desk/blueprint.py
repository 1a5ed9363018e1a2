"""The desk's blueprint, and who is at it: an editor signed in with an API key, kept in a
server-side session (models.desksession) whose token the browser holds in an HttpOnly cookie.
Every form carries the session's CSRF token; a read key looks, a write key acts."""

import hmac
from functools import wraps

from flask import Blueprint, abort, g, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from api.errors import STATUS_OF_DOMAIN_ERROR
from models.desksession import session_of
from models.errors import DomainError

blp = Blueprint("desk", __name__, url_prefix="/desk", template_folder="templates",
                static_folder="static")

COOKIE = "desk_session"
OPEN_ENDPOINTS = ("desk.sign_in", "desk.static")


@blp.before_request
def _signed_in():
    """Load the editor's session; send anyone without one to the sign-in page, and refuse a
    form without the session's CSRF token."""
    token = request.cookies.get(COOKIE)
    g.desk = session_of(token) if token else None
    if request.endpoint in OPEN_ENDPOINTS:
        return None
    if g.desk is None:
        return redirect(url_for("desk.sign_in", next=request.full_path.rstrip("?")))
    if request.method == "POST":
        sent = request.form.get("csrf_token", "")
        if not hmac.compare_digest(sent.encode(), g.desk.csrf_token.encode()):
            abort(400, "This form has expired. Reload the page and try again.")
    return None


def actor() -> str:
    """Who the audit trail names, as the API names a key's caller."""
    return f"key:{g.desk.api_key.name}"


def can_write() -> bool:
    desk = g.get("desk")
    return desk is not None and desk.api_key.allows("write")


def needs_write(view):
    """A view that acts: refused, with the reason, to an editor signed in with a read key."""
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not can_write():
            return render_template("message.html", title="Read-only key", message=(
                f"You are signed in with the read key {g.desk.api_key.name!r}: you can look, "
                "but not change anything. Sign in with a write key to act.")), 403
        return view(*args, **kwargs)

    return wrapper


@blp.app_template_global()
def csrf_token() -> str:
    return g.desk.csrf_token if g.get("desk") else ""


@blp.app_template_global()
def first_page() -> str:
    """This list again from its first page, with the same filters."""
    args = {k: v for k, v in request.args.items() if k not in ("page", "cursor", "done", "state")}
    return url_for(request.endpoint, **(request.view_args or {}), **args)


@blp.app_context_processor
def _editor():
    return {"editor": g.get("desk") and g.desk.api_key, "can_write": can_write()}


@blp.errorhandler(HTTPException)
def _http_error(error: HTTPException):
    return render_template("message.html", title=error.name,
                           message=error.description), error.code


@blp.errorhandler(DomainError)
def _domain_error(error: DomainError):
    status = next(s for cls, s in STATUS_OF_DOMAIN_ERROR.items() if isinstance(error, cls))
    return render_template("message.html", title="Nothing was changed" if status == 409
                           else "Not found" if status == 404 else "Not accepted",
                           message=error.detail), status
