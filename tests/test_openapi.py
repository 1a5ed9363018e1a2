"""openapi.yaml is generated from the code; this fails when they drift apart."""

from pathlib import Path

import yaml

SPEC = Path(__file__).parent.parent / "openapi.yaml"


def test_committed_openapi_yaml_matches_the_code(app):
    generated = app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_dict()
    committed = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    assert committed == generated, "openapi.yaml is stale: run `make openapi` and commit it"


def test_spec_and_offline_docs_are_served_at_the_root(client):
    spec = client.get("/openapi.json")
    assert spec.status_code == 200
    assert "/api/v1/claims" in spec.get_json()["paths"]
    page = client.get("/docs/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "/openapi.json" in html
    assert "https://" not in html.replace("https://github.com", ""), "docs must not need a CDN"
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        with client.get(f"/docs/{asset}") as response:
            assert response.status_code == 200


def test_every_operation_has_a_summary_and_documents_problem_errors(app):
    spec = app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_dict()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if method == "parameters":
                continue
            assert operation.get("summary"), f"{method.upper()} {path} has no summary"
    default_error = spec["components"]["responses"]["DEFAULT_ERROR"]
    assert "application/problem+json" in default_error["content"]
