"""The Secretariat's comments reach the State when the reply is returned, never before; staff read them all along."""

from __future__ import annotations

import datetime as dt
import io
import re

import flask_migrate
import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from portal.accounts.services import create_account
from portal.api.tokens import create_token
from portal.checklists.services import import_template
from portal.core.access import Role
from portal.core.extensions import db
from portal.cycles.services import create_cycle, open_cycle
from portal.states.services import find_state
from portal.submissions import services
from portal.submissions.models import EventKind, ReviewComment, Submission, SubmissionEvent
from tests.conftest import CHECKLISTS_DIR, PASSWORD, csrf_fields, login, make_test_config, reset_database
from tests.review.conftest import fill, item

FIRST = "Describe the diversion programmes for young offenders."
SECOND = "Name the agencies that run the programmes."


def pages_of(reply) -> list[str]:
    """Every page of the reply a State user reads: the checklist's home and pages, submitting, the timeline."""
    base = reply.url
    return [f"{base}/", f"{base}/themes/children-youth", f"{base}/general", f"{base}/submit", f"{base}/timeline",
            f"{base}/items/SD-26/history"]


def what_the_state_reads(app, reply, user) -> str:
    """Return everything ``user`` is shown of the reply, pages, PDF, API and export, as one text."""
    client = app.test_client()
    login(client, user)
    texts = []
    for url in pages_of(reply):
        response = client.get(url)
        assert response.status_code == 200, url
        texts.append(response.get_data(as_text=True))
    pdf = client.get(f"{reply.url}/reply.pdf")
    assert pdf.status_code == 200
    texts += [page.extract_text() for page in PdfReader(io.BytesIO(pdf.data)).pages]
    _, token = create_token(user, "comments test")
    db.session.commit()
    api = client.get(f"/api/v1/cycles/{reply.cycle.key}/submissions/CAN", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 200
    texts.append(api.get_data(as_text=True))
    for kind in ("long.csv", "wide.csv"):
        texts.append(client.get(f"/exports/download?cycle={reply.cycle.key}&kind={kind}").get_data(as_text=True))
    return "\n".join(texts)


def overview_count(app, reply, user) -> int:
    """Return the number of open comments the reply's home page shows ``user``."""
    client = app.test_client()
    login(client, user)
    html = client.get(f"{reply.url}/").get_data(as_text=True)
    return int(re.search(r"Open review comments</dt><dd>(\d+)</dd>", html).group(1))


def return_reply(app, reply):
    """Return the reply the way the officer does, from the review page."""
    officer = app.test_client()
    login(officer, reply.officer)
    page = officer.get(f"{reply.url}/review").get_data(as_text=True)
    fields = {name: value for name, value in csrf_fields(page).items() if name.startswith("return-")}
    assert officer.post(f"{reply.url}/return", data=fields).status_code == 303


@pytest.fixture
def commented(db, submitted):
    """Canada's submitted reply with the officer's comment on paragraph 26, not returned yet."""
    services.add_review_comment(submitted.submission, submitted.officer, item(submitted.template, "SD-26"), FIRST)
    db.session.commit()
    return submitted


def test_the_state_reads_a_comment_only_once_the_reply_is_returned(app, db, commented):
    for user in (commented.focal, commented.contributor):
        assert FIRST not in what_the_state_reads(app, commented, user), user.role
        assert overview_count(app, commented, user) == 0
    # the Secretariat reads it at once, on the review page and beside the item
    officer = app.test_client()
    login(officer, commented.officer)
    assert FIRST in officer.get(f"{commented.url}/review").get_data(as_text=True)
    assert FIRST in officer.get(f"{commented.url}/themes/children-youth").get_data(as_text=True)

    return_reply(app, commented)
    for user in (commented.focal, commented.contributor):
        client = app.test_client()
        login(client, user)
        theme = client.get(f"{commented.url}/themes/children-youth").get_data(as_text=True)
        section = theme[theme.index('id="item-SD-26"'):theme.index('id="item-SD-27"')]
        assert '<aside class="review-comment"' in section and FIRST in section
        assert overview_count(app, commented, user) == 1


def test_a_comment_written_after_a_resubmission_waits_for_the_next_return(app, db, commented):
    return_reply(app, commented)
    db.session.refresh(commented.submission)
    fill(commented.submission, commented.focal, commented.template)
    services.submit_reply(commented.submission, commented.focal)
    services.add_review_comment(commented.submission, commented.officer, None, SECOND)
    db.session.commit()
    for user in (commented.focal, commented.contributor):
        seen = what_the_state_reads(app, commented, user)
        assert FIRST in seen and SECOND not in seen, user.role
        assert overview_count(app, commented, user) == 1

    return_reply(app, commented)
    for user in (commented.focal, commented.contributor):
        client = app.test_client()
        login(client, user)
        assert SECOND in client.get(f"{commented.url}/general").get_data(as_text=True)
        assert overview_count(app, commented, user) == 2


def test_the_migration_releases_the_comments_made_before_a_return(make_app, tmp_path):
    """Upgrading a database whose replies were returned: earlier comments are released, later ones wait."""
    app = make_app(make_test_config(f"sqlite:///{tmp_path / 'portal.sqlite3'}"))
    reset_database(app)
    with app.app_context():
        template, _ = import_template(CHECKLISTS_DIR / "salvador-declaration.yaml")
        canada = find_state("CAN")
        cycle = create_cycle(key="salvador-2026", title="Salvador", template=template, opens_on=dt.date(2026, 1, 15),
                             deadline=dt.date(2026, 4, 15), cutoff_on=dt.date(2026, 4, 25), states=[canada], created_by=None)
        open_cycle(cycle, None)
        focal = create_account(email="focal@example.org", name="Focal", role=Role.FOCAL_POINT, password=PASSWORD, state=canada)
        officer = create_account(email="officer@example.org", name="Officer", role=Role.SECRETARIAT, password=PASSWORD)
        submission = db.session.scalar(sa.select(Submission).where(Submission.cycle_id == cycle.id))
        fill(submission, focal, template)
        services.submit_reply(submission, focal)
        before = services.add_review_comment(submission, officer, None, FIRST)
        services.return_for_revision(submission, officer)
        services.submit_reply(submission, focal)
        after = services.add_review_comment(submission, officer, None, SECOND)
        db.session.commit()
        returned_at = db.session.scalar(sa.select(SubmissionEvent.at).where(SubmissionEvent.kind == EventKind.RETURNED))
        ids = before.id, after.id
        db.session.remove()

        flask_migrate.downgrade(revision="b7d41c2e9a05")
        assert "released_at" not in {c["name"] for c in sa.inspect(db.engine).get_columns("review_comments")}
        flask_migrate.upgrade()
        released = dict(db.session.execute(sa.select(ReviewComment.id, ReviewComment.released_at)).all())
        assert released == {ids[0]: returned_at, ids[1]: None}
        db.session.remove()
