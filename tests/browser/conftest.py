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
from werkzeug.serving import make_server

from portal import create_app
from portal.core.extensions import db
from tests.conftest import PASSWORD, dispose, make_test_config, reset_database
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
    server = make_server("127.0.0.1", 0, CloseOnceSent(live_app), threaded=True)
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
