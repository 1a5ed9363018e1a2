"""Webhook subscriptions (admin scope): client.webhooks.create(...), .list(), ..."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimtracker_client.client import ClaimTracker


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
