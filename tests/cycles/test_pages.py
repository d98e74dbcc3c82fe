"""The Secretariat's pages for reporting cycles: the list, creating a cycle, opening and closing it."""

import re

import pytest
import sqlalchemy as sa

from portal.core.access import Role
from portal.cycles.models import CycleStatus, ReportingCycle
from portal.mail.models import OutboxMessage
from portal.states.models import MemberState, RegionalGroup
from portal.submissions.models import EventKind, Submission, SubmissionEvent, SubmissionStatus
from tests.conftest import csrf_token, submit

NEW_CYCLE = {
    "title": "Follow-up to the Salvador Declaration, 2027",
    "key": "salvador-2027",
    "template": "salvador-declaration:3",
    "opens_on": "2027-03-01",
    "deadline": "2027-05-31",
    "cutoff_on": "2027-06-15",
    "invite": "all",
}


def find(db, key):
    return db.session.scalar(sa.select(ReportingCycle).where(ReportingCycle.key == key))


def member_states(db, group=None):
    query = sa.select(MemberState.code).where(MemberState.is_observer.is_(False))
    if group is not None:
        query = query.where(MemberState.regional_group == group)
    return set(db.session.scalars(query))


def field_error(html: str, field: str) -> str:
    match = re.search(rf'<p class="error" id="{field}-error">([^<]*)</p>', html)
    assert match, f"no error shown for {field}"
    return match.group(1)


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.SECRETARIAT])
def test_the_list_shows_each_cycle_with_template_dates_and_counts(client, login_as, make_cycle, answer, create_user, role):
    cycle = make_cycle(["CAN", "ARG", "JPN"])
    answer(cycle, "CAN", create_user(Role.FOCAL_POINT, "CAN"), "SD-2", "status", "fully")
    make_cycle(["FRA"], key="salvador-2028", is_open=False)
    login_as(role)
    html = client.get("/cycles/").get_data(as_text=True)
    assert "Follow-up to the Salvador Declaration (salvador-2026)" in html and "salvador-2028" in html
    assert "Salvador Declaration" in html and "version 3" in html
    assert "Opens 15 Jan 2026" in html and "Deadline 15 Apr 2026" in html
    assert "Not started: <strong>2</strong>" in html and "Draft: <strong>1</strong>" in html
    assert "1 State to invite" in html  # the cycle in preparation has no replies yet
    assert 'href="/cycles/salvador-2026/"' in html


def test_creating_a_cycle_for_all_member_states(client, db, login_as, salvador):
    officer = login_as(Role.SECRETARIAT)
    response = submit(client, "/cycles/new", NEW_CYCLE)
    assert response.status_code == 302 and response.headers["Location"].endswith("/cycles/salvador-2027/")
    cycle = find(db, "salvador-2027")
    assert cycle.status is CycleStatus.PREPARATION and cycle.created_by_id == officer.id
    assert (cycle.template.key, cycle.template.version) == ("salvador-declaration", 3)
    assert {i.state.code for i in cycle.invitations} == member_states(db)
    assert len(cycle.invitations) == 193
    assert not salvador.is_locked  # locked only when the cycle opens
    page = client.get("/cycles/salvador-2027/").get_data(as_text=True)
    assert "in preparation" in page.lower() and "193 States invited" in page


def test_creating_a_cycle_for_regional_groups(client, db, login_as, salvador):
    login_as(Role.ADMINISTRATOR)
    data = {**NEW_CYCLE, "invite": "groups", "groups": ["western-european-other", "eastern-european"]}
    assert submit(client, "/cycles/new", data).status_code == 302
    cycle = find(db, "salvador-2027")
    expected = member_states(db, RegionalGroup.WESTERN_EUROPEAN_OTHER) | member_states(db, RegionalGroup.EASTERN_EUROPEAN)
    assert {i.state.code for i in cycle.invitations} == expected


def test_creating_a_cycle_for_a_list_of_states(client, db, login_as, salvador):
    login_as(Role.SECRETARIAT)
    data = {**NEW_CYCLE, "invite": "states", "states": ["CAN", "JPN", "PRT"], "groups": ["african"]}
    assert submit(client, "/cycles/new", data).status_code == 302
    assert sorted(i.state.code for i in find(db, "salvador-2027").invitations) == ["CAN", "JPN", "PRT"]


