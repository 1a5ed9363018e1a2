"""Claims, where they appear, and the audit trail of every change to them."""

import peewee

from analysis import claim_key
from analysis.contradiction.signature import MARK, signature
from models import search
from models.db import BaseModel, database, insert_rows, locked, utcnow
from models.errors import Conflict, Invalid, VersionMismatch, must_exist
from models.outbox import record, record_all
from models.source import Source
from models.speaker import Speaker

STATUSES = ("unverified", "disputed", "supported", "refuted", "mixed", "unproven")
VERDICT_STATUSES = ("supported", "refuted", "mixed", "unproven")
REVIEW_STATES = ("untriaged", "in_review", "reviewed")
APPEARANCE_KINDS = ("direct_quote", "indirect", "narration")
WRITTEN_AT_ONCE = 500  # signatures updated in one statement


class Claim(BaseModel):
    text = peewee.TextField()
    key = peewee.TextField(index=True)
    status = peewee.CharField(max_length=16, default="unverified")
    review_state = peewee.CharField(max_length=16, default="untriaged")
    first_seen = peewee.DateField(null=True, index=True)
    created_at = peewee.DateTimeField(default=utcnow, index=True)
    updated_at = peewee.DateTimeField(default=utcnow, index=True)
    version = peewee.IntegerField(default=1)
    # Whether a contradiction that is not rejected links the claim: kept by models.link, so
    # has_contradictions reads an index instead of every link.
    contradicted = peewee.BooleanField(default=False)
    # What decides whether it can clash with another claim (analysis/contradiction/signature.py),
    # as JSON: detection reads only the candidates that can. None before it was stored.
    signature = peewee.TextField(null=True)

    class Meta:
        # A filtered list in its default order reads one index range, however many match.
        indexes = ((("status", "created_at", "id"), False),
                   (("review_state", "created_at", "id"), False),
                   (("contradicted", "created_at", "id"), False))


class Appearance(BaseModel):
    claim = peewee.ForeignKeyField(Claim, backref="appearances", on_delete="CASCADE")
    source = peewee.ForeignKeyField(Source, null=True, backref="appearances",
                                    on_delete="CASCADE", index=False)
    speaker = peewee.ForeignKeyField(Speaker, null=True, backref="appearances",
                                     on_delete="SET NULL", index=False)
    speaker_mention = peewee.TextField(null=True)
    quote = peewee.TextField(null=True)
    start = peewee.IntegerField(null=True)
    end = peewee.IntegerField(null=True)
    kind = peewee.CharField(max_length=16, default="narration")
    created_at = peewee.DateTimeField(default=utcnow)
    # The claim read where it stands (analysis/contradiction/frames.py), as JSON: what two
    # claims of one source are compared by. None for a span added by hand (read from its text).
    frame = peewee.TextField(null=True)

    class Meta:
        # The claims of a speaker or a source, read from the index alone.
        indexes = ((("speaker", "claim"), False), (("source", "claim"), False))


class StatusChange(BaseModel):
    claim = peewee.ForeignKeyField(Claim, backref="changes", on_delete="CASCADE")
    field = peewee.CharField(max_length=32)
    old = peewee.TextField(null=True)
    new = peewee.TextField(null=True)
    actor = peewee.TextField()
    reason = peewee.TextField(null=True)
    at = peewee.DateTimeField(default=utcnow, index=True)


def get_claim(claim_id: int, *, lock: bool = False) -> Claim:
    """The claim with this id, locked for the transaction when it is about to change."""
    query = Claim.select().where(Claim.id == claim_id)
    return must_exist((locked(query) if lock else query).first(), "claim", claim_id)


def change_fields(claim: Claim, changes: dict, *, actor: str, reason: str | None,
                  expected_version: int | None = None) -> Claim:
    """Apply changes to a claim, bump its version and audit each change (inside a
    transaction, the claim read with lock=True).

    With expected_version the check is part of the UPDATE, so of two concurrent edits of one
    version only one succeeds.
    """
    changed = {name: value for name, value in changes.items() if getattr(claim, name) != value}
    if not changed:
        return claim
    now = utcnow()
    values = {getattr(Claim, name): value for name, value in changed.items()}
    if "text" in changed:
        values[Claim.key] = claim_key(changed["text"])
        values[Claim.signature] = signature(changed["text"])
    values.update({Claim.version: Claim.version + 1, Claim.updated_at: now})
    condition = Claim.id == claim.id
    if expected_version is not None:
        condition &= Claim.version == expected_version
    if not Claim.update(values).where(condition).execute():
        raise VersionMismatch(f"Claim {claim.id} has changed since version {expected_version}; "
                              "fetch it again and retry.")
    StatusChange.insert_many([
        {"claim": claim.id, "field": name, "old": getattr(claim, name), "new": value,
         "actor": actor, "reason": reason, "at": now}
        for name, value in changed.items()
    ]).execute()
    if "status" in changed:
        record("claim.status_changed", claim_id=claim.id, old=claim.status,
               new=changed["status"], actor=actor, reason=reason)
    return Claim.get_by_id(claim.id)


