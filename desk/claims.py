"""Claims: search them with the API's filters; a claim whole, its quotes in their articles,
its links, verdicts and history; a verdict added from its page."""

from flask import current_app, redirect, render_template, request, url_for
from marshmallow import EXCLUDE, ValidationError

from api.auth import current_actor
from api.schemas.claims import ClaimListArgs, ReviewCreate
from desk.blueprint import blp, needs_write
from desk.context import add_excerpts, first_appearances
from desk.filters import given, kept, listing
from models.claim import REVIEW_STATES, STATUSES
from models.errors import Invalid
from models.queries.claims import claim_detail, claim_summaries, claims_query, history_of
from models.review import RATINGS, REVIEWER_TYPES, add_review

PER_PAGE = 20
SEARCH_ARGS = ClaimListArgs(unknown=EXCLUDE)
VERDICT = ReviewCreate()


@blp.route("/claims")
def claims():
    found = listing(request.args, SEARCH_ARGS, claims_query, claim_summaries, PER_PAGE)
    return render_template("claims.html", page=found.page, filters=request.args,
                           kept=kept(given(request.args), SEARCH_ARGS), statuses=STATUSES,
                           review_states=REVIEW_STATES, speaker_name=found.speaker_name,
                           error=found.error), found.status


def _claim_page(claim_id: int, *, verdict: dict | None = None, errors: dict | None = None,
                notice: str | None = None, status: int = 200):
    claim = claim_detail(claim_id)
    add_excerpts(claim["appearances"])
    others = first_appearances({link["other_claim"]["id"] for link in claim["links"]})
    return render_template("claim.html", claim=claim, others=others,
                           history=list(history_of(claim_id)), ratings=RATINGS,
                           reviewer_types=REVIEWER_TYPES, verdict=verdict or {},
                           errors=errors or {}, notice=notice, url_required=_needs_url()), status


def _needs_url() -> bool:
    """A verdict needs its own url where the service has no public address to publish it."""
    return not current_app.config["PUBLIC_BASE_URL"]


@blp.route("/claims/<id:claim_id>")
def claim(claim_id: int):
    notice = "Verdict added." if request.args.get("added") else None
    return _claim_page(claim_id, notice=notice)


@blp.route("/claims/<id:claim_id>/verdicts", methods=["POST"])
@needs_write
def add_verdict(claim_id: int):
    verdict = kept(given(request.form), VERDICT)
    try:
        fields = VERDICT.load(verdict)
    except ValidationError as invalid:
        return _claim_page(claim_id, verdict=verdict, errors=invalid.messages, status=422)
    try:
        add_review(claim_id, fields, actor=current_actor(), needs_url=_needs_url())
    except Invalid as refused:  # kept on the page with what was typed, not a page of its own
        problem = _URL_NEEDED if refused.field == "url" else refused.detail
        return _claim_page(claim_id, verdict=verdict, status=422,
                           errors={refused.field or "verdict": [problem]})
    return redirect(url_for("desk.claim", claim_id=claim_id, added=1, _anchor="verdicts"), 303)


# The service's setting behind it is none of an editor's business.
_URL_NEEDED = "Give the address of the published fact-check, which the verdict points to."
