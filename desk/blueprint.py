"""The desk's blueprint, and who is at it: an editor signed in with an API key, kept in a
server-side session (models.desksession) whose token the browser holds in an HttpOnly cookie.
Every form carries the session's CSRF token, and a form posted from another site is refused;
a read key looks, a write key acts."""

import hmac
from functools import wraps
from urllib.parse import urlsplit

from flask import Blueprint, abort, g, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from api.errors import status_of
from models.desksession import session_of
from models.errors import DomainError

blp = Blueprint("desk", __name__, url_prefix="/desk", template_folder="templates",
                static_folder="static")

COOKIE = "desk_session"
OPEN_ENDPOINTS = ("desk.sign_in", "desk.static")
TITLE_OF_STATUS = {400: "Not accepted", 404: "Not found", 405: "No such page",
                   409: "Nothing was changed", 412: "Nothing was changed", 413: "Too long",
                   422: "Not accepted", 502: "The page could not be fetched"}


def _cross_site() -> bool:
    """A form posted by another site's page (the browser says so), which no desk page does."""
    if request.headers.get("Sec-Fetch-Site") in ("cross-site", "same-site"):
        return True
    origin = request.headers.get("Origin")
    return bool(origin) and origin != "null" and (
        urlsplit(origin).netloc != urlsplit(request.host_url).netloc)


@blp.before_request
def _signed_in():
    """Refuse forms from other sites; load the editor's session, sending anyone without one to
    sign in; refuse a form without the session's CSRF token."""
    if request.method == "POST" and _cross_site():
        abort(403, "This form was sent from another site; nothing was changed.")
    if request.endpoint in OPEN_ENDPOINTS:
        return None
    token = request.cookies.get(COOKIE)
    g.desk = session_of(token) if token else None
    if g.desk is None:
        # Back to this page after signing in; from a form, to the page it was sent from, and,
        # when a session had ended, told that nothing was done.
        posted = request.method == "POST"
        back = _referring_page() if posted else request.full_path.rstrip("?")
        # A form carries the token of the session it was shown in: that session has ended.
        ended = "form" if posted and request.form.get("csrf_token") else "page" if token else None
        return redirect(url_for("desk.sign_in", next=back, ended=ended))
    g.api_key = g.desk.api_key  # who api.auth.current_actor() names in the audit trail
    if request.method == "POST":
        sent = request.form.get("csrf_token", "")
        if not hmac.compare_digest(sent.encode(), g.desk.csrf_token.encode()):
            abort(400, "This form has expired. Reload the page and try again.")
    return None


def _referring_page() -> str | None:
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc != urlsplit(request.host_url).netloc:
        return None
    return referrer.path + (f"?{referrer.query}" if referrer.query else "")


@blp.after_request
def _not_cached(response):
    """Pages show what a signed-in editor may see: none is kept by the browser's cache."""
    if request.endpoint != "desk.static":
        response.headers["Cache-Control"] = "no-store"
    return response


def can_write() -> bool:
    """Whether the editor's key may act (write or admin scope)."""
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


@blp.context_processor
def _editor():
    desk = g.get("desk")
    return {"editor": desk.api_key if desk else None, "can_write": can_write(),
            "csrf_token": desk.csrf_token if desk else ""}


@blp.errorhandler(HTTPException)
def error_page(error: HTTPException):
    title, message, headers = TITLE_OF_STATUS.get(error.code, error.name), error.description, {}
    if error.code == 405:  # "GET /desk/sign-out": the address of a button, opened as a page
        message = "This address is where a button sends its form; there is no page to open here."
        headers["Allow"] = ", ".join(sorted(error.valid_methods or ()))
    elif error.code == 404 and request.blueprint is None:
        message = "There is no desk page at this address."
    editor = {}
    if request.blueprint is None:  # no desk view matched: the session is read for the header
        token = request.cookies.get(COOKIE)
        g.desk = session_of(token) if token else None
        editor = _editor()
        headers["Cache-Control"] = "no-store"  # as _not_cached gives the desk's own pages
    page = render_template("message.html", title=title, message=message, **editor)
    return page, error.code, headers


@blp.errorhandler(DomainError)
def _domain_error(error: DomainError):
    status = status_of(error)
    return render_template("message.html", title=TITLE_OF_STATUS.get(status, "Not accepted"),
                           message=error.detail), status
