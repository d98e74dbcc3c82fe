"""The demonstration cycles: ``salvador-2011`` (closed, eight replies accepted) and ``salvador-2026`` (open).

Everything goes through the services the pages use (create, open, save answers, submit, accept,
close), so progress, the history of each answer and each reply's timeline are real. A cycle that
exists already is left as it is, so loading the demonstration data twice duplicates nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from portal.accounts.models import User
from portal.accounts.services import find_user_by_email
from portal.checklists.models import ChecklistTemplate
from portal.checklists.services import find_template
from portal.core.extensions import db
from portal.cycles import services as cycles
from portal.cycles.models import ReportingCycle
from portal.demo.reports import create_2011_report
from portal.demo.replies_2011 import REPLIES_2011, TIMELINE_2011
from portal.demo.replies_2026 import REPLIES_2026, SUBMITTED_2026
from portal.states.services import find_state
from portal.submissions import rules
from portal.submissions import services as submissions
from portal.submissions.models import Answer, AnswerRevision, EventKind, Submission, SubmissionEvent
from portal.submissions.services import AnswerChange

# Version 2 asks the proposals (tools and training, follow-up, the congresses) as lists of entries.
TEMPLATE_KEY, TEMPLATE_VERSION = "salvador-declaration", 3


@dataclass(frozen=True)
class DemoCycle:
    key: str
    title: str
    opens_on: dt.date
    deadline: dt.date
    cutoff_on: dt.date


SALVADOR_2011 = DemoCycle(
    "salvador-2011", "Follow-up to the Salvador Declaration, 2011",
    dt.date(2010, 12, 21), dt.date(2011, 1, 30), dt.date(2011, 1, 30),
)
SALVADOR_2026 = DemoCycle(
    "salvador-2026", "Follow-up to the Salvador Declaration, 2026",
    dt.date(2026, 10, 1), dt.date(2027, 1, 31), dt.date(2027, 2, 15),
)

# The eight States that had replied by 30 January 2011 (E/CN.15/2011/15, para. 6).
STATES_2011 = ("ARG", "CAN", "CZE", "ECU", "JPN", "JOR", "MLT", "PRT")


class DemoDataError(RuntimeError):
    """The demonstration data does not fit the checklist (a wrong item or question code, an invalid value)."""


def load_demo_cycles() -> list[str]:
    """Create the demonstration cycles that do not exist yet; return a line saying what became of each."""
    template = find_template(TEMPLATE_KEY, TEMPLATE_VERSION)
    if template is None:
        raise DemoDataError(f"the checklist {TEMPLATE_KEY} version {TEMPLATE_VERSION} is not imported")
    officer = _user("secretariat@example.org")
    lines = []
    if cycles.find_cycle(SALVADOR_2011.key) is None:
        create_2011_cycle(template, officer)
        lines.append(f"{SALVADOR_2011.key}: created, closed, {len(STATES_2011)} replies accepted")
        _, compiled = create_2011_report(cycles.find_cycle(SALVADOR_2011.key), officer)
        lines.append(f"{SALVADOR_2011.key}: draft report compiled, {compiled.added} blocks")
    else:
        lines.append(f"{SALVADOR_2011.key}: exists, left as it is")
    if cycles.find_cycle(SALVADOR_2026.key) is None:
        count = _create_2026(template, officer)
        lines.append(f"{SALVADOR_2026.key}: created and opened, {count} States invited, {len(REPLIES_2026)} replies begun")
    else:
        lines.append(f"{SALVADOR_2026.key}: exists, left as it is")
    return lines


def _user(email: str) -> User:
    user = find_user_by_email(email)
    if user is None:
        raise DemoDataError(f"the demonstration account {email} is missing")
    return user


def focal_point(code: str) -> User:
    return _user(f"focal.{code.lower()}@example.org")


def contributor(code: str) -> User:
    return _user(f"contributor.{code.lower()}@example.org")


def _create(spec: DemoCycle, template: ChecklistTemplate, states: list, officer: User) -> ReportingCycle:
    return cycles.create_cycle(
        key=spec.key, title=spec.title, template=template, opens_on=spec.opens_on, deadline=spec.deadline,
        cutoff_on=spec.cutoff_on, states=states, created_by=officer,
    )


def _submission(cycle: ReportingCycle, code: str) -> Submission:
    return db.session.scalar(
        sa.select(Submission).where(Submission.cycle_id == cycle.id, Submission.state.has(code=code))
    )


def save(submission: Submission, user: User, template: ChecklistTemplate, items: dict[str, dict[str, Any]],
         general: dict[str, Any] | None = None, *, carried_from_cycle_id: int | None = None) -> None:
    """Save answers given as {item code: {question code: value}} (and general answers) as ``user``.

    A value is fitted to its question (:func:`portal.submissions.rules.fitted_value`): for a list of
    entries, a list is stored as it is and one text as one entry; for a long text, a list is joined
    a line per entry. So the replies read the same whichever version of the checklist they fill.
    """
    items_by_code = {item.code: item for item in template.items}
    current = submissions.answers_by_item(submission)
    changes = []
    for code, answers in items.items():
        if code not in items_by_code:
            raise DemoDataError(f"{submission.state.code}: no item {code} in the checklist")
        item = items_by_code[code]
        existing = current.get(item.id, {})
        for question, value in answers.items():
            base = existing[question].revision if question in existing else 0
            changes.append(AnswerChange(item.id, question, _fitted(item.questions, question, value), base))
    existing = current.get(None, {})
    for question, value in (general or {}).items():
        changes.append(AnswerChange(None, question, _fitted(template.general_questions, question, value),
                                    existing[question].revision if question in existing else 0))
    result = submissions.save_answers(submission, user, changes, carried_from_cycle_id=carried_from_cycle_id)
    if result.errors or result.conflicts:
        raise DemoDataError(f"{submission.state.code}: {result.errors or result.conflicts}")


def _fitted(questions: list[dict[str, Any]], code: str, value: Any) -> Any:
    question = next((q for q in questions if q["code"] == code), None)
    return rules.fitted_value(question, value) if question is not None else value


def unanswered_status_items(submission: Submission, template: ChecklistTemplate) -> dict[str, dict[str, str]]:
    """Return "no information" for every item asking a status that has none yet.

    The States of 2011 wrote only about what they chose; the checklist makes the rest explicit.
    """
    answered = submissions.answers_by_item(submission)
    return {
        item.code: {"status": "no_information"}
        for item in template.items
        if any(q["code"] == "status" for q in item.questions) and "status" not in answered.get(item.id, {})
    }


def _contact_answers(contact: tuple[str, str, str, str, str]) -> dict[str, str]:
    name, title, institution, email, phone = contact
    return {
        "focal_point_name": name, "focal_point_title": title, "focal_point_institution": institution,
        "focal_point_email": email, "focal_point_phone": phone,
    }


def create_2011_cycle(template: ChecklistTemplate, officer: User) -> None:
    states = [find_state(code) for code in STATES_2011]
    cycle = _create(SALVADOR_2011, template, states, officer)
    cycles.open_cycle(cycle, officer)
    for code in STATES_2011:
        reply, person = REPLIES_2011[code], focal_point(code)
        submission = _submission(cycle, code)
        save(submission, person, template, reply["items"], {**_contact_answers(reply["contact"]), **reply["general"]})
        save(submission, person, template, unanswered_status_items(submission, template))
        submissions.submit_reply(submission, person)
        submissions.accept_reply(submission, officer)
        _backdate_reply(submission, *TIMELINE_2011[code])
    cycles.close_cycle(cycle)
    cycle.created_at = _at("2010-12-20", 16)
    cycle.opened_at = _at("2010-12-21", 9)
    cycle.closed_at = _at("2011-02-01", 17)
    db.session.execute(
        sa.update(SubmissionEvent)
        .where(SubmissionEvent.kind == EventKind.OPENED)
        .where(SubmissionEvent.submission_id.in_(sa.select(Submission.id).where(Submission.cycle_id == cycle.id)))
        .values(at=cycle.opened_at)
    )
    db.session.flush()


def _at(day: str, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=dt.timezone.utc)


def _backdate_reply(submission: Submission, started: str, submitted: str, accepted: str) -> None:
    """Move a 2011 reply's dates to when it was written, submitted and accepted, in the history too."""
    answered_at, submitted_at, accepted_at = _at(started, 10, 30), _at(submitted, 15), _at(accepted, 11)
    answer_ids = sa.select(Answer.id).where(Answer.submission_id == submission.id)
    db.session.execute(sa.update(Answer).where(Answer.submission_id == submission.id).values(updated_at=answered_at))
    db.session.execute(sa.update(AnswerRevision).where(AnswerRevision.answer_id.in_(answer_ids)).values(changed_at=answered_at))
    for kind, at in ((EventKind.STARTED, answered_at), (EventKind.SUBMITTED, submitted_at), (EventKind.ACCEPTED, accepted_at)):
        db.session.execute(
            sa.update(SubmissionEvent)
            .where(SubmissionEvent.submission_id == submission.id, SubmissionEvent.kind == kind)
            .values(at=at)
        )
    submission.created_at = _at("2010-12-21", 9)
    submission.submitted_at, submission.accepted_at, submission.last_activity_at = submitted_at, accepted_at, accepted_at


