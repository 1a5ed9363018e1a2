"""The database binding: one URL picks SQLite or PostgreSQL, every model binds through a proxy."""

import contextlib
import datetime
import functools
import hashlib
import json
import logging
import random
import sqlite3
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import peewee
from playhouse.pool import PooledPostgresqlDatabase

database = peewee.DatabaseProxy()

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
    "cache_size": -64 * 1024,
}


class UnsupportedDatabase(ValueError):
    """The DATABASE_URL names a database this service does not run on."""


def open_database(url: str) -> peewee.Database:
    """Build (but do not connect) the database a DATABASE_URL names."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        # sqlite:///relative/path, sqlite:////absolute/path, sqlite:///:memory:
        path = unquote(url[len("sqlite:///"):]) or ":memory:"
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # Write transactions take the write lock when they begin: a deferred one that read
        # first would fail at once ("database is locked") if another writer got in between.
        return peewee.SqliteDatabase(path, pragmas=SQLITE_PRAGMAS, timeout=5,
                                     lock_type="IMMEDIATE")
    if parts.scheme in ("postgres", "postgresql"):
        return PostgresPool(
            unquote(parts.path.lstrip("/")),
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 5432,
            user=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            max_connections=32,
            stale_timeout=300,
            timeout=10,
            connection_factory=_preparing_connection(),
        )
    raise UnsupportedDatabase(f"unsupported DATABASE_URL scheme {parts.scheme!r}")


def _preparing_connection():
    """psycopg2's connection, remembering the statements raw_rows has prepared on it (a
    prepared statement lasts as long as its session, whatever becomes of the transaction)."""
    import psycopg2.extensions

    class PreparingConnection(psycopg2.extensions.connection):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.prepared: set[str] = set()

    return PreparingConnection


class PostgresPool(PooledPostgresqlDatabase):
    """The connection pool. A pooled connection is judged by the state psycopg2 knows
    locally, and one that sat idle for PING_AFTER seconds is asked too (SELECT 1), so the
    connections a server restart dropped are discarded at checkout instead of failing a
    request; under load a connection is reused at once and costs no round trip."""

    PING_AFTER = 1.0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._idle_since: dict[int, float] = {}

    def _is_closed(self, conn):
        adapter = self._adapter
        status = adapter.txn_status(conn)
        if conn.closed or status == adapter.txn_unknown:
            return True
        try:
            if status != adapter.txn_idle:
                adapter.rollback(conn)
            idle_since = self._idle_since.pop(self.conn_key(conn), None)
            if idle_since is not None and time.monotonic() - idle_since > self.PING_AFTER:
                with conn.cursor() as cursor:
                    cursor.execute("SELECT 1")
        except Exception:  # noqa: BLE001 - a connection that cannot answer is gone
            self._close_raw(conn)  # its socket too, not left to the garbage collector
            return True
        return False

    def _close(self, conn, close_conn=False):
        self._idle_since[self.conn_key(conn)] = time.monotonic()
        super()._close(conn, close_conn)

    def _close_raw(self, conn):
        self._idle_since.pop(self.conn_key(conn), None)
        super()._close_raw(conn)


def lost_connection(error: Exception) -> bool:
    """The database went away under a request (a restart, a shutdown, a refused connection),
    as against a query it refused: worth a fresh connection, or a 503 and a retry."""
    if not isinstance(error, peewee.OperationalError | peewee.InterfaceError):
        return False
    original = getattr(error, "orig", error)
    code = getattr(original, "pgcode", None)
    # psycopg2 gives no code when the connection itself failed; 57P0x: the server is shutting
    # down or starting up.
    return is_postgres() and (code is None or code.startswith("57P0"))


# PostgreSQL's deadlock and serialization failure: the transaction lost to another and was
# rolled back whole; run again, it will most likely go through.
ROLLED_BACK_FOR_ANOTHER = ("40P01", "40001")


def in_transaction(operation, attempts: int = 3):
    """operation() in one transaction, run again (up to `attempts` times in all, after a
    short random pause) when PostgreSQL rolls it back for a deadlock or a serialization
    failure, so that the caller never sees one."""
    for attempt in range(1, attempts + 1):
        try:
            with database.atomic():
                return operation()
        except peewee.OperationalError as error:
            code = getattr(getattr(error, "orig", error), "pgcode", None)
            if attempt == attempts or code not in ROLLED_BACK_FOR_ANOTHER:
                raise
            time.sleep(random.uniform(0.01, 0.05) * attempt)


# What a database says when it cannot store anything more: SQLite's full disk, read-only file
# or failed write, PostgreSQL's insufficient resources (53xxx) and read-only transaction.
_STORAGE_REFUSALS = ("database or disk is full", "readonly database", "disk i/o error")


def storage_refused(error: BaseException | None) -> bool:
    """The write failed for want of room or of write access, not for what it wrote. SQLite
    rolls such a transaction back itself, so the error raised may be the rollback's that
    followed ("no transaction is active"): the one before it says why."""
    if not isinstance(error, peewee.OperationalError | peewee.InternalError):
        return False
    for _ in range(4):  # the error, and those it was raised in the handling of
        code = getattr(getattr(error, "orig", error), "pgcode", None) or ""
        if code.startswith("53") or code == "25006" or any(
                refusal in str(error).lower() for refusal in _STORAGE_REFUSALS):
            return True
        error = error.__context__
        if error is None:
            return False
    return False


def drop_idle_connections() -> None:
    """After a lost connection: the pooled ones went with it, so open new ones from now on."""
    if isinstance(database.obj, PooledPostgresqlDatabase):
        database.obj.close_idle()


def bind(url: str) -> peewee.Database:
    """Point every model at the database a URL names, closing any previous one."""
    previous = database.obj
    if previous is not None:
        if isinstance(previous, PooledPostgresqlDatabase):
            previous.close_all()
        elif not previous.is_closed():
            previous.close()
    db = open_database(url)
    database.initialize(db)
    return db


# How often a server's worker copies SQLite's write-ahead log into the database (seconds).
CHECKPOINT_EVERY = 1.0
# The log (in pages) at which a commit copies it after all, should no thread have done so.
CHECKPOINT_FALLBACK = 20_000

log = logging.getLogger("models.db")


def checkpoint_in_background(every: float = CHECKPOINT_EVERY) -> threading.Thread | None:
    """SQLite in a server: the write-ahead log copied into the database file by a thread of
    this process every `every` seconds, not by whichever commit finds the log past 1,000 pages
    (SQLite's automatic checkpoint added 20-30 ms to one ingest in six at 100,000 claims), as
    SQLite's documentation suggests for an application that minds its latency. The thread's
    checkpoints are PASSIVE: they wait for no reader and no writer, and no commit waits for
    them. Commits still copy a log grown past CHECKPOINT_FALLBACK pages (80 MB), should the
    thread fall behind. Nothing (None) on PostgreSQL, in memory or with no database bound."""
    db = database.obj
    if not isinstance(db, peewee.SqliteDatabase) or db.database == ":memory:":
        return None
    db.pragma("wal_autocheckpoint", CHECKPOINT_FALLBACK, permanent=True)
    path = db.database

    def copy_the_log() -> None:
        failing = False
        while True:
            time.sleep(every)
            try:
                with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as copier:
                    copier.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                failing = False
            except sqlite3.Error as error:  # the next turn tries again
                if not failing:
                    log.warning("checkpoint failed, retrying every %s s: %s", every, error)
                failing = True

    thread = threading.Thread(target=copy_the_log, name="sqlite-checkpoints", daemon=True)
    thread.start()
    return thread


def is_postgres(db: peewee.Database | None = None) -> bool:
    """Whether db (by default the bound database) is PostgreSQL."""
    return isinstance(db if db is not None else database.obj, peewee.PostgresqlDatabase)


def locked(query):
    """A SELECT that locks its rows against other writers until the transaction ends (SQLite's
    write transactions already hold the only write lock). NO KEY UPDATE, since no id ever
    changes: a concurrent insert referencing a locked row (an appearance of a locked claim)
    goes on instead of waiting, and cannot deadlock with this lock."""
    return query.for_update(_ROW_LOCK) if is_postgres() else query


def locking(sql: str) -> str:
    """A raw SELECT that locks its rows as locked() does."""
    return f"{sql} {_ROW_LOCK}" if is_postgres() else sql


_ROW_LOCK = "FOR NO KEY UPDATE"


@functools.lru_cache(maxsize=256)
def _dialect(sql: str, postgres: bool) -> str:
    if postgres:
        return sql.replace("IN ?", "= ANY(?)").replace("?", "%s")
    return sql.replace("IN ?", "IN (SELECT value FROM json_each(?))")


@functools.lru_cache(maxsize=256)
def _prepared(sql: str, types: tuple[str, ...]) -> tuple[str, str, str]:
    """PostgreSQL's name, PREPARE and EXECUTE of a raw_rows statement, its parameters of these
    types (left to PostgreSQL, a parameter compared with an integer column would be an
    integer, and a larger id an error instead of no row)."""
    parts = _dialect(sql, True).split("%s")
    name = "raw_" + hashlib.blake2b(f"{sql}{types}".encode(), digest_size=8).hexdigest()
    prepare = parts[0] + "".join(f"${n}{part}" for n, part in enumerate(parts[1:], 1))
    declared = f"({', '.join(types)})" if types else ""
    arguments = f"({', '.join(['%s'] * len(types))})" if types else ""
    return name, f"PREPARE {name}{declared} AS {prepare}", f"EXECUTE {name}{arguments}"


def _integers(value) -> str | None:
    """The type of a raw_rows parameter, as prepared: ids, counts and lists of ids."""
    if isinstance(value, int) and not isinstance(value, bool):
        return "bigint"
    if isinstance(value, IdArray):
        return "bigint[]"
    return None


def raw_rows(sql: str, *params) -> list[tuple]:
    """Rows of hand-written SQL, for the reads every request makes: Peewee takes 100 to 250 us
    to build a query that SQLite answers in 6. '?' marks a parameter; 'IN ?' given a list
    matches any of its values. On PostgreSQL a statement whose parameters are all integers
    (or lists of them) is prepared once a connection, as planning these reads costs three
    times their running (SQLite's driver keeps its statements prepared itself)."""
    values = [_list_value(p) if isinstance(p, list | tuple | set) else p for p in params]
    postgres = is_postgres()
    types = tuple(_integers(v) for v in values) if postgres else ()
    if not postgres or None in types:
        return database.execute_sql(_dialect(sql, postgres), values).fetchall()
    name, prepare, execute = _prepared(sql, types)
    prepared = database.connection().prepared
    if name not in prepared:
        database.execute_sql(prepare)
        prepared.add(name)
    return database.execute_sql(execute, values).fetchall()


ROWS_AT_ONCE = 500  # rows inserted in one statement by insert_rows


def insert_rows(model, rows: list[dict], *, returning: bool = False,
                ignore_conflicts: bool = False) -> list:
    """model.insert_many(rows) as Peewee would write it (a field left out takes its default,
    each value goes through its field's db_value), ROWS_AT_ONCE rows a statement, for the
    inserts of every ingest: Peewee builds a many-row insert value by value, about 4 us a
    value. Every row has the keys of the first. With returning, the rows stored as models (a
    row ignored as a conflict is not among them)."""
    if not rows:
        return []
    if any(row.keys() != rows[0].keys() for row in rows):
        raise ValueError("insert_rows takes rows of the same fields")
    meta = model._meta
    given = [meta.fields[name] for name in rows[0]]
    defaulted = [f for f in meta.sorted_fields if f.name not in rows[0] and f.default is not None]
    postgres = is_postgres()
    columns = ", ".join(f'"{f.column_name}"' for f in given + defaulted)
    head = (f'INSERT{" OR IGNORE" if ignore_conflicts and not postgres else ""} INTO '
            f'"{meta.table_name}" ({columns}) VALUES ')
    tail = " ON CONFLICT DO NOTHING" if ignore_conflicts and postgres else ""
    if returning:
        tail += " RETURNING " + ", ".join(f'"{f.column_name}"' for f in meta.sorted_fields)
    marks = "(" + ", ".join([database.param] * (len(given) + len(defaulted))) + ")"
    stored = []
    for chunk in peewee.chunked(rows, ROWS_AT_ONCE):
        values = []
        for row in chunk:
            values += [f.db_value(row[f.name]) for f in given]
            values += [f.db_value(f.default() if callable(f.default) else f.default)
                       for f in defaulted]
        cursor = database.execute_sql(head + ", ".join([marks] * len(chunk)) + tail, values)
        if returning:
            stored += [_stored(model, row) for row in cursor.fetchall()]
    return stored


def _stored(model, row: tuple):
    """A model of a row of all its columns, as Peewee makes one of a row it reads."""
    instance = model(__no_default__=1, **{f.name: f.python_value(value) for f, value
                                          in zip(model._meta.sorted_fields, row, strict=True)})
    instance._dirty.clear()
    return instance


class IdArray(str):
    """A list of integers as PostgreSQL's text of an array, '{1,2,3}', its type taken from
    where it stands. psycopg2 writes a list as ARRAY[1,2,3], adapting each value (2.4 us
    each), and PostgreSQL parses and plans that as as many constants: with a speaker's 1,930
    claims, 12 ms a query instead of 3."""


def _list_value(values):
    """A list as one parameter: an array for PostgreSQL's ANY, JSON for SQLite's json_each."""
    values = list(values)
    if not is_postgres():
        return json.dumps(values)
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return IdArray("{" + ",".join(map(str, values)) + "}")
    return values


def one_of(column, values: list):
    """column IN values, with the list as one parameter however long it is (as raw_rows'
    'IN ?')."""
    if is_postgres():
        return peewee.Expression(column, "=", peewee.fn.ANY(
            peewee.Value(_list_value(values), unpack=False)))
    return column.in_(peewee.SQL("(SELECT value FROM json_each(?))", [_list_value(values)]))


def utcnow() -> datetime.datetime:
    """Naive UTC, as every timestamp is stored."""
    return datetime.datetime.now(datetime.UTC).replace(tzinfo=None)


class JSONTextField(peewee.TextField):
    """A JSON value kept as text, identical on both databases."""

    def db_value(self, value):
        return None if value is None else json.dumps(value, separators=(",", ":"))

    def python_value(self, value):
        return None if value is None else json.loads(value)


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False
