"""The one writer of tabular files: CSV by RFC 4180, streamed, with spreadsheet formulas neutralised.

Every export goes through :func:`safe_cell`, so that a cell a spreadsheet would run as a
formula (starting with =, +, -, @, a tab or a carriage return) is written as text instead:
the cell gets a leading apostrophe, which spreadsheets show as nothing and treat as "text".
"""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable, Iterator

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
UTF8_BOM = "\ufeff"


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


def xlsx_workbook(sheets: Iterable[tuple[str, list[str], Iterable[Iterable[Any]], list[int]]], target) -> None:
    """Write an XLSX workbook to ``target`` (a path or binary file), one sheet per (title, header, rows, widths).

    The workbook is written in openpyxl's write-only mode, row by row, so memory does not grow
    with the number of rows; every text cell passes through :func:`safe_cell`, since a
    spreadsheet would otherwise store a value starting with "=" as a formula.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for title, header, rows, widths in sheets:
        sheet = workbook.create_sheet(title=title)
        sheet.freeze_panes = "A2"
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        header_cells = []
        for name in header:
            cell = WriteOnlyCell(sheet, value=safe_cell(name))
            cell.font = bold
            header_cells.append(cell)
        sheet.append(header_cells)
        for row in rows:
            cells = []
            for value in row:
                value = safe_cell(value)
                if isinstance(value, str) and "\n" in value:
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.alignment = wrap
                    cells.append(cell)
                else:
                    cells.append(value)
            sheet.append(cells)
    workbook.save(target)
