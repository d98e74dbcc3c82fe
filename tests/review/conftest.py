"""Replies to fill, submit and review: a cycle on the Salvador checklist with Canada and Argentina invited."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import sqlalchemy as sa

from portal.checklists.models import ChecklistItem, ChecklistTemplate
from portal.core.access import Role
from portal.cycles.models import ReportingCycle
from portal.submissions import services
from portal.submissions.models import Submission
from portal.submissions.services import AnswerChange

STATUS_ITEMS_ANSWER = "fully"


def submission_of(db, cycle: ReportingCycle, code: str) -> Submission:
    return db.session.scalar(
        sa.select(Submission).where(Submission.cycle_id == cycle.id, Submission.state.has(code=code))
    )


def item(template: ChecklistTemplate, code: str) -> ChecklistItem:
    return next(i for i in template.items if i.code == code)


def complete_changes(template: ChecklistTemplate, overrides: dict[tuple[str | None, str], object] | None = None):
    """Return the answers that make a reply complete: status and measures of every item that asks them,
    and the focal point's details; ``overrides`` ({(item code or None, question code): value}) add or replace."""
    values: dict[tuple[str | None, str], object] = {}
    for it in template.items:
        if any(q["code"] == "status" for q in it.questions):
            values[(it.code, "status")] = STATUS_ITEMS_ANSWER
            values[(it.code, "measures")] = f"Measures for {it.code}."
    values[(None, "focal_point_name")] = "Claire Tremblay"
    values[(None, "focal_point_institution")] = "Department of Justice"
    values[(None, "focal_point_email")] = "claire@justice.example"
    values.update(overrides or {})
    ids = {it.code: it.id for it in template.items}
    return [
        AnswerChange(ids[code] if code else None, question, value, 0) for (code, question), value in values.items()
    ]


def fill(submission: Submission, user, template: ChecklistTemplate, overrides=None) -> None:
    result = services.save_answers(submission, user, complete_changes(template, overrides))
    assert not result.errors and not result.conflicts, (result.errors, result.conflicts)


@dataclass
class Reply:
    cycle: ReportingCycle
    submission: Submission
    template: ChecklistTemplate
    focal: object
    contributor: object
    officer: object

    @property
    def url(self) -> str:
        return f"/cycles/{self.cycle.key}/states/{self.submission.state.code}"


@pytest.fixture
def reply(db, make_cycle, create_user, salvador) -> Reply:
    """Canada's reply in an open cycle, not started, with a focal point, a contributor and an officer."""
    cycle = make_cycle(["CAN", "ARG"])
    return Reply(
        cycle=cycle,
        submission=submission_of(db, cycle, "CAN"),
        template=salvador,
        focal=create_user(Role.FOCAL_POINT, "CAN", name="Claire Tremblay"),
        contributor=create_user(Role.CONTRIBUTOR, "CAN", name="Marc Gagnon"),
        officer=create_user(Role.SECRETARIAT, name="Sami Secretariat"),
    )


@pytest.fixture
def submitted(db, reply) -> Reply:
    """Canada's reply, complete and submitted by its focal point."""
    fill(reply.submission, reply.focal, reply.template)
    services.submit_reply(reply.submission, reply.focal)
    db.session.commit()
    return reply
