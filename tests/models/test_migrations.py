"""The schema comes from migrations, and migrating an empty database gives what the models say."""

from analysis.speakers import SpeakerRef
from models.claim import create_claim
from models.db import database
from models.link import flag_contradiction
from models.migrate import drift, migrate, pending
from models.speaker import resolve_speaker


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


def test_self_contradictions_stored_before_0017_are_given_their_speaker(app):
    with database.connection_context():
        rice = resolve_speaker(SpeakerRef("Condoleezza Rice", "person"))
        ortiz = resolve_speaker(SpeakerRef("Lena Ortiz", "person"))
        march, june, mayor = (create_claim(text=text, actor="editor", speaker_id=speaker.id)
                              for text, speaker in (("Talks will start in March", rice),
                                                    ("Talks will not start before June", rice),
                                                    ("Talks will start at once", ortiz)))
        flag_contradiction(march.id, june.id, explanation=None, actor="editor")
        flag_contradiction(march.id, mayor.id, explanation=None, actor="editor")
        database.execute_sql("DROP INDEX claimlink_speaker_id_score_id")
        database.execute_sql("ALTER TABLE claim_link DROP COLUMN speaker_id")
        database.execute_sql(f"DELETE FROM schema_migration WHERE name = {database.param}",
                             ("0017_self_contradiction_speaker",))
        assert migrate() == ["0017_self_contradiction_speaker"]
        assert sorted(database.execute_sql(
            "SELECT kind, speaker_id FROM claim_link").fetchall()) == [
            ("disagreement", None), ("self", rice.id)]
