"""Backfills read: the articles of one that failed, with their reasons."""

from models.backfill import FAILED, BackfillItem, get_backfill


def failures_query(backfill_id: int):
    get_backfill(backfill_id)
    return (BackfillItem.select().where((BackfillItem.backfill == backfill_id)
                                        & (BackfillItem.state == FAILED))
            .order_by(BackfillItem.id))


def failure_records(items) -> list[dict]:
    return [{"item": item.id, "error": item.error, "attempts": item.attempts,
             "article": {k: v for k, v in item.article.items() if k != "text"},
             "failed_at": item.updated_at} for item in items]
