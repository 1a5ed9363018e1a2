"""Fill a database with a synthetic corpus through the real models (models.bulk), batch by
batch, each batch one transaction."""

import time

from bench.corpus import ArticleSpec, corpus
from models.bulk import BulkLoader
from models.db import database
from models.migrate import migrate

BATCH = 500  # articles per transaction


def populate(n_claims: int, *, seed: int = 0) -> dict:
    """Migrate the bound database and load n_claims claim appearances into it."""
    started = time.perf_counter()
    with database.connection_context():
        migrate()
        loader = BulkLoader(actor="bench")
        ids_of_ref: dict[int, int] = {}
        batch: list[ArticleSpec] = []
        pairs: list[tuple[int, int, str]] = []
        articles = appearances = 0

        def flush():
            for article, ids in zip(batch, loader.add_articles(batch), strict=True):
                for claim, claim_id in zip(article.claims, ids, strict=True):
                    ids_of_ref[claim.ref] = claim_id
            batch.clear()

        for item in corpus(n_claims, seed=seed):
            if isinstance(item, ArticleSpec):
                batch.append(item)
                articles += 1
                appearances += len(item.claims)
                if len(batch) == BATCH:
                    flush()
            else:
                pairs.append(item)
        flush()
        links = loader.add_contradictions(
            (ids_of_ref[p.ref_a], ids_of_ref[p.ref_b], p.cue) for p in pairs)
    return {"articles": articles, "appearances": appearances,
            "claims": len(set(ids_of_ref.values())), "contradictions": links,
            "load_seconds": round(time.perf_counter() - started, 1)}
