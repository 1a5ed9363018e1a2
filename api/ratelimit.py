"""Rate limits per API key and per client address (flask-limiter): in memory by default,
Redis or another store when RATELIMIT_STORAGE_URI names one. Over the limit is a 429
problem with Retry-After. When the store cannot be reached, requests go on being served under
the per-address limit counted in this process's memory (flask-limiter logs the switch once),
and the store is tried again, at growing intervals, until it answers."""

from flask import Flask, Response, request
from flask_limiter import ApplicationLimit, Limiter
from flask_limiter.util import get_remote_address

from models.apikey import PREFIX_LENGTH

REDIS_TIMEOUTS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


def _key_of_request() -> str:
    """The caller's key, as far as its prefix (never the whole key), or its address."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return "key:" + token.strip()[:PREFIX_LENGTH]
    return "address:" + get_remote_address()


def _retry_after_only_when_waiting(response: Response) -> Response:
    """flask-limiter sends Retry-After with every answer; it means "wait", so only a 429 or a
    503 keeps it."""
    if response.status_code not in (429, 503):
        response.headers.pop("Retry-After", None)
    return response


def init_rate_limits(app: Flask) -> Limiter:
    config = app.config
    if config["RATELIMIT_ENABLED"]:  # else the limiter sends no Retry-After to remove
        # Registered before the limiter's own hook, so that it runs after it.
        app.after_request(_retry_after_only_when_waiting)
    uri = config["RATELIMIT_STORAGE_URI"]
    return Limiter(
        get_remote_address, app=app, storage_uri=uri,
        # A store that hangs must not hold requests: half a second, then the fallback.
        storage_options=REDIS_TIMEOUTS if uri.startswith(("redis", "rediss")) else {},
        in_memory_fallback=[config["RATE_LIMIT_PER_ADDRESS"]], in_memory_fallback_enabled=True,
        enabled=config["RATELIMIT_ENABLED"], headers_enabled=True,
        key_prefix=config["RATELIMIT_KEY_PREFIX"],
        application_limits=[
            ApplicationLimit(config["RATE_LIMIT_PER_ADDRESS"], key_function=get_remote_address,
                             scope="address"),
            ApplicationLimit(config["RATE_LIMIT_PER_KEY"], key_function=_key_of_request,
                             scope="key"),
        ])
