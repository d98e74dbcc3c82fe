"""Signed-in sessions: opened at sign-in, checked on every request, ended on the server.

The session cookie (Flask's signed cookie) carries the random id of a :class:`UserSession` row and
the time of the browser's last request. A request is signed in only while the row is open, younger
than the absolute lifetime (``PERMANENT_SESSION_LIFETIME``), and the last request is more recent
than the idle limit of the user's role. Signing out ends the row, so a copy of the cookie taken
before is worth nothing.

The last request's time lives in the cookie, not in the row: pages that only read then never
write to the database (an SQLite transaction that begins by reading may be refused a write
under a concurrent writer). A copy of the cookie carries the time it was copied, so it cannot
outlive the idle limit unless it is used.

Why 30 minutes without activity, for every role: the OWASP ASVS 4.0 requirement V3.3.2 at level 2
asks for re-authentication after at most 30 minutes of inactivity (and 12 hours in all; the
portal keeps 8). Staff reach the replies of all 193 States. Focal points and contributors write
long narratives, but every autosave while they type is a request, hence activity: only someone
who has stopped for half an hour is signed out, and they lose nothing (saved text is saved, the
page keeps what was not and says so). Each limit can be set apart (``SESSION_IDLE_MINUTES_STAFF``,
``SESSION_IDLE_MINUTES_STATE``).
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from flask import current_app, flash, g, session
from flask_babel import gettext as _
from flask_login import login_user, logout_user
from sqlalchemy.orm import joinedload

from portal.accounts.models import SessionEnd, User, UserSession
from portal.core.access import STAFF_ROLES
from portal.core.db import utcnow
from portal.core.extensions import db
from portal.core.security import new_token, token_digest

# Keys of the session cookie: the session's random id, and the time (Unix seconds) of the last request.
SESSION_ID_KEY = "_session_id"
LAST_SEEN_KEY = "_last_seen"
# Flask-Login's own keys, dropped when a session is found ended.
_LOGIN_KEYS = ("_user_id", "_fresh", "_id", "_remember")
# How long the record of a session is kept (ended sessions say when and why they ended).
RECORD_DAYS = 30


def idle_limit(user: User) -> dt.timedelta:
    """Return how long ``user`` may stay without a request before signing in again."""
    setting = "SESSION_IDLE_MINUTES_STAFF" if user.role in STAFF_ROLES else "SESSION_IDLE_MINUTES_STATE"
    return dt.timedelta(minutes=current_app.config[setting])


def sign_in(user: User) -> None:
    """Open a session for ``user`` in this browser (a new id each time, never the one it had)."""
    token, digest = new_token()
    now = utcnow()
    db.session.execute(
        sa.delete(UserSession).where(UserSession.user_id == user.id, UserSession.created_at < now - dt.timedelta(days=RECORD_DAYS))
    )
    db.session.add(UserSession(user=user, digest=digest, created_at=now))
    db.session.flush()
    login_user(user)
    session[SESSION_ID_KEY] = token
    session[LAST_SEEN_KEY] = int(now.timestamp())


def sign_out() -> None:
    """End this browser's session on the server and forget it in the cookie."""
    record = _open_record(session.get(SESSION_ID_KEY))
    if record is not None:
        _end(SessionEnd.SIGNED_OUT, UserSession.id == record.id)
    logout_user()
    session.pop(SESSION_ID_KEY, None)
    session.pop(LAST_SEEN_KEY, None)


def end_sessions(user: User, reason: SessionEnd) -> None:
    """End every open session of ``user`` (a password change, a change of access)."""
    _end(reason, UserSession.user_id == user.id)


def _end(reason: SessionEnd, *where) -> None:
    db.session.execute(
        sa.update(UserSession)
        .where(UserSession.ended_at.is_(None), *where)
        .values(ended_at=utcnow(), end_reason=reason)
    )
    db.session.flush()


def _open_record(token: object) -> UserSession | None:
    if not isinstance(token, str) or not token:
        return None
    # The user comes in the same statement: one query per request for the session and its user.
    record = db.session.scalar(
        sa.select(UserSession).options(joinedload(UserSession.user)).where(UserSession.digest == token_digest(token))
    )
    if record is None or record.ended_at is not None:
        return None
    return record


def load_user(session_id: str) -> User | None:
    """Return the user whose open, unexpired session this request's cookie carries, or None.

    Flask-Login stores ``"<user id>:<session version>"``; the version changes with the password
    and the user's access. The session row and the time of the last request are checked too.
    """
    user_id, _sep, version = session_id.partition(":")
    if not user_id.isdigit() or not version.isdigit():
        return None
    record = _open_record(session.get(SESSION_ID_KEY))
    if record is None or record.user_id != int(user_id):
        return _forget()
    user = record.user
    now = utcnow()
    if not user.is_active or user.session_version != int(version):
        return _forget()
    if now >= record.created_at + current_app.permanent_session_lifetime:
        return _forget()
    limit = idle_limit(user)
    last_seen = session.get(LAST_SEEN_KEY)
    if not isinstance(last_seen, int) or now.timestamp() - last_seen >= limit.total_seconds():
        minutes = int(limit.total_seconds() // 60)
        return _forget(_("Your session ended after %(minutes)s minutes without activity. Sign in again.", minutes=minutes))
    session[LAST_SEEN_KEY] = int(now.timestamp())
    return user


def _forget(message: str | None = None) -> None:
    """Drop the signed-in keys of the cookie (the row, if any, stays as it is: nothing is written)."""
    for key in (*_LOGIN_KEYS, SESSION_ID_KEY, LAST_SEEN_KEY):
        session.pop(key, None)
    if message:
        flash(message, "info")
        g.session_ended = True
    return None


def unsaved_answers(form) -> list[tuple[str, str]]:
    """Return the checklist answers a form posted, as (field, text), to show back to someone found signed out.

    Without JavaScript nothing is a request while a person types: a long answer may come after
    the idle limit, and must not be lost for that.
    """
    return [(name, value) for name, value in form.items(multi=True) if name.startswith("q-") and value.strip()]


def session_ended_just_now() -> bool:
    """Tell whether this request found its session ended for inactivity (the sign-in page already says so)."""
    return bool(g.get("session_ended"))
