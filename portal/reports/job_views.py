"""PDFs of reports produced off the request path: start a build, follow its progress, download; finalise."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("report_jobs", __name__)
