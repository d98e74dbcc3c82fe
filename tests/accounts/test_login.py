"""Signing in and out, password changes, rate limiting and session security."""

import sqlalchemy as sa

from portal.accounts.models import User
from portal.core.access import Role
from tests.conftest import PASSWORD, csrf_token, login, submit


def test_login_page_is_served_with_security_headers(client):
    response = client.get("/login")
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"


def test_sign_in_lands_on_dashboard_and_records_last_login(client, create_user, db):
    user = create_user(Role.FOCAL_POINT, "ARG")
    assert user.last_login_at is None
    response = login(client, user)
    assert response.headers["Location"] == "/dashboard"
    page = client.get("/dashboard").get_data(as_text=True)
    assert "National focal point" in page and "Argentina" in page
    db.session.refresh(user)
    assert user.last_login_at is not None


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(client, create_user):
    user = create_user(Role.SECRETARIAT)
    response = submit(client, "/login", {"email": user.email, "password": "not-the-password"})
    assert response.status_code == 401
    assert "The e-mail address or the password is not correct." in response.get_data(as_text=True)
    unknown = submit(client, "/login", {"email": "nobody@example.org", "password": "not-the-password"})
    assert unknown.status_code == 401
    assert "The e-mail address or the password is not correct." in unknown.get_data(as_text=True)
    # what the person typed stays in the form
    assert 'value="nobody@example.org"' in unknown.get_data(as_text=True)


def test_email_is_matched_whatever_its_case(client, create_user):
    user = create_user(Role.SECRETARIAT, email="Mixed.Case@Example.org")
    response = submit(client, "/login", {"email": "MIXED.case@example.ORG", "password": PASSWORD})
    assert response.status_code == 302
    assert user.email == "mixed.case@example.org"


def test_deactivated_user_cannot_sign_in(client, create_user, db):
    user = create_user(Role.CONTRIBUTOR, "JPN")
    user.is_active = False
    db.session.commit()
    response = submit(client, "/login", {"email": user.email, "password": PASSWORD})
    assert response.status_code == 401


def test_login_without_csrf_token_is_refused(client, create_user):
    user = create_user(Role.SECRETARIAT)
    client.get("/login")
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert "expired" in response.get_data(as_text=True)


def test_login_is_rate_limited(app, client, create_user):
    user = create_user(Role.SECRETARIAT)
    token = csrf_token(client.get("/login").get_data(as_text=True))
    statuses = [
        client.post("/login", data={"csrf_token": token, "email": user.email, "password": "wrong-password"}).status_code
        for _ in range(7)
    ]
    assert statuses == [401] * 5 + [429, 429]
    # even the right password is refused from this client until the delay passes
    right = client.post("/login", data={"csrf_token": token, "email": user.email, "password": PASSWORD})
    assert right.status_code == 429
    assert "Too many failed attempts to sign in to this account from here. Try again in 1 minute" in right.get_data(as_text=True)


def test_next_parameter_cannot_redirect_off_site(client, create_user):
    user = create_user(Role.SECRETARIAT)
    page = client.get("/login?next=https://evil.example/")
    response = client.post(
        "/login?next=https://evil.example/",
        data={"csrf_token": csrf_token(page.get_data(as_text=True)), "email": user.email, "password": PASSWORD},
    )
    assert response.headers["Location"] == "/dashboard"
    page = client.get("/logout")  # GET is not a way to sign out
    assert page.status_code == 405


def test_next_parameter_returns_to_the_page_asked_for(client, create_user):
    user = create_user(Role.SECRETARIAT)
    first = client.get("/states/")
    assert first.status_code == 302
    response = submit(client, "/login?next=/states/", {"email": user.email, "password": PASSWORD}, form_page="/login")
    assert response.headers["Location"] == "/states/"


def test_logout_ends_the_session(client, create_user):
    login(client, create_user(Role.SECRETARIAT))
    assert client.get("/dashboard").status_code == 200
    response = submit(client, "/logout", {}, form_page="/dashboard")
    assert response.status_code == 302
    assert client.get("/dashboard").status_code == 302


def test_session_cookie_flags(app, make_app):
    secure_app = make_app({**{k: app.config[k] for k in ("SECRET_KEY", "DATABASE_URL", "PORTAL_BASE_URL")}, "PORTAL_ENV": "production"})
    assert secure_app.config["SESSION_COOKIE_SECURE"] is True
    assert secure_app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert secure_app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    client = secure_app.test_client()
    response = client.get("/login", base_url="https://portal.test")
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_change_password_ends_other_sessions(app, client, create_user, db):
    user = create_user(Role.FOCAL_POINT, "CAN")
    login(client, user)
    other = app.test_client()
    login(other, user)
    response = submit(
        client,
        "/account/password",
        {"pw-current_password": PASSWORD, "pw-password": "a-new-long-password", "pw-confirm": "a-new-long-password"},
    )
    assert response.status_code == 302
    assert client.get("/dashboard").status_code == 200  # this session goes on
    assert other.get("/dashboard").status_code == 302  # the other one is signed out
    submit(client, "/logout", {}, form_page="/dashboard")
    assert submit(client, "/login", {"email": user.email, "password": PASSWORD}).status_code == 401
    assert submit(client, "/login", {"email": user.email, "password": "a-new-long-password"}).status_code == 302


def test_change_password_errors_name_the_field(client, create_user):
    login(client, create_user(Role.FOCAL_POINT, "CAN"))
    response = submit(
        client,
        "/account/password",
        {"pw-current_password": "wrong-current", "pw-password": "a-new-long-password", "pw-confirm": "a-new-long-password"},
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="pw-current_password-error"' in html and "The current password is not correct." in html
    short = submit(client, "/account/password", {"pw-current_password": PASSWORD, "pw-password": "short", "pw-confirm": "short"})
    assert 'id="pw-password-error"' in short.get_data(as_text=True)


def test_passwords_are_stored_as_argon2_hashes(create_user, db):
    user = create_user(Role.SECRETARIAT)
    stored = db.session.scalar(sa.select(User.password_hash).where(User.id == user.id))
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


def test_profile_language_changes_the_page_language_attribute(client, create_user):
    login(client, create_user(Role.FOCAL_POINT, "CAN"))
    response = submit(client, "/account", {"profile-name": "Nouveau Nom", "profile-language": "ar"})
    assert response.status_code == 302
    html = client.get("/dashboard").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html
    assert "Nouveau Nom" in html
