"""The language of a compiled report: lists of names, numbers in words, lead-ins, reported speech, dates.

Everything here works on plain strings and is independent of the database, so that the rules of
United Nations English that the compiler relies on can be read and tested in one place. Reported
speech, which rewrites the answers of States, is in :mod:`portal.reports.speech`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Sequence

from portal.core.bidi import split_isolate

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

# Words that open English sentences and are never proper nouns: safe to lower-case after "that".
COMMON_OPENERS = frozenset("""
a about according after against all along also although among an and another any as at because before
being besides both but by concerning consequently despite due during each either every following for
from further furthermore given having he her here however if in including it its many more moreover most
much national new no none nor not of on one only or other our over owing pursuant recently regarding several
she since so some such that the their there these they this those though through thus to under until
upon we what when whenever where whereas whether which while with within without work
two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred hundreds
thousands dozens
""".split())


def un_date(date: dt.date) -> str:
    """Return ``date`` as United Nations documents write it: "30 January 2011"."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def number_in_words(number: int) -> str:
    """Return ``number`` (0 to 999,999) in English words, lower case: 21 -> "twenty-one"."""
    if number < 0 or number >= 1_000_000:
        raise ValueError(f"no words for {number}")
    if number < 20:
        return _UNITS[number]
    if number < 100:
        tens, units = divmod(number, 10)
        return _TENS[tens] + (f"-{_UNITS[units]}" if units else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        return f"{_UNITS[hundreds]} hundred" + (f" and {number_in_words(rest)}" if rest else "")
    thousands, rest = divmod(number, 1000)
    words = f"{number_in_words(thousands)} thousand"
    if rest:
        words += (" and " if rest < 100 else " ") + number_in_words(rest)
    return words


def number(number: int, *, start: bool = False) -> str:
    """Return a count as the report writes it: words below ten, figures from ten, words at a sentence's start."""
    if start:
        return capitalize(number_in_words(number))
    return number_in_words(number) if number < 10 else str(number)


def capitalize(text: str) -> str:
    """Upper-case the first character only ("the Czech Republic" -> "The Czech Republic")."""
    return text[:1].upper() + text[1:]


def join_names(names: Sequence[str]) -> str:
    """Join names as United Nations English does: "A", "A and B", "A, B and C" (no comma before "and")."""
    names = list(names)
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} and {names[-1]}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return singular if count == 1 else (plural_form or singular + "s")


def counted_states(count: int, total: int, *, start: bool = True) -> str:
    """Return the subject of a counted statement: "Five of the eight States that replied", "All eight States ...".

    ``total`` is the number of States that replied; ``count`` how many of them the statement is about.
    """
    if count > total or count < 0:
        raise ValueError(f"{count} of {total}")
    replied = "State that replied" if total == 1 else "States that replied"
    if total == 1 and count == 1:
        phrase = f"the only {replied}"
    elif count == total:
        phrase = "both States that replied" if total == 2 else f"all {number(total)} {replied}"
    elif count == 0:
        phrase = f"none of the {number(total)} {replied}"
    else:
        phrase = f"{number(count, start=start)} of the {number(total)} {replied}"
    return capitalize(phrase) if start else phrase


# -- sentences ----------------------------------------------------------------------------------

# What ends a sentence in the scripts answers come in: the full stop, the question and exclamation
# marks and the ellipsis, their Chinese forms (。 ｡ ！ ？), the Arabic question mark (؟) and the
# Urdu full stop (۔). Quotation marks and brackets may close after it: "(As amended.)", «... .»
SENTENCE_ENDS = ".!?\u2026\u203c\u2047\u2048\u2049\u3002\uff61\uff01\uff1f\u061f\u06d4"
# What a full stop replaces at the end of a clause: comma, semicolon and colon, in Latin, Chinese
# (， ； ： 、) and Arabic (، ؛) script; and the full stops a semicolon replaces in a list.
CLAUSE_ENDS = ",;:\uff0c\uff1b\uff1a\u3001\u060c\u061b"
FULL_STOPS = ".\u3002\uff61\u06d4"


# An abbreviation whose full stop a list's ";" does not replace: "p.m.", "U.S.", "etc.".
ABBREVIATION_AT_END = re.compile(r"(?:(?<![\w.])(?:[A-Za-z]\.){2,}|\betc\.)$")


def end_sentence(text: str, mark: str = ".") -> str:
    """Make ``text`` end with ``mark`` (a full stop by default): a trailing ",", ";" or ":" is replaced.

    A text that already ends a sentence, in any script (:func:`ends_a_sentence`), keeps its end and
    gets no full stop; a list item's full stop gives way to the ";" of a list. The mark of an
    isolated text (see portal.core.bidi) goes after the isolate: it is the report's, not the State's.
    """
    opening, text, closing = split_isolate(text.rstrip())
    text = text.rstrip()
    if mark == ".":
        if ends_a_sentence(text):
            return opening + text + closing
        return opening + text.rstrip(CLAUSE_ENDS) + closing + "."
    if ABBREVIATION_AT_END.search(text):
        return opening + text + closing + mark  # "after 10 p.m.;": the full stop is the abbreviation's
    return opening + text.rstrip(FULL_STOPS + CLAUSE_ENDS) + closing + mark


def ends_a_sentence(text: str) -> bool:
    """Tell whether ``text`` ends with the end of a sentence, in any script, before closing quotation marks or brackets."""
    end = len(text)
    while end and (text[end - 1] in "\"'" or unicodedata.category(text[end - 1]) in ("Pe", "Pf", "Cf")):
        end -= 1
    return end > 0 and text[end - 1] in SENTENCE_ENDS


def sub_paragraphs(items: Sequence[str]) -> list[str]:
    """End each item as the sub-paragraphs of a list do: ";" after each, "." after the last."""
    return [end_sentence(item, ";") if index < len(items) - 1 else end_sentence(item.rstrip(";"))
            for index, item in enumerate(items)]
