"""Configuration: defaults, then environment variables, then the caller's overrides."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit

ENVIRONMENTS = ("development", "production", "testing")
# Where `make run` serves the portal; the links in mail point there in development.
DEVELOPMENT_BASE_URL = "http://127.0.0.1:5000"


class ConfigurationError(RuntimeError):
    """The configuration cannot start the portal (for example SECRET_KEY is missing in production)."""


def _bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


# Environment variables read at start-up, with the type each is converted to.
_ENV_VARS: dict[str, Any] = {
    "DATABASE_URL": str,
    "SECRET_KEY": str,
    "PORTAL_BASE_URL": str,
    "TRUSTED_HOSTS": _list,
    "REDIS_URL": str,
    "MAIL_SERVER": str,
    "MAIL_PORT": int,
    "MAIL_USE_TLS": _bool,
    "MAIL_USE_SSL": _bool,
    "MAIL_USERNAME": str,
    "MAIL_PASSWORD": str,
    "MAIL_DEFAULT_SENDER": str,
    "MAIL_TIMEOUT": int,
    "PORTAL_CONTACT_NAME": str,
    "PORTAL_CONTACT_EMAIL": str,
    "RATELIMIT_LOGIN": str,
    "SESSION_IDLE_MINUTES_STAFF": int,
    "SESSION_IDLE_MINUTES_STATE": int,
    "SIGN_IN_LOCK_AFTER_PER_CLIENT": int,
    "SIGN_IN_LOCK_AFTER_PER_ACCOUNT": int,
    "SIGN_IN_LOCK_SECONDS": int,
    "SIGN_IN_LOCK_MAX_SECONDS": int,
    "SESSION_COOKIE_SECURE": _bool,
    "PREFERRED_URL_SCHEME": str,
    "CACHE_DIR": str,
    "REPORT_QUEUE": str,
    "REPORT_JOB_STALE_SECONDS": int,
}


def defaults(instance_path: Path) -> dict[str, Any]:
    """Return the built-in defaults, suitable for development."""
    return {
        "PORTAL_ENV": "production",
        "DATABASE_URL": f"sqlite:///{instance_path / 'portal.sqlite3'}",
        "SECRET_KEY": None,
        # The portal's address as its users know it (https://reporting.example.org): every link in
        # mail starts with it, and requests for another host are refused (see TRUSTED_HOSTS).
        "PORTAL_BASE_URL": None,
        # Host names accepted besides PORTAL_BASE_URL's (for example a second name behind the proxy).
        "TRUSTED_HOSTS": None,
        "REDIS_URL": None,
        "MAIL_SERVER": None,
        "MAIL_PORT": 25,
        "MAIL_USE_TLS": False,
        "MAIL_USE_SSL": False,
        "MAIL_USERNAME": None,
        "MAIL_PASSWORD": None,
        "MAIL_DEFAULT_SENDER": "UNODC reporting portal <no-reply@localhost>",
        "MAIL_TIMEOUT": 20,
        # Who users write to for help, named at the foot of every page (the address is shown when set).
        "PORTAL_CONTACT_NAME": None,  # None: the Secretariat of the Commission, named in the reader's language
        "PORTAL_CONTACT_EMAIL": None,
        # Failed sign-ins (by browsers that never signed in to the account) and requests for password
        # links, per client address; see portal/accounts/throttle.py for the limits per account.
        "RATELIMIT_LOGIN": "10 per minute;50 per hour",
        "SIGN_IN_LOCK_AFTER_PER_CLIENT": 5,
        "SIGN_IN_LOCK_AFTER_PER_ACCOUNT": 10,
        "SIGN_IN_LOCK_SECONDS": 60,
        "SIGN_IN_LOCK_MAX_SECONDS": 3600,
        "THROTTLE_REDIS_PREFIX": "portal:throttle:",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": True,
        "REMEMBER_COOKIE_SECURE": True,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "PERMANENT_SESSION_LIFETIME": 8 * 3600,
        # Minutes without a request after which a session ends (why 30: portal/accounts/sessions.py).
        "SESSION_IDLE_MINUTES_STAFF": 30,
        "SESSION_IDLE_MINUTES_STATE": 30,
        "WTF_CSRF_TIME_LIMIT": 8 * 3600,
        "INVITATION_VALID_HOURS": 7 * 24,
        "PASSWORD_RESET_VALID_MINUTES": 60,
        "LANGUAGES": ["en", "fr", "es", "ru", "zh", "ar"],
        "BABEL_DEFAULT_LOCALE": "en",
        "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,
        # Rendered files that depend only on their inputs (the blank checklists); per machine.
        "CACHE_DIR": str(instance_path / "cache"),
        # The Redis list the report PDF jobs go through when REDIS_URL is set (workers: `flask report worker`).
        "REPORT_QUEUE": "portal:report-jobs",
        # Run report PDF jobs inside the request instead of off it (for tests of the pages only).
        "REPORT_JOBS_INLINE": False,
        # A report job that has shown no sign of life for this long (waiting, or running without
        # progress) has lost its runner, a restarted web process or worker: it is marked failed.
        "REPORT_JOB_STALE_SECONDS": 15 * 60,
    }


def load(instance_path: Path, overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Build the configuration from defaults, environment variables and ``overrides``."""
    config = defaults(instance_path)
    config["PORTAL_ENV"] = os.environ.get("PORTAL_ENV", config["PORTAL_ENV"])
    for name, convert in _ENV_VARS.items():
        raw = os.environ.get(name)
        if raw not in (None, ""):
            config[name] = convert(raw)
    if overrides:
        config.update(overrides)

    env = config["PORTAL_ENV"]
    if env not in ENVIRONMENTS:
        raise ConfigurationError(f"PORTAL_ENV must be one of {', '.join(ENVIRONMENTS)}, not {env!r}")
    if env == "development":
        # Plain HTTP on 127.0.0.1: secure-only cookies would never be sent back.
        if "SESSION_COOKIE_SECURE" not in os.environ and not (overrides or {}).get("SESSION_COOKIE_SECURE"):
            config["SESSION_COOKIE_SECURE"] = False
            config["REMEMBER_COOKIE_SECURE"] = False
        if not config["SECRET_KEY"]:
            config["SECRET_KEY"] = _development_secret(instance_path)
        if not config["PORTAL_BASE_URL"]:
            config["PORTAL_BASE_URL"] = DEVELOPMENT_BASE_URL
    if not config["SECRET_KEY"]:
        raise ConfigurationError(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable "
            "(for example: export SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))'))."
        )
    config["PORTAL_BASE_URL"] = _base_url(config["PORTAL_BASE_URL"])
    config["TRUSTED_HOSTS"] = trusted_hosts(config["PORTAL_BASE_URL"], config["TRUSTED_HOSTS"])
    config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(config["DATABASE_URL"])
    return config


