from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.checklists.models import ChecklistItem
from portal.core.db import Base, IdMixin, LabelledEnum, enum_column, utcnow
from portal.cycles.models import ReportingCycle
from portal.states.models import MemberState

# The answer code under which an item is marked "no change since the last report".
# Question codes start with a letter, so it cannot clash with a template's question.
UNCHANGED = "_unchanged"


class SubmissionStatus(LabelledEnum):
    NOT_STARTED = "not_started", _l("Not started")
    DRAFT = "draft", _l("Draft")
    SUBMITTED = "submitted", _l("Submitted")
    RETURNED = "returned", _l("Returned for revision")
    ACCEPTED = "accepted", _l("Accepted")

    @property
    def is_editable(self) -> bool:
        """Tell whether the State may still change its answers."""
        return self in (SubmissionStatus.NOT_STARTED, SubmissionStatus.DRAFT, SubmissionStatus.RETURNED)


class Submission(Base, IdMixin):
    """One State's reply in one reporting cycle."""

    __tablename__ = "submissions"

    cycle_id: Mapped[int] = mapped_column(sa.ForeignKey("reporting_cycles.id", ondelete="CASCADE"))
    state_id: Mapped[int] = mapped_column(sa.ForeignKey("member_states.id"), index=True)
    status: Mapped[SubmissionStatus] = mapped_column(
        enum_column(SubmissionStatus, "submission_status"), default=SubmissionStatus.NOT_STARTED
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_activity_at: Mapped[dt.datetime | None]
    submitted_at: Mapped[dt.datetime | None]
    accepted_at: Mapped[dt.datetime | None]
    reopen_requested_at: Mapped[dt.datetime | None]
    # Progress, kept up to date on every save so that dashboards need no computation:
    # {item code: [answered required questions, required questions]} and the two sums.
    item_progress: Mapped[dict[str, list[int]]] = mapped_column(sa.JSON, default=dict)
    answered_count: Mapped[int] = mapped_column(default=0)
    required_count: Mapped[int] = mapped_column(default=0)

    cycle: Mapped[ReportingCycle] = relationship(lazy="joined")
    state: Mapped[MemberState] = relationship(lazy="joined")

    __table_args__ = (sa.UniqueConstraint("cycle_id", "state_id"),)

    @property
    def percent_complete(self) -> int:
        if not self.required_count:
            return 0
        return round(100 * self.answered_count / self.required_count)

    def __repr__(self) -> str:
        return f"<Submission {self.cycle_id}/{self.state_id} {self.status.value}>"


class Answer(Base, IdMixin):
    """The current answer to one question of one item (or a general question, item None)."""

    __tablename__ = "answers"

    submission_id: Mapped[int] = mapped_column(sa.ForeignKey("submissions.id", ondelete="CASCADE"))
    item_id: Mapped[int | None] = mapped_column(sa.ForeignKey("checklist_items.id"))
    question_code: Mapped[str] = mapped_column(sa.String(40))
    value: Mapped[Any] = mapped_column(sa.JSON, nullable=True)
    revision: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    # The earlier cycle whose reply this answer was copied from, while nobody has changed it since.
    carried_from_cycle_id: Mapped[int | None] = mapped_column(sa.ForeignKey("reporting_cycles.id", ondelete="SET NULL"))

    item: Mapped[ChecklistItem | None] = relationship()
    updated_by: Mapped[User | None] = relationship()

    __table_args__ = (
        sa.Index(
            "uq_answers_item_question",
            "submission_id",
            "item_id",
            "question_code",
            unique=True,
            sqlite_where=sa.text("item_id IS NOT NULL"),
            postgresql_where=sa.text("item_id IS NOT NULL"),
        ),
        sa.Index(
            "uq_answers_general_question",
            "submission_id",
            "question_code",
            unique=True,
            sqlite_where=sa.text("item_id IS NULL"),
            postgresql_where=sa.text("item_id IS NULL"),
        ),
        sa.CheckConstraint("revision > 0", name="revision_positive"),
    )
    # Every UPDATE of an answer says "WHERE revision = <the revision read>": a save made over a
    # revision somebody else wrote in the meantime changes no row, and is refused as a conflict.
    __mapper_args__ = {"version_id_col": revision, "version_id_generator": False}


class AnswerRevision(Base, IdMixin):
    """One change of an answer: who, when, and the value it then took (the previous revision is the before)."""

    __tablename__ = "answer_revisions"

    answer_id: Mapped[int] = mapped_column(sa.ForeignKey("answers.id", ondelete="CASCADE"))
    revision: Mapped[int]
    value: Mapped[Any] = mapped_column(sa.JSON, nullable=True)
    changed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    changed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    # The earlier cycle whose reply this revision copied, for a copy; None for what a person typed.
    carried_from_cycle_id: Mapped[int | None] = mapped_column(sa.ForeignKey("reporting_cycles.id", ondelete="SET NULL"))

    changed_by: Mapped[User | None] = relationship()

    __table_args__ = (sa.UniqueConstraint("answer_id", "revision"),)


class EventKind(LabelledEnum):
    OPENED = "opened", _l("Invited to reply")
    STARTED = "started", _l("Started")
    SUBMITTED = "submitted", _l("Submitted")
    RETURNED = "returned", _l("Returned for revision")
    ACCEPTED = "accepted", _l("Accepted")
    REOPEN_REQUESTED = "reopen_requested", _l("Asked to reopen")
    REOPENED = "reopened", _l("Reopened")


class SubmissionEvent(Base, IdMixin):
    """A step in a submission's timeline: every transition, with who and when."""

    __tablename__ = "submission_events"

    submission_id: Mapped[int] = mapped_column(sa.ForeignKey("submissions.id", ondelete="CASCADE"), index=True)
    kind: Mapped[EventKind] = mapped_column(enum_column(EventKind, "event_kind"))
    from_status: Mapped[SubmissionStatus | None] = mapped_column(enum_column(SubmissionStatus, "event_from_status"))
    to_status: Mapped[SubmissionStatus] = mapped_column(enum_column(SubmissionStatus, "event_to_status"))
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(sa.Text)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # An acceptance confirmed while comments were still unresolved: how many (None: none were).
    open_comments: Mapped[int | None]

    actor: Mapped[User | None] = relationship()


class ReviewComment(Base, IdMixin):
    """The Secretariat's comment on one item of a reply (or on the general questions, item None)."""

    __tablename__ = "review_comments"

    submission_id: Mapped[int] = mapped_column(sa.ForeignKey("submissions.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int | None] = mapped_column(sa.ForeignKey("checklist_items.id"))
    body: Mapped[str] = mapped_column(sa.Text)
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[dt.datetime | None]
    # When returning the reply showed the comment to the State; until then only the Secretariat reads it.
    released_at: Mapped[dt.datetime | None]
    # When the State said it had dealt with the comment, and who; the reviewer then resolves it (or asks again).
    addressed_at: Mapped[dt.datetime | None]
    addressed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))

    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    addressed_by: Mapped[User | None] = relationship(foreign_keys=[addressed_by_id])
    item: Mapped[ChecklistItem | None] = relationship()
    replies: Mapped[list[CommentReply]] = relationship(
        order_by="(CommentReply.created_at, CommentReply.id)", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def is_open(self) -> bool:
        """Tell whether the comment waits for the State: neither addressed nor resolved."""
        return self.resolved_at is None and self.addressed_at is None


class CommentReply(Base, IdMixin):
    """One message of the conversation under a review comment, by the State or the Secretariat."""

    __tablename__ = "review_comment_replies"

    comment_id: Mapped[int] = mapped_column(sa.ForeignKey("review_comments.id", ondelete="CASCADE"), index=True)
    body: Mapped[str] = mapped_column(sa.Text)
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    author: Mapped[User | None] = relationship()


class ThemeAssignment(Base, IdMixin):
    """A theme of a submission given by the focal point to a contributor."""

    __tablename__ = "theme_assignments"

    submission_id: Mapped[int] = mapped_column(sa.ForeignKey("submissions.id", ondelete="CASCADE"), index=True)
    theme_code: Mapped[str] = mapped_column(sa.String(60))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)

    user: Mapped[User] = relationship()

    __table_args__ = (sa.UniqueConstraint("submission_id", "theme_code", "user_id"),)


class ReplyNotice(Base, IdMixin):
    """A reply submitted (or submitted again) that a Secretariat officer is to be told of, in their next daily mail."""

    __tablename__ = "reply_notices"

    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    submission_id: Mapped[int] = mapped_column(sa.ForeignKey("submissions.id", ondelete="CASCADE"))
    is_resubmission: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # When the mail listing it went; None while it waits (a failed delivery puts it back).
    sent_at: Mapped[dt.datetime | None]

    submission: Mapped[Submission] = relationship()
