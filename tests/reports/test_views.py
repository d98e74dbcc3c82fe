"""The Secretariat's report pages: who may use them, the settings, compiling, and editing the draft."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from portal.accounts.services import find_user_by_email
from portal.core.access import STATE_ROLES
from portal.core.bidi import FSI, PDF, PDI, RLO
from portal.core.db import utcnow
from portal.core.extensions import db
from portal.reports import services
from portal.reports.models import (
    BlockKind,
    BlockOrigin,
    JobKind,
    JobStatus,
    Report,
    ReportBlock,
    ReportEdition,
    ReportJob,
)
from portal.reports.settings import ReportSettings
from tests.conftest import csrf_token, login, submit

PREFIXES = ("reports.", "report_jobs.", "report_overview.")


@pytest.fixture
def secretariat(client, cycle_2011):
    user = find_user_by_email("secretariat@example.org")
    login(client, user)
    return user


@pytest.fixture
def report(cycle_2011, secretariat) -> Report:
    """A report on the 2011 cycle with three blocks written by hand (no compilation: quick)."""
    report = services.create_report(cycle_2011, user=secretariat,
                                    settings=ReportSettings(title="Follow-up report", symbol="E/CN.15/2099/1"))
    first = services.add_block(report, after=None, kind=BlockKind.CHAPTER, text="Introduction", user=secretariat)
    second = services.add_block(report, after=first, kind=BlockKind.PARAGRAPH, text="First paragraph.", user=secretariat)
    services.add_block(report, after=second, kind=BlockKind.PARAGRAPH, text="Second paragraph.", user=secretariat)
    db.session.commit()
    return report


@pytest.fixture
def compiled(cycle_2011, secretariat) -> Report:
    from portal.reports.compile import compile_report

    report = services.create_report(cycle_2011, user=secretariat)
    compile_report(report, user=secretariat)
    db.session.commit()
    return report


def editor_url(report: Report, **args) -> str:
    query = "".join(f"&{key}={value}" for key, value in args.items()).replace("&", "?", 1)
    return f"/cycles/{report.cycle.key}/reports/{report.id}/{query}"


def block_url(report: Report, block: ReportBlock, action: str) -> str:
    return f"/cycles/{report.cycle.key}/reports/{report.id}/blocks/{block.id}/{action}"


def post_action(client, report: Report, url: str, data: dict | None = None):
    """Post a button of the editor (with the page's CSRF token), as a browser does."""
    token = csrf_token(client.get(editor_url(report)).get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, **(data or {})})


def blocks_in_order(report: Report) -> list[ReportBlock]:
    db.session.expire_all()
    return sorted(db.session.get(Report, report.id).blocks, key=lambda block: block.position)


def printed_labels(html: str) -> list[str]:
    return re.findall(r'<span class="report-label">([^<]*)</span>', html)


# --- Access ------------------------------------------------------------------------------------------------------


def test_the_main_navigation_leads_staff_to_every_cycles_reports(client, report, secretariat, salvador):
    from portal.cycles.services import create_cycle
    from portal.states.services import find_state

    services.finalise_report(report, user=secretariat)
    create_cycle(key="later-cycle", title="A later cycle", template=salvador, opens_on=dt.date(2030, 1, 15),
                 deadline=dt.date(2030, 3, 1), cutoff_on=dt.date(2030, 3, 15), states=[find_state("CAN")], created_by=None)
    db.session.commit()
    dashboard = client.get("/dashboard").get_data(as_text=True)
    assert '<a href="/reports/">Reports</a>' in dashboard
    html = client.get("/reports/").get_data(as_text=True)
    later, earlier = html.index("A later cycle"), html.index(report.cycle.title)
    assert later < earlier, "the latest cycle first"
    assert "No report yet." in html and 'href="/cycles/later-cycle/reports/new"' in html
    row = html[earlier:html.index("</tr>", earlier)]
    assert f'href="/cycles/{report.cycle.key}/reports/{report.id}/"' in row and "Follow-up report" in row
    assert "E/CN.15/2099/1" in row and "Final" in row
    assert f'href="/cycles/{report.cycle.key}/reports/{report.id}/#editions">1</a>' in row


