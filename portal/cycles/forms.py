"""The form the Secretariat fills in to create a reporting cycle."""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, RadioField, SelectField, SelectMultipleField, StringField, widgets
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from portal.core.forms import PortalForm, select_choices
from portal.states.models import MemberState, RegionalGroup

INVITE_ALL, INVITE_GROUPS, INVITE_STATES = "all", "groups", "states"

# Paths under /cycles/ that a cycle key must not take.
RESERVED_KEYS = frozenset({"new"})


class CycleKey:
    """A cycle key is short, lower case, and fits in a URL: letters, digits and hyphens."""

    pattern = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")

    def __call__(self, form, field):
        value = (field.data or "").strip()
        if not self.pattern.match(value):
            raise ValidationError(_l("Use lower-case letters, digits and hyphens only, for example salvador-2026."))
        if value in RESERVED_KEYS:
            raise ValidationError(_l("This key is reserved; choose another."))


class MultiCheckboxField(SelectMultipleField):
    """Several choices shown as a list of check boxes."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class CycleForm(PortalForm):
    title = StringField(
        _l("Title"), validators=[DataRequired(), Length(max=300)],
        description=_l("As documents will print it, for example: Follow-up to the Salvador Declaration, 2026."),
    )
    key = StringField(
        _l("Key"), validators=[DataRequired(), Length(max=80), CycleKey()],
        description=_l("A short name used in addresses and on the command line, for example salvador-2026."),
    )
    template = SelectField(_l("Checklist template and version"), validators=[InputRequired()])
    opens_on = DateField(_l("Opening date"), validators=[InputRequired(message=_l("Give a date."))])
    deadline = DateField(_l("Deadline for replies"), validators=[InputRequired(message=_l("Give a date."))])
    cutoff_on = DateField(
        _l("Cut-off date for the report"), validators=[InputRequired(message=_l("Give a date."))],
        description=_l("Replies received by this date go into the compiled report."),
    )
    invite = RadioField(
        _l("States invited"),
        choices=select_choices([
            (INVITE_ALL, _l("All Member States")),
            (INVITE_GROUPS, _l("The Member States of some regional groups")),
            (INVITE_STATES, _l("A list of States")),
        ]),
        default=INVITE_ALL,
        validators=[InputRequired(message=_l("Choose which States to invite."))],
    )
    groups = MultiCheckboxField(_l("Regional groups"), choices=select_choices(RegionalGroup.choices()))
    states = SelectMultipleField(
        _l("States"),
        description=_l("Hold Ctrl (or Cmd on a Mac) to choose several States."),
    )

    def set_choices(self, templates: list[tuple[str, str]], states: list[MemberState]) -> None:
        """Offer the stored template versions and the States."""
        self.template.choices = select_choices(templates)
        self.states.choices = select_choices(
            (state.code, f"{state.name} ({_l('observer State')})" if state.is_observer else state.name)
            for state in states
        )

    def validate_deadline(self, field):
        if field.data and self.opens_on.data and field.data < self.opens_on.data:
            raise ValidationError(_l("The deadline comes before the opening date."))

    def validate_cutoff_on(self, field):
        if field.data and self.opens_on.data and field.data < self.opens_on.data:
            raise ValidationError(_l("The cut-off date comes before the opening date."))

    def validate_groups(self, field):
        if self.invite.data == INVITE_GROUPS and not field.data:
            raise ValidationError(_l("Choose at least one regional group."))

    def validate_states(self, field):
        if self.invite.data == INVITE_STATES and not field.data:
            raise ValidationError(_l("Choose at least one State."))

    def invited_field(self) -> str:
        """Return the name of the field that says which States are invited."""
        return {INVITE_GROUPS: "groups", INVITE_STATES: "states"}.get(self.invite.data, "invite")


class CloseCycleForm(PortalForm):
    """Closing a cycle freezes every reply not yet submitted: the officer confirms it."""

    confirm = BooleanField(
        _l("Close the cycle: replies not yet submitted can no longer be changed"),
        validators=[DataRequired(message=_l("Tick the box to confirm that the cycle is to be closed."))],
    )
