"""Rows as the records the API serves: plain dicts of their columns, and the conversions
of what the drivers give (SQLite answers dates as text)."""

from playhouse.shortcuts import model_to_dict

from models.claim import Claim

# Peewee's conversions of what the drivers give (SQLite answers dates as text).
DAY, MOMENT = Claim.first_seen.python_value, Claim.created_at.python_value


def row_records(rows) -> list[dict]:
    """Rows of one table as plain dicts of their columns."""
    return [model_to_dict(row, recurse=False) for row in rows]

