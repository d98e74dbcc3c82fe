"""Operations on accounts. They change objects and flush; the caller commits."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.accounts.models import AccountToken, SessionEnd, TokenPurpose, User
from portal.accounts.passwords import weakness
from portal.accounts.sessions import end_sessions
from portal.api.tokens import TokenEnd, end_tokens
from portal.core.access import Role
from portal.core.db import utcnow
from portal.core.extensions import db
from portal.core.security import (
    MIN_PASSWORD_LENGTH,
    hash_password,
    new_token,
    password_needs_rehash,
    token_digest,
    verify_password,
)
from portal.mail.links import mail_link
from portal.mail.services import letter, send_mail, send_mails
from portal.states.models import MemberState


class AccountError(ValueError):
    """An operation on an account was refused; the message says why, for the person concerned.

    ``field`` names the form field the message belongs beside.
    """

    def __init__(self, message: str, field: str = "password"):
        super().__init__(message)
        self.field = field


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == normalise_email(email)))


def authenticate(email: str, password: str) -> User | None:
    """Return the active user with these credentials, or None; upgrade an outdated hash."""
    user = find_user_by_email(email)
    if not verify_password(user.password_hash if user else None, password):
        return None
    if not user.is_active:
        return None
    if password_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    db.session.flush()
    return user


def check_password_strength(password: str, email: str = "", name: str = "") -> None:
    """Refuse a password that is too short, repeats the account's e-mail address, or is easy to guess.

    ``email`` and ``name`` are those of the account, which a guesser tries first.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(_l("The password must have at least %(count)s characters.", count=MIN_PASSWORD_LENGTH))
    email = normalise_email(email)
    if email and password.strip().lower() in {email, email.split("@")[0]}:
        raise AccountError(_l("The password must not be your e-mail address."))
    problem = weakness(password, [email, name])
    if problem is not None:
        raise AccountError(problem)


def set_password(user: User, password: str) -> None:
    """Give ``user`` a new password, end their other sessions and retire their unused reset links."""
    check_password_strength(password, user.email, user.name)
    user.password_hash = hash_password(password)
    user.session_version += 1
    _retire_tokens(user, TokenPurpose.PASSWORD_RESET)  # a link asked for before the change opens nothing after it
    end_sessions(user, SessionEnd.PASSWORD_CHANGED)
    end_tokens(user, TokenEnd.PASSWORD_CHANGED)
    db.session.flush()


def change_password(user: User, current_password: str, new_password: str) -> None:
    """Change the password of a signed-in user who knows the current one, and tell them by mail."""
    if not verify_password(user.password_hash, current_password):
        raise AccountError(_l("The current password is not correct."), field="current_password")
    set_password(user, new_password)
    _send_password_changed_notice(user)


def _send_password_changed_notice(user: User) -> None:
    """Tell ``user`` by mail that their password changed, so that a change they did not make does not go unseen.

    The change stands whether or not the message can be sent (a failure is logged).
    """
    send_mails([letter(
        user, lambda: _("Your password for the reporting portal was changed"),
        "mail/password_changed.txt", at=utcnow(), reset_link=mail_link("accounts.forgot_password"),
    )])


def _retire_tokens(user: User, purpose: TokenPurpose) -> None:
    """Mark every unused token of ``purpose`` of ``user`` as used."""
    db.session.execute(
        sa.update(AccountToken)
        .where(AccountToken.user_id == user.id, AccountToken.purpose == purpose, AccountToken.used_at.is_(None))
        .values(used_at=utcnow())
    )


def _issue_token(user: User, purpose: TokenPurpose, valid_for: dt.timedelta) -> str:
    """Create a single-use token for ``user``, retiring any earlier unused one of the same purpose."""
    _retire_tokens(user, purpose)
    now = utcnow()
    token, digest = new_token()
    db.session.add(AccountToken(user_id=user.id, purpose=purpose, digest=digest, expires_at=now + valid_for))
    db.session.flush()
    return token


