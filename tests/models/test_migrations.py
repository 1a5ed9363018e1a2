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
