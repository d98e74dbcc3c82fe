"""The demonstration report: a draft on the 2011 cycle with the settings of E/CN.15/2011/15, compiled."""

from __future__ import annotations

import datetime as dt

from portal.accounts.models import User
from portal.core.extensions import db
from portal.cycles.models import ReportingCycle
from portal.reports.compile import CompileSummary, compile_report
from portal.reports.models import Report
from portal.reports.settings import ReportSettings

# The report of the Secretary-General to the Commission's twentieth session (seeds 000 and 003).
FOLLOW_UP_TITLE = (
    "Follow-up to the Twelfth United Nations Congress on Crime Prevention and Criminal Justice and preparations "
    "for the Thirteenth United Nations Congress on Crime Prevention and Criminal Justice"
)
SETTINGS_2011 = ReportSettings(
    symbol="E/CN.15/2011/15",
    organ="Economic and Social Council",
    distribution="General",
    date=dt.date(2011, 3, 3),
    original_language="English",
    body="Commission on Crime Prevention and Criminal Justice",
    session="Twentieth session",
    place_and_dates="Vienna, 11-15 April 2011",
    agenda_item="6",
    agenda_title=FOLLOW_UP_TITLE,
    agenda_symbol="E/CN.15/2011/1",
    title=FOLLOW_UP_TITLE,
    subtitle="Report of the Secretary-General",
    as_at=dt.date(2011, 1, 30),
    include="accepted",
    arrangement="by-state",
)


def create_2011_report(cycle: ReportingCycle, officer: User) -> tuple[Report, CompileSummary]:
    """Create the draft report on ``cycle`` with the settings of E/CN.15/2011/15 and compile it; flush only."""
    report = Report(cycle_id=cycle.id, settings=SETTINGS_2011.to_json(), created_by_id=officer.id)
    db.session.add(report)
    db.session.flush()
    return report, compile_report(report, user=officer)
