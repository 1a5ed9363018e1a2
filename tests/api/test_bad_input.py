"""A corpus of bad input, sent to every endpoint that takes input: each case answers a precise
4xx problem+json (never a 5xx, never a stack trace), and a refused write changes nothing;
sent to the app in-process and, as users reach it, over HTTP to gunicorn (`claimtracker
serve`) on the same database. Every test here is refused and checks that it wrote nothing, so
one set of rows serves the whole module on each engine; test_good_input.py holds the controls,
which write.

The routes come from the app's URL map: a route that takes a body or query arguments and has
no entry here fails test_every_route_that_takes_input_has_bad_input_cases."""

import json
import re
from dataclasses import dataclass, replace
from types import SimpleNamespace

import pytest
from marshmallow import fields

from api.schemas.claimreview import ClaimReviewIn
from models.backfill import create_backfill
from models.db import database
from models.dump import dump
from models.link import ClaimLink
from tests.api.conftest import client_of
from tests.api.contract import API, ARTICLE, problem_of
from tests.conftest import empty_tables, key_headers, shared_app
from tests.servers import HttpClient

ID = re.compile(r"<id:(\w+)>")
DEEP = 10_000
HUGE_INTEGER = b"9" * 5000  # past Python's 4300-digit limit for int("...")
THREE_MB = 3 * 1024 * 1024


def stored_rows(client, headers: dict) -> SimpleNamespace:
    """A row behind every id a route's path names, made through the client with an admin key
    (it passes every scope)."""

    def created(path: str, body: dict) -> int:
        response = client.post(f"{API}{path}", json=body, headers=headers)
        assert response.status_code == 201, response.get_json()
        return response.get_json()["id"]

    a = created("/claims", {"text": "The harbour bridge will open in March"})
    b = created("/claims", {"text": "The harbour bridge will not open before September"})
    c = created("/claims", {"text": "The steel for the bridge has not arrived"})
    link = created(f"/claims/{a}/contradictions", {"claim_id": b, "state": "suggested"})
    with database.connection_context():
        pair = ClaimLink.create(claim_a=b, claim_b=c, relation="same_claim", score=0.7).id
    hook = created("/webhooks", {"url": "https://hooks.example/claims",
                                 "events": ["claim.created"]})
    with database.connection_context():
        backfill, _ = create_backfill("test")  # POST /backfills needs a job queue: none here
    return SimpleNamespace(client=client, headers=headers, claim=a, other=c,
                           ids={"claim_id": a, "link_id": link, "pair_id": pair, "webhook_id": hook,
                                "backfill_id": backfill.id})


@pytest.fixture(scope="module")
def stored(database_url):
    """The app and the module's rows on one engine, made once."""
    app = shared_app(database_url)
    empty_tables()
    return app, stored_rows(app.test_client(), key_headers("admin"))


@pytest.fixture(params=["in-process", "gunicorn"])
def ctx(request, stored):
    """The rows, and a client of the app in-process or of gunicorn."""
    app, rows = stored
    return SimpleNamespace(**{**vars(rows), "client": client_of(request, app)})


def url_of(rule: str, ctx) -> str:
    return ID.sub(lambda m: str(ctx.ids[m.group(1)]), rule)


def snapshot() -> dict:
    """Every row of every table but the API keys (their last-use time may move)."""
    tables = dump()["tables"]
    tables.pop("apikey", None)
    return tables


# ----- routes that read a JSON body: one body each accepts

@dataclass(frozen=True)
class BodyRoute:
    valid: object  # ctx -> the body
    headers: tuple = ()
    ignores_unknown: bool = False  # foreign JSON-LD carries properties we do not keep
    errors_prefix: str = ""


IMPORT_ITEM = {
    "claimReviewed": "The harbour bridge will open in March", "@type": "ClaimReview",
    "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                     "alternateName": "False"},
    "url": "https://factcheck.example/bridge",
    "author": {"@type": "Organization", "name": "Checkers"}, "datePublished": "2024-03-02",
    "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Jane Holloway"},
                     "datePublished": "2024-03-01"},
}

