"""When to send a request again: urllib3's Retry, mounted on the session's adapter."""

from __future__ import annotations

from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

# The server did not process a request it answered with these, so any method may be resent.
REFUSED = frozenset({429, 503})


class RefusalRetry(Retry):
    """Retry connection failures (reads only for idempotent methods, as urllib3 does), and
    429 and 503 for every method, POST included, waiting as Retry-After asks."""

    def is_retry(self, method: str, status_code: int, has_retry_after: bool = False) -> bool:
        return status_code in REFUSED


def retrying_adapter(retries: int, backoff_factor: float) -> HTTPAdapter:
    """An adapter that retries up to `retries` times with exponential backoff; once they are
    spent, the last 429 or 503 is returned rather than raised, to become a typed error."""
    retry = RefusalRetry(total=retries, connect=retries, read=retries, status=retries,
                         backoff_factor=backoff_factor, status_forcelist=REFUSED,
                         respect_retry_after_header=True, raise_on_status=False)
    return HTTPAdapter(max_retries=retry)
