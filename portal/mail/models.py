from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from portal.core.db import Base, IdMixin, utcnow


class OutboxMessage(Base, IdMixin):
    """A message the portal would have sent, kept when no SMTP server is configured (development)."""

    __tablename__ = "outbox_messages"

    recipient: Mapped[str] = mapped_column(sa.String(320))
    subject: Mapped[str] = mapped_column(sa.String(300))
    body: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
