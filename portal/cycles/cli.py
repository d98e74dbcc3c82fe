"""``flask --app wsgi cycles ...``."""

from __future__ import annotations

from flask.cli import AppGroup

cycles_cli = AppGroup("cycles", help="Reporting cycles.")
