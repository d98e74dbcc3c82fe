"""Reporting cycles for the Secretariat: list, create, open, close, and each cycle's dashboard."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("cycles", __name__, url_prefix="/cycles")
