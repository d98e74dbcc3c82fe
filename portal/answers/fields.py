"""One field class per question type: how a question is read from a posted page and shown as text.

The checklist form is built at run time from the template's questions. Each question type has a
field class that names the markup drawing it (``widget``, in ``templates/answers/_fields.html``),
how to read its raw value from a posted form (the same shape the JSON save endpoint takes), and
how to show a stored value as text for the read-only pages, the history and the last report.
Validation is not here: :func:`portal.submissions.rules.clean_value` checks values for both the
page and the JSON endpoint, so the two can never disagree.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from portal.checklists.models import QuestionType
from portal.checklists.outline import Choice, Question
from portal.submissions.rules import MAX_ENTRIES_CEILING, REFERENCE_FIELDS, as_entries


class QuestionField:
    """The behaviour shared by every question type."""

    widget = "text"
    is_list = False  # whether display() returns the entries of a list, shown as a numbered list

    def read(self, form: MultiDict, name: str) -> Any:
        """Return the raw value posted for the question drawn under ``name``."""
        return form.get(name, "")

    def choices(self, question: Question) -> list[Choice]:
        return question.choices

    def display(self, question: Question, value: Any) -> list[str]:
        """Return the value as lines of text (an empty list when there is no answer)."""
        if value is None or value == "" or value == []:
            return []
        return [str(value)]


class SingleChoiceField(QuestionField):
    """A radio group in a fieldset: one code."""

    widget = "radios"

    def display(self, question: Question, value: Any) -> list[str]:
        labels = {choice.code: choice.label for choice in self.choices(question)}
        return [labels.get(value, str(value))] if value else []


class YesNoField(SingleChoiceField):
    """Two radios, yes and no."""

    def choices(self, question: Question) -> list[Choice]:
        return [Choice("yes", _("Yes")), Choice("no", _("No"))]


class MultipleChoiceField(QuestionField):
    """Checkboxes in a fieldset: a list of codes."""

    widget = "checkboxes"

    def read(self, form: MultiDict, name: str) -> Any:
        return form.getlist(name)

    def display(self, question: Question, value: Any) -> list[str]:
        labels = {choice.code: choice.label for choice in question.choices}
        return [labels.get(code, str(code)) for code in value or []]


class LongTextField(QuestionField):
    """A textarea: answers of tens of thousands of characters stay whole, up to the question's limit (see rules.max_length)."""

    widget = "textarea"


class ShortTextField(QuestionField):
    """A one-line text input."""

    widget = "text"


class EmailField(ShortTextField):
    """A one-line input for an e-mail address (the browser offers the right keyboard; the server checks the address)."""

    widget = "email"


class DateField(QuestionField):
    """A date input (ISO dates)."""

    widget = "date"


class RowsField(QuestionField):
    """A question drawn as rows, as many as the answer has and one empty row more, with a button adding a row.

    ``<name>-rows`` says how many rows the page had.
    """

    most_rows = 500

    def drawn_rows(self, form: MultiDict, name: str) -> int:
        """Return how many rows the posted page drew."""
        try:
            return max(min(int(form.get(f"{name}-rows", "0")), self.most_rows), 0)
        except ValueError:
            return 0

    def empty_rows(self, form: MultiDict, name: str) -> int:
        """Return how many of the drawn rows were left empty."""
        return max(self.drawn_rows(form, name) - len(self.read(form, name)), 0)


class ReferencesField(RowsField):
    """A table of references, one row each: title, citation or number, date adopted, link.

    Rows are posted as ``<name>-<n>-<part>``; ``<name>-rows`` says how many rows the page had.
    """

    widget = "references"

    def read(self, form: MultiDict, name: str, *, without: int | None = None) -> Any:
        """Return the rows typed (empty rows left out); ``without`` leaves out the row of that index too."""
        rows = []
        for index in range(self.drawn_rows(form, name)):
            row = {part: form.get(f"{name}-{index}-{part}", "") for part in REFERENCE_FIELDS}
            if index != without and any(value.strip() for value in row.values()):
                rows.append(row)
        return rows

    def display(self, question: Question, value: Any) -> list[str]:
        lines = []
        for reference in value or []:
            parts = [reference.get("title", "")]
            parts += [reference[part] for part in ("citation", "date", "link") if reference.get(part)]
            lines.append(", ".join(part for part in parts if part))
        return lines

    def rows(self, value: Any) -> list[dict[str, str]]:
        """Return the references of ``value`` (stored or as typed) as rows with every part; empty rows are added by the page."""
        return [dict({part: "" for part in REFERENCE_FIELDS}, **row) for row in value or [] if isinstance(row, dict)]


class EntriesField(RowsField):
    """Repeatable entries, one text each: a textarea per entry ("Entry 1", "Entry 2", ...), one empty more.

    Rows are posted as ``<name>-<n>``; ``<name>-rows`` says how many rows the page had. A row is
    removed by clearing it: empty rows are dropped when the answer is saved (see rules.clean_value).
    """

    widget = "entries"
    is_list = True
    most_rows = 2 * MAX_ENTRIES_CEILING

    def read(self, form: MultiDict, name: str) -> Any:
        """Return every row as typed, empty rows too (up to the last filled one): a problem names its row."""
        rows = [form.get(f"{name}-{index}", "") for index in range(self.drawn_rows(form, name))]
        while rows and not rows[-1].strip():
            rows.pop()
        return rows

    def empty_rows(self, form: MultiDict, name: str) -> int:
        drawn = self.drawn_rows(form, name)
        return max(drawn - sum(1 for row in self.read(form, name) if row.strip()), 0)

    def display(self, question: Question, value: Any) -> list[str]:
        """Return the entries, one per line; an answer given as one text (an earlier version) is one entry."""
        return as_entries(value)

    def rows(self, value: Any) -> list[str]:
        """Return the rows of ``value`` (stored, or as typed with its empty rows); empty rows are added by the page."""
        if isinstance(value, str):
            return as_entries(value)
        return [row for row in value or [] if isinstance(row, str)]


class UnchangedField(QuestionField):
    """The "no change since the last report" checkbox of an item."""

    widget = "unchanged"

    def read(self, form: MultiDict, name: str) -> Any:
        return "yes" if form.get(name) == "yes" else ""

    def display(self, question: Question, value: Any) -> list[str]:
        return [_("Yes")] if value == "yes" else []


FIELDS: dict[QuestionType, QuestionField] = {
    QuestionType.SINGLE_CHOICE: SingleChoiceField(),
    QuestionType.YES_NO: YesNoField(),
    QuestionType.MULTIPLE_CHOICE: MultipleChoiceField(),
    QuestionType.LONG_TEXT: LongTextField(),
    QuestionType.SHORT_TEXT: ShortTextField(),
    QuestionType.EMAIL: EmailField(),
    QuestionType.DATE: DateField(),
    QuestionType.REFERENCES: ReferencesField(),
    QuestionType.ENTRIES: EntriesField(),
}
UNCHANGED_FIELD = UnchangedField()


def field_for(question: Question) -> QuestionField:
    """Return the field class instance that draws and reads ``question``."""
    return FIELDS[question.type]
