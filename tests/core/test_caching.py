"""No cache keeps a private answer: every page, download and API answer says ``no-store``; static assets stay cacheable.

The test walks the URL map as the Secretariat, which reaches every route, over the demonstration's 2011 cycle
with a report, a finished PDF job and a final edition, so that each download is really sent.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from portal.accounts.services import find_user_by_email
from portal.api.tokens import create_token
from portal.core.access import Role, rule_for
from portal.core.extensions import db
from portal.reports import services as reports
from portal.reports.models import BlockKind, JobKind, JobStatus, ReportEdition, ReportJob
from portal.reports.settings import ReportSettings
from portal.submissions.models import ReviewComment, Submission
from tests.conftest import login
from tests.reports.conftest import cycle_2011  # noqa: F401 (a fixture)

# The exports' one route serves every format through its query string.
EXPORTS = ["long.csv", "wide.csv", "codebook.csv", "codebook", "export.xlsx"]


@pytest.fixture
def walk_values(cycle_2011):  # noqa: F811 (the fixture imported above)
    """Parameter values naming real resources of the 2011 cycle, and the Secretariat signed in for them."""
    officer = find_user_by_email("secretariat@example.org")
    report = reports.create_report(cycle_2011, user=officer, settings=ReportSettings(symbol="E/CN.15/2099/1"))
    block = reports.add_block(report, after=None, kind=BlockKind.PARAGRAPH, text="A paragraph.", user=officer)
    job = ReportJob(cycle_id=cycle_2011.id, report_id=report.id, kind=JobKind.REPORT, status=JobStatus.DONE,
                    pdf=b"%PDF-1.7 draft", filename="report.pdf", pages=1)
    edition = ReportEdition(report_id=report.id, number=1, inputs={}, pdf=b"%PDF-1.7 final", pdf_sha256="0" * 64,
                            pages=1)
    canada = db.session.scalar(sa.select(Submission).where(Submission.cycle_id == cycle_2011.id,
                                                           Submission.state.has(code="CAN")))
    comment = ReviewComment(submission_id=canada.id, body="Please give the date.", author_id=officer.id)
    db.session.add_all([job, edition, comment])
    db.session.commit()
    return officer, {
        "cycle_key": cycle_2011.key, "code": "CAN", "theme": "crime-prevention", "item_code": "SD-33",
        "key": "salvador-declaration", "version": 3, "user_id": officer.id, "report_id": report.id,
        "block_id": block.id, "job_id": job.id, "number": 1, "comment_id": comment.id,
    }


def get_routes(app):
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and rule.endpoint not in ("static", "exports.download") and not rule_for(app.view_functions[rule.endpoint]).is_public:
            yield rule


def test_every_private_response_is_sent_with_no_store(app, client, create_user, walk_values):
    officer, values = walk_values
    login(client, officer)
    administrator = app.test_client()
    login(administrator, create_user(Role.ADMINISTRATOR))
    _, api_token = create_token(officer, "caching test")
    db.session.commit()
    requests = [(app.url_map.bind("portal.test").build(rule.endpoint, {k: values[k] for k in rule.arguments}),
                 client if Role.SECRETARIAT in rule_for(app.view_functions[rule.endpoint]).roles else administrator)
                for rule in get_routes(app)]
    requests += [(f"/exports/download?cycle={values['cycle_key']}&kind={kind}", client) for kind in EXPORTS]
    sent = {}
    for url, user_client in requests:
        response = user_client.get(url, headers={"Authorization": f"Bearer {api_token}"})
        assert response.status_code < 500, f"{url} -> {response.status_code}"
        assert response.headers["Cache-Control"] == "no-store", f"{url}: {response.headers['Cache-Control']}"
        if response.status_code == 200:
            sent[response.mimetype] = url
    # the walk went through each kind of download, not pages only
    assert {"text/html", "application/pdf", "text/csv", "application/json",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"} <= sent.keys()


def test_public_pages_are_not_stored_and_static_assets_stay_cacheable(client):
    assert client.get("/login").headers["Cache-Control"] == "no-store"
    asset = client.get("/static/portal.css")
    assert asset.status_code == 200
    assert "no-store" not in asset.headers["Cache-Control"]
