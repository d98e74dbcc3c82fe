"""The one writer of tabular files: CSV by RFC 4180, streamed, and XLSX workbooks; no cell runs as a formula.

A CSV file has no cell types, so every CSV cell goes through :func:`safe_cell`: a cell a
spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) gets a
leading apostrophe, which spreadsheets show as nothing and treat as "text". A workbook's cells
have types: there, such a text is written unchanged as a text cell, which no spreadsheet runs.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Callable, Iterable, Iterator

from portal.core.inputs import visible

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
UTF8_BOM = "\ufeff"
# The most characters an XLSX cell holds (Excel counts them in UTF-16 code units); a longer text
# continues in the columns after its own, named "<column> (part 2)", "(part 3)"...
CELL_LIMIT = 32_767


def safe_cell(value: Any) -> Any:
    """Return ``value`` ready for a spreadsheet: text that would run as a formula is neutralised."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_chunks(header: list[str], rows: Iterable[Iterable[Any]], *, bom: bool = False, rows_per_chunk: int = 500) -> Iterator[bytes]:
    """Yield a CSV file as UTF-8 chunks: the header at once, then rows in batches.

    Quoting follows RFC 4180 (fields with a comma, quote or line break are quoted, quotes
    doubled, lines end with CRLF); line breaks inside a value are kept as they are.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    if bom:
        buffer.write(UTF8_BOM)
    writer.writerow([safe_cell(name) for name in header])
    yield _drain(buffer)
    pending = 0
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
        pending += 1
        if pending >= rows_per_chunk:
            yield _drain(buffer)
            pending = 0
    if pending:
        yield _drain(buffer)


def _drain(buffer: io.StringIO) -> bytes:
    data = buffer.getvalue().encode("utf-8")
    buffer.seek(0)
    buffer.truncate(0)
    return data


Rows = Callable[[], Iterable[Iterable[Any]]]


def xlsx_workbook(sheets: Iterable[tuple[str, list[str], Rows, list[int]]], target) -> None:
    """Write an XLSX workbook to ``target`` (a path or binary file), one sheet per (title, header, rows, widths).

    ``rows`` gives the sheet's rows each time it is called: they are read twice, first to find the
    texts too long for one cell, whose column is followed by as many "(part n)" columns as the
    longest needs, then to write them. The workbook is written in openpyxl's write-only mode, row
    by row, so memory does not grow with the number of rows. Every text is written as a text cell,
    unchanged but for the control characters stored before the portal refused them, which
    :func:`portal.core.inputs.visible` shows (a cell cannot hold them).
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")

    def text_cell(sheet, value: Any, *, bold_font: bool = False) -> Any:
        if not isinstance(value, str):
            return value
        value = visible(value)
        if not (bold_font or value.startswith("=") or value in ERROR_CODES or "\n" in value):
            return value  # openpyxl types any other text as a text cell itself
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # text, even for "=..." (a formula) or "#N/A" (an error): a text cell runs nothing
        if "\n" in value:
            cell.alignment = wrap
        if bold_font:
            cell.font = bold
        return cell

    for title, header, rows, widths in sheets:
        parts = _parts_per_column(rows(), len(header))
        sheet = workbook.create_sheet(title=title)
        sheet.freeze_panes = "A2"
        for index, width in enumerate(_spread(widths, parts), start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.append([text_cell(sheet, name, bold_font=True) for name in _spread_header(header, parts)])
        for row in rows():
            sheet.append([text_cell(sheet, value) for value in _spread_row(row, parts)])
    workbook.save(target)


def cell_parts(text: str) -> list[str]:
    """Cut ``text`` into pieces a cell can hold, in order; joined, they give the text back."""
    if len(text) * 2 <= CELL_LIMIT:
        return [text]
    pieces, start, units = [], 0, 0
    for position, character in enumerate(text):
        width = 2 if ord(character) > 0xFFFF else 1
        if units + width > CELL_LIMIT:
            pieces.append(text[start:position])
            start, units = position, 0
        units += width
    pieces.append(text[start:])
    return pieces


def _cell_text(value: Any) -> Any:
    return visible(value) if isinstance(value, str) else value


def _parts_per_column(rows: Iterable[Iterable[Any]], width: int) -> list[int]:
    """Return, for each column, how many cells its longest text needs."""
    parts = [1] * width
    for row in rows:
        for index, value in enumerate(row):
            if isinstance(value, str) and len(value) * 2 > CELL_LIMIT and index < width:
                parts[index] = max(parts[index], len(cell_parts(_cell_text(value))))
    return parts


def _spread(values: list[Any], parts: list[int]) -> list[Any]:
    """Repeat each column's value for its "(part n)" columns."""
    return [value for value, count in zip(values, parts) for _ in range(count)]


def _spread_header(header: list[str], parts: list[int]) -> list[str]:
    return [name if part == 1 else f"{name} (part {part})"
            for name, count in zip(header, parts) for part in range(1, count + 1)]


def _spread_row(row: Iterable[Any], parts: list[int]) -> list[Any]:
    cells = []
    for value, count in zip(row, parts):
        value = _cell_text(value)
        pieces = cell_parts(value) if isinstance(value, str) else [value]
        cells += pieces + [None] * (count - len(pieces))
    return cells
