"""Surname keys read with nameparser ("Martin Luther King Jr." -> "king", "Bill de Blasio" ->
"de blasio"), as new speakers get them: keys of the last word left by 0002 would miss them."""
from analysis.names import surname


def up(migrator, db):
    people = db.execute_sql("SELECT id, name, surname_key FROM speaker WHERE kind = 'person'")
    for speaker_id, name, key in people.fetchall():
        if surname(name) != key:
            db.execute_sql(f"UPDATE speaker SET surname_key = {db.param} WHERE id = {db.param}",
                           (surname(name), speaker_id))
