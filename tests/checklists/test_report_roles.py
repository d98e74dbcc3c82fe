"""The checklist's optional ``report:`` section: which questions play which role in a compiled report."""

from __future__ import annotations

import pytest

from portal.checklists.loader import ChecklistFileError, load_checklist
from portal.checklists.services import ImportOutcome, import_template, lock_template_version
from tests.checklists.conftest import changed_copy, line_of

ROLES_START = "report:\n  status: status\n"


def errors_of(path) -> list[str]:
    with pytest.raises(ChecklistFileError) as caught:
        load_checklist(path)
    return [str(error) for error in caught.value.errors]


def test_salvador_file_names_the_roles_of_its_questions(salvador_file):
    report = load_checklist(salvador_file).definition["report"]
    assert report["status"] == "status"
    assert report["quoted"] == ["measures", "examples", "comment"]
    assert (report["challenges"], report["assistance_needed"], report["assistance_kinds"]) == (
        "challenges", "assistance_needed", "assistance_kinds")
    assert report["future_activity"] == ["tools_training"]
    assert report["follow_up"] == ["follow_up_proposals"]
    assert (report["congress_efficiency"], report["next_congress"]) == (["congress_efficiency"], ["next_congress"])
    assert len(report["mandate"]) == 5
    assert report["mandate"][0]["en"].startswith("The present report has been prepared pursuant to General Assembly "
                                                 "resolution 65/230")
    assert report["mandate"][0]["en"].endswith("^[See A/CONF.213/18, chap. I, resolution 1.]")
    assert report["summary"]["en"].startswith("In its resolution 65/230, the General Assembly endorsed")


def test_a_file_without_the_section_has_no_roles(test_template_file):
    assert load_checklist(test_template_file).definition["report"] is None


def test_unknown_key_unknown_code_and_wrong_type_are_located(salvador_file, tmp_path):
    broken = changed_copy(
        salvador_file, tmp_path / "roles.yaml",
        (ROLES_START, "report:\n  status: challenges\n  chart: yes\n"),
        ("  future_activity: [tools_training]", "  future_activity: [tools_trainig, status]"),
    )
    status_line, chart_line = line_of(broken, "status: challenges"), line_of(broken, "chart: yes")
    future_line = line_of(broken, "future_activity:")
    assert errors_of(broken) == [
        f"{broken}:{status_line}: report.status: 'challenges' is a multiple_choice question; "
        f"the status role needs a single_choice question",
        f"{broken}:{chart_line}: report.chart: unknown key; expected one of: status, challenges, assistance_needed, "
        f"assistance_kinds, quoted, future_activity, follow_up, congress_efficiency, next_congress, mandate, summary",
        f"{broken}:{future_line}: report.future_activity[0]: unknown question 'tools_trainig' (did you mean "
        f"'tools_training'?); the future_activity role names a question of general_questions: tools_training, "
        f"follow_up_proposals, congress_efficiency, next_congress, focal_point_name, focal_point_title, "
        f"focal_point_institution, focal_point_email, focal_point_phone, institutions_consulted",
        f"{broken}:{future_line}: report.future_activity[1]: unknown question 'status'; the future_activity role "
        f"names a question of general_questions: tools_training, follow_up_proposals, congress_efficiency, "
        f"next_congress, focal_point_name, focal_point_title, focal_point_institution, focal_point_email, "
        f"focal_point_phone, institutions_consulted",
    ]


def test_congress_roles_name_text_questions_of_general_questions(salvador_file, tmp_path):
    broken = changed_copy(salvador_file, tmp_path / "roles.yaml",
                          ("  next_congress: [next_congress]", "  next_congress: [focal_point_name, status]"))
    line = line_of(broken, "next_congress: [")
    errors = errors_of(broken)
    assert len(errors) == 1
    assert errors[0].startswith(f"{broken}:{line}: report.next_congress[1]: unknown question 'status'; the "
                                f"next_congress role names a question of general_questions: tools_training, ")


def test_quoted_questions_must_be_texts_of_the_question_sets(salvador_file, tmp_path):
    broken = changed_copy(salvador_file, tmp_path / "roles.yaml",
                          ("  quoted: [measures, examples, comment]", "  quoted: [measures, references, measures]"))
    line = line_of(broken, "quoted:")
    assert errors_of(broken) == [
        f"{broken}:{line}: report.quoted[1]: 'references' is a references question; the quoted role needs a "
        f"long_text or short_text question",
        f"{broken}:{line}: report.quoted[2]: 'measures' is listed twice",
    ]


def test_mandate_paragraphs_are_texts(salvador_file, tmp_path):
    broken = changed_copy(salvador_file, tmp_path / "roles.yaml",
                          ("  mandate:\n    - en: >-\n        The present report has been prepared",
                           "  mandate:\n    - de: >-\n        The present report has been prepared"))
    line = line_of(broken, "- de: >-")
    assert errors_of(broken) == [
        f"{broken}:{line}: report.mandate[0].de: unknown language 'de'; expected one of: ar, zh, en, fr, ru, es",
        f"{broken}:{line}: report.mandate[0]: the English text (en) is missing; every text needs one",
    ]


def test_changed_roles_are_taken_even_by_a_version_in_use(db, salvador_file, tmp_path):
    """The roles shape the report, not what States are asked: a locked version takes new roles."""
    template, _ = import_template(salvador_file)
    lock_template_version(template)
    changed = changed_copy(salvador_file, tmp_path / "salvador-declaration.yaml",
                           ("  quoted: [measures, examples, comment]", "  quoted: [measures, comment]"))
    again, outcome = import_template(changed)
    assert again.id == template.id and outcome is ImportOutcome.REPLACED
    assert again.definition["report"]["quoted"] == ["measures", "comment"]
