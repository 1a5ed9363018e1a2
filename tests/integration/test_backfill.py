"""Backfills end to end: articles sent through a real server onto the local RabbitMQ, ingested
by real `claimtracker worker --backfill` processes, watched through GET /backfills/{id}; a
worker killed with -9 mid-batch loses and duplicates nothing; failures keep their reason and
are retried; without a reachable queue nothing is kept."""

import json
import os
import subprocess
import time

import pytest
import requests

from models import Backfill, Source
from models.db import database
from tests.broker import BROKER, delete_queue, new_queue
from tests.servers import BIN, cli, free_port, running_server, workers


def _article(i: int) -> str:
    return (f"The council of district {i} said that the new library will open in "
            f"{2025 + i % 3}. \"We have the money for district {i},\" the mayor, Ines Albers, "
            f"said. Residents said that parking near site {i} is already scarce.")


@pytest.fixture
def queue():
    name = new_queue()
    yield name
    delete_queue(name)


def _finished(base: str, backfill_id: int, timeout: float = 240) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        state = requests.get(f"{base}/api/v1/backfills/{backfill_id}", timeout=30).json()
        if state["state"] == "finished":
            return state
        assert time.monotonic() < deadline, state
        time.sleep(0.2)


def test_a_backfill_is_ingested_once_watched_and_its_failures_retried(
        app, database_url, queue, tmp_path):
    env = {**os.environ, "DATABASE_URL": database_url, "BROKER_URL": BROKER,
           "BACKFILL_QUEUE": queue}
    key = cli(env, "keys", "create", "--name", "archive", "--scope", "write")
    auth = {"Authorization": f"Bearer {key}"}
    closed = f"http://127.0.0.1:{free_port()}/gone"  # a page nobody serves (private: refused)
    articles = ([{"text": _article(i), "outlet": "Archive Gazette", "published": "2001-07-2"
                  f"{i % 10}"} for i in range(10)]
                + [{"text": _article(3)},  # the same text again: a duplicate
                   {"url": closed}])
    with running_server(env, tmp_path / "server.log") as base:
        answer = requests.post(f"{base}/api/v1/sources", json={"text": _article(0)},
                               headers=auth, timeout=60)  # stored before the backfill
        assert answer.status_code == 201
        with workers(env, tmp_path, count=2):
            answer = requests.post(f"{base}/api/v1/backfills", json={"articles": articles},
                                   headers=auth, timeout=60)
            assert answer.status_code == 202, answer.text
            assert answer.headers["Location"] == f"/api/v1/backfills/{answer.json()['id']}"
            backfill_id = answer.json()["id"]
            state = _finished(base, backfill_id)
            assert (state["total"], state["done"], state["failed"], state["duplicates"],
                    state["queued"], state["eta_seconds"]) == (12, 11, 1, 2, 0, 0)
            assert state["rate_per_second"] > 0

            failures = requests.get(f"{base}/api/v1/backfills/{backfill_id}/failures",
                                    timeout=30).json()
            assert [f["article"] for f in failures["items"]] == [{"url": closed}]
            assert "private" in failures["items"][0]["error"]
            retried = requests.post(f"{base}/api/v1/backfills/{backfill_id}/retry",
                                    headers=auth, timeout=30)
            assert retried.status_code == 202
            state = _finished(base, backfill_id)
            assert (state["done"], state["failed"]) == (11, 1)
            failures = requests.get(f"{base}/api/v1/backfills/{backfill_id}/failures",
                                    timeout=30).json()
            assert failures["items"][0]["attempts"] == 2

    with database.connection_context():
        texts = [s.text for s in Source.select()]
        stored = Source.get(Source.text == _article(5))
    assert sorted(texts) == sorted(_article(i) for i in range(10))
    assert (stored.outlet, str(stored.published)) == ("Archive Gazette", "2001-07-25")


