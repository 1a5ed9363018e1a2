"""The one error envelope: RFC 9457 problem details, for every error the service gives."""

import http
import json as stdlib_json
import logging
from collections.abc import Callable
from urllib.parse import unquote_to_bytes

import flask_smorest
import marshmallow as ma
import peewee
from flask import Response, json, request
from flask_smorest import abort
from webargs.core import missing
from webargs.flaskparser import FlaskParser, is_json_request
from werkzeug.exceptions import HTTPException

from api.spec import LazySpecApi
from models.db import (
    ROLLED_BACK_FOR_ANOTHER,
    drop_idle_connections,
    lost_connection,
    storage_refused,
)
from models.errors import (
    Conflict,
    DomainError,
    Invalid,
    NotFound,
    Unavailable,
    Upstream,
    VersionMismatch,
)

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger(__name__)

STATUS_OF_DOMAIN_ERROR = {NotFound: 404, Invalid: 422, Conflict: 409, VersionMismatch: 412,
                          Upstream: 502, Unavailable: 503}
TITLE_OF_STATUS = {422: "Validation failed"}


class ProblemSchema(ma.Schema):
    """An RFC 9457 problem."""

    type = ma.fields.String(metadata={"description": "A URI naming the kind of problem"})
    title = ma.fields.String(metadata={"description": "A short summary of the kind"})
    status = ma.fields.Integer(metadata={"description": "The HTTP status code"})
    detail = ma.fields.String(metadata={"description": "What went wrong this time"})
    errors = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.List(ma.fields.String()),
                            metadata={"description": "Messages for each invalid field"})
    existing_id = ma.fields.Integer(metadata={"description": "The clashing item, on a 409"})


def problem(status: int, detail: str | None = None, *, errors: dict | None = None,
            headers: dict | None = None, **extra) -> Response:
    """Build a problem+json response."""
    phrase = http.HTTPStatus(status).phrase
    body = {
        "type": "urn:claimtracker:validation" if status == 422 else "about:blank",
        "title": TITLE_OF_STATUS.get(status, phrase),
        "status": status,
        "detail": detail or phrase,
    }
    if errors:
        body["errors"] = errors
    body.update({k: v for k, v in extra.items() if v is not None})
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_JSON)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


BODY = "body"  # the name a problem's errors give the request's body refused whole


def flatten_messages(messages, prefix: str = "") -> dict[str, list[str]]:
    """webargs' {location: {field: [...]}} (nested for nested schemas) as {field: [...]}."""
    flat: dict[str, list[str]] = {}
    if isinstance(messages, dict):
        for key, value in messages.items():
            if not prefix:  # the body refused whole is "body", not marshmallow's "_schema"
                name = BODY if key == "_schema" else str(key)
            else:  # a nested value refused whole ({"author": {"_schema": [...]}}) is "author"
                name = prefix if key == "_schema" else f"{prefix}.{key}"
            if isinstance(value, dict):
                flat.update(flatten_messages(value, name))
            else:
                flat[name] = [str(m) for m in (value if isinstance(value, list) else [value])]
    else:
        flat[prefix or BODY] = [str(messages)]
    return flat



def _strip_location(messages: dict) -> dict:
    """Drop webargs' location level ("json", "query"): fields are named as the client sent them."""
    if set(messages) <= {"json", "query", "headers", "form", "files", "view_args"}:
        merged = {}
        for value in messages.values():
            merged.update(value if isinstance(value, dict) else {"_schema": value})
        return merged
    return messages


def answer_errors_under(app, prefix: str, page: Callable[[HTTPException], tuple]) -> None:
    """Answer the errors of the app's paths under prefix with pages of their own, not
    problem+json: a mistyped desk address is answered by the desk (desk/__init__.py)."""
    app.extensions.setdefault("error_pages", {})[prefix] = page


class ProblemApi(LazySpecApi):
    """flask-smorest's Api, answering and documenting every error as problem+json."""

    ERROR_SCHEMA = ProblemSchema

    def handle_http_exception(self, error: HTTPException):
        page = next((page for prefix, page in self._app.extensions.get("error_pages", {}).items()
                     if request.path.startswith(prefix)), None)
        if page is not None:
            return page(error)
        data = getattr(error, "data", None) or {}
        messages = data.get("errors") or data.get("messages")
        errors = flatten_messages(_strip_location(messages)) if messages else None
        detail = data.get("message") or error.description
        if errors and error.code == 400 and "Invalid JSON body." in sum(errors.values(), []):
            errors, detail = None, "The request body is not valid JSON."
        elif errors and set(errors) == {BODY}:
            detail = " ".join(errors[BODY])  # "Give at least one field to change.", say
        elif errors:
            detail = "Invalid fields: " + ", ".join(sorted(errors)) + "."
        headers = dict(data.get("headers") or {})
        if error.code == 405 and error.valid_methods:
            headers["Allow"] = ", ".join(sorted(error.valid_methods))
        return problem(error.code or 500, detail, errors=errors, headers=headers)

    def _register_error_handlers(self):
        super()._register_error_handlers()
        self._app.register_error_handler(DomainError, handle_domain_error)
        self._app.register_error_handler(Exception, handle_unexpected)

    def _register_responses(self):
        self.DEFAULT_RESPONSE_CONTENT_TYPE = PROBLEM_JSON
        try:
            super()._register_responses()
        finally:
            del self.DEFAULT_RESPONSE_CONTENT_TYPE


