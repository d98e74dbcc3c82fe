"""The compilation of all replies: every included State's full answers, alphabetical, as a Document.

One part per State (key ``state:<code>``, stable, so that the PDF engine renders again only the
States whose answers changed), after a front part (masthead, title and the list of States).
Answers are read in two queries whatever the number of States, and labelled by the functions of
the country reply (``portal.review.reply``): long texts with their paragraphs, references as a
list, choices by their labels, the questions asked once per checklist last.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import ngettext

from portal.checklists.schema import REQUIRED_LANGUAGE
from portal.core.extensions import db
from portal.core.wording import all_of
from portal.cycles.models import ReportingCycle
from portal.review.reply import AnswerText, ReplyItem, answer_texts, reply_item
from portal.reports.document import Block, Document, Part, Segment, number_document
from portal.reports.selection import included_submissions
from portal.reports.settings import ReportSettings
from portal.submissions.models import Answer

KIND = "compilation"


def _answers(submission_ids: list[int]) -> dict[int, dict[int | None, dict[str, Answer]]]:
    """Return {submission id: {item id: {question code: Answer}}} for all the replies, in one query."""
    grouped: dict[int, dict[int | None, dict[str, Answer]]] = {}
    if not submission_ids:
        return grouped
    for answer in db.session.scalars(sa.select(Answer).where(Answer.submission_id.in_(submission_ids))):
        grouped.setdefault(answer.submission_id, {}).setdefault(answer.item_id, {})[answer.question_code] = answer
    return grouped


def compilation_settings(cycle: ReportingCycle, as_at: dt.date) -> ReportSettings:
    """Return the masthead and title of a compilation that has no settings of its own."""
    return ReportSettings(
        title=_("Replies of Member States: %(cycle)s", cycle=cycle.title),
        subtitle=_("Compilation of the replies received as at %(date)s", date=_un_date(as_at)),
        date=as_at,
        as_at=as_at,
    )


def _un_date(value: dt.date) -> str:
    from portal.review.reply import un_date

    return un_date(value) or ""


def _answer_data(answer: AnswerText) -> dict[str, Any]:
    """Return an answer as plain data for the design (the fields of AnswerText, the label ready to run in)."""
    return {
        "kind": answer.kind,
        "code": answer.code,
        "label": answer.label,
        "run_in_label": answer.run_in_label,
        "paragraphs": [list(paragraph) for paragraph in answer.paragraphs],
        "line": answer.line,
        "entries": list(answer.entries),
        "references": [
            {"title": r.title, "citation": r.citation, "date": r.date, "link": r.link} for r in answer.references
        ],
    }


def _answer_block(answer: AnswerText) -> Block:
    # The answer's words are in ``data`` only: a State's "^[" must not become a footnote.
    return Block("answer", data=_answer_data(answer))


def _item_blocks(item: ReplyItem) -> list[Block]:
    if not item.answers and not item.is_unchanged:
        return []
    blocks = [Block("item", item.text, label=f"{item.paragraph}.")]
    if item.is_unchanged:
        blocks.append(Block("answer", data={"kind": "note", "line": _("No change since the last report."), "label": ""}))
    blocks += [_answer_block(answer) for answer in item.answers]
    return blocks


def state_part(state_name: str, code: str, items: list[ReplyItem], general: tuple[AnswerText, ...]) -> Part:
    """Return one State's part: its heading, then each answered item with its answers, then the general questions."""
    blocks = [Block("state", state_name, anchor=f"state-{code}")]
    for item in items:
        blocks += _item_blocks(item)
    if general:
        blocks.append(Block("item", _("Questions asked once per checklist")))
        blocks += [_answer_block(answer) for answer in general]
    if len(blocks) == 1:
        blocks.append(Block("answer", data={"kind": "note", "line": _("No answer."), "label": ""}))
    return Part(key=f"state:{code}", blocks=blocks, title=state_name)


def compilation_document(cycle: ReportingCycle, *, include: str = "accepted", as_at: dt.date | None = None,
                         settings: ReportSettings | None = None) -> Document:
    """Return the compilation of all replies of ``cycle`` included as at ``as_at`` (default: the cycle's cut-off)."""
    as_at = as_at or (settings.as_at if settings and settings.as_at else None) or cycle.cutoff_on
    template = cycle.template
    language = settings.language if settings else "en"
    text_language = language if language in template.languages else REQUIRED_LANGUAGE
    with force_locale(language):
        settings = settings or compilation_settings(cycle, as_at)
        replies = included_submissions(cycle, include, as_at)
        answers = _answers([reply.id for reply in replies])
        names = [reply.state.list_name_on(as_at) for reply in replies]
        front = [Block("summary", _front_text(names, as_at))]
        parts = [Part(key="front", blocks=front, title=settings.title)]
        for reply, name in zip(replies, names):
            by_item = answers.get(reply.id, {})
            items = [reply_item(item, by_item.get(item.id, {}), text_language) for item in template.items]
            general = answer_texts(template.general_questions, by_item.get(None, {}), text_language)
            parts.append(state_part(name, reply.state.code, items, general))
    document = number_document(Document(kind=KIND, settings=settings, parts=parts, title=settings.title))
    # The texts are the States' and the checklist's, printed as written: a "^[" in them is no footnote.
    for block in document.blocks:
        block.segments = [Segment(block.text)] if block.text else []
    return document


def _front_text(names: list[str], as_at: dt.date) -> str:
    if not names:
        return _("As at %(date)s, no replies had been received.", date=_un_date(as_at))
    listed = all_of(names)
    return ngettext("This compilation reproduces the reply of the following State, as received as at %(date)s: %(names)s.",
                    "This compilation reproduces the replies of the following %(num)d States, as received as at %(date)s: "
                    "%(names)s.", len(names), date=_un_date(as_at), names=listed)
