"""The Secretariat's review: the reply readable, comments per item, return (with mail), accept, reopen."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from portal.core.access import Role
from portal.mail.models import OutboxMessage
from portal.submissions import services
from portal.submissions.models import EventKind, ReviewComment, SubmissionEvent, SubmissionStatus
from tests.conftest import csrf_fields, login, submit
from tests.review.conftest import fill, item


def outbox(db) -> list[OutboxMessage]:
    return list(db.session.scalars(sa.select(OutboxMessage).order_by(OutboxMessage.id)))


def kinds(db, submission) -> list[EventKind]:
    return list(db.session.scalars(
        sa.select(SubmissionEvent.kind).where(SubmissionEvent.submission_id == submission.id).order_by(SubmissionEvent.id)
    ))


def review_form(html: str, prefix: str) -> dict[str, str]:
    """Return the CSRF field of one prefixed form of the review page."""
    return {name: value for name, value in csrf_fields(html).items() if name.startswith(prefix)}


@pytest.mark.parametrize("role", [Role.SECRETARIAT, Role.ADMINISTRATOR])
def test_staff_read_the_whole_reply_with_labels_references_and_long_texts(client, db, reply, create_user, role):
    sd26 = item(reply.template, "SD-26")
    fill(reply.submission, reply.focal, reply.template, {
        ("SD-26", "status"): "partially",
        ("SD-26", "measures"): "First paragraph <b>not bold</b>.\nSecond line.\n\nSecond paragraph.",
        ("SD-26", "challenges"): ["coordination", "resources"],
        ("SD-26", "references"): [{"title": "Youth Criminal Justice Act", "citation": "S.C. 2002, c. 1",
                                   "date": "2002-02-19", "link": "https://laws.example/ycja"}],
        ("SD-26", "assistance_needed"): "no",
        (None, "tools_training"): ["Cybercrime.", "Prisons <and> probation."],
    })
    services.submit_reply(reply.submission, reply.focal)
    db.session.commit()
    login(client, create_user(role))
    response = client.get(f"{reply.url}/review")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for it in reply.template.items:
        assert f'id="item-{it.code}"' in html and f'<span class="review-number">{it.paragraph}.</span>' in html
    assert 'id="item-general"' in html
    assert '<ol class="review-entries"><li dir="auto">Cybercrime.</li><li dir="auto">Prisons &lt;and&gt; probation.</li></ol>' in html
    section = html.split(f'id="item-{sd26.code}"', 1)[1].split("</article>", 1)[0]
    assert "<dd>Partially implemented</dd>" in section and "partially<" not in section
    assert "<li>Inter-agency coordination</li><li>Limited resources</li>" in section
    assert "<cite>Youth Criminal Justice Act</cite>, S.C. 2002, c. 1, adopted on 19 February 2002" in section
    assert '<span class="review-link">https://laws.example/ycja</span>' in section  # text, not a link
    assert "<p dir=\"auto\">First paragraph &lt;b&gt;not bold&lt;/b&gt;.<br>Second line.</p><p dir=\"auto\">Second paragraph.</p>" in section
    assert "<dd>No</dd>" in section
    assert "Return for revision</button>" in html and "Accept the reply</button>" in html
    assert "Reopen the reply</button>" not in html  # no request to reopen: returning is the way back
    assert '<label for="comment-SD-26-body">Comment on paragraph 26</label>' in html


@pytest.mark.parametrize("role", [Role.FOCAL_POINT, Role.CONTRIBUTOR])
def test_state_users_cannot_review(client, db, submitted, create_user, role):
    login(client, create_user(role, "CAN"))
    assert client.get(f"{submitted.url}/review").status_code == 403
    token = csrf_fields(client.get(f"{submitted.url}/timeline").get_data(as_text=True))
    for action in ("comments", "comments/resolve", "return", "accept", "reopen"):
        assert client.post(f"{submitted.url}/{action}", data={**token, "item": "SD-26"}).status_code == 403, action
    assert submitted.submission.status is SubmissionStatus.SUBMITTED


def test_the_officer_comments_on_items_and_the_general_questions(client, db, submitted):
    login(client, submitted.officer)
    page = client.get(f"{submitted.url}/review").get_data(as_text=True)
    response = client.post(f"{submitted.url}/comments", data={
        **review_form(page, "comment-SD-26"), "item": "SD-26",
        "comment-SD-26-body": "Please describe the diversion programmes.\n\n<script>alert(1)</script>",
    })
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"{submitted.url}/review#item-SD-26")
    client.post(f"{submitted.url}/comments", data={
        **review_form(page, "comment-general"), "item": "general", "comment-general-body": "Name the institutions consulted.",
    })
    by_item = services.comments_by_item(submitted.submission, submitted.officer)
    sd26 = item(submitted.template, "SD-26")
    assert [c.body for c in by_item[sd26.id]] == ["Please describe the diversion programmes.\n\n<script>alert(1)</script>"]
    assert [c.body for c in by_item[None]] == ["Name the institutions consulted."]
    html = client.get(f"{submitted.url}/review").get_data(as_text=True)
    section = html.split('id="item-SD-26"', 1)[1].split("</article>", 1)[0]
    assert "<p>Please describe the diversion programmes.</p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>" in section
    assert "Sami Secretariat" in section
    assert "2 open comments will be sent to the State with a return." in html


def test_an_empty_comment_is_refused_with_the_error_tied_to_its_field(client, db, submitted):
    login(client, submitted.officer)
    page = client.get(f"{submitted.url}/review").get_data(as_text=True)
    response = client.post(f"{submitted.url}/comments", data={
        **review_form(page, "comment-SD-26"), "item": "SD-26", "comment-SD-26-body": "   ",
    })
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert re.search(r'<textarea[^>]*aria-describedby="comment-SD-26-body-help comment-SD-26-body-error"[^>]*aria-invalid="true"'
                     r'|<textarea[^>]*aria-invalid="true"[^>]*aria-describedby="comment-SD-26-body-help comment-SD-26-body-error"', html)
    assert '<p class="error" id="comment-SD-26-body-error">Write the comment first.</p>' in html
    assert '<details class="review-comment-form" open>' in html  # the failed form stays unfolded
    assert '<a href="#comment-SD-26-body">Comment: Write the comment first.</a>' in html  # and the summary leads to it
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ReviewComment)) == 0
    unknown = client.post(f"{submitted.url}/comments", data={**review_form(page, "comment-SD-26"), "item": "SD-99"})
    assert unknown.status_code == 404


def test_returning_mails_the_active_focal_points_the_commented_items(client, db, submitted, create_user):
    second = create_user(Role.FOCAL_POINT, "CAN", name="Second Focal")
    gone = create_user(Role.FOCAL_POINT, "CAN", name="Former Focal")
    gone.is_active = False
    db.session.commit()
    services.add_review_comment(submitted.submission, submitted.officer, item(submitted.template, "SD-26"),
                                "Please describe the diversion programmes.")
    services.add_review_comment(submitted.submission, submitted.officer, None, "Name the institutions consulted.")
    resolved = services.add_review_comment(submitted.submission, submitted.officer, item(submitted.template, "SD-2"),
                                           "Resolved already.")
    db.session.commit()
    login(client, submitted.officer)
    page = client.get(f"{submitted.url}/review").get_data(as_text=True)
    response = client.post(f"{submitted.url}/comments/resolve", data={**csrf_fields(page), "comment": str(resolved.id)})
    assert response.status_code == 303 and response.headers["Location"].endswith("#item-SD-2")
    response = client.post(f"{submitted.url}/return", data={
        **review_form(page, "return"), "return-note": "See the comments on paragraph 26.",
    })
    assert response.status_code == 303
    db.session.refresh(submitted.submission)
    assert submitted.submission.status is SubmissionStatus.RETURNED
    messages = outbox(db)
    assert sorted(m.recipient for m in messages) == sorted([submitted.focal.email, second.email])
    assert gone.email not in {m.recipient for m in messages} and submitted.contributor.email not in {m.recipient for m in messages}
    body = messages[0].body
    assert messages[0].subject == f"{submitted.cycle.title}: your reply was returned for revision"
    assert "Paragraph 26 (SD-26):" in body and "Please describe the diversion programmes." in body
    assert "Questions asked once per checklist:" in body and "Name the institutions consulted." in body
    assert "Resolved already." not in body and "Paragraph 2 " not in body
    assert body.index("Paragraph 26") < body.index("Questions asked once per checklist")
    assert "See the comments on paragraph 26." in body
    assert f"http://portal.test/cycles/{submitted.cycle.key}/states/CAN/" in body
    event = db.session.scalar(sa.select(SubmissionEvent).where(SubmissionEvent.kind == EventKind.RETURNED))
    assert (event.actor_id, event.note) == (submitted.officer.id, "See the comments on paragraph 26.")
    # the State can change the reply again, and cannot be returned twice
    assert services.can_edit(submitted.focal, submitted.submission)
    again = client.post(f"{submitted.url}/return", data={**review_form(page, "return")}, follow_redirects=True)
    assert "Only a submitted reply can be returned." in again.get_data(as_text=True)


def test_accepting_a_submitted_reply(client, db, submitted):
    login(client, submitted.officer)
    response = submit(client, f"{submitted.url}/accept", {}, form_page=f"{submitted.url}/review")
    assert response.status_code == 303 and response.headers["Location"].endswith("/timeline")
    db.session.refresh(submitted.submission)
    assert submitted.submission.status is SubmissionStatus.ACCEPTED and submitted.submission.accepted_at is not None
    html = client.get(f"{submitted.url}/review").get_data(as_text=True)
    assert "Accept the reply</button>" not in html and "Reopen the reply</button>" in html
    # the State's focal points hear of it (mail is kept in the outbox when no mail server is set)
    [message] = outbox(db)
    assert message.recipient == submitted.focal.email
    assert message.subject == f"{submitted.cycle.title}: the reply of Canada was accepted"


def test_a_focal_point_asks_to_reopen_and_the_officer_reopens(app, client, db, submitted):
    login(client, submitted.focal)
    timeline = client.get(f"{submitted.url}/timeline").get_data(as_text=True)
    assert "Ask to reopen</button>" in timeline
    response = client.post(f"{submitted.url}/reopen-request", data={**csrf_fields(timeline), "note": "A new law was adopted."})
    assert response.status_code == 303
    timeline = client.get(f"{submitted.url}/timeline").get_data(as_text=True)
    assert "Reopening asked for" in timeline and "Ask to reopen</button>" not in timeline
    assert "A new law was adopted." in timeline
    assert client.post(f"{submitted.url}/reopen", data=csrf_fields(timeline)).status_code == 403

    officer = app.test_client()
    login(officer, submitted.officer)
    page = officer.get(f"{submitted.url}/review").get_data(as_text=True)
    assert "The State asks to reopen this reply" in page and "A new law was adopted." in page
    response = officer.post(f"{submitted.url}/reopen", data={**review_form(page, "reopen"), "reopen-note": "Agreed."})
    assert response.status_code == 303
    db.session.refresh(submitted.submission)
    assert submitted.submission.status is SubmissionStatus.DRAFT and submitted.submission.reopen_requested_at is None
    assert kinds(db, submitted.submission)[-3:] == [EventKind.SUBMITTED, EventKind.REOPEN_REQUESTED, EventKind.REOPENED]


def test_a_contributor_cannot_ask_to_reopen(client, db, submitted):
    login(client, submitted.contributor)
    timeline = client.get(f"{submitted.url}/timeline").get_data(as_text=True)
    assert "Ask to reopen</button>" not in timeline
    assert client.post(f"{submitted.url}/reopen-request", data=csrf_fields(timeline)).status_code == 403
    assert submitted.submission.reopen_requested_at is None



def test_a_refused_focal_point_is_named_and_the_others_are_mailed_over_smtp(client, db, submitted, create_user, smtp):
    create_user(Role.FOCAL_POINT, "CAN", name="Refused Focal", email="refused.can@example.org")
    db.session.commit()
    login(client, submitted.officer)
    page = client.get(f"{submitted.url}/review").get_data(as_text=True)
    response = client.post(f"{submitted.url}/return", data={**review_form(page, "return"), "return-note": "Please."},
                           follow_redirects=True)
    html = response.get_data(as_text=True)
    db.session.refresh(submitted.submission)
    assert submitted.submission.status is SubmissionStatus.RETURNED, "the return stands"
    assert ("The reply was returned for revision, but the e-mail could not be sent to refused.can@example.org. "
            "Tell them another way.") in html
    assert f"Its other focal points were told by e-mail ({submitted.focal.email})." in html
    assert [message["To"] for message in smtp.messages] == [submitted.focal.email]
    assert "your reply was returned for revision" in smtp.to(submitted.focal.email)["Subject"]


def test_a_closed_cycles_reply_is_neither_returned_nor_reopened(client, db, submitted):
    from portal.cycles.services import close_cycle

    close_cycle(submitted.cycle)
    db.session.commit()
    login(client, submitted.officer)
    page = client.get(f"{submitted.url}/review").get_data(as_text=True)
    assert "The reporting cycle is closed" in page
    assert "Return for revision</button>" not in page and "Accept the reply</button>" in page
    token = next(iter(csrf_fields(page).values()))  # the forms are not on the page: post as a crafted request
    response = client.post(f"{submitted.url}/return", data={"return-csrf_token": token}, follow_redirects=True)
    assert "The reporting cycle is closed: a returned reply could not be changed" in response.get_data(as_text=True)
    response = client.post(f"{submitted.url}/reopen", data={"reopen-csrf_token": token}, follow_redirects=True)
    assert "The reporting cycle is closed: a reopened reply could not be changed" in response.get_data(as_text=True)
    db.session.refresh(submitted.submission)
    assert submitted.submission.status is SubmissionStatus.SUBMITTED
    assert outbox(db) == []
