"""What a complete catalogue is: every message of the template translated, none fuzzy, every placeholder kept.

Used by tests/i18n/test_catalogues.py, and by translators to check their work before it lands:

    .venv/bin/python -m tests.i18n.catalogues fr     # prints each problem, exits 1 if there is any
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

TRANSLATIONS = Path(__file__).resolve().parents[2] / "portal" / "translations"
LANGUAGES = ("ar", "es", "fr", "ru", "zh")
PLACEHOLDER = re.compile(r"%(?:\([a-z_]+\))?[sdif%]")


def template() -> Catalog:
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        return read_po(handle)


def catalogue(language: str) -> Catalog:
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=language)


def _key(message: Message) -> tuple[str, str | None]:
    ident = message.id if isinstance(message.id, str) else message.id[0]
    return ident, message.context


def _placeholders(text: str) -> set[str]:
    return {found for found in PLACEHOLDER.findall(text) if found != "%%"}


def problems(language: str) -> list[str]:
    """Return what is missing or wrong in ``language``'s catalogue, one line each (empty when complete)."""
    found: list[str] = []
    pot = template()
    po = catalogue(language)
    translated = {_key(message): message for message in po if message.id}
    expected_forms = po.num_plurals
    for message in pot:
        if not message.id:
            continue
        key = _key(message)
        entry = translated.get(key)
        label = repr(key[0][:70])
        if entry is None:
            found.append(f"{language}: missing {label}")
            continue
        if entry.fuzzy:
            found.append(f"{language}: fuzzy {label}")
        plural = not isinstance(message.id, str)
        if plural != (not isinstance(entry.id, str)):
            found.append(f"{language}: singular/plural differs from the template for {label}")
            continue
        strings = list(entry.string) if plural else [entry.string]
        if plural and len(strings) != expected_forms:
            found.append(f"{language}: {len(strings)} plural forms instead of {expected_forms} for {label}")
        if any(not (text or "").strip() for text in strings):
            found.append(f"{language}: untranslated {label}")
            continue
        sources = list(message.id) if plural else [message.id]
        wanted = set().union(*(_placeholders(text) for text in sources))
        for number, text in enumerate(strings):
            have = _placeholders(text)
            if have - wanted:
                found.append(f"{language}: unknown placeholder {sorted(have - wanted)} in {label}")
            last = number == len(strings) - 1
            # the count may be left out where the English leaves it out ("the reply of the following State")
            optional = {"%(num)d"} - _placeholders(sources[0]) if plural else set()
            if (not plural or last) and wanted - have - optional:
                found.append(f"{language}: placeholder {sorted(wanted - have)} left out of {label}")
    for message, errors in po.check():  # what `pybabel compile` reports: a placeholder of one form that its msgid lacks
        found.extend(f"{language}: {error} in {repr(_key(message)[0][:70])}" for error in errors)
    extra = set(translated) - {_key(m) for m in pot if m.id}
    found.extend(f"{language}: not in the template {key[0][:70]!r}" for key in sorted(extra, key=str))
    return found


def main(arguments: list[str]) -> int:
    languages = arguments or list(LANGUAGES)
    total = 0
    for language in languages:
        found = problems(language)
        total += len(found)
        for line in found:
            print(line)
        messages = sum(1 for m in template() if m.id)
        lacking = sum(1 for line in found if ": missing " in line or ": untranslated " in line)
        print(f"{language}: {messages} messages, {messages - lacking} translated, {len(found)} problems")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
