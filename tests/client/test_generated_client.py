"""A client generated from the committed spec by openapi-python-client, as an integrator
would make one, lists, gets and searches claims on a real server."""

import subprocess
import sys
from pathlib import Path

import pytest

SPEC = Path(__file__).resolve().parents[2] / "openapi.yaml"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The generated package, importable."""
    where = tmp_path_factory.mktemp("generated")
    command = Path(sys.executable).with_name("openapi-python-client")
    done = subprocess.run([str(command), "generate", "--path", str(SPEC), "--meta", "none",
                           "--output-path", str(where / "ct_generated")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    sys.path.insert(0, str(where))
    yield where / "ct_generated"
    sys.path.remove(str(where))


def test_the_generated_client_lists_gets_and_searches_claims(generated, server):
    from ct_generated.api.claims import get_claim, list_claims
    from ct_generated.client import AuthenticatedClient

    functions = {p.stem for p in (generated / "api").glob("*/*.py")}
    assert {"list_claims", "get_claim", "ingest_source", "check_draft",
            "list_contradictions", "review_contradiction", "create_webhook"} <= functions
    client = AuthenticatedClient(base_url=server.base_url, token=server.admin_key)
    page = list_claims.sync(client=client, per_page=5)
    assert len(page.items) == 5 and page.total >= 5
    claim = get_claim.sync(client=client, claim_id=page.items[0].id)
    assert claim.id == page.items[0].id and isinstance(claim.appearances, list)
    found = list_claims.sync(client=client, q='"missile defense"')
    assert found.items and all("defen" in c.text.lower() for c in found.items)
