"""Observability: a request id on every request (echoed as X-Request-ID) and one structured
JSON log line per request with its duration and status. Keys never reach the log."""

import json
import logging
import re
import sys
import time
import uuid

import orjson
from flask import Flask, g, request

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
    (which says when its store is lost and found again). No record carries its caller, thread
    or process, which no line shows: finding them cost a line as much as writing it (the
    logging HOWTO's optimisations)."""
    logging._srcfile = None
    logging.logThreads = logging.logProcesses = logging.logMultiprocessing = False
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    for name in ("claimtracker", "api", "models", "flask-limiter"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level)
        logger.propagate = False


def init_request_log(app: Flask) -> None:
    @app.before_request
    def _start():
        given = request.headers.get("X-Request-ID", "")
        g.request_id = given if _SAFE_ID.match(given) else uuid.uuid4().hex
        g.started = time.perf_counter()

    @app.after_request
    def _finish(response):
        request_id = g.get("request_id") or uuid.uuid4().hex
        response.headers["X-Request-ID"] = request_id
        if not log.isEnabledFor(logging.INFO):
            return response
        key = g.get("api_key")
        log.info("request", extra={"fields": {
            "request_id": request_id, "method": request.method, "path": request.path,
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - g.get("started", time.perf_counter()))
                                 * 1000, 2),
            "key": key.name if key is not None else None,
            "remote_addr": request.remote_addr}})
        return response
