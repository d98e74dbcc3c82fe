from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user

from portal.core.access import public, signed_in
from portal.core.extensions import db

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
    return render_template("dashboard/index.html")


@bp.get("/healthz")
@public
def health():
    """Answer the load balancer's health check: the process runs and reaches its database."""
    db.session.execute(sa.select(1))
    return {"status": "ok"}
