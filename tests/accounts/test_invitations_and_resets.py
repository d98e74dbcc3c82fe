"""Invitations and forgotten passwords: single-use links that expire, sent by mail."""

import datetime as dt
import re

import sqlalchemy as sa

from portal.accounts.models import AccountToken, User
from portal.core.access import Role
from portal.mail.models import OutboxMessage
from tests.conftest import PASSWORD, csrf_fields, login, submit
from tests.smtp import free_port


def last_mail(db, recipient: str) -> OutboxMessage:
    message = db.session.scalars(
        sa.select(OutboxMessage).where(OutboxMessage.recipient == recipient).order_by(OutboxMessage.id.desc())
    ).first()
    assert message is not None, f"no mail to {recipient}"
    return message


def link_in(message: OutboxMessage) -> str:
    match = re.search(r"http://portal\.test(/\S+)", message.body)
    assert match, message.body
    return match.group(1)


def test_secretariat_invites_a_focal_point_who_sets_a_password(app, client, create_user, db):
    officer = create_user(Role.SECRETARIAT)
    login(client, officer)
    response = submit(
        client,
        "/invite",
        {"name": "Ana Pereira", "email": "Ana.Pereira@mne.example", "role": "focal_point", "state": "PRT", "language": "en"},
    )
    assert response.status_code == 302 and response.headers["Location"] == "/states/PRT"
    message = last_mail(db, "ana.pereira@mne.example")
    assert "National focal point for Portugal" in message.body
    link = link_in(message)
    assert link.startswith("/invitation/")
    token = db.session.scalars(sa.select(AccountToken).order_by(AccountToken.id.desc())).first()
    assert link.split("/")[-1] not in token.digest  # only a digest is stored

    invitee = app.test_client()
    assert "Welcome, Ana Pereira" in invitee.get(link).get_data(as_text=True)
    accepted = submit(invitee, link, {"password": "a-strong-password", "confirm": "a-strong-password"})
    assert accepted.status_code == 302 and accepted.headers["Location"] == "/dashboard"
    assert "Portugal" in invitee.get("/dashboard").get_data(as_text=True)
    # single use
    assert app.test_client().get(link).status_code == 404


def test_invitation_expires(app, client, create_user, db):
    login(client, create_user(Role.ADMINISTRATOR))
    submit(client, "/invite", {"name": "Late Comer", "email": "late@example.org", "role": "secretariat", "state": "", "language": "fr"})
    link = link_in(last_mail(db, "late@example.org"))
    token = db.session.scalars(sa.select(AccountToken).order_by(AccountToken.id.desc())).first()
    token.expires_at = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1)
    db.session.commit()
    page = app.test_client().get(link)
    assert page.status_code == 404
    assert "expired" in page.get_data(as_text=True)


def test_reinviting_retires_the_earlier_link(app, client, create_user, db):
    login(client, create_user(Role.SECRETARIAT))
    data = {"name": "Kim", "email": "kim@example.org", "role": "focal_point", "state": "JPN", "language": "en"}
    submit(client, "/invite", data)
    first = link_in(last_mail(db, "kim@example.org"))
    submit(client, "/invite", data)
    second = link_in(last_mail(db, "kim@example.org"))
    assert first != second
    assert app.test_client().get(first).status_code == 404
    assert app.test_client().get(second).status_code == 200


def test_focal_point_invites_contributors_for_their_own_state_only(client, create_user, db):
    focal = create_user(Role.FOCAL_POINT, "CAN")
    login(client, focal)
    page = client.get("/invite").get_data(as_text=True)
    assert '<option selected value="CAN">Canada</option>' in page or 'value="CAN"' in page
    assert 'value="ARG"' not in page and 'value="focal_point"' not in page
    ok = submit(client, "/invite", {"name": "C", "email": "c@example.org", "role": "contributor", "state": "CAN", "language": "en"})
    assert ok.status_code == 302
    invited = db.session.scalar(sa.select(User).where(User.email == "c@example.org"))
    assert invited.state.code == "CAN" and invited.role is Role.CONTRIBUTOR and invited.invited_by_id == focal.id
    # a forged post for another State, or another role, is refused and creates nobody
    other_state = submit(client, "/invite", {"name": "D", "email": "d@example.org", "role": "contributor", "state": "ARG", "language": "en"})
    other_role = submit(client, "/invite", {"name": "E", "email": "e@example.org", "role": "focal_point", "state": "CAN", "language": "en"})
    assert other_state.status_code == 422 and other_role.status_code == 422
    assert db.session.scalar(sa.select(sa.func.count()).select_from(User).where(User.email.in_(["d@example.org", "e@example.org"]))) == 0


