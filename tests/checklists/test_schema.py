"""The template file format: the files in use validate, and broken files get clear errors."""

from __future__ import annotations

import pytest

from portal.checklists.loader import ChecklistFileError, load_checklist, parse_checklist
from tests.checklists.conftest import DATA_DIR, REPO_ROOT, changed_copy, line_of


def errors_of(path) -> list[str]:
    with pytest.raises(ChecklistFileError) as caught:
        load_checklist(path)
    return [str(error) for error in caught.value.errors]


def test_salvador_file_validates_with_all_55_paragraphs(salvador_file):
    definition = load_checklist(salvador_file).definition
    assert definition["key"] == "salvador-declaration"
    assert definition["version"] == 3
    assert [item["paragraph"] for item in definition["items"]] == list(range(1, 56))
    general = {question["code"]: question for question in definition["general_questions"]}
    assert general["focal_point_email"]["type"] == "email"
    assert [item["code"] for item in definition["items"]] == [f"SD-{n}" for n in range(1, 56)]
    assert len(definition["themes"]) == 17
    assert set(definition["question_sets"]) == {"national", "comment"}
    national = {item["paragraph"] for item in definition["items"] if item["questions"] == "national"}
    assert all(item["addressee"] == "member-states" for item in definition["items"] if item["paragraph"] in national)
    assert len(national) == 41
    general = [question["code"] for question in definition["general_questions"]]
    assert {"tools_training", "follow_up_proposals", "congress_efficiency", "next_congress"} <= set(general)


def test_the_definition_is_complete_plain_data(salvador_file):
    """Optional keys are filled in, and yes/no conditions keep their string codes."""
    questions = {q["code"]: q for q in load_checklist(salvador_file).definition["question_sets"]["national"]}
    assert questions["assistance_kinds"]["when"] == {"question": "assistance_needed", "in": ["yes"]}
    assert questions["references"] == {
        "code": "references", "type": "references", "label": questions["references"]["label"],
        "help": questions["references"]["help"], "required": False, "when": None, "choices": None,
        "placeholder": None,
    }


def test_test_template_validates_in_english_and_french(test_template_file):
    loaded = load_checklist(test_template_file)
    definition = loaded.definition
    assert definition["languages"] == ["en", "fr"]
    assert definition["title"]["fr"].startswith("Déclaration de Lakeside")
    assert len(definition["items"]) == 5 and len(definition["themes"]) == 2
    types = {q["type"] for q in definition["question_sets"]["national"]}
    assert types == {"single_choice", "long_text", "date", "references", "multiple_choice", "short_text", "yes_no"}
    assert len(loaded.content_hash) == 64


def english(value):
    """Return ``value`` with only the English of each text (a mapping of language codes to strings)."""
    if isinstance(value, dict):
        if "en" in value and all(isinstance(text, str) for text in value.values()):
            return {"en": value["en"]}
        return {key: english(item) for key, item in value.items()}
    if isinstance(value, list):
        return [english(item) for item in value]
    return value


def test_broken_copy_names_file_line_and_path_of_each_of_the_four_errors(salvador_file, tmp_path):
    """A missing key, an unknown key, a wrong type and a bad condition: four errors, each located exactly."""
    broken = changed_copy(
        salvador_file, tmp_path / "salvador-broken.yaml",
        # a bad condition: na_reason shown for an answer status does not have
        ("when: {question: status, in: [not_applicable]}", "when: {question: status, in: [not_aplicable]}"),
        # a missing key: SD-11 loses its theme (the error is at the start of its mapping)
        ("    theme: crime-data\n", ""),
        # an unknown key: a line added after SD-20's code
        ("  - code: SD-20\n", "  - code: SD-20\n    comment: \"check with the legal office\"\n"),
        # a wrong type: paragraph 30
        ("    paragraph: 30\n", "    paragraph: thirty\n"),
    )
    assert errors_of(broken) == [
        f"{broken}:{line_of(broken, 'not_aplicable')}: question_sets.national[1].when.in[0]: 'not_aplicable' is not "
        "an answer of 'status' (did you mean 'not_applicable'?); expected one of: fully, partially, planned, "
        "not_implemented, not_applicable, no_information",
        f"{broken}:{line_of(broken, '- code: SD-11')}: items[10].theme: required key is missing; an item needs code, "
        "paragraph, theme, addressee, questions and text",
        f"{broken}:{line_of(broken, 'check with the legal office')}: items[19].comment: unknown key; expected one of: "
        "code, paragraph, theme, addressee, questions, text, replaces",
        f"{broken}:{line_of(broken, 'paragraph: thirty')}: items[29].paragraph: expected a whole number from 1 up; "
        "found the text 'thirty'",
    ]


