"""PDFs produced off the request path: a :class:`ReportJob` row, a runner, and the worker that runs it.

A request creates the job and returns at once; the job starts when the request's commit makes it
visible to other connections. Where it runs depends on the configuration:

- ``REDIS_URL`` set: the job's id is pushed on a Redis list (``REPORT_QUEUE``) and one of the
  worker processes started by ``flask --app wsgi report worker`` (on any machine sharing the
  database and Redis) takes it;
- otherwise: one background thread of the web process runs the jobs in turn (the embedded setup);
- ``REPORT_JOBS_INLINE`` (tests of the pages): the job runs at once, inside the request.

Whoever runs a job writes its progress (parts done out of parts) to the row as it goes, each step
in its own commit, so that the job's page can follow it; then the PDF, or the reason it failed.
"""

from __future__ import annotations

import datetime as dt
import logging
import queue
import threading
import time
from typing import Any

import sqlalchemy as sa
from flask import Flask, current_app
from flask_babel import gettext as _
from sqlalchemy.orm import Session
from werkzeug.utils import secure_filename

from portal.accounts.models import User
from portal.core.database import writing
from portal.core.db import utcnow
from portal.core.extensions import db
from portal.cycles.models import ReportingCycle
from portal.reports import services
from portal.reports.models import JobKind, JobStatus, Report, ReportJob
from portal.reports.settings import ReportSettings

log = logging.getLogger(__name__)

PENDING_KEY = "report_jobs_pending"  # session.info: jobs to start once the session commits


class JobError(RuntimeError):
    """A job cannot be run (the message is shown on the job's page)."""


def find_job(job_id: int) -> ReportJob | None:
    stop_abandoned_jobs()
    return db.session.get(ReportJob, job_id)


def jobs_of(cycle: ReportingCycle, *, limit: int = 10) -> list[ReportJob]:
    """Return the latest jobs of ``cycle``, newest first."""
    stop_abandoned_jobs()
    return list(db.session.scalars(
        sa.select(ReportJob).where(ReportJob.cycle_id == cycle.id).order_by(ReportJob.id.desc()).limit(limit)
    ))


def stop_abandoned_jobs(now: dt.datetime | None = None) -> int:
    """Mark failed the jobs whose runner is gone; return how many (flushed: the request commits).

    A job is abandoned when it has shown no sign of life for ``REPORT_JOB_STALE_SECONDS``: waiting
    that long for a runner, or running without writing progress. That happens when the process
    running it ended (a restarted web process takes its background thread's jobs with it; a
    stopped worker, the job it had taken). If its runner was only slow and finishes after all,
    the job is recorded as done then.
    """
    now = now or utcnow()
    limit = now - dt.timedelta(seconds=current_app.config["REPORT_JOB_STALE_SECONDS"])
    abandoned = sa.or_(
        sa.and_(ReportJob.status == JobStatus.QUEUED, ReportJob.created_at < limit),
        sa.and_(ReportJob.status == JobStatus.RUNNING,
                sa.func.coalesce(ReportJob.heartbeat_at, ReportJob.started_at, ReportJob.created_at) < limit),
    )
    # Read first: the UPDATE (a write, which SQLite lets one connection make at a time) runs only when needed.
    ids = list(db.session.scalars(sa.select(ReportJob.id).where(abandoned)))
    if not ids:
        return 0
    message = _("This PDF was not finished: the process producing it stopped (the server was restarted, for "
                "example). Start it again.")
    count = db.session.execute(
        sa.update(ReportJob).where(ReportJob.id.in_(ids), abandoned)
        .values(status=JobStatus.FAILED, finished_at=now, message=message),
        execution_options={"synchronize_session": "fetch"},
    ).rowcount
    if count:
        log.warning("marked %d abandoned report job(s) failed: %s", count, ids)
    return count


def _settings_for(cycle: ReportingCycle, report: Report | None) -> ReportSettings:
    return services.settings_of(report) if report is not None else services.default_settings(cycle)


