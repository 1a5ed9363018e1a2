"""The list envelope every collection answers: {items, page, per_page, total, total_exact,
next}.

flask-smorest's own pagination puts its metadata in a header; the contract wants it in the
body, so the envelope is built here. `next` carries a keyset cursor, so following it costs the
same on the thousandth page as on the first; totals are counted up to a bound.
"""

from flask import request, url_for

from models.paging import after, bounded_count, cursor_after


def paginate(build_query, args: dict, records) -> dict:
    """One page of build_query(**filters), its rows turned into dicts by `records` (a batch
    function); args are the parsed query arguments, page, per_page and cursor among them."""
    filters = dict(args)
    page, per_page = filters.pop("page"), filters.pop("per_page")
    cursor = filters.pop("cursor", None)
    query = build_query(**filters)
    total, exact = bounded_count(query)
    window = after(query, cursor) if cursor else query.offset((page - 1) * per_page)
    rows = list(window.limit(per_page + 1))
    next_url = None
    if len(rows) > per_page:
        rows = rows[:per_page]
        # The arguments the schema took (a page may ignore others, such as the desk's).
        params = {**{k: v for k, v in request.args.items() if k in filters},
                  "page": page + 1, "per_page": per_page, "cursor": cursor_after(query, rows[-1])}
        next_url = url_for(request.endpoint, _external=True, **(request.view_args or {}),
                           **params)
    return {"items": records(rows), "page": page, "per_page": per_page, "total": total,
            "total_exact": exact, "next": next_url}