def test_an_unquoted_yes_is_explained(test_template_file, tmp_path):
    broken = changed_copy(test_template_file, tmp_path / "t.yaml", ('in: ["yes"]', "in: [yes]"))
    [error] = errors_of(broken)
    assert error.startswith(f"{broken}:68: question_sets.national[7].when.in[0]: found the boolean true")
    assert 'write the answer code in quotes: "yes"' in error


def test_unknown_question_set_is_named_with_a_suggestion(salvador_file, tmp_path):
    broken = changed_copy(salvador_file, tmp_path / "x.yaml", (
        "  - code: SD-26\n    paragraph: 26\n    theme: children-youth\n    addressee: member-states\n"
        "    questions: national\n",
        "  - code: SD-26\n    paragraph: 26\n    theme: children-youth\n    addressee: member-states\n"
        "    questions: nationl\n",
    ))
    [error] = errors_of(broken)
    assert error == (f"{broken}:{line_of(broken, 'questions: nationl')}: items[25].questions: unknown question set 'nationl' (did you mean "
                     "'national'?); expected one of: national, comment")


def test_cross_references_are_checked(test_template_file, tmp_path):
    broken = changed_copy(
        test_template_file, tmp_path / "x.yaml",
        ("    theme: rural-crime\n    addressee: non-state", "    theme: rural-crimes\n    addressee: non-state"),
        ("  - code: LD-5\n    paragraph: 5\n", "  - code: LD-3\n    paragraph: 3\n"),
        ("when: {question: obstacles, in: [other]}", "when: {question: needs_help, in: [\"yes\"]}"),
        ("when: {question: status, in: [fully, partially]}", "when: {question: obstacles, in: [other]}"),
        ("    - code: adopted_on\n      type: date\n", "    - code: adopted_on\n      type: date\n      choices: []\n"),
    )
    assert errors_of(broken) == [
        f"{broken}:41: question_sets.national[1].when.question: 'obstacles' comes later in the list (line 51); "
        "a condition may only refer to an earlier question",
        f"{broken}:46: question_sets.national[2].choices: only single_choice and multiple_choice questions have "
        "choices; this one is date",
        f"{broken}:62: question_sets.national[5].when.question: 'needs_help' comes later in the list (line 64); "
        "a condition may only refer to an earlier question",
        f"{broken}:102: items[3].theme: unknown theme 'rural-crimes' (did you mean 'rural-crime'?); "
        "expected one of: community-justice, rural-crime",
        f"{broken}:108: items[4].code: item code 'LD-3' is used twice (first on line 92)",
        f"{broken}:109: items[4].paragraph: paragraph 3 is used twice (first on line 93)",
    ]


def test_languages_must_be_complete_and_listed(test_template_file, tmp_path):
    broken = changed_copy(
        test_template_file, tmp_path / "x.yaml",
        ('      fr: "Justice de proximité"\n', ""),
        ('label: {en: "Obstacles", fr: "Obstacles"}', 'label: {en: "Obstacles", fr: "Obstacles", es: "Obstáculos"}'),
        ('label: {en: "Comments", fr: "Observations"}', 'label: {fr: "Observations"}'),
    )
    assert errors_of(broken) == [
        f"{broken}:21: themes[0].title: the fr text is missing (languages lists fr)",
        f"{broken}:52: question_sets.national[4].label.es: the file's languages do not include es; "
        "add es to languages or remove this text",
        f"{broken}:72: question_sets.comment[0].label: the English text (en) is missing; every text needs one",
    ]


def test_replaces_needs_an_earlier_version(test_template_file, tmp_path):
    broken = changed_copy(test_template_file, tmp_path / "x.yaml",
                          ("  - code: LD-5\n", "  - code: LD-5\n    replaces: LD-0\n"))
    [error] = errors_of(broken)
    assert "items[4].replaces: version 1 has no earlier version" in error


