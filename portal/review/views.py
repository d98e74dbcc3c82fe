"""Submitting, reviewing and following a State's reply."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("review", __name__, url_prefix="/cycles/<cycle_key>/states/<code>")
