"""A focal point submits a complete reply; the Secretariat comments on paragraph 26 and returns it;
the focal point finds the comment beside that item, revises the answer, answers the comment and marks
it addressed, and submits again; the officer sees the change and the answer, resolves the comment and
accepts the reply. Mail goes at each step."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from portal.accounts.models import User
from portal.checklists.services import import_template
from portal.core.access import Role
from portal.core.extensions import db
from portal.cycles.services import create_cycle, open_cycle
from portal.states.services import find_state
from portal.submissions import services
from portal.submissions.models import Submission, SubmissionStatus
from tests.conftest import CHECKLISTS_DIR
from tests.review.conftest import complete_changes
from tests.browser.conftest import sign_in

PASSWORD = "correct-horse-battery"
CYCLE_KEY = "salvador-browser-review"
STATE = "JPN"
COMMENT = "Please describe the diversion programmes for young offenders, with figures."


@pytest.fixture
def completed_reply(live_app, make_account):
    """Japan's reply in an open cycle of the live portal, every required answer given; the two accounts."""
    focal = make_account(Role.FOCAL_POINT, STATE, email="review.focal@example.org", name="Kenji Sato")
    officer = make_account(Role.SECRETARIAT, email="review.officer@example.org", name="Olga Officer")
    with live_app.app_context():
        template, _ = import_template(CHECKLISTS_DIR / "salvador-declaration.yaml")
        cycle = create_cycle(
            key=CYCLE_KEY, title="Follow-up to the Salvador Declaration (browser review)", template=template,
            opens_on=dt.date(2026, 1, 15), deadline=dt.date(2026, 4, 15), cutoff_on=dt.date(2026, 4, 25),
            states=[find_state(STATE)], created_by=None,
        )
        [submission] = open_cycle(cycle, None)
        person = db.session.scalar(sa.select(User).where(User.email == focal))
        result = services.save_answers(submission, person, complete_changes(template))
        assert not result.errors and not services.missing_answers(submission)
        db.session.commit()
        submission_id = submission.id
    return {"focal": focal, "officer": officer, "submission_id": submission_id,
            "url": f"/cycles/{CYCLE_KEY}/states/{STATE}"}


def officer_on_review(browser, live_server, completed_reply):
    """Open a second browser session, the officer's, on the reply's review page; return the context and page."""
    officer = browser.new_context(base_url=live_server, locale="en-GB")
    officer.set_default_timeout(10_000)
    review = officer.new_page()
    sign_in(review, completed_reply["officer"])
    review.goto(f"{completed_reply['url']}/review")
    return officer, review


def status_of(live_app, submission_id) -> SubmissionStatus:
    with live_app.app_context():
        return db.session.get(Submission, submission_id).status


def mails_to(mailbox, recipient: str, subject_part: str) -> list:
    return [m for m in mailbox.messages if recipient in m["To"] and subject_part in m["Subject"]]


def newest_mail(mailbox, recipient: str, subject_part: str, *, after: int = 0):
    """Return the newest message to ``recipient`` whose subject holds ``subject_part``, waiting for it: for the
    (after + 1)-th such message when ``after`` of them had arrived before (mail leaves after the response)."""
    with mailbox.received:
        mailbox.received.wait_for(lambda: len(mails_to(mailbox, recipient, subject_part)) > after, timeout=10)
    found = mails_to(mailbox, recipient, subject_part)
    assert len(found) > after, f"no new mail '{subject_part}' reached {recipient}"
    return found[-1]


