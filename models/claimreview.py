"""schema.org ClaimReview: a claim's latest review as the JSON-LD fact-check tools read, and
the import of other fact-checkers' ClaimReviews as claims and reviews."""

import datetime

from peewee import fn

from analysis import SpeakerRef, claim_key
from models.claim import Appearance, Claim, create_claim, get_claim
from models.db import database
from models.errors import Conflict, Invalid, NotFound
from models.matching import same_claim
from models.queries.claims import appearances_of
from models.review import Review, add_review
from models.speaker import hold_names, resolve_speaker

MAX_CLAIM_REVIEWED = 75  # Google: "less than 75 characters", so it fits a phone screen
ELLIPSIS = "\u2026"
BEST_RATING, WORST_RATING = 5, 1
RATING_VALUES = {"supported": 5, "mostly_supported": 4, "mixed": 3, "mostly_refuted": 2,
                 "refuted": 1}
RATING_NAMES = {"supported": "True", "mostly_supported": "Mostly true", "mixed": "Half true",
                "mostly_refuted": "Mostly false", "refuted": "False", "unproven": "Unproven"}
# Where a normalised rating value (0 = worst, 1 = best) falls, upper bounds included.
RATING_BANDS = ((0.2, "refuted"), (0.4, "mostly_refuted"), (0.6, "mixed"),
                (0.8, "mostly_supported"))
# Verdict words of other fact-checkers, most specific first: "mostly false" before "false".
RATING_WORDS = (
    (("mostly false", "misleading"), "mostly_refuted"),
    (("mostly true", "mostly correct", "mostly accurate"), "mostly_supported"),
    (("half true", "mixed", "partly", "partially"), "mixed"),
    (("pants on fire", "false", "fake", "not true", "untrue", "incorrect", "inaccurate",
      "wrong"), "refuted"),
    (("true", "correct", "accurate"), "supported"),
)
SCHEMA_TYPE_OF_KIND = {"person": "Person", "organization": "Organization",
                       "country": "Organization", "group": "Organization"}
KIND_OF_SCHEMA_TYPE = {"person": "person", "country": "country"}
EXPORT_BATCH = 500
MAX_IMPORT = 1000


def claim_reviewed(text: str, limit: int = MAX_CLAIM_REVIEWED) -> str:
    """The claim's text in fewer than `limit` characters: cut at a word boundary with "…"."""
    text = " ".join(text.split())
    if len(text) < limit:
        return text
    room = limit - 2  # the cut and its ellipsis stay under the limit
    head = text[:room]
    if text[room] != " " and " " in head:
        head = head[:head.rindex(" ")]
    return head.rstrip(" ,;:.-\u2013\u2014") + ELLIPSIS


def _date(value) -> str | None:
    if isinstance(value, datetime.datetime):
        value = value.date()
    return value.isoformat() if value else None


def _compact(record: dict) -> dict:
    """Drop unknown values: JSON-LD says nothing rather than null."""
    return {key: value for key, value in record.items() if value is not None}


def rating_of(review: Review) -> dict:
    """A review's verdict as a schema.org Rating on the 1 (refuted) to 5 (supported) scale."""
    name = review.rating_label or RATING_NAMES[review.rating]
    value = RATING_VALUES.get(review.rating)
    if value is None:
        # "unproven" is no point between false and true: a number would place it there
        # (3 reads as "half true"). schema.org and Google accept a rating named only.
        return {"@type": "Rating", "alternateName": name}
    return {"@type": "Rating", "ratingValue": value, "bestRating": BEST_RATING,
            "worstRating": WORST_RATING, "alternateName": name}


def _creative_work(source: dict) -> dict:
    publisher = ({"@type": "Organization", "name": source["outlet"]}
                 if source["outlet"] else None)
    return _compact({"@type": "CreativeWork", "url": source["url"],
                     "headline": source["title"], "datePublished": _date(source["published"]),
                     "publisher": publisher})


def _claim_author(appearances: list[dict], sources: list[dict]) -> dict | None:
    """Who made the claim: its first named speaker, else the outlet that first reported it."""
    speaker = next((a["speaker"] for a in appearances if a["speaker"]), None)
    if speaker is not None:
        return _compact({"@type": SCHEMA_TYPE_OF_KIND.get(speaker["kind"], "Person"),
                         "name": speaker["name"], "sameAs": speaker.get("same_as")})
    outlet = next((s["outlet"] for s in sources if s["outlet"]), None)
    return {"@type": "Organization", "name": outlet} if outlet else None


