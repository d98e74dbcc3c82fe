"""A password change retires earlier reset links and is mailed to the account's owner."""

import re

import sqlalchemy as sa

from portal.core.access import Role
from portal.mail.models import OutboxMessage
from tests.conftest import PASSWORD, login, submit

NEW_PASSWORD = "lisboa-and-porto-2026"


def mails_to(db, email: str) -> list[OutboxMessage]:
    return list(db.session.scalars(sa.select(OutboxMessage).where(OutboxMessage.recipient == email).order_by(OutboxMessage.id)))


def reset_link(client, db, email: str) -> str:
    submit(client, "/forgot-password", {"email": email})
    return re.search(r"http://portal\.test(/reset-password/\S+)", mails_to(db, email)[-1].body).group(1)


def test_changing_the_password_retires_a_reset_link_asked_for_before(app, client, create_user, db):
    user = create_user(Role.FOCAL_POINT, "CAN")
    link = reset_link(app.test_client(), db, user.email)  # asked for (by someone) before the change
    login(client, user)
    changed = submit(client, "/account/password", {"pw-current_password": PASSWORD, "pw-password": NEW_PASSWORD, "pw-confirm": NEW_PASSWORD})
    assert changed.status_code == 302
    assert app.test_client().get(link).status_code == 404
    response = submit(app.test_client(), link, {"password": "someone-else-s-choice", "confirm": "someone-else-s-choice"},
                      form_page="/forgot-password")
    assert response.status_code == 404
    login(app.test_client(), user, NEW_PASSWORD)


def test_a_password_set_by_the_users_command_retires_reset_links(app, create_user, db):
    user = create_user(Role.ADMINISTRATOR)
    link = reset_link(app.test_client(), db, user.email)
    result = app.test_cli_runner().invoke(
        args=["users", "create", "--email", user.email, "--name", user.name, "--password", NEW_PASSWORD])
    assert result.exit_code == 0, result.output
    assert app.test_client().get(link).status_code == 404


def test_a_changed_password_is_mailed_to_the_owner(client, create_user, db):
    user = create_user(Role.SECRETARIAT)
    login(client, user)
    before = len(mails_to(db, user.email))
    submit(client, "/account/password", {"pw-current_password": PASSWORD, "pw-password": NEW_PASSWORD, "pw-confirm": NEW_PASSWORD})
    [notice] = mails_to(db, user.email)[before:]
    assert notice.subject == "Your password for the reporting portal was changed"
    assert "If you did not, someone else may know your password" in notice.body
    assert "http://portal.test/forgot-password" in notice.body


def test_a_password_reset_is_mailed_to_the_owner(app, create_user, db):
    user = create_user(Role.FOCAL_POINT, "ARG")
    link = reset_link(app.test_client(), db, user.email)
    done = submit(app.test_client(), link, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert done.status_code == 302
    assert mails_to(db, user.email)[-1].subject == "Your password for the reporting portal was changed"


def change_password(app, user) -> int:
    client = app.test_client()
    login(client, user)
    data = {"pw-current_password": PASSWORD, "pw-password": NEW_PASSWORD, "pw-confirm": NEW_PASSWORD}
    return submit(client, "/account/password", data).status_code


def test_the_notice_goes_over_smtp_and_a_refused_one_does_not_undo_the_change(app, create_user, db, smtp):
    delivered = create_user(Role.FOCAL_POINT, "JPN")
    refused = create_user(Role.FOCAL_POINT, "JPN", email="refused.focal@example.org")
    assert change_password(app, delivered) == 302 and change_password(app, refused) == 302
    assert [message["Subject"] for message in smtp.messages] == ["Your password for the reporting portal was changed"]
    assert smtp.messages[0]["To"] == delivered.email
    login(app.test_client(), refused, NEW_PASSWORD)