def new_claim(text: str, *, key: str, first_seen, actor: str, reason: str) -> Claim:
    """Store a new claim with its first audit row and its claim.created event."""
    claim = Claim.create(text=text, key=key, first_seen=first_seen, signature=signature(text))
    created([claim], actor=actor, reason=reason)
    return claim


def created(claims: list[Claim], *, actor: str, reason: str) -> None:
    """The first audit row and the claim.created event of each claim just stored."""
    insert_rows(StatusChange, [{"claim": c.id, "field": "created", "new": c.text,
                                "actor": actor, "reason": reason} for c in claims])
    record_all("claim.created", [{"claim_id": c.id, "text": c.text, "actor": actor}
                                 for c in claims])


def create_claim(*, text: str, actor: str, speaker_id: int | None = None,
                 source_id: int | None = None, start: int | None = None,
                 end: int | None = None, kind: str | None = None) -> Claim:
    """Create a claim by hand, with an appearance when a speaker or a source span is given."""
    with database.atomic():
        speaker = source = None
        if speaker_id is not None:
            speaker = must_exist(Speaker.get_or_none(Speaker.id == speaker_id), "speaker",
                                 speaker_id, field="speaker_id")
        if source_id is None and (start is not None or end is not None):
            raise Invalid("start and end are offsets into a source: give its source_id too.",
                          field="source_id")
        if source_id is not None:
            source = must_exist(Source.get_or_none(Source.id == source_id), "source",
                                source_id, field="source_id")
            if start is None or end is None or not 0 <= start < end <= len(source.text):
                raise Invalid(f"start and end must give a span of source {source_id}'s text "
                              f"(0 <= start < end <= {len(source.text)}).", field="start")
        key = claim_key(text)
        if not key:
            raise Invalid("A claim needs some words.", field="text")
        claim = new_claim(text, key=key, actor=actor, reason="created by hand",
                          first_seen=(source.published if source else None) or utcnow().date())
        if speaker or source:
            Appearance.create(
                claim=claim, source=source, speaker=speaker,
                speaker_mention=speaker.name if speaker else None,
                quote=source.text[start:end] if source else None,
                start=start if source else None, end=end if source else None,
                kind=kind or ("indirect" if speaker else "narration"))
        reindex([claim.id])
    return claim


def edit_claim(claim_id: int, changes: dict, *, actor: str, reason: str | None,
               expected_version: int | None) -> Claim:
    """PATCH a claim: text, status (unverified/disputed only) and review_state."""
    with database.atomic():
        claim = get_claim(claim_id, lock=True)
        if expected_version is not None and claim.version != expected_version:
            raise VersionMismatch(f"Claim {claim_id} is at version {claim.version}, "
                                  f"not {expected_version}; fetch it again and retry.")
        status = changes.get("status")
        if status is not None and status != claim.status:
            if status in VERDICT_STATUSES:
                raise Invalid(f"Status {status!r} comes only from a review: "
                              f"POST /api/v1/claims/{claim_id}/reviews.", field="status")
            if claim.status in VERDICT_STATUSES:
                raise Conflict(f"Claim {claim_id} has a verdict; its status follows the latest "
                               "review.")
        if "text" in changes and not claim_key(changes["text"]):
            raise Invalid("A claim needs some words.", field="text")
        claim = change_fields(claim, changes, actor=actor, reason=reason,
                              expected_version=expected_version)
        if "text" in changes:
            reindex([claim.id])
    return claim


def sign_stale(batch: int = 2_000) -> int:
    """Store a signature of this reading for every claim that lacks one (a base stored before
    signatures, or read by an older lexicon), a batch a transaction; answer how many. The
    claims are locked while they are read and signed: an edit of a claim's text waits, so a
    signature is always of the text stored."""
    last_id, signed = 0, 0
    while True:
        with database.atomic():
            stale = list(locked(Claim.select(Claim.id, Claim.text, Claim.signature).where(
                (Claim.id > last_id)
                & (Claim.signature.is_null() | ~Claim.signature.contains(MARK)))
                .order_by(Claim.id).limit(batch)))
            if not stale:
                return signed
            for claim in stale:
                claim.signature = signature(claim.text)
            Claim.bulk_update(stale, fields=[Claim.signature], batch_size=WRITTEN_AT_ONCE)
            signed += len(stale)
        last_id = stale[-1].id


def reindex(claim_ids) -> None:
    """Refresh the search document (text and every quote) of these claims."""
    claim_ids = list(claim_ids)
    documents = {claim_id: [text] for claim_id, text in
                 Claim.select(Claim.id, Claim.text).where(Claim.id.in_(claim_ids)).tuples()}
    quotes = (Appearance.select(Appearance.claim, Appearance.quote)
              .where(Appearance.claim.in_(claim_ids) & Appearance.quote.is_null(False))
              .tuples())
    for claim_id, quote in quotes:
        documents[claim_id].append(quote)
    search.index_documents({claim_id: "\n".join(parts) for claim_id, parts in documents.items()})
