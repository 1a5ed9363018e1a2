"""The controls of the bad-input corpus (test_bad_input.py), which write, so each test has rows
of its own: the valid body of each route is accepted, in-process and through gunicorn, so the
corpus is refused for what is wrong with it, not for a wrong path or body; and a speaker search
takes any text as a substring."""

import pytest

from tests.api.conftest import client_of
from tests.api.contract import API, ARTICLE
from tests.api.test_bad_input import BODY_ROUTES, stored_rows, url_of


@pytest.fixture(params=["in-process", "gunicorn"])
def ctx(request, app, admin_headers):
    return stored_rows(client_of(request, app), admin_headers)


@pytest.mark.parametrize(("method", "rule"), list(BODY_ROUTES), ids=" ".join)
def test_the_valid_body_of_each_route_is_accepted(ctx, method, rule):
    route = BODY_ROUTES[(method, rule)]
    response = ctx.client.open(url_of(rule, ctx), method=method, json=route.valid(ctx),
                               headers={**ctx.headers, **dict(route.headers)})
    assert response.status_code in (200, 201), response.get_json()


@pytest.mark.parametrize("q", ["%", "_", "%%", "\\", "'", '"', "*", "🌉", "' OR 1=1 --",
                               "x" * 200])
def test_speaker_search_takes_any_text_as_a_substring(ctx, q):
    ingested = ctx.client.post(f"{API}/sources", json={"text": ARTICLE}, headers=ctx.headers)
    assert ingested.status_code == 201
    assert ctx.client.get(f"{API}/speakers").get_json()["items"]  # a wildcard would match
    response = ctx.client.get(f"{API}/speakers", query_string={"q": q})
    assert response.status_code == 200
    assert response.get_json()["items"] == []
