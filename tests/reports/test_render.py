"""The PDF engine of compiled reports: UN layout, parts rendered apart and assembled, cached, reproducible."""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import subprocess

import pytest
from pypdf import PdfReader

from portal.reports.document import Block, Document, Part, number_document
from portal.reports.render import render_document
from portal.reports.settings import ReportSettings
from tests.conftest import project_root

STATES = ["Argentina", "Canada", "Czech Republic", "Ecuador"]
MANDATE = ("The present report has been prepared pursuant to General Assembly resolution 65/230, entitled "
           "“Twelfth United Nations Congress on Crime Prevention and Criminal Justice”, in which the Assembly "
           "endorsed the Salvador Declaration on Comprehensive Strategies for Global Challenges.")


def report(*, canada: str = "reported that its legislation had been amended.", contents: bool = True) -> Document:
    """A report of four States in six parts, with footnotes, sub-paragraphs, a table of contents and an annex."""
    settings = ReportSettings(
        symbol="E/CN.15/2011/15", date=dt.date(2011, 2, 4), session="Twentieth session",
        place_and_dates="Vienna, 11-15 April 2011", agenda_item="3", agenda_symbol="E/CN.15/2011/1",
        agenda_title="Follow-up to the Twelfth United Nations Congress on Crime Prevention and Criminal Justice",
        title="Follow-up to the Twelfth Congress", job_number="V.11-80432 (E)", table_of_contents=contents,
    )
    parts = [Part("front", [
        Block("summary", "The present report provides information on follow-up to the Declaration."),
        Block("chapter", "Introduction"),
        Block("paragraph", MANDATE + "^[See A/CONF.213/18, chap. I, resolution 1.]"),
        Block("paragraph", "As at 30 January 2011, replies had been received from the following States: "
                           "Argentina, Canada, Czech Republic and Ecuador."),
    ])]
    parts.append(Part("chapter:action", [Block("chapter", "Action taken by Member States")]))
    for name in STATES:
        said = canada if name == "Canada" else "reported that a national strategy had been adopted."
        blocks = [Block("section", name)]
        blocks += [Block("paragraph", f"{name} {said} {MANDATE}" + (f"^[Reply of {name}.]" if index == 2 else ""))
                   for index in range(8)]
        blocks += [Block("subparagraph", "Training for prosecutors;"), Block("subparagraph", "Data collection.")]
        # Canada and Ecuador start a new page: five units in all, laid out apart.
        parts.append(Part(f"state:{name}", blocks, new_page=name in ("Canada", "Ecuador")))
    parts.append(Part("annexes", [
        Block("annex", "States that replied"),
        Block("table", data={"caption": "Status of implementation", "columns": ["Theme", "States"],
                             "rows": [["Prevention", 3], ["Justice", 1]],
                             "chart": {"title": "States by theme", "labels": ["Prevention", "Justice"],
                                       "values": [3, 1], "unit": "States"}}),
    ]))
    return number_document(Document("report", settings, parts, title="Follow-up"))


def page_texts(pdf: bytes) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return text.split("\f")[:-1]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    document = report()
    progress: list[tuple[int, int]] = []
    result = render_document(document, workers=2, cache_dir=tmp_path_factory.mktemp("parts"),
                             progress=lambda done, total: progress.append((done, total)))
    return document, result, progress


def test_masthead_title_block_and_job_line_on_page_one(rendered):
    _, result, _ = rendered
    first = " ".join(page_texts(result.pdf)[0].split())
    for text in ("United Nations", "E/CN.15/2011/15", "Economic and Social Council", "Distr.: General",
                 "4 February 2011", "Original: English", "Commission on Crime Prevention and Criminal Justice",
                 "Twentieth session", "Vienna, 11-15 April 2011", "Item 3 of the provisional agenda*",
                 "Follow-up to the Twelfth Congress", "Report of the Secretary-General", "Summary",
                 "* E/CN.15/2011/1.", "V.11-80432 (E)"):
        assert text in first, text


