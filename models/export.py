"""Bulk reads for exports, in keyset batches so memory stays flat however large the base."""

from collections.abc import Iterator

from models.claim import Claim
from models.queries import appearances_of, claim_summaries, claims_query

BATCH = 500


def claims_with_appearances(**filters) -> Iterator[dict]:
    """Every claim matching the filters of GET /claims, in id order, with its speakers and
    appearances; a fixed number of queries per batch of claims."""
    filters["sort"] = "id"
    last_id = 0
    while True:
        batch = list(claims_query(**filters).where(Claim.id > last_id).limit(BATCH))
        if not batch:
            return
        appearances = appearances_of(c.id for c in batch)
        for summary in claim_summaries(batch):
            yield {**summary, "appearances": appearances.get(summary["id"], [])}
        last_id = batch[-1].id
