"""Two people change the same answer on their pages: the second save is refused, both texts kept."""

from portal.core.access import Role
from portal.submissions import services
from tests.answers.conftest import item, page_url, submission_of
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
    assert 'name="q-SD-6-examples" rows="8" aria-describedby="q-SD-6-examples-help q-SD-6-examples-conflict" aria-invalid="true">\nMy text: a new hotline.</textarea>' in page
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
