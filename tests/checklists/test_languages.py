"""The checklist in six languages: the questionnaire in every language the file lists, the official texts in
the languages the Secretariat has, and texts in more languages taken by a version in use."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from portal.checklists import services
from portal.checklists.loader import ChecklistFileError, load_checklist
from portal.checklists.schema import LANGUAGES
from portal.core.access import Role
from portal.submissions.models import Answer
from tests.checklists.conftest import SALVADOR_FILE, changed_copy, line_of
from tests.conftest import login
from tests.review.conftest import fill, submission_of

PARAGRAPH_1_EN = ('      en: "We recognize that an effective, fair and humane criminal justice system is based on the '
                  'commitment to uphold the protection of human rights in the administration of justice and the '
                  'prevention and control of crime."\n')
PARAGRAPH_1_FR = ('      fr: "Nous reconnaissons qu\'un système de justice pénale efficace, équitable et humain repose sur '
                  'la volonté de protéger les droits de l\'homme dans l\'administration de la justice et la prévention '
                  'et la maîtrise de la criminalité."\n')


def test_the_salvador_questionnaire_is_in_the_six_languages_and_its_paragraphs_in_english(salvador_file):
    definition = load_checklist(salvador_file).definition
    assert definition["languages"] == list(LANGUAGES)
    for theme in definition["themes"]:
        assert set(theme["title"]) == set(LANGUAGES), theme["code"]
    for questions in definition["question_sets"].values():
        for question in questions:
            assert set(question["label"]) == set(LANGUAGES), question["code"]
            for choice in question.get("choices") or []:
                assert set(choice["label"]) == set(LANGUAGES), (question["code"], choice["code"])
    assert definition["question_sets"]["national"][0]["label"]["fr"] == "État de la mise en œuvre"
    # The paragraphs are official texts: English only until the Secretariat adds the official texts.
    assert all(set(item["text"]) == {"en"} for item in definition["items"])


def test_a_question_missing_a_listed_language_is_an_error_but_a_paragraph_is_not(salvador_file, tmp_path):
    broken = changed_copy(salvador_file, tmp_path / "x.yaml", ('      fr: "Les enfants, les jeunes et la criminalité"\n', ""))
    with pytest.raises(ChecklistFileError) as error:
        load_checklist(broken)
    line = line_of(broken, 'en: "Children, youth and crime"')
    assert f"{broken}:{line}: themes[7].title: the fr text is missing" in str(error.value)
    with_french = changed_copy(salvador_file, tmp_path / "y.yaml", (PARAGRAPH_1_EN, PARAGRAPH_1_EN + PARAGRAPH_1_FR))
    assert load_checklist(with_french).definition["items"][0]["text"]["fr"].startswith("Nous reconnaissons")


def test_a_version_in_use_takes_the_official_texts_of_another_language_and_keeps_its_answers(
        app, db, client, make_cycle, create_user, salvador, tmp_path):
    cycle = make_cycle(["CAN"])
    focal = create_user(Role.FOCAL_POINT, "CAN")
    submission = submission_of(db, cycle, "CAN")
    fill(submission, focal, salvador)
    db.session.commit()
    answers = db.session.scalar(sa.select(sa.func.count()).select_from(Answer))
    assert salvador.is_locked
    with_french = changed_copy(SALVADOR_FILE, tmp_path / "salvador-declaration.yaml",
                               (PARAGRAPH_1_EN, PARAGRAPH_1_EN + PARAGRAPH_1_FR))
    template, outcome = services.import_template(with_french)
    db.session.commit()
    assert outcome is services.ImportOutcome.REPLACED and template.id == salvador.id and template.version == 3
    assert template.items[0].text["fr"].startswith("Nous reconnaissons")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Answer)) == answers
    # The French page shows the official French text, without the note; paragraph 2 keeps the English original.
    focal.language = "fr"
    db.session.commit()
    login(client, focal)
    page = client.get(f"/cycles/{cycle.key}/states/CAN/themes/standards-norms").get_data(as_text=True)
    first = page[page.index('id="item-SD-1"'):page.index('id="item-SD-2"')]
    second = page[page.index('id="item-SD-2"'):page.index('id="item-SD-3"')]
    assert 'lang="fr"' in first and "Nous reconnaissons" in first and "Texte original anglais" not in first
    assert 'lang="en"' in second and "Texte original anglais" in second

    # A changed word in a text already there is refused for the version in use.
    changed = changed_copy(with_french, tmp_path / "changed.yaml", ("Nous reconnaissons", "Nous admettons"))
    with pytest.raises(services.TemplateLocked):
        services.import_template(changed)

