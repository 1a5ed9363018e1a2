"""Bulk reads for exports, in keyset batches so memory stays flat however large the base."""

from collections.abc import Iterator

from models.claim import Claim
from models.queries.claims import appearances_of, claim_summaries, claims_query

BATCH = 500


def claims_with_appearances(**filters) -> Iterator[dict]:
    """Every claim matching the filters of GET /claims, in id order, with its speakers and
    appearances; a fixed number of queries per batch of claims."""
    # Built now, not on the first next(): a query that is refused (a q with no words) raises
    # before a streamed response has sent its 200.
    return _in_batches(claims_query(**{**filters, "sort": "id"}))


def _in_batches(query) -> Iterator[dict]:
    last_id = 0
    while True:
        batch = list(query.where(Claim.id > last_id).limit(BATCH))
        if not batch:
            return
        appearances = appearances_of(c.id for c in batch)
        for summary in claim_summaries(batch):
            yield {**summary, "appearances": appearances.get(summary["id"], [])}
        last_id = batch[-1].id
