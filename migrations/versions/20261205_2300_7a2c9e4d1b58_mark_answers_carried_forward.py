"""Mark answers (and their revisions) copied from an earlier cycle's reply, with that cycle.

Revision ID: 7a2c9e4d1b58
Revises: 5b8e1f0c9a37
Create Date: 2026-12-05 23:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "7a2c9e4d1b58"
down_revision = "5b8e1f0c9a37"
branch_labels = None
depends_on = None


def upgrade():
    for table in ("answers", "answer_revisions"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("carried_from_cycle_id", sa.Integer(), nullable=True))
            batch_op.create_foreign_key(
                batch_op.f(f"fk_{table}_carried_from_cycle_id_reporting_cycles"), "reporting_cycles",
                ["carried_from_cycle_id"], ["id"], ondelete="SET NULL",
            )


def downgrade():
    for table in ("answer_revisions", "answers"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f"fk_{table}_carried_from_cycle_id_reporting_cycles"), type_="foreignkey")
            batch_op.drop_column("carried_from_cycle_id")
