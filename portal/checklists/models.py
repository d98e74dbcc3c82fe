"""Stored checklist template versions, their themes and their items."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.core.db import Base, IdMixin, LabelledEnum, enum_column, utcnow


class Addressee(LabelledEnum):
    """Whom a declaration paragraph calls upon; it decides which questions the item asks."""

    MEMBER_STATES = "member-states", _l("Member States")
    POLICY_BODIES = "policy-bodies", _l("Bodies at the policy level")
    NON_STATE = "non-state", _l("Private sector and civil society")
    DECLARATORY = "declaratory", _l("Declaratory")


class QuestionType(LabelledEnum):
    """The kinds of question the forms and the reports understand."""

    SINGLE_CHOICE = "single_choice", _l("One choice")
    MULTIPLE_CHOICE = "multiple_choice", _l("Several choices")
    LONG_TEXT = "long_text", _l("Long text")
    SHORT_TEXT = "short_text", _l("Short text")
    EMAIL = "email", _l("E-mail address")
    DATE = "date", _l("Date")
    REFERENCES = "references", _l("List of references")
    ENTRIES = "entries", _l("List of entries")
    YES_NO = "yes_no", _l("Yes or no")

    @property
    def has_choices(self) -> bool:
        """Tell whether questions of this type list their choices in the file."""
        return self in (QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE)

    @property
    def can_be_condition(self) -> bool:
        """Tell whether another question may be shown depending on an answer of this type."""
        return self.has_choices or self is QuestionType.YES_NO

    @property
    def takes_placeholder(self) -> bool:
        return self in (QuestionType.SHORT_TEXT, QuestionType.LONG_TEXT, QuestionType.EMAIL)

    @property
    def takes_max_length(self) -> bool:
        """Tell whether questions of this type may set their own limit on the length of a text."""
        return self in (QuestionType.SHORT_TEXT, QuestionType.LONG_TEXT, QuestionType.ENTRIES)


YES_NO_CODES = ("yes", "no")


class ChecklistTemplate(Base, IdMixin):
    """One version of a checklist template, as imported from its YAML file.

    ``locked_at`` is set when a reporting cycle starts using the version; from then
    on its content never changes, and a changed file must carry a new version number.
    """

    __tablename__ = "checklist_templates"

    key: Mapped[str] = mapped_column(sa.String(100))
    version: Mapped[int]
    title: Mapped[dict[str, str]] = mapped_column(sa.JSON)
    short_title: Mapped[dict[str, str]] = mapped_column(sa.JSON)
    source: Mapped[dict[str, str]] = mapped_column(sa.JSON)
    congress: Mapped[dict[str, str] | None] = mapped_column(sa.JSON)
    languages: Mapped[list[str]] = mapped_column(sa.JSON)
    source_file: Mapped[str] = mapped_column(sa.String(255))
    content_hash: Mapped[str] = mapped_column(sa.String(64))
    # Deferred: the whole parsed file is large, and every page that loads a cycle would read it.
    definition: Mapped[dict[str, Any]] = mapped_column(sa.JSON, deferred=True)
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    locked_at: Mapped[dt.datetime | None]

    themes: Mapped[list[ChecklistTheme]] = relationship(
        back_populates="template", order_by="ChecklistTheme.position", cascade="all, delete-orphan", passive_deletes=True
    )
    items: Mapped[list[ChecklistItem]] = relationship(
        back_populates="template", order_by="ChecklistItem.position", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        sa.UniqueConstraint("key", "version"),
        sa.CheckConstraint("version > 0", name="version_positive"),
    )

    @property
    def is_locked(self) -> bool:
        """Tell whether a reporting cycle uses this version (its content is then frozen)."""
        return self.locked_at is not None

    @property
    def general_questions(self) -> list[dict[str, Any]]:
        return self.definition.get("general_questions", [])

    def __repr__(self) -> str:
        return f"<ChecklistTemplate {self.key} v{self.version}>"


class ChecklistTheme(Base, IdMixin):
    """A theme grouping items of one template version, in the file's order."""

    __tablename__ = "checklist_themes"

    template_id: Mapped[int] = mapped_column(sa.ForeignKey("checklist_templates.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(sa.String(60))
    position: Mapped[int]
    title: Mapped[dict[str, str]] = mapped_column(sa.JSON)

    template: Mapped[ChecklistTemplate] = relationship(back_populates="themes")

    __table_args__ = (sa.UniqueConstraint("template_id", "code"),)


class ChecklistItem(Base, IdMixin):
    """One item of a template version: a declaration paragraph and the questions it asks.

    Answers refer to an item by its id and to a question by its code; ``questions``
    holds the item's questions resolved from the file's question set, so that
    the item is complete on its own.
    """

    __tablename__ = "checklist_items"

    template_id: Mapped[int] = mapped_column(sa.ForeignKey("checklist_templates.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(sa.String(40))
    paragraph: Mapped[int]
    theme_code: Mapped[str] = mapped_column(sa.String(60))
    addressee: Mapped[Addressee] = mapped_column(enum_column(Addressee, "addressee"))
    position: Mapped[int]
    text: Mapped[dict[str, str]] = mapped_column(sa.JSON)
    question_set: Mapped[str] = mapped_column(sa.String(60))
    questions: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON)
    replaces: Mapped[str | None] = mapped_column(sa.String(40))

    template: Mapped[ChecklistTemplate] = relationship(back_populates="items")

    __table_args__ = (
        sa.UniqueConstraint("template_id", "code"),
        sa.UniqueConstraint("template_id", "paragraph"),
        # The item's theme belongs to the same template version.
        sa.ForeignKeyConstraint(
            ["template_id", "theme_code"], ["checklist_themes.template_id", "checklist_themes.code"]
        ),
        sa.CheckConstraint("paragraph > 0", name="paragraph_positive"),
    )

    def __repr__(self) -> str:
        return f"<ChecklistItem {self.code}>"