def test_a_worker_killed_mid_batch_loses_and_duplicates_nothing(app, database_url, queue,
                                                                 tmp_path):
    env = {**os.environ, "DATABASE_URL": database_url, "BROKER_URL": BROKER,
           "BACKFILL_QUEUE": queue}
    key = cli(env, "keys", "create", "--name", "archive", "--scope", "write")
    count = 40
    with running_server(env, tmp_path / "server.log") as base, \
            workers(env, tmp_path) as running:
        answer = requests.post(f"{base}/api/v1/backfills", headers={
            "Authorization": f"Bearer {key}"}, timeout=60, json={
            "articles": [{"text": _article(i)} for i in range(count)]})
        backfill_id = answer.json()["id"]
        deadline = time.monotonic() + 120
        while requests.get(f"{base}/api/v1/backfills/{backfill_id}",
                           timeout=30).json()["done"] < 3:  # the worker is under way
            assert time.monotonic() < deadline
            time.sleep(0.05)
        running.kill_one()
        running.start()
        state = _finished(base, backfill_id)
    assert (state["done"], state["failed"], state["queued"], state["duplicates"]) == (
        count, 0, 0, 0)
    with database.connection_context():
        texts = [s.text for s in Source.select()]
    assert sorted(texts) == sorted(_article(i) for i in range(count))


def test_the_command_line_backfills_a_folder_and_shows_it_to_the_end(app, database_url, queue,
                                                                    tmp_path):
    env = {**os.environ, "DATABASE_URL": database_url, "BROKER_URL": BROKER,
           "BACKFILL_QUEUE": queue}
    archive = tmp_path / "archive"
    (archive / "2001").mkdir(parents=True)
    for i in range(3):
        (archive / "2001" / f"{i}.txt").write_text(_article(i), encoding="utf-8")
    (archive / "wire.jsonl").write_text(
        json.dumps({"text": _article(7), "title": "Library", "published": "2001-07-22"})
        + "\n\n" + json.dumps({"text": _article(8), "outlet": "Wire"}) + "\n",
        encoding="utf-8")
    with workers(env, tmp_path):
        done = subprocess.run([str(BIN / "claimtracker"), "backfill", str(archive),
                               "--outlet", "Archive Gazette"], env=env, capture_output=True,
                              text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "5 done (0 stored already), 0 failed" in done.stdout
    with database.connection_context():
        outlets = {s.text: s.outlet for s in Source.select()}
    assert outlets == {**{_article(i): "Archive Gazette" for i in (0, 1, 2, 7)},
                       _article(8): "Wire"}


def test_the_command_line_says_what_is_wrong_in_a_file(app, database_url, tmp_path):
    env = {**os.environ, "DATABASE_URL": database_url, "BROKER_URL": BROKER}
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": _article(1)}) + "\n" + json.dumps({"title": "x"}),
                   encoding="utf-8")
    done = subprocess.run([str(BIN / "claimtracker"), "backfill", str(bad), "--no-wait"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert f"{bad}:2" in done.stderr and "text" in done.stderr
    with database.connection_context():
        assert Backfill.select().count() == 0  # nothing kept, the good first line neither


@pytest.mark.parametrize("broker", [None, "amqp://guest:guest@127.0.0.1:{port}/%2F"])
def test_without_a_reachable_queue_a_backfill_is_refused_and_nothing_kept(
        app, client, write_headers, broker):
    app.config["BROKER_URL"] = broker and broker.format(port=free_port())
    answer = client.post("/api/v1/backfills", headers=write_headers,
                         json={"articles": [{"text": _article(1)}]})
    assert answer.status_code == 503
    assert answer.mimetype == "application/problem+json"
    assert int(answer.headers["Retry-After"]) > 0
    assert "BROKER_URL" in answer.json["detail"] if broker is None else \
        "cannot be reached" in answer.json["detail"]
    with database.connection_context():
        assert Backfill.select().count() == 0


@pytest.mark.parametrize("body, field", [
    ({"articles": []}, "articles"),
    ({"articles": [{"title": "No text"}]}, "articles.0.text"),
    ({"articles": [{"text": "x", "colour": "red"}]}, "articles.0.colour"),
    ({}, "articles"),
])
def test_a_bad_backfill_is_refused_with_the_field_named(client, write_headers, body, field):
    answer = client.post("/api/v1/backfills", headers=write_headers, json=body)
    assert answer.status_code == 422
    assert field in answer.json["errors"], answer.json


def test_a_backfill_needs_a_write_key_and_an_unknown_one_is_404(client, read_headers):
    answer = client.post("/api/v1/backfills", headers=read_headers,
                         json={"articles": [{"text": _article(1)}]})
    assert answer.status_code == 403
    assert client.get("/api/v1/backfills/999").status_code == 404
    assert client.get("/api/v1/backfills/999/failures").status_code == 404
