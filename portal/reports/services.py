"""The Secretariat's operations on a report: create it, change its settings, edit its blocks, finalise it.

Services change objects and flush; the caller commits (the request's commit point, or the job
runner for a finalisation).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import tempfile
from pathlib import Path
from typing import Any, Callable

import sqlalchemy as sa
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from portal.accounts.models import User
from portal.checklists.outline import choose_language
from portal.core.db import utcnow
from portal.core.extensions import db
from portal.cycles.services import cycle_titles
from portal.cycles.models import ReportingCycle
from portal.reports.models import (
    BlockKind,
    BlockOrigin,
    Report,
    ReportBlock,
    ReportBlockSource,
    ReportEdition,
    ReportStatus,
)
from portal.reports.document import Block as PrintedBlock
from portal.reports.document import HEADING_RANKS, Document, Part, number_document
from portal.reports.settings import ReportSettings
from portal.review.reply import AnswerText, answer_text
from portal.submissions.models import Answer, Submission

# What an editor may add by hand: text blocks (tables come only from the replies).
ADDABLE_KINDS = (
    BlockKind.PARAGRAPH, BlockKind.SUBPARAGRAPH, BlockKind.CHAPTER, BlockKind.SECTION, BlockKind.SUBSECTION,
    BlockKind.SUMMARY, BlockKind.ANNEX,
)

Progress = Callable[[int, int], None]


class ReportError(ValueError):
    """A report or one of its blocks cannot be changed so (the message says why, for the editor)."""


def find_report(report_id: int) -> Report | None:
    return db.session.get(Report, report_id)


def reports_of(cycle: ReportingCycle) -> list[Report]:
    """Return the reports on ``cycle``, oldest first."""
    return list(db.session.scalars(sa.select(Report).where(Report.cycle_id == cycle.id).order_by(Report.id)))


@dataclasses.dataclass(frozen=True)
class CycleReports:
    """A cycle with its reports, each with the number of its final editions (for the overview of all reports)."""

    cycle: ReportingCycle
    reports: list[tuple[Report, int]]


def reports_overview() -> list[CycleReports]:
    """Return every cycle, the latest opened first, with its reports (oldest first) and their editions counted."""
    cycles = db.session.scalars(sa.select(ReportingCycle).order_by(ReportingCycle.opens_on.desc(), ReportingCycle.id.desc()))
    editions = dict(db.session.execute(
        sa.select(ReportEdition.report_id, sa.func.count()).group_by(ReportEdition.report_id)
    ).tuples().all())
    by_cycle: dict[int, list[tuple[Report, int]]] = {}
    for report in db.session.scalars(sa.select(Report).order_by(Report.id)):
        by_cycle.setdefault(report.cycle_id, []).append((report, editions.get(report.id, 0)))
    return [CycleReports(cycle, by_cycle.get(cycle.id, [])) for cycle in cycles]


def settings_of(report: Report) -> ReportSettings:
    return ReportSettings.from_json(report.settings)


def default_settings(cycle: ReportingCycle, *, today: dt.date | None = None) -> ReportSettings:
    """Return sensible settings for a new report on ``cycle``: its title, replies as at its cut-off, dated today."""
    return ReportSettings(title=cycle.title, as_at=cycle.cutoff_on, date=today or dt.date.today())


def create_report(cycle: ReportingCycle, *, user: User | None, settings: ReportSettings | None = None) -> Report:
    """Create an empty draft report on ``cycle`` (compiling fills it)."""
    report = Report(
        cycle=cycle, settings=(settings or default_settings(cycle)).to_json(), status=ReportStatus.DRAFT,
        created_by_id=user.id if user else None,
    )
    db.session.add(report)
    db.session.flush()
    return report


def update_settings(report: Report, settings: ReportSettings, *, user: User | None) -> None:
    """Replace the settings of ``report`` (a recompilation applies a new arrangement or inclusion)."""
    report.settings = settings.to_json()
    _changed(report)
    db.session.flush()


def live_blocks(report: Report) -> list[ReportBlock]:
    """Return the blocks the report prints, in document order (deleted generated blocks left out)."""
    return [block for block in report.blocks if not block.deleted]


def _changed(report: Report) -> None:
    """Record a change of ``report``: a final report that changes is a draft again (its editions stay)."""
    report.updated_at = utcnow()
    report.status = ReportStatus.DRAFT


def _touch(block: ReportBlock, user: User | None) -> None:
    block.updated_at = utcnow()
    block.updated_by_id = user.id if user else None
    _changed(block.report)


def normalise_text(text: str) -> str:
    """Return ``text`` as blocks store it: LF line breaks, no surrounding blank space."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def edit_block(block: ReportBlock, text: str, *, user: User | None) -> None:
    """Give ``block`` a new text; a generated or starting block is ``edited`` while it differs from its generated text."""
    if block.kind is BlockKind.TABLE:
        raise ReportError(_l("A table is produced from the replies and cannot be edited as text."))
    text = normalise_text(text)
    if not text:
        raise ReportError(_l("The text is empty. To remove the paragraph, delete it."))
    block.text = text
    if block.origin is not BlockOrigin.MANUAL:
        block.edited = text != normalise_text(block.generated_text or "")
    _touch(block, user)
    db.session.flush()


