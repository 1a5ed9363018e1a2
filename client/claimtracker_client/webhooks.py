"""Webhook subscriptions (admin scope): client.webhooks.create(...), .list(), ...; and
verify(), for the receiving end of a delivery."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimtracker_client.client import ClaimTracker


TOLERANCE_SECONDS = 300


class InvalidSignature(ValueError):
    """A delivery whose headers do not prove it came, unaltered and lately, from the service."""


def verify(secret: str, headers: Mapping[str, str], body: bytes,
           *, tolerance: int = TOLERANCE_SECONDS) -> dict:
    """The event of a delivery, once its Standard Webhooks signature is checked: body is the
    raw request body, headers the request's (any case), secret the whsec_... given when the
    webhook was made. Raises InvalidSignature when a header is missing, the timestamp is more
    than tolerance seconds away, or no signature matches."""
    found = {name.lower(): value for name, value in headers.items()}
    try:
        message_id, sent = found["webhook-id"], int(found["webhook-timestamp"])
        signatures = found["webhook-signature"].split()
    except (KeyError, ValueError) as missing:
        raise InvalidSignature(f"missing or malformed webhook headers: {missing}") from None
    if abs(time.time() - sent) > tolerance:
        raise InvalidSignature("the webhook-timestamp is too far from now")
    key = base64.b64decode(secret.removeprefix("whsec_"))
    expected = "v1," + base64.b64encode(hmac.new(
        key, f"{message_id}.{sent}.".encode() + body, hashlib.sha256).digest()).decode()
    if not any(hmac.compare_digest(expected, given) for given in signatures):
        raise InvalidSignature("no webhook-signature matches the body")
    return json.loads(body)


class Webhooks:
    """/api/v1/webhooks: subscribe a URL to events, pause, resume, and read its deliveries."""

    def __init__(self, client: ClaimTracker):
        self._client = client

    def create(self, url: str, events: Iterable[str]) -> dict:
        """Subscribe; the answer carries the signing secret, shown this once."""
        return self._client.request("POST", "/webhooks",
                                    json={"url": url, "events": list(events)}).json()

    def list(self) -> list[dict]:
        return [*self._client.paginate("/webhooks")]

    def get(self, webhook_id: int) -> dict:
        return self._client.request("GET", f"/webhooks/{int(webhook_id)}").json()

    def pause(self, webhook_id: int) -> dict:
        return self._set_active(webhook_id, False)

    def resume(self, webhook_id: int) -> dict:
        return self._set_active(webhook_id, True)

    def delete(self, webhook_id: int) -> None:
        self._client.request("DELETE", f"/webhooks/{int(webhook_id)}")

    def deliveries(self, webhook_id: int, **filters) -> Iterator[dict]:
        """The delivery log of one subscription, page after page."""
        return self._client.paginate(f"/webhooks/{int(webhook_id)}/deliveries", **filters)

    def _set_active(self, webhook_id: int, active: bool) -> dict:
        return self._client.request("PATCH", f"/webhooks/{int(webhook_id)}",
                                    json={"active": active}).json()
