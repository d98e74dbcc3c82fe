"""Filling the checklist in Chromium: autosave, reload, a missing required answer, two people on one
answer, and a theme filled with the keyboard alone."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import time

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from portal.checklists.models import ChecklistItem
from portal.checklists.services import import_template
from portal.core.access import Role
from portal.core.extensions import db
from portal.cycles.models import ReportingCycle
from portal.cycles.services import create_cycle, open_cycle
from portal.states.services import find_state
from portal.submissions.models import Answer, Submission
from tests.conftest import CHECKLISTS_DIR
from tests.browser.conftest import sign_in

PASSWORD = "correct-horse-battery"
STATE = "CAN"
_numbers = itertools.count(1)


@pytest.fixture
def checklist(live_app, make_account):
    """An open cycle of the live portal with Canada invited, and a focal point and a contributor of Canada."""
    number = next(_numbers)
    key = f"salvador-browser-filling-{number}"
    with live_app.app_context():
        template, _ = import_template(CHECKLISTS_DIR / "salvador-declaration.yaml")
        cycle = create_cycle(
            key=key, title=f"Follow-up to the Salvador Declaration (browser filling {number})", template=template,
            opens_on=dt.date(2026, 1, 15), deadline=dt.date(2026, 4, 15), cutoff_on=dt.date(2026, 4, 25),
            states=[find_state(STATE)], created_by=None,
        )
        open_cycle(cycle, None)
        db.session.commit()
    focal = make_account(Role.FOCAL_POINT, STATE, email=f"filling.focal.{number}@example.org", name="Claire Tremblay")
    contributor = make_account(Role.CONTRIBUTOR, STATE, email=f"filling.contributor.{number}@example.org",
                               name="Jean Contributor")
    return {"key": key, "home": f"/cycles/{key}/states/{STATE}/", "themes": f"/cycles/{key}/states/{STATE}/themes",
            "focal": focal, "contributor": contributor}


def watch_csp(page) -> list[str]:
    violations = []
    page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
    return violations


def expect_saved(page, field: str, revision: str):
    """Wait for the autosave of ``field`` to reach ``revision`` and for the page to say so."""
    expect(page.locator(f'input[name="rev-{field}"]')).to_have_value(revision)
    expect(page.locator("#save-status")).to_have_text(re.compile(r"^Saved at \d\d:\d\d UTC$"))


def test_focal_point_fills_two_themes_reloads_and_meets_a_missing_answer(page, checklist):
    violations = watch_csp(page)
    sign_in(page, checklist["focal"])
    page.goto(checklist["home"])
    page.get_by_role("link", name=re.compile(r"^A\. United Nations standards and norms")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("United Nations standards and norms")

    sd1 = page.locator("#item-SD-1")
    expect(sd1).to_contain_text("an effective, fair and humane criminal justice system")
    # conditional questions appear as the status is chosen
    expect(page.locator("#q-SD-1-measures")).to_be_hidden()
    sd1.get_by_label("Partially implemented").check()
    expect(page.locator("#q-SD-1-measures")).to_be_visible()
    expect(page.locator("#q-SD-1-planned_action")).to_be_visible()
    expect(page.locator("#q-SD-1-na_reason")).to_be_hidden()
    page.locator("#q-SD-1-measures").fill("The Charter binds every actor of the criminal justice system.\n\nSecond paragraph.")
    expect_saved(page, "q-SD-1-measures", "1")
    expect(page.locator('[data-progress-item="SD-1"]')).to_have_text("2 of 2 required answers given")

    # references grow and shrink row by row
    sd1.get_by_role("button", name="Add a row").click()
    expect(page.locator("#q-SD-1-references-1-title")).to_be_focused()
    page.locator("#q-SD-1-references-0-title").fill("Canadian Charter of Rights and Freedoms")
    page.locator("#q-SD-1-references-0-date").fill("1982-04-17")
    page.locator("#q-SD-1-references-1-title").fill("Criminal Code")
    sd1.get_by_role("button", name="Add a row").click()
    page.locator("#q-SD-1-references-2-title").fill("A row to remove")
    sd1.get_by_role("button", name="Remove reference 3").click()
    expect(page.locator("#q-SD-1-references-2-title")).to_have_count(0)
    expect_saved(page, "q-SD-1-references", "1")

    # the next theme
    page.get_by_role("link", name=re.compile(r"^Next theme: B\.")).click()
    sd5 = page.locator("#item-SD-5")
    sd5.get_by_label("Fully implemented").check()
    page.locator("#q-SD-5-measures").fill("Gender-based analysis of every criminal law reform.")
    sd5.get_by_role("group", name="Does your State need technical assistance").get_by_label("Yes").check()
    sd5.get_by_label("Capacity-building and training").check()
    expect_saved(page, "q-SD-5-assistance_kinds", "1")

    # a reload loses nothing
    page.reload()
    expect(page.locator("#q-SD-5-measures")).to_have_value("Gender-based analysis of every criminal law reform.")
    expect(page.locator("#q-SD-5-assistance_kinds-training")).to_be_checked()
    expect(page.locator("#q-SD-5-assistance_kinds")).to_be_visible()
    page.get_by_role("link", name=re.compile(r"^Previous theme: A\.")).click()
    expect(page.locator("#q-SD-1-status-partially")).to_be_checked()
    expect(page.locator("#q-SD-1-measures")).to_have_value(
        "The Charter binds every actor of the criminal justice system.\n\nSecond paragraph.")
    expect(page.locator("#q-SD-1-references-0-title")).to_have_value("Canadian Charter of Rights and Freedoms")
    expect(page.locator("#q-SD-1-references-1-title")).to_have_value("Criminal Code")
    expect(page.locator("#q-SD-1-references-2-title")).to_have_value("")

    # a required answer left empty is reported, tied to its field, when the theme is saved
    page.locator("#item-SD-2").get_by_label("Planned or under way").check()
    page.get_by_role("button", name="Save").first.click()
    expect(page.get_by_text(re.compile(r"^Saved at \d\d:\d\d UTC: "))).to_be_visible()  # autosave may have been first
    summary = page.locator("#missing-summary")
    expect(summary).to_contain_text("required answers are missing on this page")
    link = summary.get_by_role("link", name=re.compile(r"Paragraph 2, Describe the measures"))
    expect(link).to_be_visible()
    measures = page.locator("#q-SD-2-measures")
    expect(measures).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#q-SD-2-measures-missing")).to_contain_text("Required")
    assert "q-SD-2-measures-missing" in measures.get_attribute("aria-describedby")
    link.click()
    expect(measures).to_be_focused()
    assert violations == []


def test_two_people_edit_one_answer_and_the_second_is_refused_with_both_texts(browser, live_server, checklist):
    contexts = [browser.new_context(base_url=live_server, locale="en-GB") for _ in range(2)]
    try:
        first, second = (context.new_page() for context in contexts)
        for page in (first, second):
            page.set_default_timeout(10_000)
        sign_in(first, checklist["focal"])
        sign_in(second, checklist["contributor"])
        theme = f"{checklist['themes']}/gender-victims"
        first.goto(theme)
        second.goto(theme)  # both pages hold revision 0 of paragraph 6's examples

        first.locator("#q-SD-6-examples").fill("Claire's text: 120 shelters opened since 2020.")
        expect_saved(first, "q-SD-6-examples", "1")

        second.locator("#q-SD-6-examples").fill("Jean's text: a national hotline for victims.")
        status = second.locator("#save-status")
        expect(status).to_have_text(re.compile(r"^Not saved: someone else saved a newer answer"))
        conflict = second.locator("#q-SD-6-examples-live-conflict")
        expect(conflict).to_contain_text("Their version (Claire Tremblay")
        expect(conflict).to_contain_text("Claire's text: 120 shelters opened since 2020.")
        expect(conflict).to_contain_text("Your version")
        expect(conflict).to_contain_text("Jean's text: a national hotline for victims.")
        field = second.locator("#q-SD-6-examples")
        expect(field).to_have_value("Jean's text: a national hotline for victims.")  # nothing typed is lost
        expect(field).to_have_attribute("aria-invalid", "true")

        # Jean keeps his version, knowingly; Claire sees it after a reload
        conflict.get_by_role("button", name="Keep my version").click()
        expect_saved(second, "q-SD-6-examples", "2")
        expect(conflict).to_have_count(0)
        first.reload()
        expect(first.locator("#q-SD-6-examples")).to_have_value("Jean's text: a national hotline for victims.")
    finally:
        for context in contexts:
            context.close()


def tab_to(page, element_id: str, *, backwards: bool = False, limit: int = 80):
    """Press Tab (or Shift+Tab) until the element ``element_id`` has the focus."""
    for _ in range(limit):
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"#{element_id} cannot be reached with the keyboard")


def test_a_theme_is_filled_and_saved_with_the_keyboard_alone(page, checklist):
    sign_in(page, checklist["focal"])
    page.goto(f"{checklist['themes']}/crime-data")
    tab_to(page, "q-SD-11-status-fully")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # the focus is visible
    page.keyboard.press("ArrowDown")  # radios: the arrows choose
    expect(page.locator("#q-SD-11-status-partially")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.locator("#q-SD-11-measures")).to_be_focused()  # the question shown by the choice comes next
    page.keyboard.type("Statistics Canada runs a victimization survey every five years.")
    tab_to(page, "q-SD-11-challenges-resources")
    page.keyboard.press("Space")
    expect(page.locator("#q-SD-11-challenges-resources")).to_be_checked()
    tab_to(page, "q-SD-11-references-0-title", backwards=True)
    page.keyboard.type("Statistics Act")
    page.keyboard.press("Enter")  # Enter in a text field saves the page
    expect(page.get_by_text(re.compile(r"^Saved at \d\d:\d\d UTC: "))).to_be_visible()
    page.reload()
    expect(page.locator("#q-SD-11-status-partially")).to_be_checked()
    expect(page.locator("#q-SD-11-measures")).to_have_value("Statistics Canada runs a victimization survey every five years.")
    expect(page.locator("#q-SD-11-challenges-resources")).to_be_checked()
    expect(page.locator("#q-SD-11-references-0-title")).to_have_value("Statistics Act")


def test_text_typed_after_signing_out_elsewhere_is_kept_and_saved_on_return(page, checklist):
    sign_in(page, checklist["focal"])
    page.goto(f"{checklist['themes']}/standards-norms")
    page.locator("#item-SD-1").get_by_label("Partially implemented").check()
    expect_saved(page, "q-SD-1-status", "1")

    other = page.context.new_page()  # another tab of the same browser signs out
    other.goto("/dashboard")
    other.get_by_role("button", name="Sign out").click()
    expect(other).to_have_url(re.compile(r"/login"))

    page.bring_to_front()
    page.locator("#q-SD-1-measures").fill("Written while signed out.")
    expect(page.locator("#save-status")).to_have_text(re.compile(r"^Not saved: you are signed out\."))
    expect(page.locator("#q-SD-1-measures")).to_have_value("Written while signed out.")

    sign_in(other, checklist["focal"])
    page.bring_to_front()
    page.evaluate("window.dispatchEvent(new Event('focus'))")  # the window gets the focus back
    expect_saved(page, "q-SD-1-measures", "1")
    page.reload()
    expect(page.locator("#q-SD-1-measures")).to_have_value("Written while signed out.")


def stored_measures(live_app, checklist) -> str | None:
    """Return Canada's stored answer to paragraph 1's measures in the checklist's cycle."""
    with live_app.app_context():
        value = db.session.scalar(
            sa.select(Answer.value)
            .join(ChecklistItem, Answer.item_id == ChecklistItem.id)
            .join(Submission, Answer.submission_id == Submission.id)
            .join(ReportingCycle, Submission.cycle_id == ReportingCycle.id)
            .where(ChecklistItem.code == "SD-1", Answer.question_code == "measures",
                   ReportingCycle.key == checklist["key"], Submission.state.has(code=STATE)))
        db.session.remove()
        return value


