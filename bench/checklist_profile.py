"""In-process cost of a theme page and of an answer save, on the benchmark database.

    .venv/bin/python bench/checklist_profile.py [--repeat 200] [--rounds 10] [--theme international-cooperation]
        [--profile page|save] [--database-url postgresql://postgres@127.0.0.1:5432/bench]

Signs in as the focal point of a State whose reply is a draft, through the Flask test client (no
server, no network), then renders the theme page and saves one answer as the autosave does,
``--repeat`` times each after a short warm-up, and prints per request the wall-clock milliseconds (the
mean, and the mean of the fastest of ``--rounds`` rounds), the CPU milliseconds of this process, and
the SQL statements sent. ``--profile`` runs one of the two under cProfile and prints the functions
that cost the most. The figures are single-threaded and exclude HTTP parsing: they show the cost of
the portal's own work, which the load test (``checklist_load.py``) then multiplies by concurrency.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import sys
import time
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import checklist_data as data  # noqa: E402  (bench/ is on the path when the script runs)
from checklist_load import CSRF_INPUT, CSRF_META, prepare  # noqa: E402

WARMUP = 5


class StatementCounter:
    """Count the SQL statements an engine sends while it is active."""

    def __init__(self, engine):
        self.engine, self.count = engine, 0

    def _seen(self, *_args) -> None:
        self.count += 1

    def __enter__(self) -> StatementCounter:
        sa.event.listen(self.engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *_exc) -> None:
        sa.event.remove(self.engine, "before_cursor_execute", self._seen)


class Focal:
    """A signed-in focal point driving the test client: load the theme page, save one answer."""

    def __init__(self, app, code: str, theme: str, item: str, question: str):
        self.client = app.test_client()
        self.base, self.theme, self.item, self.question = f"/cycles/{data.CYCLE_KEY}/states/{code}", theme, item, question
        self.token, self.revision, self.saves = "", 0, 0
        page = self.client.get("/login").get_data(as_text=True)
        found = CSRF_INPUT.search(page)
        response = self.client.post("/login", data={"csrf_token": found.group(1) or found.group(2),
                                                    "email": data.focal_point_email(code), "password": data.PASSWORD})
        if response.status_code != 302:
            raise SystemExit(f"signing in as the focal point of {code} answered {response.status_code}")

    def page(self) -> None:
        response = self.client.get(f"{self.base}/themes/{self.theme}")
        html = response.get_data(as_text=True)
        if response.status_code != 200:
            raise SystemExit(f"the theme page answered {response.status_code}")
        self.token = CSRF_META.search(html).group(1)
        found = re.search(rf'name="rev-q-{re.escape(self.item)}-{self.question}" value="(\d+)"', html)
        self.revision = int(found.group(1)) if found else 0

    def save(self) -> None:
        self.saves += 1
        change = {"item": self.item, "question": self.question, "base_revision": self.revision,
                  "value": f"Measures described in the profile, save {self.saves} at {time.time():.6f}."}
        response = self.client.post(f"{self.base}/answers", json={"changes": [change]}, headers={"X-CSRFToken": self.token})
        outcome = response.get_json()
        if response.status_code != 200 or not outcome.get("saved"):
            raise SystemExit(f"the save answered {response.status_code}: {outcome}")
        self.revision = outcome["saved"][0]["revision"]


def measure(action, engine, repeat: int, rounds: int) -> tuple[float, float, float, float]:
    """Return the cost per call of ``action``: wall-clock ms (mean, and mean of the fastest round), CPU ms, statements.

    The calls run in ``rounds`` rounds: on a shared machine the fastest round shows the cost of the
    work itself, the mean adds whatever else ran meanwhile. The CPU time is this process's (the
    portal's Python work; PostgreSQL's is not in it), which other programs disturb far less.
    """
    for _ in range(WARMUP):
        action()
    times = []
    per_round = max(repeat // rounds, 1)
    cpu_started = time.process_time()
    with StatementCounter(engine) as counter:
        for _ in range(rounds):
            started = time.perf_counter()
            for _ in range(per_round):
                action()
            times.append((time.perf_counter() - started) * 1000 / per_round)
    calls = per_round * rounds
    cpu = (time.process_time() - cpu_started) * 1000 / calls
    return sum(times) / len(times), min(times), cpu, counter.count / calls


def profile(action, repeat: int, lines: int) -> None:
    """Run ``action`` under cProfile and print the costliest functions, cumulative and own time."""
    for _ in range(WARMUP):
        action()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        action()
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("cumulative").print_stats(lines)
    stats.sort_stats("tottime").print_stats(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgresql://postgres@127.0.0.1:5432/bench")
    parser.add_argument("--repeat", type=int, default=200, help="requests measured of each kind (default 200)")
    parser.add_argument("--rounds", type=int, default=10, help="rounds the requests are split into (default 10)")
    parser.add_argument("--theme", default="international-cooperation", help="theme page (default: six paragraphs)")
    parser.add_argument("--profile", choices=("page", "save"), help="run this request under cProfile instead")
    parser.add_argument("--lines", type=int, default=35, help="functions listed by --profile (default 35)")
    args = parser.parse_args(argv)

    from portal import create_app
    from portal.core.extensions import db

    built, _size = prepare(args.database_url, reset=False)
    item, question = built.editable[args.theme][0]
    app = create_app({"PORTAL_ENV": "production", "SECRET_KEY": "bench-profile", "DATABASE_URL": args.database_url,
                      "PORTAL_BASE_URL": "http://localhost",  # the Flask test client's host
                      "RATELIMIT_LOGIN": "10000 per minute"})
    focal = Focal(app, built.draft_codes[0], args.theme, item, question)
    focal.page()
    if args.profile:
        profile(focal.page if args.profile == "page" else focal.save, args.repeat, args.lines)
        return
    with app.app_context():
        engine = db.engine
    print(f"State {built.draft_codes[0]}, theme {args.theme}, {args.repeat} requests of each kind in {args.rounds} rounds, "
          f"one thread; milliseconds per request:")
    print(f"{'request':<13} {'mean':>7} {'fastest round':>14} {'CPU':>7} {'SQL statements':>15}")
    for name, action in (("theme page", focal.page), ("answer save", focal.save)):
        mean, fastest, cpu, statements = measure(action, engine, args.repeat, args.rounds)
        print(f"{name:<13} {mean:7.2f} {fastest:14.2f} {cpu:7.2f} {statements:15.1f}")


if __name__ == "__main__":
    main()
