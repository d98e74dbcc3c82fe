"""``flask --app wsgi cycles list|create|open|close``: the same services as the Secretariat's pages."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from portal.checklists.services import find_template
from portal.core.extensions import db
from portal.cycles import services
from portal.cycles.models import ReportingCycle
from portal.cycles.summaries import cycle_summaries
from portal.states.models import RegionalGroup

cycles_cli = AppGroup("cycles", help="Reporting cycles.")

DATE = click.DateTime(formats=["%Y-%m-%d"])

# The command-line option that carries each field a service may refuse.
OPTION_OF_FIELD = {"key": "--key", "deadline": "--deadline", "cutoff_on": "--cutoff", "states": "--all/--group/--state"}


def _cycle(key: str) -> ReportingCycle:
    cycle = services.find_cycle(key)
    if cycle is None:
        raise click.BadParameter(f"no reporting cycle has the key {key!r} (see 'flask --app wsgi cycles list')", param_hint="KEY")
    return cycle


@cycles_cli.command("list")
def list_command():
    """Print each cycle: key, title, template key, version, status, and its replies in each status (tab-separated)."""
    for summary in cycle_summaries():
        cycle = summary.cycle
        click.echo(
            "\t".join(
                [cycle.key, cycle.title, cycle.template.key, str(cycle.template.version), cycle.status.value, summary.count_line()]
            )
        )


@cycles_cli.command("create")
@click.option("--key", required=True, help="Short key used in addresses, for example salvador-2026.")
@click.option("--title", required=True, help="The cycle's title as documents print it.")
@click.option("--template", "template_key", required=True, help="Key of the checklist template.")
@click.option("--version", type=click.IntRange(min=1), required=True, help="Version of the checklist template.")
@click.option("--opens", type=DATE, required=True, help="Opening date, YYYY-MM-DD.")
@click.option("--deadline", type=DATE, required=True, help="Deadline for replies, YYYY-MM-DD.")
@click.option("--cutoff", type=DATE, required=True, help="Cut-off date for the report, YYYY-MM-DD.")
@click.option("--all", "everyone", is_flag=True, help="Invite all Member States.")
@click.option("--group", "groups", multiple=True, type=click.Choice([g.value for g in RegionalGroup]),
              help="Invite the Member States of this regional group (repeat for several).")
@click.option("--state", "codes", multiple=True, help="Invite this State, by ISO code (repeat for several).")
def create_command(key, title, template_key, version, opens, deadline, cutoff, everyone, groups, codes):
    """Create a cycle in preparation on one template version, with the States it will invite."""
    if sum(bool(choice) for choice in (everyone, groups, codes)) != 1:
        raise click.UsageError("say which States to invite with exactly one of --all, --group or --state")
    template = find_template(template_key, version)
    if template is None:
        raise click.BadParameter(
            f"no checklist template {template_key!r} version {version} (see 'flask --app wsgi checklists list')",
            param_hint="--template/--version",
        )
    states = services.states_for_invitation(
        everyone=everyone, groups=[RegionalGroup(g) for g in groups] or None, codes=list(codes) or None
    )
    unknown = sorted({code.upper() for code in codes} - {state.code for state in states})
    if unknown:
        raise click.BadParameter(f"no State with the code {', '.join(unknown)}", param_hint="--state")
    try:
        cycle = services.create_cycle(
            key=key, title=title, template=template, opens_on=opens.date(), deadline=deadline.date(),
            cutoff_on=cutoff.date(), states=states, created_by=None,
        )
    except services.CycleError as error:
        raise click.BadParameter(str(error), param_hint=OPTION_OF_FIELD.get(error.field or "", None)) from None
    db.session.commit()
    click.echo(f"{cycle.key}\t{cycle.status.value}\t{len(states)} States invited")


@cycles_cli.command("open")
@click.argument("key")
@click.option("--no-mail", is_flag=True, help="Open without e-mailing the focal points.")
def open_command(key: str, no_mail: bool):
    """Open cycle KEY: lock its template version, create each invited State's reply, e-mail the focal points.

    The cycle is opened (and committed) first, then the invitations go out over one connection; a
    focal point the mail cannot reach is listed, and the command ends with an error. The links in
    the mails start with PORTAL_BASE_URL.
    """
    cycle = _cycle(key)
    messages = [] if no_mail else services.invitation_messages(cycle)
    try:
        created = services.open_cycle(cycle, None)
    except services.CycleError as error:
        raise click.ClickException(str(error)) from None
    db.session.commit()
    _sent, undelivered = services.invite_focal_points(cycle, messages)
    db.session.commit()  # the outbox, when no SMTP server is configured
    click.echo(f"{cycle.key}\t{cycle.status.value}\t{len(created)} replies created")
    if undelivered:
        for failure in undelivered:
            click.echo(f"not e-mailed\t{failure.message.recipient}\t{failure.reason}", err=True)
        raise click.ClickException(f"the cycle is open, but {len(undelivered)} of {len(messages)} invitations could "
                                   "not be e-mailed (listed above): tell those focal points another way")


@cycles_cli.command("close")
@click.argument("key")
def close_command(key: str):
    """Close cycle KEY: States can no longer change their replies."""
    cycle = _cycle(key)
    try:
        services.close_cycle(cycle)
    except services.CycleError as error:
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(f"{cycle.key}\t{cycle.status.value}")
