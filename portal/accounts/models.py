from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.core.access import Role
from portal.core.db import Base, IdMixin, LabelledEnum, enum_column, utcnow
from portal.states.models import MemberState

# The six official languages of the United Nations, each named in itself, in the order of the UN (the
# alphabetical order of their English names: Arabic, Chinese, English, French, Russian, Spanish).
LANGUAGES = {
    "ar": "العربية",
    "zh": "中文",
    "en": "English",
    "fr": "Français",
    "ru": "Русский",
    "es": "Español",
}
# The language chosen with the switch before signing in (and after), for a year.
LANGUAGE_COOKIE = "portal_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600


class User(Base, IdMixin):
    """A person who signs in: Secretariat staff, or a focal point or contributor of one State."""

    __tablename__ = "users"

    email: Mapped[str] = mapped_column(sa.String(320), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    language: Mapped[str] = mapped_column(sa.String(5), default="en")
    password_hash: Mapped[str | None] = mapped_column(sa.String(200))
    role: Mapped[Role] = mapped_column(enum_column(Role, "role"))
    state_id: Mapped[int | None] = mapped_column(sa.ForeignKey("member_states.id"), index=True)
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[dt.datetime | None]
    invited_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    # Changes whenever the password changes, so that sessions opened with the old one end.
    session_version: Mapped[int] = mapped_column(default=1)

    state: Mapped[MemberState | None] = relationship(lazy="joined")
    invited_by: Mapped[User | None] = relationship(remote_side="User.id")

    __table_args__ = (
        sa.CheckConstraint(
            "(role IN ('focal_point', 'contributor')) = (state_id IS NOT NULL)",
            name="state_iff_state_role",
        ),
        sa.CheckConstraint(f"language IN ({', '.join(repr(code) for code in LANGUAGES)})", name="language"),
    )

    # Flask-Login's user interface.
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    @property
    def has_accepted_invitation(self) -> bool:
        return self.password_hash is not None

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role.value}>"


class TokenPurpose(LabelledEnum):
    INVITATION = "invitation", _l("Invitation")
    PASSWORD_RESET = "password_reset", _l("Password reset")


class AccountToken(Base, IdMixin):
    """A single-use, expiring link sent by mail (an invitation or a password reset).

    Only the token's SHA-256 digest is stored, so a copy of the database opens no account.
    """

    __tablename__ = "account_tokens"

    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[TokenPurpose] = mapped_column(enum_column(TokenPurpose, "token_purpose"))
    digest: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None]

    user: Mapped[User] = relationship()

    def is_usable(self, now: dt.datetime) -> bool:
        return self.used_at is None and now < self.expires_at


class SessionEnd(LabelledEnum):
    """Why a signed-in session ended before its time."""

    SIGNED_OUT = "signed_out", _l("Signed out")
    PASSWORD_CHANGED = "password_changed", _l("Password changed")
    ACCESS_CHANGED = "access_changed", _l("Role, State or access changed")


class UserSession(Base, IdMixin):
    """A signed-in browser, kept on the server so that it can be ended there.

    The session cookie carries a random id; only its SHA-256 digest is stored. Signing out, a
    password change and a change of access end the row, and with it every copy of the cookie.
    """

    __tablename__ = "user_sessions"

    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    digest: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[dt.datetime | None]
    end_reason: Mapped[SessionEnd | None] = mapped_column(enum_column(SessionEnd, "session_end"))

    user: Mapped[User] = relationship()

    __table_args__ = (sa.CheckConstraint("(ended_at IS NULL) = (end_reason IS NULL)", name="ended_with_reason"),)


class ThrottleEvent(Base, IdMixin):
    """One counted attempt (a failed sign-in, a request for a password link), when Redis is not configured.

    ``key`` says what it counts against (``"account:<digest>"``, ``"address:<digest>"``, ...): a keyed
    digest, so the table holds neither addresses nor the e-mail addresses people typed.
    """

    __tablename__ = "throttle_events"

    key: Mapped[str] = mapped_column(sa.String(80))
    occurred_at: Mapped[dt.datetime] = mapped_column(index=True)

    __table_args__ = (sa.Index("ix_throttle_events_key_occurred_at", "key", "occurred_at"),)
