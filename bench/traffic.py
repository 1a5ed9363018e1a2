"""HTTP traffic for the benchmarks: timed single requests for latencies, and a closed loop of
client processes for throughput. Raw sockets, one connection per request (gunicorn's sync
workers close each one), so the client costs little of the two cores it shares."""

import multiprocessing
import socket
import statistics
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


def _loop(host, port, paths, seconds, results):
    done = errors = 0
    deadline = time.perf_counter() + seconds
    i = 0
    while time.perf_counter() < deadline:
        status, _ = request(host, port, "GET", paths[i % len(paths)])
        i += 1
        done += 1
        errors += status != 200
    results.put((done, errors))


def throughput(host: str, port: int, paths: list[str], *, seconds: float = 10,
               clients: int = 4) -> dict:
    """Requests per second that `clients` processes, each sending GETs of the paths in turn
    as fast as answers come, get through in `seconds`."""
    results = multiprocessing.get_context("fork").Queue()
    workers = [multiprocessing.get_context("fork").Process(
        target=_loop, args=(host, port, paths[n::clients] or paths, seconds, results))
        for n in range(clients)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    totals = [results.get() for _ in workers]
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    done, errors = sum(t[0] for t in totals), sum(t[1] for t in totals)
    if errors:
        raise RuntimeError(f"{errors} of {done} requests did not answer 200")
    return {"requests": done, "rps": round(done / elapsed, 1)}
