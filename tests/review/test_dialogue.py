"""The review as a dialogue: the State answers the Secretariat's comments, marks them addressed, the reviewer resolves them."""

from __future__ import annotations

import re

import sqlalchemy as sa

from portal.core.access import Role
from portal.cycles.services import close_cycle
from portal.review.dialogue import open_comments
from portal.submissions import services
from portal.submissions.models import Answer, EventKind, SubmissionEvent, SubmissionStatus
from portal.submissions.services import AnswerChange
from tests.conftest import csrf_fields, login, submit
from tests.review.conftest import item
from tests.review.test_review import review_form

HREF = re.compile(r'<a [^>]*href="([^"#]+)[^"]*"')


def returned_with_a_comment(db, submitted, text="Please give the year the law entered into force."):
    """Comment on paragraph 26 of Canada's submitted reply and return it; return the comment."""
    comment = services.add_review_comment(submitted.submission, submitted.officer, item(submitted.template, "SD-26"), text)
    services.return_for_revision(submitted.submission, submitted.officer, "Two points to clarify.")
    db.session.commit()
    return comment


def change_answer(db, reply, code: str, question: str, value) -> None:
    it = item(reply.template, code)
    answer = db.session.scalar(sa.select(Answer).where(Answer.submission_id == reply.submission.id,
                                                       Answer.item_id == it.id, Answer.question_code == question))
    result = services.save_answers(reply.submission, reply.focal,
                                   [AnswerChange(it.id, question, value, answer.revision if answer else 0)])
    assert not result.errors and not result.conflicts
    db.session.commit()


def test_the_round_trip_of_a_comment(app, client, db, submitted):
    comment = returned_with_a_comment(db, submitted)
    url = f"{submitted.url}/comments/{comment.id}"
    login(client, submitted.focal)

    # The dashboard says the reply came back, with the note and the comments waiting.
    dashboard = client.get("/dashboard").get_data(as_text=True)
    assert "The Secretariat returned the reply for revision on" in dashboard
    assert "Two points to clarify." in dashboard and "1 comment waits for your answer." in dashboard
    # The submit page lists it, linked to its conversation; the theme page links to it beside the item.
    page = client.get(f"{submitted.url}/submit").get_data(as_text=True)
    assert "1 comment of the Secretariat waits for your answer" in page
    assert f'href="{url}"' in page and "Paragraph 26: Please give the year the law entered into force." in page
    theme = client.get(f"{submitted.url}/themes/{item(submitted.template, 'SD-26').theme_code}").get_data(as_text=True)
    assert f'href="{url}"' in theme and "Answer this comment" in theme

    # The focal point revises the answer, then answers the comment and marks it addressed.
    change_answer(db, submitted, "SD-26", "measures", "Measures for SD-26, in force since 2012.")
    response = submit(client, url, {"body": "Done: the year is now in the answer.", "action": "close"})
    assert response.status_code == 303 and response.headers["Location"].endswith(f"{url}#conversation")
    assert open_comments(submitted.submission, submitted.focal) == []
    page = client.get(url).get_data(as_text=True)
    assert "Done: the year is now in the answer." in page and "Addressed by the State: waiting for the Secretariat" in page
    assert "Send and mark addressed" not in page  # already marked
    assert "1 comment waits" not in client.get("/dashboard").get_data(as_text=True)

    # The reviewer sees the answer, who marked it, and the change made since the comment, word by word.
    officer = app.test_client()
    login(officer, submitted.officer)
    review = officer.get(f"{submitted.url}/review").get_data(as_text=True)
    assert "Done: the year is now in the answer." in review and "Addressed by Claire Tremblay on" in review
    assert "1 answer changed since this comment" in review
    assert "<ins>, in force since 2012</ins>" in review

    # A question back gives the comment back to the State; the State answers; the reviewer resolves it.
    response = submit(officer, url, {"body": "Which law exactly?", "action": "send"})
    assert response.status_code == 303
    assert [c.id for c in open_comments(submitted.submission, submitted.focal)] == [comment.id]
    assert submit(client, url, {"body": "The Criminal Code amendment of 2012.", "action": "close"}).status_code == 303
    assert submit(officer, url, {"body": "Thank you.", "action": "close"}).status_code == 303
    db.session.refresh(comment)
    assert comment.resolved_at is not None
    page = client.get(url).get_data(as_text=True)
    conversation = page[page.index("The conversation"):page.index("Answers changed since the comment")]
    for said in ("Please give the year", "Done: the year", "Which law exactly?", "The Criminal Code amendment", "Thank you."):
        assert said in conversation
    assert conversation.index("Which law exactly?") < conversation.index("The Criminal Code amendment")
    assert "Resolved by the Secretariat" in page and "<textarea" not in page  # nothing more to answer