BODY_ROUTES = {
    ("POST", "/api/v1/claims"): BodyRoute(
        lambda c: {"text": "The ferry will stop running in May", "kind": "narration"}),
    ("PATCH", "/api/v1/claims/<id:claim_id>"): BodyRoute(
        lambda c: {"text": "The bridge opens in May", "status": "disputed",
                   "review_state": "in_review", "reason": "Corrected by the desk"},
        headers=(("If-Match", "*"),)),
    ("POST", "/api/v1/claims/<id:claim_id>/contradictions"): BodyRoute(
        lambda c: {"claim_id": c.other, "explanation": "One says March, one says never."}),
    ("POST", "/api/v1/claims/<id:claim_id>/reviews"): BodyRoute(
        lambda c: {"rating": "refuted", "rating_label": "False", "explanation": "No steel.",
                   "url": "https://factcheck.example/1", "reviewer": "Desk",
                   "published": "2024-03-01"}),
    ("PATCH", "/api/v1/contradictions/<id:link_id>"): BodyRoute(
        lambda c: {"state": "confirmed", "reason": "Both quotes checked"}),
    ("PATCH", "/api/v1/same-claims/<id:pair_id>"): BodyRoute(
        lambda c: {"state": "rejected", "reason": "One is about the old bridge"}),
    ("POST", "/api/v1/sources"): BodyRoute(
        lambda c: {"text": ARTICLE, "title": "Bridge", "outlet": "Gazette",
                   "published": "2024-03-01", "url": "https://news.example/bridge",
                   "language": "en"}),
    ("POST", "/api/v1/check"): BodyRoute(lambda c: {"text": ARTICLE}),
    ("POST", "/api/v1/webhooks"): BodyRoute(
        lambda c: {"url": "https://hooks.example/new", "events": ["claim.created"]}),
    ("PATCH", "/api/v1/webhooks/<id:webhook_id>"): BodyRoute(
        lambda c: {"url": "https://hooks.example/moved", "events": ["claim.created"],
                   "active": False}),
    ("POST", "/api/v1/import/claimreview"): BodyRoute(
        lambda c: dict(IMPORT_ITEM), ignores_unknown=True, errors_prefix="items.0."),
}

# Routes whose body is a list of another route's bodies: each case that is about an object is
# run on an object inside the list.
LIST_ROUTES = {("POST", "/api/v1/backfills"): ("articles", ("POST", "/api/v1/sources"))}

# Routes whose only input is the path.
PATH_ROUTES = {("DELETE", "/api/v1/webhooks/<id:webhook_id>"),
               ("POST", "/api/v1/backfills/<id:backfill_id>/retry")}


def body_schema(app, method: str, rule: str):
    """The marshmallow schema a route loads its body with (an import item for the import)."""
    if rule == "/api/v1/import/claimreview":
        return ClaimReviewIn()
    for parameter in _arguments(app, method, rule):
        if parameter["in"] == "json":
            return parameter["schema"]()
    raise AssertionError(f"{method} {rule} reads no JSON body")


def _arguments(app, method: str, rule: str) -> list[dict]:
    endpoint = next(r.endpoint for r in app.url_map.iter_rules() if r.rule == rule)
    view = app.view_functions[endpoint]
    handler = getattr(getattr(view, "view_class", None), method.lower(), view)
    return getattr(handler, "_apidoc", {}).get("arguments", {}).get("parameters", [])


def _field_names(schema) -> dict[str, fields.Field]:
    return {field.data_key or name: field for name, field in schema.fields.items()}


def _wrong_type(field: fields.Field):
    """A JSON value of a type the field does not take (None when it takes anything)."""
    if isinstance(field, fields.String):  # Url and the import's dates among them
        return 12345
    if isinstance(field, (fields.Integer, fields.Float)):
        return "twelve"
    if isinstance(field, fields.Boolean):
        return "maybe"
    if isinstance(field, fields.Date):
        return 20240301
    if isinstance(field, fields.List):
        return "not a list"
    if isinstance(field, fields.Nested):
        return ["not", "an", "object"]
    return None


