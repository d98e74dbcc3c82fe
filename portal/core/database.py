"""Engine set-up for SQLite and PostgreSQL, and the one commit point of a request."""

from __future__ import annotations

from flask import Flask, Response
from sqlalchemy import event
from sqlalchemy.engine import Engine

from portal.core.extensions import db


def configure_engine_options(app: Flask) -> None:
    """Choose engine options that suit the configured database."""
    options = app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {})
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
        connection.exec_driver_sql("BEGIN")


def init_commit_point(app: Flask) -> None:
    """Commit once at the end of a successful request; roll back otherwise.

    Services only flush. A response with a status below 400 commits the session;
    anything else, and any exception, rolls it back.
    """

    @app.after_request
    def commit_session(response: Response) -> Response:
        if response.status_code < 400:
            db.session.commit()
        else:
            db.session.rollback()
        return response

    @app.teardown_request
    def rollback_on_error(error):
        if error is not None:
            db.session.rollback()