def test_contributor_cannot_invite(client, login_as):
    login_as(Role.CONTRIBUTOR, "CAN")
    assert client.get("/invite").status_code == 403


def test_invitation_form_errors_keep_what_was_typed(client, login_as):
    login_as(Role.SECRETARIAT)
    response = submit(client, "/invite", {"name": "Typed Name", "email": "not-an-address", "role": "focal_point", "state": "", "language": "en"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'value="Typed Name"' in html and 'value="not-an-address"' in html
    assert 'id="email-error"' in html and 'id="state-error"' in html
    assert 'aria-describedby="email-error"' in html


def test_existing_account_is_not_invited_again_but_told_by_mail(client, login_as, create_user, db):
    existing = create_user(Role.FOCAL_POINT, "ARG")
    login_as(Role.SECRETARIAT)
    tokens = db.session.scalar(sa.select(sa.func.count()).select_from(AccountToken))
    response = submit(client, "/invite", {"name": "X", "email": existing.email, "role": "focal_point", "state": "ARG", "language": "en"},
                      follow_redirects=True)
    assert response.status_code == 200
    assert f"An invitation was sent to {existing.email}, unless the address already has an account" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AccountToken)) == tokens
    notice = last_mail(db, existing.email).body
    assert "You already have an account with this address" in notice and "http://portal.test/login" in notice
    assert "/invitation/" not in notice


def test_forgotten_password_mail_link_resets_once(app, client, create_user, db):
    user = create_user(Role.FOCAL_POINT, "CZE")
    response = submit(client, "/forgot-password", {"email": user.email})
    assert response.status_code == 302
    link = link_in(last_mail(db, user.email))
    browser = app.test_client()
    done = submit(browser, link, {"password": "brand-new-password", "confirm": "brand-new-password"})
    assert done.status_code == 302
    assert app.test_client().get(link).status_code == 404  # used up
    assert submit(app.test_client(), "/login", {"email": user.email, "password": PASSWORD}).status_code == 401
    assert submit(app.test_client(), "/login", {"email": user.email, "password": "brand-new-password"}).status_code == 302


def test_forgotten_password_says_the_same_for_unknown_addresses(client, db):
    before = db.session.scalar(sa.select(sa.func.count()).select_from(OutboxMessage))
    response = submit(client, "/forgot-password", {"email": "nobody@example.org"}, follow_redirects=True)
    assert "If an account uses this address" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OutboxMessage)) == before


def test_reset_link_expires(app, client, create_user, db):
    user = create_user(Role.SECRETARIAT)
    submit(client, "/forgot-password", {"email": user.email})
    link = link_in(last_mail(db, user.email))
    token = db.session.scalars(sa.select(AccountToken).order_by(AccountToken.id.desc())).first()
    token.expires_at = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=1)
    db.session.commit()
    assert app.test_client().get(link).status_code == 404


def test_outbox_shows_messages_to_administrators_only(client, create_user, db):
    user = create_user(Role.SECRETARIAT)
    submit(client, "/forgot-password", {"email": user.email})
    login(client, user)
    assert client.get("/admin/outbox/").status_code == 403
    submit(client, "/logout", {}, form_page="/dashboard")
    login(client, create_user(Role.ADMINISTRATOR))
    page = client.get("/admin/outbox/").get_data(as_text=True)
    assert "Reset your password" in page and user.email in page


def test_forgotten_password_answers_before_it_looks_the_address_up(app, client, create_user, db):
    """The answer leaves before any work that depends on the address: its time cannot tell whether an account exists.

    bench/forgot_password_timing.py measures it over HTTP.
    """
    user = create_user(Role.FOCAL_POINT, "CAN")
    fields = csrf_fields(client.get("/forgot-password").get_data(as_text=True))
    response = client.post("/forgot-password", data={**fields, "email": user.email}, buffered=False)
    assert response.status_code == 302
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AccountToken).where(AccountToken.user_id == user.id)) == 0
    response.close()  # the server has sent the answer
    assert "/reset-password/" in last_mail(db, user.email).body


def test_forgotten_password_says_the_same_when_the_mail_cannot_be_sent(app, client, create_user, db, monkeypatch):
    """A mail server that cannot be reached only fails for addresses with an account: the page must not show it."""
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(app.config, "MAIL_PORT", free_port())  # nothing listens there
    user = create_user(Role.FOCAL_POINT, "CAN")
    answers = [submit(client, "/forgot-password", {"email": email}, follow_redirects=True)
               for email in (user.email, "nobody@example.org")]
    assert [answer.status_code for answer in answers] == [200, 200]
    assert all("If an account uses this address" in answer.get_data(as_text=True) for answer in answers)
