"""Answers that cannot be stored or would break an output: control characters."""

import pytest

from portal.core.access import Role
from tests.answers.conftest import page_url, post_json, submission_of
from tests.answers.test_saving import form_of, stored

MEASURES = "Describe the measures your State has taken to implement this paragraph."


def test_a_control_character_in_an_answer_is_refused_naming_the_question_and_the_text_is_kept(client, login_as, make_cycle, db, salvador):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    url = page_url(cycle, "standards-norms")
    html = client.get(url).get_data(as_text=True)
    typed = "Before the NUL\x00after it."
    response = client.post(url, data={
        **form_of(html), "action": "save", "q-SD-3-status": "partially", "q-SD-3-measures": typed,
        "q-SD-3-references-0-title": "Penal\x0bCode", "q-SD-4-examples": "Kept and saved.",
    })
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert (f'<a href="#q-SD-3-measures">Paragraph 3, {MEASURES}: This answer contains a control character (U+0000) '
            "that cannot be stored; remove it.</a>") in page
    assert ('<a href="#q-SD-3-references">Paragraph 3, Legal and policy references: Title, reference 1 contains a '
            "control character (U+000B) that cannot be stored; remove it.</a>") in page
    assert typed in page and 'value="Penal\x0bCode"' in page  # what was typed is on the page again
    answers = stored(submission_of(db, cycle), salvador, "SD-3")
    assert "measures" not in answers and "references" not in answers
    assert stored(submission_of(db, cycle), salvador, "SD-4")["examples"] == "Kept and saved."


@pytest.mark.parametrize("character", ["\x00", "\x0b", "\x1f", "\x7f"])
def test_autosave_with_a_control_character_answers_400_naming_the_field_and_stores_nothing(client, login_as, make_cycle, db, salvador, character):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    response = post_json(client, cycle, [
        {"item": "SD-2", "question": "examples", "value": "Fine.", "base_revision": 0},
        {"item": "SD-2", "question": "measures", "value": f"A{character}B", "base_revision": 0},
    ])
    assert response.status_code == 400
    code = f"U+{ord(character):04X}"
    assert response.get_json() == {"error": f"The field “changes[1].value” contains a control character ({code}) "
                                            "that cannot be stored; remove it."}
    assert stored(submission_of(db, cycle), salvador, "SD-2") == {}


def test_tab_and_line_breaks_are_taken(client, login_as, make_cycle, db, salvador):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    response = post_json(client, cycle, [{"item": "SD-2", "question": "measures", "value": "A\tB\r\nC\nD", "base_revision": 0}])
    assert response.status_code == 200 and response.get_json()["errors"] == []
    assert stored(submission_of(db, cycle), salvador, "SD-2")["measures"] == "A\tB\nC\nD"
