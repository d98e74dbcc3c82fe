"""The Secretariat compiles the 2011 cycle's report, edits a paragraph, follows a paragraph to the answers
behind it, builds the PDF with the progress bar, downloads and reads it, and finalises the report."""

from __future__ import annotations

import io
import re
from pathlib import Path

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import sign_in

PASSWORD = "correct-horse-battery"
OFFICER = "secretariat@example.org"
EDITED = "As at 30 January 2011, the Secretariat had received eight replies, listed in the annex."


def wait_for_pdf(page) -> None:
    """Follow the job's page until the progress bar is full and the download link shows."""
    bar = page.locator("progress")
    expect(page.get_by_role("link", name="Download the PDF")).to_be_visible(timeout=180_000)
    assert bar.get_attribute("max") == bar.get_attribute("value")
    assert int(bar.get_attribute("max")) >= 1


def download_pdf(page) -> bytes:
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    return Path(download.value.path()).read_bytes()


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


def test_compile_edit_follow_sources_build_download_and_finalise(page, cycle_2011):
    sign_in(page, OFFICER)
    page.goto(f"/cycles/{cycle_2011}/")
    page.get_by_role("link", name="Compiled reports on this cycle").click()

    page.get_by_role("link", name="Create a report").click()
    page.get_by_label("Document symbol").fill("E/CN.15/2011/15")
    page.get_by_role("button", name="Create the report").click()
    expect(page.get_by_text("The report is created")).to_be_visible()
    editor_url = page.url

    page.get_by_role("button", name="Compile from the replies").click()
    expect(page.get_by_text(re.compile(r"The report is compiled: \d+ blocks added"))).to_be_visible()

    # Edit the paragraph that lists the States that replied.
    listing = page.locator("li.report-block", has_text="replies had been received from the following States")
    listing.get_by_role("link", name=re.compile(r"^Edit")).click()
    textarea = page.locator("li.report-block textarea")
    expect(textarea).to_contain_text("replies had been received")
    textarea.fill(EDITED)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The text is saved.")).to_be_visible()
    edited = page.locator("li.report-block", has_text=EDITED)
    expect(edited.locator(".badge-edited")).to_have_text("edited")

    # The answers behind a paragraph on Canada, and the jump to them in Canada's reply.
    canada = page.locator("li.report-block.kind-paragraph", has=page.locator("summary")).filter(has_text="Canada").first
    canada.locator("summary", has_text="The answer behind it").click()
    source = canada.locator(".report-source-head a").first
    expect(source).to_be_visible()
    source.click()
    expect(page).to_have_url(re.compile(r"/states/[A-Z]{3}/review#item-"))
    anchor = page.url.split("#", 1)[1]
    expect(page.locator(f"[id='{anchor}']")).to_be_visible()

    # The PDF of the draft, off the request path, with a progress bar.
    page.goto(editor_url)
    page.get_by_role("button", name="Build the PDF of the draft").click()
    expect(page.locator("h1")).to_have_text("Report PDF")
    wait_for_pdf(page)
    text = pdf_text(download_pdf(page))
    assert "E/CN.15/2011/15" in text
    assert EDITED in text

    # Finalise: the edition's PDF, then produced again identically.
    page.goto(editor_url)
    page.get_by_label("I confirm: store this draft").check()
    page.get_by_role("button", name="Finalise edition 1").click()
    expect(page.locator("h1")).to_have_text("Final edition")
    wait_for_pdf(page)
    assert EDITED in pdf_text(download_pdf(page))
    page.get_by_role("link", name="See the editions").click()
    expect(page.locator("#editions + table")).to_contain_text("1")
    page.get_by_role("button", name="Produce it again and compare").click()
    # Off the request path too: the job's page follows it, then says whether the PDF came out the same.
    expect(page.locator("h1")).to_have_text("Check of a final edition")
    verdict = page.get_by_text(re.compile(r"Edition 1 was produced again from its stored inputs: the PDF is identical"))
    expect(verdict).to_be_visible(timeout=180_000)
    expect(verdict).to_have_class(re.compile(r"flash-success"))
    expect(page.get_by_role("link", name="Download the PDF")).to_be_hidden()
    page.get_by_role("link", name="See the editions").click()
    expect(page.locator("#editions + table")).to_contain_text("1")
