"""The blank checklist PDF, and the PDF engine's refusal to fetch anything but the report assets."""

from __future__ import annotations

import dataclasses
import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from portal.checklists import services
from portal.checklists.loader import load_checklist
from portal.checklists.pdf import blank_checklist_outline, render_blank_checklist
from portal.core.pdf import REPORTS_DIR, PdfError, RefusedURL, html_to_pdf, report_asset_fetcher
from tests.checklists.conftest import SALVADOR_FILE
from tests.i18n.catalogues import catalogue
from tests.pdf_fonts import BUNDLED_FAMILIES, characters_by_family, embedded_fonts


def squeeze(text: str) -> str:
    """Drop all white space: where lines break in the PDF is layout, not content."""
    return re.sub(r"\s+", "", text)



def body_text(pdf: bytes, running_header: str) -> str:
    """Return the text of all pages without the running header and the page numbers (page furniture)."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    bodies = []
    for number, page in enumerate(pages, start=1):
        lines = page.extract_text().splitlines()
        assert lines[-1] == f"{number}/{len(pages)}"
        furniture = 1 if number == 1 else 2
        if number > 1:
            assert lines[-2] == running_header
        bodies.append("\n".join(lines[:-furniture]))
    return "\n".join(bodies)


def test_salvador_pdf_has_every_paragraph_number_and_text(salvador_pdf):
    text = squeeze(body_text(salvador_pdf, "Salvador Declaration salvador-declaration/3"))
    for item in load_checklist(SALVADOR_FILE).definition["items"]:
        assert squeeze(f"{item['paragraph']}. {item['text']['en']}") in text, item["code"]
    assert squeeze("United Nations") in text and squeeze("Self-assessment checklist") in text
    assert squeeze("Questions asked once per checklist") in text


def test_salvador_pdf_pages_have_header_and_numbers(salvador_pdf):
    """body_text() checks each page's running header and number: "Salvador Declaration", "3/76"."""
    assert 40 < len(PdfReader(io.BytesIO(salvador_pdf)).pages) < 150
    body_text(salvador_pdf, "Salvador Declaration salvador-declaration/3")


def test_salvador_pdf_embeds_the_bundled_liberation_serif(salvador_pdf):
    fonts = embedded_fonts(salvador_pdf)
    assert len(fonts) >= 3  # regular, bold and italic at least
    for base_name, font in fonts.items():
        assert "Liberation-Serif" in base_name
        assert "/FontFile2" in font["descriptor"], f"{base_name} is not embedded"
        assert font["names"][1] == "Liberation Serif"
        assert font["names"][5].startswith("Version 2.1.5")


def test_french_test_template_goes_through_the_pdf(db, test_template_file):
    template, _ = services.import_template(test_template_file)
    checklist = blank_checklist_outline(template, "fr")
    pdf = render_blank_checklist(checklist)
    reader = PdfReader(io.BytesIO(pdf))
    # the interface's words in French too, from its catalogue
    assert reader.metadata.title == "Déclaration de Lakeside: " + catalogue("fr").get("self-assessment checklist").string
    text = squeeze(body_text(pdf, "Déclaration de Lakeside test-declaration/1"))
    for item in template.items:
        assert squeeze(f"{item.paragraph}. {item.text['fr']}") in text
    for words in ("Justice de proximité", "État de la mise en œuvre", "Pleinement mise en œuvre",
                  "Une assistance est-elle nécessaire ?", "Propositions de suivi", "Références juridiques",
                  "Propositions d'activités futures", "Une proposition par entrée."):
        assert squeeze(words) in text, words
    # a list of entries gets three numbered lines
    proposals = text[text.index(squeeze("Une proposition par entrée.")):]
    assert proposals.startswith(squeeze("Une proposition par entrée.") + "1.2.3.")
    assert all("Liberation-Serif" in name for name in embedded_fonts(pdf))
    assert render_blank_checklist(checklist) == pdf  # the same inputs give the same bytes


