"""The general questions answered as lists of entries: rows drawn, added without JavaScript, saved,
refused with everything kept, autosaved, shown as lists on the read-only page and in the history."""

import re

from portal.core.access import Role
from portal.submissions import services
from tests.answers.conftest import page_url, post_json, save, submission_of
from tests.answers.test_saving import form_of

NAME = "q-general-tools_training"


def general_answers(submission) -> dict:
    return {q: a.value for q, a in services.answers_by_item(submission, [None]).get(None, {}).items()}


def entry_areas(html: str, name: str = NAME) -> list[tuple[str, str, str]]:
    """Return (id, label, text) of each entry row of the question drawn under ``name``."""
    rows = re.findall(
        rf'<label for="({name}-\d+)" data-entry-label>([^<]*)</label>\s*(?:<textarea id="\1" name="\1"[^>]*>\n(.*?)</textarea>)',
        html, re.S)
    return [(id_, label, text) for id_, label, text in rows]


def test_an_entries_question_draws_one_labelled_row_per_entry_and_one_empty(client, login_as, make_cycle, db, salvador):
    cycle = make_cycle()
    focal = login_as(Role.FOCAL_POINT, "CAN")
    html = client.get(page_url(cycle)).get_data(as_text=True)
    assert re.search(rf'<fieldset class="entries" id="{NAME}" aria-describedby="{NAME}-help">\s*<legend>Areas covered', html)
    assert "Give one area per entry" in html
    assert entry_areas(html) == [(f"{NAME}-0", "Entry 1", "")]
    assert f'name="{NAME}-rows" value="1"' in html
    assert f'<button type="submit" class="button small" name="action" value="add-row:{NAME}" data-add-entry>Add another entry' in html
    assert re.search(rf'<textarea id="{NAME}-0" name="{NAME}-0" rows="3" data-entry maxlength="100000" dir="auto">', html)
    save(submission_of(db, cycle), focal, salvador, (None, "tools_training", ["Tools on <cybercrime>", "Training manuals"], 0))
    db.session.commit()
    html = client.get(page_url(cycle)).get_data(as_text=True)
    assert entry_areas(html) == [(f"{NAME}-0", "Entry 1", "Tools on &lt;cybercrime&gt;"),
                                 (f"{NAME}-1", "Entry 2", "Training manuals"), (f"{NAME}-2", "Entry 3", "")]
    assert f'name="{NAME}-rows" value="3"' in html


def test_add_another_entry_saves_what_is_typed_and_shows_one_more_row_without_javascript(client, login_as, make_cycle, db, salvador):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    url = page_url(cycle)
    html = client.get(url).get_data(as_text=True)
    response = client.post(url, data={**form_of(html), "action": f"add-row:{NAME}", f"{NAME}-0": "Asset recovery"})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/general?rows={NAME}%3A0#{NAME}")
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert [label for _id, label, _text in entry_areas(html)] == ["Entry 1", "Entry 2"]  # the entry saved, a new row
    # pressed again with the new row left empty: one more empty row than the page had
    response = client.post(url, data={**form_of(html), "action": f"add-row:{NAME}"})
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert [text for _id, _label, text in entry_areas(html)] == ["Asset recovery", "", ""]
    data = {**form_of(html), f"{NAME}-1": "Cybercrime investigations", f"{NAME}-2": "Prison management"}
    assert client.post(url, data=data).status_code == 302
    submission = submission_of(db, cycle)
    assert general_answers(submission)["tools_training"] == ["Asset recovery", "Cybercrime investigations", "Prison management"]
    # removing is clearing: the cleared row is dropped, the order of the others kept
    html = client.get(url).get_data(as_text=True)
    assert client.post(url, data={**form_of(html), f"{NAME}-0": ""}).status_code == 302
    assert general_answers(submission)["tools_training"] == ["Cybercrime investigations", "Prison management"]
    html = client.get(url).get_data(as_text=True)
    client.post(url, data={**form_of(html), f"{NAME}-0": "", f"{NAME}-1": "  "})
    assert general_answers(submission).get("tools_training") is None


