"""Let the State answer review comments and mark them addressed, and record an acceptance with comments open.

Revision ID: 9d3f6b2a7c41
Revises: 04eb28166506
Create Date: 2026-12-05 22:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "9d3f6b2a7c41"
down_revision = "04eb28166506"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "review_comment_replies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("comment_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["comment_id"], ["review_comments.id"],
                                name=op.f("fk_review_comment_replies_comment_id_review_comments"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"],
                                name=op.f("fk_review_comment_replies_author_id_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_comment_replies")),
    )
    with op.batch_alter_table("review_comment_replies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_comment_replies_comment_id"), ["comment_id"], unique=False)
    with op.batch_alter_table("review_comments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("addressed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("addressed_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_review_comments_addressed_by_id_users"), "users", ["addressed_by_id"], ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("submission_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("open_comments", sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table("submission_events", schema=None) as batch_op:
        batch_op.drop_column("open_comments")
    with op.batch_alter_table("review_comments", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_review_comments_addressed_by_id_users"), type_="foreignkey")
        batch_op.drop_column("addressed_by_id")
        batch_op.drop_column("addressed_at")
    with op.batch_alter_table("review_comment_replies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_comment_replies_comment_id"))
    op.drop_table("review_comment_replies")
