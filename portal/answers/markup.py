"""The markup of a page's questions that is the same for every reply, drawn once per process.

A theme page draws around seventy questions, and their labels, notes, choices, ids and conditions
depend only on the template version and the language. The macros of ``templates/answers/_fields.html``
that draw those parts run once per page and language; the result is kept with the checklist's
arrangement (itself cached per version and language), and each request fills in only what belongs to
the reply: values, revisions, problems, the last report's answers. The parts are Markup that Jinja
rendered with autoescaping, like the rest of the page. A process keeps what it drew: restart the server
after changing those macros.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import get_template_attribute
from markupsafe import Markup

from portal.answers.services import PageField, page_fields
from portal.answers.structure import ChecklistStructure
from portal.checklists.outline import Choice
from portal.submissions.rules import MAX_REFERENCE_PARTS, REFERENCE_FIELDS, max_length

FIELDS_TEMPLATE = "answers/_fields.html"
KEPT_ROWS = 50  # rows of references kept drawn per question; a reply's longer lists are drawn each time


@dataclass(frozen=True)
class ChoiceMarkup:
    """A radio button or checkbox in its four states: ``drawn[checked][invalid]``."""

    code: str
    drawn: tuple[tuple[Markup, Markup], tuple[Markup, Markup]]


@dataclass(frozen=True)
class ReferenceCell:
    """One cell of a row of references: its label and input up to the value, and from the value on."""

    part: str
    opening: Markup
    closing: Markup


@dataclass(frozen=True)
class ReferenceRow:
    """The fixed markup of one row of a table of references: its cells and the button removing it."""

    cells: tuple[ReferenceCell, ...]
    remove: Markup


@dataclass(frozen=True)
class QuestionMarkup:
    """A question's fixed markup: its element's attributes, its label with notes, placeholder and choices.

    A table of references also has its head, the button adding a row, and its rows by index: each is
    drawn when a reply first has that many, and kept up to :data:`KEPT_ROWS`. A list of entries has
    its button adding an entry (its rows, one textarea each, are drawn with the reply).
    """

    page_field: PageField
    attributes: Markup
    heading: Markup
    described_by: str  # the ids of the notes (condition, help)
    placeholder: Markup
    limit: Markup  # the maxlength attribute of a text field
    choices: tuple[ChoiceMarkup, ...]
    table_head: Markup = Markup()
    add_row: Markup = Markup()
    rows: dict[int, ReferenceRow] = field(default_factory=dict, compare=False, repr=False)

    def reference_row(self, index: int) -> ReferenceRow:
        """Return the fixed markup of row ``index`` of a table of references."""
        found = self.rows.get(index)
        if found is None:
            opening, closing = _macro("reference_cell_opening"), _macro("reference_cell_closing")
            cells = tuple(
                ReferenceCell(part, opening(self.page_field, index, part), closing(part, MAX_REFERENCE_PARTS[part])) for part in REFERENCE_FIELDS
            )
            found = ReferenceRow(cells, _macro("reference_remove_button")(self.page_field, index))
            if index < KEPT_ROWS:
                self.rows[index] = found
        return found


def page_markup(structure: ChecklistStructure, theme_code: str | None) -> dict[str, QuestionMarkup]:
    """Return the fixed markup of every question of a page, by field name, drawn once per process."""
    key = ("markup", theme_code)
    found = structure.memo.get(key)
    if found is None:
        found = {page_field.name: question_markup(page_field) for page_field in page_fields(structure, theme_code)}
        structure.memo[key] = found
    return found


def question_markup(page_field: PageField) -> QuestionMarkup:
    """Draw the parts of one question that do not depend on the reply."""
    question, name, widget = page_field.question, page_field.name, page_field.field.widget
    choices = page_field.field.choices(question) if widget in ("radios", "checkboxes") else []
    notes = [f"{name}-rule" if question.condition else "", f"{name}-help" if question.help else ""]
    tables = {}
    if widget == "references":
        tables = {
            "table_head": _macro("references_head")(REFERENCE_FIELDS),
            "add_row": _macro("reference_add_button")(page_field),
        }
    elif widget == "entries":
        tables = {"add_row": _macro("entry_add_button")(page_field)}
    return QuestionMarkup(
        page_field=page_field,
        attributes=_macro("question_attributes")(page_field),
        heading=_macro("question_heading")(page_field),
        described_by=" ".join(note for note in notes if note),
        placeholder=_macro("placeholder_attribute")(question),
        limit=_macro("limit_attribute")(max_length(page_field.raw_question)),
        choices=tuple(_choice_markup(page_field, choice) for choice in choices),
        **tables,
    )


def _choice_markup(page_field: PageField, choice: Choice) -> ChoiceMarkup:
    draw = _macro("choice")
    states = (False, True)
    drawn = tuple(tuple(draw(page_field, choice, checked, invalid) for invalid in states) for checked in states)
    return ChoiceMarkup(choice.code, drawn)


def _macro(name: str):
    return get_template_attribute(FIELDS_TEMPLATE, name)
