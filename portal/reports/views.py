"""The Secretariat's report pages: settings, compiling, and the editor of paragraphs with their sources."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.core.access import STAFF_ROLES, allow
from portal.core.integers import int_parameter
from portal.cycles.models import ReportingCycle
from portal.cycles.services import find_cycle
from portal.reports import jobs, services
from portal.reports.check import check_report
from portal.reports.job_views import pdf_response
from portal.reports.marks import comparisons_of, flag_marks
from portal.reports.services import block_sources, numbered_blocks
from portal.reports.forms import ActionForm, AddBlockForm, BlockTextForm, FinaliseForm, SettingsForm
from portal.reports.models import BlockKind, BlockOrigin, JobKind, Report, ReportBlock

bp = Blueprint("reports", __name__, url_prefix="/cycles/<cycle_key>/reports")
# The reports of every cycle on one page (the main navigation's "Reports").
overview_bp = Blueprint("report_overview", __name__, url_prefix="/reports")


@overview_bp.get("/")
@allow(*STAFF_ROLES)
def overview():
    """List every cycle with its reports, their status and final editions, and where to create one."""
    return render_template("reports/overview.html", cycles=services.reports_overview())


def _cycle(cycle_key: str) -> ReportingCycle:
    cycle = find_cycle(cycle_key)
    if cycle is None:
        abort(404)
    return cycle


def _report(cycle_key: str, report_id: int) -> Report:
    cycle = _cycle(cycle_key)
    report = services.find_report(report_id)
    if report is None or report.cycle_id != cycle.id:
        abort(404)
    return report


def _block(report: Report, block_id: int) -> ReportBlock:
    block = next((block for block in report.blocks if block.id == block_id), None)
    if block is None:
        abort(404)
    return block


def _to_editor(report: Report, anchor: str | None = None, **args):
    return redirect(url_for("reports.editor", cycle_key=report.cycle.key, report_id=report.id, _anchor=anchor, **args),
                    code=303)


def _require_action_form() -> None:
    if not ActionForm().validate_on_submit():
        abort(400)


@bp.get("/")
@allow(*STAFF_ROLES)
def index(cycle_key: str):
    """List the reports on a cycle, the PDFs produced lately, and offer the compilation of all replies."""
    cycle = _cycle(cycle_key)
    return render_template("reports/index.html", cycle=cycle, reports=services.reports_of(cycle),
                           jobs=jobs.jobs_of(cycle), action_form=ActionForm())


@bp.route("/new", methods=["GET", "POST"])
@allow(*STAFF_ROLES)
def new(cycle_key: str):
    """Create a report on the cycle from its settings."""
    cycle = _cycle(cycle_key)
    form = SettingsForm()
    defaults = services.default_settings(cycle)
    if request.method == "GET":
        form.fill(defaults)
    if form.validate_on_submit():
        report = services.create_report(cycle, user=current_user, settings=form.settings(defaults))
        flash(_("The report is created. Compile it to write the draft from the replies."), "success")
        return _to_editor(report)
    return render_template("reports/settings.html", cycle=cycle, report=None, form=form), 422 if form.errors else 200


@bp.route("/<int:report_id>/settings", methods=["GET", "POST"])
@allow(*STAFF_ROLES)
def settings(cycle_key: str, report_id: int):
    """Change a report's masthead, title block and choices."""
    report = _report(cycle_key, report_id)
    form = SettingsForm()
    current = services.settings_of(report)
    if request.method == "GET":
        form.fill(current)
    if form.validate_on_submit():
        changed = form.settings(current)
        services.update_settings(report, changed, user=current_user)
        if (changed.arrangement, changed.include, changed.as_at) != (current.arrangement, current.include, current.as_at):
            flash(_("The settings are saved. Recompile the report to apply the new arrangement or choice of replies."), "success")
        else:
            flash(_("The settings are saved."), "success")
        return _to_editor(report)
    return render_template("reports/settings.html", cycle=report.cycle, report=report, form=form), 422 if form.errors else 200