def test_errors_name_the_field_and_keep_what_was_typed(client, db, login_as, salvador, make_cycle):
    login_as(Role.SECRETARIAT)
    response = submit(client, "/cycles/new", {**NEW_CYCLE, "deadline": "2027-02-01"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert field_error(html, "deadline") == "The deadline comes before the opening date."
    assert 'aria-describedby="deadline-error"' in html and 'href="#deadline"' in html
    assert 'value="Follow-up to the Salvador Declaration, 2027"' in html and 'value="2027-02-01"' in html
    assert find(db, "salvador-2027") is None

    make_cycle(["CAN"], key="salvador-2027")
    response = submit(client, "/cycles/new", NEW_CYCLE)
    assert field_error(response.get_data(as_text=True), "key") == "A cycle with this key exists already."

    response = submit(client, "/cycles/new", {**NEW_CYCLE, "key": "Salvador 2027!", "invite": "groups"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "lower-case letters" in field_error(html, "key")
    assert field_error(html, "groups") == "Choose at least one regional group."
    assert 'value="Salvador 2027!"' in html
    assert '<input checked id="invite-1" name="invite" required type="radio" value="groups">' in html

    response = submit(client, "/cycles/new", {**NEW_CYCLE, "invite": "states", "states": ["CAN", "XXX"]})
    assert response.status_code == 422 and "states-error" in response.get_data(as_text=True)


# One bad value per field of the new-cycle form, and the message the form then shows beside that field.
FIELD_ERRORS = [
    ({"title": ""}, "title", "This field is required."),
    ({"key": ""}, "key", "This field is required."),
    ({"key": "Salvador 2027!"}, "key", "Use lower-case letters, digits and hyphens only, for example salvador-2026."),
    ({"template": "no-such-template:9"}, "template", "Not a valid choice."),
    ({"opens_on": ""}, "opens_on", "Give a date."),
    ({"deadline": "2027-02-01"}, "deadline", "The deadline comes before the opening date."),
    ({"cutoff_on": "2027-02-01"}, "cutoff_on", "The cut-off date comes before the opening date."),
    ({"invite": ""}, "invite", "Choose which States to invite."),
    ({"invite": "everyone"}, "invite", "Not a valid choice."),
    ({"invite": "groups"}, "groups", "Choose at least one regional group."),
    ({"invite": "states"}, "states", "Choose at least one State."),
]


@pytest.mark.parametrize(("change", "field", "message"), FIELD_ERRORS, ids=[f"{f}:{m}" for _, f, m in FIELD_ERRORS])
def test_every_field_error_of_the_new_cycle_form_is_shown_with_the_page_whole(client, db, login_as, salvador,
                                                                              change, field, message):
    login_as(Role.SECRETARIAT)
    response = submit(client, "/cycles/new", {**NEW_CYCLE, **change})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert field_error(html, field) == message
    assert "Create the cycle</button>" in html  # the page rendered to its end
    assert find(db, "salvador-2027") is None


def test_opening_creates_the_replies_locks_the_template_and_mails_each_focal_point(client, db, login_as, create_user, make_cycle, salvador):
    cycle = make_cycle(["CAN", "ARG", "JPN"], is_open=False)
    focal_can, focal_arg = create_user(Role.FOCAL_POINT, "CAN"), create_user(Role.FOCAL_POINT, "ARG")
    create_user(Role.CONTRIBUTOR, "CAN")
    create_user(Role.FOCAL_POINT, "FRA")  # not invited
    officer = login_as(Role.SECRETARIAT)
    before = db.session.scalar(sa.select(sa.func.count()).select_from(OutboxMessage))
    page = client.get("/cycles/salvador-2026/").get_data(as_text=True)
    assert "Open the cycle" in page
    response = client.post("/cycles/salvador-2026/open", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 302
    db.session.expire_all()
    assert find(db, "salvador-2026").status is CycleStatus.OPEN
    submissions = db.session.scalars(sa.select(Submission).where(Submission.cycle_id == cycle.id)).all()
    assert sorted(s.state.code for s in submissions) == ["ARG", "CAN", "JPN"]
    assert all(s.status is SubmissionStatus.NOT_STARTED and s.required_count > 0 for s in submissions)
    events = db.session.scalars(sa.select(SubmissionEvent).where(SubmissionEvent.submission_id.in_([s.id for s in submissions]))).all()
    assert {(e.kind, e.actor_id) for e in events} == {(EventKind.OPENED, officer.id)}
    assert salvador.is_locked
    mails = db.session.scalars(sa.select(OutboxMessage).order_by(OutboxMessage.id).offset(before)).all()
    assert sorted(m.recipient for m in mails) == sorted([focal_can.email, focal_arg.email])
    to_canada = next(m for m in mails if m.recipient == focal_can.email)
    assert "Follow-up to the Salvador Declaration (salvador-2026)" in to_canada.subject
    assert "http://portal.test/cycles/salvador-2026/states/CAN/" in to_canada.body
    assert "15 April 2026" in to_canada.body and "Canada" in to_canada.body
    page = client.get("/cycles/salvador-2026/").get_data(as_text=True)
    assert "The cycle is open: 3 States can now reply" in page and "Close the cycle" in page
    # opening twice is refused and changes nothing
    client.post("/cycles/salvador-2026/open", data={"csrf_token": csrf_token(page)})
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OutboxMessage)) == before + 2


def test_closing_a_cycle_asks_for_confirmation(client, db, login_as, make_cycle):
    make_cycle(["CAN", "ARG"])
    login_as(Role.SECRETARIAT)
    page = client.get("/cycles/salvador-2026/").get_data(as_text=True)
    assert "2 replies are not submitted yet." in page
    # One click on the button alone closes nothing: the box must be ticked, and the page says so at the box.
    refused = client.post("/cycles/salvador-2026/close", data={"csrf_token": csrf_token(page)})
    html = refused.get_data(as_text=True)
    assert refused.status_code == 422 and "Tick the box to confirm that the cycle is to be closed." in html
    assert 'href="#confirm"' in html
    assert find(db, "salvador-2026").status is CycleStatus.OPEN
    response = client.post("/cycles/salvador-2026/close", data={"csrf_token": csrf_token(page), "confirm": "y"})
    assert response.status_code == 302
    db.session.expire_all()
    cycle = find(db, "salvador-2026")
    assert cycle.status is CycleStatus.CLOSED and cycle.closed_at is not None
    page = client.get("/cycles/salvador-2026/").get_data(as_text=True)
    assert "This cycle is closed" in page and "Open the cycle" not in page and "Close the cycle" not in page


def test_open_and_close_need_the_csrf_token(client, db, login_as, make_cycle):
    make_cycle(["CAN"], is_open=False)
    login_as(Role.SECRETARIAT)
    assert client.post("/cycles/salvador-2026/open").status_code == 400
    db.session.expire_all()
    assert find(db, "salvador-2026").status is CycleStatus.PREPARATION


def test_unknown_cycle_is_404(client, login_as):
    login_as(Role.SECRETARIAT)
    assert client.get("/cycles/no-such-cycle/").status_code == 404


def cycle_routes(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("cycles."):
            yield rule


@pytest.mark.parametrize("role", [Role.FOCAL_POINT, Role.CONTRIBUTOR])
def test_state_users_get_403_on_every_cycles_route(app, client, db, login_as, make_cycle, role):
    make_cycle(["CAN", "ARG"], is_open=False)
    login_as(role, "CAN")
    token = csrf_token(client.get("/account").get_data(as_text=True))
    adapter = app.url_map.bind("portal.test")
    checked = []
    for rule in cycle_routes(app):
        url = adapter.build(rule.endpoint, {"cycle_key": "salvador-2026"} if "cycle_key" in rule.arguments else {})
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(url, method=method, data={"csrf_token": token, **NEW_CYCLE})
            assert response.status_code == 403, f"{role.value} {method} {url} -> {response.status_code}"
            checked.append(f"{method} {url}")
    assert len(checked) == 6  # list, new (GET, POST), dashboard, open, close
    db.session.expire_all()
    assert find(db, "salvador-2026").status is CycleStatus.PREPARATION
    assert find(db, "salvador-2027") is None


def test_the_nav_links_staff_to_the_cycles(client, login_as):
    login_as(Role.SECRETARIAT)
    assert '<a href="/cycles/">Reporting cycles</a>' in client.get("/dashboard").get_data(as_text=True)
