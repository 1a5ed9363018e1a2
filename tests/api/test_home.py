"""First contact: a browser at `/` finds the docs and the spec, a program at `/api/v1` the
resources, each of which answers."""

from tests.api.contract import API


def test_the_front_page_links_the_docs_the_spec_and_the_resources(client):
    page = client.get("/")
    assert page.status_code == 200 and page.content_type.startswith("text/html")
    for link in ('href="/docs"', 'href="/openapi.json"', f'href="{API}"'):
        assert link in page.get_data(as_text=True)
    assert client.get("/docs/").status_code == 200


def test_the_api_root_lists_resources_that_answer(client, admin_headers):
    index = client.get(API).get_json()
    assert index["openapi"] == "/openapi.json"
    served = {r["name"]: r["href"] for r in index["resources"]}
    assert {"claims", "contradictions", "speakers", "sources", "check"} <= set(served)
    for name in ("claims", "contradictions", "speakers", "sources", "webhooks", "health",
                 "export"):
        assert client.get(served[name], headers=admin_headers).status_code == 200, name
    for name in ("check", "import"):  # POST routes: a GET is told which method to use
        assert client.get(served[name], headers=admin_headers).status_code == 405, name
