"""The plain-data document the PDF engine renders: parts of blocks, numbered and with footnotes resolved.

A compiled report and the compilation of all replies both become a :class:`Document`. The
document is made of :class:`Part` objects: independent units that the engine may render in
parallel and assemble (each part after the first starts on a new page when ``new_page``).
Numbering (chapters I., II.; sections A., B.; paragraphs 1, 2, ... through the whole document;
sub-paragraphs (a), (b) after each paragraph; footnotes 1, 2, ... through the whole document) is
done here, once, so that parts rendered separately still number consecutively. A heading with
nothing under it (a chapter no State's answer wrote anything in, an editor's emptied section) is
left out before numbering, so the chapters, sections and annexes after it keep consecutive numbers
in the text, the table of contents and the bookmarks alike.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Iterable, Sequence

from portal.reports.settings import ReportSettings

# Block kinds: those of a report's blocks (BlockKind values: summary, chapter, section, subsection,
# paragraph, subparagraph, annex, table); the compilation of all replies adds "state" (a State's
# heading), "item" (a checklist item with its paragraph text) and "answer" (a question's label with
# a State's answer). The headings of these kinds are listed in the contents and the bookmarks.
CONTENTS_KINDS = ("chapter", "section", "annex", "state")

FOOTNOTE_OPEN = "^["

# The headings that hold what follows them, by rank: a heading holds the blocks up to the next
# heading of its rank or above (an annex or a chapter ends a chapter; a section ends a section).
HEADING_RANKS = {"annex": 0, "chapter": 0, "section": 1, "subsection": 2}


def empty_headings(kinds: Sequence[str]) -> set[int]:
    """Return the positions in ``kinds`` (block kinds in document order) of the headings with nothing under them.

    A heading is empty when no block other than headings follows it before the next heading of its
    rank or above (or the end): a chapter whose sections are all empty is empty too.
    """
    empty = set()
    for index, kind in enumerate(kinds):
        rank = HEADING_RANKS.get(kind)
        if rank is None:
            continue
        for following in kinds[index + 1:]:
            following_rank = HEADING_RANKS.get(following)
            if following_rank is None:
                break  # something is printed under the heading
            if following_rank <= rank:
                empty.add(index)
                break
        else:
            empty.add(index)
    return empty


@dataclasses.dataclass
class Segment:
    """A run of plain text, or a footnote (``footnote`` is its number) whose text is ``text``."""

    text: str
    footnote: int | None = None


@dataclasses.dataclass
class Block:
    """One block as printed. ``label`` is the printed number ("I.", "A.", "12.", "(b)", "Annex II").

    ``segments`` is the text split into plain runs and numbered footnotes; ``data`` carries a
    table ({"caption", "columns", "rows", optional "chart"}) or an answer ({"label"}).
    ``anchor`` identifies the block in the PDF (for the table of contents and links).
    """

    kind: str
    text: str = ""
    label: str | None = None
    anchor: str | None = None
    data: dict[str, Any] | None = None
    segments: list[Segment] = dataclasses.field(default_factory=list)

    @property
    def is_target(self) -> bool:
        """Tell whether the PDF engine looks this block up by its anchor: a heading of the contents and
        bookmarks, or a block with a footnote. Only these get an id: every id costs layout time."""
        return self.kind in CONTENTS_KINDS or any(segment.footnote for segment in self.segments)


@dataclasses.dataclass
class Part:
    """A unit of rendering: ``key`` is stable across builds (used to cache its rendering)."""

    key: str
    blocks: list[Block]
    title: str | None = None
    new_page: bool = True


@dataclasses.dataclass
class Document:
    """What the PDF engine renders: ``kind`` is "report" or "compilation"."""

    kind: str
    settings: ReportSettings
    parts: list[Part]
    title: str = ""

    @property
    def blocks(self) -> Iterable[Block]:
        for part in self.parts:
            yield from part.blocks

    def headings(self) -> list[Block]:
        """The headings a table of contents lists, in order."""
        return [block for block in self.blocks if block.kind in CONTENTS_KINDS]


def split_footnotes(text: str) -> list[tuple[str, bool]]:
    """Split ``text`` into (text, is_footnote) runs; ``^[...]`` marks a footnote, brackets may nest inside.

    An unclosed ``^[`` is kept as plain text, so no editor's typing can break a paragraph.
    """
    return [(text[start:end], is_note) for start, end, is_note in footnote_spans(text)]


def footnote_spans(text: str) -> list[tuple[int, int, bool]]:
    """Return the runs of :func:`split_footnotes` as (start, end, is_footnote) offsets into ``text``.

    A footnote's run is its text without the marks around it and without surrounding blank space.
    """
    spans: list[tuple[int, int, bool]] = []
    position = 0
    while True:
        start = text.find(FOOTNOTE_OPEN, position)
        if start < 0:
            break
        depth, cursor = 1, start + len(FOOTNOTE_OPEN)
        while cursor < len(text) and depth:
            depth += {"[": 1, "]": -1}.get(text[cursor], 0)
            cursor += 1
        if depth:
            break
        if start > position:
            spans.append((position, start, False))
        inner_start, inner_end = start + len(FOOTNOTE_OPEN), cursor - 1
        while inner_start < inner_end and text[inner_start].isspace():
            inner_start += 1
        while inner_end > inner_start and text[inner_end - 1].isspace():
            inner_end -= 1
        spans.append((inner_start, inner_end, True))
        position = cursor
    if position < len(text):
        spans.append((position, len(text), False))
    return [(start, end, is_note) for start, end, is_note in spans if end > start or is_note]


ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"),
         (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(number: int) -> str:
    """Return ``number`` in upper-case Roman numerals."""
    result = []
    for value, numeral in ROMAN:
        count, number = divmod(number, value)
        result.append(numeral * count)
    return "".join(result)


def letter(number: int) -> str:
    """Return the letter of the ``number``-th item: a, b, ... z, aa, bb, ... as in United Nations documents."""
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def leave_out_empty_headings(document: Document) -> Document:
    """Remove the headings with nothing under them, and the parts left without a block."""
    blocks = list(document.blocks)
    empty = {id(blocks[index]) for index in empty_headings([block.kind for block in blocks])}
    for part in document.parts:
        part.blocks = [block for block in part.blocks if id(block) not in empty]
    document.parts = [part for part in document.parts if part.blocks]
    return document


def number_document(document: Document) -> Document:
    """Give every block of ``document`` its printed label, anchor and footnote numbers, in document order.

    Headings with nothing under them are left out first (:func:`leave_out_empty_headings`).
    """
    leave_out_empty_headings(document)
    counters = {"chapter": 0, "section": 0, "subsection": 0, "paragraph": 0, "subparagraph": 0, "annex": 0}
    footnotes = 0
    for index, block in enumerate(document.blocks, start=1):
        block.anchor = block.anchor or f"b{index}"
        if block.kind in counters:
            counters[block.kind] += 1
            _reset_below(counters, block.kind)
            block.label = _label(block.kind, counters)
        block.segments = []
        for run, is_note in split_footnotes(block.text):
            if is_note:
                footnotes += 1
                block.segments.append(Segment(run, footnotes))
            else:
                block.segments.append(Segment(run))
    annexes = [block for block in document.blocks if block.kind == "annex"]
    if len(annexes) == 1:
        annexes[0].label = "Annex"
    return document


_RESETS = {
    "annex": ("chapter", "section", "subsection", "subparagraph"),
    "chapter": ("section", "subsection", "subparagraph"),
    "section": ("subsection", "subparagraph"),
    "subsection": ("subparagraph",),
    "paragraph": ("subparagraph",),
}


def _reset_below(counters: dict[str, int], kind: str) -> None:
    for lower in _RESETS.get(kind, ()):
        counters[lower] = 0


def _label(kind: str, counters: dict[str, int]) -> str:
    if kind == "chapter":
        return f"{roman(counters['chapter'])}."
    if kind == "section":
        return f"{chr(ord('A') + counters['section'] - 1)}."
    if kind == "subsection":
        return f"{counters['subsection']}."
    if kind == "paragraph":
        return f"{counters['paragraph']}."
    if kind == "subparagraph":
        return f"({letter(counters['subparagraph'])})"
    return f"Annex {roman(counters['annex'])}"
