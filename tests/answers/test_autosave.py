"""The autosave endpoint: JSON in, revisions, per-field errors and conflicts out."""

import datetime as dt

from portal.core.access import Role
from portal.submissions import services
from tests.answers.conftest import item, page_url, post_json, save, save_url, submission_of
from tests.conftest import login


def test_saving_returns_new_revisions_and_progress(client, login_as, make_cycle, db, salvador):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    response = post_json(client, cycle, [
        {"item": "SD-2", "question": "status", "value": "partially", "base_revision": 0},
        {"item": None, "question": "focal_point_name", "value": "Claire Tremblay", "base_revision": 0},
    ])
    assert response.status_code == 200
    data = response.get_json()
    assert data["saved"] == [
        {"item": "SD-2", "question": "status", "field": "q-SD-2-status", "revision": 1},
        {"item": None, "question": "focal_point_name", "field": "q-general-focal_point_name", "revision": 1},
    ]
    assert data["errors"] == [] and data["conflicts"] == []
    assert dt.datetime.fromisoformat(data["saved_at"]).tzinfo is not None
    assert data["progress"]["items"] == {"SD-2": [1, 2], "_general": [1, 3]}
    assert data["progress"]["themes"] == {"standards-norms": [1, 5]}
    submission = submission_of(db, cycle)
    assert data["progress"]["overall"] == [submission.answered_count, submission.required_count] and submission.answered_count == 2
    second = post_json(client, cycle, [{"item": "SD-2", "question": "status", "value": "fully", "base_revision": 1}])
    assert second.get_json()["saved"][0]["revision"] == 2


def test_values_that_cannot_be_saved_come_back_per_field(client, login_as, make_cycle, db, salvador):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    data = post_json(client, cycle, [
        {"item": "SD-2", "question": "status", "value": "maybe", "base_revision": 0},
        {"item": "SD-2", "question": "references", "value": [{"title": "", "link": "https://x.example"}], "base_revision": 0},
        {"item": "SD-99", "question": "status", "value": "fully", "base_revision": 0},
        {"item": "SD-2", "question": "examples", "value": "Saved despite the others.", "base_revision": 0},
    ]).get_json()
    assert [s["field"] for s in data["saved"]] == ["q-SD-2-examples"]
    errors = {e["field"]: e["message"] for e in data["errors"]}
    odd = post_json(client, cycle, [
        {"item": "SD-2", "question": "challenges", "value": 5, "base_revision": 0},
        {"item": "SD-2", "question": "measures", "value": {"text": "x"}, "base_revision": 0},
    ]).get_json()
    assert {e["field"] for e in odd["errors"]} == {"q-SD-2-challenges", "q-SD-2-measures"} and odd["saved"] == []
    assert errors == {
        "q-SD-99-status": "This item is not part of the checklist.",
        "q-SD-2-status": "Choose one of the options offered.",
        "q-SD-2-references": "Reference 1: give its title.",
    }


def test_malformed_requests_and_people_who_may_not_save_are_refused(client, login_as, make_cycle, create_user, db, salvador):
    cycle = make_cycle()
    focal = login_as(Role.FOCAL_POINT, "CAN")
    assert post_json(client, cycle, "not a list").status_code == 400
    assert post_json(client, cycle, [{"item": "SD-2", "question": "status", "value": "fully", "base_revision": "1"}]).status_code == 400
    # without the CSRF header, nothing is saved
    response = client.post(save_url(cycle), json={"changes": [{"item": "SD-2", "question": "status", "value": "fully", "base_revision": 0}]})
    assert response.status_code == 400
    assert services.answers_by_item(submission_of(db, cycle)) == {}
    # another State's reply
    assert post_json(client, cycle, [], code="ARG", page_code="CAN").status_code == 404
    # a submitted reply
    from tests.answers.conftest import fill_everything

    submission = submission_of(db, cycle)
    fill_everything(submission, focal, salvador)
    services.submit_reply(submission, focal)
    db.session.commit()
    response = post_json(client, cycle, [{"item": "SD-2", "question": "examples", "value": "Late.", "base_revision": 0}])
    assert response.status_code == 409 and "can no longer be changed" in response.get_json()["error"]


def test_staff_cannot_save(client, login_as, make_cycle):
    cycle = make_cycle()
    login_as(Role.SECRETARIAT)
    response = post_json(client, cycle, [{"item": "SD-2", "question": "status", "value": "fully", "base_revision": 0}])
    assert response.status_code == 403


def test_a_save_over_a_newer_answer_is_refused_with_both_versions(app, client, login_as, make_cycle, create_user, db, salvador):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    contributor = create_user(Role.CONTRIBUTOR, "CAN", name="Jean Contributor")
    other = app.test_client()
    login(other, contributor)
    # both start from revision 0; the contributor saves first
    assert post_json(other, cycle, [{"item": "SD-5", "question": "measures", "value": "Theirs.", "base_revision": 0}]).status_code == 200
    data = post_json(client, cycle, [{"item": "SD-5", "question": "measures", "value": "Mine.", "base_revision": 0}],
                     theme="gender-victims").get_json()
    assert data["saved"] == []
    [conflict] = data["conflicts"]
    assert conflict["field"] == "q-SD-5-measures" and conflict["yours"] == "Mine." and conflict["theirs"] == "Theirs."
    assert conflict["their_author"] == "Jean Contributor" and conflict["their_revision"] == 1
    assert dt.datetime.fromisoformat(conflict["their_time"]).tzinfo is not None
    sd5 = item(salvador, "SD-5").id
    assert services.answers_by_item(submission_of(db, cycle))[sd5]["measures"].value == "Theirs."
    # keeping mine: save again from their revision
    data = post_json(client, cycle, [{"item": "SD-5", "question": "measures", "value": "Mine.", "base_revision": 1}]).get_json()
    assert data["saved"][0]["revision"] == 2
    assert services.answers_by_item(submission_of(db, cycle))[sd5]["measures"].value == "Mine."


def test_a_60000_character_answer_is_saved_whole_by_autosave(client, login_as, make_cycle, db, salvador):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    text = "Ω" + "The national action plan covers prisons, probation and aftercare. " * 923
    text = text[:60_000]
    response = post_json(client, cycle, [{"item": "SD-1", "question": "measures", "value": text, "base_revision": 0}])
    assert response.get_json()["saved"][0]["revision"] == 1
    stored = services.answers_by_item(submission_of(db, cycle))[item(salvador, "SD-1").id]["measures"].value
    assert stored == text and len(stored) == 60_000
    assert text in client.get(page_url(cycle, "standards-norms")).get_data(as_text=True)


def test_the_saved_answers_are_found_after_a_reload(client, login_as, make_cycle, db, salvador):
    cycle = make_cycle()
    focal = login_as(Role.FOCAL_POINT, "CAN")
    save(submission_of(db, cycle), focal, salvador, ("SD-1", "status", "not_implemented", 0))
    db.session.commit()
    post_json(client, cycle, [{"item": "SD-1", "question": "challenges", "value": ["resources", "other"], "base_revision": 0},
                              {"item": "SD-1", "question": "challenges_other", "value": "Staff turnover", "base_revision": 0}])
    html = client.get(page_url(cycle, "standards-norms")).get_data(as_text=True)
    assert 'id="q-SD-1-status-not_implemented" name="q-SD-1-status" value="not_implemented" checked' in html
    assert 'id="q-SD-1-challenges-resources" name="q-SD-1-challenges" value="resources" checked' in html
    assert 'name="q-SD-1-challenges_other" value="Staff turnover"' in html
    assert 'name="rev-q-SD-1-challenges_other" value="1"' in html
