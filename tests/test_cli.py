"""The claimtracker command: keys, seeding, setup and ingest from files."""

from models import ApiKey, Source
from models.db import database


def test_keys_create_prints_the_key_last_and_stores_only_its_hash(runner):
    result = runner.invoke(args=["keys", "create", "--name", "desk", "--scope", "write"])
    assert result.exit_code == 0, result.output
    plain = result.output.strip().splitlines()[-1]
    assert plain.startswith("ct_")
    with database.connection_context():
        row = ApiKey.get(ApiKey.name == "desk")
        assert row.scope == "write"
        assert plain not in (row.key_hash, row.prefix)


def test_keys_list_shows_no_key_and_revoke_marks_it(runner):
    plain = runner.invoke(args=["keys", "create", "--name", "desk"]).output.splitlines()[-1]
    listing = runner.invoke(args=["keys", "list"]).output
    assert "desk" in listing and plain not in listing
    with database.connection_context():
        key_id = ApiKey.get(ApiKey.name == "desk").id
    assert runner.invoke(args=["keys", "revoke", str(key_id)]).exit_code == 0
    assert "revoked" in runner.invoke(args=["keys", "list"]).output


def test_revoking_an_unknown_key_fails_clearly(runner):
    result = runner.invoke(args=["keys", "revoke", "999"])
    assert result.exit_code != 0
    assert "no API key 999" in result.output


def test_setup_seeds_once_and_prints_an_admin_key_only_on_an_empty_key_table(runner):
    first = runner.invoke(args=["setup"])
    assert first.exit_code == 0, first.output
    assert "seeded 3 new source(s)" in first.output
    assert first.output.strip().splitlines()[-1].startswith("ct_")
    second = runner.invoke(args=["setup"])
    assert "seeded 0 new source(s)" in second.output
    assert "ct_" not in second.output


def test_ingest_stores_files_like_post_sources(runner, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("The council said that the library will reopen in May.", encoding="utf-8")
    result = runner.invoke(args=["ingest", str(article), "--outlet", "Gazette",
                                 "--published", "2024-05-02"])
    assert result.exit_code == 0, result.output
    assert "stored" in result.output
    again = runner.invoke(args=["ingest", str(article)])
    assert "already stored" in again.output
    with database.connection_context():
        source = Source.get()
        assert (source.outlet, str(source.published)) == ("Gazette", "2024-05-02")