def _sources_earliest_first(appearances: list[dict]) -> list[dict]:
    sources = {a["source"]["id"]: a["source"] for a in appearances if a["source"]}
    return sorted(sources.values(), key=lambda s: (s["published"] is None,
                                                   s["published"] or datetime.date.min, s["id"]))


class Publishing:
    """Who publishes our ClaimReviews (PUBLISHER_NAME, PUBLISHER_URL) and where the service is
    reached from outside (PUBLIC_BASE_URL): a review with no page of its own is published at
    its ClaimReview's address there."""

    def __init__(self, name: str | None, url: str | None = None,
                 base_url: str | None = None):
        if not name:
            raise Conflict("ClaimReview needs a publisher: set PUBLISHER_NAME (and "
                           "PUBLISHER_URL) to the newsroom that publishes these fact-checks.")
        self.name, self.url = name, url
        self.base_url = base_url.rstrip("/") if base_url else None

    def review_url(self, claim: Claim, review: Review) -> str | None:
        if review.url:
            return review.url
        return f"{self.base_url}/api/v1/claims/{claim.id}/claimreview" if self.base_url \
            else None


def _review_author(review: Review, publishing: Publishing) -> dict:
    """The reviewer as given (a Person or an Organization), else the publisher."""
    if review.reviewer:
        kind = "Organization" if review.reviewer_type == "organization" else "Person"
        return {"@type": kind, "name": review.reviewer}
    return _compact({"@type": "Organization", "name": publishing.name, "url": publishing.url})


def claim_review(claim: Claim, review: Review, appearances: list[dict],
                 publishing: Publishing) -> dict | None:
    """One claim's review as ClaimReview JSON-LD: pure assembly, no queries. None when the
    review has no address to publish (no url of its own and no PUBLIC_BASE_URL)."""
    url = publishing.review_url(claim, review)
    if url is None:
        return None
    sources = _sources_earliest_first(appearances)
    works = [_creative_work(s) for s in sources]
    item = _compact({
        "@type": "Claim",
        "author": _claim_author(appearances, sources),
        "datePublished": _date(claim.first_seen),
        "appearance": works or None,
        "firstAppearance": works[0] if works else None,
    })
    return _compact({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim_reviewed(claim.text),
        "reviewRating": rating_of(review),
        "url": url,
        "author": _review_author(review, publishing),
        "publisher": _compact({"@type": "Organization", "name": publishing.name,
                               "url": publishing.url}),
        "datePublished": _date(review.published or review.created_at),
        "itemReviewed": item,
    })


def latest_reviews(claim_ids) -> dict[int, Review]:
    """The latest review of each of these claims, in one query."""
    latest = (Review.select(fn.MAX(Review.id)).where(Review.claim.in_(list(claim_ids)))
              .group_by(Review.claim))
    return {r.claim_id: r for r in Review.select().where(Review.id.in_(latest))}


def claim_reviews(claims, publishing: Publishing) -> list[dict]:
    """The ClaimReview of each of these claims whose latest review can be published, in two
    queries."""
    claims = list(claims)
    ids = [c.id for c in claims]
    reviews = latest_reviews(ids)
    appearances = appearances_of(ids) if reviews else {}
    found = (claim_review(c, reviews[c.id], appearances.get(c.id, []), publishing)
             for c in claims if c.id in reviews)
    return [record for record in found if record is not None]


def claim_review_of(claim_id: int, publishing: Publishing) -> dict:
    """The ClaimReview of one claim's latest review, in three queries."""
    claim = get_claim(claim_id)
    review = latest_reviews([claim_id]).get(claim_id)
    if review is None:
        raise NotFound(f"Claim {claim_id} has no review yet, so no ClaimReview: "
                       f"POST /api/v1/claims/{claim_id}/reviews adds one.")
    record = claim_review(claim, review, appearances_of([claim_id]).get(claim_id, []),
                          publishing)
    if record is None:
        raise Conflict(f"The latest review of claim {claim_id} has no url, and PUBLIC_BASE_URL "
                       "is not set: a ClaimReview needs the address of the fact-check.")
    return record


def reviewed_claims(*, after: int = 0, limit: int = EXPORT_BATCH):
    """The next `limit` claims with a review, by id after `after` (keyset paging)."""
    return (Claim.select()
            .where((Claim.id > after) & fn.EXISTS(
                Review.select(Review.id).where(Review.claim == Claim.id)))
            .order_by(Claim.id).limit(limit))


def all_claim_reviews(publishing: Publishing, *, batch: int = EXPORT_BATCH):
    """Every reviewed claim's ClaimReview that can be published (see claim_review), a batch
    of claims at a time, by id."""
    after = 0
    while True:
        claims = list(reviewed_claims(after=after, limit=batch))
        if not claims:
            return
        yield from claim_reviews(claims, publishing)
        if len(claims) < batch:
            return
        after = claims[-1].id


