"""User administration: list accounts, change their role and State, deactivate them."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.accounts import services as accounts
from portal.accounts.forms import UserEditForm
from portal.accounts.models import User
from portal.core.access import Role, allow
from portal.core.extensions import db
from portal.core.forms import select_choices
from portal.core.integers import int_parameter
from portal.states.services import find_state, list_states

bp = Blueprint("admin", __name__, url_prefix="/admin")

PAGE_SIZE = 50


@bp.get("/users")
@allow(Role.ADMINISTRATOR, Role.SECRETARIAT)
def users():
    query = sa.select(User).order_by(User.name, User.id)
    role = request.args.get("role", "")
    if role in {r.value for r in Role}:
        query = query.where(User.role == Role(role))
    state = find_state(request.args.get("state", "")) if request.args.get("state") else None
    if state is not None:
        query = query.where(User.state_id == state.id)
    search = request.args.get("q", "").strip()
    if search:
        pattern = f"%{search.lower()}%"
        query = query.where(sa.or_(sa.func.lower(User.name).like(pattern), User.email.like(pattern)))
    page = int_parameter(request.args, "page", 1, low=1)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
    people = db.session.scalars(query.limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)).all()
    return render_template(
        "admin/users.html",
        users=people,
        total=total,
        page=page,
        pages=max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1),
        roles=list(Role),
        states=list_states(),
        filters={"role": role, "state": state.code if state else "", "q": search},
    )


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@allow(Role.ADMINISTRATOR)
def edit_user(user_id: int):
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    form = UserEditForm(obj=user if request.method == "GET" else None)
    form.state.choices = select_choices([("", _("(none: Secretariat staff)"))] + [(s.code, s.name) for s in list_states()])
    if request.method == "GET":
        form.role.data = user.role.value
        form.state.data = user.state.code if user.state else ""
    if form.validate_on_submit():
        try:
            accounts.update_user(
                current_user,
                user,
                role=Role(form.role.data),
                state=find_state(form.state.data) if form.state.data else None,
                is_active=form.is_active.data,
            )
        except accounts.AccountError as error:
            getattr(form, error.field).errors.append(str(error))
        else:
            flash(_("The account of %(name)s was updated.", name=user.name), "success")
            return redirect(url_for("admin.users"))
    status = 200 if not form.errors else 422
    return render_template("admin/edit_user.html", form=form, user=user), status
