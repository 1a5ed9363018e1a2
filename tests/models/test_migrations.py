"""The schema comes from migrations, and migrating an empty database gives what the models say."""

from models.db import database
from models.migrate import drift, migrate, pending


def test_empty_database_migrated_to_head_matches_the_models(app):
    with database.connection_context():
        assert not drift(), f"models and migrations differ:\n{drift()}"


def test_migrating_twice_applies_nothing_the_second_time(app):
    with database.connection_context():
        assert migrate() == []
        assert pending() == []


def test_surname_keys_of_the_last_word_are_read_again_with_nameparser(app):
    with database.connection_context():
        database.execute_sql(
            "INSERT INTO speaker (name, name_key, surname_key, kind, created_at) "
            f"VALUES ('Martin Luther King Jr.', 'martin luther king jr', 'jr', 'person', "
            f"{database.param})", ("2001-07-22 00:00:00",))
        database.execute_sql("DELETE FROM schema_migration WHERE name = "
                             f"{database.param}", ("0008_surname_by_nameparser",))
        assert migrate() == ["0008_surname_by_nameparser"]
        (key,) = database.execute_sql("SELECT surname_key FROM speaker").fetchone()
        assert key == "king"
