"""Error pages rendered in the portal's layout."""

from __future__ import annotations

from flask import Flask, jsonify, render_template
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from portal.core.access import is_api_request
from portal.core.extensions import db

_MESSAGES = {
    400: ("Bad request", "The request could not be understood."),
    403: ("Not allowed", "Your account does not give access to this page."),
    404: ("Not found", "There is no page at this address."),
    405: ("Not allowed", "This address does not accept that kind of request."),
    413: ("Too large", "What you sent is larger than the portal accepts."),
    429: ("Too many attempts", "Too many attempts in a short time. Wait a minute and try again."),
    500: ("Something went wrong", "The portal met an error. The Secretariat has been told in the logs."),
}


def _headers_of(error: Exception) -> list[tuple[str, str]]:
    """Return the headers an HTTP error carries (a 405's Allow, a 401's WWW-Authenticate), without its body's type."""
    if not isinstance(error, HTTPException):
        return []
    return [(name, value) for name, value in error.get_headers() if name.lower() != "content-type"]


def init_errors(app: Flask) -> None:
    def render(error: Exception, code: int, detail: str | None = None):
        # A failed statement leaves the transaction unusable (on PostgreSQL), and the page's layout
        # reads the signed-in user: start afresh, so the error page itself cannot fail.
        db.session.rollback()
        title, message = _MESSAGES.get(code, _MESSAGES[500])
        if is_api_request():
            response = jsonify(error={"status": code, "message": detail or message})
        else:
            response = app.make_response(
                render_template("errors/error.html", code=code, title=_(title), message=detail or _(message))
            )
        response.status_code = code
        response.headers.extend(_headers_of(error))
        return response

    for code in _MESSAGES:
        app.register_error_handler(code, lambda error, code=code: render(error, code))

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render(error, 400, _("The form had expired or was not sent from the portal. Go back, reload the page and try again."))
