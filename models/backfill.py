"""Archive backfills: a newsroom's past articles, queued in bulk and ingested by workers on any
number of hosts, watched while they run.

A backfill keeps each of its articles as an item (queued, done or failed, with the reason).
Workers take items by id from the job queue (models.jobs) in small batches; each article is
ingested in its own transaction, as POST /sources would, so an item taken twice (a worker
killed mid-batch hands its batch back to the queue) finds its article stored and stores
nothing again. The backfill's counters change in the transaction that changes an item's state,
so they are exact however many workers run."""

import datetime
from functools import partial

import peewee

from analysis import prepare
from models.db import BaseModel, JSONTextField, database, in_transaction, locked, utcnow
from models.errors import must_exist
from models.ingest import ingest
from models.source import Source, normalise_text

QUEUED, DONE, FAILED = "queued", "done", "failed"


class Backfill(BaseModel):
    created_at = peewee.DateTimeField(default=utcnow)
    created_by = peewee.TextField()
    total = peewee.IntegerField(default=0)
    queued = peewee.IntegerField(default=0)
    done = peewee.IntegerField(default=0)
    failed = peewee.IntegerField(default=0)
    # done items whose article was stored already (by an earlier ingest or backfill)
    duplicates = peewee.IntegerField(default=0)
    started_at = peewee.DateTimeField(null=True)  # the first item finished
    updated_at = peewee.DateTimeField(null=True)  # the last


class BackfillItem(BaseModel):
    backfill = peewee.ForeignKeyField(Backfill, on_delete="CASCADE")
    article = JSONTextField()  # as given: text or url, and title, outlet, published, language
    state = peewee.CharField(max_length=8, default=QUEUED)
    source = peewee.ForeignKeyField(Source, null=True, on_delete="SET NULL")
    error = peewee.TextField(null=True)
    attempts = peewee.IntegerField(default=0)
    updated_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("backfill", "state", "id"), False),)


def create_backfill(actor: str, articles: list[dict] = ()) -> tuple[Backfill, list[int]]:
    """A new backfill holding these articles (see add_items), in one transaction; it and the
    ids of its items."""
    def create() -> tuple[Backfill, list[int]]:
        backfill = Backfill.create(created_by=actor)
        return backfill, _add(backfill.id, articles)

    return in_transaction(create)


def add_items(backfill_id: int, articles: list[dict]) -> list[int]:
    """Queue articles in a backfill, in one transaction; their item ids. Each article is a
    dict as POST /sources takes it (checked already), its date in ISO form."""
    return in_transaction(partial(_add, backfill_id, articles))


def _add(backfill_id: int, articles: list[dict]) -> list[int]:
    if not articles:
        return []
    backfill = must_exist(locked(Backfill.select().where(Backfill.id == backfill_id)).first(),
                          "backfill", backfill_id)
    now = utcnow()
    rows = [{"backfill": backfill.id, "article": a, "updated_at": now} for a in articles]
    ids = []
    for start in range(0, len(rows), 500):
        query = BackfillItem.insert_many(rows[start:start + 500])
        ids += [row[0] for row in query.returning(BackfillItem.id).tuples()]
    Backfill.update(total=Backfill.total + len(ids), queued=Backfill.queued + len(ids)) \
        .where(Backfill.id == backfill.id).execute()
    return ids


def delete_backfill(backfill_id: int) -> None:
    with database.atomic():
        Backfill.delete().where(Backfill.id == backfill_id).execute()


def get_backfill(backfill_id: int) -> Backfill:
    return must_exist(Backfill.get_or_none(Backfill.id == backfill_id), "backfill", backfill_id)


def progress(backfill: Backfill, now: datetime.datetime | None = None) -> dict:
    """Where a backfill stands: its counters, its rate since the first article finished, and
    the time left at that rate."""
    now = now or utcnow()
    finished = backfill.done + backfill.failed
    rate = eta = None
    if backfill.started_at is not None and finished:
        seconds = max((now if backfill.queued else backfill.updated_at)
                      - backfill.started_at, datetime.timedelta(seconds=1)).total_seconds()
        rate = round(finished / seconds, 2)
        eta = round(backfill.queued / rate, 1) if rate else None
    return {"id": backfill.id, "created_at": backfill.created_at,
            "created_by": backfill.created_by, "total": backfill.total,
            "queued": backfill.queued, "done": backfill.done, "failed": backfill.failed,
            "duplicates": backfill.duplicates,
            "state": "running" if backfill.queued else "finished",
            "rate_per_second": rate, "eta_seconds": eta if backfill.queued else 0}


