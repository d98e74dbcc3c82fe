"""Reporting cycles for the Secretariat: list, create, open, close, and each cycle's dashboard."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from portal.checklists.services import find_template
from portal.core.access import Role, allow
from portal.core.extensions import db
from portal.core.forms import PortalForm
from portal.cycles import services
from portal.cycles.forms import INVITE_ALL, INVITE_GROUPS, CloseCycleForm, CycleForm
from portal.cycles.models import CycleStatus, ReportingCycle
from portal.cycles.summaries import complete_counts, cycle_summaries, template_versions
from portal.states.models import RegionalGroup
from portal.states.services import list_states
from portal.submissions.models import SubmissionStatus

bp = Blueprint("cycles", __name__, url_prefix="/cycles")

STAFF = (Role.ADMINISTRATOR, Role.SECRETARIAT)


def _load(cycle_key: str) -> ReportingCycle:
    cycle = services.find_cycle(cycle_key)
    if cycle is None:
        abort(404)
    return cycle


def in_language(texts: dict[str, str]) -> str:
    """Return the text in the interface language, else in English, else in the first language it has."""
    return texts.get(get_locale().language) or texts.get("en") or next(iter(texts.values()), "")


@bp.app_template_filter("in_language")
def in_language_filter(texts: dict[str, str]) -> str:
    return in_language(texts)


@bp.get("/")
@allow(*STAFF)
def index():
    return render_template("cycles/index.html", summaries=cycle_summaries(), statuses=list(SubmissionStatus))


@bp.route("/new", methods=["GET", "POST"])
@allow(*STAFF)
def new():
    form = CycleForm()
    templates = template_versions()
    form.set_choices(
        [(f"{t.key}:{t.version}", _("%(title)s, version %(version)s", title=in_language(t.short_title), version=t.version)) for t in templates],
        list_states(),
    )
    if form.validate_on_submit():
        key, _sep, version = form.template.data.partition(":")
        template = find_template(key, int(version))
        if form.invite.data == INVITE_ALL:
            states = services.states_for_invitation(everyone=True)
        elif form.invite.data == INVITE_GROUPS:
            states = services.states_for_invitation(groups=[RegionalGroup(value) for value in form.groups.data])
        else:
            states = services.states_for_invitation(codes=form.states.data)
        try:
            cycle = services.create_cycle(
                key=form.key.data.strip(), title=form.title.data, template=template, opens_on=form.opens_on.data,
                deadline=form.deadline.data, cutoff_on=form.cutoff_on.data, states=states, created_by=current_user,
            )
        except services.CycleError as error:
            field = form.invited_field() if error.field == "states" else error.field
            form[field if field in form else "key"].errors.append(str(error))
        else:
            flash(ngettext("The cycle %(title)s is in preparation, with %(num)d State invited. Open it when it should start.",
                           "The cycle %(title)s is in preparation, with %(num)d States invited. Open it when it should start.",
                           len(states), title=cycle.title), "success")
            return redirect(url_for("cycles.dashboard", cycle_key=cycle.key))
    status = 422 if form.errors else 200
    return render_template("cycles/new.html", form=form, has_templates=bool(templates)), status


@bp.get("/<cycle_key>/")
@allow(*STAFF)
def dashboard(cycle_key: str):
    """Show every invited State with its reply's status and progress: filtered, searched by name, sorted by a column."""
    return _render_dashboard(_load(cycle_key))


def _render_dashboard(cycle: ReportingCycle, *, close_form: CloseCycleForm | None = None, status_code: int = 200):
    groups = {group.value: group for group in RegionalGroup}
    statuses = {status.value: status for status in SubmissionStatus}
    group = groups.get(request.args.get("group", ""))
    status = statuses.get(request.args.get("status", ""))
    search = request.args.get("q", "").strip()[:100]
    sort = request.args.get("sort", "state")
    sort = sort if sort in services.SORT_KEYS else "state"
    descending = request.args.get("dir") == "desc"
    rows = services.dashboard_rows(cycle, group=group, status=status, search=search, sort=sort, descending=descending)
    counts = complete_counts(services.status_counts(cycle))
    # Before opening there are no replies to count, only invitations.
    invited = len(cycle.invitations) if cycle.status is CycleStatus.PREPARATION else sum(counts.values())
    not_submitted = sum(count for s, count in counts.items() if s.is_editable)
    return render_template(
        "cycles/dashboard.html", cycle=cycle, rows=rows, counts=counts, total=sum(counts.values()), invited=invited,
        groups=list(RegionalGroup), statuses=list(SubmissionStatus), group=group, status=status, search=search,
        sort=sort, descending=descending, is_filtered=group is not None or status is not None or bool(search),
        action_form=PortalForm(), close_form=close_form or CloseCycleForm(formdata=None), not_submitted=not_submitted,
    ), status_code


@bp.post("/<cycle_key>/open", endpoint="open")
@allow(*STAFF)
def open_cycle(cycle_key: str):
    """Open the cycle: create each invited State's reply and e-mail the focal points."""
    cycle = _load(cycle_key)
    if not PortalForm().validate_on_submit():
        abort(400)
    try:
        created = services.open_cycle(cycle, current_user)
    except services.CycleError as error:
        flash(str(error), "error")
        return redirect(url_for("cycles.dashboard", cycle_key=cycle_key))
    messages = services.invitation_messages(cycle)
    db.session.commit()  # the cycle is open whatever becomes of the mails
    # Sending reads nothing: no transaction (nor SQLite's write lock) is held while the SMTP server answers.
    sent, undelivered = services.invite_focal_points(cycle, messages)
    db.session.commit()  # the outbox, when no SMTP server is configured
    opened = ngettext("The cycle is open: %(num)d State can now reply.", "The cycle is open: %(num)d States can now reply.",
                      len(created))
    mailed = ngettext("%(num)d focal point has been e-mailed.", "%(num)d focal points have been e-mailed.", sent)
    if undelivered:
        failed = _("The invitation could not be sent to %(addresses)s: tell them another way.",
                   addresses=", ".join(failure.message.recipient for failure in undelivered))
        flash(f"{opened} {mailed} {failed}", "error")
    else:
        flash(f"{opened} {mailed}", "success")
    return redirect(url_for("cycles.dashboard", cycle_key=cycle_key))


@bp.post("/<cycle_key>/close", endpoint="close")
@allow(*STAFF)
def close_cycle(cycle_key: str):
    """Close the cycle: States can no longer change their replies."""
    cycle = _load(cycle_key)
    form = CloseCycleForm()
    if not form.validate_on_submit():
        if "csrf_token" in form.errors:
            abort(400)
        return _render_dashboard(cycle, close_form=form, status_code=422)
    try:
        services.close_cycle(cycle)
    except services.CycleError as error:
        flash(str(error), "error")
    else:
        flash(_("The cycle is closed: replies can no longer be changed."), "success")
    return redirect(url_for("cycles.dashboard", cycle_key=cycle_key))
