"""Fixtures shared by the whole suite.

The database is created by the migrations, once per run: an SQLite file by default, or the
PostgreSQL database named by TEST_DATABASE_URL. Each test runs inside a transaction that is
rolled back at its end, so tests see the reference data and never each other's rows.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import os
import re
from pathlib import Path

import flask_migrate
import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient
from flask_sqlalchemy.session import _app_ctx_id
from sqlalchemy.orm import Session, scoped_session, sessionmaker

from portal import create_app
from portal.accounts import services as accounts
from portal.core.access import Role
from portal.core.extensions import db as _db
from portal.states.services import find_state, load_states

PASSWORD = "correct-horse-battery"
CLOCK_START = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.timezone.utc)


class MovingClock:
    """A clock that a test moves forward: clock.advance(minutes=31)."""

    def __init__(self, start: dt.datetime = CLOCK_START):
        self.now = start

    def advance(self, **delta) -> None:
        self.now += dt.timedelta(**delta)


def install_clock(monkeypatch, module) -> MovingClock:
    """Give ``module`` (which reads the time through its ``utcnow``) a clock the test moves."""
    clock = MovingClock()
    monkeypatch.setattr(module, "utcnow", lambda: clock.now)
    return clock


def database_url(tmp_path_factory, name: str) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{tmp_path_factory.mktemp(name) / 'portal.sqlite3'}"


def make_test_config(url: str, **extra) -> dict:
    return {
        "PORTAL_ENV": "testing",
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "DATABASE_URL": url,
        "SERVER_NAME": "portal.test",
        "PORTAL_BASE_URL": "http://portal.test",
        "SESSION_COOKIE_SECURE": False,
        "REMEMBER_COOKIE_SECURE": False,
        **extra,
    }


def reset_database(app) -> None:
    """Empty the database and build the schema with the migrations, as production does."""
    with app.app_context():
        engine = _db.engine
        if engine.dialect.name == "postgresql":
            with engine.begin() as connection:
                connection.execute(sa.text("DROP SCHEMA public CASCADE"))
                connection.execute(sa.text("CREATE SCHEMA public"))
        else:
            _db.drop_all()
            with engine.begin() as connection:
                connection.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
        flask_migrate.upgrade()
        load_states()
        _db.session.commit()
        _db.session.remove()


class IsolatedClient(FlaskClient):
    """A test client whose every request runs in its own application context, as in production.

    A test holds an application context open (for the database); Flask would reuse it for the
    client's requests, sharing ``g`` (and the signed-in user cached there) between requests
    and between clients. An empty ``contextvars`` context makes each request start afresh.
    """

    def open(self, *args, **kwargs):
        # Streamed responses are read to the end inside the request's own context.
        kwargs.setdefault("buffered", True)
        return contextvars.Context().run(super().open, *args, **kwargs)


def dispose(app) -> None:
    """Close the pooled connections of ``app`` (psycopg warns about connections left open)."""
    with app.app_context():
        _db.engine.dispose()


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    app = create_app(make_test_config(database_url(tmp_path_factory, "db"), CACHE_DIR=str(tmp_path_factory.mktemp("cache"))))
    app.test_client_class = IsolatedClient
    reset_database(app)
    yield app
    dispose(app)


@pytest.fixture
def make_app():
    """Create further applications (other settings) whose connections are closed after the test."""
    made = []

    def make(config=None):
        made.append(create_app(config))
        return made[-1]

    yield make
    for other in made:
        dispose(other)


@pytest.fixture
def db(app):
    """The database, inside a transaction rolled back after the test."""
    with app.app_context():
        connection = _db.engine.connect()
        transaction = connection.begin()
        original = _db.session
        _db.session = scoped_session(
            sessionmaker(bind=connection, join_transaction_mode="create_savepoint", class_=Session),
            scopefunc=_app_ctx_id,
        )
        try:
            yield _db
        finally:
            _db.session.remove()
            _db.session = original
            transaction.rollback()
            connection.close()


@pytest.fixture
def client(app, db):
    return app.test_client()


@pytest.fixture
def state(db):
    """Return a function that finds a State by ISO code."""

    def get(code: str):
        found = find_state(code)
        assert found is not None, code
        return found

    return get


@pytest.fixture
def create_user(db, state):
    """Return a factory of users: create_user(role=Role.FOCAL_POINT, state="CAN")."""
    counter = iter(range(1, 10_000))

    def create(role: Role = Role.FOCAL_POINT, state_code: str | None = None, *, email: str | None = None,
               name: str | None = None, password: str = PASSWORD, **_ignored):
        if role.is_state_bound and state_code is None:
            state_code = "CAN"
        number = next(counter)
        user = accounts.create_account(
            email=email or f"{role.value}.{number}@example.org",
            name=name or f"{role.label} {number}",
            role=role,
            password=password,
            state=state(state_code) if state_code else None,
        )
        db.session.commit()
        return user

    return create


CSRF_RE = re.compile(r'<input[^>]*name="((?:[\w-]+-)?csrf_token)"[^>]*value="([^"]+)"')


def csrf_fields(html: str) -> dict[str, str]:
    """Return the CSRF fields of the forms on a page (prefixed forms have their own)."""
    fields = {name: value for name, value in CSRF_RE.findall(html)}
    assert fields, "the page has no CSRF token"
    return fields


def csrf_token(html: str) -> str:
    return next(iter(csrf_fields(html).values()))


def submit(client, url: str, data: dict, *, form_page: str | None = None, **kwargs):
    """Post ``data`` to ``url`` the way a browser does: with the CSRF token of the form's page."""
    page = client.get(form_page or url)
    return client.post(url, data={**csrf_fields(page.get_data(as_text=True)), **data}, **kwargs)


