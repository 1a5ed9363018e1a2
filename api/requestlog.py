"""Observability: a request id on every request (echoed as X-Request-ID) and one structured
JSON log line per request with its duration and status. Keys never reach the log."""

import json
import logging
import re
import sys
import time
import uuid

import orjson
from flask import g

log = logging.getLogger("claimtracker.requests")
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class JsonFormatter(logging.Formatter):
    """Each record as one JSON object: time, level, logger, message and its extra fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {"time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"), "level": record.levelname,
                 "logger": record.name, "message": record.getMessage()}
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        try:
            return orjson.dumps(entry, default=str).decode()
        except TypeError:  # a value orjson refuses (a lone surrogate in a path)
            return json.dumps(entry, default=str)


def configure_logging(level: str) -> None:
    """JSON lines on standard error, for the service's own loggers and the rate limiter's
    (which says when its store is lost and found again). No record carries its caller or
    thread, which no line shows: finding them cost a line as much as writing it (the logging
    HOWTO's optimisations). Records keep their process, which gunicorn's own lines show."""
    logging._srcfile = None
    logging.logThreads = logging.logMultiprocessing = False
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    for name in ("claimtracker", "api", "models", "flask-limiter"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level)
        logger.propagate = False


class RequestLog:
    """WSGI middleware around the app: a request id on every answer (the caller's X-Request-ID
    when it is safe to echo, else a new one) and one log line per request with its duration,
    status and key, written when the app has answered, before the body goes out. At this
    layer it reads the WSGI environ and the header list, not Flask's request proxies and
    Headers object: as Flask hooks it cost a read of a claim a sixth of its time."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        given = environ.get("HTTP_X_REQUEST_ID", "")
        request_id = given if _SAFE_ID.match(given) else uuid.uuid4().hex
        answered = {}

        def start(status, headers, exc_info=None):
            headers.append(("X-Request-ID", request_id))
            answered["status"] = status
            # Called inside the app, its request context still there: g holds the key used.
            answered["key"] = g.get("api_key") if g else None
            return start_response(status, headers, exc_info)

        body = self.wsgi_app(environ, start)
        if log.isEnabledFor(logging.INFO):
            key = answered.get("key")
            log.info("request", extra={"fields": {
                "request_id": request_id, "method": environ.get("REQUEST_METHOD"),
                "path": request_path(environ), "status": int(answered.get("status", "500")[:3]),
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                "key": key.name if key is not None else None,
                "remote_addr": environ.get("REMOTE_ADDR")}})
        return body


def request_path(environ: dict) -> str:
    """The request's path as Flask's request.path reads it ("//docs/" is "/docs/")."""
    return "/" + environ.get("PATH_INFO", "").encode("latin-1").decode(errors="replace").lstrip("/")
