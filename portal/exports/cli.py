"""``flask --app wsgi export csv|xlsx``: the Secretariat's exports from the command line."""

from __future__ import annotations

import sys

import click
from flask.cli import AppGroup

from portal.cycles.services import find_cycle
from portal.exports.formats import CSV_KINDS, csv_stream, write_xlsx
from portal.exports.services import Export, ExportFilters
from portal.states.models import RegionalGroup
from portal.submissions.models import SubmissionStatus

export_cli = AppGroup("export", help="Exports of submissions (CSV, XLSX).")


def _export(cycle_key, states, groups, statuses, themes, language) -> Export:
    cycle = find_cycle(cycle_key)
    if cycle is None:
        raise click.BadParameter(f"no cycle with key {cycle_key!r}", param_hint="--cycle")
    filters = ExportFilters(
        states=list(states), groups=[RegionalGroup(g) for g in groups],
        statuses=[SubmissionStatus(s) for s in statuses], themes=list(themes),
    )
    return Export(cycle, filters, language=language, include_staff_columns=True)


def _filter_options(command):
    command = click.option("--theme", "themes", multiple=True, help="Theme code (repeatable).")(command)
    command = click.option("--status", "statuses", multiple=True, type=click.Choice([s.value for s in SubmissionStatus]))(command)
    command = click.option("--group", "groups", multiple=True, type=click.Choice([g.value for g in RegionalGroup]))(command)
    command = click.option("--state", "states", multiple=True, help="ISO code (repeatable).")(command)
    command = click.option("--language", default="en", show_default=True, help="Language of the labels.")(command)
    return click.option("--cycle", "cycle_key", required=True, help="Key of the reporting cycle.")(command)


@export_cli.command("csv")
@_filter_options
@click.option("--format", "kind", type=click.Choice(CSV_KINDS), default="long", show_default=True)
@click.option("--bom", is_flag=True, help="Start with a UTF-8 byte-order mark (for Excel).")
@click.option("--output", type=click.Path(dir_okay=False, writable=True), help="File to write (default: standard output).")
def csv_command(cycle_key, states, groups, statuses, themes, language, kind, bom, output):
    """Write the answers of a cycle as CSV (long, wide, or the codebook)."""
    chunks = csv_stream(_export(cycle_key, states, groups, statuses, themes, language), kind, bom=bom)
    if output:
        with open(output, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
    else:
        for chunk in chunks:
            sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.flush()


@export_cli.command("xlsx")
@_filter_options
@click.option("--output", required=True, type=click.Path(dir_okay=False, writable=True), help="The .xlsx file to write.")
def xlsx_command(cycle_key, states, groups, statuses, themes, language, output):
    """Write the long and wide tables and the codebook of a cycle as one Excel workbook."""
    write_xlsx(_export(cycle_key, states, groups, statuses, themes, language), output)
    click.echo(output)
