"""The forms of the report pages: a report's settings, and the editor's forms on one block."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from portal.core.forms import PortalForm, select_choices
from portal.reports.models import BlockKind
from portal.reports.services import ADDABLE_KINDS
from portal.reports.settings import ReportSettings

SHORT = [Optional(), Length(max=200)]


class SettingsForm(PortalForm):
    """Everything printed around the paragraphs, and the choices that shape the body of the report."""

    symbol = StringField(_l("Document symbol"), validators=SHORT, description=_l("For example E/CN.15/2011/15."))
    organ = StringField(_l("Organ"), validators=SHORT, description=_l("For example Economic and Social Council."))
    distribution = StringField(_l("Distribution"), validators=SHORT, description=_l("Printed as \u201cDistr.: General\u201d."))
    date = DateField(_l("Date of the document"), validators=[Optional()])
    original_language = StringField(_l("Original language"), validators=SHORT)
    body = StringField(_l("Body"), validators=SHORT,
                       description=_l("For example Commission on Crime Prevention and Criminal Justice."))
    session = StringField(_l("Session"), validators=SHORT, description=_l("For example Twentieth session."))
    place_and_dates = StringField(_l("Place and dates"), validators=SHORT,
                                  description=_l("For example Vienna, 11-15 April 2011."))
    agenda_item = StringField(_l("Agenda item number"), validators=[Optional(), Length(max=20)])
    agenda_title = TextAreaField(_l("Title of the agenda item"), validators=[Optional(), Length(max=1000)])
    agenda_symbol = StringField(_l("Symbol of the provisional agenda"), validators=SHORT,
                                description=_l("Printed in the footnote of the agenda item, for example E/CN.15/2011/1."))
    title = TextAreaField(_l("Title of the report"), validators=[DataRequired(), Length(max=1000)])
    subtitle = StringField(_l("Subtitle"), validators=SHORT, description=_l("For example Report of the Secretary-General."))
    as_at = DateField(_l("Replies received as at"), validators=[InputRequired(message=_l("Give a date."))],
                      description=_l("Replies received by this date are compiled."))
    include = RadioField(
        _l("Replies to include"),
        choices=select_choices([("accepted", _l("Accepted replies only")),
                                ("submitted", _l("Accepted and submitted replies"))]),
        default="accepted", validators=[InputRequired()],
    )
    arrangement = RadioField(
        _l("Arrangement of the States' replies"),
        choices=select_choices([("by-state", _l("By State, in alphabetical order")),
                                ("by-theme", _l("By theme, with counted statements"))]),
        default="by-state", validators=[InputRequired()],
    )
    table_of_contents = BooleanField(_l("Print a table of contents"))
    job_number = StringField(_l("Job number"), validators=[Optional(), Length(max=40)],
                             description=_l("Printed on the first page, for example V.11-80351 (E)."))

    TEXT_FIELDS = ("symbol", "organ", "distribution", "original_language", "body", "session", "place_and_dates",
                   "agenda_item", "agenda_title", "agenda_symbol", "title", "subtitle", "job_number")

    def fill(self, settings: ReportSettings) -> None:
        """Show ``settings`` in the form."""
        for name in self.TEXT_FIELDS:
            self[name].data = getattr(settings, name)
        self.date.data = settings.date
        self.as_at.data = settings.as_at
        self.include.data = settings.include
        self.arrangement.data = settings.arrangement
        self.table_of_contents.data = settings.table_of_contents

    def settings(self, base: ReportSettings) -> ReportSettings:
        """Return ``base`` with the values typed in the form."""
        values = {name: " ".join((self[name].data or "").split()) for name in self.TEXT_FIELDS}
        return base.replace(
            **values, date=self.date.data, as_at=self.as_at.data, include=self.include.data,
            arrangement=self.arrangement.data, table_of_contents=bool(self.table_of_contents.data),
        )


class ActionForm(PortalForm):
    """A button that changes something (compile, move, delete, reset, build a PDF): the CSRF token only."""


class BlockTextForm(PortalForm):
    text = TextAreaField(_l("Text"), validators=[DataRequired(message=_l("The text is empty. To remove the paragraph, delete it."))],
                         description=_l("Plain text. A footnote is written ^[text of the footnote]."))


class AddBlockForm(PortalForm):
    after = HiddenField()
    kind = SelectField(_l("Kind"), choices=select_choices((kind.value, kind.label) for kind in ADDABLE_KINDS),
                       default=BlockKind.PARAGRAPH.value, validators=[InputRequired()])
    text = TextAreaField(_l("Text of the new block"), validators=[DataRequired(message=_l("Write the text of the new paragraph."))])


class FinaliseForm(PortalForm):
    confirm = BooleanField(_l("I confirm: store this draft as the next final edition of the report."),
                           validators=[DataRequired(message=_l("Tick the box to confirm."))])
