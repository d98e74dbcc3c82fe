"""Signing in and out, the account page, forgotten passwords and invitations."""

from __future__ import annotations

import functools
import math
from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from portal.accounts import services, sessions, throttle
from portal.accounts.forms import (
    ChangePasswordForm,
    ForgotPasswordForm,
    InvitationForm,
    LoginForm,
    NewPasswordForm,
    ProfileForm,
)
from portal.accounts.models import LANGUAGE_COOKIE, LANGUAGE_COOKIE_AGE, LANGUAGES, TokenPurpose
from portal.core.access import Role, allow, public, signed_in
from portal.core.deferred import after_response
from portal.mail.services import MailError
from portal.states.services import get_state, list_states

bp = Blueprint("accounts", __name__)


def _safe_next(target: str | None) -> str:
    """Return ``target`` if it is a path on this site, else the dashboard (no open redirect)."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith("//"):
            return target
    return url_for("dashboard.index")


@bp.post("/language")
@public
def choose_language():
    """Switch the pages' language: kept in a cookie, and as the preferred language of a signed-in user."""
    language = request.form.get("language", "")
    if language not in LANGUAGES:
        abort(400)
    if current_user.is_authenticated:
        current_user.language = language
    response = redirect(_safe_next(request.form.get("next")))
    response.set_cookie(LANGUAGE_COOKIE, language, max_age=LANGUAGE_COOKIE_AGE, secure=request.is_secure,
                        httponly=True, samesite="Lax")
    return response


@bp.route("/login", methods=["GET", "POST"])
@public
def login():
    if current_user.is_authenticated:
        return redirect(url_for("dashboard.index"))
    form = LoginForm()
    if form.validate_on_submit():
        attempt = throttle.SignInAttempt.from_request(services.normalise_email(form.email.data))
        wait = attempt.wait()
        if wait:
            minutes = math.ceil(wait.total_seconds() / 60)
            form.password.errors.append(ngettext(
                "Too many failed attempts to sign in to this account from here. Try again in %(num)s minute, "
                "or choose a new password through the link below.",
                "Too many failed attempts to sign in to this account from here. Try again in %(num)s minutes, "
                "or choose a new password through the link below.",
                minutes,
            ))
            response = make_response(render_template("accounts/login.html", form=form), 429)
            response.headers["Retry-After"] = str(math.ceil(wait.total_seconds()))
            return response
        user = services.authenticate(form.email.data, form.password.data)
        if user is not None:
            sessions.sign_in(user)
            response = redirect(_safe_next(request.args.get("next")))
            attempt.succeeded(response)
            return response
        attempt.failed()
        form.password.errors.append(_("The e-mail address or the password is not correct."))
    return render_template("accounts/login.html", form=form), 200 if not form.errors else 401


@bp.post("/logout")
@signed_in
def logout():
    sessions.sign_out()
    flash(_("You have signed out."), "info")
    return redirect(url_for("accounts.login"))


@bp.route("/account", methods=["GET", "POST"])
@signed_in
def account():
    profile = ProfileForm(obj=current_user, prefix="profile")
    if profile.validate_on_submit():
        current_user.name = profile.name.data.strip()
        current_user.language = profile.language.data
        flash(_("Your details were saved."), "success")
        return redirect(url_for("accounts.account"))
    status = 200 if not profile.errors else 422
    return render_template("accounts/account.html", profile=profile), status


@bp.route("/account/password", methods=["GET", "POST"])
@signed_in
def change_password():
    form = ChangePasswordForm(prefix="pw")
    if form.validate_on_submit():
        try:
            services.change_password(current_user, form.current_password.data, form.password.data)
        except services.AccountError as error:
            getattr(form, error.field).errors.append(str(error))
        else:
            sessions.sign_in(current_user._get_current_object())  # every session ended: this browser gets a new one
            flash(_("Your password was changed. Other sessions have been signed out."), "success")
            return redirect(url_for("accounts.account"))
    status = 200 if not form.errors else 422
    return render_template("accounts/change_password.html", form=form), status


