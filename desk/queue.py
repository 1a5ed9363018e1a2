"""The queue: suggested contradictions, strongest first, each with both claims in the words
and the articles they came from; confirmed or rejected with a reason, or skipped."""

from flask import redirect, render_template, request, url_for
from marshmallow import EXCLUDE, ValidationError, fields

from api.pagination import paginate
from api.schemas.claims import ContradictionListArgs
from api.schemas.common import DatesInOrder
from desk.blueprint import actor, blp, needs_write
from desk.context import first_appearances
from models.link import CONTRADICTION_KINDS, review_contradiction
from models.queries.contradictions import contradiction_records, contradictions_query
from models.queries.speakers import speakers_query

PER_PAGE = 10


class QueueArgs(ContradictionListArgs, DatesInOrder):
    """The API's filters of contradictions, and the dates they were flagged."""

    since = fields.Date()
    until = fields.Date()


QUEUE_ARGS = QueueArgs(unknown=EXCLUDE, exclude=("state", "origin", "min_score"))


@blp.route("/")
def home():
    return redirect(url_for("desk.queue"))


@blp.route("/queue")
def queue():
    filters = {k: v.strip() for k, v in request.args.items() if v.strip()}
    page, error, status, speaker_name = None, None, 200, None
    if not filters.get("speaker", "1").isdigit():  # a name typed in the filter
        speaker_name = filters.pop("speaker")
        match = speakers_query(q=speaker_name).first()
        if match is None:
            error, status = f"No speaker is named like {speaker_name!r}.", 404
        else:
            filters["speaker"] = str(match.id)
            speaker_name = match.name
    if error is None:
        try:
            args = QUEUE_ARGS.load(filters | {"per_page": PER_PAGE})
            page = paginate(lambda **f: contradictions_query(state="suggested", **f), args,
                            contradiction_records)
        except ValidationError as invalid:
            error, status = problems(invalid.messages), 422
    items = page["items"] if page else []
    contexts = first_appearances({i for link in items
                                  for i in (link["claim_a"]["id"], link["claim_b"]["id"])})
    return render_template("queue.html", page=page, items=items, contexts=contexts,
                           filters=request.args, kinds=CONTRADICTION_KINDS,
                           speaker_name=speaker_name, notice=_done_notice(),
                           error=error), status


def problems(messages: dict) -> str:
    return "; ".join(f"{field}: {' '.join(map(str, problems))}"
                     for field, problems in sorted(messages.items()))


def _done_notice() -> str | None:
    done, state = request.args.get("done"), request.args.get("state")
    return f"Contradiction {done} {state}." if done and state else None


@blp.route("/queue/<int:link_id>/review", methods=["POST"])
@needs_write
def review(link_id: int):
    state = request.form.get("state")
    reason = request.form.get("reason", "").strip() or None
    review_contradiction(link_id, state, actor=actor(), reason=reason,
                         seen_state=request.form.get("seen_state", "suggested"))
    back = {k: v for k, v in request.args.items() if k not in ("done", "state", "cursor")}
    return redirect(url_for("desk.queue", done=link_id, state=state, **back,
                            _anchor="queue"), 303)
