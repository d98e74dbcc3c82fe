"""The blank checklist of a template version, as a PDF to print or circulate before answering online."""

from __future__ import annotations

from flask_babel import force_locale

from portal.checklists.models import ChecklistTemplate
from portal.checklists.outline import ChecklistOutline, build_outline
from portal.core.pdf import REPORTS_DIR, html_to_pdf, render_design

DESIGN = "checklist/blank.html"


def blank_checklist_outline(template: ChecklistTemplate, language: str) -> ChecklistOutline:
    """Return the plain data of the blank checklist, its interface texts in the checklist's language."""
    with force_locale(language):
        return build_outline(template, language)


def render_blank_checklist(checklist: ChecklistOutline) -> bytes:
    """Render the blank checklist ``checklist`` (plain data) to PDF bytes."""
    with force_locale(checklist.language):
        html = render_design(DESIGN, checklist=checklist)
    return html_to_pdf(html, base=REPORTS_DIR / "checklist")


def blank_checklist_filename(checklist: ChecklistOutline) -> str:
    return f"{checklist.key}-v{checklist.version}-{checklist.language}.pdf"
