"""A focal point or contributor reaches only their own State's data: everywhere, always.

The test walks the URL map: every non-public route that takes parameters is called with
the resources of another State, by every State-bound role, with every method it accepts.
A new route whose parameters this test cannot fill makes it fail, so that the rule is
extended together with the feature.
"""

import re

import pytest
import sqlalchemy as sa

from portal.api.tokens import create_token
from portal.core.access import STATE_ROLES, Role, rule_for
from portal.core.db import utcnow
from portal.core.extensions import db
from portal.submissions.models import ReviewComment, Submission
from tests.conftest import csrf_token, login

OWN, OTHER = "CAN", "ARG"


def other_state_values(create_user, make_cycle):
    """Parameter values that point at the other State's resources."""
    member = create_user(Role.CONTRIBUTOR, OTHER)
    cycle = make_cycle([OWN, OTHER])
    # A comment of the Secretariat on the other State's reply, released to it by a return.
    other_reply = db.session.scalar(sa.select(Submission).where(Submission.cycle_id == cycle.id,
                                                                Submission.state.has(code=OTHER)))
    comment = ReviewComment(submission_id=other_reply.id, body="Please give the date.", released_at=utcnow())
    db.session.add(comment)
    db.session.commit()
    return {
        "comment_id": comment.id,
        "code": OTHER,
        "user_id": member.id,
        # the reporting cycle both States reply in: the other State's reply, its themes and items
        "cycle_key": cycle.key,
        "theme": "crime-prevention",
        "item_code": "SD-33",
        # Checklist templates are not State data: staff-only routes, refused to State roles by rule.
        "key": "salvador-declaration",
        "version": 3,
    }


# Parameters that name one State's resources. Routes keyed only by a cycle or a template
# (dashboards, exports, the API's lists) are either staff-only or filter to the user's own
# State; their own tests prove it.
STATE_PARAMETERS = {"code", "user_id"}


def state_scoped_rules(app):
    for rule in app.url_map.iter_rules():
        access = rule_for(app.view_functions[rule.endpoint])
        if access.is_public or not rule.arguments & STATE_PARAMETERS:
            continue
        yield rule


def missing_values(values):
    """The same parameters, naming a State and a user that do not exist."""
    return {**values, "code": "XXX", "user_id": values["user_id"] + 100_000}


CSRF_VALUE_RE = re.compile(r'(name="csrf_token" value=")[^"]*(")')
# The language switch on every page sends the reader back to the address they asked for: their own words.
NEXT_VALUE_RE = re.compile(r'(name="next" value=")[^"]*(")')


def answer(client, url, method, *, token, api_token):
    """Return what a request answers (status, content type and body, the page's CSRF token left out)."""
    response = client.open(url, method=method, data={"csrf_token": token, "active": "0"},
                           headers={"Authorization": f"Bearer {api_token}"})
    body = CSRF_VALUE_RE.sub(r"\1\2", response.get_data(as_text=True))
    return response.status_code, response.mimetype, NEXT_VALUE_RE.sub(r"\1\2", body)


@pytest.mark.parametrize("role", sorted(STATE_ROLES, key=lambda r: r.value))
def test_another_states_resources_answer_as_missing_ones(app, client, create_user, make_cycle, role):
    values = other_state_values(create_user, make_cycle)
    user = create_user(role, OWN)
    login(client, user)
    token = csrf_token(client.get("/dashboard").get_data(as_text=True))
    _, api_token = create_token(user, "isolation test")  # the API takes tokens, not the session
    checked = []
    for rule in state_scoped_rules(app):
        missing = rule.arguments - values.keys()
        assert not missing, f"{rule.rule}: add values for {missing} to the State isolation test"
        adapter = app.url_map.bind("portal.test")
        url = adapter.build(rule.endpoint, values)
        absent_url = adapter.build(rule.endpoint, missing_values(values))
        # A route whose rule admits the role says "not found"; one closed to the role refuses it for any value.
        expected = 404 if role in rule_for(app.view_functions[rule.endpoint]).roles else 403
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            other = answer(client, url, method, token=token, api_token=api_token)
            absent = answer(client, absent_url, method, token=token, api_token=api_token)
            assert other[0] == expected, f"{role.value} {method} {url} -> {other[0]}"
            assert other == absent, f"{role.value} {method} {url} answers unlike {absent_url}"
            checked.append(f"{method} {url}")
    assert checked, "no State-scoped route was checked"


def test_a_state_user_cannot_tell_which_states_replied(app, client, db, create_user, make_cycle, salvador):
    """Argentina replied in the cycle and Brazil was not even invited: Canada's users see no difference."""
    from portal.submissions import services as submissions
    from portal.submissions.models import Submission
    from portal.submissions.services import AnswerChange

    cycle = make_cycle([OWN, OTHER])
    argentina = db.session.scalar(sa.select(Submission).where(Submission.cycle_id == cycle.id,
                                                              Submission.state.has(code=OTHER)))
    item = next(i for i in salvador.items if i.code == "SD-2")
    submissions.save_answers(argentina, create_user(Role.FOCAL_POINT, OTHER), [AnswerChange(item.id, "status", "fully", 0)])
    db.session.commit()
    focal_point = create_user(Role.FOCAL_POINT, OWN)
    login(client, focal_point)
    token = csrf_token(client.get("/dashboard").get_data(as_text=True))
    _, api_token = create_token(focal_point, "enumeration test")
    db.session.commit()
    pages = [rule for rule in app.url_map.iter_rules() if rule.rule.startswith(("/cycles/<cycle_key>/states/<code>",
                                                                                "/api/v1/cycles/<cycle_key>/submissions/<code>"))]
    assert len(pages) >= 15
    for rule in pages:
        arguments = {"cycle_key": cycle.key, "theme": "crime-prevention", "item_code": "SD-2", "comment_id": 1}
        adapter = app.url_map.bind("portal.test")
        arguments = {name: value for name, value in arguments.items() if name in rule.arguments}
        replied = adapter.build(rule.endpoint, {**arguments, "code": OTHER})
        not_invited = adapter.build(rule.endpoint, {**arguments, "code": "BRA"})
        expected = 404 if Role.FOCAL_POINT in rule_for(app.view_functions[rule.endpoint]).roles else 403
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            seen = answer(client, replied, method, token=token, api_token=api_token)
            assert seen[0] == expected, f"{method} {replied} -> {seen[0]}"
            assert seen == answer(client, not_invited, method, token=token, api_token=api_token), f"{method} {replied}"


@pytest.mark.parametrize("role", sorted(STATE_ROLES, key=lambda r: r.value))
def test_state_users_reach_their_own_state(client, create_user, role):
    login(client, create_user(role, OWN))
    assert client.get(f"/states/{OWN}").status_code == 200


def test_invitation_for_another_state_is_refused(client, create_user):
    login(client, create_user(Role.FOCAL_POINT, OWN))
    token = csrf_token(client.get("/invite").get_data(as_text=True))
    response = client.post(
        "/invite",
        data={"csrf_token": token, "name": "X", "email": "x@example.org", "role": "contributor", "state": OTHER, "language": "en"},
    )
    assert response.status_code == 422


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.SECRETARIAT])
def test_staff_reach_every_state(client, create_user, role):
    login(client, create_user(role))
    assert client.get(f"/states/{OWN}").status_code == 200
    assert client.get(f"/states/{OTHER}").status_code == 200
