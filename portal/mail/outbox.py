"""What the outbox page shows of a message: links that open an account only in development, and only while they work."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import current_app
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from portal.accounts.models import TokenPurpose
from portal.accounts.services import find_usable_token

# The pages a link in mail opens with the token it carries, and that token's purpose.
TOKEN_PAGES = {
    "accounts.accept_invitation": TokenPurpose.INVITATION,
    "accounts.reset_password": TokenPurpose.PASSWORD_RESET,
}

_URL = re.compile(r"https?://[^\s<>\"']+")


def shown_body(body: str) -> str:
    """Return ``body`` with its invitation and reset links hidden, unless in development and still usable.

    Anyone who reads such a link can set the account's password: outside development the outbox
    (which only administrators see) shows that a link was sent, not the link.
    """
    in_development = current_app.config["PORTAL_ENV"] == "development"

    def replace(match: re.Match) -> str:
        url = match.group(0)
        opened = _token_page(url)
        if opened is None:
            return url
        purpose, token = opened
        if not in_development:
            return _("[link hidden: shown in development only]")
        if find_usable_token(token, purpose) is None:
            return _("[link expired or used]")
        return url

    return _URL.sub(replace, body)


def _token_page(url: str) -> tuple[TokenPurpose, str] | None:
    """Return the purpose and the token of a link to a page that a token opens, or None for any other link."""
    path = urlsplit(url).path
    prefix = urlsplit(current_app.config["PORTAL_BASE_URL"]).path.rstrip("/")
    if prefix and path.startswith(prefix + "/"):
        path = path[len(prefix):]
    try:
        endpoint, values = current_app.url_map.bind("portal").match(path, method="GET")
    except HTTPException:
        return None
    purpose = TOKEN_PAGES.get(endpoint)
    return (purpose, values["token"]) if purpose is not None else None