def _finish(item: BackfillItem, state: str, *, source_id: int | None = None,
            duplicate: bool = False, error: str | None = None) -> None:
    """Move an item to done or failed, and its backfill's counters with it, at most once (in
    the transaction under way)."""
    now = utcnow()
    moved = (BackfillItem.update(state=state, source=source_id, error=error, updated_at=now,
                                 attempts=BackfillItem.attempts + 1)
             .where((BackfillItem.id == item.id) & (BackfillItem.state == QUEUED)).execute())
    if not moved:
        return  # another worker finished it
    field = Backfill.done if state == DONE else Backfill.failed
    changes = {field: field + 1, Backfill.queued: Backfill.queued - 1, Backfill.updated_at: now,
               Backfill.started_at: peewee.fn.COALESCE(Backfill.started_at, now)}
    if duplicate:
        changes[Backfill.duplicates] = Backfill.duplicates + 1
    Backfill.update(changes).where(Backfill.id == item.backfill_id).execute()


def process(item_ids: list[int], *, fetch_options: dict) -> None:
    """Ingest the queued articles among these items, their texts parsed in one batch. An item
    is marked done in the transaction that stores its article, so one taken again (its worker
    died) is found done, or finds its article stored by another item: a duplicate. An
    article that cannot be stored (no text, a page that cannot be fetched, a text the database
    refuses) fails with the reason; a database that cannot be reached raises, and the batch is
    taken again later."""
    items = list(BackfillItem.select().where(BackfillItem.id.in_(item_ids)
                                             & (BackfillItem.state == QUEUED))
                 .order_by(BackfillItem.id))
    # Parsed as ingest will read them (normalised), so each is parsed once.
    prepare([normalise_text(item.article["text"]) for item in items if item.article.get("text")])
    for item in items:
        article = dict(item.article)
        if "published" in article:
            article["published"] = datetime.date.fromisoformat(article["published"])
        try:
            result = ingest(article, actor=f"backfill:{item.backfill_id}",
                            fetch_options=fetch_options, then=partial(_stored, item))
        except (peewee.InterfaceError, peewee.OperationalError):
            raise
        except Exception as error:  # noqa: BLE001 - the article's fault, kept as its reason
            reason = getattr(error, "detail", None) or f"{type(error).__name__}: {error}"
            in_transaction(partial(_finish, item, FAILED, error=reason))
            continue
        if not result.created:
            in_transaction(partial(_finish, item, DONE, source_id=result.source.id,
                                   duplicate=True))


def _stored(item: BackfillItem, ingested) -> None:
    _finish(item, DONE, source_id=ingested.source.id)


def retry_failed(backfill_id: int) -> list[int]:
    """Queue a backfill's failed items again; their ids, to be sent to the workers."""
    def requeue() -> list[int]:
        get_backfill(backfill_id)
        ids = [row[0] for row in BackfillItem.select(BackfillItem.id).where(
            (BackfillItem.backfill == backfill_id) & (BackfillItem.state == FAILED)).tuples()]
        if ids:
            BackfillItem.update(state=QUEUED, updated_at=utcnow()).where(
                BackfillItem.id.in_(ids)).execute()
            Backfill.update(queued=Backfill.queued + len(ids),
                            failed=Backfill.failed - len(ids)).where(
                Backfill.id == backfill_id).execute()
        return ids

    return in_transaction(requeue)


def queued_items(backfill_id: int) -> list[int]:
    """The ids of a backfill's items still queued (to send them to the queue again)."""
    return [row[0] for row in BackfillItem.select(BackfillItem.id).where(
        (BackfillItem.backfill == backfill_id) & (BackfillItem.state == QUEUED))
        .order_by(BackfillItem.id).tuples()]