def accept_flags(block: ReportBlock, *, user: User | None) -> None:
    """Record that an editor checked a flagged paragraph and keeps its generated text: its flags no longer show.

    The acceptance holds until a recompilation writes a different text (see portal.reports.compile).
    """
    if not block.open_flags:
        raise ReportError(_l("This paragraph has no flags to accept."))
    block.flags_accepted_at = utcnow()
    block.flags_accepted_by_id = user.id if user else None
    db.session.flush()


def _renumber(report: Report, ordered: list[ReportBlock]) -> None:
    for position, block in enumerate(ordered, start=1):
        block.position = position
    # The relationship's order is the one loaded; keep it in step without reloading.
    report.blocks.sort(key=lambda block: block.position)


def move_block(block: ReportBlock, direction: str | int, *, user: User | None = None) -> bool:
    """Move ``block`` one printed block "up" or "down", or to a position among the printed blocks (1 = first).

    Deleted blocks keep their place relative to their neighbours. Return whether the block moved.
    """
    report = block.report
    ordered = sorted(report.blocks, key=lambda b: (b.position, b.id or 0))
    visible = [b for b in ordered if not b.deleted]
    if block not in visible:
        raise ReportError(_l("A deleted block cannot be moved."))
    index = visible.index(block)
    if direction == "up":
        target = index - 1
    elif direction == "down":
        target = index + 1
    elif isinstance(direction, int):
        target = direction - 1
    else:
        raise ReportError(_l("Move a block up or down."))
    if target < 0 or target >= len(visible) or target == index:
        return False
    neighbour = visible[target]
    ordered.remove(block)
    at = ordered.index(neighbour)
    ordered.insert(at + 1 if target > index else at, block)
    _renumber(report, ordered)
    _touch(block, user)
    db.session.flush()
    return True


def delete_block(block: ReportBlock, *, user: User | None = None) -> None:
    """Delete ``block``: a generated or starting block stays as a tombstone, so recompiling does not bring it back."""
    report = block.report
    if block.origin is BlockOrigin.MANUAL:
        report.blocks.remove(block)
        db.session.delete(block)
        _changed(report)
    else:
        block.deleted = True
        _touch(block, user)
    db.session.flush()


def restore_block(block: ReportBlock, *, user: User | None = None) -> None:
    """Bring a deleted generated or starting block back where it was."""
    block.deleted = False
    _touch(block, user)
    db.session.flush()


