"""The Secretariat reviews the paragraphs the drafting was not sure of: shows only them, reads why, compares one
with the answer it came from, accepts it; and reads the prose check's findings on a paragraph it edited."""

from __future__ import annotations

import os
import re
from pathlib import Path

from playwright.sync_api import expect

from portal.reports import compile as compiling
from tests.browser.conftest import sign_in
from tests.browser.test_reports import OFFICER
from tests.reports.test_flags import Engine

REASON = "check the tense of \u201ctrains\u201d"


def keep(page, name: str) -> None:
    """Keep a screenshot of the page when BROWSER_ARTEFACTS names a folder."""
    artefacts = os.environ.get("BROWSER_ARTEFACTS")
    if artefacts:
        Path(artefacts).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(artefacts) / f"review-{name}.png"), full_page=True)


def test_show_the_flagged_paragraphs_compare_accept_and_read_the_prose_check(page, cycle_2011, monkeypatch):  # noqa: F811
    engine = Engine()
    engine.original = compiling.write_draft
    monkeypatch.setattr(compiling, "write_draft", engine.write_draft)  # the portal runs in this process
    engine.texts["state:CAN:SD-5"] = ("Canada reported that a national employment strategy for women offenders had "
                                      "been finalized by the Correctional Service.")
    engine.flags["state:CAN:"] = [("employment strategy", REASON)]

    sign_in(page, OFFICER)
    page.goto(f"/cycles/{cycle_2011}/reports/new")
    page.get_by_label("Title of the report").fill("Review of flagged paragraphs")
    page.get_by_role("button", name="Create the report").click()
    page.get_by_role("button", name="Compile from the replies").click()
    expect(page.get_by_text("1 paragraph is flagged: the drafting was not sure of its text.")).to_be_visible()

    page.get_by_role("link", name="Show only the flagged paragraphs").click()
    expect(page.get_by_text("Showing only the flagged paragraphs.")).to_be_visible()
    flagged = page.locator("li.report-block")
    expect(flagged).to_have_count(1)
    expect(flagged.locator("mark.report-flag")).to_have_text("employment strategy")
    expect(flagged.locator("mark.report-flag")).to_have_attribute("title", REASON)
    expect(flagged.locator(".report-flag-list li")).to_have_text(f"employment strategy: {REASON}")  # <q> adds the quotation marks

    # The answer beside the generated text: the words the report changed, marked on each side.
    flagged.locator(".report-compare summary").click()
    expect(flagged.locator(".report-compare-answers del").first).to_be_visible()
    expect(flagged.locator(".report-compare-generated ins").first).to_be_visible()
    expect(flagged.locator(".report-compare-generated")).to_contain_text("had been finalized by the Correctional Service.")
    keep(page, "flagged")

    flagged.get_by_role("button", name=re.compile(r"^Accept as generated")).click()
    expect(page.get_by_text("The paragraph is accepted as generated")).to_be_visible()
    expect(page.get_by_text("0 paragraphs are flagged")).to_be_visible()
    expect(page.locator("li.report-block")).to_have_count(0)

    # An edit the prose check finds fault with, shown on the paragraph.
    page.get_by_role("link", name="Show every block").click()
    canada = page.locator("li.report-block", has_text="employment strategy").first
    canada.get_by_role("link", name=re.compile(r"^Edit")).click()
    page.locator("li.report-block textarea").fill("The Government of Canada approved a strategy, and Canada funded it.")
    page.get_by_role("button", name="Save").click()
    edited = page.locator("li.report-block", has_text="The Government of Canada approved")
    findings = edited.locator(".report-findings")
    expect(findings).to_contain_text("Canada is named twice in this sentence")
    expect(findings).to_contain_text("The first sentence does not name the State followed by a reporting verb")
    page.get_by_role("link", name="Show only those blocks").click()
    expect(page.locator("li.report-block", has_text="The Government of Canada approved")).to_have_count(1)
    keep(page, "findings")
