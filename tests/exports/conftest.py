"""A cycle with answered replies, for the export tests."""

import pytest
import sqlalchemy as sa

from portal.core.access import Role
from portal.submissions import services
from portal.submissions.models import Submission
from portal.submissions.services import AnswerChange

# An answer to an entries question: one proposal per entry, with a comma, quotes, a line break and a formula.
TOOLS_TRAINING = ["Tools on asset recovery, under chapter V", "Training on \"cybercrime\"\nfor judges", "=1+1 is text"]
HOSTILE = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\tTabbed", "\rReturn"]


def item(template, code):
    return next(i for i in template.items if i.code == code)


@pytest.fixture
def answered_cycle(db, make_cycle, create_user, salvador):
    """A cycle of Argentina, Canada and Japan: Canada submitted with varied answers, Argentina a draft."""
    cycle = make_cycle(["ARG", "CAN", "JPN"])
    can_focal = create_user(Role.FOCAL_POINT, "CAN", email="focal.export@example.org")
    arg_focal = create_user(Role.FOCAL_POINT, "ARG")
    can = db.session.scalar(sa.select(Submission).where(Submission.cycle_id == cycle.id, Submission.state.has(code="CAN")))
    arg = db.session.scalar(sa.select(Submission).where(Submission.cycle_id == cycle.id, Submission.state.has(code="ARG")))
    changes = []
    for it in salvador.items:
        if any(q["code"] == "status" for q in it.questions):
            changes += [AnswerChange(it.id, "status", "fully", 0), AnswerChange(it.id, "measures", f"Canada reported measures on paragraph {it.paragraph}.", 0)]
    sd26 = item(salvador, "SD-26")
    changes += [
        AnswerChange(sd26.id, "status", "partially", 1),
        AnswerChange(sd26.id, "measures", "Line one,\nline two with \"quotes\" and, commas.\r\nLine three.", 1),
        AnswerChange(sd26.id, "challenges", ["resources", "coordination"], 0),
        AnswerChange(sd26.id, "references", [{"title": "Youth Criminal Justice Act", "citation": "S.C. 2002, c. 1", "date": "2002-02-19", "link": "https://laws.example/ycja"}], 0),
        AnswerChange(sd26.id, "examples", HOSTILE[0], 0),
        AnswerChange(sd26.id, "agencies", HOSTILE[1], 0),
        AnswerChange(None, "focal_point_name", "Claire Tremblay", 0),
        AnswerChange(None, "focal_point_institution", "Department of Justice Canada", 0),
        AnswerChange(None, "focal_point_email", "claire@justice.example", 0),
        AnswerChange(None, "tools_training", TOOLS_TRAINING, 0),
    ]
    # the later changes to SD-26 start from revision 1 of the status and measures saved above
    first = [c for c in changes if not (c.item_id == sd26.id and c.base_revision == 1)]
    second = [c for c in changes if c.item_id == sd26.id and c.base_revision == 1]
    assert not services.save_answers(can, can_focal, first).errors
    assert not services.save_answers(can, can_focal, second).errors
    services.submit_reply(can, can_focal)
    assert not services.save_answers(arg, arg_focal, [AnswerChange(item(salvador, "SD-2").id, "status", "planned", 0)]).errors
    db.session.commit()
    return cycle
