"""Read side: the filtered lists and the assembled records the API serves, in a fixed number
of queries however many rows a page holds; one module per resource."""

from models.queries.backfills import failure_records, failures_query
from models.queries.claims import claim_detail, claim_summaries, claims_query, history_of
from models.queries.contradictions import (
    contradictions_query,
    get_pair,
    pair_records,
    same_claims_query,
)
from models.queries.health import health
from models.queries.rows import row_records
from models.queries.sources import source_detail, source_records, sources_query
from models.queries.speakers import speaker_detail, speaker_records, speakers_query
from models.queries.webhooks import deliveries_query, delivery_records, webhooks_query

__all__ = ["claim_detail", "claim_summaries", "claims_query", "contradictions_query",
           "deliveries_query", "delivery_records", "failure_records", "failures_query",
           "get_pair", "health", "history_of", "pair_records", "row_records",
           "same_claims_query", "source_detail", "source_records", "sources_query",
           "speaker_detail", "speaker_records", "speakers_query", "webhooks_query"]
