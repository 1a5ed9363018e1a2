"""Ingesting an article: store it, extract its claims, match them against the base, link them."""

import datetime
import re
from dataclasses import dataclass, field

from analysis import claim_key, extract_claims, similarity
from models import search
from models.claim import Appearance, Claim, StatusChange, reindex
from models.db import database
from models.errors import Invalid
from models.link import ClaimLink, existing_link
from models.queries import claims_in
from models.source import Source, content_hash, find_existing, normalise_text
from models.speaker import resolve_speaker

SAME_CLAIM_THRESHOLD = 0.6
CANDIDATES = 20
_SEARCH_WORD = re.compile(r"[^\W\d_]{4,}")


@dataclass
class IngestResult:
    source: Source
    created: bool
    claims: list[Claim] = field(default_factory=list)
    links: list[ClaimLink] = field(default_factory=list)


def ingest_article(*, text: str, title: str | None = None, outlet: str | None = None,
                   published: datetime.date | None = None, url: str | None = None,
                   language: str = "en", actor: str = "system") -> IngestResult:
    """Store an article with its claims, or return the stored one if its URL or text is known."""
    text = normalise_text(text)
    if not text:
        raise Invalid("The article has no text.", field="text")
    with database.atomic():
        existing = find_existing(url=url, text=text)
        if existing is not None:
            return IngestResult(existing, created=False, claims=claims_in(existing.id))
        source = Source.create(url=url, title=title, outlet=outlet, published=published,
                               text=text, content_hash=content_hash(text), language=language)
        claims = _store_claims(source, actor)
        reindex(claim.id for claim in claims)
        links = _suggest_same_claims(claims, actor)
    return IngestResult(source, created=True, claims=claims, links=links)


def _store_claims(source: Source, actor: str) -> list[Claim]:
    seen = source.published or source.created_at.date()
    speakers = {}
    found: dict[int, Claim] = {}
    for extracted in extract_claims(source.text):
        ref = extracted.speaker
        if ref is not None and ref not in speakers:
            speakers[ref] = resolve_speaker(ref)
        speaker = speakers.get(ref)
        key = claim_key(extracted.text)
        if not key:
            continue
        claim = _same_claim(key, speaker)
        if claim is None:
            claim = Claim.create(text=extracted.text, key=key, first_seen=seen)
            StatusChange.create(claim=claim, field="created", new=claim.text, actor=actor,
                                reason=f"found in source {source.id}")
        elif claim.first_seen is None or seen < claim.first_seen:
            claim.first_seen = seen
            claim.save(only=[Claim.first_seen])
        Appearance.create(claim=claim, source=source, speaker=speaker,
                          speaker_mention=extracted.speaker_mention, quote=extracted.quote,
                          start=extracted.start, end=extracted.end, kind=extracted.kind)
        found.setdefault(claim.id, claim)
    return list(found.values())


def _same_claim(key: str, speaker) -> Claim | None:
    """The stored claim with the same words from the same speaker (or the same narration)."""
    said_by = (Appearance.speaker.is_null() if speaker is None
               else Appearance.speaker == speaker.id)
    return (Claim.select().join(Appearance)
            .where((Claim.key == key) & said_by)
            .order_by(Claim.id).first())


def _suggest_same_claims(claims: list[Claim], actor: str) -> list[ClaimLink]:
    """Suggest same_claim links to close paraphrases, found through the search index."""
    links = []
    for claim in claims:
        words = list(dict.fromkeys(w.casefold() for w in _SEARCH_WORD.findall(claim.text)))
        if not words:
            continue
        candidate_ids = [i for i in search.ranked_ids(" ".join(words), CANDIDATES, any_term=True)
                         if i != claim.id]
        for other in Claim.select(Claim.id, Claim.text).where(Claim.id.in_(candidate_ids)):
            score = similarity(claim.text, other.text)
            if score < SAME_CLAIM_THRESHOLD or existing_link(claim.id, other.id, "same_claim"):
                continue
            low, high = sorted((claim.id, other.id))
            links.append(ClaimLink.create(
                claim_a=low, claim_b=high, relation="same_claim", origin="detected",
                score=round(score, 3), cues=["paraphrase"], created_by=actor,
                explanation=f"{score:.0%} of the content words of claims {low} and {high} "
                            "are shared."))
    return links
