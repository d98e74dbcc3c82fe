"""A focal point or contributor reaches only their own State's data: everywhere, always.

The test walks the URL map: every non-public route that takes parameters is called with
the resources of another State, by every State-bound role, with every method it accepts.
A new route whose parameters this test cannot fill makes it fail, so that the rule is
extended together with the feature.
"""

import pytest

from portal.api.tokens import create_token

from portal.core.access import STATE_ROLES, Role, rule_for
from tests.conftest import csrf_token, login

OWN, OTHER = "CAN", "ARG"


def other_state_values(create_user, make_cycle):
    """Parameter values that point at the other State's resources."""
    member = create_user(Role.CONTRIBUTOR, OTHER)
    cycle = make_cycle([OWN, OTHER])
    return {
        "code": OTHER,
        "user_id": member.id,
        # the reporting cycle both States reply in: the other State's reply, its themes and items
        "cycle_key": cycle.key,
        "theme": "crime-prevention",
        "item_code": "SD-33",
        # Checklist templates are not State data: staff-only routes, refused to State roles by rule.
        "key": "salvador-declaration",
        "version": 1,
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


@pytest.mark.parametrize("role", sorted(STATE_ROLES, key=lambda r: r.value))
def test_state_users_get_403_or_404_for_another_states_resources(app, client, create_user, make_cycle, role):
    values = other_state_values(create_user, make_cycle)
    user = create_user(role, OWN)
    login(client, user)
    token = csrf_token(client.get("/dashboard").get_data(as_text=True))
    _, api_token = create_token(user, "isolation test")  # the API takes tokens, not the session
    checked = []
    for rule in state_scoped_rules(app):
        missing = rule.arguments - values.keys()
        assert not missing, f"{rule.rule}: add values for {missing} to the State isolation test"
        url = app.url_map.bind("portal.test").build(rule.endpoint, values)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(
                url, method=method, data={"csrf_token": token, "active": "0"},
                headers={"Authorization": f"Bearer {api_token}"},
            )
            assert response.status_code in (403, 404), f"{role.value} {method} {url} -> {response.status_code}"
            checked.append(f"{method} {url}")
    assert checked, "no State-scoped route was checked"


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
