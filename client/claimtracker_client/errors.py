"""Typed errors, one class per status the API gives, built from its problem+json body."""

from __future__ import annotations

import email.utils
import time
from http import HTTPStatus

import requests


class ClaimTrackerError(Exception):
    """An error answer from the API (RFC 9457 problem details)."""

    def __init__(self, status: int, title: str, detail: str | None = None, *,
                 type: str = "about:blank", errors: dict[str, list[str]] | None = None,
                 response: requests.Response | None = None, problem: dict | None = None):
        self.status = status
        self.title = title
        self.detail = detail
        self.type = type
        self.errors = errors or {}
        self.response = response
        self.problem = problem or {}
        super().__init__(f"{status} {title}: {detail}" if detail else f"{status} {title}")


class BadRequest(ClaimTrackerError):
    """400: the body is not valid JSON."""


class Unauthorized(ClaimTrackerError):
    """401: no API key, or an unknown or revoked one."""


class Forbidden(ClaimTrackerError):
    """403: the key's scope is too low."""


class NotFound(ClaimTrackerError):
    """404: no such item or route."""


class Conflict(ClaimTrackerError):
    """409: a duplicate, or a change the item's state forbids; existing_id names the clash."""

    @property
    def existing_id(self) -> int | None:
        return self.problem.get("existing_id")


class PreconditionFailed(ClaimTrackerError):
    """412: the If-Match ETag is stale; fetch the item again."""


class PreconditionRequired(ClaimTrackerError):
    """428: If-Match is missing."""


class ValidationError(ClaimTrackerError):
    """422: invalid fields; errors maps each field to its messages."""


class RateLimited(ClaimTrackerError):
    """429: too many requests; retry_after is the wait the server asked for, in seconds."""

    @property
    def retry_after(self) -> float | None:
        return retry_after_seconds(self.response)


class ServerError(ClaimTrackerError):
    """5xx: the server failed (or is unavailable)."""


ERROR_OF_STATUS: dict[int, type[ClaimTrackerError]] = {
    400: BadRequest, 401: Unauthorized, 403: Forbidden, 404: NotFound, 409: Conflict,
    412: PreconditionFailed, 422: ValidationError, 428: PreconditionRequired, 429: RateLimited,
}


def retry_after_seconds(response: requests.Response | None) -> float | None:
    """The Retry-After header (seconds or an HTTP date) as seconds from now."""
    value = response.headers.get("Retry-After") if response is not None else None
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def error_from_response(response: requests.Response) -> ClaimTrackerError:
    """The typed error for an error response, whether or not its body is problem+json."""
    status = response.status_code
    try:
        body = response.json()
    except ValueError:
        body = None
    problem = body if isinstance(body, dict) else {}
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = response.reason or "Error"
    detail = problem.get("detail")
    if detail is None and problem == {} and response.text.strip():
        detail = response.text.strip()[:500]
    errors = problem.get("errors")
    cls = ERROR_OF_STATUS.get(status) or (ServerError if status >= 500 else ClaimTrackerError)
    return cls(status, problem.get("title") or phrase, detail,
               type=problem.get("type") or "about:blank",
               errors=errors if isinstance(errors, dict) else None,
               response=response, problem=problem)
