"""Whole numbers beyond the database's integer range, in a path, a query or a form, are refused, never a 500."""

import pytest

from portal.api.tokens import create_token
from portal.core.access import ALL_ROLES, Role, rule_for
from portal.core.integers import DATABASE_INT_MAX, parse_int
from tests.conftest import csrf_fields, login
from tests.review.conftest import reply, submitted  # noqa: F401  (a submitted reply to review)

BEYOND = ["2147483648", "99999999999", "9" * 5000]
OTHER_ARGUMENTS = {"cycle_key": "salvador-2026", "code": "CAN", "key": "salvador-declaration"}


def int_rules(app):
    for rule in app.url_map.iter_rules():
        names = [name for name, converter in rule._converters.items() if converter.regex.startswith(r"\d")]
        if names:
            yield rule, names


def build(rule, names, number: str) -> str:
    path = rule.rule
    for name in rule.arguments:
        value = number if name in names else OTHER_ARGUMENTS[name]
        path = path.replace(f"<int:{name}>", value).replace(f"<{name}>", value)
    return path


def test_the_walk_finds_the_integer_routes(app):
    assert len(list(int_rules(app))) >= 20


def test_every_integer_in_a_path_is_range_checked_for_every_role(app, db, create_user, make_cycle):
    make_cycle(["CAN", "ARG"])
    clients = {}
    for role in ALL_ROLES:
        user = create_user(role, "CAN" if role.is_state_bound else None)
        client = app.test_client()
        login(client, user)
        _, secret = create_token(user, "range check")
        db.session.commit()
        clients[role] = (client, csrf_fields(client.get("/account/tokens/").get_data(as_text=True)), {"Authorization": f"Bearer {secret}"})
    for rule, names in int_rules(app):
        access = rule_for(app.view_functions[rule.endpoint])
        for role in (ALL_ROLES if access.is_public else access.roles):
            client, csrf, token = clients[role]
            headers = token if rule.rule.startswith("/api/") else {}
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                for number in BEYOND:
                    response = client.open(build(rule, names, number), method=method, data=csrf if method == "POST" else None, headers=headers)
                    assert response.status_code == 404, (role, method, rule.rule, number[:12], response.status_code)
                # the largest id the database holds reaches the view, which finds nothing there
                response = client.open(build(rule, names, str(DATABASE_INT_MAX)), method=method, data=csrf if method == "POST" else None, headers=headers)
                assert response.status_code < 500, (role, method, rule.rule, response.status_code)


@pytest.mark.parametrize("value", ["99999999999", "2147483648", "-1", "x", "9" * 5000])
def test_integers_in_query_strings_are_range_checked(client, login_as, create_user, db, value):
    login_as(Role.ADMINISTRATOR)
    assert client.get(f"/admin/users?page={value}").status_code == 400
    _, secret = create_token(create_user(Role.SECRETARIAT), "range check")
    db.session.commit()
    response = client.get(f"/api/v1/cycles?page={value}", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 400
    assert response.get_json()["error"]["parameter"] == "page"


def test_integers_in_forms_are_range_checked(app, client, submitted):  # noqa: F811
    login(client, submitted.officer)
    page = client.get(f"{submitted.url}/review").get_data(as_text=True)
    for value in ("99999999999", "2147483648", "9" * 5000):
        response = client.post(f"{submitted.url}/comments/resolve", data={**csrf_fields(page), "comment": value})
        assert response.status_code == 400
    focal = app.test_client()
    login(focal, submitted.focal)
    url = f"{submitted.url}/assignments"
    page = focal.get(url).get_data(as_text=True)
    for value in ("99999999999", "9" * 5000):
        assert focal.post(url, data={**csrf_fields(page), "theme-prisons": value}).status_code == 400


def test_parse_int_takes_only_whole_numbers_in_range():
    assert parse_int("42") == 42 and parse_int(" 7 ") == 7 and parse_int(str(DATABASE_INT_MAX)) == DATABASE_INT_MAX
    for text in ("", None, "x", "4.2", "٣", "１", str(DATABASE_INT_MAX + 1), "-1", "9" * 5000):
        assert parse_int(text) is None, text
    assert parse_int("-1", low=-5) == -1 and parse_int("51", high=50) is None