def _first_string_field(body: dict) -> str:
    return next(name for name, value in body.items() if isinstance(value, str))


def _raw(value) -> tuple[bytes, str]:
    return json.dumps(value).encode(), "application/json"


@dataclass(frozen=True)
class BodyCase:
    build: object  # (route, valid body, schema) -> (bytes, content type)
    status: int
    fields: object = None  # (route, valid body, schema) -> fields the problem must name


def _required_fields(route, body, schema):
    return {route.errors_prefix + name for name, field in _field_names(schema).items()
            if field.required and not field.allow_none}


def _typed_fields(route, body, schema):
    return {route.errors_prefix + name for name, field in _field_names(schema).items()
            if _wrong_type(field) is not None}


def _string_fields(route, body, schema):
    return {route.errors_prefix + name for name, value in body.items() if isinstance(value, str)}


BODY_CASES = {
    "malformed json": BodyCase(lambda r, b, s: (b'{"text": "unclosed', "application/json"), 400),
    "truncated json": BodyCase(lambda r, b, s: (json.dumps(b).encode()[:-1],
                                                "application/json"), 400),
    "trailing garbage": BodyCase(lambda r, b, s: (json.dumps(b).encode() + b"}",
                                                  "application/json"), 400),
    "single quotes": BodyCase(lambda r, b, s: (str(b).encode(), "application/json"), 400),
    "empty body": BodyCase(lambda r, b, s: (b"", "application/json"), 422),
    "the body as plain text": BodyCase(lambda r, b, s: (json.dumps(b).encode(), "text/plain"),
                                       415),
    "the body as a form": BodyCase(lambda r, b, s: (b"text=x", "application/x-www-form-urlencoded"),
                                   415),
    "a key twice": BodyCase(lambda r, b, s: (json.dumps(b).encode()[:-1] + b', "' +
                                             next(iter(b)).encode() + b'": 1}',
                                             "application/json"), 400),
    "whitespace body": BodyCase(lambda r, b, s: (b" \n\t ", "application/json"), 400),
    "array instead of object": BodyCase(
        lambda r, b, s: _raw([[b]] if r.errors_prefix else [b]), 422),
    "string instead of object": BodyCase(lambda r, b, s: _raw("text"), 422),
    "number instead of object": BodyCase(lambda r, b, s: _raw(42), 422),
    "true instead of object": BodyCase(lambda r, b, s: _raw(True), 422),
    "null instead of object": BodyCase(lambda r, b, s: _raw(None), 422),
    # Null for a field that takes none means "not given": the required ones are missing.
    "null for every field": BodyCase(
        lambda r, b, s: _raw(dict.fromkeys(_field_names(s))), 422, _required_fields),
    "wrong type for every field": BodyCase(
        lambda r, b, s: _raw({name: _wrong_type(field) for name, field in _field_names(s).items()
                              if _wrong_type(field) is not None}), 422, _typed_fields),
    "unknown field": BodyCase(
        lambda r, b, s: _raw({**b, "colour": "red"}), 422,
        lambda r, b, s: {r.errors_prefix + "colour"}),
    "NUL in every string": BodyCase(
        lambda r, b, s: _raw({k: f"{v}\x00" if isinstance(v, str) else v for k, v in b.items()}),
        422, _string_fields),
    "lone surrogate": BodyCase(
        lambda r, b, s: (json.dumps({**b, _first_string_field(b): "A claim"}).encode()
                         .replace(b'"A claim"', b'"A claim \\ud800"'), "application/json"),
        422, lambda r, b, s: {r.errors_prefix + _first_string_field(b)}),
    "nested lists 10,000 deep": BodyCase(
        lambda r, b, s: (b"[" * DEEP + b"]" * DEEP, "application/json"), 400),
    "nested objects 10,000 deep": BodyCase(
        lambda r, b, s: (b'{"a": ' * DEEP + b"1" + b"}" * DEEP, "application/json"), 400),
    "deep nesting inside a field": BodyCase(
        lambda r, b, s: (b'{"' + _first_string_field(b).encode() + b'": '
                         + b"[" * DEEP + b"]" * DEEP + b"}", "application/json"), 400),
    "integer of 5000 digits": BodyCase(
        lambda r, b, s: (b'{"' + _first_string_field(b).encode() + b'": ' + HUGE_INTEGER + b"}",
                         "application/json"), 400),
    "invalid UTF-8": BodyCase(
        lambda r, b, s: (json.dumps({**b, _first_string_field(b): "A claim"}).encode()
                         .replace(b"A claim", b"A \xff\xfe claim"), "application/json"), 400),
    "3 MB body": BodyCase(
        lambda r, b, s: (json.dumps({**b, _first_string_field(b): "word " * (THREE_MB // 5)})
                         .encode(), "application/json"), 413),
}


def _body_cases():
    for (method, rule), route in BODY_ROUTES.items():
        for name in BODY_CASES:
            if name == "unknown field" and route.ignores_unknown:
                continue
            yield pytest.param(method, rule, name, id=f"{method} {rule} {name}")


def assert_precise_problem(response, status: int, fields_named=()):
    assert response.status_code == status, response.get_data()[:500]
    problem = problem_of(response)
    assert problem["status"] == status
    assert all(isinstance(problem[k], str) and problem[k] for k in ("type", "title", "detail"))
    text = response.get_data(as_text=True)
    assert "Traceback" not in text and 'File "' not in text
    if status == 422:
        assert problem["errors"], problem
    missing = set(fields_named) - set(problem.get("errors", {}))
    assert not missing, f"{missing} not named in {problem}"
    return problem


@pytest.mark.parametrize(("method", "rule", "case"), list(_body_cases()))
def test_bad_body_is_refused_precisely_and_writes_nothing(stored, ctx, method, rule, case):
    route, spec = BODY_ROUTES[(method, rule)], BODY_CASES[case]
    schema = body_schema(stored[0], method, rule)
    body = route.valid(ctx)
    data, content_type = spec.build(route, body, schema)
    before = snapshot()
    response = ctx.client.open(url_of(rule, ctx), method=method, data=data,
                               content_type=content_type,
                               headers={**ctx.headers, **dict(route.headers)})
    named = spec.fields(route, body, schema) if spec.fields else ()
    assert_precise_problem(response, spec.status, named)
    assert snapshot() == before


# The cases about what a body holds, not how it is sent or nested.
OBJECT_CASES = ["array instead of object", "string instead of object", "number instead of object",
                "true instead of object", "null instead of object", "null for every field",
                "wrong type for every field", "unknown field", "NUL in every string",
                "lone surrogate", "deep nesting inside a field", "integer of 5000 digits"]


@pytest.mark.parametrize("case", OBJECT_CASES)
@pytest.mark.parametrize(("method", "rule"), list(LIST_ROUTES), ids=" ".join)
def test_a_bad_item_in_a_list_body_is_refused_precisely_and_writes_nothing(stored, ctx, method,
                                                                         rule, case):
    key, item_route = LIST_ROUTES[(method, rule)]
    route = replace(BODY_ROUTES[item_route], errors_prefix=f"{key}.0.")
    schema, body, spec = body_schema(stored[0], *item_route), route.valid(ctx), BODY_CASES[case]
    item, _ = spec.build(route, body, schema)
    before = snapshot()
    response = ctx.client.open(url_of(rule, ctx), method=method, content_type="application/json",
                               data=b'{"' + key.encode() + b'": [' + item + b"]}",
                               headers=ctx.headers)
    named = spec.fields(route, body, schema) if spec.fields else ()
    assert_precise_problem(response, spec.status, named)
    assert snapshot() == before


BAD_IDS = ["0", "-1", "abc", "1.5", str(2**64), "%00", "%ff", "1%20", "9" * 5000]


@pytest.mark.parametrize("bad_id", BAD_IDS)
@pytest.mark.parametrize(("method", "rule"), sorted(PATH_ROUTES), ids=" ".join)
def test_bad_id_in_a_path_is_a_404_and_writes_nothing(ctx, method, rule, bad_id):
    before = snapshot()
    response = ctx.client.open(ID.sub(bad_id, rule), method=method, headers=ctx.headers)
    assert_precise_problem(response, 404)
    assert snapshot() == before


# ----- routes that read query arguments

QUERY_ROUTES = {
    "/api/v1/claims", "/api/v1/claims/<id:claim_id>/history",
    "/api/v1/claims/<id:claim_id>/contradictions", "/api/v1/contradictions",
    "/api/v1/same-claims",
    "/api/v1/speakers", "/api/v1/sources", "/api/v1/export/claims.ndjson",
    "/api/v1/export/claims.csv", "/api/v1/webhooks", "/api/v1/webhooks/<id:webhook_id>/deliveries",
    "/api/v1/backfills/<id:backfill_id>/failures",
}

# Every one is 422 naming the argument, whether the route knows it (a bad value) or not (an
# unknown argument): either way the client learns which argument to fix.
BAD_ARGUMENTS = {
    "negative page": ("page=-1", "page"),
    "zero page": ("page=0", "page"),
    "page 1e30": ("page=1e30", "page"),
    "page 2**64": (f"page={2**64}", "page"),
    "page of 5000 digits": ("page=" + "9" * 5000, "page"),
    "page not a number": ("page=first", "page"),
    "empty page": ("page=", "page"),
    "fractional page": ("page=1.5", "page"),
    "NUL in page": ("page=1%00", "page"),
    "negative per_page": ("per_page=-5", "per_page"),
    "zero per_page": ("per_page=0", "per_page"),
    "per_page over the limit": ("per_page=101", "per_page"),
    "per_page 1e30": ("per_page=1e30", "per_page"),
    "per_page 2**64": (f"per_page={2**64}", "per_page"),
    "unknown sort": ("sort=hotness", "sort"),
    "sort by a column name": ("sort=text", "sort"),
    "unknown argument": ("colour=red", "colour"),
    "impossible date": ("since=2024-02-30", "since"),
    "relative date": ("since=yesterday", "since"),
    "month 13": ("until=2024-13-01", "until"),
    "date and time": ("since=2024-03-01T10:00:00%2B25:00", "since"),
    "NUL in a text argument": ("q=bridge%00", "q"),
    "NUL alone": ("outlet=%00", "outlet"),
}

UNDECODABLE_QUERIES = {
    "percent-encoded invalid UTF-8": "q=%ff%fe",
    "percent-encoded lone continuation byte": "outlet=caf%a9",
    "percent-encoded surrogate": "q=%ed%a0%80",
    "raw invalid UTF-8 bytes": "q=\xff\xfe",
}


@pytest.mark.parametrize("case", list(BAD_ARGUMENTS))
@pytest.mark.parametrize("rule", sorted(QUERY_ROUTES))
def test_bad_query_argument_is_a_422_naming_it(ctx, rule, case):
    query, field = BAD_ARGUMENTS[case]
    response = ctx.client.get(f"{url_of(rule, ctx)}?{query}", headers=ctx.headers)
    assert_precise_problem(response, 422, [field])


@pytest.mark.parametrize("case", list(UNDECODABLE_QUERIES))
@pytest.mark.parametrize("rule", sorted(QUERY_ROUTES))
def test_query_string_that_is_not_utf8_is_a_400(ctx, rule, case):
    response = ctx.client.get(url_of(rule, ctx), headers=ctx.headers,
                              environ_overrides={"QUERY_STRING": UNDECODABLE_QUERIES[case]})
    if isinstance(ctx.client, HttpClient) and case == "raw invalid UTF-8 bytes":
        # HTTP allows only ASCII in a request line: gunicorn refuses it, as the spec says.
        assert response.status_code == 400
        return
    problem = assert_precise_problem(response, 400)
    assert "UTF-8" in problem["detail"]


@pytest.mark.parametrize("rule", ["/api/v1/claims", "/api/v1/sources",
                                  "/api/v1/export/claims.ndjson"])
def test_until_before_since_is_a_422_naming_until(ctx, rule):
    response = ctx.client.get(f"{rule}?since=2024-03-02&until=2024-03-01")
    assert_precise_problem(response, 422, ["until"])


# ----- full-text syntax in q: never handed to the engine, never a 5xx

SEARCHABLE = [  # 200: the words in them are searched for
    '"harbour bridge', 'harbour bridge"', '"harbour" "bridge"', "NEAR(harbour bridge)",
    "NEAR(harbour", "bridge*", "harbour AND bridge", "harbour OR bridge", "NOT bridge",
    "harbour AND (bridge OR NOT steel)", "^bridge", "-bridge", "+bridge", "text:bridge",
    "document:bridge", "claim_search:bridge", "bridge:", "{bridge}", "bridge~2",
    "bridge & steel | !march", "bridge <-> steel", "'; DROP TABLE claim; --",
    "bridge' OR '1'='1", "1; SELECT pg_sleep(10)", "bridge); DELETE FROM claim; --",
    "bridge 🌉", "Straße über Brücke", "мост", "桥", "O'Neil's", "bridge " * 70,
]
WORDLESS = [  # 422 naming q: nothing to search for
    '"', '""', '"""', "*", "-", "^", ":", "(", ")", "((()))", "🌉", "🌉🔥", "!", "&|", "'",
    "'; --", "%", "\\", " ",
]
TOO_LONG = ["bridge" * 100]  # 600 characters: 422 naming q
FULL_TEXT_ROUTES = ["/api/v1/claims", "/api/v1/export/claims.ndjson",
                    "/api/v1/export/claims.csv"]


def _q_cases():
    for rule in FULL_TEXT_ROUTES:
        for q in SEARCHABLE:
            yield pytest.param(rule, q, 200, id=f"{rule} {q[:40]!r} searched")
        for q in WORDLESS + TOO_LONG:
            yield pytest.param(rule, q, 422, id=f"{rule} {q[:40]!r} refused")


@pytest.mark.parametrize(("rule", "q", "status"), list(_q_cases()))
def test_search_syntax_is_searched_as_words_or_refused(ctx, rule, q, status):
    before = snapshot()
    response = ctx.client.get(rule, query_string={"q": q})
    if status == 200:
        assert response.status_code == 200, response.get_data()[:500]
    else:
        assert_precise_problem(response, 422, ["q"])
    assert snapshot() == before


def test_search_finds_the_words_around_the_syntax(ctx):
    # Operators are words like any other ("and" is one), so only syntax made of punctuation is
    # shown here: it is dropped, and the words around it are found.
    for q in ['"harbour bridge', 'harbour bridge"', '"harbour" "bridge"', "^bridge", "-bridge",
              "+harbour", "bridge*", "(harbour)", "harbour:"]:
        response = ctx.client.get(f"{API}/claims", query_string={"q": q})
        assert ctx.claim in [item["id"] for item in response.get_json()["items"]], q


def test_speaker_search_over_200_characters_is_a_422(ctx):
    response = ctx.client.get(f"{API}/speakers", query_string={"q": "x" * 201})
    assert_precise_problem(response, 422, ["q"])


# ----- the URL map: a new route that takes input needs cases here

def _api_routes(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith(f"{API}/"):
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                yield method, rule.rule


def test_every_write_route_has_bad_input_cases(stored):
    app, _ = stored
    writes = {(m, r) for m, r in _api_routes(app) if m != "GET"}
    covered = set(BODY_ROUTES) | PATH_ROUTES | set(LIST_ROUTES)
    assert writes - covered == set(), "add them to BODY_ROUTES"
    assert covered <= writes, "a route here is no longer served"


def test_every_route_that_takes_input_has_bad_input_cases(stored):
    app, _ = stored
    takes = {(m, r): {p["in"] for p in _arguments(app, m, r)} for m, r in _api_routes(app)}
    reads_query = {r for (m, r), where in takes.items() if m == "GET" and "query" in where}
    reads_body = {(m, r) for (m, r), where in takes.items() if "json" in where}
    assert reads_query == QUERY_ROUTES
    assert reads_body == set(BODY_ROUTES) | set(LIST_ROUTES)
