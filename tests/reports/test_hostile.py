"""Hostile answers in the compilation print as text: no markup, no style, no fetch, no broken layout."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from portal.core.bidi import FSI, PDI, RLO
from portal.core.pdf import REPORTS_DIR, PdfError, report_asset_fetcher
from portal.reports import speech
from portal.reports.compilation import state_part
from portal.reports.document import Block, Document, Part, number_document
from portal.reports.render import render_document
from portal.reports.settings import ReportSettings
from portal.review.reply import AnswerText, ReplyItem, Reference, text_paragraphs
from tests.pdf_fonts import BUNDLED_FAMILIES, characters_by_family

HOSTILE = {
    "tags": "<b>bold</b> <script>alert(1)</script> </p></div><h1>Forged heading</h1>",
    "style": "<style>body { display: none } * { color: white }</style> after the style",
    "css": 'x" style="background: url(file:///etc/passwd)" data-y="',
    "url": "url(file:///etc/passwd) and @import url(http://127.0.0.1:9/evil.css);",
    "link": '<a href="file:///etc/passwd">file:///etc/passwd</a>',
    "image": '<img src="http://127.0.0.1:9/tracker.png"> <img src=file:///etc/hostname>',
    "footnote": "A footnote mark ^[not a footnote] typed by a State",
    "arabic": "اتخذت الحكومة تدابير تشريعية لمنع الجريمة",
    "chinese": "政府已采取立法措施预防犯罪",
    "emoji": "Done 😀👍✅☕",
}
LONG = " ".join(f"word{number:05d}" for number in range(1, 5001))  # 50,000 characters, one paragraph


def hostile_document() -> Document:
    answers = tuple(AnswerText(f"q{index}", f"Question {key}", "text", paragraphs=text_paragraphs(value))
                    for index, (key, value) in enumerate(HOSTILE.items()))
    items = [
        ReplyItem(1, "SD-1", 1, "Item text <i>not italic</i>", "theme", answers, False),
        ReplyItem(2, "SD-2", 2, "The long answer", "theme", (AnswerText("long", "Measures", "text", paragraphs=text_paragraphs(LONG)),), False),
        ReplyItem(3, "SD-3", 3, "References and choices", "theme", (
            AnswerText("refs", "Laws", "references", references=(Reference("<b>Act</b>", "No. 1", "1 May 2010", "file:///etc/passwd"),)),
            AnswerText("choice", "Status", "line", line="</span><span style='font-size:99pt'>Fully"),
        ), False),
    ]
    settings = ReportSettings(symbol="<b>E/CN.15/2011/15</b>", title="Replies </title><style>*{}</style>",
                              date=dt.date(2011, 1, 30), job_number="<img src=http://127.0.0.1:9/x>")
    parts = [Part("front", [Block("summary", "Compilation of <b>replies</b>.")]),
             state_part("Ruritania <script>", "RUR", items, ())]
    document = number_document(Document("compilation", settings, parts, title="Replies"))
    for block in document.blocks:  # as compilation_document does: no footnotes in the States' words
        block.segments = []
    return document


def words(pdf: bytes) -> str:
    text = subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return " ".join(text.split())


@pytest.fixture(scope="module")
def hostile_pdf(tmp_path_factory):
    return render_document(hostile_document(), workers=1, cache_dir=tmp_path_factory.mktemp("parts"))


def test_hostile_answers_print_as_text(hostile_pdf):
    text = words(hostile_pdf.pdf)
    for value in HOSTILE.values():
        if value in (HOSTILE["arabic"],):
            continue
        assert " ".join(value.split()) in text, value
    assert "<b>E/CN.15/2011/15</b>" in text and "<img src=http://127.0.0.1:9/x>" in text
    assert "Ruritania <script>" in text and "Item text <i>not italic</i>" in text
    assert "</span><span style='font-size:99pt'>Fully" in text
    assert "<b>Act</b>" in text and "file:///etc/passwd" in text


def test_arabic_chinese_and_emoji_have_glyphs_of_bundled_fonts(hostile_pdf):
    text = words(hostile_pdf.pdf)
    # pdftotext gives Arabic in visual order: compare the words, whichever way they come.
    assert all(word in text or word[::-1] in text for word in HOSTILE["arabic"].split())
    assert HOSTILE["chinese"] in text
    fonts = subprocess.run(["pdffonts", "-"], input=hostile_pdf.pdf, capture_output=True, check=True).stdout.decode()
    rows = fonts.splitlines()[2:]
    assert all(" yes " in row for row in rows)
    assert any("Noto-Naskh-Arabic" in row for row in rows) and any("Droid-Sans-Fallback" in row for row in rows)
    assert not any("DejaVu" in row for row in rows)  # nothing from the machine's own fonts
    drawn = characters_by_family(hostile_pdf.pdf)
    assert set(drawn) <= BUNDLED_FAMILIES, set(drawn) - BUNDLED_FAMILIES
    assert set(HOSTILE["chinese"]) <= drawn["Droid Sans Fallback"]
    assert set("😀👍✅☕") <= drawn["Noto Emoji"]


def test_long_answer_flows_over_pages_whole(hostile_pdf):
    text = words(hostile_pdf.pdf)
    assert hostile_pdf.pages >= 8
    found = [int(number) for number in __import__("re").findall(r"word(\d{5})", text)]
    assert found == list(range(1, 5001))  # every word, in order, none cut off
    # The item numbers still run 1, 2, 3 and each page but the first has its number.
    assert text.index("1. Item text") < text.index("2. The long answer") < text.index("3. References and choices")


def test_the_engine_fetches_only_report_assets():
    fetcher = report_asset_fetcher()
    for url in ("file:///etc/passwd", "http://127.0.0.1:9/tracker.png", "data:text/css,*{}",
                (REPORTS_DIR / "compiled" / ".." / ".." / "pyproject.toml").as_uri()):
        with pytest.raises(ValueError):
            fetcher.resolve(url)
    assert fetcher.resolve((REPORTS_DIR / "compiled" / "report.css").as_uri()).name == "report.css"


def test_a_design_that_links_outside_fails_instead_of_fetching(tmp_path):
    from portal.core.pdf import html_to_pdf

    with pytest.raises(PdfError):
        html_to_pdf('<link rel="stylesheet" href="file:///etc/passwd"><p>x</p>', base=REPORTS_DIR / "compiled")


CANADA = speech.StateNames("Canada")


def test_an_override_left_open_in_an_answer_turns_neither_the_report_nor_the_next_state(tmp_path):
    """A State's words are isolated when the paragraph is drafted: the override turns them only."""
    canada = " ".join(written.text for written in speech.answer(f"The {RLO}law was amended", CANADA, 0)
                      + speech.answer("The judges were trained.", CANADA, 1))
    ecuador = speech.answer("A strategy was adopted.", speech.StateNames("Ecuador"), 0)[0].text
    settings = ReportSettings(symbol="E/CN.15/2011/15", date=dt.date(2011, 1, 30))
    document = number_document(Document("report", settings, [Part("by-state", [
        Block("chapter", "Action taken by Member States"), Block("paragraph", canada), Block("paragraph", ecuador),
    ])], title="Follow-up"))
    text = words(render_document(document, workers=1, cache_dir=tmp_path).pdf)
    assert ("1. Canada reported that the dednema saw wal. Canada also noted that the judges had been trained. "
            "2. Ecuador reported that a strategy had been adopted.") in text.replace(FSI, "").replace(PDI, "")
