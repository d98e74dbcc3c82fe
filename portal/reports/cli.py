"""The ``report`` commands: build a report or the compilation of all replies, and run the PDF worker."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from portal.core.extensions import db
from portal.cycles.services import find_cycle
from portal.reports import jobs, services
from portal.reports.settings import ARRANGEMENTS

report_cli = AppGroup("report", help="Compiled reports: build PDFs, check the draft's prose and run the PDF worker.")

KINDS = ("report", "compilation")


def _writable(path: Path) -> None:
    """Fail with a clear message unless ``path`` can be written (before spending time on the PDF)."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise click.BadParameter(f"{path} is a folder; give the name of the PDF file to write.", param_hint="--output")
    if not folder.is_dir():
        raise click.BadParameter(f"the folder {folder} does not exist.", param_hint="--output")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise click.BadParameter(f"{path} cannot be written (permission denied).", param_hint="--output")


@report_cli.command("build")
@click.option("--cycle", "cycle_key", required=True, help="The cycle's key, as shown on its page.")
@click.option("--arrangement", type=click.Choice(ARRANGEMENTS), default=None,
              help="The States' replies by State or by theme (kind report; default: the report's setting).")
@click.option("--kind", type=click.Choice(KINDS), default="report", show_default=True,
              help="The cycle's report, or the compilation of all replies.")
@click.option("--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The PDF file to write.")
def build(cycle_key: str, arrangement: str | None, kind: str, output: Path) -> None:
    """Build the cycle's report (compiled afresh, keeping edits) or the compilation of all replies as a PDF.

    For the report: uses the cycle's latest report, creating it with default settings when there is none.
    """
    cycle = find_cycle(cycle_key)
    if cycle is None:
        raise click.BadParameter(f"no cycle has the key {cycle_key!r} (see the cycles page or `flask cycles`).",
                                 param_hint="--cycle")
    _writable(output)
    started = time.perf_counter()
    reports = services.reports_of(cycle)
    report = reports[-1] if reports else None
    if kind == "report":
        from portal.reports.compile import compile_report
        from portal.reports.contents import report_document

        if report is None:
            report = services.create_report(cycle, user=None)
            click.echo(f"Created a report on {cycle.key} with default settings.")
        settings = services.settings_of(report)
        if arrangement and arrangement != settings.arrangement:
            services.update_settings(report, settings.replace(arrangement=arrangement), user=None)
        summary = compile_report(report, user=None)
        db.session.commit()
        click.echo(f"Compiled: {summary.added} blocks added, {summary.updated} updated, {summary.kept} edited kept, "
                   f"{summary.flagged} flagged.")
        document = report_document(report)
    else:
        from portal.reports.compilation import compilation_document

        settings = services.settings_of(report) if report else services.default_settings(cycle)
        document = compilation_document(cycle, include=settings.include, as_at=settings.as_at, settings=settings)
    db.session.commit()  # the reading is done; end the transaction before the long rendering

    from portal.reports.render import render_document

    def progress(done: int, total: int) -> None:
        click.echo(f"\rRendering: {done}/{total} parts", nl=False, err=True)

    rendered = render_document(document, progress=progress)
    click.echo("", err=True)
    try:
        output.write_bytes(rendered.pdf)
    except OSError as error:
        raise click.ClickException(f"could not write {output}: {error.strerror or error}") from error
    seconds = time.perf_counter() - started
    click.echo(f"Wrote {output} ({rendered.pages} pages, {seconds:.1f} seconds).")


def _excerpt(text: str, start: int | None, end: int | None, width: int = 40) -> str:
    """Return the words a finding is about with some text around them, or the block's opening, on one line."""
    if start is None or end is None:
        excerpt = text[:2 * width] + ("\u2026" if len(text) > 2 * width else "")
    else:
        before, after = max(start - width, 0), min(end + width, len(text))
        excerpt = (("\u2026" if before else "") + text[before:start] + "[" + text[start:end] + "]" + text[end:after]
                   + ("\u2026" if after < len(text) else ""))
    return " ".join(excerpt.split())


