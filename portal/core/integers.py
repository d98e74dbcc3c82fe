"""Whole numbers read from URLs, query strings and forms, kept within the database's integer range.

Every id column is an ``integer``, which PostgreSQL holds in 32 bits: a larger number in a request
is refused where it is read (404 for a path, 400 for a query or form parameter) instead of failing
in the database with a 500.
"""

from __future__ import annotations

from typing import Mapping

from werkzeug.exceptions import BadRequest
from werkzeug.routing import IntegerConverter, Map

DATABASE_INT_MAX = 2_147_483_647  # PostgreSQL's integer, the type of every id
_MAX_DIGITS = len(str(DATABASE_INT_MAX))


class DatabaseIntegerConverter(IntegerConverter):
    """The ``int`` of URL rules, matching only numbers a database integer holds: others find no page (404)."""

    regex = rf"\d{{1,{_MAX_DIGITS}}}"  # a longer number never reaches int()

    def __init__(self, map: Map, fixed_digits: int = 0, min: int | None = None, max: int | None = None,
                 signed: bool = False) -> None:
        super().__init__(map, fixed_digits, min, DATABASE_INT_MAX if max is None else max, signed)


class IntegerParameterError(BadRequest):
    """A query or form parameter that must be a whole number is not one, or is out of range."""

    def __init__(self, name: str, low: int, high: int):
        self.parameter = name
        super().__init__(f"{name} must be a whole number from {low} to {high}")


def parse_int(text: str | None, *, low: int = 0, high: int = DATABASE_INT_MAX) -> int | None:
    """Return ``text`` as a whole number from ``low`` to ``high``, or None if it is not one."""
    text = (text or "").strip()
    digits = text.removeprefix("-")
    if not digits.isascii() or not digits.isdigit() or len(digits) > _MAX_DIGITS:
        return None
    value = int(text)
    return value if low <= value <= high else None


def int_parameter(values: Mapping[str, str], name: str, default: int | None = None, *, low: int = 0,
                  high: int = DATABASE_INT_MAX) -> int | None:
    """Return the whole number ``values[name]`` (request.args or request.form), ``default`` if absent.

    Raise IntegerParameterError (400) when it is present but not a whole number from ``low`` to ``high``.
    """
    raw = values.get(name)
    if raw is None or raw == "":
        return default
    value = parse_int(raw, low=low, high=high)
    if value is None:
        raise IntegerParameterError(name, low, high)
    return value
