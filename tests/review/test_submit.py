"""The submit page: every missing answer listed with its link; only a complete reply, only by a focal point."""

from __future__ import annotations

import re

import pytest
from flask import url_for

from portal.core.access import Role
from portal.submissions import services
from portal.submissions.models import SubmissionStatus
from portal.submissions.services import AnswerChange, WorkflowError
from tests.conftest import csrf_fields, login, submit
from tests.review.conftest import fill, item

LINK_RE = re.compile(r'<li><a href="([^"]+)">([^<]+)</a></li>')


def missing_links(html: str) -> list[tuple[str, str]]:
    section = html.split('class="review-missing"', 1)[1].split("</section>", 1)[0]
    return LINK_RE.findall(section)


def control(name: str, question: dict) -> str:
    """The id of the question's first control on its page: its first option, for a group of options."""
    if question["type"] == "yes_no":
        return f"{name}-yes"
    if question.get("choices"):
        return f"{name}-{question['choices'][0]['code']}"
    if question["type"] == "references":
        return f"{name}-0-title"
    if question["type"] == "entries":
        return f"{name}-0"
    return name


def expected_links(app, reply) -> list[tuple[str, str]]:
    keys = {"cycle_key": reply.cycle.key, "code": "CAN"}
    themes = [theme.code for theme in reply.template.themes]
    expected = []
    with app.test_request_context():
        # by theme, as the checklist's pages go (paragraph 25 belongs to the third theme), general questions last
        ordered = sorted(
            services.missing_answers(reply.submission),
            key=lambda m: (m.item is None, themes.index(m.item.theme_code) if m.item else 0, m.item.position if m.item else 0),
        )
        for missing in ordered:
            label = missing.question["label"]["en"]
            if missing.item is None:
                expected.append((url_for("answers.general", **keys) + "#" + control(f"q-general-{missing.question['code']}",
                                                                                   missing.question), label))
            else:
                url = url_for("answers.theme", theme=missing.item.theme_code, **keys)
                expected.append((url + "#" + control(f"q-{missing.item.code}-{missing.question['code']}", missing.question),
                                 f"Paragraph {missing.item.paragraph}: {label}"))
    return expected


def test_the_submit_page_lists_every_missing_answer_with_a_link_to_it(app, client, db, reply):
    sd2 = item(reply.template, "SD-2")
    # a partial status makes the measures required too; an answered item drops out of the list
    services.save_answers(reply.submission, reply.focal, [
        AnswerChange(sd2.id, "status", "partially", 0),
        AnswerChange(item(reply.template, "SD-1").id, "status", "not_implemented", 0),
    ])
    db.session.commit()
    login(client, reply.focal)
    response = client.get(f"{reply.url}/submit")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    links = missing_links(html)
    expected = expected_links(app, reply)
    assert len(expected) > 40
    assert links == expected  # every one, once
    assert (f"/cycles/{reply.cycle.key}/states/CAN/themes/standards-norms#q-SD-2-measures",
            "Paragraph 2: Describe the measures your State has taken to implement this paragraph.") in links
    assert not any("#q-SD-1-" in url for url, _ in links)
    # Each link leads to a control of its page (for a group of options, the first option, which takes the cursor).
    pages = {}
    for url, _label in links:
        page, anchor = url.split("#")
        pages.setdefault(page, client.get(page).get_data(as_text=True))
        assert f'id="{anchor}"' in pages[page], url
    assert any(url.endswith("#q-SD-3-status-fully") for url, _ in links)
    assert links[-1] == (f"/cycles/{reply.cycle.key}/states/CAN/general#q-general-focal_point_email",
                         "E-mail address of the national focal point")
    assert f"{len(expected)} required answers are missing" in html
    assert "Submit the reply</button>" not in html


def test_an_incomplete_reply_is_refused(client, db, reply):
    login(client, reply.focal)
    response = submit(client, f"{reply.url}/submit", {})
    assert response.status_code == 409
    assert "Some required answers are missing." in response.get_data(as_text=True)
    assert reply.submission.status is SubmissionStatus.NOT_STARTED


def test_a_contributor_sees_why_they_cannot_submit_and_is_refused(client, db, reply):
    fill(reply.submission, reply.contributor, reply.template)
    db.session.commit()
    login(client, reply.contributor)
    page = client.get(f"{reply.url}/submit")
    html = page.get_data(as_text=True)
    assert "Every required answer is given" in html
    assert "Only a national focal point of Canada can submit the reply." in html
    assert "Submit the reply</button>" not in html
    # no button, but the request a browser could still forge with the page's token is refused
    response = client.post(f"{reply.url}/submit", data=csrf_fields(html))
    assert response.status_code == 403
    assert "Only a focal point of the State submits its reply." in response.get_data(as_text=True)
    db.session.refresh(reply.submission)
    assert reply.submission.status is SubmissionStatus.DRAFT


def test_a_focal_point_submits_a_complete_reply_which_is_then_frozen(client, db, reply):
    fill(reply.submission, reply.contributor, reply.template)
    db.session.commit()
    login(client, reply.focal)
    html = client.get(f"{reply.url}/submit").get_data(as_text=True)
    assert "Every required answer is given" in html and "Submit the reply</button>" in html
    # The button alone sends nothing: the focal point ticks the box first, and is told so at the box.
    refused = submit(client, f"{reply.url}/submit", {})
    assert refused.status_code == 422
    assert "Tick the box to confirm that the reply is to be sent to the Secretariat." in refused.get_data(as_text=True)
    db.session.refresh(reply.submission)
    assert reply.submission.status is SubmissionStatus.DRAFT
    response = submit(client, f"{reply.url}/submit", {"confirm": "y"})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"{reply.url}/timeline")
    db.session.refresh(reply.submission)
    assert reply.submission.status is SubmissionStatus.SUBMITTED
    assert reply.submission.submitted_at is not None
    timeline = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "The reply was submitted to the Secretariat." in timeline
    again = client.get(f"{reply.url}/submit").get_data(as_text=True)
    assert "This reply cannot be submitted now" in again and "Submit the reply</button>" not in again
    assert submit(client, f"{reply.url}/submit", {"confirm": "y"}).status_code == 409
    with pytest.raises(WorkflowError):  # read-only for the State
        services.save_answers(reply.submission, reply.focal,
                              [AnswerChange(item(reply.template, "SD-2").id, "status", "partially", 1)])


@pytest.mark.parametrize("role", [Role.SECRETARIAT, Role.ADMINISTRATOR])
def test_staff_do_not_submit_for_a_state(client, db, reply, create_user, role):
    login(client, create_user(role))
    assert client.get(f"{reply.url}/submit").status_code == 403


def test_another_states_focal_point_is_refused(client, db, reply, create_user):
    login(client, create_user(Role.FOCAL_POINT, "ARG"))
    assert client.get(f"{reply.url}/submit").status_code == 404
    assert client.get(f"/cycles/{reply.cycle.key}/states/XYZ/submit").status_code == 404