def test_running_header_and_page_numbers_on_every_page_but_the_first(rendered):
    _, result, progress = rendered
    pages = page_texts(result.pdf)
    assert len(pages) == result.pages == len(PdfReader(io.BytesIO(result.pdf)).pages) > 5
    assert "E/CN.15/2011/15" not in pages[0].split("Economic")[1]  # no running header on page 1
    for number, text in enumerate(pages[1:], start=2):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[0] == "E/CN.15/2011/15", number
        assert lines[-1] == str(number), number
    assert progress[-1][0] == progress[-1][1]


def test_paragraphs_numbered_consecutively_across_parts(rendered):
    document, result, _ = rendered
    body = "\n".join(page_texts(result.pdf)[2:])
    numbers = [int(match) for match in re.findall(r"^(\d+)\.\s", body, flags=re.MULTILINE)]
    expected = [int(block.label[:-1]) for block in document.blocks if block.kind == "paragraph"]
    assert numbers == expected == list(range(1, 2 + 8 * len(STATES) + 1))
    assert body.count("(a)") == body.count("(b)") == len(STATES)


def test_footnotes_at_the_foot_of_the_page_of_their_paragraph(rendered):
    document, result, _ = rendered
    pages = page_texts(result.pdf)
    notes = [(segment.footnote, segment.text, block.anchor) for block in document.blocks
             for segment in block.segments if segment.footnote]
    assert [number for number, _, _ in notes] == list(range(1, len(STATES) + 2))
    for number, text, anchor in notes:
        # At the foot of the page where the paragraph starts, or of the next if its end (the call) runs over.
        start = result.anchors[anchor] - 1
        footer = "\n".join(pages[start:start + 2])
        assert re.search(rf"^\s*{number}\s+{re.escape(text)}\s*$", footer, flags=re.MULTILINE), (number, text)


def test_table_of_contents_gives_the_pages_where_the_headings_fell(rendered):
    document, result, _ = rendered
    pages = page_texts(result.pdf)
    contents = pages[1]
    assert "Contents" in contents
    for heading in document.headings():
        title = heading.segments[0].text
        match = re.search(rf"{re.escape(title)}[ .]*?(\d+)\s*$", contents, flags=re.MULTILINE)
        assert match, title
        assert int(match.group(1)) == result.anchors[heading.anchor]
        assert title in " ".join(pages[int(match.group(1)) - 1].split())
    outline = PdfReader(io.BytesIO(result.pdf)).outline
    assert outline[0].title == "I. Introduction" and outline[2][0].title == "A. Argentina"


def test_fonts_are_embedded(rendered):
    _, result, _ = rendered
    listing = subprocess.run(["pdffonts", "-"], input=result.pdf, capture_output=True)
    if listing.returncode:  # older pdffonts read files only
        raise AssertionError(listing.stderr)
    rows = listing.stdout.decode().splitlines()[2:]
    assert rows and all(" yes " in row for row in rows)
    assert all("Bundled-Liberation-Serif" in row for row in rows)  # the bundled font, never a stand-in


def test_same_document_same_bytes_and_one_changed_part_rendered_alone(rendered, tmp_path):
    _, first, _ = rendered
    again = render_document(report(), workers=1, cache_dir=tmp_path)  # another cache, in this process
    assert again.pdf == first.pdf
    # Five units, and the first again once the contents know their page numbers.
    assert (again.parts_rendered, again.parts_cached) == (6, 0)

    changed = render_document(report(canada="reported that its legislation had been revised."), workers=1,
                              cache_dir=tmp_path)
    # Canada's unit only; the others, and the contents (same page numbers), come from the cache.
    assert (changed.parts_rendered, changed.parts_cached) == (1, 5)
    assert "had been revised" in " ".join(" ".join(page_texts(changed.pdf)).split())
    assert changed.pdf != again.pdf


def test_the_assembled_pdf_is_well_formed_for_strict_readers(rendered):
    import pikepdf

    _document, result, _progress = rendered
    with pikepdf.open(io.BytesIO(result.pdf)) as pdf:
        assert pdf.check_pdf_syntax() == []
        assert len(pdf.pages) == result.pages


