"""Claims keep the signature of their reading (analysis/contradiction/signature.py): what
decides whether two claims can clash at all, so detection reads only the candidates that can.
Older claims have none, and are read as before, until `claimtracker recheck` stores theirs."""


def up(migrator, db):
    db.execute_sql("ALTER TABLE claim ADD COLUMN signature TEXT")
