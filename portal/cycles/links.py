"""Links to the portal built outside a web request (command line, demonstration data)."""

from __future__ import annotations

import contextlib
from typing import Iterator

from flask import current_app, has_request_context


class PortalAddressUnknown(RuntimeError):
    """A link to the portal is needed, but neither SERVER_NAME nor a base URL says where it is."""


@contextlib.contextmanager
def links_to(base_url: str | None) -> Iterator[None]:
    """Let ``url_for(..., _external=True)`` build links to the portal outside a request.

    Inside a request, or when SERVER_NAME is configured, links already know the portal's address;
    otherwise they are built as if a request had come to ``base_url``.
    """
    if has_request_context() or current_app.config.get("SERVER_NAME"):
        yield
    elif base_url:
        with current_app.test_request_context("/", base_url=base_url):
            yield
    else:
        raise PortalAddressUnknown("the portal's address is unknown: set SERVER_NAME or give a base URL")