def test_errors_of_the_top_level(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("format: 2\nkey: Not Kebab\nversion: 0\nlanguages: [en, de]\nextra: 1\n", encoding="utf-8")
    errors = errors_of(path)
    assert f"{path}:1: format: expected 1 (the format this portal reads); found the number 2" in errors
    assert f"{path}:2: key: expected a key in kebab-case (lowercase letters, digits and hyphens); found 'Not Kebab'" in errors
    assert f"{path}:3: version: expected a whole number from 1 up; found the number 0" in errors
    assert f"{path}:4: languages[1]: unknown language 'de'; expected one of: ar, zh, en, fr, ru, es" in errors
    assert any(error.startswith(f"{path}:5: extra: unknown key; expected one of: format, key,") for error in errors)
    assert any(error.startswith(f"{path}:1: title: required key is missing;") for error in errors)


def test_invalid_yaml_and_repeated_keys_are_located(tmp_path):
    with pytest.raises(ChecklistFileError) as caught:
        parse_checklist(b"format: 1\nkey: [a,\n", "bad.yaml")
    assert str(caught.value).startswith("bad.yaml:3: invalid YAML:")
    with pytest.raises(ChecklistFileError) as caught:
        parse_checklist(b"format: 1\nformat: 1\n", "twice.yaml")
    assert "twice.yaml:2: format: the key appears twice (first on line 1)" in str(caught.value)
    with pytest.raises(ChecklistFileError) as caught:
        parse_checklist(b"", "empty.yaml")
    assert str(caught.value) == "empty.yaml:1: the file is empty; expected a checklist template"


def test_yaml_tags_are_not_constructed(tmp_path):
    """The safe loader never builds Python objects from tags."""
    with pytest.raises(ChecklistFileError) as caught:
        parse_checklist(b"format: !!python/object/apply:os.system ['true']\n", "tag.yaml")
    assert "tag.yaml:1: format: expected 1" in str(caught.value)


def test_the_example_of_the_readme_is_valid(tmp_path):
    readme = (REPO_ROOT / "checklists" / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### A small example"):]
    example = section[section.index("```yaml") + len("```yaml"): section.index("```", section.index("```yaml") + 7)]
    definition = parse_checklist(example.encode(), "README.md example").definition
    assert [item["code"] for item in definition["items"]] == ["LD-1", "LD-2"]


def test_a_text_question_may_set_its_own_length_limit(test_template_file, tmp_path):
    changed = changed_copy(test_template_file, tmp_path / "t.yaml", (
        '      label: {en: "Other obstacles", fr: "Autres obstacles"}\n',
        '      label: {en: "Other obstacles", fr: "Autres obstacles"}\n      max_length: 200\n',
    ))
    definition = load_checklist(changed).definition
    questions = {q["code"]: q for q in definition["question_sets"]["national"]}
    assert questions["obstacles_other"]["max_length"] == 200
    assert "max_length" not in questions["measures"]  # the type's limit holds


@pytest.mark.parametrize(("where", "value", "message"), [
    ('      label: {en: "Other obstacles", fr: "Autres obstacles"}\n', "0",
     "question_sets.national[5].max_length: expected a whole number from 1 up; found the number 0"),
    ('      label: {en: "Other obstacles", fr: "Autres obstacles"}\n', "20000",
     "question_sets.national[5].max_length: a short_text answer may be limited to at most 10,000 characters; found 20,000"),
    ('      label: {en: "Legal references", fr: "Références juridiques"}\n', "500",
     "question_sets.national[3].max_length: only short_text, long_text and entries questions have a max_length; this one is references"),
])
def test_a_bad_length_limit_names_file_line_and_key(test_template_file, tmp_path, where, value, message):
    broken = changed_copy(test_template_file, tmp_path / "t.yaml", (where, f"{where}      max_length: {value}\n"))
    [error] = errors_of(broken)
    line = broken.read_text(encoding="utf-8").splitlines().index(f"      max_length: {value}") + 1
    assert error == f"{broken}:{line}: {message}"


def test_an_entries_question_reads_its_limits(test_template_file):
    definition = load_checklist(test_template_file).definition
    proposals = next(q for q in definition["general_questions"] if q["code"] == "proposals")
    assert (proposals["type"], proposals["max_entries"], proposals["max_length"]) == ("entries", 5, 2000)


def test_salvador_versions_2_and_3_ask_the_proposals_as_entries_and_version_1_as_texts(salvador_file):
    """Version 2 made the proposals lists of entries; version 3 (the file) makes the focal point's address an e-mail."""
    version_1 = load_checklist(DATA_DIR / "salvador-declaration-v1.yaml").definition
    version_2 = load_checklist(salvador_file).definition
    proposals = ["tools_training", "follow_up_proposals", "congress_efficiency", "next_congress"]
    types = {version: {q["code"]: q["type"] for q in d["general_questions"]} for version, d in ((1, version_1), (2, version_2))}
    assert [types[1][code] for code in proposals] == ["long_text"] * 4
    assert [types[2][code] for code in proposals] == ["entries"] * 4
    assert (types[1]["focal_point_email"], types[2]["focal_point_email"]) == ("short_text", "email")
    others = set(types[1]) - set(proposals) - {"focal_point_email"}
    assert {c: types[1][c] for c in others} == {c: types[2][c] for c in others}
    # (the file has the questions in the six languages since; version 1 in English)
    assert english(version_1["items"]) == english(version_2["items"])
    assert english(version_1["question_sets"]) == english(version_2["question_sets"])
    assert all("per entry" in q["help"]["en"] for q in version_2["general_questions"] if q["code"] in proposals)
    # The report takes the entries questions in the same roles.
    assert version_2["report"]["future_activity"] == ["tools_training"]
    assert version_2["report"]["follow_up"] == ["follow_up_proposals"]
    assert (version_2["report"]["congress_efficiency"], version_2["report"]["next_congress"]) == (
        ["congress_efficiency"], ["next_congress"])


@pytest.mark.parametrize(("addition", "message"), [
    ("      max_entries: 0\n", "general_questions[2].max_entries: expected a whole number from 1 up; found the number 0"),
    ("      max_entries: 501\n", "general_questions[2].max_entries: an entries answer may be limited to at most 500 entries; found 501"),
    ("      max_length: 1000001\n",
     "general_questions[2].max_length: an entry may be limited to at most 1,000,000 characters; found 1,000,001"),
])
def test_a_bad_limit_of_entries_names_file_line_and_key(test_template_file, tmp_path, addition, message):
    where = "    max_entries: 5\n    max_length: 2000\n"
    broken = changed_copy(test_template_file, tmp_path / "t.yaml", (where, addition.replace("      ", "    ")))
    [error] = errors_of(broken)
    line = broken.read_text(encoding="utf-8").splitlines().index(addition.strip("\n").replace("      ", "    ")) + 1
    assert error == f"{broken}:{line}: {message}"


def test_only_entries_questions_have_a_number_of_entries(test_template_file, tmp_path):
    where = '      label: {en: "Other obstacles", fr: "Autres obstacles"}\n'
    broken = changed_copy(test_template_file, tmp_path / "t.yaml", (where, f"{where}      max_entries: 3\n"))
    [error] = errors_of(broken)
    assert error.endswith("question_sets.national[5].max_entries: only entries questions have a max_entries; "
                          "this one is short_text")


def test_an_email_question_takes_a_placeholder_and_not_a_length_limit(test_template_file, tmp_path):
    where = '      label: {en: "Other obstacles", fr: "Autres obstacles"}\n'
    changed = changed_copy(test_template_file, tmp_path / "t.yaml", ("      type: short_text\n      required: true\n      when: {question: obstacles",
                            "      type: email\n      required: true\n      when: {question: obstacles"),
                           (where, f'{where}      placeholder: {{en: "name@ministry.example", fr: "nom@ministere.example"}}\n'))
    questions = {q["code"]: q for q in load_checklist(changed).definition["question_sets"]["national"]}
    assert (questions["obstacles_other"]["type"], questions["obstacles_other"]["placeholder"]) == (
        "email", {"en": "name@ministry.example", "fr": "nom@ministere.example"})
    broken = changed_copy(test_template_file, tmp_path / "u.yaml", ("      type: short_text\n      required: true\n      when: {question: obstacles",
                            "      type: email\n      required: true\n      when: {question: obstacles"),
                          (where, f"{where}      max_length: 100\n"))
    [error] = errors_of(broken)
    assert error.endswith("max_length: only short_text, long_text and entries questions have a max_length; this one is email")
