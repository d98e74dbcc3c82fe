"""Create the tables of Member States, their former names, users, account tokens and the outbox.

Revision ID: 841fc723d12a
Revises:
Create Date: 2026-11-22 13:44:15
"""

import sqlalchemy as sa
from alembic import op

revision = "841fc723d12a"
down_revision = None
branch_labels = None
depends_on = None

REGIONAL_GROUPS = ("african", "asia-pacific", "eastern-european", "latin-american-caribbean", "western-european-other")
ROLES = ("administrator", "secretariat", "focal_point", "contributor")
TOKEN_PURPOSES = ("invitation", "password_reset")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def upgrade():
    op.create_table(
        "member_states",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=3), nullable=False),
        sa.Column("list_name", sa.String(length=120), nullable=False),
        sa.Column("text_name", sa.String(length=140), nullable=False),
        sa.Column("sort_key", sa.String(length=120), nullable=False),
        sa.Column("regional_group", sa.String(length=24), nullable=False),
        sa.Column("is_observer", sa.Boolean(), nullable=False),
        sa.Column("member_since", sa.Date(), nullable=True),
        sa.CheckConstraint("length(code) = 3", name=op.f("ck_member_states_code_length")),
        sa.CheckConstraint(_one_of("regional_group", REGIONAL_GROUPS), name=op.f("ck_member_states_regional_group")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_states")),
        sa.UniqueConstraint("code", name=op.f("uq_member_states_code")),
    )
    op.create_index(op.f("ix_member_states_sort_key"), "member_states", ["sort_key"])

    op.create_table(
        "state_names",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("state_id", sa.Integer(), nullable=False),
        sa.Column("list_name", sa.String(length=120), nullable=False),
        sa.Column("text_name", sa.String(length=140), nullable=False),
        sa.Column("used_until", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["state_id"], ["member_states.id"], name=op.f("fk_state_names_state_id_member_states"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_state_names")),
        sa.UniqueConstraint("state_id", "used_until", name=op.f("uq_state_names_state_id_used_until")),
    )
    op.create_index(op.f("ix_state_names_state_id"), "state_names", ["state_id"])

    op.create_table(
        "outbox_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.String(length=320), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_messages")),
    )
    op.create_index(op.f("ix_outbox_messages_created_at"), "outbox_messages", ["created_at"])

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("role", sa.String(length=13), nullable=False),
        sa.Column("state_id", sa.Integer(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("invited_by_id", sa.Integer(), nullable=True),
        sa.Column("session_version", sa.Integer(), nullable=False),
        sa.CheckConstraint(_one_of("role", ROLES), name=op.f("ck_users_role")),
        sa.CheckConstraint(
            "(role IN ('focal_point', 'contributor')) = (state_id IS NOT NULL)",
            name=op.f("ck_users_state_iff_state_role"),
        ),
        sa.CheckConstraint(_one_of("language", ("en", "fr", "es", "ru", "zh", "ar")), name=op.f("ck_users_language")),
        sa.ForeignKeyConstraint(
            ["invited_by_id"], ["users.id"], name=op.f("fk_users_invited_by_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(["state_id"], ["member_states.id"], name=op.f("fk_users_state_id_member_states")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.create_index(op.f("ix_users_state_id"), "users", ["state_id"])

    op.create_table(
        "account_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=14), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(_one_of("purpose", TOKEN_PURPOSES), name=op.f("ck_account_tokens_token_purpose")),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_account_tokens_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_tokens")),
        sa.UniqueConstraint("digest", name=op.f("uq_account_tokens_digest")),
    )
    op.create_index(op.f("ix_account_tokens_user_id"), "account_tokens", ["user_id"])


def downgrade():
    op.drop_table("account_tokens")
    op.drop_table("users")
    op.drop_table("outbox_messages")
    op.drop_table("state_names")
    op.drop_table("member_states")
