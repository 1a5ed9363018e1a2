"""Upgrades lose nothing: a database filled at each past migration, on both engines, migrates
to the latest with every row kept, every value no migration means to change unchanged, and its
claims found by the search index.

The rows are made from the schema as it stood (each column of each table, in the order the
foreign keys need), so a migration added tomorrow is covered without a line here."""

import datetime
import uuid
from decimal import Decimal

import pytest
from playhouse.migrations import Runner

from models import search
from models.db import bind, database, is_postgres
from models.migrate import MIGRATIONS
from tests.conftest import _admin_connection, _postgres_server_url

NAMES = [path.stem for path in sorted(MIGRATIONS.glob("[0-9]*.py"))]
BOOKKEEPING = {"schema_migration", "claim_search"}
# Values a migration rewrites on purpose: (first migration that rewrites them, table, column).
REWRITTEN = [("0008_surname_by_nameparser", "speaker", "surname_key"),
             ("0010_standard_webhook_secrets", "webhook", "secret")]
SECRET = "whsec_" + "A" * 42 + "_-"  # as the first releases issued them: URL-safe, unpadded
# Values the domain needs (JSON, names, states); any other column takes one by its type.
GIVEN = {
    ("api_key", "key_hash"): "a" * 64, ("api_key", "prefix"): "ct_abcdefgh",
    ("api_key", "scope"): "admin",
    ("speaker", "name"): "Vladimir Putin", ("speaker", "name_key"): "vladimir putin",
    ("speaker", "surname_key"): "putin", ("speaker", "kind"): "person",
    ("speaker_alias", "alias"): "Putin", ("speaker_alias", "alias_key"): "putin",
    ("claim", "text"): "A deal was reached at Genoa.", ("claim", "status"): "disputed",
    ("claim", "review_state"): "untriaged", ("claim", "key"): "deal reached genoa",
    ("source", "text"): "Officials said a deal was reached at Genoa.",
    ("source", "content_hash"): "b" * 64, ("source", "language"): "en",
    ("appearance", "quote"): "a deal was reached at Genoa", ("appearance", "kind"): "indirect",
    ("appearance", "frame"): None,
    ("claim_link", "relation"): "contradicts", ("claim_link", "state"): "confirmed",
    ("claim_link", "origin"): "detected", ("claim_link", "kind"): "self",
    ("claim_link", "cues"): '["not"]',
    ("review", "rating"): "refuted", ("review", "reviewer"): "Ana Checker",
    ("review", "reviewer_type"): "person",
    ("status_change", "field"): "status",
    ("event", "type"): "claim.created", ("event", "data"): '{"claim_id": 1}',
    ("webhook", "events"): '["claim.created"]', ("webhook", "secret"): SECRET,
    ("delivery", "state"): "pending",
    ("backfill_item", "state"): "failed",
}


@pytest.fixture
def fresh_url(database_url, tmp_path):
    """An empty database of the same engine, bound while the test runs."""
    if database_url.startswith("sqlite"):
        url, drop = f"sqlite:///{tmp_path / 'upgrade.db'}", None
    else:
        server = _postgres_server_url()
        name = f"claimtracker_upgrade_{uuid.uuid4().hex[:8]}"
        admin = _admin_connection(server)
        with admin.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        admin.close()
        url, drop = server.rsplit("/", 1)[0] + f"/{name}", name
    bind(url)
    yield url
    bind(database_url)
    if drop:
        admin = _admin_connection(_postgres_server_url())
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{drop}" WITH (FORCE)')
        admin.close()


def _value(table: str, column, foreign: dict):
    if column.name in foreign:
        return 1
    if (table, column.name) in GIVEN:
        return GIVEN[table, column.name]
    kind = column.data_type.lower()
    if "int" in kind:
        return 3
    if "bool" in kind:
        return True
    if kind.startswith(("real", "double", "float", "numeric", "decimal")):
        return 0.5
    if kind == "date":
        return datetime.date(2001, 7, 20)
    if "time" in kind:
        return datetime.datetime(2001, 7, 20, 10, 30)
    if column.name.endswith("url"):
        return f"https://example.org/{table}"
    return f"{table} {column.name}"


def _tables() -> list[str]:
    """The tables as they stand, each after the tables it refers to."""
    tables = [t for t in database.get_tables() if t not in BOOKKEEPING
              and not t.startswith("claim_search")]
    ordered: list[str] = []
    while len(ordered) < len(tables):
        for table in tables:
            needs = {fk.dest_table for fk in database.get_foreign_keys(table)} - {table}
            if table not in ordered and needs <= set(ordered):
                ordered.append(table)
    return ordered


def _fill() -> dict[str, dict]:
    """One row in every table, every column given; the rows as written."""
    written = {}
    for table in _tables():
        foreign = {fk.column for fk in database.get_foreign_keys(table)}
        row = {c.name: (1 if c.name == "id" else _value(table, c, foreign))
               for c in database.get_columns(table)}
        names = ", ".join(f'"{name}"' for name in row)
        marks = ", ".join(["%s" if is_postgres() else "?"] * len(row))
        database.execute_sql(f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                             list(row.values()))
        if is_postgres() and "id" in row:
            database.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), 1)")
        written[table] = row
    search.index_documents({1: GIVEN["claim", "text"]})
    return written


def _plain(value):
    """A value as both engines give it back: dates and times as text, numbers as floats."""
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal | float):
        return float(value)
    return value


@pytest.mark.parametrize("filled_at", NAMES[:-1])
def test_a_database_filled_at_an_earlier_migration_upgrades_with_nothing_lost(fresh_url,
                                                                              filled_at):
    with database.connection_context():
        Runner(database.obj, str(MIGRATIONS)).up(filled_at)
        written = _fill()
        Runner(database.obj, str(MIGRATIONS)).up()
        later = set(NAMES[NAMES.index(filled_at) + 1:])
        for table, row in written.items():
            cursor = database.execute_sql(f'SELECT * FROM "{table}"')
            names = [d[0] for d in cursor.description]
            now = [dict(zip(names, found, strict=True)) for found in cursor.fetchall()]
            assert len(now) == 1, (table, now)
            for column, value in row.items():
                if any(m in later and (t, c) == (table, column) for m, t, c in REWRITTEN):
                    continue
                assert _plain(now[0][column]) == _plain(value), (table, column)
        assert search.newest_matches("Genoa", 10) == [1]