def _create_2026(template: ChecklistTemplate, officer: User) -> int:
    states = cycles.states_for_invitation(everyone=True)
    cycle = _create(SALVADOR_2026, template, states, officer)
    cycles.open_cycle(cycle, officer)
    cycles.invite_focal_points(cycle)
    for code, reply in REPLIES_2026.items():
        submission = _submission(cycle, code)
        focal = focal_point(code)
        if reply.get("by_contributor"):
            save(submission, contributor(code), template, reply["by_contributor"])
        save(submission, focal, template, reply.get("by_focal_point", {}), reply.get("general"))
        if reply.get("revisions"):
            save(submission, focal, template, reply["revisions"])
        if code == SUBMITTED_2026:
            _carry_forward(submission, focal, template)
            save(submission, focal, template, unanswered_status_items(submission, template))
            submissions.submit_reply(submission, focal)
    return len(states)


def _carry_forward(submission: Submission, user: User, template: ChecklistTemplate) -> None:
    """Copy the State's answers of the earlier cycle into the items it has not answered yet."""
    earlier = cycles.previous_submission(submission)
    if earlier is None:
        return
    codes = {item.id: item.code for item in template.items}
    mine = submissions.answers_by_item(submission)
    copied = {
        codes[item_id]: {question: answer.value for question, answer in answers.items()}
        for item_id, answers in submissions.answers_by_item(earlier).items()
        if item_id is not None and item_id not in mine and answers.get("status") and answers["status"].value != "no_information"
    }
    # Marked as carried forward, as the portal's copy marks them: the 2026 draft flags what is still 2011's.
    save(submission, user, template, copied, carried_from_cycle_id=earlier.cycle_id)
