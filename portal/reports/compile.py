"""Compiling a report: the replies of a cycle become the blocks of a draft, kept in step on recompilation.

:func:`compile_report` has :mod:`portal.reports.drafting` write every block the answers can write
(headings, paragraphs, sub-paragraphs, tables) with the answers and revisions each came from, and
merges them into the stored draft: unedited blocks take the new text, edited ones keep theirs and
are flagged when their sources changed, blocks for new replies are inserted where they belong,
deleted ones stay deleted and blocks added by editors stay where they are. Nothing is committed here.

A block's ``flags`` are always those of its newly generated text (where the engine was not sure of
it); an editor's acceptance of them holds until a recompilation writes a different text.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Iterable

import sqlalchemy as sa
from sqlalchemy.orm import subqueryload

from portal.accounts.models import User
from portal.core.db import utcnow
from portal.core.extensions import db
from portal.reports.drafting import Draft, write_draft
from portal.reports.models import BlockOrigin, Report, ReportBlock, ReportBlockSource

@dataclasses.dataclass
class CompileSummary:
    """What a compilation did to the draft's blocks."""

    added: int = 0
    updated: int = 0
    kept: int = 0  # edited blocks whose text was kept
    flagged: int = 0  # edited blocks newly flagged because their sources changed
    removed: int = 0
    unchanged: int = 0


def _source_set(sources: Iterable[Any]) -> set[tuple[int, int | None, int]]:
    return {(source.answer_id, source.revision_id, source.revision) for source in sources}


def compile_report(report: Report, *, user: User | None) -> CompileSummary:
    """Write the draft of ``report`` from the replies and merge it into its stored blocks; flush, never commit.

    New blocks and all sources are written with one multi-row INSERT each (not one per block),
    so that compiling costs the same number of statements for eight States or for 193. The blocks'
    sources are read in one statement too (a subquery load: a "select in" load reads 500 blocks a
    statement, and a report of 193 States has thousands).
    """
    drafts = write_draft(report)
    existing = list(db.session.scalars(
        sa.select(ReportBlock).where(ReportBlock.report_id == report.id)
        .order_by(ReportBlock.position, ReportBlock.id).options(subqueryload(ReportBlock.sources))
    ))
    by_key = {block.key: block for block in existing if block.key}
    summary = CompileSummary()
    produced: set[str] = set()
    resourced: dict[int, Draft] = {}  # stored blocks whose sources are replaced, by id
    # A new block goes right after the block that precedes it in the written order (0: at the start).
    following: dict[int, list[Draft]] = {}
    previous: ReportBlock | Draft | None = None
    for draft in drafts:
        produced.add(draft.key)
        block = by_key.get(draft.key)
        if block is None:
            following.setdefault(id(previous) if previous is not None else 0, []).append(draft)
            summary.added += 1
            previous = draft
            continue
        if _update(block, draft, summary):
            resourced[block.id] = draft
        previous = block
    kept: list[ReportBlock] = []
    for block in existing:
        stale = block.key and block.key not in produced and block.origin is not BlockOrigin.MANUAL
        if stale and not block.deleted and not block.edited:
            db.session.delete(block)
            summary.removed += 1
            continue
        if stale and block.edited and not block.deleted and not block.sources_changed:
            block.sources_changed = True  # no longer written: the editor decides whether to keep it
            summary.flagged += 1
        kept.append(block)
    positions: dict[str, int] = {}
    for position, entry in enumerate(_in_order(kept, following), start=1):
        if isinstance(entry, Draft):
            positions[entry.key] = position
        elif entry.position != position:
            entry.position = position
    now = utcnow()
    report.compiled_at = now
    report.updated_at = now
    db.session.flush()
    _insert_blocks(report, [d for drafts in following.values() for d in drafts], positions, resourced)
    db.session.expire(report, ["blocks"])
    return summary


