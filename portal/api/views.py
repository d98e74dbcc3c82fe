"""The read-only JSON API: cycles, templates, submissions with answers; paginated, filtered.

Requests authenticate with a personal token (``Authorization: Bearer upt_...``); a browser
session does not open the API. A focal point or contributor reads their own State only.
"""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, abort, jsonify, request, url_for
from flask_login import current_user

from portal.api.openapi import openapi_document
from portal.api.serialize import cycle_document, submission_document, template_document, template_summary
from portal.checklists.models import ChecklistTemplate
from portal.checklists.schema import LANGUAGES, REQUIRED_LANGUAGE
from portal.checklists.services import find_template
from portal.core.access import STAFF_ROLES, Role, allow, public
from portal.core.extensions import csrf, db
from portal.core.integers import DATABASE_INT_MAX, IntegerParameterError, int_parameter
from portal.cycles.models import ReportingCycle
from portal.cycles.services import visible_cycles_query
from portal.exports.services import Export, ExportFilters
from portal.states.models import RegionalGroup
from portal.submissions.models import SubmissionStatus

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)  # read-only, token-authenticated: no form, no cookie

EVERYONE = (Role.ADMINISTRATOR, Role.SECRETARIAT, Role.FOCAL_POINT, Role.CONTRIBUTOR)
MAX_PER_PAGE = 100


class BadParameter(Exception):
    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name


@bp.errorhandler(BadParameter)
def bad_parameter(error: BadParameter):
    return jsonify(error={"status": 400, "parameter": error.name, "message": str(error)}), 400


def _int_param(name: str, default: int, low: int, high: int = DATABASE_INT_MAX) -> int:
    try:
        return int_parameter(request.args, name, default, low=low, high=high)
    except IntegerParameterError as error:
        raise BadParameter(name, error.description) from None


def _choice_params(name: str, allowed: set[str]) -> list[str]:
    values = request.args.getlist(name)
    unknown = [value for value in values if value not in allowed]
    if unknown:
        raise BadParameter(name, f"unknown {name}: {', '.join(sorted(unknown))}")
    return values


def _pagination() -> tuple[int, int]:
    return _int_param("page", 1, 1), _int_param("per_page", 20, 1, MAX_PER_PAGE)


def _envelope(data: list, total: int, page: int, per_page: int, endpoint: str, **values) -> dict:
    """Wrap one page of ``data`` with its position and links to the pages around it."""
    pages = max((total + per_page - 1) // per_page, 1)
    args = {key: request.args.getlist(key) for key in request.args if key not in ("page", "per_page")}

    def link(number: int) -> str:
        return url_for(endpoint, page=number, per_page=per_page, **values, **args)

    return {
        "data": data,
        "meta": {"page": page, "per_page": per_page, "total": total, "pages": pages},
        "links": {
            "self": link(page),
            "next": link(page + 1) if page < pages else None,
            "prev": link(page - 1) if page > 1 else None,
        },
    }


def _page(query, serialize, endpoint: str, **values) -> dict:
    """Return one page of the rows of ``query``, serialised."""
    page, per_page = _pagination()
    total = db.session.scalar(sa.select(sa.func.count()).select_from(query.order_by(None).subquery()))
    rows = db.session.scalars(query.limit(per_page).offset((page - 1) * per_page)).all()
    return _envelope(serialize(rows), total, page, per_page, endpoint, **values)


def _cycle_or_404(cycle_key: str) -> ReportingCycle:
    cycle = db.session.scalar(visible_cycles_query(current_user).where(ReportingCycle.key == cycle_key))
    if cycle is None:
        abort(404)
    return cycle


@bp.get("/openapi.json")
@public
def openapi():
    """The OpenAPI 3.1 document describing this API."""
    return jsonify(openapi_document(request.host_url.rstrip("/") + "/api/v1"))


@bp.get("/cycles")
@allow(*EVERYONE)
def cycles():
    return jsonify(_page(visible_cycles_query(current_user), lambda rows: [cycle_document(c) for c in rows], "api.cycles"))


@bp.get("/cycles/<cycle_key>")
@allow(*EVERYONE)
def cycle(cycle_key: str):
    return jsonify(data=cycle_document(_cycle_or_404(cycle_key)))


@bp.get("/templates")
@allow(*EVERYONE)
def templates():
    query = sa.select(ChecklistTemplate).order_by(ChecklistTemplate.key, ChecklistTemplate.version)
    return jsonify(_page(query, lambda rows: [template_summary(t) for t in rows], "api.templates"))


@bp.get("/templates/<key>/<int:version>")
@allow(*EVERYONE)
def template(key: str, version: int):
    found = find_template(key, version)
    if found is None:
        abort(404)
    return jsonify(data=template_document(found))


def _export(cycle: ReportingCycle, *, states: list[str] | None = None) -> Export:
    """Return the answers the request asks for, restricted to the user's own State unless staff."""
    groups = _choice_params("group", {g.value for g in RegionalGroup})
    statuses = _choice_params("status", {s.value for s in SubmissionStatus})
    themes = request.args.getlist("theme")  # like a State's code, a theme the template lacks matches nothing
    if states is None:
        states = [code.upper() for code in request.args.getlist("state")]
    if current_user.role not in STAFF_ROLES:
        states = [current_user.state.code]
    language = request.args.get("language", REQUIRED_LANGUAGE)
    if language not in LANGUAGES:  # a text the template lacks in it falls back to English
        raise BadParameter("language", f"language must be one of {', '.join(LANGUAGES)}")
    filters = ExportFilters(
        states=states, groups=[RegionalGroup(g) for g in groups],
        statuses=[SubmissionStatus(s) for s in statuses], themes=themes,
    )
    return Export(cycle, filters, language=language)


@bp.get("/cycles/<cycle_key>/submissions")
@allow(*EVERYONE)
def submissions(cycle_key: str):
    cycle = _cycle_or_404(cycle_key)
    export = _export(cycle)
    page, per_page = _pagination()
    everything = export.submissions()
    chosen = everything[(page - 1) * per_page : page * per_page]
    answers = dict(export.answers_by_submission(chosen))
    data = [submission_document(export, s, answers.get(s.id, [])) for s in chosen]
    return jsonify(_envelope(data, len(everything), page, per_page, "api.submissions", cycle_key=cycle.key))


@bp.get("/cycles/<cycle_key>/submissions/<code>")
@allow(*EVERYONE)
def submission(cycle_key: str, code: str):
    cycle = _cycle_or_404(cycle_key)
    if current_user.role not in STAFF_ROLES and code.upper() != current_user.state.code:
        abort(404)
    export = _export(cycle, states=[code.upper()])
    found = export.submissions()
    if not found:
        abort(404)
    answers = dict(export.answers_by_submission(found))
    return jsonify(data=submission_document(export, found[0], answers.get(found[0].id, [])))
