"""Accessibility in Chromium: the main pages pass axe-core's WCAG 2 A and AA rules (contrast included), a
focused or linked element is never hidden under the checklist's sticky save bar, and the pages fit a phone's
width without scrolling sideways.

axe-core runs in the page under the portal's own Content-Security-Policy: the test server serves it from
the portal's origin (tests/browser/conftest.py), as the CSP refuses an inline script.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from portal.accounts.services import find_user_by_email
from portal.checklists.services import import_template
from portal.core.extensions import db
from portal.cycles.services import create_cycle, find_cycle, open_cycle
from portal.demo.reports import SETTINGS_2011
from portal.reports.compile import compile_report
from portal.reports.services import create_report, reports_of, settings_of
from portal.states.services import find_state
from portal.submissions import services
from tests.browser.conftest import sign_in
from tests.conftest import CHECKLISTS_DIR
from tests.review.conftest import complete_changes

CYCLE_KEY = "salvador-browser-accessibility"
WRITING = "MLT"  # its reply is being written; Malta replied in 2011 too, so its pages show the last report
SUBMITTED = "PRT"  # its reply is complete and submitted, waiting for the Secretariat's review
FOCAL = "focal.mlt@example.org"
OFFICER = "secretariat@example.org"
REPORT_SYMBOL = "E/CN.15/2011/15 (accessibility)"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"width": 375, "height": 667}


@pytest.fixture
def reporting(live_app, cycle_2011):
    """An open cycle with Malta's reply being written and Portugal's submitted, and a compiled report on 2011;
    return the pages' addresses."""
    with live_app.app_context():
        officer = find_user_by_email(OFFICER)
        if find_cycle(CYCLE_KEY) is None:
            template, _ = import_template(CHECKLISTS_DIR / "salvador-declaration.yaml")
            cycle = create_cycle(
                key=CYCLE_KEY, title="Follow-up to the Salvador Declaration (browser accessibility)",
                template=template, opens_on=dt.date(2026, 1, 15), deadline=dt.date(2026, 4, 15),
                cutoff_on=dt.date(2026, 4, 25), states=[find_state(WRITING), find_state(SUBMITTED)], created_by=officer,
            )
            replies = {reply.state.code: reply for reply in open_cycle(cycle, officer)}
            portugal = find_user_by_email(f"focal.{SUBMITTED.lower()}@example.org")
            result = services.save_answers(replies[SUBMITTED], portugal, complete_changes(template))
            assert not result.errors
            services.submit_reply(replies[SUBMITTED], portugal)
            report = create_report(find_cycle(cycle_2011), user=officer,
                                   settings=dataclasses.replace(SETTINGS_2011, symbol=REPORT_SYMBOL))
            compile_report(report, user=officer)
            db.session.commit()
        [report] = [r for r in reports_of(find_cycle(cycle_2011)) if settings_of(r).symbol == REPORT_SYMBOL]
        report_id = report.id
    reply = f"/cycles/{CYCLE_KEY}/states"
    return {
        "reply overview": f"{reply}/{WRITING}/",
        "theme": f"{reply}/{WRITING}/themes/standards-norms",
        "review": f"{reply}/{SUBMITTED}/review",
        "cycle dashboard": f"/cycles/{CYCLE_KEY}/",
        "report editor": f"/cycles/{cycle_2011}/reports/{report_id}/",
    }


def axe_violations(page, axe_script) -> list[dict]:
    """Run axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on the page; return the violations found."""
    page.add_script_tag(url=axe_script)
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return results.violations.map((v) => ({
                id: v.id, help: v.help,
                nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
            }));
        }""",
        WCAG_TAGS,
    )


def assert_accessible(page, axe_script) -> None:
    violations = axe_violations(page, axe_script)
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']}: {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {node['target']}")
            lines.extend(f"        {line}" for line in (node["summary"] or "").splitlines())
    print("\n".join(lines))
    assert not violations, f"axe finds on {page.url}:\n" + "\n".join(lines)


def test_the_sign_in_page_passes_axe(page, axe_script):
    page.goto("/login")
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    assert_accessible(page, axe_script)


@pytest.mark.parametrize("who, name", [
    (FOCAL, "/dashboard"),
    (FOCAL, "reply overview"),
    (OFFICER, "/dashboard"),
    (OFFICER, "review"),
    (OFFICER, "report editor"),
    (OFFICER, "/exports/"),
    (OFFICER, "cycle dashboard"),
], ids=["focal point's dashboard", "reply overview", "Secretariat's dashboard", "review of a submitted reply",
        "report editor", "exports", "cycle dashboard"])
def test_a_page_passes_axe(page, axe_script, reporting, who, name):
    sign_in(page, who)
    page.goto(reporting.get(name, name))
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page, axe_script)


def test_a_theme_page_showing_answers_not_saved_and_missing_passes_axe(page, axe_script, reporting):
    sign_in(page, FOCAL)
    page.goto(reporting["theme"])
    # A reference with a citation and no title is refused when the page is saved.
    page.locator("#q-SD-1-references-0-citation").fill("Criminal Code, chapter 9")
    page.get_by_role("button", name="Save").first.click()
    expect(page.locator("#error-summary")).to_contain_text("Reference 1: give its title.")
    expect(page.locator("#missing-summary")).to_contain_text("required answers are missing on this page")
    assert_accessible(page, axe_script)


# The sticky save bar of a theme page must hide neither the field a link leads to nor a field given the focus.

def focus_and_bar(page, element: str = "document.activeElement") -> dict:
    """Return the boxes of the sticky save bar and of ``element`` (a JavaScript expression), and the window's height."""
    return page.evaluate(f"""() => {{
        const box = (element) => {{ const r = element.getBoundingClientRect(); return {{top: r.top, bottom: r.bottom}}; }};
        const element = {element};
        return {{bar: box(document.querySelector(".save-bar-top")), element: box(element), height: innerHeight,
                 id: document.activeElement.id, group: document.activeElement.closest("fieldset")?.id ?? null,
                 in_bar: !!document.activeElement.closest(".save-bar-top"), scrolled: scrollY}};
    }}""")


