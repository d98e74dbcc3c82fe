"""The names of States in the six official languages, as the United Nations writes them in lists.

English names are the ``list_name`` of ``member_states.csv``; the other languages come from
``names_in_languages.csv`` (see data/SOURCES.md). The interface shows a State by its name in the
reader's language; reports, exports and the API keep the English names, which are their data.
"""

from __future__ import annotations

import csv
import functools
import unicodedata
from pathlib import Path

from flask import has_app_context
from flask_babel import get_locale

NAMES_FILE = Path(__file__).parent / "data" / "names_in_languages.csv"
NAME_LANGUAGES = ("ar", "es", "fr", "ru", "zh")


@functools.lru_cache(maxsize=1)
def names_in_languages(path: Path = NAMES_FILE) -> dict[str, dict[str, str]]:
    """Return {code: {language: name}} for the languages other than English, checking that no name is missing."""
    from portal.states.services import ReferenceDataError, read_states

    names = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != ("code", *NAME_LANGUAGES):
            raise ReferenceDataError(f"{path}:1: expected the columns code,{','.join(NAME_LANGUAGES)}, found {reader.fieldnames}")
        for row in reader:
            for language in NAME_LANGUAGES:
                if not row[language].strip():
                    raise ReferenceDataError(f"{path}:{reader.line_num}: {language}: the name of {row['code']} is missing")
            names[row["code"]] = {language: row[language] for language in NAME_LANGUAGES}
    missing = [row["code"] for row in read_states() if row["code"] not in names]
    if missing:
        raise ReferenceDataError(f"{path}: no names for {', '.join(missing)}")
    return names


def reader_language() -> str:
    """Return the language of the page or mail being written ("en" outside a request)."""
    locale = get_locale() if has_app_context() else None
    return locale.language if locale else "en"


def name_in(code: str, english: str, language: str) -> str:
    """Return the list name of the State ``code`` in ``language`` (``english`` for English or an unknown code)."""
    if language == "en":
        return english
    return names_in_languages().get(code, {}).get(language, english)


def folded(text: str | None) -> str:
    """Return ``text`` without case, accents or vowel marks, and trimmed: the key that orders names alphabetically
    in a reader's language, and the form in which what a person types is matched against a name."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold().strip())
    return "".join(character for character in decomposed if not unicodedata.combining(character))
