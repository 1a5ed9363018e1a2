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


def test_the_command_outside_the_project_names_the_fix_for_a_database_without_schema(
        tmp_path):
    """Run as a user would, from another directory, on a database never set up: one clear
    line, no traceback, and the default database is the project's own."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    command = Path(sys.executable).parent / "claimtracker"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/empty.db"}
    run = subprocess.run([str(command), "keys", "list"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert "run `claimtracker setup`" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "var").exists()


def test_the_default_database_is_the_projects_whatever_the_working_directory(monkeypatch,
                                                                           tmp_path):
    from pathlib import Path

    from api.config import Config

    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert Config().DATABASE_URL == f"sqlite:///{Path(__file__).parents[1] / 'var' / 'claims.db'}"