def find_usable_token(token: str, purpose: TokenPurpose) -> AccountToken | None:
    """Return the unused, unexpired token of ``purpose`` matching ``token``, or None."""
    record = db.session.scalar(
        sa.select(AccountToken).where(AccountToken.digest == token_digest(token), AccountToken.purpose == purpose)
    )
    if record is None or not record.is_usable(utcnow()) or not record.user.is_active:
        return None
    return record


def request_password_reset(email: str) -> None:
    """Mail a reset link to the account with ``email`` if there is one; say nothing either way.

    The forgotten-password page calls it once its answer is sent (portal/core/deferred.py), so that
    the time of the answer does not tell whether the account exists.
    """
    user = find_user_by_email(email)
    if user is None or not user.is_active or not user.has_accepted_invitation:
        return
    minutes = current_app.config["PASSWORD_RESET_VALID_MINUTES"]
    token = _issue_token(user, TokenPurpose.PASSWORD_RESET, dt.timedelta(minutes=minutes))
    link = mail_link("accounts.reset_password", token=token)
    send_mail(letter(user, lambda: _("Reset your password for the reporting portal"), "mail/password_reset.txt",
                 link=link, minutes=minutes))


def reset_password(token: str, password: str) -> User:
    """Set a new password through a reset link, which is then used up."""
    record = find_usable_token(token, TokenPurpose.PASSWORD_RESET)
    if record is None:
        raise AccountError(_l("This link has expired or has already been used. Ask for a new one."))
    set_password(record.user, password)
    record.used_at = utcnow()
    db.session.flush()
    _send_password_changed_notice(record.user)
    return record.user


def invitable_roles(inviter: User) -> list[Role]:
    """Return the roles ``inviter`` may give to a person they invite.

    Administrators invite anyone; Secretariat officers invite focal points and contributors;
    a focal point invites contributors (for their own State only, see :func:`may_invite`).
    """
    if inviter.role is Role.ADMINISTRATOR:
        return list(Role)
    if inviter.role is Role.SECRETARIAT:
        return [Role.FOCAL_POINT, Role.CONTRIBUTOR]
    if inviter.role is Role.FOCAL_POINT:
        return [Role.CONTRIBUTOR]
    return []


def may_invite(inviter: User, role: Role, state: MemberState | None) -> bool:
    """Tell whether ``inviter`` may invite someone with ``role`` for ``state``."""
    if role not in invitable_roles(inviter):
        return False
    if inviter.role.is_state_bound:
        return state is not None and state.id == inviter.state_id
    return True


def may_renew_invitation(inviter: User, user: User, role: Role, state: MemberState | None) -> bool:
    """Tell whether ``inviter`` may send ``user`` a new invitation link for ``role`` and ``state``.

    Only a pending, active account is renewed, for the role and State it was invited for, by someone
    who may invite that account as it is: renewing is no way to move a person to another State or role.
    """
    return (
        not user.has_accepted_invitation
        and user.is_active
        and (user.role, user.state_id) == (role, state.id if state else None)
        and may_invite(inviter, user.role, user.state)
    )


