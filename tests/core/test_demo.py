"""The demonstration data that `make run` loads: accounts, and two reporting cycles."""

import sqlalchemy as sa

from portal.accounts.models import User
from portal.core.access import Role
from portal.cycles.models import CycleStatus, ReportingCycle
from portal.mail.models import OutboxMessage
from portal.submissions.models import Answer, AnswerRevision, Submission, SubmissionEvent, SubmissionStatus
from tests.conftest import login


def count(db, model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def replies(db, key: str) -> dict[str, Submission]:
    cycle = db.session.scalar(sa.select(ReportingCycle).where(ReportingCycle.key == key))
    return {s.state.code: s for s in db.session.scalars(sa.select(Submission).where(Submission.cycle_id == cycle.id))}


def test_demo_command_creates_accounts_that_can_sign_in(app, client, db):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["demo", "--password", "demo-password-x"])
    assert result.exit_code == 0, result.output
    assert "admin@example.org" in result.output and "focal.can@example.org" in result.output
    again = runner.invoke(args=["demo", "--password", "demo-password-x"])
    assert again.exit_code == 0
    users = {u.email: u for u in db.session.scalars(sa.select(User).where(User.email.like("%@example.org")))}
    assert users["admin@example.org"].role is Role.ADMINISTRATOR
    assert users["focal.cze@example.org"].state.code == "CZE"
    login(client, users["focal.cze@example.org"], password="demo-password-x")
    assert "Czechia" in client.get("/dashboard").get_data(as_text=True)


def test_demo_creates_a_closed_2011_cycle_and_an_open_2026_cycle_once(app, client, db):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["demo", "--password", "demo-password-x"])
    assert result.exit_code == 0, result.output
    assert "salvador-2011: created, closed, 8 replies accepted" in result.output
    assert "salvador-2026: created and opened, 193 States invited, 5 replies begun" in result.output
    db.session.expire_all()
    cycles = {c.key: c for c in db.session.scalars(sa.select(ReportingCycle))}
    assert cycles["salvador-2011"].title == "Follow-up to the Salvador Declaration, 2011"
    assert cycles["salvador-2011"].status is CycleStatus.CLOSED
    assert str(cycles["salvador-2011"].opens_on) == "2010-12-21" and str(cycles["salvador-2011"].cutoff_on) == "2011-01-30"
    assert cycles["salvador-2026"].status is CycleStatus.OPEN
    assert (str(cycles["salvador-2026"].deadline), str(cycles["salvador-2026"].cutoff_on)) == ("2027-01-31", "2027-02-15")

    earlier = replies(db, "salvador-2011")
    assert sorted(earlier) == ["ARG", "CAN", "CZE", "ECU", "JOR", "JPN", "MLT", "PRT"]
    assert {s.status for s in earlier.values()} == {SubmissionStatus.ACCEPTED}
    assert all(s.answered_count == s.required_count for s in earlier.values())
    assert earlier["CAN"].submitted_at.date().isoformat() == "2011-01-21"

    current = replies(db, "salvador-2026")
    assert len(current) == 193
    assert {code for code, s in current.items() if s.status is SubmissionStatus.DRAFT} == {"ARG", "CAN", "CZE", "JPN"}
    assert current["PRT"].status is SubmissionStatus.SUBMITTED
    assert sum(s.status is SubmissionStatus.NOT_STARTED for s in current.values()) == 188
    assert 0 < current["CAN"].answered_count < current["CAN"].required_count
    # the focal point rewrote the contributor's draft: two revisions of that answer, by two people
    can_revisions = db.session.scalars(
        sa.select(AnswerRevision).join(Answer).where(Answer.submission_id == current["CAN"].id, Answer.question_code == "measures")
        .order_by(AnswerRevision.answer_id, AnswerRevision.revision)
    ).all()
    assert len({r.changed_by_id for r in can_revisions}) == 2 and max(r.revision for r in can_revisions) == 2
    long_answers = db.session.scalars(sa.select(Answer.value).where(Answer.question_code == "measures")).all()
    assert any(value.count("\n\n") >= 4 for value in long_answers)  # several paragraphs
    invitations = db.session.scalars(sa.select(OutboxMessage).where(OutboxMessage.subject.like("%Salvador Declaration, 2026%"))).all()
    assert {m.recipient for m in invitations} >= {"focal.can@example.org", "focal.prt@example.org"}
    assert "http://portal.test/cycles/salvador-2026/states/CAN/" in next(m.body for m in invitations if m.recipient == "focal.can@example.org")

    totals = {model: count(db, model) for model in (ReportingCycle, Submission, Answer, AnswerRevision, SubmissionEvent, OutboxMessage)}
    again = runner.invoke(args=["demo", "--password", "demo-password-x"])
    assert again.exit_code == 0, again.output
    assert "salvador-2011: exists, left as it is" in again.output and "salvador-2026: exists, left as it is" in again.output
    assert {model: count(db, model) for model in totals} == totals

    focal = db.session.scalar(sa.select(User).where(User.email == "focal.can@example.org"))
    login(client, focal, password="demo-password-x")
    page = client.get("/dashboard").get_data(as_text=True)
    assert "Follow-up to the Salvador Declaration, 2026" in page and "Follow-up to the Salvador Declaration, 2011" in page


def test_demo_refuses_a_weak_password(app, db):
    result = app.test_cli_runner().invoke(args=["demo", "--password", "short"])
    assert result.exit_code != 0 and "at least" in result.output


def test_the_demo_cycles_use_the_current_version_and_store_proposals_as_entries(app, db):
    result = app.test_cli_runner().invoke(args=["demo", "--password", "demo-password-x"])
    assert result.exit_code == 0, result.output
    cycles = {c.key: c for c in db.session.scalars(sa.select(ReportingCycle))}
    assert {key: (c.template.key, c.template.version) for key, c in cycles.items()} == {
        "salvador-2011": ("salvador-declaration", 3), "salvador-2026": ("salvador-declaration", 3)}
    proposals = ("tools_training", "follow_up_proposals", "congress_efficiency", "next_congress")
    values = db.session.execute(sa.select(Answer.question_code, Answer.value).where(
        Answer.item_id.is_(None), Answer.question_code.in_(proposals))).all()
    assert values and all(isinstance(value, list) and value and all(isinstance(e, str) and e.strip() for e in value)
                          for _code, value in values)
    portugal = replies(db, "salvador-2026")["PRT"]
    tools = db.session.scalar(sa.select(Answer.value).where(Answer.submission_id == portugal.id,
                                                            Answer.question_code == "tools_training"))
    assert tools == ["Tools and training on the management of seized and confiscated assets.",
                     "Tools and training on the return of assets between States under chapter V of the Convention "
                     "against Corruption."]
    # Portugal copied its 2011 answers into the items it had not answered: they are marked as carried forward.
    carried = set(db.session.scalars(sa.select(Answer.carried_from_cycle_id).where(Answer.submission_id == portugal.id)))
    assert carried == {cycles["salvador-2011"].id, None}


def test_the_demo_loader_fits_each_value_to_its_question(db, salvador):
    from portal.demo.cycles import _fitted

    general = salvador.general_questions
    assert _fitted(general, "tools_training", ["a", "b"]) == ["a", "b"]
    assert _fitted(general, "tools_training", "one text") == ["one text"]
    assert _fitted(general, "institutions_consulted", ["Ministry of Justice", "Police"]) == "Ministry of Justice\nPolice"
    assert _fitted(general, "focal_point_name", "Ana Pereira") == "Ana Pereira"
