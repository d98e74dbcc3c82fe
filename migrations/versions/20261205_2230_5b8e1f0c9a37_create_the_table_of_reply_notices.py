"""Create the table of the replies submitted that each Secretariat officer is to be told of in a daily mail.

Revision ID: 5b8e1f0c9a37
Revises: 9d3f6b2a7c41
Create Date: 2026-12-05 22:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "5b8e1f0c9a37"
down_revision = "9d3f6b2a7c41"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "reply_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("is_resubmission", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_reply_notices_user_id_users"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["submission_id"], ["submissions.id"],
                                name=op.f("fk_reply_notices_submission_id_submissions"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reply_notices")),
    )
    with op.batch_alter_table("reply_notices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reply_notices_user_id"), ["user_id"], unique=False)


def downgrade():
    with op.batch_alter_table("reply_notices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reply_notices_user_id"))
    op.drop_table("reply_notices")