def _base_url(url: str | None) -> str:
    """Return the portal's address without a trailing slash; refuse a missing or partial one."""
    if not url:
        raise ConfigurationError(
            "PORTAL_BASE_URL is not set. Set it to the portal's address as its users reach it "
            "(for example: export PORTAL_BASE_URL=https://reporting.example.org): links in mail are built from it."
        )
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.query or parts.fragment:
        raise ConfigurationError(f"PORTAL_BASE_URL must be an http or https address such as https://reporting.example.org, not {url!r}")
    return url.rstrip("/")


def trusted_hosts(base_url: str, extra: list[str] | None) -> list[str]:
    """Return the host names the portal answers for: PORTAL_BASE_URL's, then ``extra``.

    Flask refuses a request for any other host with 400 (its TRUSTED_HOSTS setting), so that no
    page or link is ever built from a Host header that the sender of a request chose.
    """
    hosts = [urlsplit(base_url).hostname]
    return hosts + [host for host in extra or [] if host not in hosts]


def normalise_database_url(url: str) -> str:
    """Return ``url`` with the psycopg 3 driver named for PostgreSQL URLs."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _development_secret(instance_path: Path) -> str:
    """Return a random key kept in the instance folder, so sessions survive a restart."""
    path = instance_path / "development-secret-key"
    if path.exists():
        return path.read_text().strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    path.write_text(key)
    path.chmod(0o600)
    return key
