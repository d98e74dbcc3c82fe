"""Forms for signing in, passwords and invitations."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, InputRequired, Length, ValidationError

from portal.accounts.models import LANGUAGES
from portal.core.access import Role
from portal.core.forms import PortalForm, select_choices
from portal.core.security import MIN_PASSWORD_LENGTH


class LoginForm(PortalForm):
    email = EmailField(_l("E-mail address"), validators=[DataRequired(), Length(max=320)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=1000)])


class ForgotPasswordForm(PortalForm):
    email = EmailField(_l("E-mail address"), validators=[DataRequired(), Email(), Length(max=320)])


class NewPasswordForm(PortalForm):
    password = PasswordField(
        _l("New password"),
        validators=[
            DataRequired(),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=1000,
                message=_l("The password must have at least %(min)d characters (and at most %(max)d)."),
            ),
        ],
        description=_l("At least %(count)s characters, and not easy to guess: a few uncommon words make a good password.",
                       count=MIN_PASSWORD_LENGTH),
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The two passwords differ."))],
    )


class ChangePasswordForm(NewPasswordForm):
    current_password = PasswordField(_l("Current password"), validators=[DataRequired(), Length(max=1000)])


class InvitationForm(PortalForm):
    name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=200)])
    email = EmailField(_l("E-mail address"), validators=[DataRequired(), Email(), Length(max=320)])
    role = SelectField(_l("Role"), validators=[InputRequired()])
    state = SelectField(_l("Member State"))
    language = SelectField(_l("Preferred language"), choices=select_choices(LANGUAGES.items()), default="en")

    def set_choices(self, roles: list[Role], states: list[tuple[str, str]]) -> None:
        """Offer only the roles and States the inviting user may choose."""
        self.role.choices = select_choices((role.value, role.label) for role in roles)
        if len(states) > 1:
            states = [("", _l("(none: Secretariat staff)"))] + states
        self.state.choices = select_choices(states)

    def validate_state(self, field):
        role = Role(self.role.data) if self.role.data in {r.value for r in Role} else None
        if role is not None and role.is_state_bound and not field.data:
            raise ValidationError(_l("Choose the State this person works for."))


class UserEditForm(PortalForm):
    role = SelectField(_l("Role"), choices=select_choices(Role.choices()))
    state = SelectField(_l("Member State"))
    is_active = BooleanField(_l("Active (can sign in)"))

    def validate_state(self, field):
        role = Role(self.role.data) if self.role.data in {r.value for r in Role} else None  # else the role's own error
        if role is not None and role.is_state_bound and not field.data:
            raise ValidationError(_l("A focal point or contributor must belong to a State."))


class ProfileForm(PortalForm):
    name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=200)])
    language = SelectField(_l("Preferred language"), choices=select_choices(LANGUAGES.items()))
