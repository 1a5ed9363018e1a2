"""The `claimtracker` command, built on Flask's CLI (so `flask --app api ...` works too)."""

import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext

from models.db import database


def _app_factory():
    from api import create_app

    return create_app()


@click.group(cls=FlaskGroup, create_app=_app_factory, add_default_commands=False,
             add_version_option=False)
def main():
    """Claim tracker: claims, speakers, sources and contradictions over HTTP."""


def register_commands(app: Flask) -> None:
    from api.backfill_cli import backfill_command

    for command in (migrate_command, seed_command, setup_command, serve_command, ingest_command,
                    recheck_command, worker_command, export_command, import_command, keys,
                    backfill_command):
        app.cli.add_command(command)


@contextmanager
def _ready():
    """A connection to a database whose schema is up to date, or a clear message (not a
    traceback) saying how to make it so."""
    from models.migrate import pending

    with database.connection_context():
        if pending():
            raise click.ClickException(
                f"The database ({current_app.config['DATABASE_URL']}) has no schema yet or an "
                "old one: run `claimtracker setup` (or `make serve`) first, or set "
                "DATABASE_URL to the database you mean.")
        yield


def _migrate() -> None:
    from models.migrate import migrate

    with database.connection_context():
        for name in migrate():
            click.echo(f"applied migration {name}")


@click.command("migrate")
def migrate_command():
    """Apply pending schema migrations."""
    _migrate()


@click.command("seed")
def seed_command():
    """Load the seed articles (idempotent)."""
    from seed import load_seed

    with database.connection_context():
        created = load_seed()
    click.echo(f"seeded {created} new source(s)")


@click.command("setup")
def setup_command():
    """Migrate, seed, and on an empty key table create an admin key and print it once."""
    from models.apikey import create_key, has_keys
    from seed import load_seed

    _migrate()
    with database.connection_context():
        click.echo(f"seeded {load_seed()} new source(s)")
        if not has_keys():
            _, plain = create_key("admin", "admin")
            click.echo("Created an admin API key. It is shown this once; keep it:")
            click.echo(plain)


@click.command("serve")
@with_appcontext
@click.option("--host", help="default: HOST or 127.0.0.1")
@click.option("--port", type=int, help="default: PORT or 8000")
@click.option("--workers", type=int, help="default: WEB_CONCURRENCY or 2")
def serve_command(host, port, workers):
    """Serve the API with gunicorn."""
    config = current_app.config
    gunicorn = Path(sys.executable).with_name("gunicorn")
    args = [str(gunicorn), "--bind", f"{host or config['HOST']}:{port or config['PORT']}",
            "--workers", str(workers or config["WORKERS"]), "--config", "python:api.serving",
            "api:create_app()"]
    os.execv(args[0], args)


@click.command("ingest")
@with_appcontext
@click.argument("articles", nargs=-1, required=True, metavar="FILE|URL...")
@click.option("--title")
@click.option("--outlet")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]))
def ingest_command(articles, title, outlet, published):
    """Ingest article files or web pages, as POST /api/v1/sources does."""
    from api.sources import fetch_options
    from models.errors import DomainError
    from models.ingest import ingest_article, ingest_url

    given = {"title": title, "outlet": outlet,
             "published": published.date() if published else None}
    with _ready():
        for article in articles:
            try:
                if article.startswith(("http://", "https://")):
                    result = ingest_url(article, actor="cli", fetch_options=fetch_options(),
                                        **given)
                else:
                    text = Path(article).read_text(encoding="utf-8")
                    result = ingest_article(text=text, actor="cli", **given)
            except (OSError, DomainError) as error:
                message = getattr(error, "detail", error)
                raise click.ClickException(f"{article}: {message}") from error
            if result.created:
                click.echo(f"{article}: source {result.source.id} stored, "
                           f"{len(result.claims)} claim(s), {len(result.links)} link(s)")
            else:
                click.echo(f"{article}: already stored as source {result.source.id}")


