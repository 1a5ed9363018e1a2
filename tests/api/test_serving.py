"""The gunicorn hooks of api/serving.py, in a process of their own (they set the garbage
collector of the process they run in)."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_worker_makes_its_full_collections_between_requests_only():
    script = textwrap.dedent("""
        import gc
        from api import serving

        def full_passes():
            return gc.get_stats()[2]["collections"]

        serving.post_worker_init(worker=None)
        before = full_passes()
        serving.post_request(None, None, None, None)
        assert full_passes() == before, "a full pass with nothing to walk"
        survivors = [[[] for _ in range(1000)] for _ in range(200)]  # many young passes
        assert full_passes() == before, "a full pass ran inside a request"
        serving.post_request(None, None, None, None)
        assert full_passes() == before + 1
        serving.post_request(None, None, None, None)
        assert full_passes() == before + 1
        print("ok")
    """)
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert run.stdout.strip() == "ok", run.stderr[-2000:]
