"""Links in mail start with PORTAL_BASE_URL, and requests for a host the portal does not serve are refused."""

import sqlalchemy as sa

from portal.core.access import Role
from portal.mail.models import OutboxMessage
from tests.conftest import PASSWORD, csrf_fields


def outbox_count(db) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(OutboxMessage))


def newest_mail(db, recipient: str) -> OutboxMessage:
    return db.session.scalars(
        sa.select(OutboxMessage).where(OutboxMessage.recipient == recipient).order_by(OutboxMessage.id.desc())
    ).first()


def post_from_host(client, url: str, data: dict, host: str):
    """Fill in and post the form at ``url`` naming ``host`` in the Host header, as a forged request does."""
    page = client.get(url, base_url=f"http://{host}")
    assert page.status_code == 200, page.status_code
    return client.post(url, data={**csrf_fields(page.get_data(as_text=True)), **data}, base_url=f"http://{host}")


def serve_two_names(app, monkeypatch) -> None:
    """Let the portal answer for a second name too; SERVER_NAME unset, as in production, so nothing hides the Host header."""
    monkeypatch.setitem(app.config, "SERVER_NAME", None)
    monkeypatch.setitem(app.config, "TRUSTED_HOSTS", ["portal.test", "other-name.portal.test"])


def test_a_reset_requested_for_another_host_is_refused_and_mails_nothing(client, create_user, db):
    user = create_user(Role.FOCAL_POINT, "CAN")
    before = outbox_count(db)
    page = client.get("/forgot-password", headers={"Host": "evil.example"})
    assert page.status_code == 400 and "evil.example" not in page.get_data(as_text=True)
    form = csrf_fields(client.get("/forgot-password").get_data(as_text=True))
    response = client.post("/forgot-password", data={**form, "email": user.email}, headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert outbox_count(db) == before


def test_a_reset_link_goes_to_the_portal_address_whatever_host_was_asked(app, client, create_user, db, monkeypatch):
    """A second trusted name (behind the proxy, say) serves pages, but mail still links to PORTAL_BASE_URL."""
    serve_two_names(app, monkeypatch)
    user = create_user(Role.FOCAL_POINT, "CAN")
    response = post_from_host(client, "/forgot-password", {"email": user.email}, "other-name.portal.test")
    assert response.status_code == 302
    body = newest_mail(db, user.email).body
    assert "http://portal.test/reset-password/" in body and "other-name" not in body


def test_an_invitation_link_goes_to_the_portal_address_whatever_host_was_asked(app, client, create_user, db, monkeypatch):
    serve_two_names(app, monkeypatch)
    officer = create_user(Role.SECRETARIAT)
    page = client.get("/login", base_url="http://other-name.portal.test")
    client.post("/login", data={**csrf_fields(page.get_data(as_text=True)), "email": officer.email, "password": PASSWORD},
                base_url="http://other-name.portal.test")
    data = {"name": "Ana Pereira", "email": "ana@mne.example", "role": "focal_point", "state": "PRT", "language": "en"}
    assert post_from_host(client, "/invite", data, "other-name.portal.test").status_code == 302
    body = newest_mail(db, "ana@mne.example").body
    assert "http://portal.test/invitation/" in body and "other-name" not in body
