"""Saving answers, conflicts, history, progress, completeness and the review workflow."""

import pytest
import sqlalchemy as sa

from portal.core.access import Role
from portal.submissions import services
from portal.submissions.models import AnswerRevision, EventKind, Submission, SubmissionEvent, SubmissionStatus
from portal.submissions.services import AnswerChange, WorkflowError


def submission_of(db, cycle, code):
    return db.session.scalar(sa.select(Submission).where(Submission.cycle_id == cycle.id, Submission.state.has(code=code)))


def item(template, code):
    return next(i for i in template.items if i.code == code)


def test_opening_a_cycle_creates_each_submission_with_its_required_count(db, make_cycle, salvador):
    cycle = make_cycle(["CAN", "ARG", "JPN"])
    submissions = db.session.scalars(sa.select(Submission).where(Submission.cycle_id == cycle.id)).all()
    assert sorted(s.state.code for s in submissions) == ["ARG", "CAN", "JPN"]
    baseline = services.baseline_required(submissions[0])
    # Items addressed to States require the status up front; comment-only items require nothing.
    assert baseline["SD-2"] == 1 and baseline["SD-54"] == 0
    assert all(s.status is SubmissionStatus.NOT_STARTED and s.answered_count == 0 for s in submissions)
    assert submissions[0].required_count == sum(baseline.values())
    assert salvador.is_locked


def test_saving_answers_moves_progress_and_records_history(db, make_cycle, create_user, salvador):
    cycle = make_cycle()
    focal = create_user(Role.FOCAL_POINT, "CAN")
    submission = submission_of(db, cycle, "CAN")
    sd2 = item(salvador, "SD-2")
    result = services.save_answers(submission, focal, [AnswerChange(sd2.id, "status", "partially", 0)])
    assert not result.conflicts and not result.errors
    # "partially" makes measures required (shown) too: 1 of 2 answered for the item
    assert submission.item_progress["SD-2"] == [1, 2]
    assert submission.status is SubmissionStatus.DRAFT
    long_text = "Canada reported that ... " * 2000  # 50,000 characters, kept whole
    services.save_answers(submission, focal, [AnswerChange(sd2.id, "measures", long_text, 0)])
    assert submission.item_progress["SD-2"] == [2, 2]
    answers = services.answers_by_item(submission, [sd2.id])[sd2.id]
    assert answers["measures"].value == long_text
    services.save_answers(submission, focal, [AnswerChange(sd2.id, "status", "fully", 1)])
    history = services.answer_history(submission, sd2)
    assert [(code, rev.revision, before) for code, rev, before in history][:1] == [("status", 2, "partially")]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AnswerRevision)) == 3
    kinds = db.session.scalars(sa.select(SubmissionEvent.kind).where(SubmissionEvent.submission_id == submission.id)).all()
    assert kinds == [EventKind.OPENED, EventKind.STARTED]


def test_second_save_over_a_newer_answer_is_refused_with_both_versions(db, make_cycle, create_user, salvador):
    cycle = make_cycle()
    first, second = create_user(Role.FOCAL_POINT, "CAN"), create_user(Role.CONTRIBUTOR, "CAN")
    submission = submission_of(db, cycle, "CAN")
    sd5 = item(salvador, "SD-5")
    services.save_answers(submission, first, [AnswerChange(sd5.id, "examples", "First text", 0)])
    # both loaded revision 1; the first saves again, the second saves from the stale revision
    services.save_answers(submission, first, [AnswerChange(sd5.id, "examples", "First text, revised", 1)])
    result = services.save_answers(submission, second, [AnswerChange(sd5.id, "examples", "Second text", 1)])
    assert result.saved == []
    [conflict] = result.conflicts
    assert (conflict.yours, conflict.theirs, conflict.their_revision) == ("Second text", "First text, revised", 2)
    assert conflict.their_author == first.name
    assert services.answers_by_item(submission, [sd5.id])[sd5.id]["examples"].value == "First text, revised"


def test_invalid_values_name_the_problem_and_are_not_saved(db, make_cycle, create_user, salvador):
    cycle = make_cycle()
    focal = create_user(Role.FOCAL_POINT, "CAN")
    submission = submission_of(db, cycle, "CAN")
    sd2 = item(salvador, "SD-2")
    result = services.save_answers(
        submission,
        focal,
        [
            AnswerChange(sd2.id, "status", "maybe", 0),
            AnswerChange(sd2.id, "references", [{"title": "Act", "link": "javascript:alert(1)"}], 0),
            AnswerChange(sd2.id, "nonexistent", "x", 0),
        ],
    )
    assert result.saved == []
    assert result.errors[(sd2.id, "status")] == "Choose one of the options offered."
    assert "https://" in result.errors[(sd2.id, "references")]
    assert (sd2.id, "nonexistent") in result.errors


def test_other_states_and_staff_cannot_save(db, make_cycle, create_user, salvador):
    cycle = make_cycle()
    submission = submission_of(db, cycle, "CAN")
    for user in (create_user(Role.FOCAL_POINT, "ARG"), create_user(Role.SECRETARIAT)):
        with pytest.raises(WorkflowError):
            services.save_answers(submission, user, [AnswerChange(item(salvador, "SD-2").id, "status", "fully", 0)])