def request_pdf(cycle: ReportingCycle, kind: JobKind, *, user: User | None, report: Report | None = None,
                edition: int | None = None) -> ReportJob:
    """Create a job producing ``kind`` for ``cycle`` and start it.

    "report" and "finalise" need the ``report``; "check" needs the ``report`` and the number of the
    ``edition`` to produce again from its stored inputs and compare. The job starts once the
    current transaction commits (at once when jobs run inline).
    """
    if kind in (JobKind.REPORT, JobKind.FINALISE, JobKind.CHECK) and report is None:
        raise JobError(_("This PDF needs a report."))
    if kind is JobKind.CHECK and edition is None:
        raise JobError(_("Say which final edition to check."))
    settings = _settings_for(cycle, report)
    options: dict[str, Any] = {"include": settings.include, "as_at": settings.as_at.isoformat() if settings.as_at else None}
    if kind is JobKind.CHECK:
        options["edition"] = edition
    job = ReportJob(
        cycle_id=cycle.id, report_id=report.id if report else None, kind=kind, options=options,
        status=JobStatus.QUEUED, created_by_id=user.id if user else None,
    )
    db.session.add(job)
    db.session.flush()
    start_after_commit(job)
    return job


def start_after_commit(job: ReportJob) -> None:
    """Hand ``job`` to the configured runner once the session commits (at once when jobs run inline)."""
    app = current_app._get_current_object()
    if app.config.get("REPORT_JOBS_INLINE"):
        run_job(job.id)
        return
    db.session().info.setdefault(PENDING_KEY, []).append((app, job.id))


def _start_pending(session: Session) -> None:
    for app, job_id in session.info.pop(PENDING_KEY, []):
        try:
            runner_for(app).submit(job_id)
        except Exception:  # the job stays queued; its page says so, and it can be requested again
            log.exception("report job %s could not be handed to its runner", job_id)


def _forget_pending(session: Session, *_args) -> None:
    session.info.pop(PENDING_KEY, None)


sa.event.listen(Session, "after_commit", _start_pending)
sa.event.listen(Session, "after_rollback", _forget_pending)


# --- Runners -----------------------------------------------------------------------------------------------------


class ThreadRunner:
    """One background thread of the web process that runs jobs in turn, each in its own app context and session."""

    def __init__(self, app: Flask):
        self.app = app
        self.jobs: queue.Queue[int] = queue.Queue()
        self.thread: threading.Thread | None = None
        self.lock = threading.Lock()

    def submit(self, job_id: int) -> None:
        with self.lock:
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._work, name="report-jobs", daemon=True)
                self.thread.start()
        self.jobs.put(job_id)

    def _work(self) -> None:
        while True:
            job_id = self.jobs.get()
            try:
                with self.app.app_context():
                    run_job(job_id)
            except Exception:  # run_job records failures; this is a failure to record one
                log.exception("report job %s stopped the runner's step", job_id)
            finally:
                self.jobs.task_done()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until every job handed over so far has run (for tests and shutdown). Return whether they all did."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self.jobs.all_tasks_done:
            while self.jobs.unfinished_tasks:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self.jobs.all_tasks_done.wait(remaining)
        return True


class RedisRunner:
    """Push job ids on a Redis list; ``report worker`` processes pop and run them."""

    def __init__(self, app: Flask):
        self.url = app.config["REDIS_URL"]
        self.queue = app.config["REPORT_QUEUE"]

    def submit(self, job_id: int) -> None:
        redis_client(self.url).rpush(self.queue, job_id)


def redis_client(url: str):
    import redis

    return redis.Redis.from_url(url)


def runner_for(app: Flask) -> ThreadRunner | RedisRunner:
    """Return the runner of ``app``: Redis when REDIS_URL is set, else the web process's background thread."""
    if app.config.get("REDIS_URL"):
        return RedisRunner(app)
    runner = app.extensions.get("report_jobs_thread")
    if runner is None:
        runner = app.extensions.setdefault("report_jobs_thread", ThreadRunner(app))
    return runner


