"""The embedded SQLite database under people working at the same moment: no request fails on a lock.

SQLite lets one writer in at a time. A transaction that reads first and writes later must not be
refused when another request writes in between ("database is locked"): requests that change data
take the write lock when they begin, and wait for it. These tests use an SQLite file of their own
(the ``db`` fixture's transaction is never seen by other connections), whatever the suite's database.
"""

from __future__ import annotations

import datetime as dt
import threading
from types import SimpleNamespace

import pytest

from portal import create_app
from portal.accounts.models import User
from portal.core.access import Role
from portal.core.extensions import db
from portal.core.security import hash_password
from portal.cycles.services import create_cycle, open_cycle
from portal.states.services import find_state, load_states
from tests.answers.conftest import meta_token
from tests.conftest import CHECKLISTS_DIR, PASSWORD, dispose, login, make_test_config, reset_database

STATES = ("CAN", "ARG", "JPN", "PRT")
SAVES = 25


@pytest.fixture
def portal(tmp_path):
    app = create_app(make_test_config(f"sqlite:///{tmp_path / 'portal.sqlite3'}", CACHE_DIR=str(tmp_path / "cache")))
    reset_database(app)
    with app.app_context():
        from portal.checklists.services import import_template

        load_states()
        template, _ = import_template(CHECKLISTS_DIR / "salvador-declaration.yaml")
        for code in STATES:
            db.session.add(User(email=f"focal.{code.lower()}@example.org", name=f"Focal {code}", role=Role.FOCAL_POINT,
                                state=find_state(code), password_hash=hash_password(PASSWORD), language="en"))
        cycle = create_cycle(key="concurrent", title="Concurrent replies", template=template, opens_on=dt.date(2026, 1, 1),
                             deadline=dt.date(2026, 6, 1), cutoff_on=dt.date(2026, 6, 15),
                             states=[find_state(code) for code in STATES], created_by=None)
        open_cycle(cycle, None)
        db.session.commit()
    yield app
    dispose(app)


def test_focal_points_signing_in_and_saving_at_the_same_moment_all_succeed(portal):
    """Four focal points sign in at once, then autosave their own replies at once, 25 times each: nothing is refused."""
    failures: list[str] = []
    start = threading.Barrier(len(STATES))

    def focal_point(code: str) -> None:
        client = portal.test_client()
        start.wait(timeout=60)
        login(client, SimpleNamespace(email=f"focal.{code.lower()}@example.org"))  # reads the account, then records the sign-in: it failed here before
        page = client.get(f"/cycles/concurrent/states/{code}/themes/standards-norms").get_data(as_text=True)
        token = meta_token(page)
        start.wait(timeout=60)
        for revision in range(SAVES):
            response = client.post(f"/cycles/concurrent/states/{code}/answers", headers={"X-CSRFToken": token}, json={
                "changes": [{"item": "SD-2", "question": "measures", "value": f"{code} measure {revision}",
                             "base_revision": revision}],
            })
            body = response.get_json(silent=True) or {}
            if response.status_code != 200 or body.get("conflicts") or body.get("errors"):
                failures.append(f"{code} save {revision}: {response.status_code} {response.get_data(as_text=True)[:200]}")

    threads = [threading.Thread(target=focal_point, args=(code,)) for code in STATES]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with portal.app_context():
        from portal.submissions.models import Answer

        values = sorted(db.session.scalars(db.select(Answer.value).where(Answer.question_code == "measures")))
    assert values == sorted(f"{code} measure {SAVES - 1}" for code in STATES)
