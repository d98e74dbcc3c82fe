"""A control character stored before the portal refused them does not stop the report being compiled."""

from __future__ import annotations

import sqlalchemy as sa

from portal.accounts.services import find_user_by_email
from portal.demo.reports import create_2011_report
from tests.reports.test_compile import answers_of, block


def test_a_report_compiles_over_an_answer_holding_a_nul_and_shows_it(db, cycle_2011):
    answer = answers_of(db, cycle_2011, "CZE")[("SD-36", "measures")]
    # as a NUL reached the answers before: JSON text with the escape, which PostgreSQL's json type takes
    db.session.execute(sa.text("UPDATE answers SET value = :value WHERE id = :id"),
                       {"value": '"The Government adopted a law\\u0000 and a start-of-heading\\u0001mark."', "id": answer.id})
    db.session.expire_all()
    report, _summary = create_2011_report(cycle_2011, find_user_by_email("secretariat@example.org"))
    text = block(report, "state:CZE:SD-36").text
    assert "law\u2400 and a start-of-heading\u2401mark" in text
    assert "\x00" not in text and "\x01" not in text
