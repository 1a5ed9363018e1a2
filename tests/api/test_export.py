"""Exports: every claim matching the filters of GET /claims, streamed as NDJSON or CSV."""

import csv
import io
import json

import pytest

from tests.api.contract import API


def _ndjson(client, **params):
    response = client.get(f"{API}/export/claims.ndjson", query_string=params)
    assert response.status_code == 200
    assert response.mimetype == "application/x-ndjson"
    assert response.is_streamed
    return [json.loads(line) for line in response.get_data(as_text=True).splitlines()]


def test_ndjson_holds_every_claim_once_with_appearances_and_speakers(client, seeded):
    listed = client.get(f"{API}/claims", query_string={"per_page": 1}).get_json()["total"]
    rows = _ndjson(client)
    assert len(rows) == listed == len({r["id"] for r in rows})
    assert rows and all(r["appearances"] for r in rows)
    assert any(r["speakers"] for r in rows)
    quote = rows[0]["appearances"][0]
    source = client.get(f"{API}/sources/{quote['source']['id']}").get_json()
    assert source["text"][quote["start"]:quote["end"]] == quote["quote"]


def test_exports_take_the_filters_of_the_claim_list(client, seeded):
    for params in ({"q": "treaty"}, {"status": "unverified", "source": 2},
                   {"since": "2001-01-01"}):
        listed = client.get(f"{API}/claims", query_string={**params, "per_page": 100})
        assert ([r["id"] for r in _ndjson(client, **params)]
                == sorted(c["id"] for c in listed.get_json()["items"]))


def test_csv_has_a_header_and_one_row_per_claim(client, seeded):
    response = client.get(f"{API}/export/claims.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == len(_ndjson(client))
    assert {"id", "text", "speakers", "sources", "quotes"} <= set(rows[0])


@pytest.mark.parametrize("params", [{"sort": "id"}, {"page": 2}, {"status": "bogus"}])
def test_export_refuses_arguments_it_does_not_take(client, params):
    response = client.get(f"{API}/export/claims.ndjson", query_string=params)
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
