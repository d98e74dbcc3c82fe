"""The migration that gives report blocks their flags and who accepted them: nullable columns, and down again."""

import flask_migrate
import sqlalchemy as sa

from portal.core.extensions import db
from tests.conftest import make_test_config

REVISION = "04eb28166506"
COLUMNS = {"flags", "flags_accepted_at", "flags_accepted_by_id"}


def test_blocks_get_nullable_flag_columns_and_the_migration_goes_down_again(make_app, tmp_path):
    # a database of its own: the shared test database stays at the head
    app = make_app(make_test_config(f"sqlite:///{tmp_path / 'migration.sqlite3'}"))
    with app.app_context():
        flask_migrate.upgrade(revision=f"{REVISION}-1")
        assert not COLUMNS & {column["name"] for column in sa.inspect(db.engine).get_columns("report_blocks")}
        flask_migrate.upgrade(revision=REVISION)
        columns = {column["name"]: column for column in sa.inspect(db.engine).get_columns("report_blocks")}
        assert COLUMNS <= set(columns) and all(columns[name]["nullable"] for name in COLUMNS)
        foreign = [key for key in sa.inspect(db.engine).get_foreign_keys("report_blocks")
                   if key["constrained_columns"] == ["flags_accepted_by_id"]]
        assert foreign and foreign[0]["referred_table"] == "users" and foreign[0]["options"].get("ondelete") == "SET NULL"
        flask_migrate.downgrade(revision=f"{REVISION}-1")
        assert not COLUMNS & {column["name"] for column in sa.inspect(db.engine).get_columns("report_blocks")}
        db.session.remove()
