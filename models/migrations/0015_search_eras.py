"""On PostgreSQL every claim's search document also holds its era (models/search.py), so that a
search of common words keeps to the newest claims inside the GIN index; a range of claims at
a time."""
from peewee import PostgresqlDatabase

from models.search import ERA


def up(migrator, db):
    if not isinstance(db, PostgresqlDatabase):
        return
    (newest,) = db.execute_sql("SELECT coalesce(max(claim_id), 0) FROM claim_search").fetchone()
    for first in range(0, newest + 1, ERA):
        db.execute_sql("UPDATE claim_search SET document = document || "
                       "array_to_tsvector(ARRAY['#' || claim_id / %s]) "
                       "WHERE claim_id >= %s AND claim_id < %s", (ERA, first, first + ERA))
