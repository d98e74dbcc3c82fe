"""How the API knows who is calling: a bearer token, never the browser's session cookie."""

from __future__ import annotations

from flask import Flask, flash, g, jsonify, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import LoginManager
from flask_login.utils import login_url

from portal.accounts.sessions import session_ended_just_now, unsaved_answers
from portal.api.tokens import TokenExpired, user_for_token
from portal.core.access import is_api_request


def install(app: Flask, login_manager: LoginManager, session_loader) -> None:
    """Load users from the session for pages and from a bearer token for the API."""

    @login_manager.user_loader
    def load_from_session(session_id: str):
        if is_api_request():
            return None  # a browser session does not open the API
        return session_loader(session_id)

    @login_manager.request_loader
    def load_from_token(req):
        if not is_api_request():
            return None
        scheme, _, secret = req.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            return None
        try:
            return user_for_token(secret.strip())
        except TokenExpired as expired:
            g.api_token_refusal = str(expired)  # the 401 says why, so the client knows to renew it
            return None

    @login_manager.unauthorized_handler
    def unauthorized():
        if is_api_request():
            refusal = g.pop("api_token_refusal", None)
            response = jsonify(error={"status": 401, "message": refusal or "Send a valid personal token: Authorization: Bearer upt_..."})
            response.status_code = 401
            response.headers["WWW-Authenticate"] = 'Bearer realm="api"' + (', error="invalid_token"' if refusal else "")
            return response
        if _wants_json():
            # A script's request (the checklist's autosave): it says what happened, and keeps what was typed.
            response = jsonify(error=_("You are signed out. Sign in again to save."))
            response.status_code = 401
            return response
        if request.method == "POST" and (texts := unsaved_answers(request.form)):
            return render_template("accounts/signed_out.html", texts=texts, next=request.path), 401
        if not session_ended_just_now():
            flash(_("Please sign in to open this page."), "info")
        return redirect(login_url(login_manager.login_view, next_url=request.full_path.rstrip("?")))


def _wants_json() -> bool:
    """Tell whether the request comes from a script that reads JSON rather than from a page."""
    return request.is_json or request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json"
