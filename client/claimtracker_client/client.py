"""ClaimTracker: the API's routes as methods, every list followed to its last page."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

import requests

from claimtracker_client import __version__
from claimtracker_client.errors import error_from_response
from claimtracker_client.retry import retrying_adapter
from claimtracker_client.webhooks import Webhooks

API_PREFIX = "/api/v1"


def _wire(value: Any) -> Any:
    """A Python value as the API spells it in a query or a JSON body."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _params(filters: Mapping[str, Any]) -> dict[str, Any]:
    return {name: _wire(value) for name, value in filters.items() if value is not None}


def _body(fields: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON body: dates as ISO strings, None fields left out (None means "not given")."""
    return {name: value.isoformat() if isinstance(value, dt.date | dt.datetime) else value
            for name, value in fields.items() if value is not None}


def _with_etag(response: requests.Response) -> dict:
    record = response.json()
    record["_etag"] = response.headers.get("ETag")
    return record


class ClaimTracker:
    """A client of one claim tracker server.

    base_url is the server's root (``http://127.0.0.1:8000``; a trailing ``/api/v1`` is
    accepted too). api_key is sent as a Bearer token, and only to that server. 429 and 503
    answers and connection failures are retried `retries` times with exponential backoff
    (``backoff_factor``), honouring Retry-After. Error answers raise a ClaimTrackerError
    subclass. Methods that list return iterators that fetch page after page as they are
    consumed, so their errors arise on the first iteration.
    """

    def __init__(self, base_url: str, api_key: str | None = None, *, timeout: float = 10,
                 retries: int = 3, session: requests.Session | None = None,
                 backoff_factor: float = 0.5):
        base = base_url.rstrip("/")
        self.base_url = base.removesuffix(API_PREFIX)
        self.api_key = api_key
        self.timeout = timeout
        parts = urlsplit(self.base_url)
        self._origin = f"{parts.scheme}://{parts.netloc}".lower()
        self._owns_session = session is None
        self.session = session if session is not None else requests.Session()
        self.session.mount(f"{self._origin}/", retrying_adapter(retries, backoff_factor))
        self.webhooks = Webhooks(self)

    def close(self) -> None:
        """Close the session, if this client made it."""
        if self._owns_session:
            self.session.close()

    def __enter__(self) -> ClaimTracker:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"ClaimTracker({self.base_url!r})"

    # -- transport -------------------------------------------------------------------------

    def request(self, method: str, path: str, *, params: Mapping[str, Any] | None = None,
                json: Any = None, headers: Mapping[str, str] | None = None
                ) -> requests.Response:
        """Send one request to a path under /api/v1 (or to an absolute URL); raise the typed
        error for any 4xx or 5xx answer."""
        url = path if "://" in path else f"{self.base_url}{API_PREFIX}{path}"
        sent = {"Accept": "application/json", "User-Agent": f"claimtracker-client/{__version__}"}
        if self.api_key and url.lower().startswith(f"{self._origin}/"):
            sent["Authorization"] = f"Bearer {self.api_key}"
        sent.update(headers or {})
        response = self.session.request(method, url, params=_params(params or {}), json=json,
                                        headers=sent, timeout=self.timeout)
        if response.status_code >= 400:
            raise error_from_response(response)
        return response

    def _get(self, path: str, **params) -> Any:
        return self.request("GET", path, params=params).json()

    def _send(self, method: str, path: str, body: Mapping[str, Any]) -> Any:
        return self.request(method, path, json=_body(body)).json()

    def paginate(self, path: str, **filters) -> Iterator[dict]:
        """Every item of a list, following each page's `next` URL until it is null."""
        url: str | None = path
        params: Mapping[str, Any] | None = filters
        while url:
            page = self.request("GET", url, params=params).json()
            yield from page["items"]
            url, params = page.get("next"), None

    # -- claims ----------------------------------------------------------------------------

    def claims(self, **filters) -> Iterator[dict]:
        """Every claim matching q, speaker, source, status, review_state, since, until,
        has_contradictions; ordered by sort; fetched per_page at a time."""
        return self.paginate("/claims", **filters)

    def claim(self, claim_id: int) -> dict:
        """One claim with appearances, speakers, links and reviews; its ETag in "_etag"."""
        return _with_etag(self.request("GET", f"/claims/{int(claim_id)}"))

    def create_claim(self, text: str, **fields) -> dict:
        """Create a claim by hand (source_id, speaker_id, kind, start, end are optional)."""
        return _with_etag(self.request("POST", "/claims", json=_body({"text": text, **fields})))

    def update_claim(self, claim_id: int, etag: str | None = None, **fields) -> dict:
        """Change text, status or review_state (with a reason), sending If-Match: the given
        ETag, or the claim's current one when none is given. A stale ETag raises
        PreconditionFailed."""
        if etag is None:
            etag = self.claim(claim_id)["_etag"]
        return _with_etag(self.request("PATCH", f"/claims/{int(claim_id)}", json=_body(fields),
                                       headers={"If-Match": etag}))

    def history(self, claim_id: int, **filters) -> Iterator[dict]:
        """A claim's audit trail, oldest first."""
        return self.paginate(f"/claims/{int(claim_id)}/history", **filters)

    def claim_contradictions(self, claim_id: int, **filters) -> Iterator[dict]:
        """The contradictions one claim is part of."""
        return self.paginate(f"/claims/{int(claim_id)}/contradictions", **filters)

    def review(self, claim_id: int, rating: str, **fields) -> dict:
        """Add a verdict (rating_label, explanation, url, reviewer, reviewer_type, published);
        url is required unless the service has a PUBLIC_BASE_URL."""
        return self._send("POST", f"/claims/{int(claim_id)}/reviews",
                          {"rating": rating, **fields})

    def claimreview(self, claim_id: int) -> dict:
        """The claim's verdict as schema.org ClaimReview JSON-LD."""
        return self._get(f"/claims/{int(claim_id)}/claimreview")

    # -- articles and drafts ---------------------------------------------------------------

    def ingest(self, text: str | None = None, *, url: str | None = None,
               title: str | None = None, outlet: str | None = None,
               published: dt.date | str | None = None, language: str | None = None) -> dict:
        """Ingest an article: {source, links, contradictions, created}; created is False when
        the same text was stored before."""
        return self._send("POST", "/sources", {
            "text": text, "url": url, "title": title, "outlet": outlet,
            "published": published, "language": language})

    def check(self, text: str) -> dict:
        """Analyse a draft against the known claims, storing nothing."""
        return self._send("POST", "/check", {"text": text})

    # -- backfills -------------------------------------------------------------------------

    def backfill(self, articles: Iterable[Mapping[str, Any]]) -> dict:
        """Queue up to 1,000 articles (each as ingest takes them) for the service's backfill
        workers: the backfill's progress, its id among it. Raises ServerError (503) when the
        service has no job queue; nothing is kept then."""
        return self._send("POST", "/backfills", {"articles": [_body(a) for a in articles]})

    def backfill_progress(self, backfill_id: int) -> dict:
        """queued, done, failed, duplicates, rate_per_second and eta_seconds of a backfill."""
        return self._get(f"/backfills/{int(backfill_id)}")

    def wait_for_backfill(self, backfill_id: int, *, timeout: float = 3600,
                          every: float = 2) -> dict:
        """The backfill's progress once nothing of it is queued; TimeoutError after timeout
        seconds."""
        deadline = time.monotonic() + timeout
        while (state := self.backfill_progress(backfill_id))["queued"]:
            if time.monotonic() > deadline:
                raise TimeoutError(f"backfill {backfill_id} still has {state['queued']} "
                                   "articles queued")
            time.sleep(every)
        return state

    def backfill_failures(self, backfill_id: int, **filters) -> Iterator[dict]:
        """The articles of a backfill that failed, each with its reason."""
        return self.paginate(f"/backfills/{int(backfill_id)}/failures", **filters)

    def retry_backfill(self, backfill_id: int) -> dict:
        """Queue a backfill's failed articles again (and resend its queued ones)."""
        return self.request("POST", f"/backfills/{int(backfill_id)}/retry").json()

    # -- contradictions --------------------------------------------------------------------

    def contradictions(self, **filters) -> Iterator[dict]:
        """Every contradiction matching state, origin, kind, speaker, source, min_score."""
        return self.paginate("/contradictions", **filters)

    def contradiction(self, link_id: int) -> dict:
        return self._get(f"/contradictions/{int(link_id)}")

    def review_contradiction(self, link_id: int, state: str, reason: str | None = None) -> dict:
        """Confirm or reject a contradiction."""
        return self._send("PATCH", f"/contradictions/{int(link_id)}",
                          {"state": state, "reason": reason})

    def flag_contradiction(self, claim_id: int, other_id: int, explanation: str | None = None,
                           state: str = "suggested") -> dict:
        """Flag by hand that other_id contradicts claim_id: suggested for review, or
        state="confirmed" to record the caller's own review at once."""
        return self._send("POST", f"/claims/{int(claim_id)}/contradictions",
                          {"claim_id": other_id, "explanation": explanation, "state": state})

    # -- same-claim pairs ------------------------------------------------------------------

    def same_claims(self, **filters) -> Iterator[dict]:
        """Every pair of claims suggested as one claim in other words, matching state and
        claim, most alike first."""
        return self.paginate("/same-claims", **filters)

    def same_claim(self, pair_id: int) -> dict:
        return self._get(f"/same-claims/{int(pair_id)}")

    def review_same_claim(self, pair_id: int, state: str, reason: str | None = None) -> dict:
        """Confirm that two claims are one, or reject the suggestion."""
        return self._send("PATCH", f"/same-claims/{int(pair_id)}",
                          {"state": state, "reason": reason})

    # -- speakers, sources, health ---------------------------------------------------------

    def speakers(self, **filters) -> Iterator[dict]:
        """Every speaker matching q (part of the name) and kind."""
        return self.paginate("/speakers", **filters)

    def speaker(self, speaker_id: int) -> dict:
        return self._get(f"/speakers/{int(speaker_id)}")

    def sources(self, **filters) -> Iterator[dict]:
        """Every source matching outlet, since, until."""
        return self.paginate("/sources", **filters)

    def source(self, source_id: int) -> dict:
        return self._get(f"/sources/{int(source_id)}")

    def health(self) -> dict:
        return self._get("/health")
