"""The export page and the files it offers; State users export their own State only."""

from __future__ import annotations

import tempfile

from flask import Blueprint, Response, abort, render_template, request, send_file, stream_with_context
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from portal.checklists.outline import LANGUAGE_NAMES, choose_language
from portal.core.access import STAFF_ROLES, Role, allow
from portal.core.extensions import db
from portal.cycles.models import ReportingCycle
from portal.cycles.services import visible_cycles_query
from portal.exports.formats import csv_stream, write_xlsx
from portal.exports.forms import ExportForm
from portal.exports.services import GENERAL, Export, ExportFilters
from portal.states.models import RegionalGroup
from portal.states.services import list_states
from portal.submissions.models import SubmissionStatus

bp = Blueprint("exports", __name__, url_prefix="/exports")

EVERYONE = (Role.ADMINISTRATOR, Role.SECRETARIAT, Role.FOCAL_POINT, Role.CONTRIBUTOR)


def build_export(cycle: ReportingCycle, args) -> Export:
    """Return the export the request asks for, restricted to the user's own State unless staff."""
    is_staff = current_user.role in STAFF_ROLES
    groups = [RegionalGroup(g) for g in args.getlist("groups") if g in {x.value for x in RegionalGroup}]
    statuses = [SubmissionStatus(s) for s in args.getlist("statuses") if s in {x.value for x in SubmissionStatus}]
    states = [code.upper() for code in args.getlist("states")] if is_staff else [current_user.state.code]
    language = args.get("language", "en")
    if language not in cycle.template.languages:
        language = "en"
    filters = ExportFilters(states=states, groups=groups, statuses=statuses, themes=args.getlist("themes"))
    return Export(cycle, filters, language=language, include_staff_columns=is_staff)


@bp.get("/")
@allow(*EVERYONE)
def index():
    cycles = list(db.session.scalars(visible_cycles_query(current_user)))
    form = ExportForm(request.args)
    chosen = next((c for c in cycles if c.key == request.args.get("cycle")), cycles[0] if cycles else None)
    themes, languages = [], [("en", "English")]
    if chosen is not None:
        language = choose_language(chosen.template.languages, str(get_locale() or "en"))
        themes = [(t.code, t.title.get(language) or t.title.get("en", t.code)) for t in chosen.template.themes] \
            + [(GENERAL, _("Questions asked once per checklist"))]
        languages = [(code, LANGUAGE_NAMES.get(code, code)) for code in chosen.template.languages]
        form.cycle.data = chosen.key
    states = list_states() if current_user.role in STAFF_ROLES else [current_user.state]
    form.fill_choices(cycles, states, themes, languages)
    by_group: dict[RegionalGroup | None, list] = {}
    for state in states:
        by_group.setdefault(None if state.is_observer else state.regional_group, []).append(state)
    state_groups = [(group, by_group[group]) for group in [*RegionalGroup, None] if group in by_group]
    return render_template("exports/index.html", form=form, cycles=cycles, is_staff=current_user.role in STAFF_ROLES,
                           state_groups=state_groups, chosen_states=set(form.states.data or ()))


@bp.get("/download")
@allow(*EVERYONE)
def download():
    cycle = db.session.scalar(visible_cycles_query(current_user).where(ReportingCycle.key == request.args.get("cycle", "")))
    if cycle is None:
        abort(404)
    export = build_export(cycle, request.args)
    kind = request.args.get("kind", "long.csv")
    stem = f"{cycle.key}-{'all' if current_user.role in STAFF_ROLES else current_user.state.code.lower()}"
    if kind in ("long.csv", "wide.csv", "codebook.csv"):
        table = kind.removesuffix(".csv")
        chunks = csv_stream(export, table, bom=request.args.get("bom") in ("y", "1", "on", "true"))
        return Response(
            stream_with_context(chunks),
            mimetype="text/csv",
            headers={"Content-Disposition": f'attachment; filename="{stem}-{table}.csv"'},
        )
    if kind == "codebook":
        return render_template("exports/codebook.html", cycle=cycle, rows=export.codebook_rows())
    if kind == "export.xlsx":
        spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
        write_xlsx(export, spool)
        spool.seek(0)
        return send_file(
            spool,
            mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            as_attachment=True,
            download_name=f"{stem}.xlsx",
        )
    abort(404)
