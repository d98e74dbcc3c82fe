"""Browser tests: a real Chromium, driven by Playwright, against the portal served on localhost.

The portal runs in a thread with its own SQLite database and sends its mail over SMTP to a
real SMTP server (aiosmtpd) listening on localhost. Chromium comes from the system
(/usr/bin/chromium, or CHROMIUM_PATH): no browser is downloaded.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from playwright.sync_api import expect
from werkzeug.middleware.shared_data import SharedDataMiddleware
from werkzeug.serving import make_server

from portal import create_app
from portal.accounts.services import find_user_by_email
from portal.checklists.services import import_template
from portal.core.access import Role
from portal.core.extensions import db
from portal.cycles.services import find_cycle
from portal.demo import cycles as demo
from portal.demo.cli import demo_accounts
from tests.conftest import CHECKLISTS_DIR, PASSWORD, dispose, make_test_config, reset_database
from tests.smtp import free_port

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# axe-core, the accessibility engine (tests/browser/package.json; `npm ci --prefix tests/browser` installs it).
AXE_SCRIPT = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
# Where the test server serves it: from the portal's own origin, so that the pages' Content-Security-Policy
# (script-src 'self') lets it run like the portal's own scripts, and the pages are checked as they are sent.
AXE_URL = "/_browser-tests/axe.min.js"


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    return candidate if Path(candidate).exists() else None


class Mailbox:
    """Collects the messages the SMTP server receives."""

    def __init__(self):
        self.messages = []
        self.received = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        with self.received:
            self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
            self.received.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, recipient: str, timeout: float = 10.0):
        """Return the newest message to ``recipient``, waiting for it to arrive."""

        def find():
            for message in reversed(self.messages):
                if recipient in message["To"]:
                    return message
            return None

        with self.received:
            self.received.wait_for(find, timeout=timeout)
            found = find()
        assert found is not None, f"no mail reached {recipient}"
        return found


@pytest.fixture(scope="session")
def smtp_server():
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, mailbox
    controller.stop()


@pytest.fixture(scope="session")
def live_app(tmp_path_factory, smtp_server):
    controller, _ = smtp_server
    url = f"sqlite:///{tmp_path_factory.mktemp('live') / 'portal.sqlite3'}"
    app = create_app(
        make_test_config(
            url,
            SERVER_NAME=None,
            PORTAL_BASE_URL="http://127.0.0.1",  # the port is known once the server listens (live_server)
            MAIL_SERVER=controller.hostname,
            MAIL_PORT=controller.port,
            RATELIMIT_LOGIN="1000 per minute",
            CACHE_DIR=str(tmp_path_factory.mktemp("live-cache")),
        )
    )
    reset_database(app)
    yield app
    dispose(app)


class CloseOnceSent:
    """Close each response as soon as its body is sent, once, as production servers (gunicorn) do.

    Werkzeug's development server closes a response only after it has drained the socket, and
    reading a socket the browser has already reset raises: the response is then never closed, and
    the work a view leaves for after its answer (portal/core/deferred.py: the password-reset mail)
    never runs. Seen as "no mail reached" in about one run in five when Chromium resets the
    connection after a redirect.
    """

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        body = self.app(environ, start_response)
        closed = False

        def close():
            nonlocal closed
            if not closed and hasattr(body, "close"):
                closed = True
                body.close()

        def chunks():
            try:
                yield from body
            finally:
                close()

        return _Closing(chunks(), close)


class _Closing:
    """An iterable of a response's chunks whose close() runs the response's once."""

    def __init__(self, chunks, close):
        self.chunks = chunks
        self.close = close

    def __iter__(self):
        return iter(self.chunks)


@pytest.fixture(scope="session")
def live_server(live_app):
    served = SharedDataMiddleware(live_app, {AXE_URL: str(AXE_SCRIPT)})  # the test server only, never the portal
    server = make_server("127.0.0.1", 0, CloseOnceSent(served), threaded=True)
    address = f"http://127.0.0.1:{server.server_port}"
    live_app.config["PORTAL_BASE_URL"] = address  # the links in mail lead here
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield address
    server.shutdown()
    thread.join()


@pytest.fixture
def mailbox(smtp_server):
    return smtp_server[1]


@pytest.fixture
def make_account(live_app):
    """Create an account in the live portal's database and return its e-mail address."""

    def make(role, state_code=None, *, email, password="correct-horse-battery", name="Test Person"):
        from portal.accounts.services import create_account
        from portal.states.services import find_state

        with live_app.app_context():
            user = create_account(
                email=email, name=name, role=role, password=password,
                state=find_state(state_code) if state_code else None,
            )
            db.session.commit()
            return user.email

    return make


@pytest.fixture
def cycle_2011(live_app, make_account):
    """The demonstration's closed 2011 cycle in the live portal: eight accepted replies with their real texts."""
    with live_app.app_context():
        exists = find_cycle(demo.SALVADOR_2011.key) is not None
    if not exists:
        for person in demo_accounts():
            if person["role"] is Role.SECRETARIAT or person["state"] in demo.STATES_2011:
                make_account(person["role"], person["state"], email=person["email"], name=person["name"])
        with live_app.app_context():
            template, _ = import_template(CHECKLISTS_DIR / "salvador-declaration.yaml")
            demo.create_2011_cycle(template, find_user_by_email("secretariat@example.org"))
            db.session.commit()
    return demo.SALVADOR_2011.key


@pytest.fixture(scope="session")
def axe_script():
    """The URL of axe-core on the test server; skip (fail on CI) when it is not installed."""
    if not AXE_SCRIPT.exists():
        message = "axe-core is not installed: npm ci --prefix tests/browser (make test runs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE_URL


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed (apt-get install -y chromium)")
        pytest.skip("Chromium is not installed: apt-get install -y chromium (or set CHROMIUM_PATH)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, request):
    context = browser.new_context(base_url=live_server, locale="en-GB")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    # BROWSER_ARTEFACTS=folder keeps a screenshot of each test's last page, to look at.
    artefacts = os.environ.get("BROWSER_ARTEFACTS")
    if artefacts:
        Path(artefacts).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(artefacts) / f"{request.node.name}.png"), full_page=True)
    context.close()


def sign_in(page, email: str, password: str = PASSWORD) -> None:
    """Sign in on the login page, as a person would, and wait for the dashboard."""
    page.goto("/login")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/dashboard$"))
