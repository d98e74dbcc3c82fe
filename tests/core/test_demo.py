"""The demonstration data that `make run` loads."""

import sqlalchemy as sa

from portal.accounts.models import User
from portal.core.access import Role
from tests.conftest import login


def test_demo_command_creates_accounts_that_can_sign_in(app, client, db):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["demo", "--password", "demo-password-x"])
    assert result.exit_code == 0, result.output
    assert "admin@example.org" in result.output and "focal.can@example.org" in result.output
    again = runner.invoke(args=["demo", "--password", "demo-password-x"])
    assert again.exit_code == 0
    users = {u.email: u for u in db.session.scalars(sa.select(User).where(User.email.like("%@example.org")))}
    assert users["admin@example.org"].role is Role.ADMINISTRATOR
    assert users["focal.cze@example.org"].state.code == "CZE"
    login(client, users["focal.cze@example.org"], password="demo-password-x")
    assert "Czechia" in client.get("/dashboard").get_data(as_text=True)


def test_demo_refuses_a_weak_password(app, db):
    result = app.test_cli_runner().invoke(args=["demo", "--password", "short"])
    assert result.exit_code != 0 and "at least" in result.output
