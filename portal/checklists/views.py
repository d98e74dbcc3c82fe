"""Checklist templates for the Secretariat: the stored versions, one version's content, its blank PDF."""

from __future__ import annotations

import io

from flask import Blueprint, abort, render_template, request, send_file
from flask_babel import get_locale

from portal.checklists import services
from portal.checklists.models import ChecklistTemplate
from portal.checklists.outline import LANGUAGE_NAMES, build_outline, choose_language
from portal.checklists.pdf import blank_checklist_pdf
from portal.core.access import Role, allow

bp = Blueprint("checklists", __name__, url_prefix="/checklists")


def _load(key: str, version: int) -> ChecklistTemplate:
    template = services.find_template(key, version)
    if template is None:
        abort(404)
    return template


def _language(template: ChecklistTemplate) -> str:
    """The checklist language asked for (?lang=), else the interface language when the template has it."""
    return choose_language(template.languages, request.args.get("lang") or get_locale().language)


@bp.get("/")
@allow(Role.ADMINISTRATOR, Role.SECRETARIAT)
def index():
    return render_template("checklists/index.html", templates=services.list_templates(), language_names=LANGUAGE_NAMES)


@bp.get("/<key>/<int:version>/")
@allow(Role.ADMINISTRATOR, Role.SECRETARIAT)
def show(key: str, version: int):
    template = _load(key, version)
    checklist = build_outline(template, _language(template))
    return render_template("checklists/show.html", checklist=checklist, language_names=LANGUAGE_NAMES)


@bp.get("/<key>/<int:version>/checklist.pdf")
@allow(Role.ADMINISTRATOR, Role.SECRETARIAT)
def blank_pdf(key: str, version: int):
    """Send the blank checklist of the version as a PDF, in the language asked for."""
    template = _load(key, version)
    pdf, name = blank_checklist_pdf(template, _language(template))
    return send_file(io.BytesIO(pdf), mimetype="application/pdf", as_attachment=True, download_name=name)
