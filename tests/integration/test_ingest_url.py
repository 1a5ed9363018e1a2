"""Ingest by URL: a local HTTP server serves saved HTML; the article's text and metadata are
extracted, fetching is bounded, and private addresses are refused unless allowed."""

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from api import create_app
from api.config import Config
from tests.api.contract import API

PAGES = Path(__file__).parent.parent / "data" / "pages"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=PAGES))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def fetching_client(app, database_url):
    return create_app(Config(DATABASE_URL=database_url, FETCH_ALLOW_PRIVATE=True,
                             FETCH_MAX_BYTES=100_000)).test_client()


def test_a_page_is_fetched_and_its_article_ingested_with_its_metadata(fetching_client, site,
                                                                     write_headers):
    url = f"{site}/harbour.html"
    response = fetching_client.post(f"{API}/sources", json={"url": url}, headers=write_headers)
    assert response.status_code == 201, response.get_json()
    source = response.get_json()["source"]
    assert source["url"] == url
    assert source["title"] == "Port traffic falls by a third"
    assert source["outlet"] == "Harbour Gazette"
    assert source["published"] == "2024-03-05"
    assert "container traffic fell by a third" in source["text"]
    for noise in ("Subscribe now", "Copyright", "Home"):
        assert noise not in source["text"]
    assert len(source["claims"]) >= 3
    again = fetching_client.post(f"{API}/sources", json={"url": url}, headers=write_headers)
    assert again.status_code == 200 and again.get_json()["created"] is False


def test_given_fields_override_what_the_page_says(fetching_client, site, write_headers):
    body = {"url": f"{site}/harbour.html", "outlet": "Wire copy", "published": "2024-03-06"}
    source = fetching_client.post(f"{API}/sources", json=body,
                                  headers=write_headers).get_json()["source"]
    assert (source["outlet"], source["published"]) == ("Wire copy", "2024-03-06")


@pytest.mark.parametrize("path, status", [("/missing.html", 502), ("/feed.json", 422)])
def test_a_page_that_cannot_be_had_is_a_clear_error(fetching_client, site, write_headers,
                                                    path, status):
    response = fetching_client.post(f"{API}/sources", json={"url": site + path},
                                    headers=write_headers)
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"


def test_a_page_over_the_size_cap_is_refused(app, database_url, site, write_headers):
    small = create_app(Config(DATABASE_URL=database_url, FETCH_ALLOW_PRIVATE=True,
                              FETCH_MAX_BYTES=500)).test_client()
    response = small.post(f"{API}/sources", json={"url": f"{site}/harbour.html"},
                          headers=write_headers)
    assert response.status_code == 422
    assert "larger than 500 bytes" in response.get_json()["detail"]


def test_private_addresses_are_refused_by_default(client, site, write_headers):
    response = client.post(f"{API}/sources", json={"url": f"{site}/harbour.html"},
                           headers=write_headers)
    assert response.status_code == 422
    assert "private or local" in response.get_json()["errors"]["url"][0]


def test_the_cli_ingests_a_url(app, database_url, site, monkeypatch):
    monkeypatch.setenv("FETCH_ALLOW_PRIVATE", "1")
    monkeypatch.setenv("DATABASE_URL", database_url)
    runner = create_app().test_cli_runner()
    result = runner.invoke(args=["ingest", f"{site}/harbour.html"])
    assert result.exit_code == 0, result.output
    assert "stored" in result.output
