"""Paging a list however long it grows: keyset cursors, so page 5,000 costs what page 1 does,
and totals counted only up to a bound, so no request counts a million rows."""

import base64
import binascii
import datetime
import json

from peewee import Field, Ordering, Tuple

from models.errors import Invalid

COUNT_LIMIT = 10_000


def bounded_count(query, limit: int = COUNT_LIMIT) -> tuple[int, bool]:
    """How many rows the query gives, counted up to limit; and whether that is exact (never
    for a query marked truncated: a search that reached only its newest matches). A query may
    carry its count, or a cheaper query giving as many rows, as `counted`: the claims of one
    speaker, counted in the appearances' index alone."""
    counted = getattr(query, "counted", query)
    if not isinstance(counted, int):
        counted = counted.order_by().limit(limit + 1).count()
    return min(counted, limit), counted <= limit and not getattr(query, "truncated", False)


def _order(query) -> tuple[list[Field], bool]:
    """The columns a list is ordered by, and whether it is descending (every list is ordered
    by columns in one direction, ending with a unique one)."""
    columns, descending = [], set()
    for node in query._order_by or ():
        ordering = node if isinstance(node, Ordering) else Ordering(node, "ASC")
        columns.append(ordering.node)
        descending.add(ordering.direction == "DESC")
    if not columns or len(descending) != 1 or not all(isinstance(c, Field) for c in columns):
        raise TypeError("keyset paging needs a list ordered by columns in one direction")
    return columns, descending.pop()


def cursor_after(query, row) -> str:
    """An opaque cursor naming the place just after this row in the query's order."""
    columns, descending = _order(query)
    values = [getattr(row, c.name) for c in columns]
    plain = [str(v) if isinstance(v, datetime.date) else v for v in values]
    data = json.dumps([_sort_of(columns, descending), plain], separators=(",", ":"),
                      ensure_ascii=False)  # UTF-8, shorter than \u escapes
    return base64.urlsafe_b64encode(data.encode()).decode().rstrip("=")


def after(query, cursor: str):
    """The query's rows after the place a cursor of the same query names."""
    columns, descending = _order(query)
    try:
        sort, plain = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if sort != _sort_of(columns, descending):
            raise Invalid("This cursor belongs to the list in another order: keep the sort of "
                          "the page it came from.", field="cursor")
        values = [_value(c, v) for c, v in zip(columns, plain, strict=True)]
    except (ValueError, TypeError, RecursionError, binascii.Error) as error:
        raise Invalid("This cursor is not one this list gave.", field="cursor") from error
    place = Tuple(*columns)
    return query.where(place < Tuple(*values) if descending else place > Tuple(*values))


def _sort_of(columns: list[Field], descending: bool) -> list[str]:
    return [("-" if descending else "") + c.name for c in columns]


def _value(column: Field, plain):
    """A cursor's value of a column, checked to be of the column's kind."""
    kinds = {"INT": int, "BIGINT": int, "AUTO": int, "BIGAUTO": int, "DOUBLE": (int, float)}
    if column.field_type in ("DATETIME", "DATE"):
        value = column.python_value(plain) if isinstance(plain, str) else None
        if not isinstance(value, datetime.date):
            raise ValueError(f"{plain!r} is not a date")
        return value
    expected = kinds.get(column.field_type, str)
    if isinstance(plain, bool) or not isinstance(plain, expected) or (
            isinstance(plain, int) and not -2**63 <= plain < 2**63):
        raise ValueError(f"{plain!r} is not a {column.field_type}")
    return plain
