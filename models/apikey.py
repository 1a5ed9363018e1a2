"""API keys: stored as SHA-256 hashes, checked in constant time, scoped read < write < admin."""

import hashlib
import hmac
import secrets

import peewee

from models.db import BaseModel, database, utcnow
from models.errors import Invalid, must_exist

SCOPES = ("read", "write", "admin")
PREFIX_LENGTH = 11  # "ct_" and 8 characters: enough to find the row, useless to an attacker


class ApiKey(BaseModel):
    name = peewee.TextField()
    prefix = peewee.CharField(max_length=16, index=True)
    key_hash = peewee.CharField(max_length=64, unique=True)
    scope = peewee.CharField(max_length=8)
    created_at = peewee.DateTimeField(default=utcnow)
    revoked_at = peewee.DateTimeField(null=True)

    def allows(self, scope: str) -> bool:
        return SCOPES.index(self.scope) >= SCOPES.index(scope)


def digest(secret: str) -> str:
    """What is stored of a secret (a key, a session token): its SHA-256, in hex."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_key(name: str, scope: str) -> tuple[ApiKey, str]:
    """Make a key; the plain key is returned once and never stored."""
    if scope not in SCOPES:
        raise Invalid(f"scope must be one of {', '.join(SCOPES)}", field="scope")
    plain = "ct_" + secrets.token_urlsafe(32)
    with database.atomic():
        row = ApiKey.create(name=name, prefix=plain[:PREFIX_LENGTH], key_hash=digest(plain),
                            scope=scope)
    return row, plain


def authenticate(plain: str) -> ApiKey | None:
    """The live key a bearer token is, or None."""
    if "\x00" in plain:  # no key holds one, and PostgreSQL text cannot
        return None
    hashed = digest(plain)
    candidates = ApiKey.select().where((ApiKey.prefix == plain[:PREFIX_LENGTH])
                                       & ApiKey.revoked_at.is_null())
    for row in candidates:
        if hmac.compare_digest(row.key_hash, hashed):
            return row
    return None


def revoke_key(key_id: int) -> ApiKey:
    with database.atomic():
        row = must_exist(ApiKey.get_or_none(ApiKey.id == key_id), "API key", key_id)
        if row.revoked_at is None:
            row.revoked_at = utcnow()
            row.save()
    return row


def has_keys() -> bool:
    return ApiKey.select().exists()
