"""A full dump and its restore: the round trip loses nothing, on both databases."""

import json

import pytest

from models import Claim
from models.claim import create_claim
from models.db import database
from models.dump import dump, restore
from models.errors import Invalid
from models.link import flag_contradiction
from models.review import add_review
from models.search import newest_matches
from models.webhook import create_webhook
from tests.conftest import empty_tables


@pytest.fixture
def full_base(app, seeded):
    with database.connection_context():
        first, second = (c.id for c in Claim.select().order_by(Claim.id).limit(2))
        flag_contradiction(first, second, explanation="they clash", actor="editor",
                           state="confirmed")
        add_review(first, {"rating": "mostly_refuted", "rating_label": "Mostly false"},
                   actor="checker")
        create_claim(text="A claim typed in by hand.", actor="editor")
        create_webhook("http://127.0.0.1:9/hook", ["claim.created"], actor="admin")
        return json.loads(json.dumps(dump()))  # as it travels: through a JSON file


def test_a_dump_restored_into_an_empty_database_dumps_identically(full_base, database_url):
    empty_tables()
    with database.connection_context():
        counts = restore(full_base)
        assert counts["claim"] == len(full_base["tables"]["claim"]) > 20
        assert json.loads(json.dumps(dump())) == full_base
        # the search index is rebuilt, and new rows get fresh ids
        assert newest_matches("treaty", 1)  # the search index was rebuilt
        assert create_claim(text="After the restore.", actor="t").id > max(
            row["id"] for row in full_base["tables"]["claim"])


def test_restore_refuses_a_database_that_is_not_empty(full_base):
    with database.connection_context(), pytest.raises(Invalid, match="empty"):
        restore(full_base)


@pytest.mark.parametrize("broken", [{}, {"format": "other"},
                                    {"format": "claimtracker-dump", "version": 99}])
def test_restore_refuses_what_is_not_a_dump_of_this_version(app, broken):
    with database.connection_context(), pytest.raises(Invalid):
        restore(broken)


def test_export_and_import_commands_round_trip(full_base, runner, tmp_path, database_url):
    path = tmp_path / "dump.json"
    assert runner.invoke(args=["export", "--out", str(path)]).exit_code == 0
    empty_tables()
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 0, result.output
    with database.connection_context():
        assert json.loads(json.dumps(dump())) == full_base
