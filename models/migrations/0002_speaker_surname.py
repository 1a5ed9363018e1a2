"""Speakers get an indexed surname key, so "Putin" in a new article finds "Vladimir Putin"."""
from peewee import TextField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("speaker", "surname_key", TextField(null=True)),
        migrator.add_index("speaker", ("surname_key",), False),
    )
    people = db.execute_sql("SELECT id, name_key FROM speaker WHERE kind = 'person'").fetchall()
    for speaker_id, key in people:
        db.execute_sql(f"UPDATE speaker SET surname_key = {db.param} WHERE id = {db.param}",
                       (key.split()[-1] if key else None, speaker_id))
