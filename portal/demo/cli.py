"""``flask --app wsgi demo --password PW``: load reference data, demonstration accounts and cycles."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from portal.accounts import services as accounts
from portal.checklists.services import CHECKLISTS_DIR, import_template
from portal.core.access import Role
from portal.core.extensions import db
from portal.demo.cycles import load_demo_cycles
from portal.states.services import find_state, load_states

# Focal points and contributors for a few of the States that replied in 2011 (E/CN.15/2011/15).
DEMO_STATES = ["ARG", "CAN", "CZE", "JPN", "PRT"]
# The other States that had replied by 30 January 2011: a focal point each, who wrote that reply.
FOCAL_POINT_ONLY_STATES = ["ECU", "JOR", "MLT"]


def demo_accounts() -> list[dict]:
    """Return the demonstration accounts to create."""
    people = [
        {"email": "admin@example.org", "name": "Ada Administrator", "role": Role.ADMINISTRATOR, "state": None},
        {"email": "secretariat@example.org", "name": "Sami Secretariat", "role": Role.SECRETARIAT, "state": None},
    ]
    for code in DEMO_STATES:
        lower = code.lower()
        people.append({"email": f"focal.{lower}@example.org", "name": f"Focal point {code}", "role": Role.FOCAL_POINT, "state": code})
        people.append({"email": f"contributor.{lower}@example.org", "name": f"Contributor {code}", "role": Role.CONTRIBUTOR, "state": code})
    for code in FOCAL_POINT_ONLY_STATES:
        people.append({"email": f"focal.{code.lower()}@example.org", "name": f"Focal point {code}", "role": Role.FOCAL_POINT, "state": code})
    return people


def load_demo(password: str) -> tuple[list[tuple[str, str, str]], list[str]]:
    """Load the States and the checklist templates, create (or reset) the demonstration accounts, and create
    the demonstration cycles unless they exist; return the accounts and a line about each cycle."""
    load_states()
    for checklist in sorted(CHECKLISTS_DIR.glob("*.yaml")):
        import_template(checklist)
    created = []
    for person in demo_accounts():
        state = find_state(person["state"]) if person["state"] else None
        user = accounts.create_account(
            email=person["email"], name=person["name"], role=person["role"], password=password, state=state
        )
        created.append((user.email, user.role.label, state.list_name if state else ""))
    db.session.flush()
    return created, load_demo_cycles()


@click.command("demo")
@click.option("--password", required=True, help="The password every demonstration account gets.")
@with_appcontext
def demo_command(password: str):
    """Load the Member States, create demonstration accounts (all with PASSWORD) and reporting cycles."""
    try:
        accounts.check_password_strength(password)
    except accounts.AccountError as error:
        raise click.BadParameter(str(error), param_hint="--password") from None
    created, cycles = load_demo(password)
    db.session.commit()
    click.echo("Demonstration accounts (password: %s):" % password)
    width = max(len(email) for email, _, _ in created)
    for email, role, state in created:
        click.echo(f"  {email.ljust(width)}  {role}{'  ' + state if state else ''}")
    click.echo("Demonstration reporting cycles:")
    for line in cycles:
        click.echo(f"  {line}")