def invite_user(
    inviter: User, *, email: str, name: str, role: Role, state: MemberState | None, language: str = "en"
) -> None:
    """Invite a person by mail, or renew their pending invitation; tell the owner of an address that may not be invited.

    The inviter is answered alike whatever becomes of the address, so that the form tells no one
    whether it has an account. A renewal only replaces the link: the account keeps its name, role,
    State and inviter. An address with an account, or with an invitation this inviter may not
    renew, is mailed a notice instead of a link (a deactivated account, nothing).
    """
    if role.is_state_bound and state is None:
        raise AccountError(_l("A focal point or contributor must belong to a State."), field="state")
    if not role.is_state_bound:
        state = None
    if not may_invite(inviter, role, state):
        raise AccountError(_l("You may not invite someone with that role for that State."), field="role")

    user = find_user_by_email(email)
    if user is None:
        user = User(
            email=normalise_email(email), name=name.strip(), role=role, state=state, language=language, invited_by=inviter
        )
        db.session.add(user)
        db.session.flush()
    elif not may_renew_invitation(inviter, user, role, state):
        if user.is_active:
            _send_invitation_notice(user, inviter, role, state)
        return

    hours = current_app.config["INVITATION_VALID_HOURS"]
    token = _issue_token(user, TokenPurpose.INVITATION, dt.timedelta(hours=hours))
    link = mail_link("accounts.accept_invitation", token=token)
    send_mail(letter(user, lambda: _("Invitation to the Member State reporting portal"), "mail/invitation.txt",
                 inviter=inviter, link=link, days=hours // 24))


def _send_invitation_notice(user: User, inviter: User, role: Role, state: MemberState | None) -> None:
    """Tell the owner of an address that ``inviter`` tried to invite it, and where to sign in instead."""
    send_mail(letter(user, lambda: _("Invitation to the Member State reporting portal"), "mail/invitation_notice.txt",
                 inviter=inviter, role=role, state=state, login_link=mail_link("accounts.login"),
                 reset_link=mail_link("accounts.forgot_password")))


def accept_invitation(token: str, password: str) -> User:
    """Set the invitee's first password through the invitation link, which is then used up."""
    record = find_usable_token(token, TokenPurpose.INVITATION)
    if record is None:
        raise AccountError(_l("This invitation has expired or has already been used. Ask for a new one."))
    set_password(record.user, password)
    record.used_at = utcnow()
    record.user.last_login_at = utcnow()
    db.session.flush()
    return record.user


def update_user(actor: User, user: User, *, role: Role, state: MemberState | None, is_active: bool) -> None:
    """Change a user's role, State and active flag (administrators only)."""
    if actor.role is not Role.ADMINISTRATOR:
        raise AccountError(_l("Only administrators change roles."), field="role")
    if role.is_state_bound and state is None:
        raise AccountError(_l("A focal point or contributor must belong to a State."), field="state")
    if user.id == actor.id and (role is not Role.ADMINISTRATOR or not is_active):
        raise AccountError(_l("You cannot remove your own administrator rights or deactivate yourself."), field="role")
    if (role, state, is_active) != (user.role, user.state, user.is_active):
        user.session_version += 1  # the person signs in again under the new rights
        end_sessions(user, SessionEnd.ACCESS_CHANGED)
    user.role = role
    user.state = state if role.is_state_bound else None
    user.is_active = is_active
    if not is_active:
        end_tokens(user, TokenEnd.DEACTIVATED)
    db.session.flush()


def set_active(actor: User, user: User, is_active: bool) -> None:
    """Activate or deactivate ``user``; a focal point may do so for contributors of their State."""
    allowed = actor.role is Role.ADMINISTRATOR or (
        actor.role is Role.FOCAL_POINT and user.role is Role.CONTRIBUTOR and user.state_id == actor.state_id
    )
    if not allowed:
        raise AccountError(_l("You may not change this account."))
    if user.id == actor.id:
        raise AccountError(_l("You cannot deactivate yourself."))
    if user.is_active != is_active:
        user.is_active = is_active
        user.session_version += 1
        end_sessions(user, SessionEnd.ACCESS_CHANGED)
    if not is_active:
        end_tokens(user, TokenEnd.DEACTIVATED)
    db.session.flush()


def create_account(
    *, email: str, name: str, role: Role, password: str, state: MemberState | None = None, language: str = "en"
) -> User:
    """Create or update an account with a password directly (command line and demonstration data).

    The password must pass :func:`check_password_strength`, as everywhere else (checked before
    anything is written).
    """
    email = normalise_email(email)
    user = find_user_by_email(email)
    if user is None:
        check_password_strength(password, email, name)
        user = User(email=email, password_hash=hash_password(password))
        db.session.add(user)
    else:
        set_password(user, password)  # as any change of password: other sessions and reset links end
    user.name, user.role, user.state, user.language, user.is_active = name, role, state, language, True
    db.session.flush()
    return user


def state_team(state: MemberState) -> list[User]:
    """Return the focal points and contributors of ``state``."""
    return list(
        db.session.scalars(sa.select(User).where(User.state_id == state.id).order_by(User.role, User.name))
    )