def _in_order(kept: list[ReportBlock], following: dict[int, list[Draft]]) -> list[ReportBlock | Draft]:
    """Return the kept blocks in their order, each followed by the new blocks written after it."""
    order: list[ReportBlock | Draft] = []
    for start in following.get(0, []) + kept:
        stack: list[ReportBlock | Draft] = [start]
        while stack:
            entry = stack.pop()
            order.append(entry)
            stack.extend(reversed(following.get(id(entry), [])))
    return order


def _insert_blocks(report: Report, new: list[Draft], positions: dict[str, int], resourced: dict[int, Draft]) -> None:
    """Insert the new blocks, then the sources of new blocks and of blocks whose sources changed."""
    block_ids: dict[str, int] = {}
    if new:
        rows = [{
            "report_id": report.id, "position": positions[draft.key], "kind": draft.kind, "origin": draft.origin,
            "key": draft.key, "text": draft.text, "generated_text": draft.text, "data": draft.data, "edited": False,
            "deleted": False, "sources_changed": False, "flags": stored_flags(draft),
        } for draft in new]
        table = ReportBlock.__table__
        inserted = db.session.execute(sa.insert(table).returning(table.c.id, table.c.key), rows)
        block_ids = {key: block_id for block_id, key in inserted}
    if resourced:
        db.session.execute(sa.delete(ReportBlockSource.__table__).where(
            ReportBlockSource.__table__.c.block_id.in_(list(resourced))))
        for block_id in resourced:
            stored = db.session.get(ReportBlock, block_id)
            if stored is not None:
                db.session.expire(stored, ["sources"])
    rows = [
        {"block_id": block_id, "answer_id": source.answer_id, "revision_id": source.revision_id,
         "revision": source.revision}
        for block_id, draft in [*((block_ids[d.key], d) for d in new), *resourced.items()]
        for source in draft.sources
    ]
    if rows:
        db.session.execute(sa.insert(ReportBlockSource.__table__), rows)


def stored_flags(draft: Draft) -> list[dict[str, Any]] | None:
    """Return the flags of ``draft`` as a block stores them: offsets kept inside its text, None when there are none."""
    length = len(draft.text)
    flags = []
    for flag in draft.flags:
        start = min(max(int(flag.get("start") or 0), 0), length)
        end = min(max(int(flag.get("end") or 0), start), length)
        flags.append({"start": start, "end": end, "reason": str(flag.get("reason") or "")})
    return flags or None


def _update(block: ReportBlock, draft: Draft, summary: CompileSummary) -> bool:
    """Bring one stored block in line with what the answers now write, keeping an editor's text.

    Return whether its sources differ from the stored ones (the caller replaces them).
    """
    sources_differ = _source_set(block.sources) != _source_set(draft.sources)
    written_differs = block.generated_text != draft.text
    if block.deleted:
        pass
    elif block.edited:
        summary.kept += 1
        if (sources_differ or written_differs) and not block.sources_changed:
            block.sources_changed = True
            summary.flagged += 1
    elif block.text != draft.text or block.data != draft.data or block.kind is not draft.kind or sources_differ:
        block.text = draft.text
        block.kind = draft.kind
        block.sources_changed = False
        summary.updated += 1
    else:
        summary.unchanged += 1
    if written_differs:
        block.generated_text = draft.text
        # A new text has to be looked at again: its flags show even if the previous text's were accepted.
        block.flags_accepted_at = None
        block.flags_accepted_by_id = None
    flags = stored_flags(draft)
    if block.flags != flags:
        block.flags = flags
    if block.data != draft.data:
        block.data = draft.data
    if block.origin is not draft.origin and not block.edited:
        block.origin = draft.origin
    return sources_differ


def reset_block(block: ReportBlock, *, user: User | None) -> ReportBlock:
    """Return ``block`` to the text the last compilation wrote: not edited, not flagged; flush, never commit."""
    if block.generated_text is None:
        raise ValueError("a block added by an editor has no generated text to return to")
    block.text = block.generated_text
    block.edited = False
    block.sources_changed = False
    block.updated_at = utcnow()
    block.updated_by_id = user.id if user is not None else None
    db.session.flush()
    return block
