"""``flask --app wsgi users create|list``."""

from __future__ import annotations

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from portal.accounts import services
from portal.accounts.models import User
from portal.core.access import Role
from portal.core.extensions import db
from portal.states.services import find_state

users_cli = AppGroup("users", help="User accounts.")


@users_cli.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", type=click.Choice([r.value for r in Role]), default=Role.ADMINISTRATOR.value, show_default=True)
@click.option("--state", "state_code", help="ISO code of the State, for focal points and contributors.")
@click.password_option(help="The password (asked twice when not given).")
def create_command(email: str, name: str, role: str, state_code: str | None, password: str):
    """Create an account with a password, or reset an existing one (the first administrator, say)."""
    state = find_state(state_code) if state_code else None
    if state_code and state is None:
        raise click.BadParameter(f"no State with code {state_code!r}; run 'flask --app wsgi states load' first", param_hint="--state")
    role_value = Role(role)
    if role_value.is_state_bound and state is None:
        raise click.BadParameter("a focal point or contributor needs --state", param_hint="--state")
    try:
        user = services.create_account(email=email, name=name, role=role_value, password=password, state=state)
    except services.AccountError as error:
        raise click.BadParameter(str(error), param_hint="--password") from None
    db.session.commit()
    click.echo(f"{user.email}\t{user.role.value}\t{user.state.code if user.state else '-'}")


@users_cli.command("list")
def list_command():
    """Print every account: e-mail, role, State, active."""
    for user in db.session.scalars(sa.select(User).order_by(User.email)):
        click.echo(f"{user.email}\t{user.role.value}\t{user.state.code if user.state else '-'}\t{'active' if user.is_active else 'inactive'}")
