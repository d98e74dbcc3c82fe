"""Work done once a response has been sent: the person who asked waits for none of it, and learns nothing from its time."""

from __future__ import annotations

from typing import Callable

from flask import Flask, Response, after_this_request, current_app

from portal.core.database import writing
from portal.core.extensions import db


def after_response(work: Callable[[], None]) -> None:
    """Run ``work`` once the answer to the current request has been sent, if the request succeeded.

    ``work`` runs in an application context and a transaction of its own, committed at its end
    (with SQLite's write lock taken at once); it may not rely on the request. An error is logged:
    nobody is left to tell.
    """
    app = current_app._get_current_object()

    @after_this_request
    def schedule(response: Response) -> Response:
        if response.status_code < 400:
            response.call_on_close(lambda: _run(app, work))
        return response


def _run(app: Flask, work: Callable[[], None]) -> None:
    with app.app_context(), writing():
        try:
            work()
            db.session.commit()
        except Exception:
            db.session.rollback()
            app.logger.exception("work done after a response failed: %r", work)
