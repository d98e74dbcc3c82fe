"""What a template's question definitions mean for an answer: shown, required, answered, valid.

Questions are the dicts stored on a checklist item (``ChecklistItem.questions``) or among the
template's general questions. A value is what the form sends, normalised by :func:`clean_value`:
a code (single choice, yes/no), a list of codes (multiple choice), a string (texts, ISO dates),
a list of references ({title, citation, date, link}), or a list of texts (entries, one per row).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable
from urllib.parse import urlsplit

import email_validator
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.core.inputs import refusal_message, refused_character

REFERENCE_FIELDS = ("title", "citation", "date", "link")
# The most characters an answer may have, by question type; a question may set its own (``max_length``).
# Generous for narratives (a long answer in a report is a few thousand characters), and a bound on
# what one answer costs every output: an answer of 300,000 characters made the reply PDF five times slower.
MAX_LONG_TEXT = 100_000
MAX_SHORT_TEXT = 1_000
# An entry (a row of an ``entries`` question) is a long text: the same limits hold for each entry.
# An e-mail address has at most 254 characters (RFC 3696, erratum 1690).
MAX_EMAIL = 254
TEXT_LIMITS = {"long_text": MAX_LONG_TEXT, "short_text": MAX_SHORT_TEXT, "entries": MAX_LONG_TEXT, "email": MAX_EMAIL}
# The highest limit a question may set for itself, by type.
LIMIT_CEILINGS = {"long_text": 1_000_000, "short_text": 10_000, "entries": 1_000_000}
# How many entries an ``entries`` answer may have, unless its question says (``max_entries``), and at most.
MAX_ENTRIES = 50
MAX_ENTRIES_CEILING = 500
# A reference's parts: a title or citation is a line, a link a web address; a date is checked as a date.
MAX_REFERENCE_PARTS: dict[str, int | None] = {"title": 1_000, "citation": 1_000, "date": None, "link": 2_000}
MAX_REFERENCES = 500
REFERENCE_PART_NAMES = {
    "title": _l("Title"), "citation": _l("Citation or number"), "date": _l("Date adopted"), "link": _l("Link"),
}


class InvalidAnswer(ValueError):
    """A value the question cannot take; the message says why, for the person who typed it."""


def is_answered(value: Any) -> bool:
    """Tell whether ``value`` holds an answer (empty strings and empty lists do not)."""
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip() != ""
    if isinstance(value, list):
        return any(is_answered(entry) if not isinstance(entry, dict) else any(is_answered(v) for v in entry.values()) for entry in value)
    return True


def shown_questions(questions: Iterable[dict[str, Any]], values: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the questions shown given ``values``, in order.

    A question whose condition refers to a hidden question is hidden too: the hidden
    question's value, left over from an earlier answer, does not count.
    """
    shown: list[dict[str, Any]] = []
    visible_values: dict[str, Any] = {}
    for question in questions:
        condition = question.get("when")
        if condition is None or _condition_holds(condition, visible_values):
            shown.append(question)
            visible_values[question["code"]] = values.get(question["code"])
    return shown


def _condition_holds(condition: dict[str, Any], values: dict[str, Any]) -> bool:
    value = values.get(condition["question"])
    selected = value if isinstance(value, list) else [value]
    return any(code in condition["in"] for code in selected if code is not None)


