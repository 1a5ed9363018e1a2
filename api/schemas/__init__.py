"""Request and response schemas, built once at import, one module a resource on
common ground; every name is here too (`from api import schemas; schemas.ClaimDetail`)."""

import marshmallow as ma

from api.schemas.backfills import (  # noqa: F401
    Backfill,
    BackfillCreate,
    BackfillFailure,
    BackfillFailurePage,
)
from api.schemas.check import (  # noqa: F401
    CheckContradiction,
    CheckedClaim,
    CheckMatch,
    CheckRequest,
    CheckResult,
    CheckSpeaker,
)
from api.schemas.claims import (  # noqa: F401
    Appearance,
    ClaimBrief,
    ClaimCreate,
    ClaimDetail,
    ClaimFilters,
    ClaimLink,
    ClaimListArgs,
    ClaimPage,
    ClaimPatch,
    ClaimSummary,
    Contradiction,
    ContradictionFlag,
    ContradictionListArgs,
    ContradictionPage,
    ContradictionReview,
    LinkFields,
    Review,
    ReviewCreate,
    SameClaim,
    SameClaimListArgs,
    SameClaimPage,
    SourceBrief,
    SpeakerBrief,
    StatusChange,
    StatusChangePage,
)
from api.schemas.common import (  # noqa: F401
    MAX_DRAFT_CHARS,
    MAX_ID,
    MAX_OFFSET,
    MAX_PAGE,
    DatesInOrder,
    PageArgs,
    Strict,
    Timestamp,
    page_of,
    text_field,
    unstorable,
)
from api.schemas.service import (  # noqa: F401
    ApiIndex,
    Health,
    Resource,
)
from api.schemas.sources import (  # noqa: F401
    IngestResult,
    Source,
    SourceClaim,
    SourceCreate,
    SourceDetail,
    SourceListArgs,
    SourcePage,
)
from api.schemas.speakers import (  # noqa: F401
    Speaker,
    SpeakerDetail,
    SpeakerListArgs,
    SpeakerPage,
)
from api.schemas.webhooks import (  # noqa: F401
    Delivery,
    DeliveryAttempt,
    DeliveryPage,
    Webhook,
    WebhookCreate,
    WebhookCreated,
    WebhookEvent,
    WebhookPage,
    WebhookPatch,
)


def _always_present() -> None:
    """Mark every field of every answer schema required: each is in every answer (null where
    the field says so), so a generated client need not type it as maybe-unset. Answers only:
    required changes nothing in a dump, and the request schemas (Strict) keep their own."""
    for schema in list(globals().values()):
        if isinstance(schema, type) and issubclass(schema, ma.Schema) \
                and not issubclass(schema, (Strict, DatesInOrder)):
            for field in schema._declared_fields.values():
                field.required = True


_always_present()
