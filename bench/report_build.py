"""Build the compilation of all replies for 193 States and time it against WeasyPrint in one call.

Prints: pages, seconds, pages per second, peak memory of this process and of the worker processes,
the same final HTML rendered by WeasyPrint in one call (one document of all parts, one write_pdf)
and the ratio; then changes one State's answer and times the rebuild (one part laid out again).
Nothing here is a timed test: it prints figures. See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import checklist_data  # noqa: E402  (the answer generator of the checklist benchmark, imported unchanged)

CYCLE_KEY = "bench-reports-193"
SEED = 20261123
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/bench_reports"


def build_data(rng_seed: int, items_per_state: tuple[int, int], long_share: float) -> None:
    """Fill the migrated, empty database: States, checklist, a cycle in which all 193 States submitted a reply.

    Answers are saved through the portal's service (``save_answers``) with the generator of
    ``checklist_data``; the replies are then marked submitted on 20 January 2027 directly (a
    benchmark reply need not answer every required question).
    """
    import sqlalchemy as sa

    from portal.accounts.models import User
    from portal.checklists.services import import_template
    from portal.core.access import Role
    from portal.core.extensions import db
    from portal.core.security import hash_password
    from portal.cycles import services as cycles
    from portal.states.services import load_states
    from portal.submissions import services as submissions
    from portal.submissions.models import Submission, SubmissionStatus
    from portal.submissions.services import AnswerChange

    rng = random.Random(rng_seed)
    load_states()
    template, _ = import_template(checklist_data.ROOT / "checklists" / "salvador-declaration.yaml")
    states = cycles.states_for_invitation(everyone=True)
    password_hash = hash_password(checklist_data.PASSWORD)
    users = {}
    for state in states:
        users[state.code] = User(email=checklist_data.focal_point_email(state.code), name=f"Focal point {state.code}",
                                 role=Role.FOCAL_POINT, state=state, password_hash=password_hash, language="en")
        db.session.add(users[state.code])
    cycle = cycles.create_cycle(key=CYCLE_KEY, title="Follow-up to the Declaration (report benchmark)", template=template,
                                opens_on=dt.date(2026, 10, 1), deadline=dt.date(2027, 1, 31),
                                cutoff_on=dt.date(2027, 2, 15), states=states, created_by=None)
    cycles.open_cycle(cycle, None)
    db.session.commit()
    national = [item for item in template.items if any(q["code"] == "status" for q in item.questions)]
    by_state = {s.state_id: s for s in db.session.scalars(sa.select(Submission).where(Submission.cycle_id == cycle.id))}
    submitted_at = dt.datetime(2027, 1, 20, 12, tzinfo=dt.timezone.utc)
    for state in states:
        submission, user = by_state[state.id], users[state.code]
        chosen = rng.sample(national, min(len(national), rng.randint(*items_per_state)))
        long_item = chosen[0].code if rng.random() < long_share else None
        changes = []
        name = state.text_name[:1].upper() + state.text_name[1:]
        for item in chosen:
            long_length = rng.randint(5000, 30000) if item.code == long_item else None
            for question, value in checklist_data.item_answers(rng, name, long_length).items():
                changes.append(AnswerChange(item.id, question, value, 0))
        changes += [AnswerChange(None, "focal_point_name", f"Focal point of {state.list_name}", 0),
                    AnswerChange(None, "focal_point_institution", "Ministry of Justice", 0),
                    AnswerChange(None, "focal_point_email", checklist_data.focal_point_email(state.code), 0)]
        result = submissions.save_answers(submission, user, changes)
        if result.errors:
            raise SystemExit(f"{state.code}: invalid benchmark answers: {result.errors}")
        submission.status, submission.submitted_at = SubmissionStatus.SUBMITTED, submitted_at
        db.session.commit()


def cpu_seconds() -> tuple[float, float]:
    """Return the CPU time (user + system) of this process and of its finished children, in seconds."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def peak_memory_mib() -> tuple[float, float]:
    """Return the peak resident memory of this process and of its largest finished child, in MiB."""
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def _one_call(html: str) -> tuple[float, float, int]:
    """Render ``html`` (of the report design) with WeasyPrint in one call, in a fresh process.

    Returns the seconds of the call, the CPU seconds of the whole process, and the pages.
    """
    folder = Path(tempfile.mkdtemp(prefix="report-bench-"))
    try:
        (folder / "all.html").write_text(html)
        code = ("import sys, time; from pathlib import Path; from portal.core.pdf import REPORTS_DIR, html_to_pdf;"
                "html = Path(sys.argv[1]).read_text(); start = time.perf_counter();"
                "pdf = html_to_pdf(html, base=REPORTS_DIR / 'compiled');"
                "print(time.perf_counter() - start); Path(sys.argv[2]).write_bytes(pdf)")
        before = cpu_seconds()[1]
        out = subprocess.run([sys.executable, "-c", code, str(folder / "all.html"), str(folder / "all.pdf")],
                             capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parent.parent)
        cpu = cpu_seconds()[1] - before
        seconds = float(out.stdout.strip().splitlines()[-1])
        info = subprocess.run(["pdfinfo", str(folder / "all.pdf")], capture_output=True, text=True, check=True).stdout
        return seconds, cpu, int(re.search(r"Pages:\s+(\d+)", info).group(1))
    finally:
        shutil.rmtree(folder)


