"""Who may use each route, declared on every view in one uniform way.

Every endpoint carries an ``access`` rule set by :func:`public` or :func:`allow`.
:func:`enforce_access` runs before each request and refuses an endpoint that
declares no rule, so a forgotten declaration fails closed; a test walks the URL
map to catch it before that happens.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable, TypeVar

from flask import abort, current_app, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal.core.db import LabelledEnum

F = TypeVar("F", bound=Callable)


class Role(LabelledEnum):
    ADMINISTRATOR = "administrator", _l("Administrator")
    SECRETARIAT = "secretariat", _l("Secretariat officer")
    FOCAL_POINT = "focal_point", _l("National focal point")
    CONTRIBUTOR = "contributor", _l("Contributor")

    @property
    def is_state_bound(self) -> bool:
        """Tell whether users of this role belong to one Member State."""
        return self in STATE_ROLES


STATE_ROLES = frozenset({Role.FOCAL_POINT, Role.CONTRIBUTOR})
STAFF_ROLES = frozenset({Role.ADMINISTRATOR, Role.SECRETARIAT})
ALL_ROLES = frozenset(Role)


@dataclass(frozen=True)
class AccessRule:
    """The declared audience of an endpoint: everyone, or signed-in users of some roles."""

    is_public: bool
    roles: frozenset[Role]

    def describe(self) -> str:
        if self.is_public:
            return "public"
        return "roles: " + ", ".join(sorted(role.value for role in self.roles))


def _declare(rule: AccessRule) -> Callable[[F], F]:
    def decorator(view: F) -> F:
        if hasattr(view, "access"):
            raise RuntimeError(f"{view.__qualname__} declares its access twice")
        view.access = rule  # type: ignore[attr-defined]
        return view

    return decorator


def public(view: F) -> F:
    """Declare a view open to everyone, signed in or not."""
    return _declare(AccessRule(is_public=True, roles=frozenset()))(view)


def allow(*roles: Role) -> Callable[[F], F]:
    """Declare a view open to signed-in users holding one of ``roles``."""
    if not roles:
        raise ValueError("allow() needs at least one role")
    return _declare(AccessRule(is_public=False, roles=frozenset(roles)))


def signed_in(view: F) -> F:
    """Declare a view open to every signed-in user, whatever the role."""
    return allow(*Role)(view)


def rule_for(view: Callable) -> AccessRule | None:
    """Return the access rule declared on ``view``, or None."""
    return getattr(view, "access", None)


def enforce_access():
    """Refuse the request unless the endpoint's declared rule admits the current user."""
    if request.endpoint is None:  # no route matched: Flask answers 404 or 405 itself
        return None
    view = current_app.view_functions.get(request.endpoint)
    rule = rule_for(view) if view else None
    if rule is None:
        current_app.logger.error("endpoint %s declares no access rule; refused", request.endpoint)
        abort(403)
    if rule.is_public:
        return None
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    if current_user.role not in rule.roles:
        abort(403)
    return None


def public_wrapper(view: Callable) -> Callable:
    """Wrap a view that cannot carry attributes (a bound method) and declare it public."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        return view(*args, **kwargs)

    return public(wrapped)


def ensure_state_access(state_id: int) -> None:
    """Abort with 404 unless the current user may reach data of the State ``state_id``.

    Staff reach every State; focal points and contributors only their own, everywhere, always.
    Another State's resource answers exactly as a missing one: a 403 would tell a State's users
    which other States have a reply in a cycle, or which accounts exist.
    """
    if current_user.role in STAFF_ROLES:
        return
    if current_user.state_id != state_id:
        abort(404)


def visible_state_ids() -> set[int] | None:
    """Return the States the current user may see, or None for all of them."""
    if current_user.role in STAFF_ROLES:
        return None
    return {current_user.state_id}


API_PREFIX = "/api/"


def is_api_request() -> bool:
    """Tell whether the request is for the JSON API (token authentication, JSON errors)."""
    return request.path.startswith(API_PREFIX)
