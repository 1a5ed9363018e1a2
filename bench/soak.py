"""The soak: minutes of mixed traffic through `claimtracker serve` (2 workers) on a fresh
PostgreSQL database holding a newsroom's base (20,000 claims of the bench corpus), with the
webhook worker delivering every event to a local receiver; bounded and self-stopping.
Reads, searches, ingests of new articles and editors' reviews run side by side; afterwards it
counts what a long run wears down: 5xx answers, the p95 latency of the last window against
the first (and of each operation), the workers' memory, events not delivered, ingests lost.

    python -m bench.soak [--minutes 30] [--base 20000] [--out bench/soak.json]
    python -m bench.soak --smoke            # 2 minutes, for CI

It needs a PostgreSQL server (SOAK_DATABASE_URL or TEST_DATABASE_URL, as the suite), and
exits 1 when a figure is out of bounds: any 5xx, event undelivered or ingest lost; in a full
run also a last-window p95 over 1.2x the first, or worker memory grown 10% or more."""

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlsplit

from bench import traffic
from bench.corpus import fresh_article
from bench.run import BIN, COMMON_TERMS, HOST, ROOT, fresh_database, psql, report, serving

WORKERS = 2
CLIENTS = 3
EVENTS = ["claim.created", "claim.status_changed", "contradiction.flagged",
          "contradiction.reviewed"]
# The mix, by weight: mostly reads, as a newsroom's tools make them, each client pausing a
# moment between requests (a steady load, not the most the two cores can take).
MIX = {"list": 30, "claim": 35, "search": 16, "speakers": 7, "ingest": 2, "review": 10}
THINK_SECONDS = 0.04


class Receiver:
    """A webhook receiver on a free port, counting the distinct events it is sent."""

    def __init__(self):
        self.seen: set[int] = set()
        seen = self.seen

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                seen.add(json.loads(body)["id"])
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer((HOST, 0), Handler)
        self.url = f"http://{HOST}:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


class Client:
    """One newsroom tool: requests in the mix, one after another, each logged with when it
    started (seconds into the run), how long it took and how it was answered."""

    def __init__(self, port: int, key: str, started: float, seed: int, log: list, claims: int):
        self.port, self.started, self.log, self.claims = port, started, log, claims
        self.headers = {"Authorization": f"Bearer {key}"}
        self.rng = random.Random(seed)
        self.seed = seed
        self.ingested: list[int] = []

    def call(self, op: str, method: str, path: str, body: dict | None = None):
        payload = json.dumps(body).encode() if body is not None else b""
        began = time.perf_counter()
        try:
            status, content = traffic.request(HOST, self.port, method, path, payload,
                                              self.headers, timeout=60)
        except OSError as error:
            status, content = None, str(error).encode()
        self.log.append((began - self.started, (time.perf_counter() - began) * 1000, status,
                         op))
        return status, content

    def step(self, n: int) -> None:
        op = self.rng.choices(list(MIX), weights=list(MIX.values()))[0]
        if op == "list":
            self.call(op, "GET", f"/api/v1/claims?per_page=20&page={self.rng.randint(1, 5)}")
        elif op == "claim":
            self.call(op, "GET", f"/api/v1/claims/{self.rng.randint(1, self.claims)}")
        elif op == "search":
            self.call(op, "GET", f"/api/v1/claims?q={quote(self.rng.choice(COMMON_TERMS))}")
        elif op == "speakers":
            self.call(op, "GET", "/api/v1/speakers?per_page=20")
        elif op == "ingest":
            status, content = self.call(op, "POST", "/api/v1/sources", {
                "text": fresh_article(self.seed * 100_000 + n), "outlet": "Soak Herald"})
            if status == 201:
                self.ingested.append(json.loads(content)["source"]["id"])
        else:
            self.review(op)

    def review(self, op: str) -> None:
        """An editor confirms or rejects the strongest suggested contradiction, or gives a
        claim a verdict when none waits."""
        status, content = self.call(op, "GET", "/api/v1/contradictions?state=suggested"
                                               "&per_page=1")
        items = json.loads(content)["items"] if status == 200 else []
        if items:
            self.call(op, "PATCH", f"/api/v1/contradictions/{items[0]['id']}", {
                "state": self.rng.choice(["confirmed", "rejected"]), "reason": "soak"})
        else:
            self.call(op, "POST", f"/api/v1/claims/{self.rng.randint(1, self.claims)}/reviews", {
                "rating": "mixed", "url": "https://soak.example/check"})

    def run(self, until: float) -> None:
        n = 0
        while time.monotonic() < until:
            n += 1
            self.step(n)
            time.sleep(self.rng.uniform(0, 2 * THINK_SECONDS))


def _workers_rss_mb(master: int) -> float:
    """The resident memory of the server's workers (its group but the master), in MiB."""
    total = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            pid = int(status.parent.name)
            if pid == master or os.getpgid(pid) != master:
                continue
            text = status.read_text()
        except (OSError, ValueError):
            continue
        total += next((int(line.split()[1]) for line in text.splitlines()
                       if line.startswith("VmRSS:")), 0)
    return total / 1024


def _p95(log: list, low: float, high: float, operation: str | None = None) -> float:
    times = [ms for at, ms, status, op in log
             if low <= at < high and status is not None and operation in (None, op)]
    return round(traffic.percentile(times, 95), 1) if times else 0.0


