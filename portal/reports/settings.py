"""The settings of a compiled report: masthead, title block, which replies it includes and how it arranges them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

ARRANGEMENTS = ("by-state", "by-theme")
INCLUSIONS = ("accepted", "submitted")


@dataclasses.dataclass(frozen=True)
class ReportSettings:
    """Everything printed around the paragraphs, and the two choices that shape the body.

    ``include`` is "accepted" (accepted replies only) or "submitted" (accepted and submitted ones),
    counted as at ``as_at``; ``arrangement`` is "by-state" (as chapter III of E/CN.15/2011/15) or
    "by-theme" (the checklist's themes, with counted statements).
    """

    symbol: str = ""
    organ: str = "Economic and Social Council"
    distribution: str = "General"
    date: dt.date | None = None
    original_language: str = "English"
    body: str = "Commission on Crime Prevention and Criminal Justice"
    session: str = ""
    place_and_dates: str = ""
    agenda_item: str = ""
    agenda_title: str = ""
    agenda_symbol: str = ""
    title: str = ""
    subtitle: str = "Report of the Secretary-General"
    as_at: dt.date | None = None
    include: str = "accepted"
    arrangement: str = "by-state"
    table_of_contents: bool = False
    job_number: str = ""
    language: str = "en"

    def to_json(self) -> dict[str, Any]:
        """Return the settings as JSON-ready data (dates as ISO strings)."""
        data = dataclasses.asdict(self)
        for name in ("date", "as_at"):
            data[name] = data[name].isoformat() if data[name] else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> ReportSettings:
        """Read settings stored by :meth:`to_json`; unknown keys are ignored, missing ones take defaults."""
        data = dict(data or {})
        known = {field.name for field in dataclasses.fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        for name in ("date", "as_at"):
            if values.get(name):
                values[name] = dt.date.fromisoformat(values[name])
        return cls(**values)

    def replace(self, **changes: Any) -> ReportSettings:
        return dataclasses.replace(self, **changes)
