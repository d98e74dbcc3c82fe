"""Password hashing, single-use tokens and the security headers sent with every response."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Flask, Response, request

_hasher = PasswordHasher()

MIN_PASSWORD_LENGTH = 10

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)


def hash_password(password: str) -> str:
    """Return an argon2id hash of ``password``."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Tell whether ``password`` matches ``password_hash`` (False when there is no hash)."""
    if not password_hash:
        # Spend the time of a real check, so that timing does not tell which accounts exist.
        _burn_time()
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def password_needs_rehash(password_hash: str) -> bool:
    """Tell whether ``password_hash`` was made with weaker parameters than today's."""
    return _hasher.check_needs_rehash(password_hash)


_DUMMY_HASH = _hasher.hash(secrets.token_hex(8))


def _burn_time() -> None:
    try:
        _hasher.verify(_DUMMY_HASH, "not the password")
    except VerificationError:
        pass


def new_token() -> tuple[str, str]:
    """Return a fresh URL-safe token and the digest under which it is stored."""
    token = secrets.token_urlsafe(32)
    return token, token_digest(token)


def token_digest(token: str) -> str:
    """Return the SHA-256 digest under which ``token`` is stored (tokens are never stored in clear)."""
    return hashlib.sha256(token.encode()).hexdigest()


def add_security_headers(response: Response) -> Response:
    """Add the security headers every response carries."""
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    if request.endpoint != "static":
        # Pages, downloads and API answers show a State's answers or the Secretariat's work: no cache may
        # keep them. Set here rather than left as a default, since send_file marks every file "no-cache"
        # (stored, then revalidated); only the public static assets keep the caching Flask gives them.
        headers["Cache-Control"] = "no-store"
    return response


def init_security(app: Flask) -> None:
    app.after_request(add_security_headers)
