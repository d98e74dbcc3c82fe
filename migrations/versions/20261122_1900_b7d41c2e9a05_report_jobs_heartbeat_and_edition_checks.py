"""Give report jobs a heartbeat (to find jobs whose runner stopped) and a kind for checking a final edition.

Revision ID: b7d41c2e9a05
Revises: 3617ae221922
Create Date: 2026-11-22 19:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "b7d41c2e9a05"
down_revision = "3617ae221922"
branch_labels = None
depends_on = None

OLD_KINDS = ("report", "compilation", "finalise")
NEW_KINDS = (*OLD_KINDS, "check")


def _kind_check(kinds: tuple[str, ...]) -> str:
    return "kind IN (" + ", ".join(f"'{kind}'" for kind in kinds) + ")"


def upgrade():
    with op.batch_alter_table("report_jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.drop_constraint(op.f("ck_report_jobs_report_job_kind"), type_="check")
        batch_op.create_check_constraint("report_job_kind", _kind_check(NEW_KINDS))


def downgrade():
    op.execute("DELETE FROM report_jobs WHERE kind = 'check'")
    with op.batch_alter_table("report_jobs", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_report_jobs_report_job_kind"), type_="check")
        batch_op.create_check_constraint("report_job_kind", _kind_check(OLD_KINDS))
        batch_op.drop_column("heartbeat_at")
