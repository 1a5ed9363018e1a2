"""Crash consistency: kill -9 the server while it ingests; after a restart every source is
stored whole (claims, appearances, events) or not at all."""

import os
import signal
import subprocess
import threading
import time

import requests

from models import Appearance, Claim, Event, Source
from models.db import database
from tests.servers import cli, running_server


def _article(i: int) -> str:
    paragraph = (f"The council of ward {i} said that the new bridge will open in "
                 f"{2026 + i % 4}. \"We have the money for ward {i},\" the mayor said. ")
    return "\n\n".join(paragraph + f"Item {i}.{n} was agreed." for n in range(40))


def test_a_server_killed_mid_ingest_leaves_every_source_whole_or_absent(app, database_url,
                                                                        tmp_path):
    env = {**os.environ, "DATABASE_URL": database_url}
    key = cli(env, "keys", "create", "--name", "desk", "--scope", "write")
    answered = []

    def ingest(base, i):
        try:
            response = requests.post(f"{base}/api/v1/sources", json={"text": _article(i)},
                                     headers={"Authorization": f"Bearer {key}"}, timeout=60)
            answered.append((i, response.status_code))
        except requests.RequestException:
            answered.append((i, None))  # cut off by the kill

    with running_server(env, tmp_path / "server.log", workers=2) as base:
        threads = [threading.Thread(target=ingest, args=(base, i)) for i in range(8)]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 60
        while not answered:  # the first ingest done: the others are under way
            assert time.monotonic() < deadline, "no ingest was answered"
            time.sleep(0.01)
        assert len(answered) < len(threads)
        port = base.rsplit(":", 1)[1]
        gunicorn = subprocess.run(["pgrep", "-f", f"bind 127.0.0.1:{port}"], text=True,
                                  capture_output=True).stdout.split()
        assert gunicorn
        for process in gunicorn:  # the master and its workers, mid-transaction
            os.kill(int(process), signal.SIGKILL)
        for thread in threads:
            thread.join(timeout=60)

    with database.connection_context():
        sources = list(Source.select())
        created_events = {e.data["claim_id"] for e in
                          Event.select().where(Event.type == "claim.created")}
        for source in sources:
            appearances = list(Appearance.select().where(Appearance.source == source.id))
            assert len(appearances) >= 40, f"source {source.id} is half stored"
            assert {a.claim_id for a in appearances} <= created_events
        orphans = Claim.select().where(~Claim.id.in_(Appearance.select(Appearance.claim)))
        assert not orphans.exists()
    stored = {source.text for source in sources}
    for i, status in answered:  # whatever was answered 201 survived the crash
        if status == 201:
            assert _article(i) in stored
    assert len(stored) < 8, "the kill came too late to cut an ingest off"
