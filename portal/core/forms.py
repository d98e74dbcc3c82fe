"""The portal's form base class and small helpers shared by its forms."""

from __future__ import annotations

from typing import Iterable

from flask_wtf import FlaskForm
from wtforms import SelectChoice

from portal.core.inputs import RefuseControlCharacters


class PortalForm(FlaskForm):
    """The base of every form of the portal: CSRF, and no field takes a control character.

    Each field, whatever its kind, is bound with :class:`RefuseControlCharacters` as its first
    validator, so a form (and a field added later) cannot forget the rule of :mod:`portal.core.inputs`.
    """

    class Meta:
        def bind_field(self, form, unbound_field, options):
            field = super().bind_field(form, unbound_field, options)
            field.validators = [RefuseControlCharacters(), *field.validators]
            return field


def select_choices(pairs: Iterable[tuple[str, str]]) -> list[SelectChoice]:
    """Return ``(value, label)`` pairs as the option objects WTForms 3.3 expects."""
    return [SelectChoice(value, label) for value, label in pairs]