def assert_below_the_bar(boxes: dict, what: str) -> None:
    assert boxes["scrolled"] > 0 and boxes["bar"]["top"] == 0, "the page is scrolled and the bar sticks at the top"
    assert boxes["bar"]["bottom"] <= boxes["element"]["top"], f"{what} is under the sticky save bar: {boxes}"
    assert boxes["element"]["bottom"] <= boxes["height"], f"{what} is below the window: {boxes}"


def test_a_link_to_a_missing_choice_puts_the_cursor_in_it_with_its_legend_below_the_save_bar(page, reporting):
    sign_in(page, FOCAL)
    page.goto(f"{reporting['theme']}?check=1")
    page.locator("#missing-summary").get_by_role("link", name="Paragraph 4, Status of implementation").click()
    expect(page.locator("#q-SD-4-status-fully")).to_be_focused()  # the first radio: none is chosen
    boxes = focus_and_bar(page, 'document.querySelector("#q-SD-4-status legend")')
    assert boxes["group"] == "q-SD-4-status"
    assert_below_the_bar(boxes, "the legend of paragraph 4's status")


def test_without_javascript_a_link_to_a_missing_choice_puts_the_cursor_in_it_below_the_save_bar(
    browser, live_server, reporting
):
    context = browser.new_context(base_url=live_server, locale="en-GB", java_script_enabled=False)
    try:
        page = context.new_page()
        sign_in(page, FOCAL)
        page.goto(f"{reporting['theme']}?check=1")
        page.locator("#missing-summary").get_by_role("link", name="Paragraph 4, Status of implementation").click()
        expect(page.locator("#q-SD-4-status-fully")).to_be_focused()
        assert_below_the_bar(focus_and_bar(page), "the first radio of paragraph 4's status")
    finally:
        context.close()


def test_tabbing_backwards_through_a_theme_never_hides_the_focus_under_the_save_bar(page, reporting):
    sign_in(page, FOCAL)
    page.goto(reporting["theme"])
    page.locator(".save-bar-bottom").get_by_role("button", name="Save").focus()
    hidden, seen = [], 0
    while True:
        page.keyboard.press("Shift+Tab")
        boxes = focus_and_bar(page)
        if boxes["in_bar"]:
            break  # back at the top of the form, at the bar's own Save button
        seen += 1
        assert seen < 500, "Shift+Tab never reaches the save bar"
        if boxes["element"]["top"] < boxes["bar"]["bottom"] or boxes["element"]["bottom"] > boxes["height"]:
            hidden.append(boxes["id"] or boxes)
    assert seen > 20  # the walk went through the questions
    assert hidden == [], f"{len(hidden)} of {seen} focused elements were hidden under the save bar: {hidden}"


# On a phone, a page scrolls up and down only (WCAG 1.4.10 Reflow): tables scroll inside their own box.

def overflowing(page) -> list[str]:
    """Return the elements that reach past the window's right edge, outside a box that scrolls sideways."""
    return page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        const scrolls = (element) => { for (let e = element.parentElement; e; e = e.parentElement) {
            if (["auto", "scroll"].includes(getComputedStyle(e).overflowX)) return true; } return false; };
        return [...document.querySelectorAll("body *")]
            .filter((e) => e.getBoundingClientRect().right > width + 0.5 && !scrolls(e))
            .map((e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + String(e.className).split(" ").join(".") : ""));
    }""")


@pytest.mark.parametrize("who, name", [
    (FOCAL, "/dashboard"),
    (FOCAL, "reply overview"),
    (FOCAL, "theme"),
    (OFFICER, "review"),
    (OFFICER, "cycle dashboard"),
], ids=["focal point's dashboard", "reply overview", "theme page", "review of a submitted reply", "cycle dashboard"])
def test_a_page_fits_a_phone_without_scrolling_sideways(browser, live_server, reporting, who, name):
    context = browser.new_context(base_url=live_server, locale="en-GB", viewport=PHONE)
    try:
        page = context.new_page()
        sign_in(page, who)
        page.goto(reporting.get(name, name))
        expect(page.locator("h1")).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{page.url} is {width} px wide: {overflowing(page)[:10]}"
    finally:
        context.close()
