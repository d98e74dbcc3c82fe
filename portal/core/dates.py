"""Dates and times as the reader's language writes them, through Babel.

English pages write dates as United Nations documents do ("31 January 2027"); the other languages
take the long and medium formats of their locale ("31 janvier 2027", "31 января 2027 г.",
"2027年1月31日"). Times are on a 24-hour clock, in UTC, which the pages say.
"""

from __future__ import annotations

import datetime as dt

from babel import Locale
from flask import Flask
from flask_babel import format_date, format_time, get_locale

# The patterns of English pages: UN documents write the day first and the month in words.
ENGLISH = {"long": "d MMMM y", "medium": "d MMM y"}


def _day(value: dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc)
        return value.date()
    return value


def _pattern(length: str) -> str:
    locale = get_locale()
    return ENGLISH[length] if locale is None or locale.language == "en" else length


def long_date(value: dt.date | dt.datetime | None) -> str:
    """"31 January 2027", "31 janvier 2027", "2027年1月31日"; a timestamp by its UTC date."""
    return format_date(_day(value), _pattern("long")) if value is not None else ""


def medium_date(value: dt.date | dt.datetime | None) -> str:
    """"31 Jan 2027", "31 janv. 2027", for tables."""
    return format_date(_day(value), _pattern("medium")) if value is not None else ""


def _with_time(day: str, value: dt.datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    locale = get_locale() or Locale("en")
    time = format_time(value.time(), "HH:mm")
    joined = locale.datetime_formats.get("medium", "{1}, {0}")
    return str(joined).replace("{1}", day).replace("{0}", time)


def long_datetime(value: dt.datetime | None) -> str:
    """"31 January 2027, 14:05" in the reader's language (the time in UTC)."""
    return _with_time(long_date(value), value) if value is not None else ""


def medium_datetime(value: dt.datetime | None) -> str:
    """"31 Jan 2027, 14:05" in the reader's language, for tables (the time in UTC)."""
    return _with_time(medium_date(value), value) if value is not None else ""


def init_dates(app: Flask) -> None:
    for function in (long_date, medium_date, long_datetime, medium_datetime):
        app.add_template_filter(function)
