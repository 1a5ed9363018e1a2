"""Signing in with an API key, and out."""

import re

from flask import current_app, redirect, render_template, request, url_for

from desk.blueprint import COOKIE, blp
from models.desksession import LIFETIME, close_session, open_session

# A desk page to return to: a path under /desk/ with a plain query, nothing that could lead
# to another site or break a header.
_DESK_PAGE = re.compile(r"/desk/[\w\-./]*(\?[\w\-.~%=&+,:/!*'();@$]*)?")


def _safe_next(target: str | None) -> str:
    """Where to go after signing in: the desk page asked for, else the queue."""
    if target and _DESK_PAGE.fullmatch(target) and "//" not in target.partition("?")[0]:
        return target
    return url_for("desk.queue")


_ENDED = {"page": "Your session has ended. Sign in to go on where you were.",
          "form": "Your session had ended, so nothing was changed. Sign in, then do it again."}


@blp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    """Sign in with a key: a new session, any session this browser had ending."""
    if request.method == "GET":
        notice = _ENDED.get(request.args.get("ended", ""))
        return render_template("sign_in.html", next=request.args.get("next", ""), notice=notice)
    opened = open_session(request.form.get("key", ""))
    if opened is None:
        return render_template("sign_in.html", next=request.form.get("next", ""),
                               error="That key is unknown or has been revoked."), 401
    if request.cookies.get(COOKIE):
        close_session(request.cookies[COOKIE])
    response = redirect(_safe_next(request.form.get("next")), 303)
    response.set_cookie(COOKIE, opened, max_age=int(LIFETIME.total_seconds()), path="/desk",
                        httponly=True, samesite="Lax",
                        secure=request.is_secure or current_app.config["DESK_SECURE_COOKIE"])
    return response


@blp.route("/sign-out", methods=["POST"])
def sign_out():
    """End the session on the server and forget its cookie."""
    close_session(request.cookies[COOKIE])
    response = redirect(url_for("desk.sign_in"), 303)
    response.delete_cookie(COOKIE, path="/desk")
    return response