@bp.route("/forgot-password", methods=["GET", "POST"])
@public
@throttle.limited("forgot-password")
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        # Looked up and mailed once the answer is sent, so that its time is the same whether the
        # address has an account or not (and a mail server's refusal tells nothing either: it is logged).
        after_response(functools.partial(services.request_password_reset, form.email.data))
        flash(
            _("If an account uses this address, a message with a link to choose a new password is on its way."),
            "info",
        )
        return redirect(url_for("accounts.login"))
    return render_template("accounts/forgot_password.html", form=form)


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
@public
@throttle.limited("reset-password")
def reset_password(token: str):
    if services.find_usable_token(token, TokenPurpose.PASSWORD_RESET) is None:
        return render_template("accounts/link_invalid.html"), 404
    form = NewPasswordForm()
    if form.validate_on_submit():
        try:
            user = services.reset_password(token, form.password.data)
        except services.AccountError as error:
            form.password.errors.append(str(error))
        else:
            sessions.sign_in(user)
            flash(_("Your new password is set. You are signed in."), "success")
            return redirect(url_for("dashboard.index"))
    return render_template("accounts/reset_password.html", form=form, token=token)


@bp.route("/invitation/<token>", methods=["GET", "POST"])
@public
@throttle.limited("invitation")
def accept_invitation(token: str):
    record = services.find_usable_token(token, TokenPurpose.INVITATION)
    if record is None:
        return render_template("accounts/link_invalid.html", invitation=True), 404
    form = NewPasswordForm()
    if form.validate_on_submit():
        try:
            user = services.accept_invitation(token, form.password.data)
        except services.AccountError as error:
            form.password.errors.append(str(error))
        else:
            if current_user.is_authenticated:
                sessions.sign_out()
            sessions.sign_in(user)
            flash(_("Welcome. Your password is set and you are signed in."), "success")
            return redirect(url_for("dashboard.index"))
    return render_template("accounts/accept_invitation.html", form=form, invitee=record.user, token=token)


@bp.route("/invite", methods=["GET", "POST"])
@allow(Role.ADMINISTRATOR, Role.SECRETARIAT, Role.FOCAL_POINT)
def invite():
    """Invite a person: staff invite focal points (and, for administrators, staff); focal points invite contributors."""
    form = InvitationForm()
    if current_user.role is Role.FOCAL_POINT:
        states = [current_user.state]
    else:
        states = list_states()
    form.set_choices(services.invitable_roles(current_user), [(s.code, s.name) for s in states])
    if request.method == "GET":
        form.state.data = request.args.get("state", form.state.data or "")
        if current_user.role is Role.FOCAL_POINT:
            form.state.data = current_user.state.code
            form.role.data = Role.CONTRIBUTOR.value
        else:
            form.role.data = Role.FOCAL_POINT.value  # the usual invitation; never a staff role by default

    if form.validate_on_submit():
        state = get_state(form.state.data) if form.state.data else None
        try:
            services.invite_user(
                current_user,
                email=form.email.data,
                name=form.name.data,
                role=Role(form.role.data),
                state=state,
                language=form.language.data,
            )
        except services.AccountError as error:
            getattr(form, error.field).errors.append(str(error))
        except MailError:
            form.email.errors.append(_("The invitation could not be sent just now. Try again in a few minutes."))
        else:
            # The same words whether or not the address has an account (which the inviter may not know).
            flash(_("An invitation was sent to %(email)s, unless the address already has an account or an invitation "
                    "from someone else: then its owner was told by e-mail instead.",
                    email=services.normalise_email(form.email.data)), "success")
            if state is not None:
                return redirect(url_for("states.show", code=state.code))
            return redirect(url_for("admin.users"))
    status = 200 if not form.errors else 422
    return render_template("accounts/invite.html", form=form), status
