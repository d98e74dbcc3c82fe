"""Administration of accounts: list, change role and State, deactivate."""

import sqlalchemy as sa

from portal.accounts.models import User
from portal.core.access import Role
from tests.conftest import login, submit


def test_administrator_changes_role_and_state(app, client, create_user, db):
    admin = create_user(Role.ADMINISTRATOR)
    person = create_user(Role.CONTRIBUTOR, "CAN")
    person_client = app.test_client()
    login(person_client, person)
    login(client, admin)
    assert person.name in client.get("/admin/users").get_data(as_text=True)
    response = submit(client, f"/admin/users/{person.id}", {"role": "focal_point", "state": "JPN", "is_active": "y"})
    assert response.status_code == 302
    db.session.refresh(person)
    assert person.role is Role.FOCAL_POINT and person.state.code == "JPN"
    # the person signs in again under the new rights
    assert person_client.get("/dashboard").status_code == 302


def test_state_role_without_state_is_refused(client, create_user, db):
    login(client, create_user(Role.ADMINISTRATOR))
    person = create_user(Role.SECRETARIAT)
    response = submit(client, f"/admin/users/{person.id}", {"role": "contributor", "state": "", "is_active": "y"})
    assert response.status_code == 422
    assert 'id="state-error"' in response.get_data(as_text=True)
    db.session.refresh(person)
    assert person.role is Role.SECRETARIAT


def test_deactivated_user_is_signed_out_and_cannot_return(app, client, create_user, db):
    admin = create_user(Role.ADMINISTRATOR)
    person = create_user(Role.FOCAL_POINT, "ARG")
    person_client = app.test_client()
    login(person_client, person)
    login(client, admin)
    submit(client, f"/admin/users/{person.id}", {"role": "focal_point", "state": "ARG"})  # unchecked box: inactive
    db.session.refresh(person)
    assert person.is_active is False
    assert person_client.get("/dashboard").status_code == 302


def test_administrator_cannot_demote_themself(client, create_user, db):
    admin = create_user(Role.ADMINISTRATOR)
    login(client, admin)
    response = submit(client, f"/admin/users/{admin.id}", {"role": "secretariat", "state": "", "is_active": "y"})
    assert response.status_code == 422
    db.session.refresh(admin)
    assert admin.role is Role.ADMINISTRATOR


def test_secretariat_lists_but_cannot_edit_users(client, create_user):
    login(client, create_user(Role.SECRETARIAT))
    other = create_user(Role.FOCAL_POINT, "CAN")
    assert other.email in client.get("/admin/users?state=CAN").get_data(as_text=True)
    assert client.get(f"/admin/users/{other.id}").status_code == 403


def test_user_list_filters(client, create_user):
    login(client, create_user(Role.ADMINISTRATOR))
    can = create_user(Role.FOCAL_POINT, "CAN")
    arg = create_user(Role.CONTRIBUTOR, "ARG")
    page = client.get("/admin/users?state=CAN").get_data(as_text=True)
    assert can.email in page and arg.email not in page
    page = client.get("/admin/users?role=contributor").get_data(as_text=True)
    assert arg.email in page and can.email not in page


def test_focal_point_deactivates_a_contributor_of_their_state(client, create_user, db):
    focal = create_user(Role.FOCAL_POINT, "CAN")
    contributor = create_user(Role.CONTRIBUTOR, "CAN")
    login(client, focal)
    response = submit(client, f"/states/CAN/members/{contributor.id}/active", {"active": "0"}, form_page="/states/CAN")
    assert response.status_code == 302
    db.session.refresh(contributor)
    assert contributor.is_active is False


def test_users_cli_creates_an_administrator(app, db):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["users", "create", "--email", "First@Example.org", "--name", "First Admin", "--password", "a-long-password"])
    assert result.exit_code == 0, result.output
    user = db.session.scalar(sa.select(User).where(User.email == "first@example.org"))
    assert user.role is Role.ADMINISTRATOR
    bad = runner.invoke(args=["users", "create", "--email", "x@example.org", "--name", "X", "--role", "focal_point", "--password", "a-long-password"])
    assert bad.exit_code != 0 and "--state" in bad.output
