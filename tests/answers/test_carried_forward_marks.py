"""An answer copied from the last report stays marked as carried forward, wherever it appears, until someone changes it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import sqlalchemy as sa

from portal.core.access import Role
from portal.reports import services as reports
from portal.reports.compile import compile_report
from portal.reports.models import ReportBlock
from portal.reports.settings import ReportSettings
from portal.submissions import services
from tests.answers.conftest import item, page_url, save, submission_of
from tests.conftest import csrf_fields, login

EARLIER = "Follow-up to the Salvador Declaration (salvador-2021)"
MARK = f"Carried forward from the reply to “{EARLIER}” and unchanged since"


def copy_everything(client, cycle) -> None:
    url = f"/cycles/{cycle.key}/states/CAN/carry-forward"
    page = client.get(url).get_data(as_text=True)
    assert client.post(url, data={**csrf_fields(page), "confirm": "yes"}).status_code == 302


def test_copied_answers_are_marked_until_changed_on_every_page_the_export_and_the_report(
        app, client, db, salvador, earlier_and_current, create_user):
    _earlier, cycle = earlier_and_current()
    focal = create_user(Role.FOCAL_POINT, "CAN", name="Claire Tremblay")
    login(client, focal)
    copy_everything(client, cycle)
    submission = submission_of(db, cycle)
    # The focal point rewrites one copied answer (SD-3's measures); SD-2's stay as copied.
    sd3 = services.answers_by_item(submission)[item(salvador, "SD-3").id]["measures"]
    save(submission, focal, salvador, ("SD-3", "measures", "A new law was adopted in 2025.", sd3.revision))
    db.session.commit()

    # The theme page: beside the copied answer, tied to its field; not beside the rewritten one.
    page = client.get(page_url(cycle, "standards-norms")).get_data(as_text=True)
    assert MARK in page
    assert 'id="q-SD-2-measures-carried"' in page
    field = re.search(r'<textarea id="q-SD-2-measures"[^>]*>', page).group(0)
    assert "q-SD-2-measures-carried" in re.search(r'aria-describedby="([^"]*)"', field).group(1).split()
    assert 'id="q-SD-3-measures-carried"' not in page
    # The history says which change was a copy.
    history = client.get(f"/cycles/{cycle.key}/states/CAN/items/SD-2/history").get_data(as_text=True)
    assert f"copied from the reply to “{EARLIER}”" in history

    # The export: a column with the earlier cycle's key, empty for what the State wrote.
    officer = app.test_client()
    login(officer, create_user(Role.SECRETARIAT))
    export = officer.get(f"/exports/download?cycle={cycle.key}&kind=long.csv").get_data(as_text=True)
    rows = {(row["item_code"], row["question_code"]): row for row in csv.DictReader(io.StringIO(export.lstrip("\ufeff")))}
    assert rows[("SD-2", "measures")]["carried_forward_from"] == "salvador-2021"
    assert rows[("SD-3", "measures")]["carried_forward_from"] == ""

    # The review page.
    services.submit_reply(submission, focal)
    db.session.commit()
    review = officer.get(f"/cycles/{cycle.key}/states/CAN/review").get_data(as_text=True)
    sd2 = review[review.index('id="item-SD-2"'):review.index('id="item-SD-3"')]
    sd3_part = review[review.index('id="item-SD-3"'):review.index('id="item-SD-4"')]
    assert f"carried forward from the reply to “{EARLIER}”, unchanged" in sd2
    [rewritten] = [answer for answer in sd3_part.split('<div class="review-answer')[1:]
                   if "A new law was adopted in 2025." in answer]
    assert "carried forward" not in rewritten and "is-carried" not in rewritten
    assert "carried forward" in sd3_part  # its other answers (the status) are still the copied ones

    # The report: paragraphs written from a carried answer are flagged for the editor; the rewritten one is not.
    services.accept_reply(submission, create_user(Role.SECRETARIAT))
    db.session.commit()
    report = reports.create_report(cycle, user=None, settings=ReportSettings(as_at=dt.date.today()))
    compile_report(report, user=None)
    db.session.commit()
    blocks = {block.key: block for block in db.session.scalars(sa.select(ReportBlock).where(ReportBlock.report_id == report.id))}
    carried_reason = f"unchanged since the reply to “{EARLIER}”"
    assert any(carried_reason in flag["reason"] for flag in blocks["state:CAN:SD-2"].flags)
    assert not any(carried_reason in flag["reason"] for flag in blocks["state:CAN:SD-3"].flags or [])
    editor_block = officer.get(f"/cycles/{cycle.key}/reports/{report.id}/blocks/{blocks['state:CAN:SD-2'].id}")
    assert editor_block.status_code == 200
    assert f"carried forward from the reply to “{EARLIER}”" in editor_block.get_data(as_text=True)