def test_leaving_the_page_right_after_typing_keeps_the_last_words_without_asking(page, checklist, live_app):
    """The last words typed before following a link (within the autosave's pause) are saved, and no dialog asks."""
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    sign_in(page, checklist["focal"])
    page.goto(f"{checklist['themes']}/standards-norms")
    page.locator("#item-SD-1").get_by_label("Partially implemented").check()
    expect_saved(page, "q-SD-1-status", "1")
    last_words = "Typed just before leaving the page, and not to be lost."
    page.locator("#q-SD-1-measures").fill(last_words)
    page.get_by_role("link", name=re.compile(r"checklist home")).click()  # at once: the autosave waits 1.5 s
    expect(page.get_by_role("heading", level=1)).to_contain_text("Canada")
    assert dialogs == []
    # The request sent as the page went may still be on its way: wait for the answer to be stored, then look.
    deadline = time.monotonic() + 10
    while stored_measures(live_app, checklist) != last_words and time.monotonic() < deadline:
        time.sleep(0.1)
    page.goto(f"{checklist['themes']}/standards-norms")
    expect(page.locator("#q-SD-1-measures")).to_have_value(last_words)
    expect(page.locator("#q-SD-1-measures-carried")).to_have_count(0)


@pytest.mark.parametrize("javascript", [True, False])
def test_the_page_says_how_answers_are_kept_with_and_without_javascript(browser, live_server, checklist, javascript):
    context = browser.new_context(base_url=live_server, java_script_enabled=javascript)
    try:
        page = context.new_page()
        sign_in(page, checklist["focal"])
        page.goto(f"{checklist['themes']}/standards-norms")
        as_typed = page.get_by_text("Your answers are saved as you type")
        by_button = page.get_by_text("Press Save to keep your answers")
        expect(as_typed if javascript else by_button).to_be_visible()
        expect(by_button if javascript else as_typed).to_be_hidden()
    finally:
        context.close()
