"""Inviting an address that has an invitation already: renewed only as it is, and by those who may; the form tells nothing."""

import re

import pytest
import sqlalchemy as sa

from portal.accounts.models import AccountToken, User
from portal.core.access import Role
from portal.mail.models import OutboxMessage
from tests.conftest import login, submit


def invite(client, email: str, role: str, state: str, name: str = "Someone"):
    data = {"name": name, "email": email, "role": role, "state": state, "language": "en"}
    return submit(client, "/invite", data, follow_redirects=True)


def links_to(db, email: str) -> list[str]:
    bodies = db.session.scalars(sa.select(OutboxMessage.body).where(OutboxMessage.recipient == email).order_by(OutboxMessage.id))
    return [link for body in bodies for link in re.findall(r"http://portal\.test(/invitation/\S+)", body)]


def flashed(response) -> str:
    return re.search(r'<p class="flash flash-\w+">(.*?)</p>', response.get_data(as_text=True), re.S).group(1)


@pytest.fixture
def pending(app, db, create_user):
    """Return a function inviting ``email`` as ``role`` of ``state`` (by a new inviter of ``by`` role) in another session."""

    def make(email: str, role: str, state: str, by: Role):
        inviter = create_user(by, state if by.is_state_bound else None)
        other = app.test_client()
        login(other, inviter)
        assert invite(other, email, role, state, name="Original Name").status_code == 200
        [link] = links_to(db, email)
        return inviter, link

    return make


@pytest.mark.parametrize("role, state_code, by", [("focal_point", "ARG", Role.SECRETARIAT), ("administrator", "", Role.ADMINISTRATOR)])
def test_a_focal_point_cannot_take_over_a_pending_invitation(app, client, db, login_as, pending, role, state_code, by):
    """Canada's focal point 'invites' Argentina's pending focal point (or a pending administrator) as a Canadian contributor."""
    inviter, link = pending("pending@example.org", role, state_code, by)
    login_as(Role.FOCAL_POINT, "CAN")
    response = invite(client, "pending@example.org", "contributor", "CAN", name="Taken Over")
    assert response.status_code == 200

    db.session.expire_all()
    person = db.session.scalar(sa.select(User).where(User.email == "pending@example.org"))
    assert (person.role.value, person.state.code if person.state else "", person.invited_by_id, person.name) == (
        role, state_code, inviter.id, "Original Name")
    assert links_to(db, "pending@example.org") == [link]  # no new link was sent...
    assert app.test_client().get(link).status_code == 200  # ...and the original one still works
    notice = db.session.scalars(sa.select(OutboxMessage.body).where(OutboxMessage.recipient == "pending@example.org")
                                .order_by(OutboxMessage.id.desc())).first()
    assert "An invitation sent to you earlier" in notice and "still the one that counts" in notice


def test_the_invite_form_answers_alike_for_new_pending_and_existing_addresses(client, db, login_as, create_user, pending):
    pending("pending@example.org", "focal_point", "ARG", Role.SECRETARIAT)
    existing = create_user(Role.CONTRIBUTOR, "CAN", email="existing@example.org")
    login_as(Role.FOCAL_POINT, "CAN")
    answers = {}
    for email in ("new@example.org", "pending@example.org", existing.email):
        response = invite(client, email, "contributor", "CAN")
        answers[email] = (response.status_code, response.request.path, flashed(response).replace(email, "ADDRESS"))
    assert len(set(answers.values())) == 1, answers
    assert "already has an account" in answers["new@example.org"][2]


def test_a_pending_invitation_is_renewed_as_it_is(app, client, db, login_as, pending):
    """Another officer who may invite the person renews the link; the account's name, role, State and inviter stay."""
    inviter, first = pending("kim@example.org", "focal_point", "JPN", Role.SECRETARIAT)
    login_as(Role.SECRETARIAT)
    invite(client, "kim@example.org", "focal_point", "JPN", name="Another Name")
    first_again, second = links_to(db, "kim@example.org")
    assert first_again == first and second != first
    assert app.test_client().get(first).status_code == 404
    assert app.test_client().get(second).status_code == 200
    db.session.expire_all()
    person = db.session.scalar(sa.select(User).where(User.email == "kim@example.org"))
    assert (person.name, person.role, person.state.code, person.invited_by_id) == ("Original Name", Role.FOCAL_POINT, "JPN", inviter.id)


def test_renewing_is_no_way_to_change_the_role_even_for_an_administrator(app, client, db, login_as, pending):
    _inviter, link = pending("kim@example.org", "focal_point", "JPN", Role.SECRETARIAT)
    login_as(Role.ADMINISTRATOR)
    invite(client, "kim@example.org", "secretariat", "")
    db.session.expire_all()
    person = db.session.scalar(sa.select(User).where(User.email == "kim@example.org"))
    assert (person.role, person.state.code) == (Role.FOCAL_POINT, "JPN")
    assert links_to(db, "kim@example.org") == [link]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AccountToken).where(
        AccountToken.user_id == person.id, AccountToken.used_at.is_(None))) == 1