def _combined_html(document) -> str:
    """Return the document's rendering units as one HTML document of the design, each unit from a new page."""
    from portal.reports import render

    context = {**render._document_context(document), "standalone": True}  # the design's own <link>
    bodies = []
    for unit in render.rendering_units(document):
        html = render.unit_html(document, unit, context, None)
        body = html.split("<body", 1)[1].split(">", 1)[1].rsplit("</body>", 1)[0]
        bodies.append(f'<div style="break-before: page">{body}</div>')
    head = html.split("<body", 1)[0]
    return f'{head}<body class="{document.kind}">{"".join(bodies)}</body></html>'


def weasyprint_in_one_call(document) -> tuple[float, int]:
    """Render the same parts as one HTML document (one write_pdf) in a fresh process; return seconds and pages."""
    seconds, cpu, pages = _one_call(_combined_html(document))
    print(f"CPU time of WeasyPrint in one call (process included): {cpu:.1f} s")
    return seconds, pages


def plain_paragraphs_in_one_call(paragraphs: int = 2000) -> tuple[float, int]:
    """Time WeasyPrint in one call on plain numbered paragraphs of the report design: this machine's speed.

    The issue's reference figure (about 23 pages per second on the 2-core machine) is for such a
    document; comparing the two says how fast this machine is today.
    """
    from portal.reports.document import Block, Document, Part, number_document
    from portal.reports.settings import ReportSettings

    rng = random.Random(SEED)
    blocks = [Block("paragraph", " ".join(rng.sample(checklist_data.SENTENCES, 4))) for _ in range(paragraphs)]
    document = number_document(Document("report", ReportSettings(symbol="E/CN.15/2027/1"),
                                        [Part("start", [Block("chapter", "Introduction")]),
                                         Part("body", blocks, new_page=False)]))
    seconds, _cpu, pages = _one_call(_combined_html(document))
    return seconds, pages


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL,
                        help=f"PostgreSQL database of this benchmark, created if missing (default {DEFAULT_URL})")
    parser.add_argument("--reset", action="store_true", help="rebuild the benchmark data even if it is there")
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: the number of cores)")
    parser.add_argument("--items", type=int, nargs=2, default=(6, 12), metavar=("MIN", "MAX"),
                        help="checklist items each State answers (default 6 12)")
    parser.add_argument("--long-share", type=float, default=0.3,
                        help="share of States with one answer of 5,000-30,000 characters (default 0.3)")
    parser.add_argument("--skip-baseline", action="store_true", help="do not render with WeasyPrint in one call")
    parser.add_argument("--skip-calibration", action="store_true",
                        help="do not time WeasyPrint on plain numbered paragraphs (this machine's speed)")
    args = parser.parse_args(argv)
    if args.database_url.rstrip("/").rsplit("/", 1)[-1] in ("test", "bench"):
        raise SystemExit("refusing the databases 'test' and 'bench' (other people's); name another")

    import sqlalchemy as sa

    from portal import create_app
    from portal.core.extensions import db
    from portal.cycles import services as cycles
    from portal.reports.compilation import compilation_document
    from portal.reports.render import render_document, shutdown_pool
    from portal.submissions.models import Answer, Submission

    checklist_data.ensure_database(args.database_url)
    app = create_app({"PORTAL_ENV": "production", "SECRET_KEY": "bench-setup", "PORTAL_BASE_URL": "http://127.0.0.1",
                      "DATABASE_URL": args.database_url})
    cache = Path(tempfile.mkdtemp(prefix="report-parts-"))
    print(f"load before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} "
          f"({os.cpu_count()} cores)")
    try:
        with app.app_context():
            built = sa.inspect(db.engine).has_table("reporting_cycles") and cycles.find_cycle(CYCLE_KEY) is not None
            if args.reset or not built:
                db.session.rollback()
                start = time.perf_counter()
                checklist_data.reset_schema()
                build_data(SEED, tuple(args.items), args.long_share)
                print(f"built the data in {time.perf_counter() - start:.1f} s")
            cycle = cycles.find_cycle(CYCLE_KEY)

            start = time.perf_counter()
            document = compilation_document(cycle, include="submitted")
            compiled = time.perf_counter() - start
            characters = sum(len(str(a)) for a in db.session.scalars(
                sa.select(Answer.value).join(Submission).where(Submission.cycle_id == cycle.id)))
            print(f"compilation: {len(document.parts) - 1} States, {characters:,} characters of answers, "
                  f"document built in {compiled:.2f} s")

            start = time.perf_counter()
            cpu_before = cpu_seconds()
            result = render_document(document, workers=args.workers, cache_dir=cache)
            shutdown_pool()  # the workers end: their CPU time and peak memory are now counted
            cpu_after = cpu_seconds()
            seconds = time.perf_counter() - start
            total = compiled + seconds
            print(f"full build: {result.pages} pages in {total:.1f} s (render {seconds:.1f} s) = "
                  f"{result.pages / total:.1f} pages/s; {result.parts_rendered} parts laid out; "
                  f"PDF {len(result.pdf) / 2**20:.1f} MiB")

            parent_cpu, workers_cpu = (after - before for after, before in zip(cpu_after, cpu_before))
            print(f"CPU time of the full build: parent {parent_cpu:.1f} s, workers {workers_cpu:.1f} s = "
                  f"{result.pages / (parent_cpu + workers_cpu):.1f} pages per CPU second")
            # One State changes one answer: only its part is laid out again.
            submission = db.session.scalar(sa.select(Submission).where(Submission.cycle_id == cycle.id)
                                           .order_by(Submission.id).limit(1))
            answer = db.session.scalar(sa.select(Answer).where(Answer.submission_id == submission.id,
                                                               Answer.question_code == "measures").limit(1))
            original = answer.value
            answer.value = original + "\n\nThe Government added a further measure after the cut-off."
            db.session.flush()
            start = time.perf_counter()
            changed = render_document(compilation_document(cycle, include="submitted"), workers=args.workers,
                                      cache_dir=cache)
            print(f"rebuild after one answer changed: {time.perf_counter() - start:.1f} s "
                  f"({changed.parts_rendered} part(s) laid out, {changed.parts_cached} from the cache), "
                  f"{changed.pages} pages")
            db.session.rollback()
            parent, children = peak_memory_mib()
            print(f"peak memory: parent {parent:.0f} MiB, largest worker {children:.0f} MiB")

            if not args.skip_baseline:
                one_call, pages = weasyprint_in_one_call(document)
                print(f"WeasyPrint in one call: {pages} pages in {one_call:.1f} s = {pages / one_call:.1f} pages/s; "
                      f"the parallel build is {one_call / total:.2f} times as fast (whole build, compilation included)")
            if not args.skip_calibration:
                seconds, pages = plain_paragraphs_in_one_call()
                print(f"this machine: WeasyPrint in one call renders plain numbered paragraphs at "
                      f"{pages / seconds:.1f} pages/s ({pages} pages in {seconds:.1f} s)")
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    print(f"load after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")


if __name__ == "__main__":
    main()
