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
                if file.suffix != ".jsonl":
                    yield str(file), stored_form({"text": file.read_text(encoding="utf-8"),
                                                  **({"outlet": outlet} if outlet else {})})
                    continue
                for number, line in enumerate(file.open(encoding="utf-8"), 1):
                    if line.strip():
                        where = f"{file}:{number}"
                        article = schema.load(json.loads(line))
                        yield where, stored_form({"outlet": outlet, **article} if outlet
                                                 else article)
            except (OSError, UnicodeDecodeError) as error:
                raise click.ClickException(f"{file}: {error}") from error
            except (ValueError, ma.ValidationError) as error:
                raise click.ClickException(f"{where}: {error}") from error


def _watch(backfill_id: int) -> None:
    """A progress bar until nothing is queued; Ctrl-C stops watching, not the backfill."""
    from tqdm import tqdm

    from models.backfill import get_backfill, progress

    with _ready():
        state = progress(get_backfill(backfill_id))
    with tqdm(total=state["total"], unit="article", desc=f"backfill {backfill_id}") as bar:
        try:
            while True:
                with _ready():
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
    from models.backfill import queued_items, retry_failed
    from models.errors import DomainError
    from models.jobs import enqueue

    if bool(paths) == bool(retry):
        raise click.UsageError("Give the files to backfill, or --retry ID.")
    config = current_app.config
    try:
        with _ready():
            if retry:
                retry_failed(retry)
                enqueue(config["BROKER_URL"], config["BACKFILL_QUEUE"], queued_items(retry))
                backfill_id = retry
            else:
                backfill_id = _send(_articles(paths, outlet), config)
    except DomainError as error:
        raise click.ClickException(error.detail) from error
    if wait:
        _watch(backfill_id)


def _send(articles, config) -> int:
    """Keep and send the articles, SEND_EVERY at a time; the backfill's id. Nothing is kept
    when the first of them cannot be read or sent."""
    from models.backfill import add_items, create_backfill, delete_backfill
    from models.errors import Unavailable
    from models.jobs import enqueue

    backfill_id, sent = create_backfill("cli").id, 0
    batch: list[dict] = []
    try:
        for _, article in articles:
            batch.append(article)
            if len(batch) == SEND_EVERY:
                enqueue(config["BROKER_URL"], config["BACKFILL_QUEUE"],
                        add_items(backfill_id, batch))
                sent, batch = sent + len(batch), []
        enqueue(config["BROKER_URL"], config["BACKFILL_QUEUE"], add_items(backfill_id, batch))
    except (Unavailable, click.ClickException) as error:
        if not sent:
            delete_backfill(backfill_id)
            raise
        # Running the command again is safe: articles stored already are skipped.
        message = error.detail if isinstance(error, Unavailable) else error.message
        raise click.ClickException(f"{message} The first {sent} articles were sent as backfill "
                                   f"{backfill_id}; run the command again to send the rest.") \
            from error
    click.echo(f"backfill {backfill_id} queued")
    return backfill_id
