"""Limits on sign-in and password-link attempts, counted in one store shared by every web process.

The store is Redis when ``REDIS_URL`` is set, the database otherwise; never a process's memory,
which would give each worker, and each machine, a budget of its own.

A failed sign-in counts against:

- the account and the client: the address, or, for a browser that has signed in to this account
  before, that browser (its "device cookie", as in OWASP's Blocking Brute Force Attacks). After
  ``SIGN_IN_LOCK_AFTER_PER_CLIENT`` failures the client waits before its next try, a delay that
  doubles with each further failure;
- the account, for all clients without a device cookie together: after
  ``SIGN_IN_LOCK_AFTER_PER_ACCOUNT`` failures they all wait the same growing delay, however many
  addresses the attempts come from;
- the address, on every account, for clients without a device cookie (``RATELIMIT_LOGIN``).

A browser that has signed in to the account before keeps a budget of its own: an attacker who
locks the account's unknown clients cannot lock out its owner. Someone on a new browser during an
attack waits, or chooses a new password by mail, which signs them in. Only failures count, so
colleagues signing in from behind the same proxy as a mistyping one are not refused.
Attempts refused while locked are not counted: they check no password.

Failures are written in the request's own transaction (on SQLite it holds the write lock; a
second connection would wait for it), and the failed sign-in asks the commit point to keep them
although it answers 401 (:func:`portal.core.database.commit_despite_refusal`).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Callable, Protocol, TypeVar

import sqlalchemy as sa
from flask import Flask, Response, abort, current_app, request
from itsdangerous import BadSignature, URLSafeSerializer

from portal.accounts.models import ThrottleEvent
from portal.config import ConfigurationError
from portal.core.database import commit_despite_refusal
from portal.core.db import utcnow
from portal.core.extensions import db

F = TypeVar("F", bound=Callable)

# Counts older than this are forgotten.
HORIZON = dt.timedelta(days=1)
DEVICE_COOKIE = "sign_in_device"
DEVICE_COOKIE_DAYS = 365
DEVICE_ACCOUNTS = 10  # accounts a browser is remembered for (the most recent)

_UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
_RATE = re.compile(r"^\s*(\d+)\s*(?:per|/)\s*(\d+)?\s*(second|minute|hour|day)s?\s*$")


def parse_limits(text: str) -> list[tuple[int, dt.timedelta]]:
    """Read limits written as ``"10 per minute;50 per hour"`` into (count, window) pairs."""
    limits = []
    for part in filter(str.strip, text.split(";")):
        found = _RATE.match(part)
        if not found:
            raise ConfigurationError(f"RATELIMIT_LOGIN: cannot read {part.strip()!r} (write e.g. '10 per minute;50 per hour')")
        count, every, unit = found.groups()
        limits.append((int(count), dt.timedelta(seconds=int(every or 1) * _UNITS[unit])))
    return limits


class AttemptStore(Protocol):
    """Where counted attempts are kept: times per key."""

    def add(self, key: str, at: dt.datetime) -> None: ...

    def times(self, key: str, since: dt.datetime) -> list[dt.datetime]: ...

    def clear(self, key: str) -> None: ...


class DatabaseStore:
    """Attempts as rows of ``throttle_events``, in the request's transaction."""

    def add(self, key: str, at: dt.datetime) -> None:
        db.session.execute(sa.delete(ThrottleEvent).where(ThrottleEvent.occurred_at < at - HORIZON))
        db.session.add(ThrottleEvent(key=key, occurred_at=at))
        db.session.flush()

    def times(self, key: str, since: dt.datetime) -> list[dt.datetime]:
        return list(db.session.scalars(
            sa.select(ThrottleEvent.occurred_at)
            .where(ThrottleEvent.key == key, ThrottleEvent.occurred_at >= since)
            .order_by(ThrottleEvent.occurred_at)
        ))

    def clear(self, key: str) -> None:
        db.session.execute(sa.delete(ThrottleEvent).where(ThrottleEvent.key == key))
        db.session.flush()


class RedisStore:
    """Attempts as sorted sets of Redis (score: the time), one per key, expiring after the horizon."""

    def __init__(self, client, prefix: str):
        self.client = client
        self.prefix = prefix

    def add(self, key: str, at: dt.datetime) -> None:
        name = self.prefix + key
        stamp = at.timestamp()
        pipe = self.client.pipeline()
        pipe.zadd(name, {f"{stamp}:{secrets.token_hex(4)}": stamp})
        pipe.zremrangebyscore(name, "-inf", (at - HORIZON).timestamp())
        pipe.expire(name, int(HORIZON.total_seconds()))
        pipe.execute()

    def times(self, key: str, since: dt.datetime) -> list[dt.datetime]:
        scores = self.client.zrangebyscore(self.prefix + key, since.timestamp(), "+inf", withscores=True)
        return [dt.datetime.fromtimestamp(score, dt.timezone.utc) for _member, score in scores]

    def clear(self, key: str) -> None:
        self.client.delete(self.prefix + key)


def init_throttle(app: Flask) -> None:
    """Check the limits and choose the store: Redis when REDIS_URL is set, the database otherwise."""
    parse_limits(app.config["RATELIMIT_LOGIN"])
    if app.config.get("REDIS_URL"):
        import redis

        store: AttemptStore = RedisStore(redis.Redis.from_url(app.config["REDIS_URL"]), app.config["THROTTLE_REDIS_PREFIX"])
    else:
        store = DatabaseStore()
    app.extensions["portal_throttle"] = store


