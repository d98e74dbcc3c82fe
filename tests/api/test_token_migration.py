"""The migration that gives tokens an expiry: existing tokens last a year from creation, revoked ones say so."""

import datetime as dt

import flask_migrate
import sqlalchemy as sa

from portal.core.extensions import db
from tests.conftest import make_test_config

REVISION = "e44da9c5c70f"


def test_existing_tokens_get_a_year_and_the_migration_goes_down_again(make_app, tmp_path):
    # a database of its own: the shared test database stays at the head
    app = make_app(make_test_config(f"sqlite:///{tmp_path / 'migration.sqlite3'}"))
    created = dt.datetime(2026, 3, 1, 12, 30, tzinfo=dt.timezone.utc)
    with app.app_context():
        flask_migrate.upgrade(revision=f"{REVISION}-1")
        with db.engine.begin() as connection:
            connection.execute(sa.text(
                "INSERT INTO users (id, email, name, language, role, is_active, created_at, session_version) "
                "VALUES (1, 'a@example.org', 'A', 'en', 'secretariat', 1, :created, 1)"), {"created": created})
            for token_id, revoked in ((1, None), (2, created + dt.timedelta(days=2))):
                connection.execute(sa.text(
                    "INSERT INTO api_tokens (id, user_id, name, digest, prefix, created_at, revoked_at) "
                    "VALUES (:id, 1, 'script', :digest, 'upt_abcdef', :created, :revoked)"),
                    {"id": token_id, "digest": f"{token_id:064d}", "created": created, "revoked": revoked})
        flask_migrate.upgrade(revision=REVISION)
        with db.engine.connect() as connection:
            rows = connection.execute(sa.text("SELECT id, expires_at, revoked_reason FROM api_tokens ORDER BY id")).all()
        assert [(row.id, row.revoked_reason) for row in rows] == [(1, None), (2, "revoked")]
        for row in rows:
            expires_at = row.expires_at if isinstance(row.expires_at, dt.datetime) else dt.datetime.fromisoformat(row.expires_at)
            assert expires_at.replace(tzinfo=dt.timezone.utc) == created + dt.timedelta(days=365)
        flask_migrate.downgrade(revision=f"{REVISION}-1")
        columns = {column["name"] for column in sa.inspect(db.engine).get_columns("api_tokens")}
        assert "expires_at" not in columns and "revoked_reason" not in columns
        db.session.remove()
