"""The outbox: messages written instead of sent when no SMTP server is configured."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, render_template

from portal.core.access import Role, allow
from portal.core.extensions import db
from portal.mail.models import OutboxMessage
from portal.mail.outbox import shown_body

bp = Blueprint("mail", __name__, url_prefix="/admin/outbox")


@bp.get("/")
@allow(Role.ADMINISTRATOR)
def outbox():
    messages = db.session.scalars(
        sa.select(OutboxMessage).order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc()).limit(200)
    ).all()
    return render_template("mail/outbox.html", messages=[(message, shown_body(message.body)) for message in messages])
