"""`claimtracker backfill`: an archive queued for the backfill workers, watched on a progress
bar until the last article is done."""

import json
import time
from pathlib import Path

import click
import marshmallow as ma
from flask import current_app
from flask.cli import with_appcontext

from api.cli import _ready
from models.db import database

SEND_EVERY = 1000  # articles kept and sent to the queue in one go


def _articles(paths: tuple[str, ...], outlet: str | None):
    """(where, article) for each article: a text file is one article, a JSON Lines file
    (.jsonl) holds one article a line as POST /sources takes it, a directory holds files."""
    from api.backfills import stored_form
    from api.schemas import SourceCreate

    schema = SourceCreate()
    for given in paths:
        path = Path(given)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                default = {"outlet": outlet} if outlet else {}
                if file.suffix != ".jsonl":
                    where = str(file)
                    yield where, stored_form(schema.load(
                        {**default, "text": file.read_text(encoding="utf-8")}))
                    continue
                with file.open(encoding="utf-8") as lines:
                    for number, line in enumerate(lines, 1):
                        if line.strip():
                            where = f"{file}:{number}"
                            yield where, stored_form({**default, **schema.load(json.loads(line))})
            except (OSError, UnicodeDecodeError) as error:
                raise click.ClickException(f"{file}: {error}") from error
            except (ValueError, ma.ValidationError) as error:
                raise click.ClickException(f"{where}: {error}") from error


def _watch(backfill_id: int) -> None:
    """A progress bar until nothing is queued; Ctrl-C stops watching, not the backfill."""
    from tqdm import tqdm

    from models.backfill import get_backfill, progress

    with database.connection_context():
        state = progress(get_backfill(backfill_id))
    with tqdm(total=state["total"], unit="article", desc=f"backfill {backfill_id}") as bar:
        try:
            while True:
                with database.connection_context():
                    state = progress(get_backfill(backfill_id))
                bar.total = state["total"]
                bar.update(state["done"] + state["failed"] - bar.n)
                bar.set_postfix(failed=state["failed"], duplicates=state["duplicates"])
                if not state["queued"]:
                    break
                time.sleep(1)
        except KeyboardInterrupt:
            click.echo(f"\nstopped watching; backfill {backfill_id} goes on")
            return
    click.echo(f"backfill {backfill_id}: {state['done']} done ({state['duplicates']} "
               f"stored already), {state['failed']} failed"
               + (f"; reasons: GET /api/v1/backfills/{backfill_id}/failures, then "
                  f"`claimtracker backfill --retry {backfill_id}`" if state["failed"] else ""))


@click.command("backfill")
@with_appcontext
@click.argument("paths", nargs=-1, metavar="FILE|DIR|JSONL...")
@click.option("--outlet", help="The outlet of every article that does not name one.")
@click.option("--retry", "retry", type=int, metavar="ID",
              help="Queue a backfill's failed articles again, and resend its queued ones.")
@click.option("--wait/--no-wait", default=True, show_default=True,
              help="Show progress until the last article is done.")
def backfill_command(paths, outlet, retry, wait):
    """Queue an archive for `claimtracker worker --backfill` processes (on any host), then
    show its progress. Needs BROKER_URL."""
    from models.errors import DomainError
    from models.jobs import retry as send_again

    if bool(paths) == bool(retry):
        raise click.UsageError("Give the files to backfill, or --retry ID.")
    config = current_app.config
    try:
        with _ready():
            if retry:
                send_again(config["BROKER_URL"], config["BACKFILL_QUEUE"], retry)
                backfill_id = retry
            else:
                backfill_id = _send(_articles(paths, outlet), config)
    except DomainError as error:
        raise click.ClickException(error.detail) from error
    if wait:
        _watch(backfill_id)


def _send(articles, config) -> int:
    """Keep every article (SEND_EVERY to a transaction), then send them all to the workers;
    the backfill's id. Nothing is kept when an article cannot be read; when the queue cannot
    be reached, the articles are kept and `--retry ID` sends them."""
    from models.backfill import add_items, create_backfill, delete_backfill, queued_items
    from models.errors import Unavailable
    from models.jobs import configured, enqueue

    configured(config["BROKER_URL"])
    backfill_id = create_backfill("cli")[0].id
    batch: list[dict] = []
    try:
        for _, article in articles:
            batch.append(article)
            if len(batch) == SEND_EVERY:
                add_items(backfill_id, batch)
                batch = []
        add_items(backfill_id, batch)
    except click.ClickException:
        delete_backfill(backfill_id)
        raise
    items = queued_items(backfill_id)
    if not items:
        delete_backfill(backfill_id)
        raise click.ClickException("No article found there.")
    try:
        enqueue(config["BROKER_URL"], config["BACKFILL_QUEUE"], items)
    except Unavailable as error:
        raise click.ClickException(f"{error.detail} The {len(items)} articles are kept as "
                                   f"backfill {backfill_id}: `claimtracker backfill --retry "
                                   f"{backfill_id}` sends them.") from error
    click.echo(f"backfill {backfill_id} queued: {len(items)} articles")
    return backfill_id
