"""Give API tokens an expiry (a year after creation for existing tokens) and the reason they were revoked.

Revision ID: e44da9c5c70f
Revises: c3e5a7f91d20
Create Date: 2026-12-05 16:30:00
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "e44da9c5c70f"
down_revision = "c3e5a7f91d20"
branch_labels = None
depends_on = None

EXISTING_TOKENS_LAST = dt.timedelta(days=365)  # the longest a new token may be given
END_REASONS = ("revoked", "password_changed", "deactivated")


def upgrade():
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.add_column(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("revoked_reason", sa.String(length=16), nullable=True))
        batch_op.create_check_constraint(
            "api_token_end", "revoked_reason IN (" + ", ".join(f"'{reason}'" for reason in END_REASONS) + ")"
        )

    # computed in Python: SQLite and PostgreSQL add intervals to timestamps differently
    tokens = sa.table("api_tokens", sa.column("id", sa.Integer), sa.column("created_at", sa.DateTime(timezone=True)),
                      sa.column("expires_at", sa.DateTime(timezone=True)),
                      sa.column("revoked_at", sa.DateTime(timezone=True)), sa.column("revoked_reason", sa.String))
    connection = op.get_bind()
    for token_id, created_at in connection.execute(sa.select(tokens.c.id, tokens.c.created_at)).all():
        connection.execute(sa.update(tokens).where(tokens.c.id == token_id).values(expires_at=created_at + EXISTING_TOKENS_LAST))
    connection.execute(sa.update(tokens).where(tokens.c.revoked_at.is_not(None)).values(revoked_reason="revoked"))

    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.alter_column("expires_at", existing_type=sa.DateTime(timezone=True), nullable=False)


def downgrade():
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_api_tokens_api_token_end"), type_="check")
        batch_op.drop_column("revoked_reason")
        batch_op.drop_column("expires_at")