def test_a_refused_entry_is_named_and_every_row_typed_is_kept(client, login_as, make_cycle, db, salvador):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    url = page_url(cycle)
    html = client.get(url).get_data(as_text=True)
    data = {**form_of(html), f"{NAME}-rows": "4", f"{NAME}-0": "First <proposal>", f"{NAME}-1": "",
            f"{NAME}-2": "Bad\x01text", f"{NAME}-3": "Fourth", "q-general-focal_point_name": "Claire Tremblay"}
    response = client.post(url, data=data)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    message = "Entry 3 contains a control character (U+0001) that cannot be stored; remove it."
    assert f'<p class="error" id="{NAME}-error">{message}</p>' in page
    assert f'<a href="#{NAME}-0">Areas covered by the Salvador Declaration' in page and f": {message}</a>" in page
    assert re.search(rf'<fieldset class="entries" id="{NAME}" aria-describedby="[^"]*{NAME}-error', page)
    # every row as typed, the empty one in its place, so that "Entry 3" is the third row; then an empty row
    assert [(label, text) for _id, label, text in entry_areas(page)] == [
        ("Entry 1", "First &lt;proposal&gt;"), ("Entry 2", ""), ("Entry 3", "Bad\x01text"), ("Entry 4", "Fourth"), ("Entry 5", "")]
    assert 'aria-invalid="true"' in page.split(f'id="{NAME}"', 1)[1].split("</fieldset>", 1)[0]
    answers = general_answers(submission_of(db, cycle))
    assert "tools_training" not in answers and answers["focal_point_name"] == "Claire Tremblay"


def test_autosave_takes_the_rows_as_a_list_and_names_the_bad_entry(client, login_as, make_cycle, db, salvador):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    data = post_json(client, cycle, [
        {"item": None, "question": "follow_up_proposals", "value": ["Resolutions on specific issues", "", "Regional meetings"],
         "base_revision": 0},
        {"item": None, "question": "next_congress", "value": ["ok", "x" * 100_001], "base_revision": 0},
        {"item": None, "question": "congress_efficiency", "value": "one text", "base_revision": 0},
    ]).get_json()
    assert data["saved"] == [{"item": None, "question": "follow_up_proposals", "field": "q-general-follow_up_proposals",
                              "revision": 1}]
    errors = {e["field"]: e["message"] for e in data["errors"]}
    assert errors == {
        "q-general-next_congress": "Entry 2 is too long: at most 100,000 characters; it has 100,001.",
        "q-general-congress_efficiency": "Expected a list of texts, one per entry.",
    }
    assert general_answers(submission_of(db, cycle))["follow_up_proposals"] == ["Resolutions on specific issues", "Regional meetings"]


def test_a_read_only_reply_and_the_history_show_the_entries_as_a_list(client, login_as, make_cycle, create_user, db, salvador):
    cycle = make_cycle()
    focal = create_user(Role.FOCAL_POINT, "CAN", name="Claire Tremblay")
    submission = submission_of(db, cycle)
    save(submission, focal, salvador, (None, "next_congress", ["A workshop on <reintegration>"], 0))
    save(submission, focal, salvador, (None, "next_congress", ["A workshop on <reintegration>", "Fewer agenda items"], 1))
    db.session.commit()
    login_as(Role.SECRETARIAT)
    page = client.get(page_url(cycle)).get_data(as_text=True)
    assert ('<ol class="answer-text answer-entries"><li dir="auto">A workshop on &lt;reintegration&gt;</li><li dir="auto">Fewer agenda items</li></ol>'
            in page)
    history = client.get(f"/cycles/{cycle.key}/states/CAN/items/general/history").get_data(as_text=True)
    assert ('<td><ol class="answer-text answer-entries"><li dir="auto">A workshop on &lt;reintegration&gt;</li></ol></td>'
            '\n      <td><ol class="answer-text answer-entries"><li dir="auto">A workshop on &lt;reintegration&gt;</li>'
            '<li dir="auto">Fewer agenda items</li></ol></td>') in history
    assert '<p class="muted">(no answer)</p>' in history  # before the first revision
