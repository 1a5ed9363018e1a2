"""Fill a database with a synthetic corpus through the real models (models.bulk), batch by
batch, each batch one transaction."""

import time

from bench.corpus import ArticleSpec, ContradictionSpec, corpus
from models.bulk import BulkLoader
from models.db import database
from models.migrate import migrate

BATCH = 500  # articles per transaction


def populate(n_claims: int, *, seed: int = 0) -> dict:
    """Migrate the bound database and load articles into it until it holds n_claims claims
    (a claim repeated in later articles counts once, as in the base)."""
    started = time.perf_counter()
    with database.connection_context():
        migrate()
        loader = BulkLoader(actor="bench")
        ids_of_ref: dict[int, int] = {}
        refs: set[int] = set()
        batch: list[ArticleSpec] = []
        pairs: list[ContradictionSpec] = []
        articles = appearances = 0

        def flush():
            for article, ids in zip(batch, loader.add_articles(batch), strict=True):
                for claim, claim_id in zip(article.claims, ids, strict=True):
                    ids_of_ref[claim.ref] = claim_id
            batch.clear()

        # About one appearance in nine repeats a claim: ask for enough, dated across the
        # generator's whole range, and stop at n_claims.
        for item in corpus(int(n_claims * 1.2), seed=seed):
            if isinstance(item, ContradictionSpec):
                pairs.append(item)
                continue
            if len(refs) >= n_claims:
                break
            batch.append(item)
            refs.update(claim.ref for claim in item.claims)
            articles += 1
            appearances += len(item.claims)
            if len(batch) == BATCH:
                flush()
        flush()
        links = loader.add_contradictions(
            (ids_of_ref[p.ref_a], ids_of_ref[p.ref_b], p.cue) for p in pairs
            if p.ref_a in ids_of_ref and p.ref_b in ids_of_ref)
    return {"articles": articles, "appearances": appearances,
            "claims": len(set(ids_of_ref.values())), "contradictions": links,
            "load_seconds": round(time.perf_counter() - started, 1)}