# What the editor can show instead of every block: the flagged paragraphs, or those the prose check finds fault with.
SHOWN = ("flagged", "faults")


@bp.get("/<int:report_id>/")
@allow(*STAFF_ROLES)
def editor(cycle_key: str, report_id: int):
    """Show the whole draft in document order, numbered as it will print, with the tools to edit each block.

    ``show=flagged`` shows only the paragraphs flagged for checking, ``show=faults`` only those the prose
    check finds fault with; ``compare=<block id>`` opens a paragraph's comparison with its answers.
    """
    report = _report(cycle_key, report_id)
    rows = numbered_blocks(report)
    editing = int_parameter(request.args, "edit")
    adding = int_parameter(request.args, "add")
    comparing = int_parameter(request.args, "compare")
    show = request.args.get("show") if request.args.get("show") in SHOWN else None
    edit_form = BlockTextForm(formdata=None)
    if editing is not None:
        block = next((row.block for row in rows if row.block.id == editing), None)
        if block is not None:
            edit_form.text.data = block.text
    add_form = AddBlockForm(formdata=None)
    prose = check_report(report, [row.block for row in rows])
    flagged = [row for row in rows if row.block.open_flags]
    faulty = [row for row in rows if prose.findings.get(row.block.id)]
    shown = flagged if show == "flagged" else faulty if show == "faults" else rows
    sources = block_sources(report, [row.block for row in shown])
    marked, flag_lists = flag_marks(shown)
    comparisons = comparisons_of(shown, sources, {row.block.id for row in flagged} | {comparing})
    return render_template(
        "reports/editor.html", report=report, cycle=report.cycle, settings=services.settings_of(report), rows=rows,
        shown=shown, show=show, flagged_count=len(flagged), faulty_count=len(faulty), findings=prose.findings,
        marked=marked, flag_lists=flag_lists, comparisons=comparisons, comparing=comparing,
        sources=sources, editing=editing, adding=adding,
        edit_form=edit_form, add_form=add_form, action_form=ActionForm(), finalise_form=FinaliseForm(formdata=None),
        editions=services.editions_of(report), jobs=jobs.jobs_of(report.cycle, limit=5),
    )


@bp.post("/<int:report_id>/compile")
@allow(*STAFF_ROLES)
def compile(cycle_key: str, report_id: int):
    """Write the draft from the replies, keeping the editors' changes."""
    from portal.reports.compile import compile_report

    report = _report(cycle_key, report_id)
    _require_action_form()
    summary = compile_report(report, user=current_user)
    flash(_("The report is compiled: %(added)d blocks added, %(updated)d updated, %(kept)d edited blocks kept, "
            "%(flagged)d flagged because their sources changed.",
            added=summary.added, updated=summary.updated, kept=summary.kept, flagged=summary.flagged), "success")
    return _to_editor(report)


@bp.get("/<int:report_id>/blocks/<int:block_id>")
@allow(*STAFF_ROLES)
def block(cycle_key: str, report_id: int, block_id: int):
    """Show one block with its edit form, its flags and the prose check's findings, and the answers behind it in full."""
    report = _report(cycle_key, report_id)
    rows = numbered_blocks(report, include_deleted=True)
    row = next((row for row in rows if row.block.id == block_id), None)
    if row is None:
        abort(404)
    form = BlockTextForm(formdata=None)
    form.text.data = row.block.text
    sources = block_sources(report, [row.block])
    marked, flag_lists = flag_marks([row])
    findings = []
    if not row.block.deleted:
        findings = check_report(report, [r.block for r in rows], only={block_id}).findings.get(block_id, [])
    return render_template("reports/block.html", report=report, cycle=report.cycle, row=row, form=form,
                           sources=sources.get(block_id, []), marked=marked, flag_lists=flag_lists,
                           findings=findings,
                           comparison=comparisons_of([row], sources, {block_id}).get(block_id),
                           action_form=ActionForm())


