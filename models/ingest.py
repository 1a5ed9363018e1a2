"""Ingesting an article: store it, extract its claims, match them against the base, link them."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

import peewee

from analysis import claim_key, extract_claims
from analysis.contradiction.signature import signature
from models.claim import Appearance, Claim, created, reindex
from models.db import in_transaction, insert_rows
from models.detection import link_claims
from models.errors import Invalid
from models.fetch import fetch_article
from models.link import ClaimLink
from models.matching import same_claims
from models.source import (
    IMPLAUSIBLE,
    Source,
    content_hash,
    find_existing,
    normalise_text,
    plausible,
)
from models.speaker import hold_names, resolve_speaker


@dataclass
class Ingested:
    source: Source
    created: bool
    claims: list[Claim] = field(default_factory=list)
    links: list[ClaimLink] = field(default_factory=list)


def ingest_article(*, text: str, title: str | None = None, outlet: str | None = None,
                   published: datetime.date | None = None, url: str | None = None,
                   language: str | None = None, actor: str = "system",
                   then: Callable[[Ingested], None] | None = None) -> Ingested:
    """Store an article with its claims, or return the stored one if its URL or text is known.
    `then` runs inside the storing transaction, when the article is stored."""
    text = normalise_text(text)
    if not text:
        raise Invalid("The article has no text.", field="text")
    if published is not None and not plausible(published):
        raise Invalid(IMPLAUSIBLE, field="published")
    existing = find_existing(url=url, text=text)
    if existing is not None:
        return Ingested(existing, created=False)
    # The analysis needs no database: run it before taking the write lock.
    extracted = [e for e in extract_claims(text) if claim_key(e.text)]

    def store() -> Ingested:
        source = Source.create(url=url, title=title, outlet=outlet, published=published,
                               text=text, content_hash=content_hash(text),
                               language=language or "en")
        claims = _store_claims(source, extracted, actor)
        reindex(claim.id for claim in claims)
        ingested = Ingested(source, created=True, claims=claims,
                            links=link_claims(claims, actor, source.id).links)
        if then is not None:
            then(ingested)
        return ingested

    try:
        return in_transaction(store)
    except peewee.IntegrityError:
        # The same article, stored by a concurrent request since we looked.
        existing = find_existing(url=url, text=text)
        if existing is None:
            raise
        return Ingested(existing, created=False)


def ingest_url(url: str, *, fetch_options: dict, actor: str = "system",
               then: Callable[[Ingested], None] | None = None, **given) -> Ingested:
    """Ingest the article at a URL: the stored one if the URL is known, else fetch the page
    and ingest its text, the fields given overriding what the page says of itself."""
    existing = find_existing(url=url, text=None)
    if existing is not None:
        return Ingested(existing, created=False)
    page = fetch_article(url, **fetch_options)
    published = page.published if page.published and plausible(page.published) else None
    fields = {"title": page.title, "outlet": page.outlet, "published": published,
              "language": page.language}
    fields.update({k: v for k, v in given.items() if v is not None})
    return ingest_article(text=page.text, url=url, actor=actor, then=then, **fields)


def ingest(article: dict, *, actor: str, fetch_options: dict,
           then: Callable[[Ingested], None] | None = None) -> Ingested:
    """Ingest an article given by its text, or by a url to fetch it from (as POST /sources
    and the desk take it)."""
    if "text" in article:
        return ingest_article(actor=actor, then=then, **article)
    fields = dict(article)
    return ingest_url(fields.pop("url"), actor=actor, fetch_options=fetch_options, then=then,
                      **fields)


def _store_claims(source: Source, extracted, actor: str) -> list[Claim]:
    """The article's claims stored, each the stored claim of the same words and speaker when
    there is one; with their appearances, audit rows and events, a few statements in all."""
    seen = source.published or source.created_at.date()
    hold_names(e.speaker for e in extracted if e.speaker is not None)
    speakers = {}
    for ref in (e.speaker for e in extracted if e.speaker is not None):
        if ref not in speakers:
            speakers[ref] = resolve_speaker(ref)
    said = [(e, claim_key(e.text), None if e.speaker is None else speakers[e.speaker].id)
            for e in extracted]
    stored = same_claims((key, speaker_id) for _, key, speaker_id in said)
    rows = {}
    for claim_found, key, speaker_id in said:
        if (key, speaker_id) not in stored:
            rows.setdefault((key, speaker_id), {"text": claim_found.text, "key": key,
                                                "first_seen": seen,
                                                "signature": signature(claim_found.text)})
    # Ids are given in the order rows are inserted, whatever order RETURNING gives them in.
    new = sorted(insert_rows(Claim, list(rows.values()), returning=True),
                 key=lambda claim: claim.id)
    stored.update(zip(rows, new, strict=True))
    appearances, found = [], {}
    for claim_found, key, speaker_id in said:
        claim = stored[key, speaker_id]
        if (key, speaker_id) not in rows and (claim.first_seen is None
                                              or seen < claim.first_seen):
            claim.first_seen = seen
            claim.save(only=[Claim.first_seen])
        appearances.append({
            "claim": claim.id, "source": source.id, "speaker": speaker_id,
            "speaker_mention": claim_found.speaker_mention, "quote": claim_found.quote,
            "start": claim_found.start, "end": claim_found.end, "kind": claim_found.kind,
            "frame": claim_found.frame.to_json() if claim_found.frame else None})
        found.setdefault(claim.id, claim)
    insert_rows(Appearance, appearances)
    created(new, actor=actor, reason=f"found in source {source.id}")
    return list(found.values())
