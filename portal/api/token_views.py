"""The account page's API tokens: create one (shown once), list them, revoke one."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length

from portal.api import tokens
from portal.core.access import signed_in
from portal.core.forms import PortalForm, select_choices

bp = Blueprint("tokens", __name__, url_prefix="/account/tokens")


class TokenForm(PortalForm):
    name = StringField(_l("Name of the new token"), validators=[DataRequired(), Length(max=100)],
                       description=_l("For example the program or the colleague's script that will use it."))
    lifetime = SelectField(
        _l("Valid for"), coerce=int, default=tokens.DEFAULT_LIFETIME.days,
        choices=select_choices((days, _l("%(days)d days", days=days)) for days in tokens.LIFETIME_DAYS),
        description=_l("The token stops working after this time; create a new one then."),
    )


@bp.route("/", methods=["GET", "POST"])
@signed_in
def index():
    form = TokenForm()
    secret = None
    if form.validate_on_submit():
        try:
            token, secret = tokens.create_token(current_user, form.name.data, dt.timedelta(days=form.lifetime.data))
        except tokens.TokenError as error:
            form.name.errors.append(str(error))
        else:
            form = TokenForm(formdata=None)
    status = 422 if form.errors else 200
    return render_template(
        "api/tokens.html", form=form, secret=secret, tokens=tokens.user_tokens(current_user), revoke_form=PortalForm()
    ), status


@bp.post("/<int:token_id>/revoke")
@signed_in
def revoke(token_id: int):
    if not PortalForm().validate_on_submit():
        return redirect(url_for("tokens.index"))
    try:
        token = tokens.revoke_token(current_user, token_id)
    except tokens.TokenError as error:
        flash(str(error), "error")
    else:
        flash(_("The token %(name)s was revoked.", name=token.name), "success")
    return redirect(url_for("tokens.index"))
