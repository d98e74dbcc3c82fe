"""The export page's States in Chromium: found by typing part of a name, ticked, and the download holds those only."""

from __future__ import annotations

import csv
import io

import datetime as dt

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from portal.accounts.models import User
from portal.checklists.services import import_template
from portal.core.access import Role
from portal.core.extensions import db
from portal.cycles.services import create_cycle, open_cycle
from portal.states.services import find_state
from portal.submissions import services
from tests.browser.conftest import sign_in
from tests.conftest import CHECKLISTS_DIR
from tests.review.conftest import complete_changes


@pytest.fixture
def answered_replies(live_app, make_account):
    """A cycle of the live portal with Japan, Côte d'Ivoire and Canada invited, each reply answered in full."""
    focal = {code: make_account(Role.FOCAL_POINT, code, email=f"exports.focal.{code.lower()}@example.org")
             for code in ("JPN", "CIV", "CAN")}
    with live_app.app_context():
        template, _ = import_template(CHECKLISTS_DIR / "salvador-declaration.yaml")
        cycle = create_cycle(
            key="salvador-browser-exports", title="Follow-up to the Salvador Declaration (browser exports)",
            template=template, opens_on=dt.date(2026, 1, 15), deadline=dt.date(2026, 4, 15),
            cutoff_on=dt.date(2026, 4, 25), states=[find_state(code) for code in focal], created_by=None,
        )
        for submission in open_cycle(cycle, None):
            person = db.session.scalar(sa.select(User).where(User.email == focal[submission.state.code]))
            services.save_answers(submission, person, complete_changes(template))
        db.session.commit()


def test_an_officer_finds_states_by_typing_and_downloads_theirs(page, live_server, make_account, answered_replies):
    officer = make_account(Role.SECRETARIAT, email="exports.officer@example.org", name="Erin Exports")
    sign_in(page, officer)
    page.goto("/exports/?cycle=salvador-browser-exports")
    search = page.get_by_label("Find a State")
    search.fill("cote")  # without its accent
    expect(page.get_by_label("Côte d'Ivoire")).to_be_visible()
    expect(page.get_by_label("Canada")).to_be_hidden()
    expect(page.locator("#state-search-count")).to_have_text("1 State matches")
    search.press("Enter")  # filters only: nothing is downloaded
    page.get_by_label("Côte d'Ivoire").check()
    search.fill("JPN")  # an ISO code finds its State too
    page.get_by_label("Japan").check()
    search.fill("")
    expect(page.get_by_text("Western European and other States (29)")).to_be_visible()  # every group is back
    expect(page.locator("#state-search-count")).to_have_text("")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download").click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    assert {row["state_code"] for row in rows} == {"CIV", "JPN"}
