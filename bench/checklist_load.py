"""Load test of the online checklist: theme page render and answer save, 20 concurrent users, PostgreSQL.

    .venv/bin/python bench/checklist_load.py [--database-url postgresql://postgres@127.0.0.1:5432/bench]
        [--users 20] [--duration 60] [--warmup 5] [--workers 2] [--threads 2] [--reset]

1. Builds (or reuses) the database: a cycle of all 193 Member States with realistic answers, long
   ones included, and 193 focal point accounts (bench/checklist_data.py). Never the database
   ``test``: the test suite wipes it.
2. Starts the portal under gunicorn on 127.0.0.1 (a free port), PORTAL_ENV=production.
3. Runs the simulated users (threads; the model is printed), then prints p50, p95, p99, max,
   throughput and errors for each operation, and stops the server. No figure is asserted.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import checklist_data as data  # noqa: E402  (bench/ is on the path when the script runs)

THINK_MIN, THINK_MAX = 0.25, 0.75  # default seconds a user pauses after each response (uniform); --think changes it
LONG_SAVE_SHARE = 0.15  # share of saves that send a long answer (5,000-30,000 characters)
REQUEST_TIMEOUT = 30.0
CSRF_INPUT = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')
CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


# ------------------------------------------------------------------------------------------
# The server

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(database_url: str, port: int, workers: int, threads: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "PORTAL_ENV": "production",
        "SECRET_KEY": secrets.token_hex(32),
        "PORTAL_BASE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": database_url,
        # Every simulated user signs in from 127.0.0.1: the per-address limit would refuse the 11th.
        "RATELIMIT_LOGIN": "10000 per minute",
    }
    command = [
        sys.executable, "-m", "gunicorn", "--worker-class", "gthread", "--workers", str(workers), "--threads", str(threads),
        "--bind", f"127.0.0.1:{port}", "--keep-alive", "10", "--log-level", "warning", "wsgi:app",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with code {server.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise SystemExit("gunicorn did not answer /healthz within 60 s")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


# ------------------------------------------------------------------------------------------
# A simulated browser: one keep-alive connection, cookies, CSRF tokens

class Browser:
    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
        self.reconnections = 0

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None) -> tuple[int, bytes]:
        headers = {**(headers or {}), "Host": f"127.0.0.1:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed an idle keep-alive connection: open a new one, once.
                self.connection.close()
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
                self.reconnections += 1
                if attempt == 2:
                    raise
        for header in response.headers.get_all("Set-Cookie") or []:
            # Parsed by hand: the session cookie is Secure in production, and this is plain HTTP on localhost.
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, content

    def sign_in(self, email: str, password: str) -> None:
        status, page = self.request("GET", "/login")
        match = CSRF_INPUT.search(page.decode())
        if status != 200 or not match:
            raise RuntimeError(f"GET /login answered {status} without a CSRF token")
        form = urllib.parse.urlencode({"csrf_token": match.group(1) or match.group(2), "email": email, "password": password})
        status, _ = self.request("POST", "/login", form.encode(), {"Content-Type": "application/x-www-form-urlencoded"})
        if status != 302:
            raise RuntimeError(f"signing in as {email} answered {status}")


# ------------------------------------------------------------------------------------------
# The simulated users

@dataclass
class Samples:
    durations: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


@dataclass
class Run:
    port: int
    cycle_key: str
    editable: dict[str, list[tuple[str, str]]]
    measure_from: float
    stop_at: float
    texts: dict[str, list[str]]
    pages: Samples = field(default_factory=Samples)
    saves: Samples = field(default_factory=Samples)
    lock: threading.Lock = field(default_factory=threading.Lock)
    reconnections: int = 0
    signed_in: threading.Barrier | None = None
    think: tuple[float, float] = (THINK_MIN, THINK_MAX)

    def record(self, samples: Samples, started: float, duration: float, error: str | None) -> None:
        if started < self.measure_from:
            return  # warm-up
        with self.lock:
            if error:
                samples.error(error)
            else:
                samples.durations.append(duration)


def simulated_user(run: Run, code: str, seed: int) -> None:
    """Sign in as the State's focal point, then load a theme page and save an answer, with pauses, until the end."""
    rng = random.Random(seed)
    browser = Browser(run.port)
    try:
        browser.sign_in(data.focal_point_email(code), data.PASSWORD)
    finally:
        run.signed_in.wait()  # every user starts together, once all are signed in (or have failed to)
    base = f"/cycles/{run.cycle_key}/states/{code}"
    themes = sorted(run.editable)
    revisions: dict[tuple[str, str], int] = {}
    while time.monotonic() < run.stop_at:
        theme = rng.choice(themes)
        item, question = rng.choice(run.editable[theme])
        started = time.monotonic()
        try:
            status, body = browser.request("GET", f"{base}/themes/{theme}")
        except OSError as error:
            run.record(run.pages, started, 0, type(error).__name__)
            continue
        elapsed = time.monotonic() - started
        page = body.decode()
        token = CSRF_META.search(page)
        run.record(run.pages, started, elapsed, None if status == 200 and token else f"HTTP {status}")
        if status != 200 or not token:
            time.sleep(rng.uniform(*run.think))
            continue
        found = re.search(rf'name="rev-q-{re.escape(item)}-{question}" value="(\d+)"', page)
        base_revision = int(found.group(1)) if found else revisions.get((item, question), 0)
        time.sleep(rng.uniform(*run.think))
        if time.monotonic() >= run.stop_at:
            break
        kind = "long" if rng.random() < LONG_SAVE_SHARE else "short"
        value = rng.choice(run.texts[kind]) + f"\n\n(Revised {time.time():.6f}.)"
        payload = json.dumps({"changes": [{"item": item, "question": question, "value": value, "base_revision": base_revision}]})
        started = time.monotonic()
        try:
            status, body = browser.request("POST", f"{base}/answers", payload.encode(),
                                           {"Content-Type": "application/json", "X-CSRFToken": token.group(1)})
        except OSError as error:
            run.record(run.saves, started, 0, type(error).__name__)
            continue
        elapsed = time.monotonic() - started
        error = None if status == 200 else f"HTTP {status}"
        if status == 200:
            outcome = json.loads(body)
            if outcome.get("conflicts"):
                error = "conflict"
            elif outcome.get("errors") or not outcome.get("saved"):
                error = "refused"
            else:
                revisions[(item, question)] = outcome["saved"][0]["revision"]
        run.record(run.saves, started, elapsed, error)
        time.sleep(rng.uniform(*run.think))
    with run.lock:
        run.reconnections += browser.reconnections


