"""Helpers of the checklist page tests: a cycle with Canada's reply, URLs, answers saved by the services."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import sqlalchemy as sa

from portal.core.access import Role
from portal.submissions import services
from portal.submissions.models import Submission
from portal.submissions.services import AnswerChange

META_TOKEN = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


def submission_of(db, cycle, code: str = "CAN") -> Submission:
    return db.session.scalar(
        sa.select(Submission).where(Submission.cycle_id == cycle.id, Submission.state.has(code=code))
    )


def item(template, code: str):
    return next(i for i in template.items if i.code == code)


def page_url(cycle, theme: str | None = None, code: str = "CAN") -> str:
    base = f"/cycles/{cycle.key}/states/{code}"
    return f"{base}/themes/{theme}" if theme else f"{base}/general"


def save_url(cycle, code: str = "CAN") -> str:
    return f"/cycles/{cycle.key}/states/{code}/answers"


def meta_token(html: str) -> str:
    found = META_TOKEN.search(html)
    assert found, "the page has no csrf-token meta element"
    return found.group(1)


def post_json(client, cycle, changes, *, code: str = "CAN", theme: str = "standards-norms", page_code: str | None = None):
    """Post an autosave request the way answers.js does: JSON, with the page's CSRF token in X-CSRFToken."""
    token = meta_token(client.get(page_url(cycle, theme, page_code or code)).get_data(as_text=True))
    return client.post(save_url(cycle, code), json={"changes": changes}, headers={"X-CSRFToken": token})


def save(submission, user, template, *changes):
    """Save (item code or None, question, value, base revision) tuples with the services; fail on any problem."""
    result = services.save_answers(
        submission, user,
        [AnswerChange(item(template, code).id if code else None, question, value, base) for code, question, value, base in changes],
    )
    assert not result.errors and not result.conflicts, (result.errors, result.conflicts)
    return result


def fill_everything(submission, user, template, *, status: str = "fully"):
    """Answer every required question of the checklist, so that the reply can be submitted."""
    changes = []
    for it in template.items:
        if any(q["code"] == "status" for q in it.questions):
            changes += [AnswerChange(it.id, "status", status, 0), AnswerChange(it.id, "measures", f"Measures for {it.code}.", 0)]
    changes += [
        AnswerChange(None, "focal_point_name", "Claire Tremblay", 0),
        AnswerChange(None, "focal_point_institution", "Department of Justice", 0),
        AnswerChange(None, "focal_point_email", "claire@justice.example", 0),
    ]
    result = services.save_answers(submission, user, changes)
    assert not result.errors, result.errors


@pytest.fixture
def earlier_and_current(db, make_cycle, create_user, salvador):
    """Two cycles on the Salvador checklist: Canada replied to the 2021 one (submitted); the 2026 one is open."""

    def make(codes=("CAN", "ARG")):
        earlier = make_cycle(list(codes), key="salvador-2021", opens_on=dt.date(2021, 1, 15))
        focal = create_user(Role.FOCAL_POINT, "CAN", name="Earlier Focal Point")
        old = submission_of(db, earlier)
        fill_everything(old, focal, salvador, status="partially")
        save(old, focal, salvador,
             ("SD-2", "measures", "The Criminal Code was amended in 2019.", 1),
             ("SD-2", "references", [{"title": "Criminal Code", "citation": "R.S.C. 1985, c. C-46", "date": "1985-01-01",
                                      "link": "https://laws.example/C-46"}], 0),
             ("SD-2", "agencies", "Department of Justice", 0))
        services.submit_reply(old, focal)
        db.session.commit()
        current = make_cycle(list(codes), key="salvador-2026", opens_on=dt.date(2026, 1, 15))
        return earlier, current

    return make

