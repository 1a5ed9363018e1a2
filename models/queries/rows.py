"""Rows as the records the API serves: plain dicts of their columns, and the conversions
of what the drivers give (SQLite answers dates as text)."""

import datetime

from playhouse.shortcuts import model_to_dict

from models.claim import Claim

_PEEWEE_DAY, _PEEWEE_MOMENT = Claim.first_seen.python_value, Claim.created_at.python_value


def DAY(value):  # noqa: N802 - a conversion, named as the constant it replaced
    """A date as the driver gives it (SQLite: ISO text, read at C speed; Peewee tries one
    strptime format after another, a few microseconds each)."""
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            pass
    return _PEEWEE_DAY(value)


def MOMENT(value):  # noqa: N802
    """A timestamp as the driver gives it, as DAY reads a date."""
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            pass
    return _PEEWEE_MOMENT(value)


def row_records(rows) -> list[dict]:
    """Rows of one table as plain dicts of their columns."""
    return [model_to_dict(row, recurse=False) for row in rows]

