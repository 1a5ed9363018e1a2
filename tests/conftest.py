"""Fixtures: an app on a fresh database (SQLite, and PostgreSQL when TEST_DATABASE_URL names a
server), its client and CLI runner, and API keys of each scope."""

import os
import uuid
from urllib.parse import urlsplit, urlunsplit

import peewee
import pytest
from flask import Flask

from api import create_app
from api.config import Config
from models import TABLES, search
from models.apikey import create_key
from models.db import bind, database, is_postgres
from models.migrate import migrate


def _postgres_server_url() -> str | None:
    url = os.environ.get("TEST_DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def _admin_connection(url: str):
    import psycopg2

    parts = urlsplit(url)
    conn = psycopg2.connect(dbname=parts.path.lstrip("/") or "postgres",
                            host=parts.hostname or "127.0.0.1", port=parts.port or 5432,
                            user=parts.username, password=parts.password, connect_timeout=5)
    conn.autocommit = True
    return conn


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory):
    """A migrated, empty database of each kind, for the whole session."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'claims.db'}"
        bind(url)
        with database.connection_context():
            migrate()
        yield url
        return
    server = _postgres_server_url()
    if server is None:
        pytest.skip("PostgreSQL tests need TEST_DATABASE_URL (e.g. "
                    "postgresql://postgres@127.0.0.1:5432/test)")
    try:
        admin = _admin_connection(server)
    except Exception as error:  # noqa: BLE001 - any failure to reach the server
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but PostgreSQL at {server} cannot be reached: {error}")
        pytest.skip(f"PostgreSQL at {server} cannot be reached: {error}")
    name = f"claimtracker_test_{uuid.uuid4().hex[:10]}"
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()  # a test may restart the server: the drop below opens its own connection
    parts = urlsplit(server)
    url = urlunsplit((parts.scheme, parts.netloc, f"/{name}", "", ""))
    bind(url)
    with database.connection_context():
        migrate()
    yield url
    bind("sqlite:///:memory:")  # closes the pool
    admin = _admin_connection(server)
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture(scope="session")
def backfill_queue():
    """A queue of the session's own on the local RabbitMQ, for apps that take backfills."""
    from tests.broker import delete_queue, new_queue

    name = new_queue()
    yield name
    delete_queue(name)


def empty_tables() -> None:
    """Delete every row, keeping the schema, and restart PostgreSQL's id sequences (and forget
    the words' claim counts the search kept of them). DELETE, not TRUNCATE: on PostgreSQL a
    TRUNCATE of these few small tables takes ~0.4 s, their DELETE 7 ms, and every test empties
    them."""
    search.forget_counts()
    names = ["claim_search", *(t._meta.table_name for t in reversed(peewee.sort_models(TABLES)))]
    with database.connection_context(), database.atomic():
        for name in names:
            database.execute_sql(f'DELETE FROM "{name}"')
        if is_postgres():
            # The sequences these tables' columns own (serial or identity).
            database.execute_sql(
                "SELECT setval(seq.oid, 1, false) FROM pg_class seq JOIN pg_depend owned "
                "ON owned.objid = seq.oid AND owned.deptype IN ('a', 'i') JOIN pg_class tab "
                "ON tab.oid = owned.refobjid WHERE seq.relkind = 'S' AND tab.relname = ANY(%s)",
                (names,))


_APPS: dict[str, Flask] = {}


def shared_app(database_url: str) -> Flask:
    """The app the tests call on this database, bound to it: built once a test process, since
    building it costs more than most tests."""
    if database_url not in _APPS:
        # Rate limits have their own tests; elsewhere they would only count test traffic.
        _APPS[database_url] = create_app(Config(
            DATABASE_URL=database_url, TESTING=True, RATELIMIT_ENABLED=False,
            PUBLISHER_NAME="Factdesk", PUBLIC_BASE_URL="https://claims.example"))
    bind(database_url)  # another test may have bound another database
    return _APPS[database_url]


@pytest.fixture
def app(database_url):
    """The shared app on empty tables; the configuration a test changes is put back after it."""
    app = shared_app(database_url)
    configured = dict(app.config)
    empty_tables()
    yield app
    app.config.clear()
    app.config.update(configured)
    if not database.is_closed():
        database.close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def key_headers(scope: str) -> dict:
    with database.connection_context():
        _, plain = create_key(f"test-{scope}", scope)
    return {"Authorization": f"Bearer {plain}"}


@pytest.fixture
def write_headers(app):
    return key_headers("write")


@pytest.fixture
def read_headers(app):
    return key_headers("read")


@pytest.fixture
def admin_headers(app):
    return key_headers("admin")


@pytest.fixture
def counted(monkeypatch):
    """A list of the SQL run since the fixture was taken (cleared at will); not PostgreSQL's
    PREPARE of a read, made once a connection, not once a request."""
    executed = []
    real = type(database.obj).execute_sql

    def counting(self, sql, params=None, *args, **kwargs):
        if not sql.startswith("PREPARE "):
            executed.append(sql)
        return real(self, sql, params, *args, **kwargs)

    monkeypatch.setattr(type(database.obj), "execute_sql", counting)
    return executed


@pytest.fixture
def seeded(app):
    """The three seed articles, ingested."""
    from seed import load_seed

    with database.connection_context():
        load_seed()


def pytest_collection_modifyitems(items):
    """A group of tests sharing a slow fixture first (`make test` hands each group to one test
    worker): the floors' minute of measuring then runs while the other workers take the rest,
    not at the end of the run."""
    items.sort(key=lambda item: item.get_closest_marker("xdist_group") is None)


def pytest_report_header(config):
    server = _postgres_server_url()
    where = f"on {server}" if server else "SKIPPED (TEST_DATABASE_URL unset)"
    return [f"PostgreSQL tests: {where}"]