def report_routes(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith(PREFIXES):
            yield rule


@pytest.mark.parametrize("role", sorted(STATE_ROLES, key=lambda r: r.value))
def test_state_users_are_refused_every_report_route(app, client, report, create_user, role):
    block = report.blocks[0]
    job = ReportJob(cycle_id=report.cycle_id, report_id=report.id, kind=JobKind.REPORT, status=JobStatus.DONE,
                    pdf=b"%PDF-1.7 secret", filename="report.pdf", pages=1)
    edition = ReportEdition(report_id=report.id, number=1, inputs={}, pdf=b"%PDF-1.7 secret", pdf_sha256="0" * 64,
                            pages=1)
    db.session.add_all([job, edition])
    db.session.commit()
    values = {"cycle_key": report.cycle.key, "report_id": report.id, "block_id": block.id, "job_id": job.id,
              "number": 1}
    client.post("/logout", data={"csrf_token": csrf_token(client.get("/dashboard").get_data(as_text=True))})
    login(client, create_user(role, "CAN"))
    token = csrf_token(client.get("/dashboard").get_data(as_text=True))
    checked = []
    for rule in report_routes(app):
        url = app.url_map.bind("portal.test").build(rule.endpoint, {k: values[k] for k in rule.arguments})
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(url, method=method, data={"csrf_token": token, "text": "x", "direction": "up"})
            assert response.status_code in (403, 404), f"{role.value} {method} {url} -> {response.status_code}"
            assert b"secret" not in response.data
            checked.append(url)
    assert len(checked) >= 20
    assert db.session.get(ReportBlock, block.id).text == "Introduction"


def test_anonymous_visitors_are_sent_to_sign_in(app, client, report):
    client.post("/logout", data={"csrf_token": csrf_token(client.get("/dashboard").get_data(as_text=True))})
    response = client.get(editor_url(report))
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_a_report_of_another_cycle_is_not_found(client, report, make_cycle):
    other = make_cycle(["CAN"], key="other-2026")
    assert client.get(f"/cycles/{other.key}/reports/{report.id}/").status_code == 404


# --- Settings ----------------------------------------------------------------------------------------------------


def test_the_cycle_dashboard_links_to_its_reports(client, cycle_2011, secretariat):
    html = client.get(f"/cycles/{cycle_2011.key}/").get_data(as_text=True)
    assert f'href="/cycles/{cycle_2011.key}/reports/"' in html


def test_creating_a_report_offers_the_cycle_defaults_and_opens_the_editor(client, cycle_2011, secretariat):
    url = f"/cycles/{cycle_2011.key}/reports/new"
    page = client.get(url).get_data(as_text=True)
    assert cycle_2011.title in page
    assert f'value="{cycle_2011.cutoff_on.isoformat()}"' in page
    response = submit(client, url, {
        "title": "Implementation of the Declaration", "subtitle": "Report of the Secretary-General",
        "symbol": "E/CN.15/2011/15", "as_at": "2011-01-30", "date": "2011-02-15", "include": "accepted",
        "arrangement": "by-theme", "table_of_contents": "y", "organ": "Economic and Social Council",
    })
    assert response.status_code == 303
    report = services.reports_of(cycle_2011)[-1]
    settings = services.settings_of(report)
    assert (settings.symbol, settings.arrangement, settings.table_of_contents) == ("E/CN.15/2011/15", "by-theme", True)
    assert response.headers["Location"].endswith(f"/reports/{report.id}/")


def test_settings_are_validated_and_saved(client, report):
    url = f"/cycles/{report.cycle.key}/reports/{report.id}/settings"
    page = client.get(url).get_data(as_text=True)
    assert 'value="E/CN.15/2099/1"' in page
    response = submit(client, url, {"title": "", "as_at": "2011-01-30", "include": "accepted", "arrangement": "by-state"})
    assert response.status_code == 422
    response = submit(client, url, {"title": "New title", "as_at": "2011-01-30", "include": "submitted",
                                    "arrangement": "by-state", "session": "Twentieth session"})
    assert response.status_code == 303
    db.session.expire_all()
    settings = services.settings_of(db.session.get(Report, report.id))
    assert (settings.title, settings.include, settings.session) == ("New title", "submitted", "Twentieth session")


def test_forms_without_the_csrf_token_change_nothing(client, report):
    block = blocks_in_order(report)[1]
    assert client.post(block_url(report, block, "delete")).status_code == 400
    assert client.post(block_url(report, block, "move"), data={"direction": "up"}).status_code == 400
    assert client.post(block_url(report, block, "text"), data={"text": "Forged"}).status_code == 400
    response = client.post(f"/cycles/{report.cycle.key}/reports/{report.id}/settings",
                           data={"title": "Forged", "as_at": "2011-01-30", "include": "accepted", "arrangement": "by-state"})
    assert response.status_code == 400
    assert client.post(f"/cycles/{report.cycle.key}/reports/{report.id}/compile").status_code == 400
    block = blocks_in_order(report)[1]
    assert (block.text, block.deleted) == ("First paragraph.", False)
    assert services.settings_of(db.session.get(Report, report.id)).title == "Follow-up report"


# --- Compiling and editing ---------------------------------------------------------------------------------------


def test_compiling_writes_the_draft_and_says_what_changed(client, cycle_2011, secretariat):
    report = services.create_report(cycle_2011, user=secretariat)
    db.session.commit()
    response = post_action(client, report, f"/cycles/{cycle_2011.key}/reports/{report.id}/compile")
    assert response.status_code == 303
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    added = re.search(r"The report is compiled: (\d+) blocks added", html)
    assert added and int(added.group(1)) > 20
    assert "Canada" in html
    labels = [label for label in printed_labels(html) if re.fullmatch(r"\d+\.", label)]
    assert [int(label[:-1]) for label in labels] == list(range(1, len(labels) + 1))

    again = post_action(client, report, f"/cycles/{cycle_2011.key}/reports/{report.id}/compile")
    html = client.get(again.headers["Location"]).get_data(as_text=True)
    assert "The report is compiled: 0 blocks added, 0 updated" in html


def test_the_editor_shows_the_answers_behind_a_paragraph_with_a_link_to_them(client, compiled):
    sourced = next(block for block in blocks_in_order(compiled) if block.sources)
    source = sourced.sources[0]
    html = client.get(editor_url(compiled)).get_data(as_text=True)
    state = source.answer.item and source.answer.item.code
    link = f"/cycles/{compiled.cycle.key}/states/"
    assert link in html and f"#item-{state}" in html
    page = client.get(f"/cycles/{compiled.cycle.key}/reports/{compiled.id}/blocks/{sourced.id}").get_data(as_text=True)
    assert "revision 1 used" in page
    reply = re.search(r'href="(/cycles/[^"]+/states/([A-Z]{3})/review#item-[^"]+)"', page)
    assert reply is not None
    review = client.get(reply.group(1).split("#")[0])
    assert review.status_code == 200
    assert f'id="{reply.group(1).split("#")[1]}"' in review.get_data(as_text=True)


def test_the_editor_shows_a_heading_with_nothing_under_it_unnumbered_as_not_printed(client, compiled):
    for block in blocks_in_order(compiled):
        if (block.key or "").startswith("congress:next:"):  # the editor deletes the suggestions on the next congress
            services.delete_block(block)
    db.session.commit()
    html = client.get(editor_url(compiled)).get_data(as_text=True)

    def item(key: str) -> str:
        block = next(block for block in blocks_in_order(compiled) if block.key == key)
        start = html.index(f'id="block-{block.id}"')
        return html[start:html.index('<li class="report-block', start)]

    # Nothing is left under the section on the next congress: it is written but not printed.
    assert printed_labels(item("congress:next")) == [""]
    assert "not printed: nothing under this heading" in item("congress:next")
    assert printed_labels(item("congress:efficiency")) == ["A."] and "not printed" not in item("congress:efficiency")


def test_editing_marks_a_generated_paragraph_edited_and_reset_returns_it(client, compiled):
    block = next(b for b in blocks_in_order(compiled) if b.kind is BlockKind.PARAGRAPH and b.origin is BlockOrigin.GENERATED)
    generated = block.text
    form_page = client.get(editor_url(compiled, edit=block.id)).get_data(as_text=True)
    assert f'id="text-{block.id}"' in form_page
    response = post_action(client, compiled, block_url(compiled, block, "text"), {"text": "Canada reported progress.\r\n"})
    assert response.status_code == 303
    db.session.expire_all()
    block = db.session.get(ReportBlock, block.id)
    assert (block.text, block.edited) == ("Canada reported progress.", True)
    html = client.get(editor_url(compiled)).get_data(as_text=True)
    assert "badge-edited" in html and "Reset to the generated text" in html

    post_action(client, compiled, block_url(compiled, block, "reset"))
    db.session.expire_all()
    block = db.session.get(ReportBlock, block.id)
    assert (block.text, block.edited) == (generated, False)


def test_an_empty_text_is_refused(client, report):
    block = blocks_in_order(report)[1]
    response = post_action(client, report, block_url(report, block, "text"), {"text": "  "})
    assert response.status_code == 303
    assert "edit=" in response.headers["Location"]
    assert blocks_in_order(report)[1].text == "First paragraph."


def test_moving_a_paragraph_changes_its_printed_number(client, report):
    chapter, first, second = blocks_in_order(report)
    post_action(client, report, block_url(report, second, "move"), {"direction": "up"})
    assert [b.text for b in blocks_in_order(report)] == ["Introduction", "Second paragraph.", "First paragraph."]
    html = client.get(editor_url(report)).get_data(as_text=True)
    assert html.index("Second paragraph.") < html.index("First paragraph.")
    assert printed_labels(html) == ["I.", "1.", "2."]
    post_action(client, report, block_url(report, chapter, "move"), {"direction": "up"})  # already first: nothing
    assert blocks_in_order(report)[0].text == "Introduction"


def test_deleting_a_generated_paragraph_keeps_a_tombstone_and_a_manual_one_goes(client, compiled):
    generated = next(b for b in blocks_in_order(compiled) if b.kind is BlockKind.PARAGRAPH and b.origin is BlockOrigin.GENERATED)
    post_action(client, compiled, block_url(compiled, generated, "delete"))
    db.session.expire_all()
    assert db.session.get(ReportBlock, generated.id).deleted is True
    html = client.get(editor_url(compiled)).get_data(as_text=True)
    assert "Restore" in html

    manual = services.add_block(compiled, after=generated, kind=BlockKind.PARAGRAPH, text="By hand.", user=None)
    db.session.commit()
    manual_url = block_url(compiled, manual, "delete")
    post_action(client, compiled, manual_url)
    db.session.expire_all()
    assert "By hand." not in [block.text for block in blocks_in_order(compiled)]

    post_action(client, compiled, block_url(compiled, generated, "restore"))
    db.session.expire_all()
    assert db.session.get(ReportBlock, generated.id).deleted is False


def test_adding_a_paragraph_after_another(client, report):
    chapter, first, second = blocks_in_order(report)
    page = client.get(editor_url(report, add=first.id)).get_data(as_text=True)
    assert 'id="add-form"' in page
    response = post_action(client, report, f"/cycles/{report.cycle.key}/reports/{report.id}/blocks/add",
                           {"after": str(first.id), "kind": "paragraph", "text": "Inserted paragraph."})
    assert response.status_code == 303
    blocks = blocks_in_order(report)
    assert [b.text for b in blocks] == ["Introduction", "First paragraph.", "Inserted paragraph.", "Second paragraph."]
    assert blocks[2].origin is BlockOrigin.MANUAL
    html = client.get(editor_url(report)).get_data(as_text=True)
    assert "added by an editor" in html
    assert printed_labels(html) == ["I.", "1.", "2.", "3."]


def test_user_text_is_escaped_in_the_editor(client, report):
    block = blocks_in_order(report)[1]
    hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> ^[<b>note</b>]'
    post_action(client, report, block_url(report, block, "text"), {"text": hostile})
    html = client.get(editor_url(report)).get_data(as_text=True)
    assert "<script>alert(1)" not in html and "<img src=x" not in html and "<b>note</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;note&lt;/b&gt;" in html  # the footnote, escaped too
    block_page = client.get(f"/cycles/{report.cycle.key}/reports/{report.id}/blocks/{block.id}").get_data(as_text=True)
    assert "<script>alert(1)" not in block_page


# --- PDFs (jobs run inline here; tests/reports/test_jobs.py runs them off the request) -----------------------------


@pytest.fixture
def inline_jobs(app, monkeypatch):
    monkeypatch.setitem(app.config, "REPORT_JOBS_INLINE", True)


def test_building_the_draft_pdf_shows_the_job_and_downloads_it(client, report, inline_jobs):
    response = post_action(client, report, f"/cycles/{report.cycle.key}/reports/{report.id}/pdf")
    assert response.status_code == 303
    job_page = client.get(response.headers["Location"])
    html = job_page.get_data(as_text=True)
    assert "<progress" in html and "reports.js" in html
    job_id = int(re.search(r"/pdf-jobs/(\d+)", response.headers["Location"]).group(1))
    state = client.get(f"/cycles/{report.cycle.key}/pdf-jobs/{job_id}/status").get_json()
    assert state["status"] == "done" and state["finished"] and state["done"] == state["total"] > 0
    pdf = client.get(state["download"])
    assert pdf.mimetype == "application/pdf"
    assert 'filename=E_CN.15_2099_1.pdf' in pdf.headers["Content-Disposition"]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "First paragraph." in text


def test_a_running_job_page_refreshes_itself_without_javascript(client, report):
    job = ReportJob(cycle_id=report.cycle_id, report_id=report.id, kind=JobKind.REPORT, status=JobStatus.RUNNING,
                    progress_done=2, progress_total=5)
    db.session.add(job)
    db.session.commit()
    html = client.get(f"/cycles/{report.cycle.key}/pdf-jobs/{job.id}").get_data(as_text=True)
    assert '<noscript><meta http-equiv="refresh"' in html
    assert 'max="5" value="2"' in html
    assert "2 of 5 parts rendered" in html
    assert client.get(f"/cycles/{report.cycle.key}/pdf-jobs/{job.id}/download").status_code == 404


def test_finalising_needs_confirmation_then_stores_an_edition_that_reproduces(client, report, inline_jobs):
    url = f"/cycles/{report.cycle.key}/reports/{report.id}/finalise"
    post_action(client, report, url)
    assert services.editions_of(report) == []
    response = post_action(client, report, url, {"confirm": "y"})
    assert response.status_code == 303
    db.session.expire_all()
    [edition] = services.editions_of(db.session.get(Report, report.id))
    assert edition.number == 1
    assert db.session.get(Report, report.id).status.value == "final"
    pdf = client.get(f"/cycles/{report.cycle.key}/reports/{report.id}/editions/1.pdf")
    assert pdf.data.startswith(b"%PDF") and "E_CN.15_2099_1-edition-1.pdf" in pdf.headers["Content-Disposition"]
    check = post_action(client, report, f"/cycles/{report.cycle.key}/reports/{report.id}/editions/1/check")
    assert "/pdf-jobs/" in check.headers["Location"]  # produced again off the request path
    html = client.get(check.headers["Location"]).get_data(as_text=True)
    assert "<h1>Check of a final edition</h1>" in html
    assert re.search(r'class="flash flash-success"[^>]*>Edition 1 was produced again from its stored inputs: '
                     r"the PDF is identical \(SHA-256 " + edition.pdf_sha256, html)
    state = client.get(check.headers["Location"] + "/status").get_json()
    assert state["status"] == "done" and state["download"] is None and state["message_kind"] == "success"
    [job] = db.session.scalars(sa.select(ReportJob).where(ReportJob.kind == JobKind.CHECK)).all()
    assert job.pdf is None and job.options["identical"] is True and job.options["sha256"] == edition.pdf_sha256


def test_checking_an_edition_whose_stored_pdf_changed_says_it_differs(client, report, inline_jobs):
    post_action(client, report, f"/cycles/{report.cycle.key}/reports/{report.id}/finalise", {"confirm": "y"})
    db.session.expire_all()
    [edition] = services.editions_of(db.session.get(Report, report.id))
    stored = edition.pdf_sha256
    edition.pdf_sha256 = "0" * 64  # as if the stored file had been altered since
    db.session.commit()
    check = post_action(client, report, f"/cycles/{report.cycle.key}/reports/{report.id}/editions/1/check")
    html = client.get(check.headers["Location"]).get_data(as_text=True)
    assert re.search(r'class="flash flash-error"[^>]*>Edition 1 was produced again from its stored inputs, but the PDF '
                     r"differs \(SHA-256 " + stored + " instead of " + "0" * 64, html)
    assert client.get(f"/cycles/{report.cycle.key}/reports/{report.id}/editions/2/check").status_code == 405
    assert post_action(client, report, f"/cycles/{report.cycle.key}/reports/{report.id}/editions/2/check").status_code == 404


def test_jobs_whose_runner_stopped_are_marked_failed_and_can_be_started_again(client, report, inline_jobs):
    now = utcnow()
    stale = dt.timedelta(seconds=client.application.config["REPORT_JOB_STALE_SECONDS"] + 60)
    kinds = dict(cycle_id=report.cycle_id, report_id=report.id, kind=JobKind.REPORT)
    lost_running = ReportJob(**kinds, status=JobStatus.RUNNING, created_at=now - 2 * stale, started_at=now - 2 * stale,
                             heartbeat_at=now - stale, progress_done=3, progress_total=9)
    lost_waiting = ReportJob(**kinds, status=JobStatus.QUEUED, created_at=now - stale)
    alive = ReportJob(**kinds, status=JobStatus.RUNNING, created_at=now - 2 * stale, started_at=now - 2 * stale,
                      heartbeat_at=now - dt.timedelta(seconds=30), progress_done=5, progress_total=9)
    waiting = ReportJob(**kinds, status=JobStatus.QUEUED, created_at=now - dt.timedelta(seconds=30))
    done = ReportJob(**kinds, status=JobStatus.DONE, created_at=now - 3 * stale, finished_at=now - 3 * stale)
    db.session.add_all([lost_running, lost_waiting, alive, waiting, done])
    db.session.commit()
    ids = {name: job.id for name, job in
           dict(lost_running=lost_running, lost_waiting=lost_waiting, alive=alive, waiting=waiting, done=done).items()}

    html = client.get(f"/cycles/{report.cycle.key}/reports/").get_data(as_text=True)
    db.session.expire_all()
    status = {name: db.session.get(ReportJob, job_id).status for name, job_id in ids.items()}
    assert status == {"lost_running": JobStatus.FAILED, "lost_waiting": JobStatus.FAILED, "alive": JobStatus.RUNNING,
                      "waiting": JobStatus.QUEUED, "done": JobStatus.DONE}
    assert html.count("<td>Failed</td>") == 2
    state = client.get(f"/cycles/{report.cycle.key}/pdf-jobs/{ids['lost_running']}/status").get_json()
    assert state["finished"] and state["status"] == "failed" and state["message_kind"] == "error"
    assert "the process producing it stopped" in state["message"]
    page = client.get(f"/cycles/{report.cycle.key}/pdf-jobs/{ids['lost_running']}").get_data(as_text=True)
    assert "the process producing it stopped" in page and "http-equiv=\"refresh\"" not in page
    # Starting it again is a new job, as for any failed one.
    again = post_action(client, report, f"/cycles/{report.cycle.key}/reports/{report.id}/pdf")
    assert client.get(again.headers["Location"] + "/status").get_json()["status"] == "done"


def test_an_override_left_open_in_an_answer_stays_in_its_words_on_the_editor_page(client, cycle_2011, secretariat):
    """The paragraph is drafted with the State's words isolated and closed: the report's words and the
    next State's paragraph keep their direction on the page; the answer itself is stored and exported as typed."""
    from portal.reports.compile import compile_report
    from portal.submissions.models import Answer, Submission

    first = db.session.scalars(
        sa.select(Answer).join(Submission).where(Submission.cycle_id == cycle_2011.id, Answer.question_code == "measures")
        .order_by(Answer.id)
    ).first()
    typed = f"The {RLO}law was amended"
    first.value = typed
    db.session.flush()
    report = services.create_report(cycle_2011, user=secretariat)
    compile_report(report, user=secretariat)
    db.session.commit()

    block = next(b for b in blocks_in_order(report) if b.sources and any(s.answer_id == first.id for s in b.sources))
    assert f"that {FSI}the {RLO}law was amended{PDF}{PDI}." in block.text
    html = client.get(editor_url(report)).get_data(as_text=True)
    printed = re.sub(r"<[^>]+>", "", html[html.index(f'id="block-{block.id}"'):])  # the words, without a flag's <mark>
    assert f"that {FSI}the {RLO}law was amended{PDF}{PDI}." in printed
    # every override the page holds (the paragraph, the answer behind it) is closed where the user's words end
    # (the engine flags this paragraph, so the answer also shows beside the generated text: twice more)
    assert html.count(RLO) == html.count(f"{RLO}law was amended{PDF}{PDI}") == 4
    assert db.session.get(Answer, first.id).value == typed
    export = client.get(f"/exports/download?cycle={cycle_2011.key}&kind=long.csv")
    assert f"\n{typed}," in export.get_data(as_text=True).replace("\r\n", "\n") or f",{typed}," in export.get_data(as_text=True)
    assert FSI not in export.get_data(as_text=True)