@click.command("recheck")
def recheck_command():
    """Re-run contradiction and same-claim detection over the whole base (idempotent)."""
    from models.detection import recheck

    with _ready():
        report = recheck(actor="cli")
    click.echo(f"rechecked {report.claims} claim(s), scored {report.scored} pair(s): "
               f"{report.created} link(s) suggested, {report.updated} re-scored, "
               f"{report.removed} withdrawn; {report.signed} claim(s) read anew")


@click.command("worker")
@with_appcontext
@click.option("--once", is_flag=True, help="Stop when no delivery is due.")
@click.option("--backfill", is_flag=True,
              help="Ingest backfill articles from the job queue (BROKER_URL) instead.")
def worker_command(once, backfill):
    """Deliver webhook events: signed, retried with backoff for 24 hours, every attempt logged.
    With --backfill, ingest backfill articles from the job queue until stopped."""
    from models.worker import run

    config = current_app.config
    if backfill:
        from api.sources import fetch_options
        from models.jobs import work

        if not config["BROKER_URL"]:
            raise click.ClickException("Set BROKER_URL to the job queue (RabbitMQ).")
        with _ready():  # a clear message when the schema is not there
            pass
        work(config["BROKER_URL"], config["BACKFILL_QUEUE"], fetch_options())
        return
    attempts = run(poll_seconds=config["WORKER_POLL_SECONDS"],
                   lock_seconds=config["WEBHOOK_LOCK_SECONDS"],
                   timeout=config["WEBHOOK_TIMEOUT_SECONDS"], once=once)
    click.echo(f"made {attempts} delivery attempt(s)")


@click.command("export")
@click.option("--out", type=click.File("w", encoding="utf-8"), default="-",
              help="The file to write (default: standard output).")
def export_command(out):
    """Dump every table as JSON (restore it with `claimtracker import`)."""
    from models.dump import dump

    with _ready():
        json.dump(dump(), out, ensure_ascii=False)
    out.write("\n")


@click.command("import")
@click.argument("file", type=click.File("r", encoding="utf-8"))
def import_command(file):
    """Restore a dump made by `claimtracker export` into an empty, migrated database."""
    from models.dump import restore
    from models.errors import Invalid

    try:
        data = json.load(file)
    except json.JSONDecodeError as error:
        raise click.ClickException(f"{file.name} is not JSON: {error}") from error
    with _ready():
        try:
            counts = restore(data)
        except Invalid as error:
            raise click.ClickException(error.detail) from error
    click.echo("restored " + ", ".join(f"{n} {table}" for table, n in counts.items() if n))


@click.group()
def keys():
    """Create, list and revoke API keys."""


@keys.command("create")
@click.option("--name", required=True)
@click.option("--scope", type=click.Choice(["read", "write", "admin"]), default="write",
              show_default=True)
def keys_create(name, scope):
    """Create a key; the key itself is the last line printed, shown once."""
    from models.apikey import create_key

    with _ready():
        row, plain = create_key(name, scope)
    click.echo(f"created key {row.id} {name!r} with scope {scope}")
    click.echo(plain)


@keys.command("list")
def keys_list():
    """List keys (never the keys themselves)."""
    from models.apikey import ApiKey

    with _ready():
        for row in ApiKey.select().order_by(ApiKey.id):
            state = f"revoked {row.revoked_at:%Y-%m-%d}" if row.revoked_at else "active"
            click.echo(f"{row.id}\t{row.prefix}…\t{row.scope}\t{state}\t{row.name}")


@keys.command("revoke")
@click.argument("key_id", type=int)
def keys_revoke(key_id):
    """Revoke a key by id."""
    from models.apikey import revoke_key
    from models.errors import NotFound

    with _ready():
        try:
            revoke_key(key_id)
        except NotFound as error:
            raise click.ClickException(error.detail) from error
    click.echo(f"revoked key {key_id}")
