"""A list of entries in Chromium: a row added in place, each entry autosaved as part of the list,
a row cleared to remove it, everything as saved after a reload."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import sign_in
from tests.browser.test_checklist_filling import checklist, expect_saved, watch_csp  # noqa: F401 (fixture)

NAME = "q-general-tools_training"


def test_entries_are_added_in_place_autosaved_and_removed_by_clearing(page, checklist):  # noqa: F811
    violations = watch_csp(page)
    sign_in(page, checklist["focal"])
    page.goto(checklist["home"] + "general")
    question = page.locator(f"#{NAME}")
    expect(question.get_by_label("Entry 1", exact=True)).to_be_visible()
    expect(question.get_by_label("Entry 2", exact=True)).to_have_count(0)

    question.get_by_label("Entry 1", exact=True).fill("Tools on asset recovery")
    expect_saved(page, NAME, "1")
    # the button adds a row in place (no page load: the status line stays), its label numbered
    question.get_by_role("button", name=re.compile("^Add another entry")).click()
    second = question.get_by_label("Entry 2", exact=True)
    expect(second).to_be_focused()
    expect(page.locator("#save-status")).to_have_text(re.compile(r"^Saved at"))
    second.fill("Training on cybercrime\nfor judges")
    expect_saved(page, NAME, "2")
    question.get_by_role("button", name=re.compile("^Add another entry")).click()
    question.get_by_label("Entry 3", exact=True).fill("Prison management")
    expect_saved(page, NAME, "3")

    page.reload()
    expect(question.get_by_label("Entry 1", exact=True)).to_have_value("Tools on asset recovery")
    expect(question.get_by_label("Entry 2", exact=True)).to_have_value("Training on cybercrime\nfor judges")
    expect(question.get_by_label("Entry 3", exact=True)).to_have_value("Prison management")
    expect(question.get_by_label("Entry 4", exact=True)).to_have_value("")  # one empty row more

    # clearing a row removes the entry: the others keep their order
    question.get_by_label("Entry 1", exact=True).fill("")
    expect_saved(page, NAME, "4")
    page.reload()
    expect(question.get_by_label("Entry 1", exact=True)).to_have_value("Training on cybercrime\nfor judges")
    expect(question.get_by_label("Entry 2", exact=True)).to_have_value("Prison management")
    expect(question.get_by_label("Entry 3", exact=True)).to_have_value("")

    # a control character pasted in an entry: the request is refused (portal.core.inputs), the text stays
    question.get_by_label("Entry 3", exact=True).fill("Bad \u0007 bell")
    expect(page.locator("#save-status")).to_have_text(re.compile(r"^Not saved: .*control character"))
    expect(question.get_by_label("Entry 3", exact=True)).to_have_value("Bad \u0007 bell")
    assert violations == []
