"""SQLite on a small file system of its own, under a real server, filled to the last byte:
writes answer 503 problem+json, reads go on, nothing is half-written, and writes succeed again
once there is room, without a restart. (A read-only file cannot be made here: the tests run as
root, whom file modes do not stop, and a file system in use cannot be remounted read-only.)"""

import os
import shutil
import subprocess

import pytest
import requests

from tests.api.contract import ARTICLE
from tests.servers import cli, running_server


def _mount(*arguments: str) -> None:
    subprocess.run(["mount", *arguments], check=True, capture_output=True, timeout=30)


@pytest.fixture
def small_disk(tmp_path):
    """A 64 MB tmpfs (mounting needs root: the test is skipped without it)."""
    where = tmp_path / "disk"
    where.mkdir()
    try:
        _mount("-t", "tmpfs", "-o", "size=64m", "tmpfs", str(where))
    except (subprocess.CalledProcessError, FileNotFoundError) as error:
        pytest.skip(f"cannot mount a small file system here: {error}")
    yield where
    subprocess.run(["umount", "-l", str(where)], capture_output=True, timeout=30)


def _fill(where, leave: int) -> None:
    """Take all of the file system's room but `leave` bytes."""
    free = shutil.disk_usage(where).free
    with open(where / "filler", "wb") as filler:
        filler.truncate(0)
        filler.write(b"\0" * max(free - leave, 0))


def _article(n: int) -> dict:
    return {"text": f"{ARTICLE} The council said that plan {n} will cost {n} million.",
            "title": f"Plan {n}"}


def test_a_full_disk_refuses_writes_keeps_reads_and_recovers(small_disk, tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{small_disk / 'claims.db'}",
           "RATELIMIT_ENABLED": "false"}
    key = cli(env, "setup")
    headers = {"Authorization": f"Bearer {key}"}
    with running_server(env, tmp_path / "server.log", workers=1) as base:
        def write(n: int) -> requests.Response:
            return requests.post(f"{base}/api/v1/sources", json=_article(n), headers=headers,
                                 timeout=60)

        def read() -> int:
            return requests.get(f"{base}/api/v1/claims?q=council", timeout=30).status_code

        assert write(0).status_code == 201
        _fill(small_disk, leave=16 * 1024)
        answers = [write(n) for n in range(1, 30)]
        refused = [a for a in answers if a.status_code != 201]
        assert refused and all(a.status_code == 503 for a in refused), [
            (a.status_code, a.text[:200]) for a in refused]
        assert all(a.headers["Content-Type"] == "application/problem+json"
                   and int(a.headers["Retry-After"]) > 0 for a in refused)
        assert read() == 200

        (small_disk / "filler").unlink()  # room again, and no restart
        assert write(100).status_code == 201

        stored = requests.get(f"{base}/api/v1/sources?per_page=100", timeout=30).json()
        titles = {s["title"] for s in stored["items"] if s["title"].startswith("Plan ")}
        accepted = {"Plan 0", "Plan 100"} | {
            f"Plan {n}" for n, a in zip(range(1, 30), answers, strict=True)
            if a.status_code == 201}
        assert titles == accepted
    # Every claim whole: the event of its creation stored with it, or neither.
    done = subprocess.run(["sqlite3", str(small_disk / "claims.db"),
                           "SELECT (SELECT COUNT(*) FROM claim), (SELECT COUNT(*) FROM event "
                           "WHERE type = 'claim.created')"], capture_output=True, text=True)
    if done.returncode == 0:
        claims, events = done.stdout.strip().split("|")
        assert claims == events
