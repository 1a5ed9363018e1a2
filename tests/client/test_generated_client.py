"""A client generated from the committed spec by openapi-python-client, as an integrator
would make one (with client/openapi-python-client.yml), lists, gets, searches and exports
claims on a real server."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi.yaml"
CONFIG = ROOT / "client" / "openapi-python-client.yml"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The generated package, importable."""
    where = tmp_path_factory.mktemp("generated")
    command = Path(sys.executable).with_name("openapi-python-client")
    done = subprocess.run([str(command), "generate", "--path", str(SPEC), "--meta", "none",
                           "--config", str(CONFIG), "--output-path", str(where / "ct_generated")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    # Nothing skipped: every operation and every answer it documents is generated.
    assert "WARNING" not in done.stdout + done.stderr, done.stdout[-3000:]
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


def test_the_generated_client_exports_claims_and_claim_reviews(generated, server):
    from ct_generated.api.claimreview import export_claim_reviews, get_claim_review
    from ct_generated.api.claims import create_review, list_claims
    from ct_generated.api.export import export_claims_csv, export_claims_ndjson
    from ct_generated.client import AuthenticatedClient
    from ct_generated.models import (
        ClaimReview,
        ExportClaimsCsvStatus,
        ExportClaimsNdjsonStatus,
        ReviewCreate,
        ReviewCreateRating,
        SourceClaim,
    )

    client = AuthenticatedClient(base_url=server.base_url, token=server.admin_key)
    lines = export_claims_ndjson.sync(
        client=client, status=ExportClaimsNdjsonStatus.UNVERIFIED).splitlines()
    claims = [SourceClaim.from_dict(json.loads(line)) for line in lines]
    assert claims and all(c.status == "unverified" for c in claims)
    assert any(c.appearances for c in claims)
    table = export_claims_csv.sync(client=client, status=ExportClaimsCsvStatus.UNVERIFIED)
    rows = list(csv.DictReader(io.StringIO(table)))
    assert [int(row["id"]) for row in rows] == [c.id for c in claims]

    claim_id = list_claims.sync(client=client, per_page=1).items[0].id
    create_review.sync(claim_id, client=client, body=ReviewCreate(
        rating=ReviewCreateRating.REFUTED, reviewer="A. Checker", explanation="No such deal."))
    exported = [ClaimReview.from_dict(json.loads(line)) for line in
                export_claim_reviews.sync(client=client).splitlines()]
    one = get_claim_review.sync(client=client, claim_id=claim_id)
    assert one.claim_reviewed and one.to_dict() in [review.to_dict() for review in exported]
