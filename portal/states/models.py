from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.core.db import Base, IdMixin, LabelledEnum, enum_column
from portal.states.names import folded, former_name_in, name_in, reader_language


class RegionalGroup(LabelledEnum):
    """The five United Nations regional groups."""

    AFRICAN = "african", _l("African States")
    ASIA_PACIFIC = "asia-pacific", _l("Asia-Pacific States")
    EASTERN_EUROPEAN = "eastern-european", _l("Eastern European States")
    LATIN_AMERICAN_CARIBBEAN = "latin-american-caribbean", _l("Latin American and Caribbean States")
    WESTERN_EUROPEAN_OTHER = "western-european-other", _l("Western European and other States")


class MemberState(Base, IdMixin):
    """A Member State of the United Nations, or an observer State (flagged)."""

    __tablename__ = "member_states"

    code: Mapped[str] = mapped_column(sa.String(3), unique=True)
    list_name: Mapped[str] = mapped_column(sa.String(120))
    text_name: Mapped[str] = mapped_column(sa.String(140))
    sort_key: Mapped[str] = mapped_column(sa.String(120), index=True)
    regional_group: Mapped[RegionalGroup] = mapped_column(enum_column(RegionalGroup, "regional_group"))
    is_observer: Mapped[bool] = mapped_column(default=False)
    member_since: Mapped[dt.date | None]

    former_names: Mapped[list[StateName]] = relationship(
        back_populates="state", order_by="StateName.used_until", cascade="all, delete-orphan"
    )

    __table_args__ = (sa.CheckConstraint("length(code) = 3", name="code_length"),)

    @property
    def name(self) -> str:
        """The State's list name in the reader's language ("Allemagne" on a French page, "Germany" in English)."""
        return name_in(self.code, self.list_name, reader_language())

    @property
    def name_sort_key(self) -> str:
        """The key that puts the State in its place in an alphabetical list in the reader's language (Chinese lists
        keep the English order: ordering by pinyin or by strokes needs data the portal does not hold)."""
        return self.sort_key if reader_language() in ("en", "zh") else folded(self.name)

    def former_name_on(self, date: dt.date) -> StateName | None:
        """Return the former name in use on ``date`` (None when the present name was)."""
        return next((former for former in self.former_names if date < former.used_until), None)

    def names_on(self, date: dt.date) -> tuple[str, str]:
        """Return the (list name, running-text name) in force on ``date``."""
        former = self.former_name_on(date)
        return (former.list_name, former.text_name) if former else (self.list_name, self.text_name)

    def name_on(self, date: dt.date, language: str | None = None) -> str:
        """The State's list name in force on ``date``, in ``language`` (the reader's by default): "Swazilandia" for
        Eswatini in a Spanish reply to a cycle of 2011."""
        language = language or reader_language()
        former = self.former_name_on(date)
        if former:
            return former_name_in(self.code, former.used_until.isoformat(), former.list_name, language)
        return name_in(self.code, self.list_name, language)

    def list_name_on(self, date: dt.date) -> str:
        return self.names_on(date)[0]

    def text_name_on(self, date: dt.date) -> str:
        return self.names_on(date)[1]

    def __repr__(self) -> str:
        return f"<MemberState {self.code}>"


class StateName(Base, IdMixin):
    """A name a State used before ``used_until`` (the day its next name came into use)."""

    __tablename__ = "state_names"

    state_id: Mapped[int] = mapped_column(sa.ForeignKey("member_states.id", ondelete="CASCADE"), index=True)
    list_name: Mapped[str] = mapped_column(sa.String(120))
    text_name: Mapped[str] = mapped_column(sa.String(140))
    used_until: Mapped[dt.date]

    state: Mapped[MemberState] = relationship(back_populates="former_names")

    __table_args__ = (sa.UniqueConstraint("state_id", "used_until"),)
