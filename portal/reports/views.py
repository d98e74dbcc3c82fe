"""The Secretariat's report pages: settings, compiling, and the editor of paragraphs with their sources."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("reports", __name__)
