"""``flask --app wsgi states load|list``."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from portal.core.extensions import db
from portal.states import services

states_cli = AppGroup("states", help="Member States and regional groups (reference data).")


@states_cli.command("load")
def load_command():
    """Load or update the Member States from the data files (safe to run again)."""
    try:
        result = services.load_states()
    except services.ReferenceDataError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(f"Member States: {result.added} added, {result.updated} updated, {result.unchanged} unchanged.")


@states_cli.command("list")
@click.option("--observers/--no-observers", default=True, help="Include the observer States.")
def list_command(observers: bool):
    """Print code, list name and regional group, tab-separated, in UN alphabetical order."""
    for state in services.list_states(include_observers=observers):
        click.echo(f"{state.code}\t{state.list_name}\t{state.regional_group.value}")
