"""The queue: suggested contradictions, strongest first, each with both claims in the words
and the articles they came from; confirmed or rejected with a reason, or skipped."""

from urllib.parse import urlencode

from flask import abort, redirect, render_template, request, url_for
from marshmallow import EXCLUDE, ValidationError, fields

from api.auth import current_actor
from api.schemas.claims import ContradictionListArgs, ContradictionReview
from api.schemas.common import DatesInOrder
from desk.blueprint import blp, needs_write
from desk.context import first_appearances
from desk.filters import given, kept, listing, problems
from models.link import CONTRADICTION_KINDS, review_contradiction
from models.queries.contradictions import contradictions_query, pair_records

PER_PAGE = 10
DECISIONS = ("confirmed", "rejected")


class QueueArgs(ContradictionListArgs, DatesInOrder):
    """The API's filters of contradictions, and the dates they were flagged."""

    since = fields.Date()
    until = fields.Date()


QUEUE_ARGS = QueueArgs(unknown=EXCLUDE, exclude=("state", "origin", "min_score"))
DECISION = ContradictionReview()


def _suggested(**filters):
    return contradictions_query(state="suggested", **filters)


@blp.route("/")
def home():
    return redirect(url_for("desk.queue"))


@blp.route("/queue")
def queue():
    found = listing(request.args, QUEUE_ARGS, _suggested, pair_records, PER_PAGE)
    items = found.page["items"] if found.page else []
    contexts = first_appearances({i for link in items
                                  for i in (link["claim_a"]["id"], link["claim_b"]["id"])})
    return render_template("queue.html", page=found.page, items=items, contexts=contexts,
                           filters=request.args, kept=kept(given(request.args), QUEUE_ARGS),
                           here=_this_page(),
                           kinds=CONTRADICTION_KINDS, speaker_name=found.speaker_name,
                           notice=_done_notice(), error=found.error), found.status


def _this_page() -> dict:
    """The filters and the page of the queue asked for: where a decision returns to."""
    cursor = request.args.get("cursor")
    return kept(given(request.args), QUEUE_ARGS) | ({"cursor": cursor} if cursor else {})


def _done_notice() -> str | None:
    done, state = request.args.get("done", ""), request.args.get("state")
    return f"Contradiction {done} {state}." if done.isdigit() and state in DECISIONS else None


@blp.route("/queue/<id:link_id>/review", methods=["POST"])
@needs_write
def review(link_id: int):
    try:
        decision = DECISION.load(kept(given(request.form), DECISION))
    except ValidationError as invalid:
        abort(422, problems(invalid.messages))
    review_contradiction(link_id, decision["state"], actor=current_actor(),
                         reason=decision.get("reason"),
                         seen_state=request.form.get("seen_state") or "suggested")
    back = _this_page() | {"done": link_id, "state": decision["state"]}
    return redirect(f"{url_for('desk.queue')}?{urlencode(back)}#queue", 303)
