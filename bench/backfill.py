"""The backfill run of `make bench`: generated articles through the job queue (the local
RabbitMQ) into a fresh PostgreSQL database holding the bench's 20,000-claim base, by
`claimtracker worker --backfill` processes; written to bench/results.json under "backfill".

Three parts, one after another: the first articles with 1 worker, the next with 2 (articles a
second each, from the backfill's own counters: first article done to last), and the rest with
2 workers while a client reads the API (its p95), one worker killed with -9 halfway and
started again. Then every count must be exact: every article stored once, none failed.

    python -m bench.backfill [--articles 10000] [--out bench/results.json]
    python -m bench.backfill --smoke          # 60 articles, for CI
"""

import argparse
import datetime
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

from bench import traffic
from bench.corpus import fresh_article
from bench.run import BIN, HOST, ROOT, fresh_database, psql, report, serving

BROKER = os.environ.get("BENCH_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672/%2F")
BASE = 20_000
SPLIT = (0.15, 0.4, 0.45)  # of the articles: 1 worker, 2 workers, 2 workers with a restart
WARM_UP = 10  # seconds for a worker to load the model


def _send(env: dict, articles: list[str]) -> int:
    """A backfill of these articles, as the command line sends it; its id."""
    folder = ROOT / "var" / "bench" / f"backfill-{uuid.uuid4().hex[:8]}.jsonl"
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("".join(json.dumps({"text": text, "outlet": "Bench Archive"}) + "\n"
                              for text in articles), encoding="utf-8")
    try:
        done = subprocess.run([str(BIN / "claimtracker"), "backfill", str(folder), "--no-wait"],
                              env=env, capture_output=True, text=True, check=True, timeout=600)
    finally:
        folder.unlink()
    return int(done.stdout.split("backfill ")[1].split()[0])


def _state(url: str, backfill_id: int) -> dict:
    (queued, done, failed, duplicates, started, updated), = psql(
        url, "SELECT queued, done, failed, duplicates, started_at, updated_at FROM backfill "
             f"WHERE id = {backfill_id}")
    return {"queued": queued, "done": done, "failed": failed, "duplicates": duplicates,
            "seconds": (updated - started).total_seconds() if started and updated else 0}


def _wait(url: str, backfill_id: int, timeout: float = 7200, halfway=None) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        state = _state(url, backfill_id)
        if halfway and state["done"] >= halfway[0]:
            halfway[1]()
            halfway = None
        if not state["queued"]:
            return state
        if time.monotonic() > deadline:
            raise RuntimeError(f"backfill {backfill_id} did not finish: {state}")
        time.sleep(0.5)


class Workers:
    """`claimtracker worker --backfill` processes, each in a session of its own and logging to
    log_dir/worker-N.log; stop() ends those still running, as does leaving a `with` block."""

    def __init__(self, env: dict, log_dir: Path):
        self.env, self.log_dir, self.processes, self.started = env, log_dir, [], 0
        log_dir.mkdir(parents=True, exist_ok=True)

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        self.started += 1
        with open(self.log_dir / f"worker-{self.started}.log", "wb") as log:
            self.processes.append(subprocess.Popen(
                [str(BIN / "claimtracker"), "worker", "--backfill"], env=self.env, stdout=log,
                stderr=log, start_new_session=True))

    def kill_one(self) -> None:
        """kill -9 of the longest running worker, as a crash would end it."""
        victim = self.processes.pop(0)
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait()

    def stop(self, timeout: float = 120) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes = []


def _rate(state: dict, count: int) -> float:
    # The first article is done some time after the first batch was taken: count from it.
    return round((count - 1) / state["seconds"], 2) if state["seconds"] else 0.0


