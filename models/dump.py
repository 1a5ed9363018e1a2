"""A full dump of every table as JSON-ready data, and its exact restore into an empty
database (ids kept, sequences and the search index rebuilt)."""

import datetime

from peewee import chunked, sort_models

from models import TABLES
from models.claim import Claim, reindex
from models.db import database, is_postgres
from models.errors import Invalid
from models.migrate import applied

FORMAT = "claimtracker-dump"
VERSION = 1
_TIMESTAMP = "%Y-%m-%d %H:%M:%S.%f"


def _plain(value):
    if isinstance(value, datetime.datetime):
        return value.strftime(_TIMESTAMP)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def dump() -> dict:
    """Every row of every table, by table, in id order."""
    tables = {}
    for model in TABLES:
        rows = model.select().order_by(model._meta.primary_key).dicts()
        tables[model._meta.table_name] = [{k: _plain(v) for k, v in row.items()}
                                          for row in rows]
    return {"format": FORMAT, "version": VERSION, "migrations": applied(), "tables": tables}


def restore(data: dict) -> dict[str, int]:
    """Load a dump into an empty database; return the rows restored per table."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise Invalid("This is not a claimtracker dump.", field="format")
    if data.get("version") != VERSION:
        raise Invalid(f"Dump version {data.get('version')} is not {VERSION}.", field="version")
    if data.get("migrations") != applied():
        raise Invalid("The dump was made at another schema version: migrate both databases "
                      "to the same version first.", field="migrations")
    counts = {}
    with database.atomic():
        if any(model.select().exists() for model in TABLES):
            raise Invalid("Restore needs an empty database.", field="database")
        for model in sort_models(TABLES):  # referenced tables first
            rows = data["tables"].get(model._meta.table_name, [])
            for chunk in chunked(rows, 500):
                model.insert_many(chunk).execute()
            counts[model._meta.table_name] = len(rows)
            if rows and is_postgres():
                table = model._meta.table_name
                database.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', "
                                     f"'id'), (SELECT MAX(id) FROM \"{table}\"))")
        for chunk in chunked((c.id for c in Claim.select(Claim.id)), 500):
            reindex(chunk)
    return counts
