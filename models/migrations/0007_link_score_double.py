"""A link's score as double precision on PostgreSQL, as SQLite's REAL already is: a 4-byte
real 0.7 is not equal to 0.7, so a cursor or min_score of 0.7 missed it."""
from peewee import PostgresqlDatabase


def up(migrator, db):
    if isinstance(db, PostgresqlDatabase):
        db.execute_sql("ALTER TABLE claim_link ALTER COLUMN score TYPE double precision "
                       "USING round(score::numeric, 3)")