def test_chinese_arabic_and_emoji_titles_are_drawn_with_the_bundled_fonts_only(db, test_template_file):
    """The title is printed in the title block and, from page 2, in the running header (a page margin box)."""
    chinese, arabic, emoji = "宣言", "إعلان", "😀✅"
    template, _ = services.import_template(test_template_file)
    checklist = dataclasses.replace(blank_checklist_outline(template, "fr"), short_title=f"Lakeside {chinese} {arabic} {emoji}")
    pdf = render_blank_checklist(checklist)
    for page in PdfReader(io.BytesIO(pdf)).pages[1:]:
        assert chinese in page.extract_text()
    drawn = characters_by_family(pdf)
    assert set(drawn) <= BUNDLED_FAMILIES, set(drawn) - BUNDLED_FAMILIES  # no font of the machine
    assert set(chinese) <= drawn["Droid Sans Fallback"]
    assert set(emoji) <= drawn["Noto Emoji"]
    assert drawn["Noto Naskh Arabic"]


def test_the_fetcher_serves_report_assets_only(tmp_path):
    fetcher = report_asset_fetcher()
    css = fetcher.fetch((REPORTS_DIR / "common" / "un-page.css").as_uri())
    assert css.content_type == "text/css" and b"@page" in css.read()
    font = fetcher.fetch((REPORTS_DIR / "fonts" / "LiberationSerif-Regular.ttf").as_uri())
    assert font.content_type == "font/ttf"
    refused = [
        "file:///etc/passwd",
        "http://example.org/style.css",
        "https://example.org/font.ttf",
        "data:text/css,body{}",
        "ftp://example.org/x.css",
        (REPORTS_DIR / "checklist" / ".." / ".." / "portal" / "static" / "portal.css").as_uri(),
        f"file://{REPORTS_DIR}/../pyproject.toml",
        (REPORTS_DIR / "fonts" / "LICENSE").as_uri(),
        (REPORTS_DIR / "checklist" / "missing.css").as_uri(),
        "file://otherhost" + str(REPORTS_DIR / "checklist" / "checklist.css"),
    ]
    for url in refused:
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)


def test_a_symbolic_link_out_of_reports_is_refused(tmp_path):
    outside = tmp_path / "secret.css"
    outside.write_text("body { color: red }")
    root = tmp_path / "reports"
    root.mkdir()
    (root / "linked.css").symlink_to(outside)
    with pytest.raises(RefusedURL):
        report_asset_fetcher(root).fetch((root / "linked.css").as_uri())


@pytest.mark.parametrize("reference", [
    '<img src="file:///etc/passwd">',
    '<link rel="stylesheet" href="http://127.0.0.1:9/style.css">',
    '<img src="../../portal/static/portal.css">',
])
def test_rendering_stops_when_a_design_links_outside_the_assets(app, reference):
    with app.app_context(), pytest.raises(PdfError):
        html_to_pdf(f"<!doctype html><html><body><p>x</p>{reference}</body></html>", base=REPORTS_DIR / "checklist")


@pytest.mark.parametrize("language, family", [("ar", "Noto Naskh Arabic"), ("zh", "Droid Sans Fallback")])
def test_the_salvador_checklist_in_arabic_and_chinese(db, language, family):
    """The questions in the language and its bundled font; each paragraph in English, said so, and set left to right."""
    template, _ = services.import_template(SALVADOR_FILE)
    pdf = render_blank_checklist(blank_checklist_outline(template, language))
    definition = load_checklist(SALVADOR_FILE).definition
    status = definition["question_sets"][definition["items"][0]["questions"]][0]["label"][language]
    note = catalogue(language).get(
        "Original text in English: the official text of this paragraph in this language is not yet in the portal.").string
    drawn = characters_by_family(pdf)
    assert set(drawn) <= BUNDLED_FAMILIES, set(drawn) - BUNDLED_FAMILIES
    # a shaped Arabic glyph maps to its presentation form ("ﻓ"): compare letters
    drawn = {name: {unicodedata.normalize("NFKC", c) for c in characters} for name, characters in drawn.items()}
    assert set(status.replace(" ", "")) <= drawn[family]
    assert set(note.replace(" ", "")) - set(".:：。،") <= drawn[family] | drawn["Liberation Serif"]
    pages = PdfReader(io.BytesIO(pdf)).pages
    text = "\n".join(page.extract_text() for page in pages[2:5])
    # the English text reads left to right, its full stop at the end, not moved to the start of its last line
    first = definition["items"][0]
    assert f"{first['paragraph']}. We recognize that" in text
    assert "control of crime." in text and ".the protection" not in text
    if language == "zh":
        assert note in squeeze(text) and status in text
