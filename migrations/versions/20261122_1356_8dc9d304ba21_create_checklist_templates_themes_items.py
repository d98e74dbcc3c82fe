"""Create the tables of checklist template versions, their themes and their items.

Revision ID: 8dc9d304ba21
Revises: 841fc723d12a
Create Date: 2026-11-22 13:56:29
"""

import sqlalchemy as sa
from alembic import op

revision = "8dc9d304ba21"
down_revision = "841fc723d12a"
branch_labels = None
depends_on = None

ADDRESSEES = ("member-states", "policy-bodies", "non-state", "declaratory")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def upgrade():
    op.create_table(
        "checklist_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.JSON(), nullable=False),
        sa.Column("short_title", sa.JSON(), nullable=False),
        sa.Column("source", sa.JSON(), nullable=False),
        sa.Column("congress", sa.JSON(), nullable=True),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("source_file", sa.String(length=255), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("definition", sa.JSON(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("locked_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("version > 0", name=op.f("ck_checklist_templates_version_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_templates")),
        sa.UniqueConstraint("key", "version", name=op.f("uq_checklist_templates_key_version")),
    )

    op.create_table(
        "checklist_themes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["template_id"], ["checklist_templates.id"],
            name=op.f("fk_checklist_themes_template_id_checklist_templates"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_themes")),
        sa.UniqueConstraint("template_id", "code", name=op.f("uq_checklist_themes_template_id_code")),
    )

    op.create_table(
        "checklist_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("paragraph", sa.Integer(), nullable=False),
        sa.Column("theme_code", sa.String(length=60), nullable=False),
        sa.Column("addressee", sa.String(length=13), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.JSON(), nullable=False),
        sa.Column("question_set", sa.String(length=60), nullable=False),
        sa.Column("questions", sa.JSON(), nullable=False),
        sa.Column("replaces", sa.String(length=40), nullable=True),
        sa.CheckConstraint("paragraph > 0", name=op.f("ck_checklist_items_paragraph_positive")),
        sa.CheckConstraint(_one_of("addressee", ADDRESSEES), name=op.f("ck_checklist_items_addressee")),
        sa.ForeignKeyConstraint(
            ["template_id"], ["checklist_templates.id"],
            name=op.f("fk_checklist_items_template_id_checklist_templates"), ondelete="CASCADE",
        ),
        # The item's theme belongs to the same template version.
        sa.ForeignKeyConstraint(
            ["template_id", "theme_code"], ["checklist_themes.template_id", "checklist_themes.code"],
            name=op.f("fk_checklist_items_template_id_checklist_themes"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_items")),
        sa.UniqueConstraint("template_id", "code", name=op.f("uq_checklist_items_template_id_code")),
        sa.UniqueConstraint("template_id", "paragraph", name=op.f("uq_checklist_items_template_id_paragraph")),
    )


def downgrade():
    op.drop_table("checklist_items")
    op.drop_table("checklist_themes")
    op.drop_table("checklist_templates")