def test_the_review_round_trip_with_the_state_answering_a_comment(
    page, browser, live_server, live_app, mailbox, completed_reply
):
    url = completed_reply["url"]
    # The focal point checks the reply and submits it.
    sign_in(page, completed_reply["focal"])
    page.goto(f"{url}/submit")
    expect(page.get_by_role("heading", name="Every required answer is given")).to_be_visible()
    page.get_by_label("Send the reply to the Secretariat now").check()
    page.get_by_role("button", name="Submit the reply").click()
    expect(page).to_have_url(re.compile(rf"{url}/timeline$"))
    expect(page.get_by_text("The reply was submitted to the Secretariat. Thank you.")).to_be_visible()
    expect(page.locator(".review-event").last).to_contain_text("Submitted")
    expect(page.locator(".review-event").last).to_contain_text("Kenji Sato")
    assert status_of(live_app, completed_reply["submission_id"]) is SubmissionStatus.SUBMITTED

    # The Secretariat officer, in another browser session, comments on paragraph 26 and returns the reply.
    officer, review = officer_on_review(browser, live_server, completed_reply)
    try:
        expect(review.get_by_role("heading", name="Review of the reply of Japan")).to_be_visible()
        item = review.locator("#item-SD-26")
        expect(item).to_contain_text("26.")
        expect(item).to_contain_text("Status of implementation")
        item.get_by_text("Add a comment on paragraph 26").click()  # the form unfolds (a <details>, no script)
        item.get_by_label("Comment on paragraph 26").fill(COMMENT)
        item.get_by_role("button", name="Add the comment (paragraph 26)").click()
        expect(review.get_by_text("Your comment on paragraph 26 was added.")).to_be_visible()
        expect(review.locator("#item-SD-26 .review-comment")).to_contain_text(COMMENT)
        expect(review.get_by_text("1 open comment will be sent to the State with a return.")).to_be_visible()
        review.get_by_label("Note to the State (optional)").fill("One point to complete, on paragraph 26.")
        review.get_by_role("button", name="Return for revision").click()
        expect(review).to_have_url(re.compile(rf"{url}/timeline$"))
        expect(review.get_by_text("The reply was returned for revision; its focal points were told by e-mail")).to_be_visible()
        expect(review.locator(".review-event").last).to_contain_text("One point to complete, on paragraph 26.")
    finally:
        officer.close()
    assert status_of(live_app, completed_reply["submission_id"]) is SubmissionStatus.RETURNED

    message = mailbox.wait_for(completed_reply["focal"])
    body = message.get_content()
    assert "Paragraph 26 (SD-26):" in body and COMMENT in body
    assert f"{url}/" in body

    # The focal point sees the comment beside paragraph 26 on its theme page.
    page.goto(f"{url}/themes/children-youth")
    aside = page.locator("#item-SD-26 aside.review-comment")
    expect(aside).to_contain_text(COMMENT)
    expect(page.locator("aside.review-comment")).to_have_count(1)

    # Her dashboard says the reply came back, with the note and the comment waiting.
    page.goto("/dashboard")
    expect(page.get_by_text("The Secretariat returned the reply for revision on")).to_be_visible()
    expect(page.get_by_text("1 comment waits for your answer.")).to_be_visible()
    expect(page.get_by_text("One point to complete, on paragraph 26.")).to_be_visible()

    # She revises the answer (saved as she types), then answers the comment and marks it addressed.
    page.goto(f"{url}/themes/children-youth")
    measures = page.locator("#q-SD-26-measures")
    measures.fill(measures.input_value() + " Diversion programmes reached 1,200 young offenders in 2025.")
    expect(page.locator("#save-status")).to_contain_text("Saved at")
    page.locator("#item-SD-26").get_by_role("link", name=re.compile("Answer this comment")).click()
    expect(page.get_by_role("heading", name="Comment on paragraph 26")).to_be_visible()
    page.get_by_label("Your answer to the Secretariat").fill("Done: see the revised text, with the figures for 2025.")
    page.get_by_role("button", name="Send and mark addressed").click()
    expect(page.get_by_text("The comment is marked addressed: the Secretariat will look at it.")).to_be_visible()
    expect(page.locator(".review-conversation")).to_contain_text("Done: see the revised text")
    expect(page.locator(".review-diff ins")).to_contain_text("Diversion programmes reached 1,200")

    # She submits again and has a receipt.
    receipts = len(mails_to(mailbox, completed_reply["focal"], "was received"))
    page.goto(f"{url}/submit")
    page.get_by_label("Send the reply to the Secretariat now").check()
    page.get_by_role("button", name="Submit the reply").click()
    expect(page).to_have_url(re.compile(rf"{url}/timeline$"))
    receipt = newest_mail(mailbox, completed_reply["focal"], "was received", after=receipts)
    assert "The revised reply of Japan" in receipt.get_content()

    # The officer sees her answer and the change since the comment, resolves it, and accepts the reply.
    officer, review = officer_on_review(browser, live_server, completed_reply)
    try:
        item = review.locator("#item-SD-26")
        expect(item).to_contain_text("Done: see the revised text, with the figures for 2025.")
        expect(item).to_contain_text("Addressed by Kenji Sato")
        expect(item.locator(".review-diff ins")).to_contain_text("Diversion programmes reached 1,200 young offenders in 2025.")
        item.get_by_role("link", name=re.compile("Open the conversation")).click()
        review.get_by_label("Your answer to the State").fill("Thank you: the figures answer the point.")
        review.get_by_role("button", name="Send and mark resolved").click()
        expect(review.get_by_text("The comment is marked resolved.")).to_be_visible()
        review.goto(f"{url}/review")
        expect(review.get_by_label("Accept the reply although comments are not resolved")).to_have_count(0)
        review.get_by_role("button", name="Accept the reply").click()
        expect(review).to_have_url(re.compile(rf"{url}/timeline$"))
        expect(review.get_by_text("The reply was accepted.")).to_be_visible()
    finally:
        officer.close()
    assert status_of(live_app, completed_reply["submission_id"]) is SubmissionStatus.ACCEPTED
    accepted = newest_mail(mailbox, completed_reply["focal"], "was accepted")
    assert "It is final for the report" in accepted.get_content()
