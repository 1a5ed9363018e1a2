"""Bearer API keys: who is calling, and whether their scope allows it."""

from functools import wraps

from flask import g, request
from flask_smorest import abort

from models.apikey import authenticate

SECURITY = [{"bearerAuth": []}]


def current_actor() -> str:
    """The name audit rows record for this request."""
    key = g.get("api_key")
    return f"key:{key.name}" if key is not None else "anonymous"


def check_key(scope: str) -> None:
    """Abort with 401 or 403 unless the request carries a live key with at least `scope`."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if not header:
        abort(401, message=f"This needs an API key with the {scope!r} scope: "
                           "send 'Authorization: Bearer <key>'.",
              headers={"WWW-Authenticate": 'Bearer realm="claimtracker"'})
    key = authenticate(token.strip()) if scheme.lower() == "bearer" else None
    if key is None:
        abort(401, message="The API key is unknown or revoked.",
              headers={"WWW-Authenticate": 'Bearer realm="claimtracker", error="invalid_token"'})
    if not key.allows(scope):
        abort(403, message=f"This key has the {key.scope!r} scope; this needs {scope!r}.")
    g.api_key = key


def require(scope: str):
    """Decorate a view so it needs a key with at least `scope`; documented in the spec."""

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            check_key(scope)
            return view(*args, **kwargs)

        apidoc = dict(getattr(view, "_apidoc", {}))
        manual = dict(apidoc.get("manual_doc", {}))
        manual["security"] = SECURITY
        apidoc["manual_doc"] = manual
        wrapper._apidoc = apidoc
        return wrapper

    return decorator
