"""One State's reply as plain data to read: items by theme, each answer ready to print.

The review page and the country reply PDF render these objects and nothing else: they
never reach the database. Choices come out as their labels, references and entries as lists,
long texts whole, split into their paragraphs and lines.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _

from portal.checklists.models import YES_NO_CODES, ChecklistItem, QuestionType
from portal.checklists.outline import RIGHT_TO_LEFT, section_letter, text_language
from portal.checklists.schema import REQUIRED_LANGUAGE
from portal.core.dates import long_date
from portal.cycles.services import cycle_titles
from portal.states.models import MemberState
from portal.submissions import rules
from portal.submissions.models import UNCHANGED, Answer, Submission, SubmissionStatus
from portal.submissions.services import answers_by_item, values_of

# A blank line (possibly holding spaces) ends a paragraph; a single line break stays a line break.
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")



@dataclass(frozen=True)
class Reference:
    title: str
    citation: str
    date: str
    link: str  # printed as text, never followed


@dataclass(frozen=True)
class AnswerText:
    """One answered question of an item (or a general question), ready to print.

    ``kind`` says which field holds the answer: "text" (``paragraphs``, each a tuple of lines),
    "line" (``line``: a choice, yes or no, a date, a short text), "list" (``entries``: the labels
    of several choices), "entries" (``entries``: the texts of an ``entries`` question, printed as a
    numbered list) or "references" (``references``).
    """

    code: str
    label: str
    kind: str
    paragraphs: tuple[tuple[str, ...], ...] = ()
    line: str = ""
    entries: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    carried_from: str | None = None  # copied from the reply to this earlier cycle, unchanged since

    @property
    def run_in_label(self) -> str:
        """The label as it runs into a one-line answer: "Status of implementation:" (a question keeps its "?")."""
        return self.label if self.label.rstrip()[-1:] in ("?", ":", "？", "：", "؟") else _("%(label)s:", label=self.label)


@dataclass(frozen=True)
class ReplyItem:
    id: int
    code: str
    paragraph: int
    text: str
    theme_code: str
    answers: tuple[AnswerText, ...]
    is_unchanged: bool  # marked "no change since the last report"
    text_language: str = REQUIRED_LANGUAGE  # English where the paragraph has no official text in the reply's language


@dataclass(frozen=True)
class ReplyTheme:
    code: str
    title: str
    letter: str
    items: tuple[ReplyItem, ...]


@dataclass(frozen=True)
class ReplyHeading:
    """Whose reply, in which cycle, where it stands: the top of every page about a reply."""

    state_code: str
    state_name: str  # the list name in force on the cycle's cut-off date
    cycle_key: str
    cycle_title: str
    checklist_key: str
    checklist_version: int
    checklist_title: str
    checklist_short_title: str
    checklist_source: str
    status: str
    status_label: str
    deadline: str
    submitted_on: str | None
    accepted_on: str | None
    is_cycle_open: bool

    @property
    def is_editable(self) -> bool:
        """Tell whether the State may still change and submit the reply."""
        return self.is_cycle_open and SubmissionStatus(self.status).is_editable

    @property
    def is_with_secretariat(self) -> bool:
        """Tell whether the reply is submitted or accepted (frozen for the State)."""
        return self.status in (SubmissionStatus.SUBMITTED.value, SubmissionStatus.ACCEPTED.value)


@dataclass(frozen=True)
class ReplyDocument:
    """A State's reply in one cycle: its heading and every answer, item by item."""

    language: str
    heading: ReplyHeading
    themes: tuple[ReplyTheme, ...]
    general: tuple[AnswerText, ...]
    has_general_questions: bool

    @property
    def is_right_to_left(self) -> bool:
        return self.language in RIGHT_TO_LEFT

    @property
    def items(self) -> list[ReplyItem]:
        return [item for theme in self.themes for item in theme.items]


def _text(text: dict[str, str], language: str) -> str:
    return text.get(language) or text[REQUIRED_LANGUAGE]


def un_date(value: dt.date | dt.datetime | None) -> str | None:
    """Write a date as UN documents do ("30 January 2011"), in the reader's language; a timestamp by its UTC date."""
    return long_date(value) if value is not None else None


def text_paragraphs(text: str) -> tuple[tuple[str, ...], ...]:
    """Split a long text into paragraphs (at blank lines), each a tuple of its lines; nothing is dropped."""
    paragraphs = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for block in PARAGRAPH_BREAK.split(text.strip("\n")):
        lines = tuple(line.rstrip() for line in block.strip("\n").split("\n"))
        if any(lines):
            paragraphs.append(lines)
    return tuple(paragraphs)


def _choice_labels(question: dict[str, Any], language: str) -> dict[str, str]:
    if question["type"] == QuestionType.YES_NO.value:
        return dict(zip(YES_NO_CODES, (_("Yes"), _("No"))))
    return {choice["code"]: _text(choice["label"], language) for choice in question.get("choices") or []}


def _reference(entry: dict[str, str]) -> Reference:
    date = entry.get("date") or ""
    if date:
        try:
            date = un_date(dt.date.fromisoformat(date)) or date
        except ValueError:
            pass  # kept as typed
    return Reference(
        title=entry.get("title") or "", citation=entry.get("citation") or "", date=date, link=entry.get("link") or ""
    )


