from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.core.db import Base, IdMixin, LabelledEnum, enum_column, utcnow


class TokenEnd(LabelledEnum):
    """Why a token was revoked before it expired."""

    REVOKED = "revoked", _l("Revoked")
    PASSWORD_CHANGED = "password_changed", _l("Revoked when the password changed")
    DEACTIVATED = "deactivated", _l("Revoked when the account was deactivated")


class ApiToken(Base, IdMixin):
    """A personal token for the API. Only its SHA-256 digest is stored; the person sees it once."""

    __tablename__ = "api_tokens"

    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(100))
    digest: Mapped[str] = mapped_column(sa.String(64), unique=True)
    prefix: Mapped[str] = mapped_column(sa.String(12))  # shown in lists so people can tell tokens apart
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
    last_used_at: Mapped[dt.datetime | None]
    revoked_at: Mapped[dt.datetime | None]
    revoked_reason: Mapped[TokenEnd | None] = mapped_column(enum_column(TokenEnd, "api_token_end"))

    user: Mapped[User] = relationship()

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= utcnow()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.is_expired
