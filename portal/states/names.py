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

from portal.core.bidi import reader_locale

NAMES_FILE = Path(__file__).parent / "data" / "names_in_languages.csv"
FORMER_NAMES_FILE = Path(__file__).parent / "data" / "former_names_in_languages.csv"
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


@functools.lru_cache(maxsize=1)
def former_names_in_languages(path: Path = FORMER_NAMES_FILE) -> dict[tuple[str, str], dict[str, str]]:
    """Return {(code, used until as YYYY-MM-DD): {language: name}} of the former names, checking that each former name
    of ``former_names.csv`` has its names in every language and no other row is there."""
    from portal.states.services import ReferenceDataError, read_former_names

    names = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != ("code", "used_until", *NAME_LANGUAGES):
            raise ReferenceDataError(f"{path}:1: expected the columns code,used_until,{','.join(NAME_LANGUAGES)}, "
                                     f"found {reader.fieldnames}")
        for row in reader:
            for language in NAME_LANGUAGES:
                if not row[language].strip():
                    raise ReferenceDataError(f"{path}:{reader.line_num}: {language}: the former name of {row['code']} "
                                             "is missing")
            names[(row["code"], row["used_until"])] = {language: row[language] for language in NAME_LANGUAGES}
    english = {(code, str(row["used_until"])) for code, rows in read_former_names().items() for row in rows}
    if english != set(names):
        raise ReferenceDataError(f"{path}: the former names differ from former_names.csv: "
                                 f"{sorted(english ^ set(names))}")
    return names


def former_name_in(code: str, used_until: str, english: str, language: str) -> str:
    """Return the former list name of the State ``code`` (used until ``used_until``) in ``language``."""
    if language == "en":
        return english
    return former_names_in_languages().get((code, used_until), {}).get(language, english)


def reader_language() -> str:
    """Return the language of the page or mail being written ("en" outside a request)."""
    locale = reader_locale()
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
