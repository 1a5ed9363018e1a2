"""Python client of the claim tracker REST API."""

__version__ = "0.1.0"

from claimtracker_client.client import ClaimTracker  # noqa: E402
from claimtracker_client.errors import (  # noqa: E402
    BadRequest,
    ClaimTrackerError,
    Conflict,
    Forbidden,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    RateLimited,
    ServerError,
    Unauthorized,
    ValidationError,
)
from claimtracker_client.webhooks import InvalidSignature, verify  # noqa: E402

__all__ = [
    "BadRequest", "ClaimTracker", "ClaimTrackerError", "Conflict", "Forbidden",
    "InvalidSignature", "NotFound", "PreconditionFailed", "PreconditionRequired", "RateLimited",
    "ServerError", "Unauthorized", "ValidationError", "__version__", "verify",
]
