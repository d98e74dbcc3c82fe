"""The online checklist, one page per theme, with saving, autosave, history and carry-forward."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from portal.answers import assignments as team
from portal.answers import services
from portal.answers.fields import FIELDS, QuestionField, RowsField
from portal.answers.pages import checklist_page
from portal.answers.structure import GENERAL_CODE, ChecklistStructure, checklist_structure
from portal.answers.summaries import item_history, overview as build_overview
from portal.checklists.models import QuestionType
from portal.core.access import Role, allow
from portal.core.db import utcnow
from portal.core.integers import parse_int
from portal.review import notices
from portal.submissions.loading import load_submission
from portal.submissions.models import Submission
from portal.submissions.services import WorkflowError, can_edit

bp = Blueprint("answers", __name__, url_prefix="/cycles/<cycle_key>/states/<code>")

REFERENCES = FIELDS[QuestionType.REFERENCES]
EVERYONE = (Role.FOCAL_POINT, Role.CONTRIBUTOR, Role.ADMINISTRATOR, Role.SECRETARIAT)


def _load(cycle_key: str, code: str) -> tuple[Submission, ChecklistStructure]:
    submission = load_submission(cycle_key, code)
    return submission, checklist_structure(submission.cycle.template)


@bp.get("/")
@allow(*EVERYONE)
def overview(cycle_key: str, code: str):
    """Show the State's checklist home: progress, themes (assigned ones first), links to submit and review."""
    submission, structure = _load(cycle_key, code)
    return render_template("answers/overview.html", page=build_overview(submission, current_user, structure),
                           structure=structure)


@bp.route("/themes/<theme>", methods=["GET", "POST"])
@allow(*EVERYONE)
def theme(cycle_key: str, code: str, theme: str):
    """Show one theme's items with their questions, and save them (the explicit Save button, without JavaScript)."""
    submission, structure = _load(cycle_key, code)
    if structure.theme(theme) is None:
        abort(404)
    return _checklist_page(submission, structure, theme)


@bp.route("/general", methods=["GET", "POST"])
@allow(*EVERYONE)
def general(cycle_key: str, code: str):
    """Show and save the questions asked once per checklist."""
    submission, structure = _load(cycle_key, code)
    return _checklist_page(submission, structure, None)


def _page_url(submission: Submission, theme_code: str | None, anchor: str | None = None, **args) -> str:
    keys = {"cycle_key": submission.cycle.key, "code": submission.state.code}
    url = url_for("answers.theme", theme=theme_code, **keys) if theme_code else url_for("answers.general", **keys)
    query = {name: value for name, value in args.items() if value}
    return url + (f"?{urlencode(query)}" if query else "") + (f"#{anchor}" if anchor else "")


def _extra_rows(text: str | None) -> dict[str, int]:
    """Read ``rows=<field>:<n>`` (empty reference rows asked for with the "Add a row" button)."""
    name, _sep, count = (text or "").rpartition(":")
    rows = parse_int(count, high=50)
    return {name: rows} if name and rows is not None else {}


