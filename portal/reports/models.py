"""A compiled report: its settings, its blocks (headings, paragraphs, tables) with their sources, its editions and jobs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from portal.accounts.models import User
from portal.core.db import Base, IdMixin, LabelledEnum, enum_column, utcnow
from portal.cycles.models import ReportingCycle
from portal.submissions.models import Answer, AnswerRevision


class ReportStatus(LabelledEnum):
    DRAFT = "draft", _l("Draft")
    FINAL = "final", _l("Final")


class BlockKind(LabelledEnum):
    """What a block of a report is; the renderer numbers paragraphs and lettered sub-paragraphs."""

    SUMMARY = "summary", _l("Summary text")
    CHAPTER = "chapter", _l("Chapter heading")
    SECTION = "section", _l("Section heading")
    SUBSECTION = "subsection", _l("Sub-section heading")
    PARAGRAPH = "paragraph", _l("Numbered paragraph")
    SUBPARAGRAPH = "subparagraph", _l("Sub-paragraph")
    ANNEX = "annex", _l("Annex heading")
    TABLE = "table", _l("Table")

    @property
    def is_heading(self) -> bool:
        return self in (BlockKind.CHAPTER, BlockKind.SECTION, BlockKind.SUBSECTION, BlockKind.ANNEX)


class BlockOrigin(LabelledEnum):
    GENERATED = "generated", _l("Generated from the replies")
    STARTING = "starting", _l("Starting text to edit")
    MANUAL = "manual", _l("Added by an editor")


class Report(Base, IdMixin):
    """The Secretariat's report on one cycle: settings (masthead, title block, choices) and the draft's blocks.

    ``settings`` holds a :class:`portal.reports.settings.ReportSettings` as plain JSON.
    """

    __tablename__ = "reports"

    cycle_id: Mapped[int] = mapped_column(sa.ForeignKey("reporting_cycles.id", ondelete="CASCADE"), index=True)
    settings: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    status: Mapped[ReportStatus] = mapped_column(enum_column(ReportStatus, "report_status"), default=ReportStatus.DRAFT)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    compiled_at: Mapped[dt.datetime | None]
    updated_at: Mapped[dt.datetime | None]

    cycle: Mapped[ReportingCycle] = relationship(lazy="joined")
    blocks: Mapped[list[ReportBlock]] = relationship(
        back_populates="report", order_by="ReportBlock.position", cascade="all, delete-orphan", passive_deletes=True
    )

    def __repr__(self) -> str:
        return f"<Report {self.id} on cycle {self.cycle_id}>"


class ReportBlock(Base, IdMixin):
    """One block of a report in document order: a heading, a paragraph, a sub-paragraph or a table.

    Generated blocks carry a stable ``key`` so that recompiling finds them again. ``text`` is what
    the report prints; ``generated_text`` what the last compilation produced. A generated block an
    editor changed is ``edited`` and keeps its text on recompilation; ``sources_changed`` flags that
    the answers behind it changed since. A generated block an editor deleted stays as ``deleted``
    so that recompiling does not bring it back. Text is plain text; ``^[...]`` marks a footnote.

    ``flags`` are where the engine was not sure of ``generated_text`` (``{"start", "end", "reason"}``,
    offsets into it); they show while the block is neither edited nor accepted
    (``flags_accepted_at``), and a recompilation that writes a new text brings its own flags back.
    """

    __tablename__ = "report_blocks"

    report_id: Mapped[int] = mapped_column(sa.ForeignKey("reports.id", ondelete="CASCADE"))
    position: Mapped[int]
    kind: Mapped[BlockKind] = mapped_column(enum_column(BlockKind, "report_block_kind"))
    origin: Mapped[BlockOrigin] = mapped_column(enum_column(BlockOrigin, "report_block_origin"))
    key: Mapped[str | None] = mapped_column(sa.String(200))
    text: Mapped[str] = mapped_column(sa.Text, default="")
    generated_text: Mapped[str | None] = mapped_column(sa.Text)
    data: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    edited: Mapped[bool] = mapped_column(default=False)
    deleted: Mapped[bool] = mapped_column(default=False)
    sources_changed: Mapped[bool] = mapped_column(default=False)
    flags: Mapped[list[dict[str, Any]] | None] = mapped_column(sa.JSON)
    flags_accepted_at: Mapped[dt.datetime | None]
    flags_accepted_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[dt.datetime | None]
    updated_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))

    report: Mapped[Report] = relationship(back_populates="blocks")
    sources: Mapped[list[ReportBlockSource]] = relationship(
        back_populates="block", cascade="all, delete-orphan", passive_deletes=True
    )
    updated_by: Mapped[User | None] = relationship(foreign_keys=[updated_by_id])
    flags_accepted_by: Mapped[User | None] = relationship(foreign_keys=[flags_accepted_by_id])

    __table_args__ = (
        sa.Index("ix_report_blocks_report_id_position", "report_id", "position"),
        sa.Index("uq_report_blocks_report_id_key", "report_id", "key", unique=True),
    )

    @property
    def open_flags(self) -> list[dict[str, Any]]:
        """Return the flags the editor still has to look at: none once the block is edited, deleted or accepted."""
        if not self.flags or self.edited or self.deleted or self.flags_accepted_at is not None:
            return []
        return self.flags


class ReportBlockSource(Base, IdMixin):
    """An answer, at the revision the compilation read, that a generated block came from."""

    __tablename__ = "report_block_sources"

    block_id: Mapped[int] = mapped_column(sa.ForeignKey("report_blocks.id", ondelete="CASCADE"), index=True)
    answer_id: Mapped[int] = mapped_column(sa.ForeignKey("answers.id", ondelete="CASCADE"), index=True)
    revision_id: Mapped[int | None] = mapped_column(sa.ForeignKey("answer_revisions.id", ondelete="SET NULL"))
    revision: Mapped[int]

    block: Mapped[ReportBlock] = relationship(back_populates="sources")
    answer: Mapped[Answer] = relationship()
    answer_revision: Mapped[AnswerRevision | None] = relationship()


class ReportEdition(Base, IdMixin):
    """A finalised report: its PDF stored with every input needed to produce it again identically."""

    __tablename__ = "report_editions"

    report_id: Mapped[int] = mapped_column(sa.ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    finalised_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finalised_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    # Settings, the blocks as printed (kind, text, data, numbers), and the answer revisions they used.
    inputs: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    pdf: Mapped[bytes] = deferred(mapped_column(sa.LargeBinary))
    pdf_sha256: Mapped[str] = mapped_column(sa.String(64))
    pages: Mapped[int]

    report: Mapped[Report] = relationship()
    finalised_by: Mapped[User | None] = relationship()

    __table_args__ = (sa.UniqueConstraint("report_id", "number"),)


class JobKind(LabelledEnum):
    REPORT = "report", _l("Report PDF")
    COMPILATION = "compilation", _l("Compilation of all replies")
    FINALISE = "finalise", _l("Final edition")
    CHECK = "check", _l("Check of a final edition")


class JobStatus(LabelledEnum):
    QUEUED = "queued", _l("Waiting")
    RUNNING = "running", _l("Running")
    DONE = "done", _l("Done")
    FAILED = "failed", _l("Failed")


class ReportJob(Base, IdMixin):
    """A PDF being produced off the request path, with its progress; the PDF is kept here when done."""

    __tablename__ = "report_jobs"

    cycle_id: Mapped[int] = mapped_column(sa.ForeignKey("reporting_cycles.id", ondelete="CASCADE"), index=True)
    report_id: Mapped[int | None] = mapped_column(sa.ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    kind: Mapped[JobKind] = mapped_column(enum_column(JobKind, "report_job_kind"))
    options: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    status: Mapped[JobStatus] = mapped_column(enum_column(JobStatus, "report_job_status"), default=JobStatus.QUEUED)
    progress_done: Mapped[int] = mapped_column(default=0)
    progress_total: Mapped[int] = mapped_column(default=0)
    message: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    started_at: Mapped[dt.datetime | None]
    # Written when the job is claimed and at each step of its progress: a running job whose runner
    # has not written for a while has lost its runner (see jobs.sweep_stopped_jobs).
    heartbeat_at: Mapped[dt.datetime | None]
    finished_at: Mapped[dt.datetime | None]
    pages: Mapped[int | None]
    filename: Mapped[str | None] = mapped_column(sa.String(200))
    pdf: Mapped[bytes | None] = deferred(mapped_column(sa.LargeBinary))

    cycle: Mapped[ReportingCycle] = relationship()
    report: Mapped[Report | None] = relationship()
    created_by: Mapped[User | None] = relationship()