def test_an_empty_answer_is_refused_at_its_field_and_a_long_one_kept(client, db, submitted):
    comment = returned_with_a_comment(db, submitted)
    url = f"{submitted.url}/comments/{comment.id}"
    login(client, submitted.contributor)  # contributors answer too
    response = submit(client, url, {"body": "   ", "action": "send"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'aria-invalid="true"' in html and "Write your answer first." in html
    too_long = "x" * 20_001
    response = submit(client, url, {"body": too_long, "action": "close"})
    assert response.status_code == 422 and too_long in response.get_data(as_text=True)
    assert open_comments(submitted.submission, submitted.focal) != []


def test_the_state_cannot_read_a_comment_before_a_return_nor_answer_once_the_cycle_closed(client, db, submitted):
    unreleased = services.add_review_comment(submitted.submission, submitted.officer, None, "Not sent yet.")
    db.session.commit()
    login(client, submitted.focal)
    assert client.get(f"{submitted.url}/comments/{unreleased.id}").status_code == 404
    comment = returned_with_a_comment(db, submitted)
    close_cycle(submitted.cycle)
    db.session.commit()
    page = client.get(f"{submitted.url}/comments/{comment.id}")
    assert page.status_code == 200 and "<textarea" not in page.get_data(as_text=True)
    assert "the comment can no longer be answered" in page.get_data(as_text=True)
    response = client.post(f"{submitted.url}/comments/{comment.id}",
                           data={**csrf_fields(page.get_data(as_text=True)), "body": "Late.", "action": "send"})
    assert response.status_code == 403


def test_accepting_with_comments_open_asks_for_confirmation_and_the_timeline_records_it(client, db, submitted):
    services.add_review_comment(submitted.submission, submitted.officer, item(submitted.template, "SD-2"), "Minor point.")
    db.session.commit()
    login(client, submitted.officer)
    page = client.get(f"{submitted.url}/review").get_data(as_text=True)
    assert "1 comment is not resolved." in page
    response = client.post(f"{submitted.url}/accept", data={**review_form(page, "accept"), "accept-note": "Good enough."})
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "tick the box to accept the reply all the same" in html
    assert "Good enough." in html  # what the officer typed is kept
    db.session.refresh(submitted.submission)
    assert submitted.submission.status is SubmissionStatus.SUBMITTED
    response = client.post(f"{submitted.url}/accept", data={
        **review_form(page, "accept"), "accept-note": "Good enough.", "accept-confirm_open": "y"})
    assert response.status_code == 303
    event = db.session.scalar(sa.select(SubmissionEvent).where(SubmissionEvent.kind == EventKind.ACCEPTED))
    assert (event.open_comments, event.note) == (1, "Good enough.")
    timeline = client.get(f"{submitted.url}/timeline").get_data(as_text=True)
    assert "Accepted with 1 comment not resolved, as the officer confirmed." in timeline


def test_accepting_with_every_comment_resolved_asks_nothing(client, db, submitted):
    login(client, submitted.officer)
    assert submit(client, f"{submitted.url}/accept", {}, form_page=f"{submitted.url}/review").status_code == 303
    event = db.session.scalar(sa.select(SubmissionEvent).where(SubmissionEvent.kind == EventKind.ACCEPTED))
    assert event.open_comments is None


def links_on(client, url: str) -> set[str]:
    return {href for href in HREF.findall(client.get(url).get_data(as_text=True)) if href.startswith("/cycles/")}


def test_each_role_is_offered_only_what_it_may_open(app, client, db, submitted, create_user):
    """The officer opening a reply from the cycle's dashboard lands on the review; no link on a reply's pages answers 403."""
    returned_with_a_comment(db, submitted)
    theme = item(submitted.template, "SD-26").theme_code
    pages = [f"{submitted.url}/", f"{submitted.url}/themes/{theme}", f"{submitted.url}/general",
             f"{submitted.url}/timeline"]
    officer = app.test_client()
    login(officer, submitted.officer)
    dashboard = officer.get(f"/cycles/{submitted.cycle.key}/").get_data(as_text=True)
    assert f'href="{submitted.url}/review"' in dashboard and f'href="{submitted.url}/"' not in dashboard
    overview = officer.get(f"{submitted.url}/").get_data(as_text=True)
    assert "Review the reply" in overview and "Check and submit the reply" not in overview
    for who, user_client, extra in (("officer", officer, [f"{submitted.url}/review"]),
                                    ("focal point", client, [f"{submitted.url}/submit"])):
        if who == "focal point":
            login(client, submitted.focal)
        for page in pages + extra:
            for link in links_on(user_client, page):
                status = user_client.get(link).status_code
                assert status != 403, f"{who}: {page} links to {link}, which answers 403"
    contributor = app.test_client()
    login(contributor, submitted.contributor)
    for page in pages:
        for link in links_on(contributor, page):
            assert contributor.get(link).status_code != 403, f"contributor: {page} links to {link}"
