"""Claims: search them with the API's filters; a claim whole, its quotes in their articles,
its links, verdicts and history; a verdict added from its page."""

from flask import redirect, render_template, request, url_for
from marshmallow import EXCLUDE, ValidationError

from api.pagination import paginate
from api.schemas.claims import ClaimListArgs, ReviewCreate
from desk.blueprint import actor, blp, needs_write
from desk.context import add_excerpts, first_appearances
from desk.queue import problems
from models.claim import STATUSES
from models.queries.claims import claim_detail, claim_summaries, claims_query, history_of
from models.review import RATINGS, REVIEWER_TYPES, add_review

PER_PAGE = 20
SEARCH_ARGS = ClaimListArgs(unknown=EXCLUDE)
VERDICT = ReviewCreate()


@blp.route("/claims")
def claims():
    filters = {k: v.strip() for k, v in request.args.items() if v.strip()}
    page, error, status = None, None, 200
    try:
        args = SEARCH_ARGS.load(filters | {"per_page": PER_PAGE})
        page = paginate(claims_query, args, claim_summaries)
    except ValidationError as invalid:
        error, status = problems(invalid.messages), 422
    return render_template("claims.html", page=page, filters=request.args, statuses=STATUSES,
                           error=error), status


def _claim_page(claim_id: int, *, verdict: dict | None = None, errors: dict | None = None,
                notice: str | None = None, status: int = 200):
    claim = claim_detail(claim_id)
    add_excerpts(claim["appearances"])
    others = first_appearances({link["other_claim"]["id"] for link in claim["links"]})
    return render_template("claim.html", claim=claim, others=others,
                           history=list(history_of(claim_id)), ratings=RATINGS,
                           reviewer_types=REVIEWER_TYPES, verdict=verdict or {},
                           errors=errors or {}, notice=notice), status


@blp.route("/claims/<int:claim_id>")
def claim(claim_id: int):
    notice = "Verdict added." if request.args.get("added") else None
    return _claim_page(claim_id, notice=notice)


@blp.route("/claims/<int:claim_id>/verdicts", methods=["POST"])
@needs_write
def add_verdict(claim_id: int):
    given = {k: v.strip() for k, v in request.form.items()
             if k in VERDICT.fields and v.strip()}
    try:
        fields = VERDICT.load(given)
    except ValidationError as invalid:
        return _claim_page(claim_id, verdict=given, errors=invalid.messages, status=422)
    add_review(claim_id, fields, actor=actor())
    return redirect(url_for("desk.claim", claim_id=claim_id, added=1, _anchor="verdicts"), 303)