def test_workers_end_when_the_process_that_started_them_is_killed(tmp_path):
    """A web server that kills a timed-out worker process must not leave its PDF workers behind, idle for ever."""
    import os
    import signal
    import sys
    import time

    script = tmp_path / "build.py"
    script.write_text(
        "import sys, time\n"
        "from tests.reports.test_render import report\n"
        "from portal.reports import render\n"
        "if __name__ == '__main__':\n"
        "    render.render_document(report(), workers=2)\n"
        "    print(' '.join(str(pid) for pid in render._POOL._processes), flush=True)\n"
        "    time.sleep(600)\n"
    )
    with subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                          cwd=project_root(), env={**os.environ, "PYTHONPATH": str(project_root())}) as builder:
        try:
            workers = [int(pid) for pid in builder.stdout.readline().split()]
            assert len(workers) == 2 and all(alive(pid) for pid in workers)
        finally:
            builder.send_signal(signal.SIGKILL)
    deadline = time.monotonic() + 20
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(pid) for pid in workers)


def alive(pid: int) -> bool:
    """Tell whether process ``pid`` runs (a zombie, ended but not yet collected, does not count)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def words_on_page(pdf: bytes, page: int) -> list[tuple[float, float, float, float, str]]:
    """Return the words of page ``page`` (from 1) with their boxes (x min, y min, x max, y max; from the top left)."""
    xhtml = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), "-", "-"], input=pdf,
                           capture_output=True, check=True).stdout.decode()
    return [(float(x0), float(y0), float(x1), float(y1), html.unescape(word)) for x0, y0, x1, y1, word in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', xhtml)]


def overlapping(words: list[tuple[float, float, float, float, str]]) -> list[tuple[str, str]]:
    """Return the pairs of words whose boxes overlap (by more than a hair: 0.5 pt each way)."""
    return [(a[4], b[4]) for index, a in enumerate(words) for b in words[index + 1:]
            if min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5]


@pytest.mark.parametrize("symbol", [
    "E/CN.15/2026/123/Add.1/Corr.2",
    "A/HRC/WG.6/2026/CRP.123/Add.1/Corr.2/Rev.1/Add.3",
    ("E/CN.15/2026/123/Add.1/Corr.2/" * 7)[:200],  # the longest the settings take
])
def test_a_long_document_symbol_wraps_without_overlapping_in_the_masthead_and_the_running_header(symbol, tmp_path):
    settings = ReportSettings(symbol=symbol, date=dt.date(2011, 2, 4), title="Follow-up")
    document = number_document(Document("report", settings, [
        Part("front", [Block("chapter", "Introduction"), Block("paragraph", MANDATE)]),
        Part("next", [Block("paragraph", "The second page starts here.")]),
    ], title="Follow-up"))
    pdf = render_document(document, workers=1, cache_dir=tmp_path).pdf

    first = words_on_page(pdf, 1)
    assert overlapping(first) == []
    masthead = first[:[word[4] for word in first].index("Economic")]
    assert "".join(word[4] for word in masthead) == "UnitedNations" + symbol  # whole, in order
    united, nations = masthead[0], masthead[1]
    assert united[1] == nations[1]  # "United Nations" keeps its line, whatever the symbol's length
    assert all(word[0] >= nations[2] for word in masthead[2:])  # the symbol stays to its right
    if len(symbol) < 32:
        assert len({round(word[1]) for word in masthead[2:]}) == 1  # a usual symbol fits on one line

    second = words_on_page(pdf, 2)
    assert overlapping(second) == []
    text_top = 2.6 / 2.54 * 72
    header = [word for word in second if word[3] < text_top]
    assert "".join(word[4] for word in header) == symbol
    body = " ".join(word[4] for word in sorted((w for w in second if w[1] >= text_top), key=lambda w: (round(w[3]), w[0])))
    assert body.startswith("2. The second page starts here.")