def backfill(total: int, server: str) -> dict:
    admin, url = fresh_database(server, BASE)
    queue = f"claimtracker.bench.{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "DATABASE_URL": url, "BROKER_URL": BROKER, "BACKFILL_QUEUE": queue,
           "RATELIMIT_ENABLED": "false", "LOG_LEVEL": "WARNING"}
    logs = ROOT / "var" / "bench"
    articles = [fresh_article(10_000_000 + i) for i in range(total)]
    one, two = int(total * SPLIT[0]), int(total * SPLIT[1])
    parts = [articles[:one], articles[one:one + two], articles[one + two:]]
    workers = Workers(env, logs / "backfill-workers")
    try:
        key = subprocess.run([str(BIN / "claimtracker"), "keys", "create", "--name", "bench",
                              "--scope", "read"], env=env, capture_output=True, text=True,
                             check=True).stdout.strip().splitlines()[-1]
        workers.start()
        time.sleep(WARM_UP)
        report(f"backfill: {len(parts[0])} articles, 1 worker")
        single = _wait(url, _send(env, parts[0]))
        workers.start()
        time.sleep(WARM_UP)  # the second worker's model loaded: its rate, not its start
        report(f"backfill: {len(parts[1])} articles, 2 workers")
        double = _wait(url, _send(env, parts[1]))
        report(f"backfill: {len(parts[2])} articles, 2 workers, the API read, a worker "
               "killed halfway")
        command = [str(BIN / "claimtracker"), "serve", "--host", HOST, "--port", "{port}",
                   "--workers", "1"]
        with serving(command, env, logs / "backfill-server.log", "/api/v1/health") as (port, _):
            times, stop = [], threading.Event()
            reader = threading.Thread(target=_read, args=(port, key, times, stop))
            reader.start()

            def restart():
                workers.kill_one()
                workers.start()

            last = _wait(url, _send(env, parts[2]), halfway=(len(parts[2]) // 2, restart))
            stop.set()
            reader.join()
        workers.stop()
        (sources,), = psql(url, "SELECT count(*) FROM source WHERE outlet = 'Bench Archive'")
        (items, done), = psql(url, "SELECT count(*), count(*) FILTER (WHERE state = 'done') "
                                   "FROM backfill_item")
    finally:
        workers.stop()
        psql(admin, f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')
        _drop_queue(queue)
    rate_1, rate_2 = _rate(single, len(parts[0])), _rate(double, len(parts[1]))
    exact = (sources == items == done == total and not last["failed"]
             and not last["duplicates"])
    return {"date": f"{datetime.date.today()}", "articles": total, "base_claims": BASE,
            "rate_1_worker": rate_1,
            "rate_2_workers": rate_2,
            "speedup_2_workers": round(rate_2 / rate_1, 2) if rate_1 else 0.0,
            "api_p95_ms_during": round(traffic.percentile(times, 95), 1) if times else None,
            "api_requests_during": len(times), "counts_exact_after_restart": exact}


def _read(port: int, key: str, times: list, stop: threading.Event) -> None:
    """A newsroom tool reading while the backfill runs: a claim, a list, a search."""
    rng = random.Random(7)
    paths = ["/api/v1/claims/{}", "/api/v1/claims?per_page=20", "/api/v1/claims?q=minister"]
    while not stop.is_set():
        path = rng.choice(paths).format(rng.randint(1, BASE))
        began = time.perf_counter()
        status, _ = traffic.request(HOST, port, "GET", path,
                                    headers={"Authorization": f"Bearer {key}"}, timeout=60)
        if status < 500:
            times.append((time.perf_counter() - began) * 1000)
        time.sleep(0.05)


def _drop_queue(queue: str) -> None:
    import pika

    connection = pika.BlockingConnection(pika.URLParameters(BROKER))
    channel = connection.channel()
    for suffix in ("", ".DQ", ".XQ"):
        channel.queue_delete(queue + suffix)
    connection.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--smoke", action="store_true", help="60 articles; CI's run")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args(argv)
    server = os.environ.get("TEST_DATABASE_URL") or os.environ.get("BENCH_POSTGRES_URL")
    if not server:
        report("no TEST_DATABASE_URL: the backfill run (on PostgreSQL) is left out")
        return 0
    figures = backfill(60 if args.smoke else args.articles, server)
    report(json.dumps(figures))
    results = json.loads(args.out.read_text()) if args.out.exists() else {}
    results["backfill"] = figures
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    return 0 if figures["counts_exact_after_restart"] else 1


if __name__ == "__main__":
    sys.exit(main())
