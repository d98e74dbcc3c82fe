"""Member States: the list (staff) and each State's page with its team."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.accounts import services as accounts
from portal.accounts.models import User
from portal.core.access import STAFF_ROLES, Role, allow, ensure_state_access, signed_in
from portal.core.extensions import db
from portal.core.forms import PortalForm
from portal.states.models import RegionalGroup
from portal.states.services import get_state, list_states

bp = Blueprint("states", __name__, url_prefix="/states")


@bp.get("/")
@allow(Role.ADMINISTRATOR, Role.SECRETARIAT)
def index():
    group_value = request.args.get("group", "")
    group = RegionalGroup(group_value) if group_value in {g.value for g in RegionalGroup} else None
    states = list_states(group=group)
    return render_template("states/index.html", states=states, groups=list(RegionalGroup), group=group)


@bp.get("/<code>")
@signed_in
def show(code: str):
    state = get_state(code)
    ensure_state_access(state.id)
    team = accounts.state_team(state)
    can_invite = current_user.role in STAFF_ROLES or current_user.role is Role.FOCAL_POINT
    return render_template(
        "states/show.html", state=state, team=team, can_invite=can_invite, toggle_form=PortalForm()
    )


@bp.post("/<code>/members/<int:user_id>/active")
@allow(Role.ADMINISTRATOR, Role.FOCAL_POINT)
def set_member_active(code: str, user_id: int):
    """Deactivate or reactivate a member of the State's team."""
    state = get_state(code)
    ensure_state_access(state.id)
    user = db.session.get(User, user_id)
    if user is None or user.state_id != state.id:
        abort(404)
    form = PortalForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        accounts.set_active(current_user, user, request.form.get("active") == "1")
    except accounts.AccountError as error:
        flash(str(error), "error")
    else:
        flash(_("%(name)s can now sign in.", name=user.name) if user.is_active else _("%(name)s can no longer sign in.", name=user.name), "success")
    return redirect(url_for("states.show", code=state.code))
