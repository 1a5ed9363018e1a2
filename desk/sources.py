"""Sources: paste an article's text or give its URL to ingest it, then see the claims and the
contradictions it brought."""

from flask import redirect, render_template, request, url_for
from marshmallow import EXCLUDE, ValidationError

from api.auth import current_actor
from api.errors import status_of
from api.pagination import paginate
from api.schemas.sources import SourceCreate
from api.sources import fetch_options
from desk.blueprint import blp, needs_write
from desk.filters import given, kept, problems
from models.errors import DomainError
from models.ingest import ingest
from models.queries.contradictions import contradictions_query, pair_records
from models.queries.sources import source_detail, source_records, sources_query

ARTICLE = SourceCreate(unknown=EXCLUDE)


def _sources_page(*, article: dict | None = None, error: str | None = None, status: int = 200):
    """The ingest form (with what was typed, when refused) and the newest sources."""
    args = {"page": 1, "per_page": 20, **({"cursor": request.args["cursor"]}
                                          if request.args.get("cursor") else {})}
    page = paginate(sources_query, args, source_records)
    return render_template("sources.html", page=page, given=article or {}, error=error), status


@blp.route("/sources")
def sources():
    return _sources_page()


@blp.route("/sources", methods=["POST"])
@needs_write
def add_source():
    article = kept(given(request.form), ARTICLE)
    try:
        body = ARTICLE.load(article)
    except ValidationError as invalid:
        return _sources_page(article=article, error=problems(invalid.messages), status=422)
    try:
        result = ingest(body, actor=current_actor(), fetch_options=fetch_options())
    except DomainError as refused:  # a page that cannot be fetched, a private address
        return _sources_page(article=article, error=refused.detail, status=status_of(refused))
    return redirect(url_for("desk.source", source_id=result.source.id,
                            known=0 if result.created else 1), 303)


@blp.route("/sources/<id:source_id>")
def source(source_id: int):
    record = source_detail(source_id)
    flags = pair_records(contradictions_query(source=source_id).limit(100))
    return render_template("source.html", source=record, flags=flags,
                           known=request.args.get("known") == "1")