def _checklist_page(submission: Submission, structure: ChecklistStructure, theme_code: str | None):
    template = "answers/theme.html" if theme_code else "answers/general.html"
    if request.method == "GET":
        page = checklist_page(
            submission, current_user, structure, theme_code, check_missing=request.args.get("check") == "1",
            extra_rows=_extra_rows(request.args.get("rows")),
        )
        return render_template(template, page=page, structure=structure)

    entries = services.page_entries(structure, theme_code)
    fields = services.page_fields(structure, theme_code)
    posted = services.read_posted(request.form, fields)
    action, _sep, target = request.form.get("action", "save").partition(":")
    if not can_edit(current_user, submission):
        if current_user.state_id != submission.state_id:
            abort(403)
        # Submitted or closed meanwhile: keep everything typed on the page, say it was not saved.
        flash(_("Not saved: the reply can no longer be changed (it was submitted, or the cycle closed). "
                "Copy what you typed before leaving this page."), "error")
        page = checklist_page(submission, current_user, structure, theme_code, posted=posted, keep_typed=True)
        return render_template(template, page=page, structure=structure, force_form=True), 409

    extra = _apply_action(action, target, posted, {f.name: f.field for f in fields})
    outcome = services.save_posted(submission, current_user, fields, posted)
    if not outcome.is_clean:
        page = checklist_page(submission, current_user, structure, theme_code, posted=posted, outcome=outcome,
                              check_missing=action == "save", extra_rows=extra)
        if outcome.saved:
            flash(_saved_message(len(outcome.saved)), "success")
        return render_template(template, page=page, structure=structure)

    if action == "copy-all":
        # What was typed is saved; copying the whole checklist waits for the confirmation page.
        if outcome.saved:
            flash(_saved_message(len(outcome.saved)), "success")
        return redirect(url_for("answers.carry_forward", cycle_key=submission.cycle.key, code=submission.state.code,
                                back=theme_code or GENERAL_CODE))
    if action == "copy":
        chosen = [structure.items[target]] if target in structure.items else entries
        _copy_last_report(submission, structure, chosen)
    elif outcome.saved:
        flash(_saved_message(len(outcome.saved)), "success")
    elif action == "save":
        flash(_("Saved at %(time)s: no answer had changed since the last save.", time=_now()), "success")
    return redirect(_after_post_url(submission, theme_code, action, target, extra))


def _apply_action(action: str, target: str, posted: services.PostedPage,
                  kinds: dict[str, QuestionField]) -> dict[str, int]:
    """Apply the page's button to what was posted; return the empty rows (of references, of entries) to draw next."""
    if action == "keep-mine" and target in posted.their_revisions:
        posted.revisions[target] = posted.their_revisions[target]  # save over theirs, knowingly
    elif action == "take-theirs" and target in posted.values:
        del posted.values[target]
    elif action == "add-row" and target in posted.values and isinstance(kinds.get(target), RowsField):
        # one more empty row than the page had (the page draws 1 + extra empty rows)
        return {target: kinds[target].empty_rows(request.form, target)}
    elif action == "remove-row":
        name, _sep, index = target.rpartition(":")
        row = parse_int(index)
        if name in posted.values and row is not None:
            posted.values[name] = REFERENCES.read(request.form, name, without=row)
    return {}


def _after_post_url(submission: Submission, theme_code: str | None, action: str, target: str, extra: dict[str, int]) -> str:
    """Return where a page goes after a successful post: back to the place the button was."""
    if action == "add-row":
        return _page_url(submission, theme_code, target, rows=f"{target}:{extra[target]}" if target in extra else None)
    if action == "remove-row":
        return _page_url(submission, theme_code, target.rpartition(":")[0])
    if action in ("keep-mine", "take-theirs"):
        return _page_url(submission, theme_code, target)
    if action == "copy" and target != GENERAL_CODE:
        return _page_url(submission, theme_code, f"item-{target}")
    # Save goes to the top of the page, where it says what was saved and what is missing: with an anchor of
    # its own, since a redirect without one keeps the page's (a reference row added before, for example).
    return _page_url(submission, theme_code, "main", check="1" if action == "save" else None)


def _copy_last_report(submission: Submission, structure: ChecklistStructure, chosen) -> None:
    try:
        copied = services.carry_forward(submission, current_user, structure, chosen)
    except services.AnswersError as error:
        flash(str(error), "error")
        return
    if copied:
        flash(ngettext("%(num)d answer copied from the last report.", "%(num)d answers copied from the last report.",
                       copied), "success")
    else:
        flash(_("Nothing to copy: the questions that the last report answered already have answers."), "success")


def _now() -> str:
    return format_datetime(utcnow(), "HH:mm") + " UTC"


def _saved_message(count: int) -> str:
    return ngettext("Saved at %(time)s: %(num)d answer.", "Saved at %(time)s: %(num)d answers.", count, time=_now())


