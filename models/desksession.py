"""Sessions of the review desk. An editor signs in with an API key; the browser keeps only a
random token in an HttpOnly cookie, the server its hash, the key it stands for and the token
that the desk's forms must carry (CSRF). A revoked key ends its sessions; signing out deletes
the row."""

import datetime
import secrets

import peewee

from models.apikey import ApiKey, authenticate, digest
from models.db import BaseModel, database, utcnow

LIFETIME = datetime.timedelta(hours=12)


class DeskSession(BaseModel):
    token_hash = peewee.CharField(max_length=64, unique=True)
    api_key = peewee.ForeignKeyField(ApiKey, on_delete="CASCADE")
    csrf_token = peewee.CharField(max_length=64)
    created_at = peewee.DateTimeField(default=utcnow)
    expires_at = peewee.DateTimeField(index=True)


def open_session(plain_key: str) -> str | None:
    """A new session for a live key: the token the browser keeps; None for a key that is
    unknown or revoked. Sessions past their time are swept on the way."""
    key = authenticate(plain_key.strip())
    if key is None:
        return None
    token = secrets.token_urlsafe(32)
    now = utcnow()
    with database.atomic():
        DeskSession.delete().where(DeskSession.expires_at < now).execute()
        DeskSession.create(token_hash=digest(token), api_key=key, created_at=now,
                           csrf_token=secrets.token_urlsafe(32), expires_at=now + LIFETIME)
    return token


def session_of(token: str) -> DeskSession | None:
    """The live session a token stands for, with its key; None once it has expired or its key
    has been revoked."""
    return (DeskSession.select(DeskSession, ApiKey).join(ApiKey)
            .where((DeskSession.token_hash == digest(token))
                   & (DeskSession.expires_at > utcnow()) & ApiKey.revoked_at.is_null())
            .first())


def close_session(token: str) -> None:
    """Sign out: the session is gone, whoever holds its token."""
    with database.atomic():
        DeskSession.delete().where(DeskSession.token_hash == digest(token)).execute()
