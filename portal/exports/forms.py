"""The export page's filters (a GET form: downloading changes nothing, so it carries no CSRF token)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField, SelectMultipleField
from wtforms.widgets import CheckboxInput, ListWidget

from portal.core.forms import PortalForm
from portal.states.models import RegionalGroup
from portal.submissions.models import SubmissionStatus

FORMATS = [
    ("long.csv", _l("CSV, long: one row per State, item and question")),
    ("wide.csv", _l("CSV, wide: one row per State")),
    ("codebook.csv", _l("Codebook (CSV)")),
    ("codebook", _l("Codebook (web page)")),
    ("export.xlsx", _l("Excel workbook: long, wide and codebook")),
]


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ExportForm(PortalForm):
    class Meta:
        csrf = False

    cycle = SelectField(_l("Reporting cycle"))
    kind = SelectField(_l("File"))
    states = SelectMultipleField(_l("Member States (none chosen: all)"))
    groups = MultiCheckboxField(_l("Regional groups (none chosen: all)"))
    statuses = MultiCheckboxField(_l("Status of the reply (none chosen: all)"))
    themes = MultiCheckboxField(_l("Themes (none chosen: all)"))
    language = SelectField(_l("Language of the labels"))
    bom = BooleanField(_l("Byte-order mark for Excel (CSV files)"))

    def fill_choices(self, cycles, states, themes, languages) -> None:
        from portal.core.forms import select_choices

        self.cycle.choices = select_choices((c.key, c.title) for c in cycles)
        self.kind.choices = select_choices(FORMATS)
        self.states.choices = select_choices((s.code, s.name) for s in states)
        self.groups.choices = select_choices(RegionalGroup.choices())
        self.statuses.choices = select_choices(SubmissionStatus.choices())
        self.themes.choices = select_choices(themes)
        self.language.choices = select_choices(languages)
