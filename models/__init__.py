"""The domain: tables, the database binding, the search index, and every operation that writes."""

from models.apikey import ApiKey
from models.backfill import Backfill, BackfillItem
from models.claim import Appearance, Claim, StatusChange
from models.db import database
from models.desksession import DeskSession
from models.event import Event
from models.link import ClaimLink
from models.review import Review
from models.source import Source
from models.speaker import Speaker, SpeakerAlias
from models.webhook import Attempt, Delivery, Webhook

TABLES = [Source, Speaker, SpeakerAlias, Claim, Appearance, ClaimLink, Review, StatusChange,
          ApiKey, Event, Webhook, Delivery, Attempt, DeskSession, Backfill, BackfillItem]

__all__ = ["TABLES", "database", "ApiKey", "Appearance", "Attempt", "Backfill", "BackfillItem",
           "Claim", "ClaimLink",
           "Delivery", "DeskSession", "Event", "Review", "Source", "Speaker", "SpeakerAlias",
           "StatusChange", "Webhook"]
