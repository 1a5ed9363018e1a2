"""Appearances keep the frame their claim was read into where it stands, so two claims of one
source are compared without parsing either again. Older appearances have none: their claim's
words are read when they are compared."""


def up(migrator, db):
    db.execute_sql("ALTER TABLE appearance ADD COLUMN frame TEXT")