def add_block(report: Report, *, after: ReportBlock | None, kind: BlockKind, text: str, user: User | None) -> ReportBlock:
    """Add a block written by an editor after ``after`` (at the start when None)."""
    if kind not in ADDABLE_KINDS:
        raise ReportError(_l("This kind of block cannot be added by hand."))
    text = normalise_text(text)
    if not text:
        raise ReportError(_l("Write the text of the new paragraph."))
    if after is not None and after.report_id != report.id:
        raise ReportError(_l("The paragraph to add after is not in this report."))
    block = ReportBlock(kind=kind, origin=BlockOrigin.MANUAL, text=text, position=0)
    ordered = sorted(report.blocks, key=lambda b: (b.position, b.id or 0))
    ordered.insert(ordered.index(after) + 1 if after is not None else 0, block)
    report.blocks.append(block)
    _renumber(report, ordered)
    _touch(block, user)
    db.session.flush()
    return block


def _next_edition_number(report: Report) -> int:
    latest = db.session.scalar(sa.select(sa.func.max(ReportEdition.number)).where(ReportEdition.report_id == report.id))
    return (latest or 0) + 1


def editions_of(report: Report) -> list[ReportEdition]:
    return list(db.session.scalars(
        sa.select(ReportEdition).where(ReportEdition.report_id == report.id).order_by(ReportEdition.number)
    ))


def find_edition(report: Report, number: int) -> ReportEdition | None:
    return db.session.scalar(
        sa.select(ReportEdition).where(ReportEdition.report_id == report.id, ReportEdition.number == number)
    )


def finalise_report(report: Report, *, user: User | None, progress: Progress | None = None) -> ReportEdition:
    """Store the next edition of ``report``: its PDF with every input that produced it; the report becomes final."""
    from portal.reports.contents import document_from_inputs
    from portal.reports.render import render_document

    inputs = edition_inputs(report)
    rendered = render_document(document_from_inputs(inputs), progress=progress)
    return record_edition(report, inputs, rendered.pdf, rendered.pages, user=user)


def edition_inputs(report: Report) -> dict[str, Any]:
    """Return what an edition of ``report`` stores and is rendered from; refuse a report with no paragraphs."""
    from portal.reports.contents import report_inputs

    if not live_blocks(report):
        raise ReportError(_l("The report has no paragraphs yet: compile it first."))
    return report_inputs(report)


def record_edition(report: Report, inputs: dict[str, Any], pdf: bytes, pages: int, *, user: User | None) -> ReportEdition:
    """Store ``pdf``, rendered from ``inputs``, as the next edition of ``report``; the report becomes final."""
    edition = ReportEdition(
        report_id=report.id, number=_next_edition_number(report), finalised_by_id=user.id if user else None,
        inputs=inputs, pdf=pdf, pdf_sha256=hashlib.sha256(pdf).hexdigest(), pages=pages,
    )
    db.session.add(edition)
    report.status = ReportStatus.FINAL
    report.updated_at = utcnow()
    db.session.flush()
    return edition


def reproduce(inputs: dict[str, Any], *, progress: Progress | None = None) -> bytes:
    """Render an edition's stored ``inputs`` again, every part afresh (not from the rendering cache)."""
    from portal.reports.contents import document_from_inputs
    from portal.reports.render import render_document

    with tempfile.TemporaryDirectory(prefix="edition-") as empty_cache:
        return render_document(document_from_inputs(inputs), cache_dir=Path(empty_cache), progress=progress).pdf


def reproduces_identically(inputs: dict[str, Any], stored_sha256: str, *,
                           progress: Progress | None = None) -> tuple[bool, str]:
    """Render an edition's ``inputs`` again; tell whether the PDF matches the stored one, with the new PDF's SHA-256.

    Takes the edition's values rather than the edition, so that a job can end its transaction
    before the rendering.
    """
    digest = hashlib.sha256(reproduce(inputs, progress=progress)).hexdigest()
    return digest == stored_sha256, digest


