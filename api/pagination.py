"""The list envelope every collection answers: {items, page, per_page, total, next}.

flask-smorest's own pagination puts its metadata in a header; the contract wants it in the
body, so the envelope is built here.
"""

from flask import request, url_for


def paginate(build_query, args: dict, records) -> dict:
    """One page of build_query(**filters), its rows turned into dicts by `records` (a batch
    function); args are the parsed query arguments, page and per_page among them."""
    filters = dict(args)
    page, per_page = filters.pop("page"), filters.pop("per_page")
    query = build_query(**filters)
    total = query.count()
    rows = list(query.paginate(page, per_page)) if (page - 1) * per_page < total else []
    next_url = None
    if page * per_page < total:
        params = {**request.args.to_dict(), "page": page + 1, "per_page": per_page}
        next_url = url_for(request.endpoint, _external=True, **(request.view_args or {}),
                           **params)
    return {"items": records(rows), "page": page, "per_page": per_page, "total": total,
            "next": next_url}