def soak(minutes: float, server: str, base: int) -> dict:
    admin, url = fresh_database(server, base)
    env = {**os.environ, "DATABASE_URL": url, "RATELIMIT_ENABLED": "false",
           "WORKER_POLL_SECONDS": "0.2", "PUBLISHER_NAME": "Soak Herald"}
    logs = ROOT / "var" / "soak"
    logs.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run([str(BIN / "claimtracker"), "setup"], env=env, text=True,
                              capture_output=True, check=True, timeout=600)
        key = done.stdout.strip().splitlines()[-1]
        receiver = Receiver()
        command = [str(BIN / "claimtracker"), "serve", "--host", HOST, "--port", "{port}",
                   "--workers", str(WORKERS)]
        with serving(command, env, logs / "server.log", "/api/v1/health") as (port, master):
            subscription = json.dumps({"url": receiver.url, "events": EVENTS}).encode()
            status, content = traffic.request(HOST, port, "POST", "/api/v1/webhooks",
                                              subscription, {"Authorization": f"Bearer {key}"})
            if status != 201:
                raise RuntimeError(f"POST /webhooks answered {status}: {content[:300]!r}")
            with open(logs / "worker.log", "wb") as worker_log:
                worker = subprocess.Popen([str(BIN / "claimtracker"), "worker"], env=env,
                                          stdout=worker_log, stderr=worker_log,
                                          start_new_session=True)
                try:
                    figures = _run(minutes, port, master, key, max(40, base))
                    figures["events_undelivered"] = _undelivered(url, receiver)
                finally:
                    worker.terminate()
                    worker.wait(timeout=30)
        figures["ingests_lost"] = _lost(url, figures.pop("ingested"))
        return figures
    finally:
        psql(admin, f'DROP DATABASE IF EXISTS "{urlsplit(url).path[1:]}" WITH (FORCE)')


def _run(minutes: float, port: int, master: int, key: str, claims: int) -> dict:
    seconds = minutes * 60
    window = min(300.0, seconds / 4)  # the first and the last five minutes (a quarter, short)
    started = time.perf_counter()
    until = time.monotonic() + seconds
    log: list = []
    clients = [Client(port, key, started, seed, log, claims) for seed in range(1, CLIENTS + 1)]
    threads = [threading.Thread(target=c.run, args=(until,)) for c in clients]
    for thread in threads:
        thread.start()
    rss = []  # (seconds in, MiB), every ten seconds once the first window is past
    while any(thread.is_alive() for thread in threads):
        time.sleep(min(10.0, max(0.1, until - time.monotonic())))
        at = time.perf_counter() - started
        if at >= window:
            rss.append(_workers_rss_mb(master))
    for thread in threads:
        thread.join()
    report(f"{len(log):,} requests in {seconds / 60:g} minutes")
    first, last = rss[0] if rss else 0.0, rss[-1] if rss else 0.0
    return {"minutes": round(minutes, 2), "requests": len(log),
            "errors_5xx": sum(1 for _, _, status, _ in log if status is None or status >= 500),
            "p95_first_ms": _p95(log, 0, window),
            "p95_last_ms": _p95(log, seconds - window, seconds + 60),
            "p95_by_operation_ms": {op: [_p95(log, 0, window, op),
                                         _p95(log, seconds - window, seconds + 60, op)]
                                    for op in MIX},
            "rss_growth_pct": round((last - first) / first * 100, 1) if first else 0.0,
            "ingested": [i for c in clients for i in c.ingested]}


def _undelivered(url: str, receiver: Receiver, wait: float = 120) -> int:
    """Events of the run (those made after the subscription, each with a delivery) the
    receiver has not seen, once the worker has had time to drain."""
    deadline = time.monotonic() + wait
    while True:
        ids = {row[0] for row in psql(url, "SELECT DISTINCT event_id FROM delivery")}
        missing = ids - receiver.seen
        if not missing or time.monotonic() > deadline:
            return len(missing)
        time.sleep(1)


def _lost(url: str, ingested: list[int]) -> int:
    """Ingests answered 201 whose article is not stored, each with its claims."""
    if not ingested:
        return 0
    stored = {row[0] for row in psql(
        url, "SELECT s.id FROM source s WHERE s.id IN ({}) AND EXISTS (SELECT 1 FROM "
             "appearance a WHERE a.source_id = s.id)".format(",".join(map(str, ingested))))}
    return len(set(ingested) - stored)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--base", type=int, default=20_000,
                        help="claims in the database before the traffic starts")
    parser.add_argument("--smoke", action="store_true", help="2 minutes; CI's run")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "soak.json")
    args = parser.parse_args(argv)
    server = os.environ.get("SOAK_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
    if not server or not server.startswith("postgres"):
        print("The soak runs on PostgreSQL: set SOAK_DATABASE_URL or TEST_DATABASE_URL.",
              file=sys.stderr)
        return 2
    minutes = 2 if args.smoke else args.minutes
    figures = {"base_claims": args.base, **soak(minutes, server, args.base)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2) + "\n")
    report(json.dumps(figures))
    broken = [name for name in ("errors_5xx", "events_undelivered", "ingests_lost")
              if figures[name]]
    if not args.smoke:
        if figures["p95_last_ms"] > 1.2 * figures["p95_first_ms"]:
            broken.append("p95_last_ms")
        if figures["rss_growth_pct"] >= 10:
            broken.append("rss_growth_pct")
    if broken:
        report(f"out of bounds: {', '.join(broken)}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