# --- What the editor shows ---------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class BlockRow:
    """A block of the draft as the editor shows it: ``label`` is its printed number, ``printed`` its numbered text."""

    block: ReportBlock
    label: str | None
    printed: PrintedBlock | None  # None for a deleted block
    is_left_out: bool = False  # a heading with nothing under it: the printed report leaves it out


@dataclasses.dataclass(frozen=True)
class SourceLine:
    """One answer behind a block: whose, which item and question, the revision used, and the text now."""

    state_code: str
    state_name: str
    item_code: str | None
    paragraph: int | None
    question_label: str
    revision_used: int
    revision_now: int
    current: AnswerText | None
    used: AnswerText | None
    anchor: str
    carried_from: str | None = None  # the revision used was copied from the reply to this cycle

    @property
    def has_changed(self) -> bool:
        return self.revision_now != self.revision_used


def numbered_blocks(report: Report, *, include_deleted: bool = True) -> list[BlockRow]:
    """Return the blocks in document order with the numbers they will print (paragraphs through the document)."""
    ordered = sorted(report.blocks, key=lambda block: (block.position, block.id or 0))
    printed = {
        block.id: PrintedBlock(kind=block.kind.value, text=block.text, anchor=f"block-{block.id}", data=block.data)
        for block in ordered if not block.deleted
    }
    number_document(Document(kind="report", settings=settings_of(report),
                             parts=[Part(key="draft", blocks=list(printed.values()))]))
    return [
        BlockRow(block=block, label=printed[block.id].label if block.id in printed else None, printed=printed.get(block.id),
                 is_left_out=block.id in printed and block.kind.value in HEADING_RANKS and printed[block.id].label is None)
        for block in ordered if include_deleted or not block.deleted
    ]


def block_sources(report: Report, blocks: list[ReportBlock]) -> dict[int, list[SourceLine]]:
    """Return the answers behind each of ``blocks`` (by block id), as they were used and as they are now."""
    ids = [block.id for block in blocks]
    if not ids:
        return {}
    rows = db.session.execute(
        sa.select(ReportBlockSource, Answer, Submission)
        .join(Answer, ReportBlockSource.answer_id == Answer.id)
        .join(Submission, Answer.submission_id == Submission.id)
        .where(ReportBlockSource.block_id.in_(ids))
        .options(selectinload(ReportBlockSource.answer_revision), selectinload(Answer.item))
        .order_by(ReportBlockSource.block_id, ReportBlockSource.id)
    ).all()
    cycle = report.cycle
    template = cycle.template
    language = choose_language(template.languages, get_locale().language if get_locale() else None)
    general = {question["code"]: question for question in template.general_questions}
    carried = cycle_titles({source.answer_revision.carried_from_cycle_id for source, _answer, _submission in rows
                            if source.answer_revision is not None} - {None})
    found: dict[int, list[SourceLine]] = {}
    for source, answer, submission in rows:
        item = answer.item
        questions = {question["code"]: question for question in item.questions} if item else general
        question = questions.get(answer.question_code)
        used_value = source.answer_revision.value if source.answer_revision is not None else None
        if question is not None:
            current = answer_text(question, answer.value, language)
            used = answer_text(question, used_value, language) if source.answer_revision is not None else None
            label = question["label"].get(language) or question["label"].get("en") or answer.question_code
        else:
            current = used = None
            label = answer.question_code
        found.setdefault(source.block_id, []).append(SourceLine(
            state_code=submission.state.code, state_name=submission.state.list_name_on(cycle.cutoff_on),
            item_code=item.code if item else None, paragraph=item.paragraph if item else None,
            question_label=label, revision_used=source.revision, revision_now=answer.revision,
            current=current, used=used, anchor=f"item-{item.code}" if item else "item-general",
            carried_from=carried.get(source.answer_revision.carried_from_cycle_id) if source.answer_revision else None,
        ))
    return found
