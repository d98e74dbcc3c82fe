from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user

from portal.core.access import STAFF_ROLES, public, signed_in
from portal.core.extensions import db
from portal.cycles.models import CycleStatus
from portal.cycles.summaries import cycle_summaries, replies_of_state
from portal.review.services import return_notice

bp = Blueprint("dashboard", __name__)


@bp.get("/")
@public
def home():
    if current_user.is_authenticated:
        return redirect(url_for("dashboard.index"))
    return redirect(url_for("accounts.login"))


@bp.get("/dashboard")
@signed_in
def index():
    """Show a State's people their replies, and staff the cycles now open with their counts."""
    if current_user.role in STAFF_ROLES:
        return render_template("dashboard/index.html", open_cycles=cycle_summaries(statuses=(CycleStatus.OPEN,)),
                               replies=[], returns={})
    replies = replies_of_state(current_user.state_id) if current_user.state_id else []
    notices = {reply.id: notice for reply in replies if (notice := return_notice(reply, current_user)) is not None}
    return render_template("dashboard/index.html", open_cycles=[], replies=replies, returns=notices)


@bp.get("/help")
@public
def guide():
    """Show the short guide for focal points: how a reply is prepared, submitted and reviewed."""
    return render_template("dashboard/guide.html")


@bp.get("/healthz")
@public
def health():
    """Answer the load balancer's health check: the process runs and reaches its database."""
    db.session.execute(sa.select(1))
    return {"status": "ok"}
