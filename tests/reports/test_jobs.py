"""PDF jobs off the request path, for real: the web process's background thread, and Redis with worker processes.

These tests cannot use the ``db`` fixture (a transaction that other connections never see): a
runner has its own connection, as in production. They use an SQLite database file of their own.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from pypdf import PdfReader

from portal import create_app
from portal.core.extensions import db
from portal.cycles.services import create_cycle
from portal.reports import jobs, services
from portal.reports.models import BlockKind, JobKind, JobStatus, Report, ReportJob
from portal.reports.settings import ReportSettings
from portal.states.services import find_state
from tests.conftest import CHECKLISTS_DIR, dispose, make_test_config, project_root, reset_database

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
keys = itertools.count(1)


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """An SQLite database of its own, built by the migrations; return its URL."""
    url = f"sqlite:///{tmp_path_factory.mktemp('jobs') / 'portal.sqlite3'}"
    app = create_app(make_test_config(url))
    reset_database(app)
    with app.app_context():
        from portal.checklists.services import import_template

        import_template(CHECKLISTS_DIR / "salvador-declaration.yaml")
        db.session.commit()
    dispose(app)
    return url


@pytest.fixture
def make_runner_app(database, tmp_path, make_app):
    def make(**extra):
        return make_app(make_test_config(database, CACHE_DIR=str(tmp_path / "cache"), **extra))

    return make


def make_report(paragraphs: list[str]) -> Report:
    """Create (and commit) a cycle with a small report written by hand: quick to render."""
    from portal.checklists.services import find_template

    key = f"jobs-{uuid.uuid4().hex[:10]}"
    cycle = create_cycle(
        key=key, title=f"Cycle {key}", template=find_template("salvador-declaration", 3), opens_on=dt.date(2026, 1, 15),
        deadline=dt.date(2026, 3, 1), cutoff_on=dt.date(2026, 3, 15), states=[find_state("CAN")], created_by=None,
    )
    report = services.create_report(cycle, user=None, settings=ReportSettings(title="A small report", symbol="E/CN.15/2026/9"))
    after = services.add_block(report, after=None, kind=BlockKind.CHAPTER, text="Introduction", user=None)
    for text in paragraphs:
        after = services.add_block(report, after=after, kind=BlockKind.PARAGRAPH, text=text, user=None)
    db.session.commit()
    return report


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def finished_job(app, job_id: int) -> ReportJob:
    with app.app_context():
        job = db.session.get(ReportJob, job_id)
        job.pdf  # load the deferred PDF while the session is open
        db.session.expunge(job)
        return job


# --- The background thread of the web process ----------------------------------------------------------------------


def test_a_job_runs_on_the_web_process_thread_once_the_request_commits(make_runner_app):
    app = make_runner_app()
    with app.app_context():
        report = make_report(["The thread runner wrote this paragraph."])
        job = jobs.request_pdf(report.cycle, JobKind.REPORT, user=None, report=report)
        job_id = job.id
        runner = jobs.runner_for(app)
        assert isinstance(runner, jobs.ThreadRunner)
        assert runner.jobs.unfinished_tasks == 0  # nothing starts before the commit
        db.session.commit()
    assert runner.wait(timeout=300)
    assert runner.thread.name == "report-jobs"

    job = finished_job(app, job_id)
    assert job.status is JobStatus.DONE, job.message
    assert job.progress_total >= 1 and job.progress_done == job.progress_total
    assert job.filename == "E_CN.15_2026_9.pdf"
    assert job.pages == len(PdfReader(io.BytesIO(job.pdf)).pages)
    assert "The thread runner wrote this paragraph." in pdf_text(job.pdf)
    assert job.started_at is not None and job.finished_at is not None
    # Each step of progress is a sign of life: the job is not taken for one whose runner stopped.
    assert job.started_at <= job.heartbeat_at <= job.finished_at


def test_a_job_requested_in_a_rolled_back_transaction_never_starts(make_runner_app):
    app = make_runner_app()
    with app.app_context():
        report = make_report(["Never printed."])
        jobs.request_pdf(report.cycle, JobKind.REPORT, user=None, report=report)
        db.session.rollback()
        db.session.commit()
        assert "report_jobs_thread" not in app.extensions


def test_a_failed_job_says_why(make_runner_app):
    app = make_runner_app()
    with app.app_context():
        report = make_report([])
        for block in list(report.blocks):
            services.delete_block(block)
        job = jobs.request_pdf(report.cycle, JobKind.FINALISE, user=None, report=report)
        job_id = job.id
        db.session.commit()
    assert jobs.runner_for(app).wait(timeout=300)
    job = finished_job(app, job_id)
    assert job.status is JobStatus.FAILED
    assert "no paragraphs yet" in job.message
    assert job.pdf is None


# --- Redis and worker processes --------------------------------------------------------------------------------------


@pytest.fixture
def redis_queue():
    """A Redis list of its own for the test (so parallel runs and other users of the server never meet)."""
    client = jobs.redis_client(REDIS_URL)
    try:
        client.ping()
    except Exception as error:  # noqa: BLE001
        pytest.skip(f"Redis is not reachable at {REDIS_URL}: {error}")
    name = f"test:report-jobs:{uuid.uuid4().hex}"
    yield client, name
    client.delete(name)
    client.close()


def start_worker(database: str, queue: str, tmp_path: Path, *args: str) -> subprocess.Popen:
    """Start ``flask --app wsgi report worker`` as its own process, as an operator would on another machine."""
    env = {
        **os.environ, "PORTAL_ENV": "testing", "SECRET_KEY": "worker-test-secret", "PORTAL_BASE_URL": "http://portal.test",
        "DATABASE_URL": database,
        "REDIS_URL": REDIS_URL, "REPORT_QUEUE": queue, "CACHE_DIR": str(tmp_path / f"worker-cache-{next(keys)}"),
    }
    flask = Path(sys.executable).parent / "flask"
    return subprocess.Popen([str(flask), "--app", "wsgi", "report", "worker", *args], cwd=project_root(), env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_with_redis_jobs_go_to_worker_processes_that_share_the_work(make_runner_app, database, redis_queue, tmp_path):
    client, queue = redis_queue
    app = make_runner_app(REDIS_URL=REDIS_URL, REPORT_QUEUE=queue)
    job_ids = []
    with app.app_context():
        reports = [make_report([f"Paragraph of report number {number}, rendered by a worker."]) for number in (1, 2)]
        for report in reports:
            job_ids.append(jobs.request_pdf(report.cycle, JobKind.REPORT, user=None, report=report).id)
        assert client.llen(queue) == 0  # handed over on commit, not before
        db.session.commit()
    assert [int(value) for value in client.lrange(queue, 0, -1)] == job_ids
    assert "report_jobs_thread" not in app.extensions  # the web process does not render them itself

    workers = [start_worker(database, queue, tmp_path, "--max-jobs", "1", "--idle-seconds", "120") for _ in range(2)]
    outputs = [worker.communicate(timeout=600) for worker in workers]
    for worker, (out, err) in zip(workers, outputs):
        assert worker.returncode == 0, err
        assert "1 job(s) run" in out

    assert client.llen(queue) == 0
    for number, job_id in enumerate(job_ids, start=1):
        job = finished_job(app, job_id)
        assert job.status is JobStatus.DONE, job.message
        assert job.progress_done == job.progress_total >= 1
        assert f"Paragraph of report number {number}, rendered by a worker." in pdf_text(job.pdf)


def test_a_job_taken_twice_runs_once(make_runner_app, redis_queue):
    client, queue = redis_queue
    app = make_runner_app(REDIS_URL=REDIS_URL, REPORT_QUEUE=queue)
    with app.app_context():
        report = make_report(["Only once."])
        job_id = jobs.request_pdf(report.cycle, JobKind.REPORT, user=None, report=report).id
        db.session.commit()
    client.rpush(queue, job_id)  # the same job pushed again (a retry, a second web process)
    assert jobs.work(app, max_jobs=2, idle_seconds=5) == 2
    with app.app_context():
        job = db.session.get(ReportJob, job_id)
        assert job.status is JobStatus.DONE
        first_finish = job.finished_at
    assert finished_job(app, job_id).finished_at == first_finish
