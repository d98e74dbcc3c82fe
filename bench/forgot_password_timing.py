"""Time POST /forgot-password for an address with an account and one without, over HTTP.

The answer must not tell whether an account exists, by its words or by its time. The portal is
served by Werkzeug's threaded server on a free port of 127.0.0.1 (an SQLite file in a temporary
folder unless --database-url names a PostgreSQL database), with mail going to the outbox, or with
--smtp to a real SMTP server (aiosmtpd, from the test extra) on localhost. The requests alternate
between the two addresses, one at a time with a pause between them; each is timed from sending it to
reading the whole answer. Prints the median, the 10th and 90th percentiles in milliseconds, and the
difference of the medians.

    .venv/bin/python bench/forgot_password_timing.py [--requests 200] [--smtp] [--database-url URL]
"""

from __future__ import annotations

import argparse
import http.client
import logging
import re
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

KNOWN = "known.person@example.org"
UNKNOWN = "nobody.here@example.org"
PASSWORD = "bench-forgot-password-timing"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(database_url: str, port: int, mail_port: int | None):
    from werkzeug.serving import make_server

    from portal import create_app
    from portal.accounts.services import create_account
    from portal.core.access import Role
    from portal.core.extensions import db
    from tests.conftest import reset_database

    config = {
        "PORTAL_ENV": "production", "SECRET_KEY": "bench-forgot-password", "DATABASE_URL": database_url,
        "PORTAL_BASE_URL": f"http://127.0.0.1:{port}", "SESSION_COOKIE_SECURE": False,
        "RATELIMIT_LOGIN": "100000 per minute", "RATELIMIT_STORAGE_URI": "memory://",
    }
    if mail_port:
        config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=mail_port)
    app = create_app(config)
    reset_database(app)
    with app.app_context():
        create_account(email=KNOWN, name="Known Person", role=Role.SECRETARIAT, password=PASSWORD)
        db.session.commit()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # a line per request would slow the server down
    server = make_server("127.0.0.1", port, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return app, server


def reset_links_issued(app) -> int:
    """Return how many reset links the known account received (the work after the answer did happen)."""
    import sqlalchemy as sa

    from portal.accounts.models import AccountToken, TokenPurpose, User
    from portal.core.extensions import db

    with app.app_context():
        count = db.session.scalar(
            sa.select(sa.func.count()).select_from(AccountToken).join(User)
            .where(User.email == KNOWN, AccountToken.purpose == TokenPurpose.PASSWORD_RESET)
        )
        db.session.remove()
        db.engine.dispose()
        return count


class Browser:
    """One visitor: keeps the session cookie and the form's CSRF token."""

    def __init__(self, port: int):
        self.port = port
        self.cookie = ""
        page = self.request("GET", "/forgot-password")
        self.csrf = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)

    def request(self, method: str, path: str, body: str | None = None) -> str:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Host": f"127.0.0.1:{self.port}", "Cookie": self.cookie}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode()
        connection.close()
        if response.status >= 400:
            raise SystemExit(f"{method} {path} answered {response.status}")
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return text

    def forgot(self, email: str) -> float:
        body = urlencode({"csrf_token": self.csrf, "email": email})
        start = time.perf_counter()
        self.request("POST", "/forgot-password", body)
        return (time.perf_counter() - start) * 1000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per address (default 200)")
    parser.add_argument("--pause", type=float, default=0.03, help="seconds between requests (default 0.03)")
    parser.add_argument("--smtp", action="store_true", help="send the mail to a real SMTP server on localhost")
    parser.add_argument("--database-url", help="a PostgreSQL database to use (emptied); default a temporary SQLite file")
    args = parser.parse_args(argv)
    if args.database_url and args.database_url.rstrip("/").rsplit("/", 1)[-1] in {"test", "bench"}:
        raise SystemExit("refused: that database belongs to the test suite or to the other benchmarks")

    controller = None
    if args.smtp:
        from aiosmtpd.controller import Controller

        class Sink:
            async def handle_DATA(self, server, session, envelope):
                return "250 OK"

        controller = Controller(Sink(), hostname="127.0.0.1", port=free_port())
        controller.start()
    folder = tempfile.TemporaryDirectory()
    database_url = args.database_url or f"sqlite:///{folder.name}/portal.sqlite3"
    port = free_port()
    app, server = serve(database_url, port, controller.port if controller else None)
    try:
        browser = Browser(port)
        for _ in range(10):  # warm up both paths
            browser.forgot(KNOWN), browser.forgot(UNKNOWN)
        times: dict[str, list[float]] = {KNOWN: [], UNKNOWN: []}
        for _ in range(args.requests):
            for email in (KNOWN, UNKNOWN):
                times[email].append(browser.forgot(email))
                time.sleep(args.pause)
        time.sleep(1)  # the last work after an answer
        issued = reset_links_issued(app)
    finally:
        server.shutdown()
        if controller:
            controller.stop()
        folder.cleanup()

    print(f"POST /forgot-password, {args.requests} requests per address, mail to "
          f"{'an SMTP server on localhost' if args.smtp else 'the outbox'}, "
          f"{'PostgreSQL' if args.database_url else 'SQLite'}; milliseconds:")
    print(f"{'address':<16} {'median':>8} {'p10':>8} {'p90':>8}")
    for label, email in (("with an account", KNOWN), ("without", UNKNOWN)):
        values = times[email]
        print(f"{label:<16} {statistics.median(values):>8.2f} {percentile(values, 0.1):>8.2f} {percentile(values, 0.9):>8.2f}")
    difference = statistics.median(times[KNOWN]) - statistics.median(times[UNKNOWN])
    print(f"difference of the medians: {difference:+.2f} ms")
    print(f"reset links issued to the account: {issued} of {args.requests + 10} asked for")


if __name__ == "__main__":
    main()
