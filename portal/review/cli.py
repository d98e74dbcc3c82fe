"""``flask --app wsgi review notify``: send the Secretariat's officers their daily list of replies submitted."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from portal.core.database import writing
from portal.review.notices import send_due_digests

review_cli = AppGroup("review", help="The review of States' replies.")


@review_cli.command("notify")
def notify_command():
    """Mail each officer the replies submitted since their last such mail, if that was a day ago or more.

    A submission sends the first list at once; the rest wait for this command (run it every hour
    from cron or a systemd timer) or for the next submission after the day is over.
    """
    with writing():
        sent, undelivered = send_due_digests()
    click.echo(f"{sent} message(s) sent")
    for failure in undelivered:
        click.echo(f"not sent to {failure.message.recipient}: {failure.reason}", err=True)
    if undelivered:
        raise SystemExit(1)
