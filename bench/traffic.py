"""HTTP traffic for the benchmarks: timed single requests for latencies (raw sockets, one
connection per request, as gunicorn's sync workers close each one), and throughput from wrk."""

import json
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import time


def request(host: str, port: int, method: str, path: str, body: bytes = b"",
            headers: dict | None = None, timeout: float = 30) -> tuple[int, bytes]:
    """One HTTP/1.1 request; answers the status and the body."""
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}:{port}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if body:
        lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    response = b"".join(chunks)
    head, _, content = response.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), content


def timed(host: str, port: int, calls, *, expect=(200,)) -> list[float]:
    """Milliseconds of each call, made one after another; calls are (method, path, body,
    headers) tuples. A call answered with another status stops the run."""
    times = []
    for method, path, body, headers in calls:
        started = time.perf_counter()
        status, content = request(host, port, method, path, body, headers)
        times.append((time.perf_counter() - started) * 1000)
        if status not in expect:
            raise RuntimeError(f"{method} {path} answered {status}: {content[:300]!r}")
    return times


def percentile(times: list[float], p: float) -> float:
    """The p-th percentile (0-100) of the times, interpolated."""
    if len(times) == 1:
        return times[0]
    return statistics.quantiles(times, n=100, method="inclusive")[round(p) - 1]


_WRK_SCRIPT = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""


def throughput(host: str, port: int, paths: list[str], *, seconds: float = 10,
               clients: int = 4) -> dict:
    """Requests per second that wrk gets through in `seconds`, with `clients` connections on
    one thread, sending GETs of the paths in turn as fast as answers come. wrk is written in
    C: it costs the two cores far less than a Python client would, which would compress every
    ratio between servers toward 1."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("the benchmarks measure throughput with wrk: apt-get install wrk")
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(_WRK_SCRIPT % ", ".join(json.dumps(path) for path in paths))
        script.flush()
        run = subprocess.run([wrk, "--threads", "1", "--connections", str(clients),
                              "--duration", f"{max(1, round(seconds))}s", "--script",
                              script.name, f"http://{host}:{port}"],
                             capture_output=True, text=True, check=True)
    done = int(re.search(r"(\d+) requests in", run.stdout).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", run.stdout)
    if errors:
        raise RuntimeError(f"{errors.group(1)} of {done} requests did not answer 200")
    return {"requests": done,
            "rps": round(float(re.search(r"Requests/sec:\s+([\d.]+)", run.stdout).group(1)), 1)}
