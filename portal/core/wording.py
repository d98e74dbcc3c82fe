"""Lists of words joined as the reader's language joins them, through Babel ("A, B or C", "A、B或C", "A, B и C").

English keeps the style of United Nations documents, without a comma before the last "and" or "or"
(Babel's English puts one there).
"""

from __future__ import annotations

from babel.lists import format_list
from flask_babel import get_locale


def _join(words: list[str], style: str, word: str) -> str:
    if not words:
        return ""
    locale = get_locale()
    if locale is None or locale.language == "en":
        return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {word} {words[-1]}"
    return format_list(list(words), style=style, locale=locale)


def any_of(words: list[str]) -> str:
    """"A", "A or B", "A, B or C" in the reader's language."""
    return _join(words, "or", "or")


def all_of(words: list[str]) -> str:
    """"A", "A and B", "A, B and C" in the reader's language."""
    return _join(words, "standard", "and")
