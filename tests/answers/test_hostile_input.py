"""Answers that cannot be stored or would break an output: control characters, and answers over their limit."""

import pytest

from portal.core.access import Role
from portal.submissions import rules
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
    assert ('<a href="#q-SD-3-references-0-title">Paragraph 3, Legal and policy references: Title, reference 1 contains a '
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


def test_an_answer_over_its_limit_is_refused_with_the_limit_and_its_length_and_kept_on_the_page(client, login_as, make_cycle, db, salvador):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    url = page_url(cycle, "standards-norms")
    html = client.get(url).get_data(as_text=True)
    too_long = "word " * 24_691 + "last"  # 123,459 characters
    response = client.post(url, data={**form_of(html), "action": "save", "q-SD-3-status": "partially",
                                      "q-SD-3-measures": too_long, "q-SD-3-agencies": "x" * 100_000})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert (f"Paragraph 3, {MEASURES}: This answer is too long: at most 100,000 characters; it has 123,459.") in page
    assert too_long in page
    answers = stored(submission_of(db, cycle), salvador, "SD-3")
    assert "measures" not in answers and answers["agencies"] == "x" * 100_000  # the limit itself is taken


def test_autosave_refuses_an_answer_over_its_limit_per_field(client, login_as, make_cycle, db, salvador):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    data = post_json(client, cycle, [
        {"item": "SD-2", "question": "measures", "value": "y" * 100_001, "base_revision": 0},
        {"item": None, "question": "focal_point_name", "value": "z" * 1_001, "base_revision": 0},
        {"item": "SD-2", "question": "examples", "value": "Saved.", "base_revision": 0},
    ]).get_json()
    assert [s["field"] for s in data["saved"]] == ["q-SD-2-examples"]
    assert {e["field"]: e["message"] for e in data["errors"]} == {
        "q-SD-2-measures": "This answer is too long: at most 100,000 characters; it has 100,001.",
        "q-general-focal_point_name": "This answer is too long: at most 1,000 characters; it has 1,001.",
    }


def test_text_fields_carry_their_limit_as_maxlength(client, login_as, make_cycle):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    page = client.get(page_url(cycle, "standards-norms")).get_data(as_text=True)
    assert '<textarea id="q-SD-2-measures" name="q-SD-2-measures" rows="8" aria-describedby="q-SD-2-measures-rule q-SD-2-measures-help" maxlength="100000" dir="auto">' in page
    assert 'name="q-SD-2-references-0-title" value="" data-part="title" maxlength="1000"' in page
    assert 'name="q-SD-2-references-0-link" value="" data-part="link" maxlength="2000"' in page
    general = client.get(page_url(cycle)).get_data(as_text=True)
    assert 'name="q-general-focal_point_name" value=""' in general and 'maxlength="1000"' in general


def test_a_question_may_set_its_own_limit(app):
    question = {"code": "summary", "type": "long_text", "max_length": 50}
    with app.test_request_context():
        assert rules.clean_value(question, "x" * 50) == "x" * 50
        with pytest.raises(rules.InvalidAnswer, match=r"^This answer is too long: at most 50 characters; it has 51\.$"):
            rules.clean_value(question, "x" * 51)


def test_too_many_references_are_refused(app):
    question = {"code": "references", "type": "references"}
    with app.test_request_context():
        with pytest.raises(rules.InvalidAnswer, match=r"at most 500; it has 501\.$"):
            rules.clean_value(question, [{"title": f"Act {n}"} for n in range(501)])
