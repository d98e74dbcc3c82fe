"""The timeline: every transition of a reply, with who, when and the note, for the State's users and staff."""

from __future__ import annotations

import re

import pytest

from portal.core.access import Role
from portal.submissions import services
from tests.conftest import login
from tests.review.conftest import fill, item


@pytest.fixture
def travelled(db, reply):
    """A reply submitted, returned with a note, submitted again and accepted."""
    fill(reply.submission, reply.focal, reply.template)
    services.submit_reply(reply.submission, reply.focal)
    services.add_review_comment(reply.submission, reply.officer, item(reply.template, "SD-26"), "More detail, please.")
    services.return_for_revision(reply.submission, reply.officer, "See paragraph 26.\n\nThank you. <b>x</b>")
    services.submit_reply(reply.submission, reply.focal)
    services.accept_reply(reply.submission, reply.officer, "Complete.")
    db.session.commit()
    return reply


def events(html: str) -> list[str]:
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", entry)).strip()
            for entry in re.findall(r'<li class="review-event[^"]*">(.*?)</li>', html, re.S)]


@pytest.mark.parametrize("who", ["focal", "contributor", "officer"])
def test_the_timeline_shows_every_step_with_who_when_and_the_note(client, db, travelled, who):
    login(client, getattr(travelled, who))
    response = client.get(f"{travelled.url}/timeline")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    steps = events(html)
    assert len(steps) == 6, steps
    assert steps[0].startswith("Invited to reply") and "the portal" in steps[0]
    assert steps[1].startswith("Started (Not started to Draft)") and "Claire Tremblay" in steps[1]
    assert steps[2].startswith("Submitted (Draft to Submitted)") and "Claire Tremblay" in steps[2]
    assert steps[3].startswith("Returned for revision (Submitted to Returned for revision)")
    assert "Sami Secretariat" in steps[3] and "See paragraph 26. Thank you. &lt;b&gt;x&lt;/b&gt;" in steps[3]
    assert steps[4].startswith("Submitted (Returned for revision to Submitted)")
    assert steps[5].startswith("Accepted (Submitted to Accepted)") and "Complete." in steps[5]
    assert len(re.findall(r'<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00">', html)) == 6
    assert "<p>See paragraph 26.</p><p>Thank you. &lt;b&gt;x&lt;/b&gt;</p>" in html
    assert ("Ask to reopen</button>" in html) == (who == "focal")


def test_another_state_does_not_see_the_timeline(client, db, travelled, create_user):
    login(client, create_user(Role.CONTRIBUTOR, "ARG"))
    assert client.get(f"{travelled.url}/timeline").status_code == 404
