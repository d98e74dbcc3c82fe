"""Sessions kept on the server: signing out, idle and absolute limits, and what the autosave sees."""

import datetime as dt

import pytest
import sqlalchemy as sa

from portal.accounts import sessions
from portal.accounts.models import SessionEnd, UserSession
from portal.core.access import Role
from tests.answers.conftest import meta_token, page_url, save_url
from tests.conftest import CLOCK_START, PASSWORD, csrf_fields, install_clock, login, submit

START = CLOCK_START


@pytest.fixture
def clock(monkeypatch):
    """The sessions' clock, moved forward by the test: clock.advance(minutes=31)."""
    return install_clock(monkeypatch, sessions)


def copy_cookies(source, target) -> None:
    """Give ``target`` the cookies of ``source``, as someone who copied them from the browser would."""
    cookie = source.get_cookie("session", domain="portal.test")
    target.set_cookie("session", cookie.value, domain="portal.test")


def sessions_of(db, user) -> list[UserSession]:
    return list(db.session.scalars(sa.select(UserSession).where(UserSession.user_id == user.id).order_by(UserSession.id)))


def test_a_cookie_copied_before_sign_out_opens_nothing_after_it(app, client, create_user):
    login(client, create_user(Role.SECRETARIAT))
    copy = app.test_client()
    copy_cookies(client, copy)
    assert copy.get("/account").status_code == 200  # the copy works while the session is open
    submit(client, "/logout", {}, form_page="/dashboard")
    response = copy.get("/account")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")


def test_sign_in_stores_only_a_digest_and_sign_out_ends_the_row(client, create_user, db):
    user = create_user(Role.FOCAL_POINT, "CAN")
    login(client, user)
    [record] = sessions_of(db, user)
    assert record.ended_at is None and len(record.digest) == 64
    assert record.digest not in client.get_cookie("session", domain="portal.test").value
    submit(client, "/logout", {}, form_page="/dashboard")
    db.session.expire_all()
    [record] = sessions_of(db, user)
    assert record.ended_at is not None and record.end_reason is SessionEnd.SIGNED_OUT


def test_staff_are_signed_out_after_30_minutes_without_activity_and_told_why(client, create_user, clock):
    login(client, create_user(Role.SECRETARIAT))
    for _ in range(4):  # activity keeps the session alive, well past 30 minutes in all
        clock.advance(minutes=29)
        assert client.get("/dashboard").status_code == 200
    clock.advance(minutes=30)
    response = client.get("/dashboard")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Your session ended after 30 minutes without activity. Sign in again." in page
    assert "Please sign in to open this page." not in page
    assert client.get("/dashboard").status_code == 302  # and it stays ended


def test_the_idle_limit_of_state_users_is_a_setting_of_its_own(app, client, create_user, clock, monkeypatch):
    monkeypatch.setitem(app.config, "SESSION_IDLE_MINUTES_STATE", 90)
    login(client, create_user(Role.CONTRIBUTOR, "CAN"))
    clock.advance(minutes=89)
    assert client.get("/dashboard").status_code == 200
    clock.advance(minutes=90)
    assert client.get("/dashboard").status_code == 302
    assert "after 90 minutes without activity" in client.get("/login").get_data(as_text=True)


def test_an_active_session_ends_after_the_absolute_lifetime(client, create_user, clock):
    user = create_user(Role.FOCAL_POINT, "CAN")
    login(client, user)
    for _ in range(15):
        clock.advance(minutes=30, seconds=-1)
        assert client.get("/dashboard").status_code == 200
    clock.advance(minutes=30)  # 8 hours after signing in, activity or not
    assert client.get("/dashboard").status_code == 302
    login(client, user)
    assert client.get("/dashboard").status_code == 200


def test_a_password_change_ends_every_other_session_and_renews_this_one(app, client, create_user, db):
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
    db.session.expire_all()
    first, second, renewed = sessions_of(db, user)
    assert first.end_reason is SessionEnd.PASSWORD_CHANGED and second.end_reason is SessionEnd.PASSWORD_CHANGED
    assert renewed.ended_at is None
    assert client.get("/dashboard").status_code == 200 and other.get("/dashboard").status_code == 302


def test_deactivation_ends_every_session_for_good(app, client, create_user, db):
    contributor = create_user(Role.CONTRIBUTOR, "CAN")
    login(client, contributor)
    admin = app.test_client()
    login(admin, create_user(Role.ADMINISTRATOR))
    url = f"/admin/users/{contributor.id}"
    assert submit(admin, url, {"role": "contributor", "state": "CAN"}).status_code == 302  # is_active unticked
    assert submit(admin, url, {"role": "contributor", "state": "CAN", "is_active": "y"}).status_code == 302
    db.session.expire_all()
    [record] = sessions_of(db, contributor)
    assert record.end_reason is SessionEnd.ACCESS_CHANGED
    assert client.get("/dashboard").status_code == 302  # reactivation does not bring the old session back


def test_an_autosave_after_the_session_ended_gets_a_json_401(client, login_as, make_cycle, clock):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    token = meta_token(client.get(page_url(cycle, "standards-norms")).get_data(as_text=True))
    clock.advance(minutes=31)
    response = client.post(
        save_url(cycle),
        json={"changes": [{"item": "SD-2", "question": "measures", "value": "Typed while away.", "base_revision": 0}]},
        headers={"X-CSRFToken": token, "Accept": "application/json"},
    )
    assert response.status_code == 401
    assert response.get_json() == {"error": "You are signed out. Sign in again to save."}
    # the sign-in page, opened in another tab, says why
    assert "after 30 minutes without activity" in client.get("/login").get_data(as_text=True)


def test_records_of_sessions_older_than_30_days_are_dropped_at_the_next_sign_in(client, create_user, db, clock):
    user = create_user(Role.SECRETARIAT)
    login(client, user)
    submit(client, "/logout", {}, form_page="/dashboard")
    clock.advance(days=29)
    login(client, user)
    submit(client, "/logout", {}, form_page="/dashboard")
    clock.advance(days=2)
    login(client, user)
    db.session.expire_all()
    assert [record.created_at for record in sessions_of(db, user)] == [START + dt.timedelta(days=29), START + dt.timedelta(days=31)]


def test_a_page_posted_after_the_session_ended_shows_the_typed_text_back(client, login_as, make_cycle, clock):
    """Without JavaScript nothing is a request while a person types: the text must outlive the session."""
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    url = page_url(cycle, "standards-norms")
    fields = csrf_fields(client.get(url).get_data(as_text=True))
    clock.advance(minutes=45)
    text = "Our ministry adopted <b>a plan</b> in 2025.\nSecond line."
    response = client.post(url, data={**fields, "q-SD-1-status": "partially", "q-SD-1-measures": text, "action": "save"})
    assert response.status_code == 401
    html = response.get_data(as_text=True)
    assert "What you sent was not saved." in html
    assert "Our ministry adopted &lt;b&gt;a plan&lt;/b&gt; in 2025.\nSecond line.</textarea>" in html
    assert "Your session ended after 30 minutes without activity." in html
    assert f'href="/login?next={url}"' in html
