"""The last report's answers: shown beside each question, copied per item or for the whole checklist."""

import re

import sqlalchemy as sa

from portal.core.access import Role
from portal.submissions import services
from portal.submissions.models import UNCHANGED, Answer
from tests.answers.conftest import item, page_url, save, submission_of
from tests.conftest import csrf_fields


def unchanged_marks(db, cycle) -> int:
    """Return how many "no change since the last report" marks the earlier reply holds (they are not copied)."""
    earlier = submission_of(db, cycle)
    return db.session.scalar(sa.select(sa.func.count()).select_from(Answer).where(
        Answer.submission_id == earlier.id, Answer.question_code == UNCHANGED))


def values(submission, template, code):
    return {q: a.value for q, a in services.answers_by_item(submission).get(item(template, code).id, {}).items()}


def test_the_last_reports_answers_are_shown_beside_the_questions(client, login_as, db, salvador, earlier_and_current):
    _earlier, cycle = earlier_and_current()
    login_as(Role.FOCAL_POINT, "CAN")
    html = client.get(page_url(cycle, "standards-norms")).get_data(as_text=True)
    assert "your State's answer in the last report (Follow-up to the Salvador Declaration (salvador-2021))" in html
    beside = html[html.index('id="q-SD-2-measures-previous"'):]
    assert "The Criminal Code was amended in 2019." in beside[:500]
    references = html[html.index('id="q-SD-2-references-previous"'):][:600]
    assert "Criminal Code, R.S.C. 1985, c. C-46, 1985-01-01, https://laws.example/C-46" in references
    assert 'id="q-SD-2-status-previous"' in html and "Partially implemented" in html
    assert 'value="copy:SD-2"' in html
    # another State's reply to the earlier cycle is not Canada's last report
    argentina = client.get(page_url(cycle, "standards-norms", "ARG"))
    assert argentina.status_code == 404


def test_copying_one_item_fills_only_its_unanswered_questions(client, login_as, db, salvador, earlier_and_current):
    _earlier, cycle = earlier_and_current()
    focal = login_as(Role.FOCAL_POINT, "CAN")
    submission = submission_of(db, cycle)
    save(submission, focal, salvador, ("SD-2", "agencies", "Public Safety Canada", 0))
    db.session.commit()
    url = page_url(cycle, "standards-norms")
    page = client.get(url).get_data(as_text=True)
    response = client.post(url, data={**csrf_fields(page), "action": "copy:SD-2"})
    assert response.status_code == 302 and response.headers["Location"].endswith("#item-SD-2")
    copied = values(submission, salvador, "SD-2")
    assert copied["status"] == "partially" and copied["measures"] == "The Criminal Code was amended in 2019."
    assert copied["references"][0]["citation"] == "R.S.C. 1985, c. C-46"
    assert copied["agencies"] == "Public Safety Canada"  # an answer already given is kept
    assert values(submission, salvador, "SD-3") == {}  # other items untouched
    assert "3 answers copied from the last report." in client.get(response.headers["Location"]).get_data(as_text=True)


def test_copying_the_whole_checklist_asks_first_saying_how_many_answers(client, login_as, db, salvador, earlier_and_current):
    _earlier, cycle = earlier_and_current()
    login_as(Role.FOCAL_POINT, "CAN")
    home = f"/cycles/{cycle.key}/states/CAN/"
    url = f"/cycles/{cycle.key}/states/CAN/carry-forward"
    page = client.get(home).get_data(as_text=True)
    assert "Copy the last report's answers for the whole checklist" in page and f'href="{url}"' in page
    submission = submission_of(db, cycle)
    # A post that did not come from the confirmation page copies nothing: it shows that page.
    refused = client.post(url, data=csrf_fields(page))
    assert refused.status_code == 200 and services.answers_by_item(submission) == {}
    confirm = client.get(url).get_data(as_text=True)
    count = sum(len(questions) for questions in services.answers_by_item(submission_of(db, _earlier)).values())
    assert re.search(r"(\d+) answers of the reply to “Follow-up to the Salvador Declaration \(salvador-2021\)” will be copied",
                     confirm).group(1) == str(count - unchanged_marks(db, _earlier))
    assert "may no longer be current" in confirm and ">Cancel</a>" in confirm
    response = client.post(url, data={**csrf_fields(confirm), "confirm": "yes"})
    assert response.status_code == 302 and response.headers["Location"].endswith(home)
    assert values(submission, salvador, "SD-47")["measures"] == "Measures for SD-47."
    general = services.answers_by_item(submission)[None]
    assert general["focal_point_name"].value == "Claire Tremblay"
    assert services.missing_answers(submission) == []
    # again: nothing left to copy
    assert "Nothing to copy" in client.get(url).get_data(as_text=True)


def test_without_an_earlier_reply_there_is_nothing_to_copy(client, login_as, make_cycle):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    html = client.get(page_url(cycle, "standards-norms")).get_data(as_text=True)
    assert "copy:" not in html and "-unchanged" not in html and "-previous" not in html
    home = client.get(f"/cycles/{cycle.key}/states/CAN/").get_data(as_text=True)
    assert "for the whole checklist" not in home
    response = client.get(f"/cycles/{cycle.key}/states/CAN/carry-forward")
    assert "did not report in an earlier cycle" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_a_contributor_copies_too_but_staff_do_not(client, login_as, db, salvador, earlier_and_current):
    _earlier, cycle = earlier_and_current()
    login_as(Role.SECRETARIAT)
    page = client.get(f"/cycles/{cycle.key}/states/CAN/").get_data(as_text=True)
    assert client.post(f"/cycles/{cycle.key}/states/CAN/carry-forward", data=csrf_fields(page)).status_code == 403


def test_copying_the_whole_checklist_from_a_theme_page_keeps_what_was_typed(client, login_as, db, salvador, earlier_and_current):
    _earlier, cycle = earlier_and_current()
    login_as(Role.FOCAL_POINT, "CAN")
    url = page_url(cycle, "standards-norms")
    page = client.get(url).get_data(as_text=True)
    assert 'value="copy-all"' in page
    response = client.post(url, data={**csrf_fields(page), "action": "copy-all", "rev-q-SD-1-examples": "0",
                                      "q-SD-1-examples": "Typed just before copying."})
    assert response.status_code == 302 and "/carry-forward?back=standards-norms" in response.headers["Location"]
    submission = submission_of(db, cycle)
    assert values(submission, salvador, "SD-1") == {"examples": "Typed just before copying."}  # saved, nothing copied yet
    confirm = client.get(response.headers["Location"]).get_data(as_text=True)
    assert f'href="{url}"' in confirm  # Cancel goes back to the theme
    response = client.post(f"/cycles/{cycle.key}/states/CAN/carry-forward",
                           data={**csrf_fields(confirm), "confirm": "yes", "back": "standards-norms"})
    assert response.status_code == 302 and response.headers["Location"].endswith(url)
    assert values(submission, salvador, "SD-1")["examples"] == "Typed just before copying."
    assert values(submission, salvador, "SD-1")["measures"] == "Measures for SD-1."
    assert values(submission, salvador, "SD-47")["status"] == "partially"