def required_questions(questions: Iterable[dict[str, Any]], values: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the questions that must be answered given ``values`` (required and shown)."""
    return [question for question in shown_questions(questions, values) if question.get("required")]


def missing_questions(questions: Iterable[dict[str, Any]], values: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the required, shown questions that have no answer."""
    return [q for q in required_questions(questions, values) if not is_answered(values.get(q["code"]))]


def progress(questions: list[dict[str, Any]], values: dict[str, Any]) -> tuple[int, int]:
    """Return (answered required questions, required questions) for one item."""
    required = required_questions(questions, values)
    return sum(1 for q in required if is_answered(values.get(q["code"]))), len(required)


def max_length(question: dict[str, Any]) -> int | None:
    """Return the most characters an answer to ``question`` may have (None: not a text question)."""
    default = TEXT_LIMITS.get(question["type"])
    if default is None:
        return None
    return question.get("max_length") or default


def max_entries(question: dict[str, Any]) -> int:
    """Return the most entries an answer to an ``entries`` question may have."""
    return question.get("max_entries") or MAX_ENTRIES


def entry_label(number: int) -> str:
    """Return how an entry is named to the person typing it: "Entry 3"."""
    return _("Entry %(number)s", number=number)


def as_entries(value: Any) -> list[str]:
    """Return a stored value as the entries it holds: a list of texts as it is, one text as one entry.

    An answer given as one text (to the question when it was a long text, in an earlier version of
    the checklist) reads as a list of one entry.
    """
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [entry for entry in value if isinstance(entry, str) and entry.strip()]
    return []


def fitted_value(question: dict[str, Any], value: Any) -> Any:
    """Return ``value`` in the form ``question`` takes, where an earlier version of it took another form.

    For an ``entries`` question, one text becomes a list of one entry; for a ``long_text``
    question, a list of texts becomes one text, a line each. Anything else is returned as it is
    (and :func:`clean_value` judges it).
    """
    kind = question["type"]
    if kind == "entries" and isinstance(value, str):
        return as_entries(value)
    if kind == "long_text" and isinstance(value, list) and all(isinstance(entry, str) for entry in value):
        return "\n".join(entry for entry in value if entry.strip())
    return value


def _check_text(text: str, limit: int | None, field: str) -> None:
    """Refuse a text holding a control character, or longer than ``limit``; the message says which and by how much."""
    character = refused_character(text)
    if character is not None:
        raise InvalidAnswer(refusal_message(field, character))
    if limit is not None and len(text) > limit:
        raise InvalidAnswer(_("%(field)s is too long: at most %(limit)s characters; it has %(count)s.",
                              field=field, limit=format_decimal(limit), count=format_decimal(len(text))))


def clean_value(question: dict[str, Any], raw: Any) -> Any:
    """Return ``raw`` normalised for ``question``, or raise :class:`InvalidAnswer`."""
    kind = question["type"]
    if raw is None:
        return None
    if kind in ("long_text", "short_text"):
        if not isinstance(raw, str):
            raise InvalidAnswer("Expected text.")
        text = raw.replace("\r\n", "\n").replace("\r", "\n")
        if kind == "short_text":
            text = text.strip()
            if "\n" in text:
                raise InvalidAnswer("Expected a single line.")
        _check_text(text, max_length(question), _("This answer"))
        return text if text.strip() else None
    if kind == "email":
        if not isinstance(raw, str):
            raise InvalidAnswer("Expected text.")
        text = raw.strip()
        if not text:
            return None
        _check_text(text, max_length(question), _("This answer"))
        try:
            # The address's form only: whether its domain receives mail is not asked (no network).
            return email_validator.validate_email(text, check_deliverability=False).normalized
        except email_validator.EmailNotValidError:
            raise InvalidAnswer(_("Enter an e-mail address, such as name@ministry.gov.example.")) from None
    if kind in ("single_choice", "yes_no"):
        if raw == "":
            return None
        codes = [choice["code"] for choice in question.get("choices", [])] if kind == "single_choice" else ["yes", "no"]
        if raw not in codes:
            raise InvalidAnswer("Choose one of the options offered.")
        return raw
    if kind == "multiple_choice":
        if isinstance(raw, str):
            raw = [raw] if raw else []
        if not isinstance(raw, list):
            raise InvalidAnswer("Choose among the options offered.")
        codes = [choice["code"] for choice in question.get("choices", [])]
        unknown = [code for code in raw if code not in codes]
        if unknown:
            raise InvalidAnswer("Choose among the options offered.")
        chosen = [code for code in codes if code in raw]  # the template's order, no duplicates
        return chosen or None
    if kind == "date":
        if raw == "":
            return None
        try:
            return dt.date.fromisoformat(raw).isoformat()
        except (TypeError, ValueError):
            raise InvalidAnswer("Expected a date such as 2011-01-30.") from None
    if kind == "references":
        return _clean_references(raw)
    if kind == "entries":
        return _clean_entries(question, raw)
    raise InvalidAnswer(f"Unknown question type {kind!r}.")


def _clean_entries(question: dict[str, Any], raw: Any) -> list[str] | None:
    """Return the entries typed, in order, without the empty ones; each is checked as a long text.

    ``raw`` holds every row as drawn, empty ones too, so that a problem names the row the person sees.
    """
    if not isinstance(raw, list) or not all(isinstance(entry, str) for entry in raw):
        raise InvalidAnswer(_("Expected a list of texts, one per entry."))
    if len(raw) > 2 * MAX_ENTRIES_CEILING:  # rows, empty ones included: a bound on the work, far above any page
        raise InvalidAnswer(_("This answer has too many entries: at most %(limit)s; it has %(count)s.",
                              limit=format_decimal(max_entries(question)), count=format_decimal(len(raw))))
    limit = max_length(question)
    entries = []
    for number, entry in enumerate(raw, start=1):
        text = entry.replace("\r\n", "\n").replace("\r", "\n").strip()
        _check_text(text, limit, entry_label(number))
        if text:
            entries.append(text)
    most = max_entries(question)
    if len(entries) > most:
        raise InvalidAnswer(_("This answer has too many entries: at most %(limit)s; it has %(count)s.",
                              limit=format_decimal(most), count=format_decimal(len(entries))))
    return entries or None


def _clean_references(raw: Any) -> list[dict[str, str]] | None:
    if not isinstance(raw, list):
        raise InvalidAnswer("Expected a list of references.")
    if len(raw) > MAX_REFERENCES:
        raise InvalidAnswer(_("This answer has too many references: at most %(limit)s; it has %(count)s.",
                              limit=format_decimal(MAX_REFERENCES), count=format_decimal(len(raw))))
    references = []
    for position, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict) or set(entry) - set(REFERENCE_FIELDS):
            raise InvalidAnswer("Each reference has a title, a citation, a date and a link.")
        reference = {name: str(entry.get(name) or "").strip() for name in REFERENCE_FIELDS}
        for name, text in reference.items():
            part = _("%(part)s, reference %(number)s", part=REFERENCE_PART_NAMES[name], number=position)
            _check_text(text, MAX_REFERENCE_PARTS[name], part)
        if not any(reference.values()):
            continue  # an empty row is no reference
        if not reference["title"]:
            raise InvalidAnswer(f"Reference {position}: give its title.")
        if reference["date"]:
            try:
                reference["date"] = dt.date.fromisoformat(reference["date"]).isoformat()
            except ValueError:
                raise InvalidAnswer(f"Reference {position}: expected a date such as 2010-12-21.") from None
        if reference["link"]:
            parts = urlsplit(reference["link"])
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise InvalidAnswer(f"Reference {position}: a link starts with https:// or http://.")
        references.append(reference)
    return references or None
