"""Personal API tokens: creating, revoking, and finding the user a request's token belongs to."""

from __future__ import annotations

import datetime as dt
import secrets

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from portal.accounts.models import User
from portal.api.models import ApiToken
from portal.core.db import utcnow
from portal.core.extensions import db
from portal.core.security import token_digest

TOKEN_PREFIX = "upt_"
MAX_ACTIVE_TOKENS = 10
LAST_USED_PRECISION = dt.timedelta(minutes=1)  # write last_used_at at most once a minute


class TokenError(ValueError):
    """A token cannot be created or revoked so."""


def create_token(user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token for ``user``; return it and its secret, which is shown once and never stored."""
    name = name.strip()
    if not name:
        raise TokenError(_l("Give the token a name, such as the program that will use it."))
    active = db.session.scalar(
        sa.select(sa.func.count()).select_from(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
    )
    if active >= MAX_ACTIVE_TOKENS:
        raise TokenError(_l("You have %(count)d active tokens already; revoke one first.", count=MAX_ACTIVE_TOKENS))
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, name=name[:100], digest=token_digest(secret), prefix=secret[: len(TOKEN_PREFIX) + 6])
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
    db.session.flush()
    return token


def user_tokens(user: User) -> list[ApiToken]:
    return list(db.session.scalars(sa.select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.created_at.desc())))


def user_for_token(secret: str) -> User | None:
    """Return the active user whose unrevoked token is ``secret``, or None."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    token = db.session.scalar(sa.select(ApiToken).where(ApiToken.digest == token_digest(secret)))
    if token is None or token.revoked_at is not None or not token.user.is_active:
        return None
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        token.last_used_at = now
    return token.user
