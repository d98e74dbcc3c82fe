"""PDFs of reports produced off the request path: start a build, follow its progress, download; finalise."""

from __future__ import annotations

import io

from flask import Blueprint, abort, jsonify, render_template, send_file, url_for
from flask_babel import gettext as _

from portal.core.access import STAFF_ROLES, allow
from portal.cycles.services import find_cycle
from portal.reports import jobs
from portal.reports.models import JobKind, JobStatus, ReportJob

bp = Blueprint("report_jobs", __name__, url_prefix="/cycles/<cycle_key>/pdf-jobs")

FINISHED = (JobStatus.DONE, JobStatus.FAILED)


def pdf_response(pdf: bytes, filename: str):
    """Send ``pdf`` as a download named ``filename`` (already made safe by :func:`jobs.pdf_filename`)."""
    return send_file(io.BytesIO(pdf), mimetype="application/pdf", as_attachment=True, download_name=filename)


def _job(cycle_key: str, job_id: int) -> ReportJob:
    cycle = find_cycle(cycle_key)
    job = jobs.find_job(job_id)
    if cycle is None or job is None or job.cycle_id != cycle.id:
        abort(404)
    return job


def job_state(job: ReportJob) -> dict:
    """Return what the job's page shows and polls: status, progress, message, and where to download when done.

    A check of a final edition produces no download: its message says whether the PDF came out identical.
    """
    done = job.status is JobStatus.DONE
    downloadable = done and job.kind is not JobKind.CHECK
    success = done and (job.kind is not JobKind.CHECK or bool((job.options or {}).get("identical")))
    return {
        "id": job.id,
        "status": job.status.value,
        "status_label": str(job.status.label),
        "done": job.progress_done,
        "total": job.progress_total,
        "finished": job.status in FINISHED,
        "message": jobs.check_verdict(job) or job.message,
        "message_kind": "success" if success else "error",
        "pages": job.pages,
        "download": url_for("report_jobs.download", cycle_key=job.cycle.key, job_id=job.id) if downloadable else None,
        "report": (url_for("reports.editor", cycle_key=job.cycle.key, report_id=job.report_id, _anchor="editions")
                   if job.report_id else None),
    }


@bp.get("/<int:job_id>")
@allow(*STAFF_ROLES)
def show(cycle_key: str, job_id: int):
    """Show a PDF being produced: a progress bar (refreshed by reports.js, or by the page itself), then the link."""
    job = _job(cycle_key, job_id)
    return render_template("reports/job.html", job=job, cycle=job.cycle, state=job_state(job),
                           about_editions=job.kind in (JobKind.FINALISE, JobKind.CHECK))


@bp.get("/<int:job_id>/status")
@allow(*STAFF_ROLES)
def status(cycle_key: str, job_id: int):
    """Return the job's progress as JSON, for the page to poll."""
    return jsonify(job_state(_job(cycle_key, job_id)))


@bp.get("/<int:job_id>/download")
@allow(*STAFF_ROLES)
def download(cycle_key: str, job_id: int):
    """Send the PDF a job produced."""
    job = _job(cycle_key, job_id)
    if job.status is not JobStatus.DONE or job.pdf is None:
        abort(404, description=_("This PDF is not ready."))
    return pdf_response(job.pdf, job.filename or "report.pdf")
