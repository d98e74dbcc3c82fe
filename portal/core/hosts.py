"""Requests for a host other than the portal's are refused (Flask's TRUSTED_HOSTS, set from PORTAL_BASE_URL)."""

from __future__ import annotations

from flask import Flask, Response
from flask_babel import gettext as _
from werkzeug.exceptions import SecurityError


def init_trusted_hosts(app: Flask) -> None:
    """Answer 400 in plain text to a request whose Host header is not one of TRUSTED_HOSTS.

    Flask finds the untrusted host before it can build any URL, so the portal's error page, whose
    layout is full of links, cannot be rendered: the answer is a line of text.
    """

    @app.errorhandler(SecurityError)
    def untrusted_host(error: SecurityError) -> Response:
        app.logger.warning("refused a request for an untrusted host: %s", error.description)
        return Response(_("This server does not answer for the host named in the request."), 400, mimetype="text/plain")