# ----- import

def rating_from(rating: dict) -> str:
    """Our rating for another fact-checker's schema.org Rating: by its value on its own scale,
    else by the words of its name."""
    value = rating.get("ratingValue")
    if value is not None:
        best, worst = rating.get("bestRating", BEST_RATING), rating.get("worstRating", WORST_RATING)
        if not worst <= value <= best or worst == best:
            raise ValueError(f"ratingValue {value} is not on the scale from worstRating "
                             f"{worst} to bestRating {best}.")
        position = (value - worst) / (best - worst)
        return next((r for bound, r in RATING_BANDS if position <= bound), "supported")
    name = " ".join((rating.get("alternateName") or "").casefold().split())
    for words, found in RATING_WORDS:
        if any(_has_phrase(name, w) for w in words):
            return found
    return "unproven"


def _has_phrase(text: str, phrase: str) -> bool:
    """Whether phrase occurs in text as whole words ("untrue" holds no "true")."""
    padded, words = f" {_words(text)} ", f" {_words(phrase)} "
    return words in padded


def _words(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def _speaker_ref(author: dict | None) -> SpeakerRef | None:
    if not author or not (author.get("name") or "").strip():
        return None
    kind = KIND_OF_SCHEMA_TYPE.get((author.get("@type") or "person").casefold(), "organization")
    return SpeakerRef(name=" ".join(author["name"].split()), kind=kind)


def _find_claim(key: str, speaker_id: int | None) -> Claim | None:
    """The stored claim with these words from this speaker; with no speaker, also a claim
    stored by hand with no appearance at all (as an imported one is)."""
    found = same_claim(key, speaker_id)
    if found is None and speaker_id is None:
        found = (Claim.select()
                 .where((Claim.key == key) & ~fn.EXISTS(
                     Appearance.select(Appearance.id).where(Appearance.claim == Claim.id)))
                 .order_by(Claim.id).first())
    return found


def _reviewer_type(author: dict) -> str | None:
    """An imported review's author as a reviewer_type: a Person, else an organization."""
    if not author.get("name"):
        return None
    return "person" if author.get("@type") == "Person" else "organization"


def import_claim_reviews(items: list[dict], *, actor: str) -> dict:
    """Store other fact-checkers' ClaimReviews (validated JSON-LD dicts) as reviews of the
    claims they review, found or created; all or nothing. An item whose url is already a
    review of its claim is skipped, so importing a feed twice adds nothing the second time.

    Answers {"imported": n, "skipped": k, "claims": [the claim id of each item, in order]}.
    """
    if len(items) > MAX_IMPORT:
        raise Invalid(f"Import at most {MAX_IMPORT} ClaimReviews at once.", field="items")
    imported = skipped = 0
    claim_ids = []
    refs = [_speaker_ref((item.get("itemReviewed") or {}).get("author")) for item in items]
    with database.atomic():
        hold_names(ref for ref in refs if ref)  # all at once, in order: no deadlock with others
        for index, item in enumerate(items):
            key = claim_key(item["claimReviewed"])
            if not key:
                raise Invalid(f"Item {index}: the claim reviewed has no words.",
                              field=f"items.{index}.claimReviewed")
            claimed, ref = item.get("itemReviewed") or {}, refs[index]
            speaker = resolve_speaker(ref) if ref else None
            claim = _find_claim(key, speaker.id if speaker else None)
            if claim is None:
                claim = create_claim(text=item["claimReviewed"], actor=actor,
                                     speaker_id=speaker.id if speaker else None)
            first_seen = claimed.get("datePublished")
            if first_seen and (claim.first_seen is None or first_seen < claim.first_seen):
                claim.first_seen = first_seen
                claim.save(only=[Claim.first_seen])
            claim_ids.append(claim.id)
            if Review.select().where((Review.claim == claim.id)
                                     & (Review.url == item["url"])).exists():
                skipped += 1
                continue
            rating = item["reviewRating"]
            try:
                verdict = rating_from(rating)
            except ValueError as error:
                raise Invalid(f"Item {index}: {error}",
                              field=f"items.{index}.reviewRating") from None
            author = item.get("author") or {}
            add_review(claim.id, {
                "rating": verdict, "rating_label": rating.get("alternateName"),
                "reviewer": author.get("name"), "reviewer_type": _reviewer_type(author),
                "url": item["url"],
                "published": item.get("datePublished")}, actor=actor)
            imported += 1
    return {"imported": imported, "skipped": skipped, "claims": claim_ids}
