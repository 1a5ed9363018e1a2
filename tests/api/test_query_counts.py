"""The cost of every read: each GET route runs a fixed number of queries, the same for a
small base as for one with many times the claims, appearances, links and reviews (no N+1),
and never more than a small constant."""


from models.db import database
from tests.api.contract import API

MAX_QUERIES = 12  # the most any read may run, however large the base
PAGE = "per_page=100"


def _routes(app) -> set[str]:
    return {rule.rule for rule in app.url_map.iter_rules()
            if "GET" in rule.methods and rule.rule.startswith(f"{API}/")}


def _grow(client, write_headers, admin_headers, n: int) -> dict:
    """n articles by n speakers repeating one claim, n more claims contradicting and reviewing
    it, and a webhook with deliveries: what every route reads grows with n."""
    claim_id = link_id = None
    for i in range(n):
        text = (f"Councillor Ada Brook{i} said that the harbour bridge will open in March. "
                f"Engineer Tom Reyes said the harbour bridge will open in March. "
                f'"The steel for stand {i} has arrived," Mr. Reyes said.')
        answer = client.post(f"{API}/sources", json={"text": text, "outlet": f"Post {i % 3}"},
                             headers=write_headers)
        assert answer.status_code in (200, 201), answer.get_json()  # 200: stored by a grow before
        body = answer.get_json()
        claim_id = claim_id or next(c["id"] for c in body["source"]["claims"]
                                    if any("Reyes" in s["name"] for s in c["speakers"]))
    for i in range(n):
        other = client.post(f"{API}/claims", json={"text": f"The bridge {i} will not open"},
                            headers=write_headers).get_json()["id"]
        flagged = client.post(f"{API}/claims/{claim_id}/contradictions",
                              json={"claim_id": other}, headers=write_headers)
        assert flagged.status_code == 201, flagged.get_json()
        link_id = link_id or flagged.get_json()["id"]
        reviewed = client.post(f"{API}/claims/{claim_id}/reviews", json={"rating": "mixed"},
                               headers=write_headers)
        assert reviewed.status_code == 201, reviewed.get_json()
    hook = client.post(f"{API}/webhooks", json={"url": "http://127.0.0.1:9/hook",
                                                "events": ["claim.created"]},
                       headers=admin_headers).get_json()["id"]
    for i in range(n):
        made = client.post(f"{API}/claims", json={"text": f"Delivery claim {i}"},
                           headers=write_headers)
        assert made.status_code == 201, made.get_json()
    with database.connection_context():
        from models.backfill import create_backfill, get_backfill, process
        from models.link import ClaimLink
        from models.source import Source
        from models.speaker import Speaker

        speaker = Speaker.select().order_by(Speaker.id.desc()).first().id
        source = Source.select().order_by(Source.id).first().id
        # The councillors and the engineer say one thing: detection suggests them as one.
        pair = (ClaimLink.select().where(ClaimLink.relation == "same_claim")
                .order_by(ClaimLink.id).first().id)
        # A backfill of pages on a private address: each fails, with its reason.
        backfill, items = create_backfill("test", [{"url": f"http://127.0.0.1:9/{i}"}
                                                   for i in range(n)])
        process(items, fetch_options={"timeout": 1, "max_bytes": 1000, "allow_private": False})
        assert get_backfill(backfill.id).failed == n
    return {"claim_id": claim_id, "speaker_id": speaker, "source_id": source,
            "link_id": link_id, "pair_id": pair, "webhook_id": hook, "backfill_id": backfill.id}


def _path(rule: str, ids: dict) -> str:
    for name, value in ids.items():
        rule = rule.replace(f"<id:{name}>", str(value))
    return rule


def _cost(client, headers, path, counted) -> int:
    counted.clear()
    separator = "&" if "?" in path else "?"
    response = client.get(f"{path}{separator}{PAGE}" if "export" not in path
                          and "claimreview" not in path else path, headers=headers)
    assert response.status_code == 200, (path, response.get_data()[:300])
    response.get_data()  # a streamed export runs its queries as it is read
    return len(counted)


def test_every_read_costs_a_fixed_small_number_of_queries(app, client, write_headers,
                                                          admin_headers, counted):
    small = _grow(client, write_headers, admin_headers, 2)
    routes = sorted(_routes(app))
    before = {rule: _cost(client, admin_headers, _path(rule, small), counted) for rule in routes}
    _grow(client, write_headers, admin_headers, 12)  # the same claim, now with 14 of each
    after = {rule: _cost(client, admin_headers, _path(rule, small), counted) for rule in routes}
    assert after == before, "a read's queries grew with the base"
    assert max(after.values()) <= MAX_QUERIES, after
