"""The tables of an export: rows built from the answers of one cycle, streamed, never held whole.

Plain data only: the CSV, XLSX and API layers turn these rows into files or JSON.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from dataclasses import dataclass, field
from typing import Any, Iterator

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from portal.accounts.models import User
from portal.core.extensions import db
from portal.cycles.models import ReportingCycle
from portal.states.models import MemberState, RegionalGroup
from portal.submissions.rules import as_entries
from portal.submissions.models import UNCHANGED, Answer, Submission, SubmissionStatus

MULTI_SEPARATOR = "|"  # between the codes of a multiple choice, in the value column
LABEL_SEPARATOR = " | "  # between their labels, in the label column
GENERAL = "general"  # the item code under which the questions asked once per checklist appear

LONG_COLUMNS = [
    "cycle_key", "template_key", "template_version", "state_code", "state_name", "regional_group",
    "submission_status", "submitted_at", "accepted_at", "theme", "paragraph", "item_code", "question_code",
    "value", "value_label", "carried_forward_from",
]
STAFF_COLUMNS = ["changed_at", "changed_by"]
SUBMISSION_COLUMNS = LONG_COLUMNS[:9]

UNCHANGED_QUESTION = {
    "code": UNCHANGED,
    "type": "yes_no",
    "label": {"en": "No change since the last report", "fr": "Aucun changement depuis le dernier rapport"},
}


@dataclass(frozen=True)
class ExportFilters:
    """Which answers an export holds. Empty lists mean no restriction."""

    states: list[str] = field(default_factory=list)
    groups: list[RegionalGroup] = field(default_factory=list)
    statuses: list[SubmissionStatus] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ItemInfo:
    """What an export needs of a checklist item."""

    id: int
    code: str
    paragraph: int
    theme_code: str
    questions: list[dict[str, Any]]


@dataclass(frozen=True)
class CodedAnswer:
    """An answer as exports write it: ``value`` with codes for choices, ``label`` in the chosen language."""

    item: ItemInfo | None
    question: dict[str, Any]
    value: str
    label: str
    answer: Any  # the row read from the database (value, updated_at, email of who changed it)


@dataclass(frozen=True)
class Column:
    """One question of the checklist as a column of the wide table (``SD-26.status``)."""

    name: str
    item_code: str
    paragraph: int | None
    theme: str
    question: dict[str, Any]


class Export:
    """The answers of one cycle, with filters, a label language and whether staff columns are included."""

    def __init__(self, cycle: ReportingCycle, filters: ExportFilters, *, language: str = "en", include_staff_columns: bool = False):
        # Plain data only: a streamed export runs after the request's session has gone.
        template = cycle.template
        self.cycle_id, self.cycle_key, self.cutoff_on = cycle.id, cycle.key, cycle.cutoff_on
        self.template_key, self.template_version = template.key, template.version
        self.general_questions = list(template.general_questions)
        self.filters = filters
        self.language = language
        self.include_staff_columns = include_staff_columns
        self.items = [
            ItemInfo(item.id, item.code, item.paragraph, item.theme_code, list(item.questions))
            for item in template.items
            if not filters.themes or item.theme_code in filters.themes
        ]
        self.include_general = not filters.themes or GENERAL in filters.themes
        self._items_by_id = {item.id: item for item in self.items}
        self._positions = {
            (item.id, question["code"]): (position, index)
            for position, item in enumerate(self.items)
            for index, question in enumerate(self._questions(item))
        }
        if self.include_general:
            for index, question in enumerate(self.general_questions):
                self._positions[(None, question["code"])] = (len(self.items), index)

    # --- structure ---------------------------------------------------------------------------

    @staticmethod
    def _questions(item: ItemInfo) -> list[dict[str, Any]]:
        """Return the item's questions and, last, its "no change since the last report" mark."""
        return [*item.questions, UNCHANGED_QUESTION]

    def columns(self) -> list[Column]:
        """Return the wide table's question columns, in checklist order."""
        columns = [
            Column(f"{item.code}.{question['code']}", item.code, item.paragraph, item.theme_code, question)
            for item in self.items
            for question in self._questions(item)
        ]
        if self.include_general:
            columns += [
                Column(f"{GENERAL}.{q['code']}", GENERAL, None, GENERAL, q) for q in self.general_questions
            ]
        return columns

    def long_header(self) -> list[str]:
        return LONG_COLUMNS + (STAFF_COLUMNS if self.include_staff_columns else [])

    def wide_header(self) -> list[str]:
        return SUBMISSION_COLUMNS + [column.name for column in self.columns()]

    # --- data --------------------------------------------------------------------------------

    def submissions(self) -> list[Submission]:
        """Return the cycle's submissions that pass the filters, in UN alphabetical order of States."""
        query = (
            sa.select(Submission)
            .join(MemberState, Submission.state_id == MemberState.id)
            .where(Submission.cycle_id == self.cycle_id)
            .order_by(MemberState.sort_key)
            .options(selectinload(Submission.state).selectinload(MemberState.former_names))
        )
        if self.filters.states:
            query = query.where(MemberState.code.in_([code.upper() for code in self.filters.states]))
        if self.filters.groups:
            query = query.where(MemberState.regional_group.in_(self.filters.groups))
        if self.filters.statuses:
            query = query.where(Submission.status.in_(self.filters.statuses))
        return list(db.session.scalars(query))

    def answers_by_submission(self, submissions: list[Submission]) -> Iterator[tuple[int, list[Any]]]:
        """Yield (submission id, its answer rows) in the order of ``submissions``, streaming from one query."""
        if not submissions:
            return
        order = sa.case({s.id: position for position, s in enumerate(submissions)}, value=Answer.submission_id)
        query = (
            sa.select(Answer.submission_id, Answer.item_id, Answer.question_code, Answer.value, Answer.updated_at, User.email,
                      ReportingCycle.key.label("carried_from"))
            .outerjoin(ReportingCycle, Answer.carried_from_cycle_id == ReportingCycle.id)
            .outerjoin(User, Answer.updated_by_id == User.id)
            .where(Answer.submission_id.in_([s.id for s in submissions]))
            .order_by(order)
            .execution_options(yield_per=2000)
        )
        for submission_id, rows in itertools.groupby(db.session.execute(query), key=lambda row: row.submission_id):
            yield submission_id, list(rows)

    def _submission_cells(self, submission: Submission) -> list[Any]:
        state = submission.state
        return [
            self.cycle_key, self.template_key, self.template_version, state.code,
            state.list_name_on(self.cutoff_on), state.regional_group.value, submission.status.value,
            _iso(submission.submitted_at), _iso(submission.accepted_at),
        ]

    def coded_answers(self, answers: list[Any]) -> list[CodedAnswer]:
        """Return a submission's answers that the export holds, coded, in checklist order."""
        kept = [a for a in answers if (a.item_id, a.question_code) in self._positions and a.value is not None]
        kept.sort(key=lambda a: self._positions[(a.item_id, a.question_code)])
        coded = []
        for answer in kept:
            item = self._items_by_id.get(answer.item_id)
            question = self._question(item, answer.question_code)
            value, label = self.encode(question, answer.value)
            coded.append(CodedAnswer(item, question, value, label, answer))
        return coded

    def long_rows(self) -> Iterator[list[Any]]:
        """Yield one row per State, item and question answered."""
        submissions = self.submissions()
        by_id = {s.id: s for s in submissions}
        for submission_id, answers in self.answers_by_submission(submissions):
            prefix = self._submission_cells(by_id[submission_id])
            for coded in self.coded_answers(answers):
                item = coded.item
                row = prefix + [
                    item.theme_code if item else GENERAL, item.paragraph if item else "", item.code if item else GENERAL,
                    coded.question["code"], coded.value, coded.label, coded.answer.carried_from or "",
                ]
                if self.include_staff_columns:
                    row += [_iso(coded.answer.updated_at), coded.answer.email or ""]
                yield row

    def wide_rows(self) -> Iterator[list[Any]]:
        """Yield one row per submission, one cell per checklist question (empty when unanswered)."""
        columns = self.columns()
        index = {(self._item_id(column.item_code), column.question["code"]): i for i, column in enumerate(columns)}
        submissions = self.submissions()
        answered = dict(self.answers_by_submission(submissions))
        for submission in submissions:
            cells: list[Any] = [""] * len(columns)
            for answer in answered.get(submission.id, []):
                position = index.get((answer.item_id, answer.question_code))
                if position is not None and answer.value is not None:
                    cells[position] = self.encode(columns[position].question, answer.value)[0]
            yield self._submission_cells(submission) + cells

    def _item_id(self, item_code: str) -> int | None:
        if item_code == GENERAL:
            return None
        return next(item.id for item in self.items if item.code == item_code)

    def _question(self, item: ItemInfo | None, code: str) -> dict[str, Any]:
        questions = self._questions(item) if item is not None else self.general_questions
        return next(q for q in questions if q["code"] == code)

    # --- values ------------------------------------------------------------------------------

    def text(self, texts: dict[str, str] | None) -> str:
        if not texts:
            return ""
        return texts.get(self.language) or texts.get("en") or next(iter(texts.values()))

    def choice_label(self, question: dict[str, Any], code: str) -> str:
        if question["type"] == "yes_no":
            if code not in ("yes", "no"):
                return code
            with force_locale(self.language):
                return _("Yes") if code == "yes" else _("No")
        for choice in question.get("choices", []):
            if choice["code"] == code:
                return self.text(choice["label"])
        return code

    def encode(self, question: dict[str, Any], value: Any) -> tuple[str, str]:
        """Return (value, label) as the export writes them: codes for choices, their labels beside."""
        kind = question["type"]
        if kind in ("single_choice", "yes_no"):
            return value, self.choice_label(question, value)
        if kind == "multiple_choice":
            return MULTI_SEPARATOR.join(value), LABEL_SEPARATOR.join(self.choice_label(question, c) for c in value)
        if kind == "references":
            lines = [" — ".join(part for part in (r["title"], r["citation"], r["date"], r["link"]) if part) for r in value]
            return json.dumps(value, ensure_ascii=False), "\n".join(lines)
        if kind == "entries":
            # Exact in the value (a JSON list, as the API gives it), readable in the label: one numbered entry a line.
            entries = as_entries(value)
            return json.dumps(entries, ensure_ascii=False), "\n".join(f"{number}. {entry}" for number, entry in enumerate(entries, 1))
        return str(value), ""

    # --- codebook ----------------------------------------------------------------------------

    def codebook_rows(self) -> list[list[str]]:
        """Describe every column of the long and wide tables and every code, in the export's label language."""
        with force_locale(self.language):
            rows = [[name, "", fixed_column_description(name), "", ""] for name in self.long_header()]
            for column in self.columns():
                question = column.question
                codes = ""
                if question["type"] in ("single_choice", "multiple_choice"):
                    codes = "; ".join(f"{c['code']} = {self.text(c['label'])}" for c in question.get("choices", []))
                elif question["type"] == "yes_no":
                    codes = _("yes = Yes; no = No")
                where = _("paragraph %(number)d", number=column.paragraph) if column.paragraph \
                    else _("asked once per checklist")
                rows.append([column.name, question["type"],
                             _("%(label)s (%(where)s, theme %(theme)s)", label=self.text(question["label"]), where=where,
                               theme=column.theme),
                             codes, str(_VALUE_FORMS[question["type"]])])
            return rows

    def codebook_header(self) -> list[str]:
        """The codebook's column headings, in the export's label language."""
        with force_locale(self.language):
            return [str(heading) for heading in CODEBOOK_HEADER]


