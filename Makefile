# Two commands on a fresh machine: `make serve` and `make test`. Both honour DATABASE_URL,
# HOST and PORT.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATABASE_URL ?= sqlite:///$(CURDIR)/var/claims.db
HOST ?= 127.0.0.1
PORT ?= 8000
export DATABASE_URL HOST PORT

.PHONY: serve test lint openapi eval train bench bench-smoke soak soak-smoke clean

$(STAMP): pyproject.toml client/pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres]'
	$(BIN)/python -m pip install --quiet ./client
	touch $(STAMP)

# The webhook worker runs beside gunicorn and stops with it.
serve: $(STAMP)
	$(BIN)/claimtracker setup
	$(BIN)/claimtracker worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/claimtracker serve

# The suite in TEST_WORKERS processes (each with databases of its own; the tests of an xdist
# group, which share a slow fixture, on one of them), then the tests that restart a server the
# others use, by themselves.
TEST_WORKERS ?= 2
test: $(STAMP)
	$(BIN)/pytest --numprocesses $(TEST_WORKERS) --dist loadgroup -m "not alone"
	$(BIN)/pytest -m alone

# The spec is linted too, by Redocly and Spectral (fetched by npx from the npm registry).
lint: $(STAMP)
	$(BIN)/ruff check .
	npx --yes @redocly/cli@2.77.0 lint openapi.yaml
	npx --yes @stoplight/spectral-cli@6.16.3 lint --fail-severity=warn openapi.yaml

eval: $(STAMP)
	$(BIN)/python -m tests.evaluation

# The attribution models, rebuilt from PolNeAR train (../shared/polnear/train) alone; then
# the contradiction pair model, from the pairs annotated among those articles.
train: $(STAMP)
	$(BIN)/python -m analysis.attribution.train
	$(BIN)/python -m analysis.contradiction.train

# Benchmarks (bench/run.py): SQLite at 10k, 100k and 1M claims, PostgreSQL at 100k and 1M when
# TEST_DATABASE_URL names a server; then the backfill run (bench/backfill.py: 10,000 articles
# through RabbitMQ on PostgreSQL). Writes bench/results.json. The smoke run is CI's.
bench: $(STAMP)
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.backfill

bench-smoke: $(STAMP)
	$(BIN)/python -m bench.run --smoke --out var/bench/smoke.json
	$(BIN)/python -m bench.backfill --smoke --out var/bench/smoke.json

# The soak (bench/soak.py): mixed traffic on a fresh PostgreSQL database (SOAK_DATABASE_URL or
# TEST_DATABASE_URL names the server) for 30 minutes, or 2 in CI; writes bench/soak.json.
soak: $(STAMP)
	$(BIN)/python -m bench.soak

soak-smoke: $(STAMP)
	$(BIN)/python -m bench.soak --smoke --out var/soak/smoke.json

openapi: $(STAMP)
	$(BIN)/claimtracker openapi write --format=yaml openapi.yaml

clean:
	rm -rf $(VENV) var .pytest_cache
