"""Bearer API keys: who is calling, and whether their scope allows it."""

from functools import wraps

from flask import g, request
from flask_smorest import abort

from models.apikey import authenticate

SECURITY = [{"bearerAuth": []}]
# A refusal as the spec documents it: problem+json.
REFUSED = {"$ref": "#/components/responses/DEFAULT_ERROR"}


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
        manual["responses"] = {**manual.get("responses", {}), "401": REFUSED, "403": REFUSED}
        apidoc["manual_doc"] = manual
        wrapper._apidoc = apidoc
        return wrapper

    return decorator


# Open to anyone whatever READS_NEED_KEY says: the API's index and its liveness.
ALWAYS_OPEN = ("/api/v1", "/api/v1/health")


def document_access(spec: dict, reads_need_key: bool) -> None:
    """State the security of every operation no scope guards (a key optional, or needed when
    READS_NEED_KEY; none at all for ALWAYS_OPEN), and the refusals every operation may meet:
    429 over the rate limits, 404 for an id in the path that names nothing."""
    reads = SECURITY if reads_need_key else [{}, *SECURITY]
    for path, operations in spec.items():
        for operation in operations.values():
            if not (isinstance(operation, dict) and "responses" in operation):
                continue
            operation.setdefault("security", [] if path in ALWAYS_OPEN else reads)
            operation["responses"].setdefault("429", REFUSED)
            if "{" in path:
                operation["responses"].setdefault("404", REFUSED)
