"""Give report blocks the flags of their generated text, and who accepted a flagged paragraph and when.

Revision ID: 04eb28166506
Revises: e44da9c5c70f
Create Date: 2026-12-05 19:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "04eb28166506"
down_revision = "e44da9c5c70f"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("report_blocks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("flags", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("flags_accepted_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("flags_accepted_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_report_blocks_flags_accepted_by_id_users"), "users", ["flags_accepted_by_id"], ["id"],
            ondelete="SET NULL",
        )


def downgrade():
    with op.batch_alter_table("report_blocks", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_report_blocks_flags_accepted_by_id_users"), type_="foreignkey")
        batch_op.drop_column("flags_accepted_by_id")
        batch_op.drop_column("flags_accepted_at")
        batch_op.drop_column("flags")
