"""Events: each change a subscriber may be told of, kept in the transaction of the change
that caused it (models.outbox adds its deliveries)."""

import peewee

from models.db import BaseModel, JSONTextField, utcnow

EVENT_TYPES = ("claim.created", "claim.status_changed", "contradiction.flagged",
               "contradiction.reviewed", "same_claim.reviewed")


class Event(BaseModel):
    type = peewee.CharField(max_length=32, index=True)
    data = JSONTextField()
    created_at = peewee.DateTimeField(default=utcnow, index=True)