def work(app: Flask, *, max_jobs: int | None = None, idle_seconds: float | None = None, poll_seconds: int = 2,
         stop: threading.Event | None = None) -> int:
    """Run the jobs pushed on the Redis queue of ``app``, one at a time; return how many ran.

    Stops after ``max_jobs`` jobs, after ``idle_seconds`` without a job, or once ``stop`` is set (between
    jobs: a job that has started is finished first).
    """
    client = redis_client(app.config["REDIS_URL"])
    name = app.config["REPORT_QUEUE"]
    ran, idle_since = 0, time.monotonic()
    while (max_jobs is None or ran < max_jobs) and not (stop and stop.is_set()):
        popped = client.blpop([name], timeout=poll_seconds)
        if popped is None:
            if idle_seconds is not None and time.monotonic() - idle_since >= idle_seconds:
                break
            continue
        job_id = int(popped[1])
        with app.app_context():
            run_job(job_id)
        ran += 1
        idle_since = time.monotonic()
    return ran


# --- Running a job -----------------------------------------------------------------------------------------------


def _check_edition(job: ReportJob, progress: _ProgressWriter) -> tuple[None, int, None, dict[str, Any]]:
    """Produce a final edition again from its stored inputs and compare the PDF with the stored one (kept, not replaced)."""
    number = int((job.options or {}).get("edition") or 0)
    edition = services.find_edition(job.report, number) if job.report is not None else None
    if edition is None:
        raise JobError(_("Final edition %(number)d of this report no longer exists.", number=number))
    inputs, stored, pages = edition.inputs, edition.pdf_sha256, edition.pages
    db.session.commit()  # the reading is done: no lock is held during the rendering (SQLite)
    identical, digest = services.reproduces_identically(inputs, stored, progress=progress)
    # The verdict is kept as data: its page words it in the reader's language (see check_verdict).
    return None, pages, None, {"edition": number, "identical": identical, "sha256": digest, "stored_sha256": stored}


def check_verdict(job: ReportJob) -> str | None:
    """Return what a finished check of a final edition found, in the current language (None for other jobs)."""
    options = job.options or {}
    if job.kind is not JobKind.CHECK or job.status is not JobStatus.DONE or "identical" not in options:
        return None
    if options["identical"]:
        return _("Edition %(number)d was produced again from its stored inputs: the PDF is identical "
                 "(SHA-256 %(digest)s).", number=options["edition"], digest=options["sha256"])
    return _("Edition %(number)d was produced again from its stored inputs, but the PDF differs "
             "(SHA-256 %(digest)s instead of %(stored)s).", number=options["edition"], digest=options["sha256"],
             stored=options["stored_sha256"])


def pdf_filename(cycle: ReportingCycle, kind: JobKind, settings: ReportSettings, edition: int | None = None) -> str:
    """Return a safe download name: the document symbol (E_CN.15_2011_15.pdf) or the cycle's key."""
    base = secure_filename(settings.symbol.replace("/", "_")) or secure_filename(cycle.key) or "report"
    if kind is JobKind.COMPILATION:
        base = f"{secure_filename(cycle.key) or 'cycle'}-compilation"
    elif kind is JobKind.FINALISE and edition is not None:
        base = f"{base}-edition-{edition}"
    return f"{base}.pdf"


def _claim(job_id: int) -> bool:
    """Mark the job running if it is still waiting, so that no two runners take it; commit."""
    claimed = db.session.execute(
        sa.update(ReportJob)
        .where(ReportJob.id == job_id, ReportJob.status == JobStatus.QUEUED)
        .values(status=JobStatus.RUNNING, started_at=utcnow(), heartbeat_at=utcnow())
    ).rowcount
    db.session.commit()
    return bool(claimed)


class _ProgressWriter:
    """Write a job's progress to its row, each change in its own commit, so the job's page can poll it."""

    def __init__(self, job_id: int):
        self.job_id = job_id
        self.last: tuple[int, int] | None = None

    def __call__(self, done: int, total: int) -> None:
        if (done, total) == self.last:
            return
        self.last = (done, total)
        db.session.execute(
            sa.update(ReportJob).where(ReportJob.id == self.job_id)
            .values(progress_done=done, progress_total=total, heartbeat_at=utcnow())
        )
        db.session.commit()


