"""Cycles with replies to compile: the demonstration's 2011 cycle (eight accepted replies, real texts)."""

from __future__ import annotations

import pytest

from portal.accounts.services import find_user_by_email
from portal.core.access import Role
from portal.cycles.models import ReportingCycle
from portal.cycles.services import find_cycle
from portal.demo import cycles as demo
from portal.demo.cli import demo_accounts


@pytest.fixture
def cycle_2011(db, salvador, create_user) -> ReportingCycle:
    """The closed cycle ``salvador-2011`` with the eight States of E/CN.15/2011/15 accepted, as in the demonstration.

    The Secretariat officer is secretariat@example.org; the focal points are focal.<code>@example.org.
    """
    for person in demo_accounts():
        if person["role"] is Role.SECRETARIAT or person["state"] in demo.STATES_2011:
            create_user(person["role"], person["state"], email=person["email"], name=person["name"])
    demo.create_2011_cycle(salvador, find_user_by_email("secretariat@example.org"))
    db.session.commit()
    return find_cycle(demo.SALVADOR_2011.key)
