"""Load test of ``numlint serve`` on loopback: many requests from concurrent clients.

    python benchmarks/bench_serve.py                  # 200 requests, 8 clients
    python benchmarks/bench_serve.py --requests 1000 --clients 16

Starts the server (Uvicorn, in a subprocess) on a free loopback port, sends paragraphs of
the shared corpus (the example article when the corpus is absent) mixed with a conversion
slip, checks that every request is answered 200 with the same matches as ``check()``, and
prints p50/p99 latency and throughput (wall clock: the server shares the machine).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import load_documents

import numlint

SLIP = "La somme de 97,4 milliards de dollars (près de 95 millions d’euros) a été versée."
ROOT = Path(__file__).resolve().parents[1]


def texts(count: int) -> list[str]:
    documents = [d.text for d in load_documents() if 200 < len(d.text) < 5_000]
    if not documents:
        documents = [(ROOT / "examples" / "article.md").read_text(encoding="utf-8")]
    return [documents[i % len(documents)] + ("\n\n" + SLIP if i % 2 else "")
            for i in range(count)]


def expected(text: str) -> list[tuple[str, str]]:
    return [("NUMLINT_" + d.code, d.message) for d in numlint.check(text, format="text")
            if d.severity != "info"]


async def load(url: str, bodies: list[str], clients: int) -> list[tuple[float, dict, int]]:
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(len(bodies)):
        queue.put_nowait(index)
    results: list[tuple[float, dict, int]] = [(0.0, {}, 0)] * len(bodies)

    async def client() -> None:
        async with httpx.AsyncClient(timeout=120) as http:
            while not queue.empty():
                index = queue.get_nowait()
                began = time.perf_counter()
                response = await http.post(f"{url}/v2/check",
                                           data={"text": bodies[index], "language": "fr"})
                elapsed = time.perf_counter() - began
                body = response.json() if response.status_code == 200 else {}
                results[index] = (elapsed, body, response.status_code)

    await asyncio.gather(*(client() for _ in range(clients)))
    return results


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_ready(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server exited before answering")
        try:
            httpx.get(f"{url}/v2/languages", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit("the server did not start in 60 s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    bodies = texts(args.requests)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "numlint", "serve", "--port", str(port)],
                              env={**os.environ, "PYTHONUNBUFFERED": "1"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(url, server)
        httpx.post(f"{url}/v2/check", data={"text": SLIP, "language": "fr"}, timeout=60)
        began = time.perf_counter()
        results = asyncio.run(load(url, bodies, args.clients))
        wall = time.perf_counter() - began
    finally:
        server.terminate()
        server.wait(10)
    answered = sum(1 for _, _, status in results if status == 200)
    same = 0
    for index, (text, (_, body, _)) in enumerate(zip(bodies, results, strict=True)):
        got = [(m["rule"]["id"], m["message"].split(" [")[0]) for m in body.get("matches", [])]
        wanted = [(code, message.split(" [")[0]) for code, message in expected(text)]
        if got == wanted:
            same += 1
        else:  # say how, so that a rule's time budget running out under load shows as such
            print(f"request {index} differs: served {got} / check() {wanted}", file=sys.stderr)
    latencies = sorted(elapsed for elapsed, _, _ in results)
    p99 = latencies[min(len(latencies) - 1, round(0.99 * len(latencies)) - 1)]
    print(f"requests: {len(bodies)} from {args.clients} concurrent clients, "
          f"{sum(len(b.encode()) for b in bodies) / 1e6:.2f} MB")
    print(f"answered 200: {answered}/{len(bodies)}; same matches as check(): "
          f"{same}/{len(bodies)}")
    print(f"latency p50 {statistics.median(latencies) * 1000:.1f} ms, "
          f"p99 {p99 * 1000:.1f} ms; {len(bodies) / wall:.1f} requests/s (wall {wall:.2f} s)")
    return 0 if answered == same == len(bodies) else 1


if __name__ == "__main__":
    raise SystemExit(main())
