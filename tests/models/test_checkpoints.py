"""A server's SQLite checkpoints: run by a thread of the worker, not by the commits of requests.
In a process of its own, since it binds the database every model uses."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_log_is_copied_into_the_database_by_a_thread_not_by_a_commit(tmp_path):
    script = textwrap.dedent("""
        import os, sys, time
        from models.db import bind, checkpoint_in_background, database

        path = sys.argv[1]
        bind(f"sqlite:///{path}")
        database.execute_sql("CREATE TABLE filler (words TEXT)")
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        before = os.path.getsize(path)
        assert checkpoint_in_background(every=1.0) is not None
        with database.atomic():  # some 8 MB: twice the log at which SQLite's own would copy
            for i in range(800):
                database.execute_sql("INSERT INTO filler VALUES (?)", ("word " * 2000,))
        assert os.path.getsize(path + "-wal") > 8_000_000
        assert os.path.getsize(path) == before, "the commit copied the log"
        deadline = time.monotonic() + 10
        while os.path.getsize(path) < before + 7_000_000 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert os.path.getsize(path) >= before + 7_000_000, "no thread copied the log"
        (rows,) = database.execute_sql("SELECT count(*) FROM filler").fetchone()
        assert rows == 800
        print("ok")
    """)
    run = subprocess.run([sys.executable, "-c", script, str(tmp_path / "served.db")], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.stdout.strip() == "ok", run.stderr[-2000:]

