"""The ``report`` commands: build a report or the compilation of all replies, and run the PDF worker."""

from __future__ import annotations

from flask.cli import AppGroup

report_cli = AppGroup("report", help="Compiled reports: build PDFs and run the PDF worker.")
