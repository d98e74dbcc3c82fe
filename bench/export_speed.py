"""Measure the exports of a full cycle (193 States) through the HTTP endpoint, on PostgreSQL.

Prints, for the long CSV and the XLSX workbook: rows, bytes, time to the first byte, total
time, rows per second, and the web worker's memory (peak resident set during the request,
above its resident set before it) for a small export (one regional group) and the full one,
so that one sees whether memory grows with the number of rows.

    .venv/bin/python bench/export_speed.py [--database-url postgresql://postgres@127.0.0.1:5432/bench] [--reset]

The data are those of bench/checklist_load.py (built on first use, reused afterwards).
"""

from __future__ import annotations

import argparse
import csv
import http.client
import io
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import checklist_load  # noqa: E402
from checklist_data import CYCLE_KEY, PASSWORD  # noqa: E402

STAFF_EMAIL = "bench.secretariat@example.org"


def ensure_staff_account(database_url: str) -> None:
    from portal import create_app
    from portal.accounts.services import create_account, find_user_by_email
    from portal.core.access import Role
    from portal.core.extensions import db

    app = create_app({"PORTAL_ENV": "production", "SECRET_KEY": "bench-setup", "PORTAL_BASE_URL": "http://127.0.0.1",
                      "DATABASE_URL": database_url})
    with app.app_context():
        if find_user_by_email(STAFF_EMAIL) is None:
            create_account(email=STAFF_EMAIL, name="Benchmark officer", role=Role.SECRETARIAT, password=PASSWORD)
            db.session.commit()
        db.session.remove()
        db.engine.dispose()


def worker_pid(master_pid: int) -> int:
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    if len(children) != 1:
        raise SystemExit(f"expected one gunicorn worker, found {children}")
    return int(children[0])


def resident_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise SystemExit("no VmRSS")


class MemoryWatch:
    """Samples a process's resident set every few milliseconds while a request runs."""

    def __init__(self, pid: int):
        self.pid, self.peak, self.running = pid, 0, False
        self.before = resident_kib(pid)

    def __enter__(self):
        self.running = True
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()
        return self

    def _watch(self):
        while self.running:
            self.peak = max(self.peak, resident_kib(self.pid))
            time.sleep(0.005)

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()
        self.peak = max(self.peak, resident_kib(self.pid))

    @property
    def growth_mib(self) -> float:
        return (self.peak - self.before) / 1024


def download(browser: checklist_load.Browser, path: str) -> tuple[bytes, float, float]:
    """GET ``path`` reading the body in chunks; return it, the time to its first byte and the total time."""
    headers = {"Host": f"127.0.0.1:{browser.port}", "Cookie": "; ".join(f"{k}={v}" for k, v in browser.cookies.items())}
    connection = http.client.HTTPConnection("127.0.0.1", browser.port, timeout=600)
    started = time.perf_counter()
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    if response.status != 200:
        raise SystemExit(f"GET {path} answered {response.status}")
    chunks, first = [], None
    while True:
        chunk = response.read1(65536)
        if not chunk:
            break
        if first is None:
            first = time.perf_counter() - started
        chunks.append(chunk)
    total = time.perf_counter() - started
    connection.close()
    return b"".join(chunks), first or total, total


def count_rows(kind: str, body: bytes) -> int:
    if kind == "long.csv":
        return sum(1 for _ in csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""))) - 1
    from openpyxl import load_workbook

    # write-only workbooks record no sheet dimensions: count the rows
    return sum(1 for _ in load_workbook(io.BytesIO(body), read_only=True)["long"].iter_rows(values_only=True)) - 1


def measure(browser, pid: int, kind: str, extra: str, label: str, repeat: int) -> None:
    path = f"/exports/download?cycle={CYCLE_KEY}&kind={kind}{extra}"
    download(browser, path)  # warm: imports, caches
    results = []
    for _ in range(repeat):
        with MemoryWatch(pid) as memory:
            body, first, total = download(browser, path)
        results.append((total, first, memory.growth_mib, body))
    total, first, growth, body = sorted(results, key=lambda r: r[0])[len(results) // 2]  # the median run
    rows = count_rows(kind, body)
    print(
        f"{kind:12} {label:28} rows {rows:>7,}  bytes {len(body):>11,}  first byte {first * 1000:7.1f} ms  "
        f"total {total:6.2f} s  {rows / total:>9,.0f} rows/s  worker memory +{growth:6.1f} MiB (peak over before)",
        flush=True,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgresql://postgres@127.0.0.1:5432/bench")
    parser.add_argument("--reset", action="store_true", help="rebuild the benchmark data")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is printed")
    args = parser.parse_args(argv)

    _, size = checklist_load.prepare(args.database_url, args.reset)
    print("data: " + "; ".join(f"{name}: {value:,}" for name, value in size.items()))
    ensure_staff_account(args.database_url)
    port = checklist_load.free_port()
    # One worker process, so that its memory is the export's; two threads, as a small production worker.
    server = checklist_load.start_server(args.database_url, port, workers=1, threads=2)
    try:
        pid = worker_pid(server.pid)
        browser = checklist_load.Browser(port)
        browser.sign_in(STAFF_EMAIL, PASSWORD)
        print(f"gunicorn: 1 worker (pid {pid}), 2 threads; resident before: {resident_kib(pid) / 1024:.1f} MiB")
        for kind in ("long.csv", "export.xlsx"):
            measure(browser, pid, kind, "&groups=eastern-european", "one group (23 States)", args.repeat)
            measure(browser, pid, kind, "", "full cycle (193 States)", args.repeat)
    finally:
        checklist_load.stop_server(server)


if __name__ == "__main__":
    main()
