"""The online checklist, one page per theme, with saving, autosave, history and carry-forward."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("answers", __name__, url_prefix="/cycles/<cycle_key>/states/<code>")
