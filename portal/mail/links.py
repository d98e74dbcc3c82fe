"""Links to the portal in the messages it sends."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app


def mail_link(endpoint: str, **values) -> str:
    """Return the absolute address of ``endpoint`` for a message, built on PORTAL_BASE_URL.

    Never on the request's Host header, which whoever sends the request chooses (a reset link
    mailed for "Host: evil.example" would hand the token to that site); and the same inside a
    request, in a command or in a job.
    """
    base = urlsplit(current_app.config["PORTAL_BASE_URL"])
    adapter = current_app.url_map.bind(base.netloc, script_name=base.path or "/", url_scheme=base.scheme)
    current_app.inject_url_defaults(endpoint, values)
    return adapter.build(endpoint, values, force_external=True)
