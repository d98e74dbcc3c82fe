"""Every route declares who may use it, and the declaration is enforced."""

from portal.core.access import ALL_ROLES, Role, rule_for


def test_every_route_declares_its_access_rule(app):
    missing = []
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        if rule_for(view) is None:
            missing.append(f"{rule.rule} ({rule.endpoint})")
    assert missing == [], "routes without an access rule: " + ", ".join(missing)


def test_public_routes_are_only_the_expected_ones(app):
    public = sorted(
        rule.endpoint for rule in app.url_map.iter_rules() if rule_for(app.view_functions[rule.endpoint]).is_public
    )
    assert public == [
        "accounts.accept_invitation",
        "accounts.choose_language",
        "accounts.forgot_password",
        "accounts.login",
        "accounts.reset_password",
        "api.openapi",
        "dashboard.guide",
        "dashboard.health",
        "dashboard.home",
        "static",
    ]


def test_a_route_without_a_rule_is_refused(app, make_app):
    """A view added without a declaration fails closed instead of serving its page."""
    other = make_app({key: app.config[key] for key in ("PORTAL_ENV", "SECRET_KEY", "DATABASE_URL", "TESTING", "PORTAL_BASE_URL", "SERVER_NAME")})
    other.add_url_rule("/undeclared-for-test", "undeclared_for_test", lambda: "secret")
    response = other.test_client().get("/undeclared-for-test")
    assert response.status_code == 403
    assert b"secret" not in response.data


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get("/admin/users")
    assert response.status_code == 302
    assert "/login?next=" in response.headers["Location"]


def test_roles_outside_the_rule_get_403(client, login_as):
    login_as(Role.FOCAL_POINT, "CAN")
    assert client.get("/admin/users").status_code == 403
    assert client.get("/states/").status_code == 403
    assert client.get("/admin/outbox/").status_code == 403


def test_all_roles_exist():
    assert {role.value for role in ALL_ROLES} == {"administrator", "secretariat", "focal_point", "contributor"}


def test_every_page_names_the_help_the_guide_and_the_configured_contact(app, client, db, monkeypatch):
    page = client.get("/login").get_data(as_text=True)
    assert 'href="/help"' in page and "ask the Secretariat of the Commission on Crime Prevention and Criminal Justice" in page
    guide = client.get("/help")
    assert guide.status_code == 200 and "Guide for focal points" in guide.get_data(as_text=True)
    monkeypatch.setitem(app.config, "PORTAL_CONTACT_EMAIL", "reporting-help@unodc.example")
    monkeypatch.setitem(app.config, "PORTAL_CONTACT_NAME", "the CCPCJ Secretariat")
    page = client.get("/login").get_data(as_text=True)
    assert 'write to the CCPCJ Secretariat at <a href="mailto:reporting-help@unodc.example">' in page
