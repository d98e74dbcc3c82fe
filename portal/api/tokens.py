"""Personal API tokens: creating, revoking, ending, and finding the user a request's token belongs to."""

from __future__ import annotations

import datetime as dt
import secrets

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from portal.accounts.models import User
from portal.api.models import ApiToken, TokenEnd
from portal.core.db import utcnow
from portal.core.extensions import db
from portal.core.security import token_digest

TOKEN_PREFIX = "upt_"
MAX_ACTIVE_TOKENS = 10
LAST_USED_PRECISION = dt.timedelta(minutes=1)  # write last_used_at at most once a minute
LIFETIME_DAYS = (30, 90, 180, 365)  # what the token page offers
DEFAULT_LIFETIME = dt.timedelta(days=90)
MAX_LIFETIME = dt.timedelta(days=365)


class TokenError(ValueError):
    """A token cannot be created or revoked so."""


class TokenExpired(Exception):
    """A request brought a token whose time is over."""

    def __init__(self, token: ApiToken):
        super().__init__(f"This token expired on {token.expires_at:%Y-%m-%d %H:%M} UTC; create a new one on your account page.")
        self.token = token


def _in_force():
    """The condition of a token that still opens the API (its user aside)."""
    return sa.and_(ApiToken.revoked_at.is_(None), ApiToken.expires_at > utcnow())


def create_token(user: User, name: str, valid_for: dt.timedelta = DEFAULT_LIFETIME) -> tuple[ApiToken, str]:
    """Create a token for ``user`` lasting ``valid_for`` (at most a year); return it and its secret, shown once."""
    name = name.strip()
    if not name:
        raise TokenError(_l("Give the token a name, such as the program that will use it."))
    if not dt.timedelta(0) < valid_for <= MAX_LIFETIME:
        raise TokenError(_l("A token lasts at most %(days)d days.", days=MAX_LIFETIME.days))
    active = db.session.scalar(
        sa.select(sa.func.count()).select_from(ApiToken).where(ApiToken.user_id == user.id, _in_force())
    )
    if active >= MAX_ACTIVE_TOKENS:
        raise TokenError(_l("You have %(count)d active tokens already; revoke one first.", count=MAX_ACTIVE_TOKENS))
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = utcnow()
    token = ApiToken(
        user_id=user.id, name=name[:100], digest=token_digest(secret), prefix=secret[: len(TOKEN_PREFIX) + 6],
        created_at=now, expires_at=now + valid_for,
    )
    db.session.add(token)
    db.session.flush()
    return token, secret


def revoke_token(user: User, token_id: int) -> ApiToken:
    """Revoke one of ``user``'s tokens."""
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        raise TokenError(_l("No such token."))
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        token.revoked_reason = TokenEnd.REVOKED
    db.session.flush()
    return token


def end_tokens(user: User, reason: TokenEnd) -> None:
    """Revoke every token of ``user`` still in force, saying why: a new password or a deactivation ends them all."""
    db.session.execute(
        sa.update(ApiToken)
        .where(ApiToken.user_id == user.id, _in_force())
        .values(revoked_at=utcnow(), revoked_reason=reason)
        .execution_options(synchronize_session="fetch")
    )
    db.session.flush()


def user_tokens(user: User) -> list[ApiToken]:
    return list(db.session.scalars(sa.select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.created_at.desc())))


def user_for_token(secret: str) -> User | None:
    """Return the active user whose unrevoked token is ``secret``, or None; raise TokenExpired if its time is over."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    token = db.session.scalar(sa.select(ApiToken).where(ApiToken.digest == token_digest(secret)))
    if token is None or token.revoked_at is not None or not token.user.is_active:
        return None
    if token.is_expired:
        raise TokenExpired(token)
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        token.last_used_at = now
    return token.user
