"""Reviews: fact-check verdicts, the only source of a claim's verdict status."""

import peewee

from models.claim import Claim, change_fields, get_claim
from models.db import BaseModel, database, utcnow
from models.errors import Invalid

REVIEWER_TYPES = ("person", "organization")
RATINGS = ("supported", "mostly_supported", "mixed", "mostly_refuted", "refuted", "unproven")
STATUS_OF_RATING = {
    "supported": "supported",
    "mostly_supported": "supported",
    "mixed": "mixed",
    "mostly_refuted": "refuted",
    "refuted": "refuted",
    "unproven": "unproven",
}


class Review(BaseModel):
    claim = peewee.ForeignKeyField(Claim, backref="reviews", on_delete="CASCADE")
    rating = peewee.CharField(max_length=24)
    rating_label = peewee.TextField(null=True)
    explanation = peewee.TextField(null=True)
    url = peewee.TextField(null=True)
    reviewer = peewee.TextField(null=True)
    reviewer_type = peewee.CharField(max_length=16, null=True)  # person or organization
    published = peewee.DateField(null=True)
    created_by = peewee.TextField(null=True)
    created_at = peewee.DateTimeField(default=utcnow, index=True)


def add_review(claim_id: int, fields: dict, *, actor: str,
               needs_url: bool = False) -> Review:
    """Record a verdict; the latest one sets the claim's status, and the claim is reviewed. A
    named reviewer is a person unless said to be an organization. needs_url when there is no
    public address to publish a review without a url of its own (PUBLIC_BASE_URL)."""
    if needs_url and not fields.get("url"):
        raise Invalid("url is required: the address of the published fact-check, which its "
                      "ClaimReview points to (or set PUBLIC_BASE_URL).", field="url")
    if fields.get("reviewer") and not fields.get("reviewer_type"):
        fields = {**fields, "reviewer_type": "person"}
    with database.atomic():
        claim = get_claim(claim_id, lock=True)
        review = Review.create(claim=claim, created_by=actor, **fields)
        change_fields(claim, {"status": STATUS_OF_RATING[review.rating],
                              "review_state": "reviewed"},
                      actor=actor, reason=f"review {review.id}: {review.rating}")
    return review