def login(client, user, password: str = PASSWORD):
    response = submit(client, "/login", {"email": user.email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)
    return response


@pytest.fixture
def login_as(client, create_user):
    """Create a user of ``role`` (and State) and sign the test client in as them."""

    def sign_in(role: Role, state_code: str | None = None):
        user = create_user(role, state_code)
        login(client, user)
        return user

    return sign_in


def project_root() -> Path:
    return Path(__file__).resolve().parent.parent


CHECKLISTS_DIR = Path(__file__).resolve().parent.parent / "checklists"


@pytest.fixture
def salvador(db):
    """The Salvador Declaration checklist, imported for this test."""
    from portal.checklists.services import import_template

    template, _ = import_template(CHECKLISTS_DIR / "salvador-declaration.yaml")
    db.session.commit()
    return template


@pytest.fixture
def make_cycle(db, salvador, state):
    """Return a factory of open reporting cycles on the Salvador checklist: make_cycle(["CAN", "ARG"])."""
    import datetime as dt

    from portal.cycles.services import create_cycle, invite_focal_points, open_cycle

    def make(codes=("CAN", "ARG"), *, key="salvador-2026", opens_on=dt.date(2026, 1, 15), is_open=True, notify=False):
        cycle = create_cycle(
            key=key, title=f"Follow-up to the Salvador Declaration ({key})", template=salvador,
            opens_on=opens_on, deadline=opens_on + dt.timedelta(days=90), cutoff_on=opens_on + dt.timedelta(days=100),
            states=[state(code) for code in codes], created_by=None,
        )
        if is_open:
            open_cycle(cycle, None)
            if notify:
                invite_focal_points(cycle)
        db.session.commit()
        return cycle

    return make


@pytest.fixture
def smtp(app, monkeypatch):
    """A real SMTP server on localhost that the app sends its mail to; it refuses addresses containing "refused"."""
    from aiosmtpd.controller import Controller

    from tests.smtp import RefusingMailbox, free_port

    mailbox = RefusingMailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(app.config, "MAIL_PORT", controller.port)
    yield mailbox
    controller.stop()


# Fixtures through which a test reaches the database (the fixtures a test uses include those they use in turn).
DATABASE_FIXTURES = frozenset({"app", "make_app", "db", "tmp_path_factory"})


def pytest_collection_modifyitems(config, items):
    """Refuse a test marked ``database_free`` that reaches a database: .ci/run leaves such tests out of its run on
    PostgreSQL, which would then never run it there."""
    for item in items:
        used = DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        if item.get_closest_marker("database_free") and used:
            raise pytest.UsageError(f"{item.nodeid} is marked database_free but uses {', '.join(sorted(used))}")


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """Compile the message catalogues whose .mo file is missing or older than its .po (as `make` does), so that
    running pytest alone serves translated pages too."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for source in (Path(__file__).resolve().parent.parent / "portal" / "translations").glob("*/LC_MESSAGES/messages.po"):
        target = source.with_suffix(".mo")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        with source.open("rb") as handle:
            catalog = read_po(handle, locale=source.parent.parent.name)
        partial = target.with_suffix(f".{os.getpid()}.part")
        with partial.open("wb") as handle:
            write_mo(handle, catalog)
        partial.replace(target)  # whole, even when two runs compile at once