@bp.post("/<int:report_id>/blocks/<int:block_id>/text")
@allow(*STAFF_ROLES)
def edit(cycle_key: str, report_id: int, block_id: int):
    """Save the text of a block."""
    report = _report(cycle_key, report_id)
    block = _block(report, block_id)
    form = BlockTextForm()
    if form.validate_on_submit():
        try:
            services.edit_block(block, form.text.data, user=current_user)
        except services.ReportError as error:
            flash(str(error), "error")
        else:
            flash(_("The text is saved."), "success")
            return _to_editor(report, f"block-{block.id}")
    else:
        for errors in form.errors.values():
            for message in errors:
                flash(message if "csrf" not in str(message).lower() else _("The form had expired. Send it again."), "error")
    return _to_editor(report, f"block-{block.id}", edit=block.id)


@bp.post("/<int:report_id>/blocks/<int:block_id>/accept")
@allow(*STAFF_ROLES)
def accept(cycle_key: str, report_id: int, block_id: int):
    """Accept a flagged paragraph as generated: its flags no longer show until a recompilation writes a new text."""
    report = _report(cycle_key, report_id)
    block = _block(report, block_id)
    _require_action_form()
    try:
        services.accept_flags(block, user=current_user)
    except services.ReportError as error:
        flash(str(error), "error")
    else:
        flash(_("The paragraph is accepted as generated: its flags no longer show."), "success")
    show = request.form.get("show")
    return _to_editor(report, f"block-{block.id}", **({"show": show} if show in SHOWN else {}))


@bp.post("/<int:report_id>/blocks/<int:block_id>/move")
@allow(*STAFF_ROLES)
def move(cycle_key: str, report_id: int, block_id: int):
    """Move a block up or down by one."""
    report = _report(cycle_key, report_id)
    block = _block(report, block_id)
    _require_action_form()
    direction = request.form.get("direction")
    if direction not in ("up", "down"):
        abort(400)
    try:
        services.move_block(block, direction, user=current_user)
    except services.ReportError as error:
        flash(str(error), "error")
    return _to_editor(report, f"block-{block.id}")


@bp.post("/<int:report_id>/blocks/<int:block_id>/delete")
@allow(*STAFF_ROLES)
def delete(cycle_key: str, report_id: int, block_id: int):
    """Delete a block (a generated one stays deleted when recompiling)."""
    report = _report(cycle_key, report_id)
    block = _block(report, block_id)
    _require_action_form()
    neighbours = [b for b in report.blocks if not b.deleted or b is block]
    index = neighbours.index(block)
    anchor = f"block-{neighbours[index - 1].id}" if index else None
    services.delete_block(block, user=current_user)
    flash(_("The block is deleted."), "success")
    return _to_editor(report, anchor)


@bp.post("/<int:report_id>/blocks/<int:block_id>/restore")
@allow(*STAFF_ROLES)
def restore(cycle_key: str, report_id: int, block_id: int):
    """Bring back a deleted generated block."""
    report = _report(cycle_key, report_id)
    block = _block(report, block_id)
    _require_action_form()
    services.restore_block(block, user=current_user)
    flash(_("The block is back in the report."), "success")
    return _to_editor(report, f"block-{block.id}")


@bp.post("/<int:report_id>/blocks/<int:block_id>/reset")
@allow(*STAFF_ROLES)
def reset(cycle_key: str, report_id: int, block_id: int):
    """Return a block to the text the last compilation generated."""
    from portal.reports.compile import reset_block

    report = _report(cycle_key, report_id)
    block = _block(report, block_id)
    _require_action_form()
    if block.origin is BlockOrigin.MANUAL:
        abort(400)
    reset_block(block, user=current_user)
    flash(_("The block has its generated text again."), "success")
    return _to_editor(report, f"block-{block.id}")