@bp.post("/answers")
@allow(*EVERYONE)
def save(cycle_key: str, code: str):
    """Save the answers an autosave request sends (JSON) and answer with revisions, errors and conflicts."""
    submission, structure = _load(cycle_key, code)
    if current_user.role not in (Role.FOCAL_POINT, Role.CONTRIBUTOR):
        return jsonify(error=_("Only the State's focal points and contributors change its reply.")), 403
    try:
        result = services.save_json(submission, current_user, structure, request.get_json(silent=True))
    except services.AnswersError as error:
        return jsonify(error=str(error)), 400
    except WorkflowError:
        return jsonify(error=_("The reply can no longer be changed: it was submitted, or the cycle closed.")), 409
    return jsonify(result)


@bp.route("/carry-forward", methods=["GET", "POST"])
@allow(*EVERYONE)
def carry_forward(cycle_key: str, code: str):
    """Copy the last report's answers into the questions not answered yet: one item, or, once confirmed, all of them."""
    submission, structure = _load(cycle_key, code)
    if not can_edit(current_user, submission):
        abort(403)
    item_code = request.form.get("item")
    if request.method == "POST" and item_code:
        if item_code not in structure.items:
            abort(404)
        _copy_last_report(submission, structure, [structure.items[item_code]])
        return redirect(_page_url(submission, structure.items[item_code].theme_code, f"item-{item_code}"))
    back = request.values.get("back")
    back = back if back in {theme.code for theme in structure.themes} | {GENERAL_CODE} else None
    everything = list(structure.items.values()) + [None]
    if request.method == "POST" and request.form.get("confirm") == "yes":
        _copy_last_report(submission, structure, everything)
        if back:
            return redirect(_page_url(submission, None if back == GENERAL_CODE else back))
        return redirect(url_for("answers.overview", cycle_key=cycle_key, code=submission.state.code))
    # The whole checklist is copied only from the page that says how much will be copied.
    try:
        plan = services.plan_carry_forward(submission, structure, everything)
    except services.AnswersError as error:
        flash(str(error), "error")
        return redirect(url_for("answers.overview", cycle_key=cycle_key, code=submission.state.code))
    return render_template("answers/carry_forward.html", submission=submission, plan=plan, back=back,
                           cancel_url=_page_url(submission, None if back == GENERAL_CODE else back) if back else
                           url_for("answers.overview", cycle_key=cycle_key, code=submission.state.code))


@bp.get("/items/<item_code>/history")
@allow(*EVERYONE)
def history(cycle_key: str, code: str, item_code: str):
    """List every change of an item's answers: question, who, when, before and after."""
    submission, structure = _load(cycle_key, code)
    if item_code == GENERAL_CODE:
        entry = None
    elif item_code in structure.items:
        entry = structure.items[item_code]
    else:
        abort(404)
    rows = item_history(submission, structure, entry)
    return render_template("answers/history.html", submission=submission, structure=structure, entry=entry,
                           rows=rows, theme=structure.theme(entry.theme_code) if entry else None)


@bp.route("/assignments", methods=["GET", "POST"])
@allow(*EVERYONE)
def assignments(cycle_key: str, code: str):
    """Let a focal point give themes to members of the State's team; show everyone who does what."""
    submission, structure = _load(cycle_key, code)
    can_assign = current_user.role is Role.FOCAL_POINT and current_user.state_id == submission.state_id
    people = team.state_people(submission)
    if request.method == "POST":
        if not can_assign:
            abort(403)
        wanted = {}
        for theme_ in structure.themes:
            ids = {parse_int(value) for value in request.form.getlist(f"theme-{theme_.code}")}
            if None in ids:
                abort(400)
            wanted[theme_.code] = ids
        try:
            added = team.assign_themes(submission, current_user, structure, wanted)
        except services.AnswersError as error:
            flash(str(error), "error")
        else:
            notices.theme_assigned(submission, added, current_user)
            flash(_("Assignments saved. Each person given a new theme is told by e-mail."), "success")
            return redirect(url_for("answers.assignments", cycle_key=cycle_key, code=submission.state.code))
    assigned = team.theme_assignments(submission)
    return render_template(
        "answers/assignments.html", submission=submission, structure=structure, people=people,
        assigned={theme_code: {person.id for person in persons} for theme_code, persons in assigned.items()},
        assigned_names={theme_code: [p.name for p in persons] for theme_code, persons in assigned.items()},
        can_assign=can_assign,
    )
