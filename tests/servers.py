"""Real `claimtracker serve` processes for end-to-end tests: a free port, a wait until it
answers, and a stop that cannot leave a server behind."""

import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from requests.structures import CaseInsensitiveDict

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


@contextlib.contextmanager
def workers(env: dict, log_dir: Path, count: int = 1):
    """`claimtracker worker --backfill` processes (bench.backfill.Workers), stopped at the end
    of the block."""
    from bench.backfill import Workers

    with Workers(env, log_dir) as running:
        for _ in range(count):
            running.start()
        yield running


class HttpResponse:
    """An answer over HTTP, read through the names of Flask's test response."""

    def __init__(self, status_code: int, headers, body: bytes):
        self.status_code, self.headers, self.data = status_code, headers, body
        self.mimetype = headers.get("Content-Type", "").partition(";")[0].strip()

    def get_data(self, as_text: bool = False):
        return self.data.decode("utf-8", "replace") if as_text else self.data

    def get_json(self):
        json_like = self.mimetype.endswith(("/json", "+json"))
        return json.loads(self.data) if json_like and self.data else None


class HttpClient:
    """The calls of Flask's test client, made over HTTP to a running server, so that a test
    written for the app in-process also meets what gunicorn does to a request."""

    def __init__(self, base_url: str):
        self.base_url = base_url

    def open(self, path: str, method: str = "GET", *, json=None, data=None, headers=None,
             query_string=None, content_type=None, environ_overrides=None) -> HttpResponse:
        headers = dict(headers or {})
        if content_type is not None:
            headers["Content-Type"] = content_type
        if environ_overrides:  # a query string sent as it is, bytes no HTTP library would send
            query = environ_overrides.pop("QUERY_STRING").encode("latin-1")
            assert not environ_overrides and method == "GET", environ_overrides
            return self._raw_get(path.encode("ascii") + b"?" + query, headers)
        answer = requests.request(method, self.base_url + path, params=query_string, json=json,
                                  data=data, headers=headers, timeout=60)
        return HttpResponse(answer.status_code, answer.headers, answer.content)

    def get(self, path: str, **kwargs) -> HttpResponse:
        return self.open(path, "GET", **kwargs)

    def post(self, path: str, **kwargs) -> HttpResponse:
        return self.open(path, "POST", **kwargs)

    def patch(self, path: str, **kwargs) -> HttpResponse:
        return self.open(path, "PATCH", **kwargs)

    def delete(self, path: str, **kwargs) -> HttpResponse:
        return self.open(path, "DELETE", **kwargs)

    def _raw_get(self, target: bytes, headers: dict) -> HttpResponse:
        where = urlsplit(self.base_url)
        lines = [b"GET " + target + b" HTTP/1.1", f"Host: {where.netloc}".encode(),
                 b"Connection: close", *(f"{k}: {v}".encode() for k, v in headers.items())]
        with socket.create_connection((where.hostname, where.port), timeout=60) as sock:
            sock.sendall(b"\r\n".join(lines) + b"\r\n\r\n")
            answer = http.client.HTTPResponse(sock)
            answer.begin()
            return HttpResponse(answer.status, CaseInsensitiveDict(answer.getheaders()),
                                answer.read())