class _DuplicateKey(Exception):
    pass


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object's members as a dict, refusing a key given twice."""
    found: dict = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKey(key)
        found[key] = value
    return found


class ProblemParser(FlaskParser):
    """webargs' Flask parser, answering 400 rather than 500 to input Python's decoders choke
    on: JSON nested past the recursion limit or with a number too long to convert, and query
    strings that are not UTF-8 (werkzeug passes percent-encoded bad bytes through as text).
    A body that is not JSON is a 415, an object with a key twice a 400, and null for a field
    that takes no null means the field is not given."""

    def _raw_load_json(self, req):
        body = req.get_data(cache=True)
        if not is_json_request(req):
            if body:
                abort(415, message="The request body must be JSON, sent with Content-Type: "
                                   "application/json.")
            return missing
        if not body:
            return missing
        try:
            return stdlib_json.loads(body.decode("utf-8"), object_pairs_hook=_unique_keys)
        except _DuplicateKey as key:
            abort(400, message=f"The key {str(key)!r} appears twice in one object of the "
                               "request body.")
        except stdlib_json.JSONDecodeError:
            raise
        except (RecursionError, ValueError) as error:  # UnicodeDecodeError among them
            raise stdlib_json.JSONDecodeError(str(error), "(request body)", 0) from None

    def load_json(self, req, schema):
        found = super().load_json(req, schema)
        if isinstance(found, dict):
            fields = {field.data_key or name: field for name, field in schema.fields.items()}
            return {name: value for name, value in found.items() if value is not None
                    or name not in fields or fields[name].allow_none}
        return found

    def load_querystring(self, req, schema):
        try:
            unquote_to_bytes(req.query_string.replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError:
            abort(400, message="The query string is not valid UTF-8.")
        # "?status=disputed&status=refuted" for a filter of one value: not the first in silence.
        fields = {field.data_key or name: field for name, field in schema.fields.items()}
        twice = sorted(name for name, values in req.args.lists() if len(values) > 1
                       and name in fields and not isinstance(fields[name], ma.fields.List))
        if twice:
            abort(422, errors={"query": {name: ["Give this once."] for name in twice}})
        return super().load_querystring(req, schema)


class Blueprint(flask_smorest.Blueprint):
    """flask-smorest's Blueprint, its arguments read by ProblemParser."""

    ARGUMENTS_PARSER = ProblemParser()

    def refusal(self, status_code: int, description: str):
        """Document a refusal of the operation: when it happens, and the problem+json body
        that every error has."""
        return self.alt_response(status_code, schema=ProblemSchema, content_type=PROBLEM_JSON,
                                 description=description)


def status_of(error: DomainError) -> int:
    return next((s for cls, s in STATUS_OF_DOMAIN_ERROR.items() if isinstance(error, cls)), 400)


def handle_domain_error(error: DomainError):
    status = status_of(error)
    errors = {error.field: [error.detail]} if error.field and status == 422 else None
    return problem(status, error.detail, errors=errors,
                   existing_id=getattr(error, "existing_id", None),
                   headers={"Retry-After": "30"} if status == 503 else None)


# PostgreSQL's deadlock, serialization failure and lock not available: the write lost to
# another and was rolled back, and the same request may well succeed a moment later.
_RETRYABLE_PGCODES = (*ROLLED_BACK_FOR_ANOTHER, "55P03")


def _lost_to_another_write(error: Exception) -> bool:
    """A write rolled back behind a concurrent one: nothing was written."""
    if isinstance(error, peewee.OperationalError) and "database is locked" in str(error):
        return True  # SQLite's busy timeout ran out
    # psycopg2's own error, as peewee wraps it (orig) or not (it leaves some subclasses be)
    return getattr(getattr(error, "orig", error), "pgcode", None) in _RETRYABLE_PGCODES


def handle_unexpected(error: Exception):
    if storage_refused(error):
        log.error("database cannot store", extra={"fields": {"error": str(error)}})
        return problem(503, "The database cannot store anything now (its disk is full or it "
                            "is read-only); nothing was changed, and reads go on. Retry later.",
                       headers={"Retry-After": "30"})
    if lost_connection(error):
        drop_idle_connections()
        log.warning("database connection lost", extra={"fields": {"error": str(error)}})
        return problem(503, "The database could not be reached; a write in progress was "
                            "rolled back unless it had committed. Retry shortly.",
                       headers={"Retry-After": "2"})
    if _lost_to_another_write(error):
        log.warning("database busy", extra={"fields": {"error": str(error)}})
        # 2, not 1: flask-limiter rewrites Retry-After, rounding down, as whole seconds from now.
        return problem(503, "The database is busy with other writes; nothing was changed. "
                            "Retry shortly.", headers={"Retry-After": "2"})
    log.exception("unhandled error")
    return problem(500, "The server failed to answer this request; it has been logged.")