CODEBOOK_HEADER = [_l("column"), _l("type"), _l("description"), _l("codes"), _l("value format")]


def fixed_column_description(name: str) -> str:
    """Describe one of the fixed columns, in the current language."""
    if name == "regional_group":
        return _("United Nations regional group: %(groups)s.",
                 groups="; ".join(f"{g.value} = {g.label}" for g in RegionalGroup))
    if name == "submission_status":
        return _("Status of the State's reply: %(statuses)s.",
                 statuses="; ".join(f"{s.value} = {s.label}" for s in SubmissionStatus))
    if name == "value":
        return _("The answer: a code for choices, codes joined by '%(separator)s' for several choices, text, ISO date, "
                 "a JSON list of references, or a JSON list of texts for a list of entries.", separator=MULTI_SEPARATOR)
    return str(_FIXED_COLUMNS[name])

_FIXED_COLUMNS = {
    "cycle_key": _l("Key of the reporting cycle."),
    "template_key": _l("Key of the checklist template."),
    "template_version": _l("Version of the checklist template the cycle uses."),
    "state_code": _l("ISO 3166-1 alpha-3 code of the State."),
    "state_name": _l("Name of the State as printed in UN lists on the cycle's cut-off date."),
    "submitted_at": _l("When the reply was last submitted (ISO 8601, UTC); empty if never."),
    "accepted_at": _l("When the Secretariat accepted the reply (ISO 8601, UTC); empty if not accepted."),
    "theme": _l("Code of the checklist theme; 'general' for the questions asked once per checklist."),
    "paragraph": _l("Number of the declaration paragraph."),
    "item_code": _l("Stable code of the checklist item (for example SD-26); 'general' for the questions asked once."),
    "question_code": _l("Code of the question within the item; '_unchanged' marks 'no change since the last report'."),
    "value_label": _l("The answer's label in the chosen language, for choices; the references one per line; "
                      "the entries one per line, numbered (1. ..., 2. ...)."),
    "carried_forward_from": _l("Key of the earlier reporting cycle whose reply this answer was copied from, when nobody "
                               "has changed it since (its facts are those of that reply); empty for answers the State "
                               "wrote."),
    "changed_at": _l("When the answer was last changed (ISO 8601, UTC). Secretariat exports only."),
    "changed_by": _l("E-mail address of who last changed the answer. Secretariat exports only."),
}

_VALUE_FORMS = {
    "single_choice": _l("one code"),
    "multiple_choice": _l("codes joined by '%(separator)s'", separator=MULTI_SEPARATOR),
    "long_text": _l("text, line breaks kept"),
    "short_text": _l("text"),
    "email": _l("an e-mail address"),
    "date": _l("ISO date YYYY-MM-DD"),
    "references": _l("JSON list of {title, citation, date, link}"),
    "entries": _l('JSON list of texts, one per entry, in order (["first", "second"]); the label column numbers them one '
                  'per line'),
    "yes_no": _l("yes or no"),
}


def _iso(moment: dt.datetime | None) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="seconds") if moment else ""
