"""Turning an export into files: CSV streams and XLSX workbooks, through the one tabular writer."""

from __future__ import annotations

from typing import IO, Iterator

from portal.core.tabular import csv_chunks, xlsx_workbook
from portal.exports.services import CODEBOOK_HEADER, Export

CSV_KINDS = ("long", "wide", "codebook")


def csv_stream(export: Export, kind: str, *, bom: bool = False) -> Iterator[bytes]:
    """Yield the CSV file of ``kind`` (long, wide or codebook) in chunks."""
    if kind == "long":
        return csv_chunks(export.long_header(), export.long_rows(), bom=bom)
    if kind == "wide":
        return csv_chunks(export.wide_header(), export.wide_rows(), bom=bom)
    if kind == "codebook":
        return csv_chunks(CODEBOOK_HEADER, export.codebook_rows(), bom=bom)
    raise ValueError(f"unknown CSV kind {kind!r}")


def write_xlsx(export: Export, target: str | IO[bytes]) -> None:
    """Write the long and wide tables and the codebook as three sheets of one workbook."""
    long_header, wide_header = export.long_header(), export.wide_header()
    xlsx_workbook(
        [
            ("long", long_header, export.long_rows(), _widths(long_header, {"value": 60, "value_label": 40, "state_name": 28})),
            ("wide", wide_header, export.wide_rows(), _widths(wide_header, {"state_name": 28})),
            ("codebook", CODEBOOK_HEADER, export.codebook_rows(), [22, 16, 70, 60, 30]),
        ],
        target,
    )


def _widths(header: list[str], wide: dict[str, int]) -> list[int]:
    return [wide.get(name, max(12, min(len(name) + 2, 24))) for name in header]
