"""Passwords that are easy to guess are refused wherever a password is set, with advice that helps."""

import re

import pytest
import sqlalchemy as sa

from portal.accounts.models import User
from portal.core.access import Role
from portal.mail.models import OutboxMessage
from tests.conftest import PASSWORD, login, submit


def error_of(response, field_id: str) -> str:
    match = re.search(rf'id="{field_id}-error"[^>]*>(.*?)</', response.get_data(as_text=True), re.S)
    assert match, response.get_data(as_text=True)
    return " ".join(match.group(1).split())


@pytest.mark.parametrize("password, advice", [
    ("aaaaaaaaaa", 'Repeats like &#34;aaa&#34; are easy to guess.'),
    ("password12", "This is a very common password."),
    ("1234567890", "This is one of the 100 most common passwords."),
])
def test_changing_to_a_common_password_is_refused_with_advice(app, client, create_user, db, password, advice):
    user = create_user(Role.FOCAL_POINT, "CAN")
    login(client, user)
    response = submit(client, "/account/password", {"pw-current_password": PASSWORD, "pw-password": password, "pw-confirm": password})
    assert response.status_code == 422
    message = error_of(response, "pw-password")
    assert message.startswith("This password is too easy to guess.") and advice in message
    assert "Add another word or two. Uncommon words are better." in message
    login(app.test_client(), user)  # the password stays as it was


def test_a_password_made_of_the_persons_name_is_refused(client, create_user, db):
    user = create_user(Role.FOCAL_POINT, "CAN", name="Rosalind Okonkwo")
    login(client, user)
    response = submit(client, "/account/password",
                      {"pw-current_password": PASSWORD, "pw-password": "okonkwo1970", "pw-confirm": "okonkwo1970"})
    assert response.status_code == 422
    assert "It contains your name or your e-mail address." in error_of(response, "pw-password")


def test_a_reset_link_refuses_a_common_password(app, client, create_user, db):
    user = create_user(Role.SECRETARIAT)
    submit(client, "/forgot-password", {"email": user.email})
    body = db.session.scalars(sa.select(OutboxMessage.body).where(OutboxMessage.recipient == user.email)).first()
    link = re.search(r"http://portal\.test(/\S+)", body).group(1)
    response = submit(app.test_client(), link, {"password": "password12", "confirm": "password12"})
    assert response.status_code == 200 and "This password is too easy to guess." in error_of(response, "password")


def test_an_invitation_refuses_a_common_password(app, client, create_user, db):
    login(client, create_user(Role.SECRETARIAT))
    submit(client, "/invite", {"name": "Ana Pereira", "email": "ana@mne.example", "role": "focal_point", "state": "PRT", "language": "en"})
    body = db.session.scalars(sa.select(OutboxMessage.body).where(OutboxMessage.recipient == "ana@mne.example")).first()
    link = re.search(r"http://portal\.test(/\S+)", body).group(1)
    invitee = app.test_client()
    response = submit(invitee, link, {"password": "1234567890", "confirm": "1234567890"})
    assert "This password is too easy to guess." in error_of(response, "password")
    assert db.session.scalar(sa.select(User.password_hash).where(User.email == "ana@mne.example")) is None


def test_the_users_command_refuses_a_common_password(app, db):
    result = app.test_cli_runner().invoke(
        args=["users", "create", "--email", "first@example.org", "--name", "First Admin", "--password", "password12"])
    assert result.exit_code == 2
    assert "This password is too easy to guess. This is a very common password." in result.output
    assert db.session.scalar(sa.select(User).where(User.email == "first@example.org")) is None


def test_the_passwords_of_the_demonstration_and_the_tests_pass():
    from portal.accounts.passwords import weakness

    assert weakness("portal-demo-password", ["admin@example.org", "Ada Administrator"]) is None
    assert weakness(PASSWORD, ["focal_point.1@example.org", "National focal point 1"]) is None
