"""The blank checklist of a template version, as a PDF to print or circulate before answering online."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from flask import current_app
from flask_babel import force_locale

from portal.checklists.models import ChecklistTemplate
from portal.checklists.outline import ChecklistOutline, build_outline
from portal.core.pdf import REPORTS_DIR, design_digest, html_to_pdf, render_design

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


def _design_digest() -> str:
    """Return a digest of the design's files, so that a changed design never serves an old PDF."""
    return design_digest("checklist/**/*", "common/*", "fonts/*.css")[:12]


def blank_checklist_pdf(template: ChecklistTemplate, language: str) -> tuple[bytes, str]:
    """Return the blank checklist's PDF and file name, rendered once per version, language and design.

    Rendering takes seconds for a long declaration; the result depends only on the stored version
    (its content hash), the language and the design, so it is kept in the instance folder.
    """
    checklist = blank_checklist_outline(template, language)
    name = blank_checklist_filename(checklist)
    folder = Path(current_app.config["CACHE_DIR"]) / "checklists"
    cached = folder / f"{template.key}-v{template.version}-{language}-{template.content_hash[:16]}-{_design_digest()}.pdf"
    if cached.exists():
        return cached.read_bytes(), name
    pdf = render_blank_checklist(checklist)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".part") as handle:
        handle.write(pdf)
    os.replace(handle.name, cached)  # atomic: a concurrent request reads the old file or the new, never half
    return pdf, name