@report_cli.command("check")
@click.option("--cycle", "cycle_key", required=True, help="The cycle's key, as shown on its page.")
@click.option("--report", "report_id", type=int, default=None, help="The report's number (default: the cycle's latest).")
@click.option("--compile", "recompile", is_flag=True, help="Compile the draft afresh first (keeping edits).")
@click.option("--verbose", "-v", is_flag=True, help="Print each flag and finding with its block and an excerpt.")
def check(cycle_key: str, report_id: int | None, recompile: bool, verbose: bool) -> None:
    """Check the prose of the cycle's report draft: count its State paragraphs, the flagged ones and the faulty ones.

    A report never compiled is compiled first; with no report on the cycle, one is created with default
    settings. The prose check is the editor's: see portal/reports/check.py.
    """
    from portal.reports.check import check_report
    from portal.reports.compile import compile_report

    cycle = find_cycle(cycle_key)
    if cycle is None:
        raise click.BadParameter(f"no cycle has the key {cycle_key!r} (see the cycles page or `flask cycles`).",
                                 param_hint="--cycle")
    if report_id is not None:
        report = services.find_report(report_id)
        if report is None or report.cycle_id != cycle.id:
            raise click.BadParameter(f"the cycle {cycle.key} has no report {report_id}.", param_hint="--report")
    else:
        reports = services.reports_of(cycle)
        report = reports[-1] if reports else None
    if report is None:
        report = services.create_report(cycle, user=None)
        click.echo(f"Created a report on {cycle.key} with default settings.")
    if recompile or report.compiled_at is None:
        summary = compile_report(report, user=None)
        db.session.commit()
        click.echo(f"Compiled: {summary.added} blocks added, {summary.updated} updated, {summary.kept} edited kept.")
    rows = [row for row in services.numbered_blocks(report, include_deleted=False)]
    found = check_report(report, [row.block for row in rows])
    state_rows = [row for row in rows if row.block.id in found.state_paragraphs]
    flagged = [row for row in state_rows if row.block.open_flags]
    faulty = [row for row in state_rows if found.findings.get(row.block.id)]
    others = [row for row in rows if row.block.id not in found.state_paragraphs and found.findings.get(row.block.id)]
    click.echo(f"Report {report.id} on {cycle.key}: {len(rows)} blocks.")
    click.echo(f"State paragraphs: {len(state_rows)}")
    click.echo(f"Flagged (not yet edited or accepted): {len(flagged)}")
    click.echo(f"Found at fault by the prose check: {len(faulty)}")
    if others:
        click.echo(f"Other blocks found at fault: {len(others)}")
    if not verbose:
        return
    for number, row in enumerate(rows, start=1):
        block = row.block
        flags, findings = block.open_flags, found.findings.get(block.id, [])
        if not flags and not findings:
            continue
        click.echo(f"\nBlock {number} ({row.label or block.kind.value}, {block.key or 'added by an editor'}):")
        for flag in flags:
            click.echo(f"  flag: {flag['reason']}: {_excerpt(block.text, flag['start'], flag['end'])}")
        for finding in findings:
            click.echo(f"  {finding.rule}: {finding.message}")
            click.echo(f"    {_excerpt(block.text, finding.start, finding.end)}")


@report_cli.command("worker")
@click.option("--max-jobs", type=int, default=None, help="Stop after this many jobs (default: run until stopped).")
@click.option("--idle-seconds", type=float, default=None, help="Stop after this long without a job.")
def worker(max_jobs: int | None, idle_seconds: float | None) -> None:
    """Run report PDF jobs taken from Redis (REDIS_URL), one at a time, until stopped (Ctrl+C or SIGTERM).

    Start as many workers as wanted, on any machine that reaches the same database and Redis.
    """
    app = current_app._get_current_object()
    if not app.config.get("REDIS_URL"):
        raise click.UsageError(
            "REDIS_URL is not set: without Redis the web process produces the PDFs itself on a background "
            "thread, and no worker is needed. Set REDIS_URL (for example redis://127.0.0.1:6379/0) on the web "
            "processes and on the workers to share the work."
        )
    click.echo(f"Report worker: waiting for jobs on the Redis list {app.config['REPORT_QUEUE']!r}.")
    stop = threading.Event()
    # SIGTERM (a service manager stopping the worker) lets the job under way finish, then stops.
    previous = signal.signal(signal.SIGTERM, lambda *_args: stop.set())
    try:
        ran = jobs.work(app, max_jobs=max_jobs, idle_seconds=idle_seconds, stop=stop)
    except KeyboardInterrupt:
        click.echo("Report worker stopped.")
        return
    finally:
        signal.signal(signal.SIGTERM, previous)
    click.echo(f"Report worker: {ran} job(s) run.")
