"""Sources: paste an article's text or give its URL to ingest it, then see the claims and the
contradictions it brought."""

from flask import redirect, render_template, request, url_for
from marshmallow import EXCLUDE, ValidationError

from api.pagination import paginate
from api.schemas.sources import SourceCreate
from api.sources import fetch_options
from desk.blueprint import actor, blp, needs_write
from desk.queue import problems
from models.ingest import ingest_article, ingest_url
from models.queries.contradictions import contradiction_records, contradictions_query
from models.queries.sources import source_detail, source_records, sources_query

ARTICLE = SourceCreate(unknown=EXCLUDE)


def _sources_page(*, given: dict | None = None, error: str | None = None, status: int = 200):
    args = {"page": 1, "per_page": 20, **({"cursor": request.args["cursor"]}
                                          if request.args.get("cursor") else {})}
    page = paginate(sources_query, args, source_records)
    return render_template("sources.html", page=page, given=given or {}, error=error), status


@blp.route("/sources")
def sources():
    return _sources_page()


@blp.route("/sources", methods=["POST"])
@needs_write
def ingest():
    given = {k: v.strip() for k, v in request.form.items()
             if k in ARTICLE.fields and v.strip()}
    try:
        body = ARTICLE.load(given)
    except ValidationError as invalid:
        return _sources_page(given=given, error=problems(invalid.messages), status=422)
    if "text" in body:
        result = ingest_article(actor=actor(), **body)
    else:
        result = ingest_url(body.pop("url"), actor=actor(), fetch_options=fetch_options(),
                            **body)
    return redirect(url_for("desk.source", source_id=result.source.id,
                            known=0 if result.created else 1), 303)


@blp.route("/sources/<int:source_id>")
def source(source_id: int):
    record = source_detail(source_id)
    flags = contradiction_records(contradictions_query(source=source_id).limit(100))
    return render_template("source.html", source=record, flags=flags,
                           known=request.args.get("known") == "1")