def fill_everything(submission, user, template):
    changes = []
    for it in template.items:
        codes = {q["code"] for q in it.questions}
        if "status" in codes:
            changes += [AnswerChange(it.id, "status", "fully", 0), AnswerChange(it.id, "measures", f"Measures for {it.code}.", 0)]
    changes += [
        AnswerChange(None, "focal_point_name", "Claire Tremblay", 0),
        AnswerChange(None, "focal_point_institution", "Department of Justice", 0),
        AnswerChange(None, "focal_point_email", "claire@justice.example", 0),
    ]
    result = services.save_answers(submission, user, changes)
    assert not result.errors, result.errors


def test_submission_requires_completeness_and_a_focal_point(db, make_cycle, create_user, salvador):
    cycle = make_cycle()
    focal, contributor = create_user(Role.FOCAL_POINT, "CAN"), create_user(Role.CONTRIBUTOR, "CAN")
    submission = submission_of(db, cycle, "CAN")
    missing = services.missing_answers(submission)
    assert missing[0].item.code == "SD-1" and missing[0].question["code"] == "status"
    assert missing[-1].item is None  # the general questions come last
    with pytest.raises(WorkflowError, match="missing"):
        services.submit_reply(submission, focal)
    fill_everything(submission, contributor, salvador)
    assert services.missing_answers(submission) == []
    assert submission.answered_count == submission.required_count
    with pytest.raises(WorkflowError, match="Only a focal point"):
        services.submit_reply(submission, contributor)
    services.submit_reply(submission, focal)
    assert submission.status is SubmissionStatus.SUBMITTED and submission.submitted_at is not None
    with pytest.raises(WorkflowError):  # frozen once submitted
        services.save_answers(submission, focal, [AnswerChange(item(salvador, "SD-2").id, "status", "partially", 1)])


def test_review_return_accept_and_reopen(db, make_cycle, create_user, salvador):
    cycle = make_cycle()
    focal, officer = create_user(Role.FOCAL_POINT, "CAN"), create_user(Role.SECRETARIAT)
    submission = submission_of(db, cycle, "CAN")
    fill_everything(submission, focal, salvador)
    services.submit_reply(submission, focal)
    with pytest.raises(WorkflowError):
        services.accept_reply(submission, focal)
    services.add_review_comment(submission, officer, item(salvador, "SD-26"), "Please describe juvenile justice measures.")
    services.return_for_revision(submission, officer, "See the comment on paragraph 26.")
    assert submission.status is SubmissionStatus.RETURNED
    services.save_answers(submission, focal, [AnswerChange(item(salvador, "SD-26").id, "measures", "Diversion programmes.", 1)])
    services.submit_reply(submission, focal)
    services.accept_reply(submission, officer)
    assert submission.status is SubmissionStatus.ACCEPTED
    services.request_reopening(submission, focal, "A new law was adopted.")
    with pytest.raises(WorkflowError, match="already"):
        services.request_reopening(submission, focal)
    services.reopen_reply(submission, officer)
    assert submission.status is SubmissionStatus.DRAFT and submission.accepted_at is None
    kinds = db.session.scalars(
        sa.select(SubmissionEvent.kind).where(SubmissionEvent.submission_id == submission.id).order_by(SubmissionEvent.id)
    ).all()
    assert kinds == [
        EventKind.OPENED, EventKind.STARTED, EventKind.SUBMITTED, EventKind.RETURNED, EventKind.SUBMITTED,
        EventKind.ACCEPTED, EventKind.REOPEN_REQUESTED, EventKind.REOPENED,
    ]


def test_unchanged_mark_satisfies_an_item(db, make_cycle, create_user, salvador):
    cycle = make_cycle()
    focal = create_user(Role.FOCAL_POINT, "CAN")
    submission = submission_of(db, cycle, "CAN")
    sd1 = item(salvador, "SD-1")
    assert any(m.item and m.item.code == "SD-1" for m in services.missing_answers(submission))
    services.save_answers(submission, focal, [AnswerChange(sd1.id, "_unchanged", "yes", 0)])
    assert not any(m.item and m.item.code == "SD-1" for m in services.missing_answers(submission))
    assert submission.item_progress["SD-1"] == [1, 1]


def test_no_return_or_reopening_once_the_cycle_is_closed(db, make_cycle, create_user, salvador):
    from portal.cycles.services import close_cycle

    cycle = make_cycle()
    focal, officer = create_user(Role.FOCAL_POINT, "CAN"), create_user(Role.SECRETARIAT)
    submission = submission_of(db, cycle, "CAN")
    fill_everything(submission, focal, salvador)
    services.submit_reply(submission, focal)
    close_cycle(cycle)
    for step in (lambda: services.return_for_revision(submission, officer), lambda: services.reopen_reply(submission, officer),
                 lambda: services.request_reopening(submission, focal)):
        with pytest.raises(WorkflowError, match="closed"):
            step()
    services.accept_reply(submission, officer)  # accepting what was submitted on time stays possible
    assert submission.status is SubmissionStatus.ACCEPTED


def test_comments_and_notes_keep_plain_line_breaks(db, make_cycle, create_user, salvador):
    cycle = make_cycle()
    officer = create_user(Role.SECRETARIAT)
    submission = submission_of(db, cycle, "CAN")
    comment = services.add_review_comment(submission, officer, item(salvador, "SD-5"), "  First line\r\nsecond line\r ")
    assert comment.body == "First line\nsecond line"
    with pytest.raises(WorkflowError):
        services.add_review_comment(submission, officer, None, " \r\n ")
