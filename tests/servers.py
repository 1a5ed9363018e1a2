"""Real `claimtracker serve` processes for end-to-end tests: a free port, a wait until it
answers, and a stop that cannot leave a server behind."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cli(env: dict, *args: str) -> str:
    """Run `claimtracker ARGS`; its last output line (setup and keys create print the key)."""
    done = subprocess.run([str(BIN / "claimtracker"), *args], env=env, capture_output=True,
                          text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        # gunicorn's master now and then misses SIGTERM: end it and its workers.
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextlib.contextmanager
def running_server(env: dict, log_path: Path, workers: int = 2):
    """gunicorn serving the app with this environment; yields its base URL."""
    port = free_port()
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [str(BIN / "claimtracker"), "serve", "--host", "127.0.0.1", "--port", str(port),
             "--workers", str(workers)], env=env, stdout=subprocess.DEVNULL, stderr=log,
            start_new_session=True)
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(f"{base_url}/api/v1/health", timeout=5).close()
                break
            except requests.RequestException:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail(f"server did not start: {log_path.read_text()[-2000:]}")
                time.sleep(0.2)
        yield base_url
    finally:
        _stop(process)
