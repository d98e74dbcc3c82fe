"""Small helpers shared by the portal's forms."""

from __future__ import annotations

from typing import Iterable

from wtforms import SelectChoice


def select_choices(pairs: Iterable[tuple[str, str]]) -> list[SelectChoice]:
    """Return ``(value, label)`` pairs as the option objects WTForms 3.3 expects."""
    return [SelectChoice(value, label) for value, label in pairs]
