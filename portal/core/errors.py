"""Error pages rendered in the portal's layout."""

from __future__ import annotations

from flask import Flask, jsonify, render_template
from flask_babel import gettext as _
from flask_limiter.errors import RateLimitExceeded
from flask_wtf.csrf import CSRFError

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


def init_errors(app: Flask) -> None:
    def render(code: int, detail: str | None = None):
        # A failed statement leaves the transaction unusable (on PostgreSQL), and the page's layout
        # reads the signed-in user: start afresh, so the error page itself cannot fail.
        db.session.rollback()
        title, message = _MESSAGES.get(code, _MESSAGES[500])
        if is_api_request():
            return jsonify(error={"status": code, "message": detail or message}), code
        return render_template("errors/error.html", code=code, title=_(title), message=detail or _(message)), code

    for code in _MESSAGES:
        app.register_error_handler(code, lambda error, code=code: render(code))

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render(400, _("The form had expired or was not sent from the portal. Go back, reload the page and try again."))

    @app.errorhandler(RateLimitExceeded)
    def rate_limited(error):
        return render(429)
