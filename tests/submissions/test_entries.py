"""Answers to ``entries`` questions: a list of texts, empty rows dropped, each entry checked as a long text."""

import pytest

from portal.core.access import Role
from portal.submissions import rules, services
from portal.submissions.services import AnswerChange
from tests.submissions.test_services import submission_of

ENTRIES = {"code": "proposals", "type": "entries", "required": True, "label": {"en": "Proposals"}}


def test_entries_are_kept_in_order_without_the_empty_rows():
    typed = ["  Training of judges on cybercrime\r\n", "", "   ", "A manual on asset recovery", "\n"]
    assert rules.clean_value(ENTRIES, typed) == ["Training of judges on cybercrime", "A manual on asset recovery"]
    assert rules.clean_value(ENTRIES, ["First line\r\nsecond line"]) == ["First line\nsecond line"]
    assert rules.clean_value(ENTRIES, ["", " "]) is None
    assert rules.clean_value(ENTRIES, []) is None


@pytest.mark.parametrize("raw", ["One text", [1, 2], [["nested"]], {"0": "x"}, [None]])
def test_anything_but_a_list_of_texts_is_refused(raw):
    with pytest.raises(rules.InvalidAnswer, match="Expected a list of texts, one per entry."):
        rules.clean_value(ENTRIES, raw)


def test_a_problem_names_the_row_as_the_person_sees_it(db):
    with pytest.raises(rules.InvalidAnswer) as caught:
        rules.clean_value(ENTRIES, ["Fine", "", "Bad \x00 text"])
    assert str(caught.value) == "Entry 3 contains a control character (U+0000) that cannot be stored; remove it."
    limited = {**ENTRIES, "max_length": 10}
    with pytest.raises(rules.InvalidAnswer) as caught:
        rules.clean_value(limited, ["short", "much too long here"])
    assert str(caught.value) == "Entry 2 is too long: at most 10 characters; it has 18."
    default = rules.clean_value(ENTRIES, ["x" * rules.MAX_LONG_TEXT])  # each entry takes what a long text takes
    assert len(default[0]) == rules.MAX_LONG_TEXT
    with pytest.raises(rules.InvalidAnswer, match="Entry 1 is too long: at most 100,000 characters"):
        rules.clean_value(ENTRIES, ["x" * (rules.MAX_LONG_TEXT + 1)])


def test_the_number_of_entries_is_limited(db):
    assert len(rules.clean_value(ENTRIES, ["entry"] * 50 + [""] * 10)) == 50
    with pytest.raises(rules.InvalidAnswer) as caught:
        rules.clean_value(ENTRIES, ["entry"] * 51)
    assert str(caught.value) == "This answer has too many entries: at most 50; it has 51."
    with pytest.raises(rules.InvalidAnswer, match="at most 3; it has 4"):
        rules.clean_value({**ENTRIES, "max_entries": 3}, ["a", "b", "", "c", "d"])
    with pytest.raises(rules.InvalidAnswer, match="too many entries"):
        rules.clean_value(ENTRIES, [""] * 1001)  # empty rows too, past any page


def test_required_means_at_least_one_entry():
    assert rules.missing_questions([ENTRIES], {"proposals": None}) == [ENTRIES]
    assert rules.missing_questions([ENTRIES], {"proposals": ["One"]}) == []


def test_a_value_is_fitted_to_the_form_its_question_takes_now():
    long_text = {"code": "x", "type": "long_text"}
    assert rules.fitted_value(ENTRIES, "One proposal\n\nstill the same") == ["One proposal\n\nstill the same"]
    assert rules.fitted_value(ENTRIES, ["a", "b"]) == ["a", "b"]
    assert rules.fitted_value(ENTRIES, "  ") == []
    assert rules.fitted_value(long_text, ["a", "", "b"]) == "a\nb"
    assert rules.fitted_value(long_text, "kept") == "kept"
    assert rules.as_entries("One text") == ["One text"] and rules.as_entries(None) == []


def test_a_general_entries_answer_is_saved_as_a_json_list_and_counts_as_answered(db, make_cycle, create_user, salvador):
    cycle = make_cycle()
    focal = create_user(Role.FOCAL_POINT, "CAN")
    submission = submission_of(db, cycle, "CAN")
    typed = ["Tools on cybercrime investigations", "", "Training on the Nelson Mandela Rules"]
    result = services.save_answers(submission, focal, [AnswerChange(None, "tools_training", typed, 0)])
    assert not result.errors and not result.conflicts
    db.session.commit()
    db.session.expire_all()
    stored = services.answers_by_item(submission, [None])[None]["tools_training"]
    assert stored.value == ["Tools on cybercrime investigations", "Training on the Nelson Mandela Rules"]
    refused = services.save_answers(submission, focal, [AnswerChange(None, "follow_up_proposals", "one text", 0)])
    assert list(refused.errors.values()) == ["Expected a list of texts, one per entry."]