@bp.post("/<int:report_id>/blocks/add")
@allow(*STAFF_ROLES)
def add(cycle_key: str, report_id: int):
    """Add a block written by the editor after another one (or at the start)."""
    report = _report(cycle_key, report_id)
    form = AddBlockForm()
    after = None
    if form.after.data:
        try:
            after = _block(report, int(form.after.data))
        except ValueError:
            abort(400)
    if form.validate_on_submit():
        try:
            block = services.add_block(report, after=after, kind=BlockKind(form.kind.data), text=form.text.data,
                                       user=current_user)
        except services.ReportError as error:
            flash(str(error), "error")
        else:
            flash(_("The block is added."), "success")
            return _to_editor(report, f"block-{block.id}")
    else:
        for errors in form.errors.values():
            for message in errors:
                flash(message, "error")
    return _to_editor(report, f"block-{after.id}" if after else None, add=after.id if after else 0)


@bp.post("/<int:report_id>/pdf")
@allow(*STAFF_ROLES)
def build_pdf(cycle_key: str, report_id: int):
    """Start producing the draft's PDF; its page shows the progress."""
    report = _report(cycle_key, report_id)
    _require_action_form()
    job = jobs.request_pdf(report.cycle, JobKind.REPORT, user=current_user, report=report)
    return redirect(url_for("report_jobs.show", cycle_key=cycle_key, job_id=job.id), code=303)


@bp.post("/compilation")
@allow(*STAFF_ROLES)
def build_compilation(cycle_key: str):
    """Start producing the compilation of all replies (with the settings of a report when one is named)."""
    cycle = _cycle(cycle_key)
    _require_action_form()
    report = None
    if request.form.get("report"):
        report = _report(cycle_key, request.form.get("report", type=int) or 0)
    job = jobs.request_pdf(cycle, JobKind.COMPILATION, user=current_user, report=report)
    return redirect(url_for("report_jobs.show", cycle_key=cycle_key, job_id=job.id), code=303)


@bp.post("/<int:report_id>/finalise")
@allow(*STAFF_ROLES)
def finalise(cycle_key: str, report_id: int):
    """Store the draft as the next final edition (its PDF is produced by a job)."""
    report = _report(cycle_key, report_id)
    form = FinaliseForm()
    if not form.validate_on_submit():
        flash(_("Tick the box to confirm that this draft becomes a final edition."), "error")
        return _to_editor(report, "finalise")
    if not services.live_blocks(report):
        flash(_("The report has no paragraphs yet: compile it first."), "error")
        return _to_editor(report)
    job = jobs.request_pdf(report.cycle, JobKind.FINALISE, user=current_user, report=report)
    return redirect(url_for("report_jobs.show", cycle_key=cycle_key, job_id=job.id), code=303)


@bp.get("/<int:report_id>/editions/<int:number>.pdf")
@allow(*STAFF_ROLES)
def edition_pdf(cycle_key: str, report_id: int, number: int):
    """Send the stored PDF of a final edition."""
    report = _report(cycle_key, report_id)
    edition = services.find_edition(report, number)
    if edition is None:
        abort(404)
    name = jobs.pdf_filename(report.cycle, JobKind.FINALISE, services.settings_of(report), edition.number)
    return pdf_response(edition.pdf, name)


@bp.post("/<int:report_id>/editions/<int:number>/check")
@allow(*STAFF_ROLES)
def check_edition(cycle_key: str, report_id: int, number: int):
    """Start producing an edition again from its stored inputs; the job's page says whether the PDF is identical."""
    report = _report(cycle_key, report_id)
    edition = services.find_edition(report, number)
    if edition is None:
        abort(404)
    _require_action_form()
    job = jobs.request_pdf(report.cycle, JobKind.CHECK, user=current_user, report=report, edition=edition.number)
    return redirect(url_for("report_jobs.show", cycle_key=cycle_key, job_id=job.id), code=303)

