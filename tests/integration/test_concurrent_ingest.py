"""A dozen newsroom clients ingesting at once through a real server: every answer is a 2xx
or a documented 4xx/503 with Retry-After (on PostgreSQL never a 503: a deadlock is retried
inside the ingest), nothing is lost or stored twice, and the person every article quotes is
one speaker."""

import os
from concurrent.futures import ThreadPoolExecutor

import requests

from models import Source, Speaker
from models.db import database, is_postgres
from tests.servers import cli, running_server

CLIENTS = 12


def _article(i: int) -> str:
    return (f"The council of district {i % 8} said that the new library will open in "
            f"{2025 + i % 3}. \"We have the money,\" the mayor, Ines Albers, said. "
            f"Residents said that parking near site {i % 8} is already scarce.")


def test_a_dozen_clients_ingesting_at_once_lose_nothing_and_duplicate_nothing(
        app, database_url, tmp_path):
    env = {**os.environ, "DATABASE_URL": database_url}
    key = cli(env, "keys", "create", "--name", "desk", "--scope", "write")
    texts = [_article(i) for i in range(CLIENTS * 2)]  # every text is sent twice
    texts = texts[:CLIENTS] + texts[:CLIENTS]
    with running_server(env, tmp_path / "server.log", workers=4) as base:
        busy = []

        def post(text):
            for _ in range(20):
                response = requests.post(f"{base}/api/v1/sources", json={"text": text},
                                         headers={"Authorization": f"Bearer {key}"},
                                         timeout=60)
                if response.status_code != 503:
                    return response.status_code
                busy.append(response.json()["detail"])
                assert int(response.headers["Retry-After"]) >= 1
            return 503

        with ThreadPoolExecutor(CLIENTS) as pool:
            statuses = list(pool.map(post, texts))
    assert set(statuses) <= {200, 201}, statuses
    assert statuses.count(201) == CLIENTS
    with database.connection_context():
        stored = [s.text for s in Source.select()]
        named = Speaker.select().where(Speaker.surname_key == "albers").count()
        assert not (busy and is_postgres()), busy[:3]
    assert sorted(stored) == sorted(set(texts))
    assert named == 1
