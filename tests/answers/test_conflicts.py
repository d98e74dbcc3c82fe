"""Two people change the same answer on their pages: the second save is refused, both texts kept."""

import datetime as dt

import sqlalchemy as sa

from portal.core.access import Role
from portal.submissions import services
from portal.submissions.services import AnswerChange
from tests.answers.conftest import item, page_url, save, submission_of
from tests.answers.test_saving import form_of
from tests.conftest import login


def test_the_second_page_save_is_refused_with_both_versions_side_by_side(app, client, login_as, make_cycle, create_user, db, salvador):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    contributor = create_user(Role.CONTRIBUTOR, "CAN", name="Jean Contributor")
    other = app.test_client()
    login(other, contributor)
    url = page_url(cycle, "gender-victims")
    mine, theirs = client.get(url).get_data(as_text=True), other.get(url).get_data(as_text=True)
    response = other.post(url, data={**form_of(theirs), "q-SD-6-examples": "Their text: 120 shelters opened."})
    assert response.status_code == 302
    response = client.post(url, data={**form_of(mine), "q-SD-6-examples": "My text: a new hotline.",
                                      "q-SD-7-examples": "Saved anyway."})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    conflict = page[page.index('id="q-SD-6-examples-conflict"'):]
    conflict = conflict[:conflict.index('</div>\n  <input type="hidden" name="their-rev')]
    assert "Their version (Jean Contributor" in conflict and "Their text: 120 shelters opened." in conflict
    assert "Your version" in conflict and "My text: a new hotline." in conflict
    # my text stays in the field, with the base revision I loaded, and the summary links to the field
    assert 'name="q-SD-6-examples" rows="8" aria-describedby="q-SD-6-examples-help q-SD-6-examples-conflict" aria-invalid="true" maxlength="100000" dir="auto">\nMy text: a new hotline.</textarea>' in page
    assert '<a href="#q-SD-6-examples">Paragraph 6, Examples of implementation' in page
    sd6, sd7 = item(salvador, "SD-6").id, item(salvador, "SD-7").id
    answers = services.answers_by_item(submission_of(db, cycle))
    assert answers[sd6]["examples"].value == "Their text: 120 shelters opened."
    assert answers[sd7]["examples"].value == "Saved anyway."

    # "Keep my version" saves mine over theirs, on purpose
    response = client.post(url, data={**form_of(page), "action": "keep-mine:q-SD-6-examples"})
    assert response.status_code == 302 and response.headers["Location"].endswith("#q-SD-6-examples")
    db.session.expire_all()  # the answers read above are in this test's session: read them afresh
    answer = services.answers_by_item(submission_of(db, cycle))[sd6]["examples"]
    assert (answer.value, answer.revision) == ("My text: a new hotline.", 2)


def test_taking_their_version_drops_mine(app, client, login_as, make_cycle, create_user, db, salvador):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    contributor = create_user(Role.CONTRIBUTOR, "CAN")
    other = app.test_client()
    login(other, contributor)
    url = page_url(cycle, "gender-victims")
    mine, theirs = client.get(url).get_data(as_text=True), other.get(url).get_data(as_text=True)
    other.post(url, data={**form_of(theirs), "q-SD-6-agencies": "Theirs."})
    page = client.post(url, data={**form_of(mine), "q-SD-6-agencies": "Mine."}).get_data(as_text=True)
    response = client.post(url, data={**form_of(page), "action": "take-theirs:q-SD-6-agencies"})
    assert response.status_code == 302
    assert services.answers_by_item(submission_of(db, cycle))[item(salvador, "SD-6").id]["agencies"].value == "Theirs."
    assert "Theirs." in client.get(url).get_data(as_text=True)


def _write_behind_the_session(db, answer_id: int, value: str, revision: int) -> None:
    """Change an answer the way another person's request does: on the database, unseen by this session."""
    from portal.submissions.models import Answer

    db.session.connection().execute(
        sa.update(Answer.__table__).where(Answer.__table__.c.id == answer_id).values(value=value, revision=revision)
    )


def test_a_save_racing_another_on_the_same_revision_is_refused_as_a_conflict(db, make_cycle, create_user, salvador):
    cycle = make_cycle()
    submission, focal = submission_of(db, cycle), create_user(Role.FOCAL_POINT, "CAN")
    sd6 = item(salvador, "SD-6").id
    save(submission, focal, salvador, ("SD-6", "examples", "First text.", 0))
    # Both people read revision 1; the other person's save reaches the database first.
    read_at_the_same_time = services.answers_by_item(submission, {sd6})
    _write_behind_the_session(db, read_at_the_same_time[sd6]["examples"].id, "Their text.", 2)

    result = services.save_answers(
        submission, focal, [AnswerChange(sd6, "examples", "My text.", 1)], current=read_at_the_same_time
    )

    assert not result.saved and [c.question_code for c in result.conflicts] == ["examples"]
    conflict = result.conflicts[0]
    assert (conflict.yours, conflict.theirs, conflict.their_revision) == ("My text.", "Their text.", 2)
    db.session.expire_all()
    assert services.answers_by_item(submission, {sd6})[sd6]["examples"].value == "Their text."


def test_two_first_answers_to_the_same_question_at_once_keep_one_and_refuse_the_other(db, make_cycle, create_user, salvador):
    from portal.submissions.models import Answer

    cycle = make_cycle()
    submission, focal = submission_of(db, cycle), create_user(Role.FOCAL_POINT, "CAN")
    sd7 = item(salvador, "SD-7").id
    read_at_the_same_time = services.answers_by_item(submission, {sd7})
    db.session.connection().execute(sa.insert(Answer.__table__).values(
        submission_id=submission.id, item_id=sd7, question_code="agencies", value="Their agencies.", revision=1,
        updated_at=dt.datetime.now(dt.timezone.utc),
    ))

    result = services.save_answers(
        submission, focal, [AnswerChange(sd7, "agencies", "My agencies.", 0)], current=read_at_the_same_time
    )

    assert not result.saved and result.conflicts[0].theirs == "Their agencies."
    assert result.conflicts[0].yours == "My agencies."


def test_a_summary_link_to_a_group_of_options_leads_to_the_option_chosen_else_to_the_first(
    app, client, login_as, make_cycle, create_user, db, salvador
):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    other = app.test_client()
    login(other, create_user(Role.CONTRIBUTOR, "CAN"))
    url = page_url(cycle, "standards-norms")
    mine, theirs = client.get(url).get_data(as_text=True), other.get(url).get_data(as_text=True)
    other.post(url, data={**form_of(theirs), "q-SD-1-status": "fully"})
    page = client.post(url, data={**form_of(mine), "action": "save", "q-SD-1-status": "partially"}).get_data(as_text=True)
    # my choice is kept on the page, and the link puts the cursor on it
    assert 'value="partially" checked' in page
    assert '<a href="#q-SD-1-status-partially">Paragraph 1, Status of implementation: Not saved' in page
    assert '<a href="#q-SD-2-status-fully">Paragraph 2, Status of implementation</a>' in page  # missing: none chosen
