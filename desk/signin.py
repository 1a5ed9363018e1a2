"""Signing in with an API key, and out."""

from flask import g, redirect, render_template, request, url_for

from desk.blueprint import COOKIE, blp
from models.desksession import LIFETIME, close_session, open_session


def _safe_next(target: str | None) -> str:
    """Where to go after signing in: a desk page, never another site."""
    if target and target.startswith("/desk/") and not target.startswith("//"):
        return target
    return url_for("desk.queue")


@blp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    if request.method == "GET":
        return render_template("sign_in.html", next=request.args.get("next", ""))
    opened = open_session(request.form.get("key", ""))
    if opened is None:
        return render_template("sign_in.html", next=request.form.get("next", ""),
                               error="That key is unknown or has been revoked."), 401
    _, token = opened
    response = redirect(_safe_next(request.form.get("next")), 303)
    response.set_cookie(COOKIE, token, max_age=int(LIFETIME.total_seconds()), path="/desk",
                        httponly=True, samesite="Strict", secure=request.is_secure)
    return response


@blp.route("/sign-out", methods=["POST"])
def sign_out():
    close_session(request.cookies[COOKIE])
    g.desk = None
    response = redirect(url_for("desk.sign_in"), 303)
    response.delete_cookie(COOKIE, path="/desk")
    return response
