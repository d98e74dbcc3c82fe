"""Opening a cycle mails its invitations over a real SMTP server (aiosmtpd on localhost), after the opening is committed.

The server refuses the recipients whose address contains "refused", as a mail server refuses an
unknown mailbox; a closed port stands for a server that cannot be reached.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from portal.core.access import Role
from portal.cycles.models import CycleStatus, ReportingCycle
from portal.submissions.models import Submission
from tests.conftest import csrf_token
from tests.smtp import free_port


@pytest.fixture
def three_focal_points(db, create_user, make_cycle):
    cycle = make_cycle(["CAN", "ARG", "JPN"], is_open=False)
    people = [create_user(Role.FOCAL_POINT, "CAN", email="focal.can@example.org"),
              create_user(Role.FOCAL_POINT, "ARG", email="refused.arg@example.org"),
              create_user(Role.FOCAL_POINT, "JPN", email="focal.jpn@example.org")]
    db.session.commit()
    return cycle, people


def open_in_browser(client, login_as):
    login_as(Role.SECRETARIAT)
    page = client.get("/cycles/salvador-2026/").get_data(as_text=True)
    response = client.post("/cycles/salvador-2026/open", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 302
    return client.get("/cycles/salvador-2026/").get_data(as_text=True)


def opened(db, cycle_id: int) -> tuple[CycleStatus, int]:
    db.session.expire_all()
    cycle = db.session.get(ReportingCycle, cycle_id)
    replies = db.session.scalar(sa.select(sa.func.count()).select_from(Submission).where(Submission.cycle_id == cycle_id))
    return cycle.status, replies


def test_a_refused_recipient_does_not_stop_the_others_and_the_cycle_stays_open(client, db, login_as, smtp,
                                                                                three_focal_points):
    cycle, _people = three_focal_points
    page = open_in_browser(client, login_as)
    assert opened(db, cycle.id) == (CycleStatus.OPEN, 3)
    assert sorted(message["To"] for message in smtp.messages) == ["focal.can@example.org", "focal.jpn@example.org"]
    assert len(smtp.connections) == 1, "all invitations over one connection"
    assert "http://portal.test/cycles/salvador-2026/states/JPN/" in next(
        m for m in smtp.messages if m["To"] == "focal.jpn@example.org").get_content()
    assert ("The cycle is open: 3 States can now reply. 2 focal points have been e-mailed. The invitation could not "
            "be sent to refused.arg@example.org: tell them another way.") in page


def test_an_unreachable_mail_server_leaves_the_cycle_open_and_says_who_was_not_told(client, db, login_as, app,
                                                                                    monkeypatch, three_focal_points):
    cycle, _people = three_focal_points
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(app.config, "MAIL_PORT", free_port())  # nothing listens there
    page = open_in_browser(client, login_as)
    assert opened(db, cycle.id) == (CycleStatus.OPEN, 3)
    assert ("0 focal points have been e-mailed. The invitation could not be sent to focal.can@example.org, "
            "focal.jpn@example.org, refused.arg@example.org") in page


def test_all_delivered(client, db, login_as, smtp, create_user, make_cycle):
    cycle = make_cycle(["CAN", "ARG"], is_open=False)
    create_user(Role.FOCAL_POINT, "CAN")
    create_user(Role.FOCAL_POINT, "ARG")
    db.session.commit()
    page = open_in_browser(client, login_as)
    assert opened(db, cycle.id) == (CycleStatus.OPEN, 2)
    assert len(smtp.messages) == 2 and len(smtp.connections) == 1
    assert "The cycle is open: 2 States can now reply. 2 focal points have been e-mailed." in page


def test_the_command_line_opens_then_lists_who_was_not_mailed_and_fails(app, db, smtp, three_focal_points):
    cycle, _people = three_focal_points
    result = app.test_cli_runner().invoke(
        args=["cycles", "open", "salvador-2026"])
    assert result.exit_code == 1
    assert "salvador-2026\topen\t3 replies created" in result.stdout
    assert "not e-mailed\trefused.arg@example.org\t550 5.1.1 No such mailbox here" in result.stderr
    assert "the cycle is open, but 1 of 3 invitations could not be e-mailed" in result.stderr
    assert opened(db, cycle.id) == (CycleStatus.OPEN, 3)
    assert "/cycles/salvador-2026/states/CAN/" in next(
        m for m in smtp.messages if m["To"] == "focal.can@example.org").get_content()
