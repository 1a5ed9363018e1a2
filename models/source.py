"""Sources: the articles claims are found in."""

import datetime
import hashlib

import peewee

from models.db import BaseModel, utcnow


class Source(BaseModel):
    url = peewee.TextField(null=True, unique=True)
    title = peewee.TextField(null=True)
    outlet = peewee.TextField(null=True)
    published = peewee.DateField(null=True, index=True)
    text = peewee.TextField()
    content_hash = peewee.CharField(max_length=64, unique=True)
    language = peewee.CharField(max_length=16, default="en")
    created_at = peewee.DateTimeField(default=utcnow, index=True)

    class Meta:
        indexes = ((("outlet", "created_at", "id"), False),)


# The days an article can carry: "0001-01-01" or "9999-12-31" is a slip, and would stand as
# the day its claims were first said. An embargoed article may be dated a little ahead.
EARLIEST = datetime.date(1600, 1, 1)
AHEAD = datetime.timedelta(days=366)
IMPLAUSIBLE = "Give the day the article was published: from 1600 to a year from today."


def plausible(day: datetime.date) -> bool:
    return EARLIEST <= day <= datetime.date.today() + AHEAD


def normalise_text(text: str) -> str:
    """The stored form of an article: Unix newlines, no trailing whitespace at the ends."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def find_existing(*, url: str | None, text: str | None) -> Source | None:
    """The stored source with this URL or this text, if any."""
    found = []
    if text:
        found.append(Source.content_hash == content_hash(text))
    if url:
        found.append(Source.url == url)
    if not found:
        return None
    query = found[0] if len(found) == 1 else found[0] | found[1]
    return Source.get_or_none(query)