def percentile(sorted_values: list[float], share: float) -> float:
    """Return the nearest-rank percentile of already sorted values."""
    if not sorted_values:
        return float("nan")
    rank = max(1, -(-len(sorted_values) * share // 1))
    return sorted_values[int(rank) - 1]


def report(name: str, samples: Samples, seconds: float) -> str:
    values = sorted(samples.durations)
    errors = sum(samples.errors.values())
    detail = ", ".join(f"{kind}: {count}" for kind, count in sorted(samples.errors.items())) or "none"
    ms = lambda v: f"{v * 1000:8.1f}"  # noqa: E731
    return (f"{name:<18} {len(values):>7} {ms(percentile(values, .50))} {ms(percentile(values, .95))} "
            f"{ms(percentile(values, .99))} {ms(values[-1] if values else float('nan'))} {len(values) / seconds:9.1f} "
            f"{errors:>7}  ({detail})")


def sample_texts(rng: random.Random) -> dict[str, list[str]]:
    return {
        "short": [data.narrative(rng, "The State", rng.randint(200, 2000)) for _ in range(20)],
        "long": [data.narrative(rng, "The State", rng.randint(5000, 30000)) for _ in range(10)],
    }


# ------------------------------------------------------------------------------------------

def prepare(database_url: str, reset: bool) -> tuple[data.BuiltData, dict[str, int]]:
    """Create, build or reuse the benchmark database; return what the users need and its size."""
    from portal import create_app
    from portal.core.extensions import db

    data.ensure_database(database_url)
    app = create_app({"PORTAL_ENV": "production", "SECRET_KEY": "bench-setup", "PORTAL_BASE_URL": "http://127.0.0.1",
                      "DATABASE_URL": database_url})
    with app.app_context():
        if reset or not data.is_built():
            started = time.monotonic()
            print("building the benchmark data (193 States, their focal points and answers) ...", flush=True)
            data.reset_schema()
            data.build()
            print(f"built in {time.monotonic() - started:.0f} s", flush=True)
        else:
            print("reusing the benchmark data already in the database (--reset rebuilds it)")
        built, size = data.describe(), data.statistics()
        db.session.remove()
        db.engine.dispose()
    return built, size


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgresql://postgres@127.0.0.1:5432/bench")
    parser.add_argument("--users", type=int, default=20, help="concurrent simulated users (default 20)")
    parser.add_argument("--duration", type=float, default=60, help="seconds measured (default 60)")
    parser.add_argument("--warmup", type=float, default=5, help="seconds run first and not measured (default 5)")
    # Two processes, one per core: a request is mostly Python (rendering, JSON), which one process runs on one
    # core at a time (the GIL). Two threads each: a request spends a fair share of its time waiting for
    # PostgreSQL, which a second thread fills; more threads only interleave requests on the GIL and
    # lengthen each of them. PostgreSQL and the simulated users share the same two cores.
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2: one per core)")
    parser.add_argument("--threads", type=int, default=2, help="threads per worker (default 2)")
    parser.add_argument("--reset", action="store_true", help="rebuild the benchmark data even if it is there")
    parser.add_argument("--think", type=float, nargs=2, default=(THINK_MIN, THINK_MAX), metavar=("MIN", "MAX"),
                        help=f"seconds a user pauses after each response, uniform in [MIN, MAX] (default {THINK_MIN} {THINK_MAX})")
    args = parser.parse_args(argv)
    if not args.database_url.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        raise SystemExit("the benchmark runs on PostgreSQL: give a postgresql:// URL")

    built, size = prepare(args.database_url, args.reset)
    codes = built.draft_codes[: args.users]
    if len(codes) < args.users:
        raise SystemExit(f"only {len(codes)} draft replies to sign in for; run with --reset")
    print("data: " + "; ".join(f"{name}: {value:,}" for name, value in size.items()))

    port = free_port()
    server = start_server(args.database_url, port, args.workers, args.threads)
    rng = random.Random(data.SEED)
    try:
        print(f"server: gunicorn gthread, {args.workers} workers x {args.threads} threads, 127.0.0.1:{port}, "
              f"PORTAL_ENV=production; machine: {os.cpu_count()} CPUs (server, PostgreSQL and clients share them), "
              f"load average before the run {os.getloadavg()[0]:.2f}")
        print(f"model: {args.users} users, each the focal point of a different State, signed in once; then, until the end, "
              f"GET a random theme page of the State's reply, pause U({args.think[0]}, {args.think[1]}) s, POST one answer of that "
              f"theme (autosave JSON; {LONG_SAVE_SHARE:.0%} of them 5,000-30,000 characters, else 200-2,000), pause "
              f"U({args.think[0]}, {args.think[1]}) s. Sign-in, then a warm-up of {args.warmup:.0f} s, then {args.duration:.0f} s measured.", flush=True)
        run = Run(think=tuple(args.think), port=port, cycle_key=built.cycle_key, editable=built.editable, measure_from=0, stop_at=0,
                  texts=sample_texts(rng))
        failures: list[str] = []

        def start_clock() -> None:
            """Set the measured window once every user has signed in (sign-in is not measured)."""
            now = time.monotonic()
            run.measure_from, run.stop_at = now + args.warmup, now + args.warmup + args.duration

        run.signed_in = threading.Barrier(len(codes), action=start_clock, timeout=120)

        def user(code: str, seed: int) -> None:
            try:
                simulated_user(run, code, seed)
            except Exception as error:  # a user that cannot go on is reported, the others continue
                failures.append(f"{code}: {error}")

        threads = [threading.Thread(target=user, args=(code, n), daemon=True) for n, code in enumerate(codes)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120 + args.warmup + args.duration + 2 * REQUEST_TIMEOUT)
        measured = args.duration
        print()
        print(f"{'operation':<18} {'count':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'req/s':>9} {'errors':>7}")
        print(report("theme page render", run.pages, measured))
        print(report("answer save", run.saves, measured))
        print(f"reconnections: {run.reconnections}; users that stopped early: {len(failures)}; "
              f"load average after the run {os.getloadavg()[0]:.2f}")
        for failure in failures:
            print(f"  {failure}")
    finally:
        stop_server(server)


if __name__ == "__main__":
    main()
