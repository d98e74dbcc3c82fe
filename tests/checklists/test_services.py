"""Importing template versions, refusing changes to a version in use, listing them."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from portal.checklists import services
from portal.checklists.models import Addressee, ChecklistItem, ChecklistTemplate, ChecklistTheme
from tests.checklists.conftest import changed_copy


def count(db, model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_salvador_file_imports_as_rows(db, salvador_file):
    template, outcome = services.import_template(salvador_file)
    assert outcome is services.ImportOutcome.CREATED
    db.session.expire_all()
    template = services.find_template("salvador-declaration", 3)
    assert (len(template.items), len(template.themes)) == (55, 17)
    assert template.source_file == "salvador-declaration.yaml"
    assert len(template.content_hash) == 64 and not template.is_locked
    assert template.title["en"].startswith("Salvador Declaration on Comprehensive Strategies")
    item = template.items[25]
    assert (item.code, item.paragraph, item.theme_code, item.position) == ("SD-26", 26, "children-youth", 26)
    assert item.addressee is Addressee.MEMBER_STATES and item.question_set == "national"
    assert [q["code"] for q in item.questions][:3] == ["status", "na_reason", "measures"]
    assert template.items[53].question_set == "comment" and template.items[53].addressee is Addressee.DECLARATORY
    assert [theme.code for theme in template.themes][:2] == ["standards-norms", "gender-victims"]
    assert len(template.definition["general_questions"]) == 10


def test_importing_the_same_content_again_changes_nothing(db, salvador_file):
    template, _ = services.import_template(salvador_file)
    db.session.commit()
    before = (template.id, template.imported_at, [item.id for item in template.items], count(db, ChecklistItem))
    again, outcome = services.import_template(salvador_file)
    assert outcome is services.ImportOutcome.UNCHANGED
    assert again is template
    assert not db.session.dirty and not db.session.new and not db.session.deleted
    db.session.commit()
    db.session.expire_all()
    after = services.find_template("salvador-declaration", 3)
    assert (after.id, after.imported_at, [item.id for item in after.items], count(db, ChecklistItem)) == before


def test_a_comment_alone_does_not_change_the_version(db, test_template_file, tmp_path):
    template, _ = services.import_template(test_template_file)
    services.lock_template_version(template)
    reformatted = changed_copy(test_template_file, tmp_path / "test-declaration.yaml",
                               ("# A made-up declaration", "# Reformatted: a made-up declaration"))
    again, outcome = services.import_template(reformatted)
    assert outcome is services.ImportOutcome.UNCHANGED and again is template
    assert template.content_hash == services.load_checklist(reformatted).content_hash


def test_changed_content_replaces_a_version_not_yet_in_use(db, test_template_file, tmp_path):
    template, _ = services.import_template(test_template_file)
    changed = changed_copy(
        test_template_file, tmp_path / "test-declaration.yaml",
        ("We thank the people of Lakeside", "We warmly thank the people of Lakeside"),
        ("  - code: LD-5\n", "  - code: LD-6\n"),
    )
    replaced, outcome = services.import_template(changed)
    assert outcome is services.ImportOutcome.REPLACED and replaced.id == template.id
    db.session.commit()
    db.session.expire_all()
    template = services.find_template("test-declaration", 1)
    assert [item.code for item in template.items] == ["LD-1", "LD-2", "LD-3", "LD-4", "LD-6"]
    assert template.items[-1].text["en"].startswith("We warmly thank")
    stored = db.session.scalars(sa.select(ChecklistItem.code).where(ChecklistItem.template_id == template.id)).all()
    assert sorted(stored) == ["LD-1", "LD-2", "LD-3", "LD-4", "LD-6"]
    assert count(db, ChecklistTheme) == 2


def test_changed_content_for_a_locked_version_is_refused(db, salvador_file, tmp_path):
    template, _ = services.import_template(salvador_file)
    services.lock_template_version(template)
    db.session.commit()
    changed = changed_copy(salvador_file, tmp_path / "salvador-declaration.yaml",
                           ("for their warm and generous hospitality", "for their generous hospitality"))
    with pytest.raises(services.TemplateLocked) as refused:
        services.import_template(changed)
    message = str(refused.value)
    assert "salvador-declaration version 3 is used by a reporting cycle" in message
    assert "Give the changed file a new version (version: 4) and import it again" in message
    db.session.rollback()
    db.session.expire_all()
    stored = services.find_template("salvador-declaration", 3)
    assert stored.items[54].text["en"].endswith("for their warm and generous hospitality and for the excellent "
                                                 "facilities provided for the Twelfth Congress.")


def test_a_new_version_is_stored_beside_the_locked_one_and_may_name_replaced_items(db, test_template_file, tmp_path):
    first, _ = services.import_template(test_template_file)
    services.lock_template_version(first)
    second_file = changed_copy(
        test_template_file, tmp_path / "test-declaration.yaml",
        ("version: 1", "version: 2"),
        ("  - code: LD-5\n", "  - code: LD-5b\n    replaces: LD-5\n"),
    )
    second, outcome = services.import_template(second_file)
    assert outcome is services.ImportOutcome.CREATED
    assert (second.version, second.is_locked, first.is_locked) == (2, False, True)
    assert second.items[-1].code == "LD-5b" and second.items[-1].replaces == "LD-5"
    assert [item.code for item in first.items][-1] == "LD-5"
    assert services.next_version("test-declaration") == 3


def test_replaces_must_name_an_item_of_an_earlier_version(db, test_template_file, tmp_path):
    services.import_template(test_template_file)
    second_file = changed_copy(
        test_template_file, tmp_path / "test-declaration.yaml",
        ("version: 1", "version: 2"),
        ("  - code: LD-5\n", "  - code: LD-5b\n    replaces: LD-9\n"),
    )
    with pytest.raises(services.ChecklistError, match="replaces names LD-9, which no earlier version of "
                                                      "test-declaration has"):
        services.import_template(second_file)


def test_an_invalid_file_is_refused_with_its_errors(db, test_template_file, tmp_path):
    broken = changed_copy(test_template_file, tmp_path / "x.yaml", ("    addressee: declaratory\n", ""))
    with pytest.raises(services.TemplateInvalid) as refused:
        services.import_template(broken)
    assert [str(e) for e in refused.value.errors] == [
        f"{broken}:107: items[4].addressee: required key is missing; an item needs code, paragraph, theme, "
        "addressee, questions and text"
    ]
    assert count(db, ChecklistTemplate) == 0


def test_locking_is_recorded_once(db, test_template_file):
    template, _ = services.import_template(test_template_file)
    assert services.lock_template_version(template) is template
    locked_at = template.locked_at
    assert locked_at is not None and locked_at.tzinfo is not None
    services.lock_template_version(template)
    assert template.locked_at == locked_at


def test_listing_gives_counts_and_use(db, salvador_file, test_template_file):
    salvador, _ = services.import_template(salvador_file)
    services.import_template(test_template_file)
    services.lock_template_version(salvador)
    listed = [(s.key, s.version, s.item_count, s.theme_count, s.is_locked) for s in services.list_templates()]
    assert listed == [("salvador-declaration", 3, 55, 17, True), ("test-declaration", 1, 5, 2, False)]
