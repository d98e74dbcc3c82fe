"""The mail of each step, over a real SMTP server: receipts, acceptance, themes assigned, the officers' daily list."""

from __future__ import annotations

import sqlalchemy as sa

from portal.core.access import Role
from portal.review import notices
from portal.submissions import services
from portal.submissions.models import ReplyNotice
from tests.conftest import install_clock, login, submit
from tests.review.conftest import fill, submission_of


def subjects(smtp, address: str) -> list[str]:
    return [message["Subject"] for message in smtp.messages if message["To"] == address]


def notify(app) -> str:
    result = app.test_cli_runner().invoke(args=["review", "notify"])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_submission_sends_the_state_a_receipt_and_the_officers_one_list_a_day(app, client, db, reply, create_user,
                                                                               smtp, monkeypatch):
    clock = install_clock(monkeypatch, notices)
    other_officer = create_user(Role.SECRETARIAT, name="Second Officer")
    former = create_user(Role.FOCAL_POINT, "CAN", name="Former Focal")
    former.is_active = False
    db.session.commit()
    fill(reply.submission, reply.focal, reply.template)
    db.session.commit()
    login(client, reply.focal)
    assert submit(client, f"{reply.url}/submit", {"confirm": "y"}).status_code == 303

    [receipt] = [m for m in smtp.messages if m["To"] == reply.focal.email]
    assert receipt["Subject"] == f"{reply.cycle.title}: the reply of Canada was received"
    body = receipt.get_content()
    assert "was submitted to the Secretariat by Claire Tremblay on" in body and "This message is your receipt." in body
    assert f"http://portal.test/cycles/{reply.cycle.key}/states/CAN/timeline" in body
    assert subjects(smtp, former.email) == [] and subjects(smtp, reply.contributor.email) == []
    for officer in (reply.officer, other_officer):
        [told] = [m for m in smtp.messages if m["To"] == officer.email]
        assert told["Subject"] == "Canada submitted its reply for review"
        assert f"http://portal.test/cycles/{reply.cycle.key}/states/CAN/review" in told.get_content()

    # Argentina submits an hour later: its focal point has a receipt, the officers wait for their next list.
    argentina = submission_of(db, reply.cycle, "ARG")
    focal_ar = create_user(Role.FOCAL_POINT, "ARG", name="Lucía Fernández")
    fill(argentina, focal_ar, reply.template)
    db.session.commit()
    other = app.test_client()
    login(other, focal_ar)
    assert submit(other, f"/cycles/{reply.cycle.key}/states/ARG/submit", {"confirm": "y"}).status_code == 303
    assert subjects(smtp, focal_ar.email) == [f"{reply.cycle.title}: the reply of Argentina was received"]
    assert len(subjects(smtp, reply.officer.email)) == 1

    clock.advance(hours=23)
    assert notify(app) == "0 message(s) sent\n"
    clock.advance(hours=1, minutes=1)
    assert notify(app) == "2 message(s) sent\n"
    second = [m for m in smtp.messages if m["To"] == reply.officer.email][1]
    assert second["Subject"] == "Argentina submitted its reply for review"
    assert "Argentina" in second.get_content() and "Canada" not in second.get_content()
    assert notify(app) == "0 message(s) sent\n"  # each reply is told once


def test_a_resubmission_is_named_so_and_a_refused_officer_is_tried_again(app, client, db, submitted, create_user,
                                                                       smtp, monkeypatch):
    clock = install_clock(monkeypatch, notices)
    refused = create_user(Role.SECRETARIAT, email="refused.officer@example.org")
    services.return_for_revision(submitted.submission, submitted.officer, "Please revise.")
    db.session.commit()
    login(client, submitted.focal)
    assert submit(client, f"{submitted.url}/submit", {"confirm": "y"}).status_code == 303
    assert subjects(smtp, submitted.officer.email) == ["Canada submitted its reply again for review"]
    receipt = [m for m in smtp.messages if m["To"] == submitted.focal.email][0].get_content()
    assert "The revised reply of Canada" in receipt and "was submitted again" in receipt
    waiting = db.session.scalar(sa.select(ReplyNotice).where(ReplyNotice.user_id == refused.id))
    assert waiting.sent_at is None  # the server refused it: it waits for the next run
    clock.advance(hours=1)
    result = app.test_cli_runner().invoke(args=["review", "notify"])
    assert result.exit_code == 1 and "not sent to refused.officer@example.org" in result.output


def test_accepting_tells_the_states_focal_points_with_the_note(client, db, submitted, smtp):
    login(client, submitted.officer)
    page = client.get(f"{submitted.url}/review").get_data(as_text=True)
    from tests.review.test_review import review_form

    response = client.post(f"{submitted.url}/accept", data={**review_form(page, "accept"),
                                                            "accept-note": "Thank you for the detailed reply."})
    assert response.status_code == 303
    [message] = smtp.messages
    assert message["To"] == submitted.focal.email
    assert message["Subject"] == f"{submitted.cycle.title}: the reply of Canada was accepted"
    assert "Thank you for the detailed reply." in message.get_content()


def test_a_contributor_is_told_of_the_themes_newly_assigned_to_them(client, db, reply, smtp):
    login(client, reply.focal)
    url = f"{reply.url}/assignments"
    data = {"theme-crime-prevention": str(reply.contributor.id), "theme-crime-data": str(reply.contributor.id)}
    assert submit(client, url, data).status_code == 302
    [message] = smtp.messages
    assert message["To"] == reply.contributor.email
    assert message["Subject"] == f"{reply.cycle.title}: 2 themes of the reply of Canada are assigned to you"
    body = message.get_content()
    assert "Claire Tremblay has asked you to answer 2 themes" in body
    assert f"http://portal.test/cycles/{reply.cycle.key}/states/CAN/themes/crime-prevention" in body
    # Saving the same assignments again tells nobody; a focal point who takes a theme is not mailed.
    assert submit(client, url, {**data, "theme-crime-prevention": [str(reply.contributor.id), str(reply.focal.id)]}).status_code == 302
    assert len(smtp.messages) == 1
