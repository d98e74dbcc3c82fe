"""The document of a compiled report: its inputs as plain data, and the Document the PDF engine renders.

:func:`report_inputs` is what a finalised edition stores: the settings and every printed block
with the answer revisions it came from. :func:`document_from_inputs` turns those inputs (and
nothing else: no database) into a numbered :class:`~portal.reports.document.Document`, so that a
stored edition renders again to the same PDF.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import subqueryload

from portal.core.extensions import db
from portal.reports.document import Block, Document, Part, number_document
from portal.reports.models import Report, ReportBlock
from portal.reports.settings import ReportSettings


def report_inputs(report: Report) -> dict[str, Any]:
    """Return the JSON-ready inputs of ``report``: settings, cycle, and its non-deleted blocks in order."""
    blocks = db.session.scalars(
        sa.select(ReportBlock)
        .where(ReportBlock.report_id == report.id, ReportBlock.deleted.is_(False))
        .order_by(ReportBlock.position, ReportBlock.id)
        .options(subqueryload(ReportBlock.sources))
    )
    return {
        "settings": ReportSettings.from_json(report.settings).to_json(),
        "cycle": {"key": report.cycle.key, "title": report.cycle.title},
        "blocks": [
            {
                "kind": block.kind.value,
                "key": block.key,
                "origin": block.origin.value,
                "text": block.text,
                "data": block.data,
                "sources": [
                    {"answer_id": source.answer_id, "revision_id": source.revision_id, "revision": source.revision}
                    for source in sorted(block.sources, key=lambda s: (s.answer_id, s.revision))
                ],
            }
            for block in blocks
        ],
    }


def document_from_inputs(inputs: dict[str, Any]) -> Document:
    """Return the numbered Document of a report's inputs: one part for the body, one per annex (on a new page)."""
    settings = ReportSettings.from_json(inputs.get("settings"))
    parts: list[Part] = [Part(key="body", blocks=[], title=None, new_page=True)]
    for number, entry in enumerate(inputs.get("blocks", []), start=1):
        block = Block(kind=entry["kind"], text=entry.get("text") or "", data=entry.get("data"))
        if entry["kind"] == "annex":
            parts.append(Part(key=f"annex-{len(parts)}", blocks=[], title=block.text, new_page=True))
        parts[-1].blocks.append(block)
    title = settings.title or (inputs.get("cycle") or {}).get("title", "")
    return number_document(Document(kind="report", settings=settings, parts=parts, title=title))


def report_document(report: Report) -> Document:
    """Return the numbered Document of ``report`` as it stands now."""
    return document_from_inputs(report_inputs(report))
