"""Record when each review comment was released to the State, and release those made before a return.

A comment written by the Secretariat is shown to the State's users only once the reply is returned to
them. The comments that existed before a return of their reply were released by that return: each
takes the time of the first return after it was written; the others stay with the Secretariat.

Revision ID: c3e5a7f91d20
Revises: 536b9b56ac73
Create Date: 2026-12-05 16:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "c3e5a7f91d20"
down_revision = "536b9b56ac73"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("review_comments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("released_at", sa.DateTime(timezone=True), nullable=True))
    op.execute(
        """
        UPDATE review_comments SET released_at = (
            SELECT MIN(events.at) FROM submission_events AS events
            WHERE events.submission_id = review_comments.submission_id
              AND events.kind = 'returned'
              AND events.at >= review_comments.created_at
        )
        """
    )


def downgrade():
    with op.batch_alter_table("review_comments", schema=None) as batch_op:
        batch_op.drop_column("released_at")
