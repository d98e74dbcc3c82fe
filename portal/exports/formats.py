"""Turning an export into files: CSV streams and XLSX workbooks, through the one tabular writer."""

from __future__ import annotations

from typing import IO, Iterator

from flask_babel import force_locale, format_number
from flask_babel import gettext as _

from portal.core.tabular import CELL_LIMIT, csv_chunks, xlsx_workbook
from portal.exports.services import Export

CSV_KINDS = ("long", "wide", "codebook")

def workbook_notes(language: str) -> list[list[str]]:
    """What the codebook of a workbook adds: how its cells differ from the CSV files' (one row per note), in
    ``language``."""
    with force_locale(language):
        return [
            [_("<column> (part 2), (part 3), ..."), "text",
             _("A text longer than a cell holds (%(limit)s characters) continues in the columns after its own, named "
               "after it with (part 2), (part 3)...: join the cells of the column and of its parts in order, without "
               "anything between them, to get the whole text. Nothing is cut. The CSV files keep each text in one cell.",
               limit=format_number(CELL_LIMIT)), "", _("text")],
            [_("(every text cell)"), "text",
             _("Texts are text cells, unchanged: one that starts like a formula (=, +, -, @) is stored as text and no "
               "spreadsheet runs it. The CSV files, which have no cell types, put an apostrophe before such a text "
               "instead."), "", _("text")],
            [_("(every text cell)"), "text",
             _("A control character that an answer held before the portal refused them, and that a cell cannot hold, is "
               "shown as its Unicode control picture: U+0000 as \u2400, U+000B as \u240b, DEL as \u2421; a lone "
               "surrogate or U+FFFE/U+FFFF as \ufffd."), "", _("text")],
        ]


def csv_stream(export: Export, kind: str, *, bom: bool = False) -> Iterator[bytes]:
    """Yield the CSV file of ``kind`` (long, wide or codebook) in chunks."""
    if kind == "long":
        return csv_chunks(export.long_header(), export.long_rows(), bom=bom)
    if kind == "wide":
        return csv_chunks(export.wide_header(), export.wide_rows(), bom=bom)
    if kind == "codebook":
        return csv_chunks(export.codebook_header(), export.codebook_rows(), bom=bom)
    raise ValueError(f"unknown CSV kind {kind!r}")


def write_xlsx(export: Export, target: str | IO[bytes]) -> None:
    """Write the long and wide tables and the codebook, with the workbook's own notes, as three sheets."""
    long_header, wide_header = export.long_header(), export.wide_header()
    codebook = export.codebook_rows() + workbook_notes(export.language)
    xlsx_workbook(
        [
            ("long", long_header, export.long_rows, _widths(long_header, {"value": 60, "value_label": 40, "state_name": 28})),
            ("wide", wide_header, export.wide_rows, _widths(wide_header, {"state_name": 28})),
            ("codebook", export.codebook_header(), lambda: codebook, [22, 16, 70, 60, 30]),
        ],
        target,
    )


def _widths(header: list[str], wide: dict[str, int]) -> list[int]:
    return [wide.get(name, max(12, min(len(name) + 2, 24))) for name in header]
