"""The outbox shows invitation and reset links only in development, and only while they work."""

import datetime as dt
import logging
import re

import sqlalchemy as sa

from portal.accounts.models import AccountToken
from portal.core.access import Role
from portal.mail.models import OutboxMessage
from tests.conftest import login, submit

LINK = re.compile(r"http://portal\.test/(?:reset-password|invitation)/[\w-]+")


def outbox_page(app, create_user) -> str:
    admin_client = app.test_client()
    login(admin_client, create_user(Role.ADMINISTRATOR))
    return admin_client.get("/admin/outbox/").get_data(as_text=True)


def mailed_link(db, email: str) -> str:
    body = db.session.scalars(sa.select(OutboxMessage.body).where(OutboxMessage.recipient == email)
                              .order_by(OutboxMessage.id.desc())).first()
    return LINK.search(body).group(0)


def test_outside_development_the_outbox_hides_reset_and_invitation_links(app, client, create_user, db):
    user = create_user(Role.FOCAL_POINT, "CAN")
    submit(client, "/forgot-password", {"email": user.email})
    officer = create_user(Role.SECRETARIAT)
    login(client, officer)
    submit(client, "/invite", {"name": "Ana", "email": "ana@mne.example", "role": "focal_point", "state": "PRT", "language": "en"})
    links = [mailed_link(db, user.email), mailed_link(db, "ana@mne.example")]
    # an address with an account is told where to sign in: a link that opens nothing by itself
    submit(client, "/invite", {"name": "Again", "email": user.email, "role": "focal_point", "state": "CAN", "language": "en"})
    page = outbox_page(app, create_user)
    assert "Reset your password" in page and "Invitation to the Member State reporting portal" in page
    assert not any(link.rsplit("/", 1)[1] in page for link in links)
    assert page.count("[link hidden: shown in development only]") == 2
    assert "http://portal.test/login" in page  # other links are shown


def test_in_development_the_outbox_shows_a_link_while_it_works(app, client, create_user, db, monkeypatch):
    monkeypatch.setitem(app.config, "PORTAL_ENV", "development")
    used, expired, live = (create_user(Role.FOCAL_POINT, "CAN") for _ in range(3))
    for user in (used, expired, live):
        submit(client, "/forgot-password", {"email": user.email})
    used_link, expired_link, live_link = (mailed_link(db, user.email) for user in (used, expired, live))
    assert submit(app.test_client(), used_link.removeprefix("http://portal.test"),
                  {"password": "lisboa-and-porto-2026", "confirm": "lisboa-and-porto-2026"}).status_code == 302
    token = db.session.scalars(sa.select(AccountToken).where(AccountToken.user_id == expired.id)).one()
    token.expires_at = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1)
    db.session.commit()

    page = outbox_page(app, create_user)
    assert live_link in page
    assert used_link not in page and expired_link not in page
    assert page.count("[link expired or used]") == 2


def test_outside_development_the_log_leaves_the_body_out(client, create_user, db, caplog):
    user = create_user(Role.FOCAL_POINT, "CAN")
    with caplog.at_level(logging.INFO):
        submit(client, "/forgot-password", {"email": user.email})
    assert f"mail to {user.email}: Reset your password for the reporting portal (in the outbox)" in caplog.text
    assert "/reset-password/" not in caplog.text
