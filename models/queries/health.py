"""The service's health: the database kind and how many rows the main tables hold."""

from models.claim import Claim
from models.db import is_postgres
from models.link import ClaimLink
from models.paging import bounded_count
from models.source import Source
from models.speaker import Speaker


def health() -> dict:
    """The database kind and how many rows the main tables hold, counted as lists count."""
    counted = {name: bounded_count(query) for name, query in
               (("sources", Source.select()), ("claims", Claim.select()),
                ("speakers", Speaker.select()),
                ("contradictions", ClaimLink.select().where(ClaimLink.relation == "contradicts")))}
    return {"status": "ok", "database": "postgresql" if is_postgres() else "sqlite",
            "counts": {name: n for name, (n, _) in counted.items()},
            "counts_exact": all(exact for _, exact in counted.values())}

