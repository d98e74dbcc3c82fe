from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.checklists.models import ChecklistTemplate
from portal.core.db import Base, IdMixin, LabelledEnum, enum_column, utcnow
from portal.states.models import MemberState


class CycleStatus(LabelledEnum):
    PREPARATION = "preparation", _l("In preparation")
    OPEN = "open", _l("Open")
    CLOSED = "closed", _l("Closed")


class ReportingCycle(Base, IdMixin):
    """One round of reporting (for example "Follow-up to the Salvador Declaration, 2011")."""

    __tablename__ = "reporting_cycles"

    key: Mapped[str] = mapped_column(sa.String(80), unique=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    template_id: Mapped[int] = mapped_column(sa.ForeignKey("checklist_templates.id"), index=True)
    opens_on: Mapped[dt.date]
    deadline: Mapped[dt.date]
    cutoff_on: Mapped[dt.date]
    status: Mapped[CycleStatus] = mapped_column(enum_column(CycleStatus, "cycle_status"), default=CycleStatus.PREPARATION)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    opened_at: Mapped[dt.datetime | None]
    closed_at: Mapped[dt.datetime | None]

    template: Mapped[ChecklistTemplate] = relationship(lazy="joined")
    invitations: Mapped[list[CycleInvitation]] = relationship(
        back_populates="cycle", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        sa.CheckConstraint("deadline >= opens_on", name="deadline_after_opening"),
        sa.CheckConstraint("cutoff_on >= opens_on", name="cutoff_after_opening"),
    )

    def __repr__(self) -> str:
        return f"<ReportingCycle {self.key}>"


class CycleInvitation(Base, IdMixin):
    """A State invited to reply in a cycle."""

    __tablename__ = "cycle_invitations"

    cycle_id: Mapped[int] = mapped_column(sa.ForeignKey("reporting_cycles.id", ondelete="CASCADE"))
    state_id: Mapped[int] = mapped_column(sa.ForeignKey("member_states.id"), index=True)

    cycle: Mapped[ReportingCycle] = relationship(back_populates="invitations")
    state: Mapped[MemberState] = relationship(lazy="joined")

    __table_args__ = (sa.UniqueConstraint("cycle_id", "state_id"),)
