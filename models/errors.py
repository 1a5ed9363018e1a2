"""Domain errors: what an operation refuses, in words a client can act on."""


class DomainError(Exception):
    """Base of every refusal an operation in models/ can raise."""

    def __init__(self, detail: str, *, field: str | None = None):
        super().__init__(detail)
        self.detail = detail
        self.field = field


class NotFound(DomainError):
    """The thing asked for does not exist."""


class Invalid(DomainError):
    """The request is well-formed but cannot be applied (422)."""


class Conflict(DomainError):
    """The request clashes with the current state (409)."""

    def __init__(self, detail: str, *, existing_id: int | None = None, **kwargs):
        super().__init__(detail, **kwargs)
        self.existing_id = existing_id


class Upstream(DomainError):
    """A server this one depends on (a page to fetch) failed (502)."""


class Unavailable(DomainError):
    """A service this one depends on (the job queue) cannot be reached now (503)."""


class VersionMismatch(DomainError):
    """The client edited a version of a claim that is no longer current (412)."""


def must_exist(row, what: str, ident, *, field: str | None = None):
    """The row, or the refusal for its absence: "There is no speaker 7." as a 404, or as a 422
    naming the request field that referred to it."""
    if row is None:
        detail = f"There is no {what} {ident}."
        raise Invalid(detail, field=field) if field else NotFound(detail)
    return row