def run_job(job_id: int) -> None:
    """Produce the PDF of job ``job_id``, writing its progress as it goes; record the PDF or the failure.

    Commits: the job's progress must be visible to other requests while it runs. Each of its
    transactions is short (none stays open while pages are laid out) and takes SQLite's write
    lock when it begins, so that the ones that read, then write, are never refused.
    """
    with writing():  # run inline (REPORT_JOBS_INLINE), the request's method decides instead
        _run_job(job_id)


def _run_job(job_id: int) -> None:
    if not _claim(job_id):
        return
    job = db.session.get(ReportJob, job_id)
    options = dict(job.options or {})
    progress = _ProgressWriter(job_id)
    started = time.monotonic()
    try:
        pdf, pages, filename, extra = _produce(job, progress)
    except Exception as error:  # every failure is recorded on the job for its page
        db.session.rollback()
        log.exception("report job %s failed", job_id)
        _finish(job_id, status=JobStatus.FAILED, message=_failure_message(error))
        return
    done = {"progress_done": progress.last[1]} if progress.last else {}
    _finish(job_id, status=JobStatus.DONE, pdf=pdf, pages=pages, filename=filename,
            options={**options, **extra, "seconds": round(time.monotonic() - started, 2)}, **done)


def _finish(job_id: int, **values: Any) -> None:
    """Record the job's outcome in one UPDATE, in a transaction of its own.

    A single write, with no read before it in its transaction: SQLite then waits for a concurrent
    writer instead of refusing, and the other runners' progress writes are never blocked for long.
    """
    db.session.commit()
    db.session.execute(sa.update(ReportJob).where(ReportJob.id == job_id).values(finished_at=utcnow(), **values))
    db.session.commit()


def _failure_message(error: Exception) -> str:
    if isinstance(error, (JobError, services.ReportError)):
        return str(error)
    return _("The PDF could not be produced (%(error)s). Try again; if it fails again, tell the administrator.",
             error=f"{type(error).__name__}: {error}"[:500])


def _produce(job: ReportJob, progress: _ProgressWriter) -> tuple[bytes | None, int | None, str | None, dict[str, Any]]:
    """Produce what ``job`` asks for: (PDF, pages, download name, what to add to its options)."""
    from portal.reports.render import render_document

    cycle = job.cycle
    report = job.report
    settings = _settings_for(cycle, report)
    if job.kind is JobKind.CHECK:
        return _check_edition(job, progress)
    if job.kind is JobKind.FINALISE:
        if report is None:
            raise JobError(_("The report of this job no longer exists."))
        from portal.reports.contents import document_from_inputs

        report_id, user_id = report.id, job.created_by_id
        inputs = services.edition_inputs(report)
        db.session.commit()  # the reading is done: no lock is held during the long rendering (SQLite)
        rendered = render_document(document_from_inputs(inputs), progress=progress)
        user = db.session.get(User, user_id) if user_id else None
        edition = services.record_edition(db.session.get(Report, report_id), inputs, rendered.pdf, rendered.pages,
                                          user=user)
        db.session.commit()
        return edition.pdf, edition.pages, pdf_filename(cycle, job.kind, settings, edition.number), {"edition": edition.number}
    if job.kind is JobKind.REPORT:
        if report is None:
            raise JobError(_("The report of this job no longer exists."))
        from portal.reports.contents import report_document

        document = report_document(report)
    else:
        from portal.reports.compilation import compilation_document

        options = job.options or {}
        as_at = dt.date.fromisoformat(options["as_at"]) if options.get("as_at") else settings.as_at
        document = compilation_document(cycle, include=options.get("include", settings.include), as_at=as_at,
                                        settings=settings)
    # The reading is done: end its transaction before the long rendering (SQLite lets one writer in at a time).
    db.session.commit()
    rendered = render_document(document, progress=progress)
    return rendered.pdf, rendered.pages, pdf_filename(cycle, job.kind, settings), {}