def answer_text(question: dict[str, Any], value: Any, language: str) -> AnswerText | None:
    """Return the answer ``value`` to ``question`` ready to print, or None when it holds no answer."""
    if not rules.is_answered(value):
        return None
    kind = question["type"]
    label = _text(question["label"], language)
    code = question["code"]
    if kind == QuestionType.LONG_TEXT.value:
        return AnswerText(code, label, "text", paragraphs=text_paragraphs(str(value)))
    if kind in (QuestionType.SINGLE_CHOICE.value, QuestionType.YES_NO.value):
        return AnswerText(code, label, "line", line=_choice_labels(question, language).get(value, str(value)))
    if kind == QuestionType.MULTIPLE_CHOICE.value:
        labels = _choice_labels(question, language)
        codes = value if isinstance(value, list) else [value]
        return AnswerText(code, label, "list", entries=tuple(labels.get(c, str(c)) for c in codes))
    if kind == QuestionType.DATE.value:
        try:
            line = un_date(dt.date.fromisoformat(value)) or str(value)
        except (TypeError, ValueError):
            line = str(value)
        return AnswerText(code, label, "line", line=line)
    if kind == QuestionType.REFERENCES.value:
        return AnswerText(code, label, "references", references=tuple(_reference(entry) for entry in value))
    if kind == QuestionType.ENTRIES.value:
        return AnswerText(code, label, "entries", entries=tuple(rules.as_entries(value)))
    return AnswerText(code, label, "line", line=str(value))


def answer_texts(questions: list[dict[str, Any]], answers: dict[str, Answer], language: str,
                 carried: dict[int, str] | None = None) -> tuple[AnswerText, ...]:
    """Return the answers to the questions shown, in the checklist's order (left-over hidden answers do not count).

    ``carried`` names the earlier cycles (by id) that answers were carried forward from, to mark them.
    """
    values = values_of(answers)
    printed = []
    for question in rules.shown_questions(questions, values):
        text = answer_text(question, values.get(question["code"]), language)
        if text is not None:
            stored = answers.get(question["code"])
            if carried and stored is not None and stored.carried_from_cycle_id in carried:
                text = dataclasses.replace(text, carried_from=carried[stored.carried_from_cycle_id])
            printed.append(text)
    return tuple(printed)


def carried_titles(answers: dict[int | None, dict[str, Answer]]) -> dict[int, str]:
    """Return the titles of the earlier cycles that any of ``answers`` was carried forward from, by id."""
    return cycle_titles({answer.carried_from_cycle_id for by_question in answers.values()
                         for answer in by_question.values()} - {None})


def reply_item(item: ChecklistItem, answers: dict[str, Answer], language: str,
               carried: dict[int, str] | None = None) -> ReplyItem:
    return ReplyItem(
        id=item.id,
        code=item.code,
        paragraph=item.paragraph,
        text=_text(item.text, language),
        text_language=text_language(item.text, language),
        theme_code=item.theme_code,
        answers=answer_texts(item.questions, answers, language, carried),
        is_unchanged=values_of(answers).get(UNCHANGED) == "yes",
    )


def reply_heading(submission: Submission, language: str) -> ReplyHeading:
    """Return the heading of the reply, the checklist's texts in ``language`` (English where missing)."""
    cycle = submission.cycle
    template = cycle.template
    status: SubmissionStatus = submission.status
    return ReplyHeading(
        state_code=submission.state.code,
        state_name=submission.state.name_on(cycle.cutoff_on, language),
        cycle_key=cycle.key,
        cycle_title=cycle.title,
        checklist_key=template.key,
        checklist_version=template.version,
        checklist_title=_text(template.title, language),
        checklist_short_title=_text(template.short_title, language),
        checklist_source=_text(template.source, language),
        status=status.value,
        status_label=str(status.label),
        deadline=un_date(cycle.deadline),
        submitted_on=un_date(submission.submitted_at),
        accepted_on=un_date(submission.accepted_at),
        is_cycle_open=cycle.status.value == "open",
    )


def build_reply(submission: Submission, language: str) -> ReplyDocument:
    """Return the reply as plain data, its texts in ``language`` where the checklist carries it.

    Call it under the locale the interface texts are wanted in (``force_locale``).
    """
    template = submission.cycle.template
    if language not in template.languages:
        language = REQUIRED_LANGUAGE
    answers = answers_by_item(submission)
    carried = carried_titles(answers)
    by_theme: dict[str, list[ReplyItem]] = {}
    for item in template.items:
        by_theme.setdefault(item.theme_code, []).append(reply_item(item, answers.get(item.id, {}), language, carried))
    themes = tuple(
        ReplyTheme(code=theme.code, title=_text(theme.title, language), letter=section_letter(position),
                   items=tuple(by_theme.get(theme.code, ())))
        for position, theme in enumerate(template.themes, start=1)
    )
    return ReplyDocument(
        language=language,
        heading=reply_heading(submission, language),
        themes=themes,
        general=answer_texts(template.general_questions, answers.get(None, {}), language, carried),
        has_general_questions=bool(template.general_questions),
    )
