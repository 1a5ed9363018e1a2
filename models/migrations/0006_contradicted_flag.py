"""Claims carry whether a live contradiction links them, so has_contradictions reads an index
instead of every link."""
from peewee import PostgresqlDatabase


def up(migrator, db):
    # NOT NULL with a default: SQLite adds such a column without copying the table.
    kind = "BOOLEAN NOT NULL DEFAULT FALSE" if isinstance(db, PostgresqlDatabase) \
        else "INTEGER NOT NULL DEFAULT 0"
    db.execute_sql(f"ALTER TABLE claim ADD COLUMN contradicted {kind}")
    db.execute_sql(
        "UPDATE claim SET contradicted = TRUE WHERE id IN ("
        "SELECT claim_a_id FROM claim_link WHERE relation = 'contradicts' AND state <> 'rejected' "
        "UNION SELECT claim_b_id FROM claim_link WHERE relation = 'contradicts' "
        "AND state <> 'rejected')")
    migrator.migrate(migrator.add_index("claim", ("contradicted", "created_at", "id"), False))
