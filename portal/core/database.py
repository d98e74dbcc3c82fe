"""Engine set-up for SQLite and PostgreSQL, and the one commit point of a request."""

from __future__ import annotations

import contextlib
import contextvars
from typing import Iterator

from flask import Flask, Response, g, has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine

from portal.core import inputs
from portal.core.extensions import db


def configure_engine_options(app: Flask) -> None:
    """Choose engine options that suit the configured database."""
    options = app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {})
    # JSON columns are written through the input rule: json.dumps would hide a NUL as "\u0000".
    options.setdefault("json_serializer", inputs.json_serializer)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        options.setdefault("pool_pre_ping", True)
        options.setdefault("pool_size", 10)
        options.setdefault("max_overflow", 10)


def install_sqlite_behaviour(app: Flask) -> None:
    """Make SQLite enforce foreign keys and honour BEGIN, SAVEPOINT and transactional DDL.

    Python's sqlite3 module opens transactions itself and never for DDL, which breaks
    savepoints and rolled-back migrations; SQLAlchemy documents this recipe
    ("Serializable isolation / Savepoints / Transactional DDL" in the SQLite dialect notes).
    """
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    with app.app_context():
        engine = db.engine
    _make_sqlite_transactional(engine)


def _make_sqlite_transactional(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE" if _may_write() else "BEGIN")


# Methods whose requests only read (the few writes they make, such as a token's last use, are rare).
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_WRITING: contextvars.ContextVar[bool] = contextvars.ContextVar("writing", default=False)


@contextlib.contextmanager
def writing() -> Iterator[None]:
    """Begin the transactions of the work inside with SQLite's write lock (for work outside requests, such as jobs)."""
    token = _WRITING.set(True)
    try:
        yield
    finally:
        _WRITING.reset(token)


def _may_write() -> bool:
    """Tell whether the transaction beginning now is one that changes data, to take SQLite's write lock at once.

    SQLite lets one writer in at a time. A transaction that begins by reading and then writes
    ("BEGIN", deferred) is refused at once with "database is locked" when another one wrote in
    between: waiting could not help, since each would wait for the other. One that begins with
    "BEGIN IMMEDIATE" takes the write lock first, waiting for it (busy_timeout), and is never
    refused that way. So requests that post, and work marked :func:`writing`, begin immediately;
    pages that only read, and commands, do not, and never keep writers waiting.
    """
    if has_request_context():
        return request.method not in SAFE_METHODS
    return _WRITING.get()


def commit_despite_refusal() -> None:
    """Have this request's changes committed although it answers with a refusal (a 4xx status).

    For refusals that must leave a trace, such as a failed sign-in counted against the next ones.
    The request still commits once, at its end, on its own connection: on SQLite a second
    connection could not write while the request holds the write lock (BEGIN IMMEDIATE).
    """
    g.commit_despite_refusal = True


def init_commit_point(app: Flask) -> None:
    """Commit once at the end of a successful request; roll back otherwise.

    Services only flush. A response with a status below 400 commits the session, and so does
    a refusal (below 500) marked by :func:`commit_despite_refusal`; anything else, and any
    exception, rolls it back.
    """

    @app.after_request
    def commit_session(response: Response) -> Response:
        if response.status_code < 400 or (response.status_code < 500 and g.get("commit_despite_refusal")):
            db.session.commit()
        else:
            db.session.rollback()
        return response

    @app.teardown_request
    def rollback_on_error(error):
        if error is not None:
            db.session.rollback()