def store() -> AttemptStore:
    return current_app.extensions["portal_throttle"]


def _digest(*parts: str) -> str:
    """Return a keyed digest of ``parts``: the store holds no address or e-mail address in clear."""
    message = "\x1f".join(parts).encode()
    return hmac.new(current_app.config["SECRET_KEY"].encode(), message, hashlib.sha256).hexdigest()[:40]


def _client_address() -> str:
    return request.remote_addr or "unknown"


def growing_delay(failures: int, threshold: int) -> dt.timedelta:
    """Return the wait after ``failures`` failures: none below ``threshold``, then doubling from SIGN_IN_LOCK_SECONDS."""
    if failures < threshold:
        return dt.timedelta(0)
    config = current_app.config
    seconds = config["SIGN_IN_LOCK_SECONDS"] * 2 ** min(failures - threshold, 20)
    return dt.timedelta(seconds=min(seconds, config["SIGN_IN_LOCK_MAX_SECONDS"]))


def _wait_over_limits(key: str, limits: list[tuple[int, dt.timedelta]], now: dt.datetime) -> dt.timedelta:
    """Return how long until ``key`` is under every (count, window) limit again."""
    wait = dt.timedelta(0)
    for count, window in limits:
        times = store().times(key, now - window)
        if len(times) >= count:
            wait = max(wait, times[-count] + window - now)
    return wait


def _wait_after_failures(key: str, threshold: int, now: dt.datetime) -> dt.timedelta:
    times = store().times(key, now - HORIZON)
    if not times:
        return dt.timedelta(0)
    return max(dt.timedelta(0), times[-1] + growing_delay(len(times), threshold) - now)


@dataclass(frozen=True)
class SignInAttempt:
    """One try at signing in to ``account`` (an e-mail address as typed, normalised) from this request's client."""

    account: str
    address: str
    device: str | None  # the browser's device id, when it has signed in to this account before

    @classmethod
    def from_request(cls, account: str) -> SignInAttempt:
        device_id, accounts = _read_device_cookie()
        known = device_id if _digest("account", account) in accounts else None
        return cls(account=account, address=_client_address(), device=known)

    @property
    def _client_key(self) -> str:
        if self.device:
            return "device:" + _digest(self.account, self.device)
        return "client:" + _digest(self.account, self.address)

    @property
    def _account_key(self) -> str:
        return "account:" + _digest("account", self.account)

    @property
    def _address_key(self) -> str:
        return "address:" + _digest("address", self.address)

    def wait(self) -> dt.timedelta:
        """Return how long this client must wait before trying this account again (zero: try now)."""
        config = current_app.config
        now = utcnow()
        waits = [_wait_after_failures(self._client_key, config["SIGN_IN_LOCK_AFTER_PER_CLIENT"], now)]
        if not self.device:
            waits.append(_wait_after_failures(self._account_key, config["SIGN_IN_LOCK_AFTER_PER_ACCOUNT"], now))
            waits.append(_wait_over_limits(self._address_key, parse_limits(config["RATELIMIT_LOGIN"]), now))
        return max(waits)

    def failed(self) -> None:
        """Count a wrong password (or unknown address) against this client, the account and the address."""
        now = utcnow()
        store().add(self._client_key, now)
        if not self.device:
            store().add(self._account_key, now)
            store().add(self._address_key, now)
        commit_despite_refusal()

    def succeeded(self, response: Response) -> None:
        """Forget this client's failures and remember the browser as one that signed in to the account."""
        store().clear(self._client_key)
        _remember_device(response, self.account)


def limit_requests(scope: str) -> None:
    """Count a request for a password link (``scope``) from this address; answer 429 over RATELIMIT_LOGIN."""
    key = f"{scope}:" + _digest(scope, _client_address())
    now = utcnow()
    if _wait_over_limits(key, parse_limits(current_app.config["RATELIMIT_LOGIN"]), now):
        abort(429)
    store().add(key, now)
    commit_despite_refusal()


def limited(scope: str) -> Callable[[F], F]:
    """Limit the POST requests of a view to RATELIMIT_LOGIN per client address (see :func:`limit_requests`)."""

    def decorator(view: F) -> F:
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            if request.method == "POST":
                limit_requests(scope)
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="sign-in-device")


def _read_device_cookie() -> tuple[str | None, list[str]]:
    raw = request.cookies.get(DEVICE_COOKIE)
    if not raw:
        return None, []
    try:
        data = _serializer().loads(raw)
    except BadSignature:
        return None, []
    if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not isinstance(data.get("accounts"), list):
        return None, []
    return data["id"], [entry for entry in data["accounts"] if isinstance(entry, str)]


def _remember_device(response: Response, account: str) -> None:
    device_id, accounts = _read_device_cookie()
    entry = _digest("account", account)
    accounts = [other for other in accounts if other != entry][-(DEVICE_ACCOUNTS - 1):] + [entry]
    value = _serializer().dumps({"id": device_id or secrets.token_urlsafe(16), "accounts": accounts})
    response.set_cookie(
        DEVICE_COOKIE, value, max_age=DEVICE_COOKIE_DAYS * 86400, httponly=True,
        secure=current_app.config["SESSION_COOKIE_SECURE"], samesite="Lax",
    )
