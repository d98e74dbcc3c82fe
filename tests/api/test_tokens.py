"""Personal API tokens expire, end with a password change or a deactivation, and their page says so."""

import datetime as dt

import pytest
import sqlalchemy as sa

from portal.api.models import ApiToken, TokenEnd
from portal.api.tokens import TokenError, create_token
from portal.core.access import Role
from tests.conftest import PASSWORD, login, submit

NEW_PASSWORD = "Quiet-lantern-orchard-1729"


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def tokens_of(db, user) -> list[ApiToken]:
    return list(db.session.scalars(sa.select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id)))


def test_a_token_lasts_the_time_chosen_at_creation(client, login_as, db):
    user = login_as(Role.SECRETARIAT)
    page = client.get("/account/tokens/").get_data(as_text=True)
    assert 'name="lifetime"' in page and '<option selected value="90">90 days</option>' in page
    assert submit(client, "/account/tokens/", {"name": "Monthly script", "lifetime": "30"}).status_code == 200
    assert submit(client, "/account/tokens/", {"name": "Default script"}).status_code == 200
    assert submit(client, "/account/tokens/", {"name": "Forever", "lifetime": "3650"}).status_code == 422
    monthly, default = tokens_of(db, user)
    assert monthly.expires_at - monthly.created_at == dt.timedelta(days=30)
    assert default.expires_at - default.created_at == dt.timedelta(days=90)
    with pytest.raises(TokenError):
        create_token(user, "too long", dt.timedelta(days=366))


def test_an_expired_token_gets_a_401_that_says_it_expired(client, create_user, db):
    user = create_user(Role.FOCAL_POINT, "CAN")
    token, secret = create_token(user, "nightly export", dt.timedelta(days=30))
    db.session.commit()
    assert client.get("/api/v1/cycles", headers=bearer(secret)).status_code == 200
    token.expires_at = now() - dt.timedelta(seconds=1)
    db.session.commit()
    response = client.get("/api/v1/cycles", headers=bearer(secret))
    assert response.status_code == 401
    assert "expired" in response.get_json()["error"]["message"]
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]
    unknown = client.get("/api/v1/cycles", headers=bearer("upt_never-issued"))
    assert unknown.status_code == 401 and "expired" not in unknown.get_json()["error"]["message"]


def test_a_password_change_revokes_every_token_and_the_page_says_why(client, login_as, db):
    user = login_as(Role.FOCAL_POINT, "CAN")
    secrets = [create_token(user, name)[1] for name in ("first", "second")]
    db.session.commit()
    response = submit(client, "/account/password", {"pw-current_password": PASSWORD, "pw-password": NEW_PASSWORD, "pw-confirm": NEW_PASSWORD})
    assert response.status_code == 302
    for secret in secrets:
        assert client.get("/api/v1/cycles", headers=bearer(secret)).status_code == 401
    assert {token.revoked_reason for token in tokens_of(db, user)} == {TokenEnd.PASSWORD_CHANGED}
    page = client.get("/account/tokens/").get_data(as_text=True)
    assert page.count("Revoked when the password changed") == 2


@pytest.mark.parametrize("how", ["administrator", "focal point"])
def test_deactivation_revokes_tokens_for_good(app, client, create_user, db, how):
    person = create_user(Role.CONTRIBUTOR, "CAN")
    _, secret = create_token(person, "ministry script")
    db.session.commit()
    assert client.get("/api/v1/cycles", headers=bearer(secret)).status_code == 200
    if how == "administrator":
        login(client, create_user(Role.ADMINISTRATOR))
        submit(client, f"/admin/users/{person.id}", {"role": "contributor", "state": "CAN"})  # unchecked box: inactive
        submit(client, f"/admin/users/{person.id}", {"role": "contributor", "state": "CAN", "is_active": "y"})
    else:
        login(client, create_user(Role.FOCAL_POINT, "CAN"))
        submit(client, f"/states/CAN/members/{person.id}/active", {"active": "0"}, form_page="/states/CAN")
        submit(client, f"/states/CAN/members/{person.id}/active", {"active": "1"}, form_page="/states/CAN")
    db.session.refresh(person)
    assert person.is_active  # active again, but the old token stays ended
    assert client.get("/api/v1/cycles", headers=bearer(secret)).status_code == 401
    assert [token.revoked_reason for token in tokens_of(db, person)] == [TokenEnd.DEACTIVATED]
    own = app.test_client()
    login(own, person)
    assert "Revoked when the account was deactivated" in own.get("/account/tokens/").get_data(as_text=True)


def test_the_token_page_shows_last_use_expiry_and_state(client, login_as, db):
    user = login_as(Role.SECRETARIAT)
    used, secret = create_token(user, "used one", dt.timedelta(days=180))
    unused, _ = create_token(user, "unused one", dt.timedelta(days=30))
    old, _ = create_token(user, "old one", dt.timedelta(days=30))
    old.expires_at = now() - dt.timedelta(days=1)
    db.session.commit()
    assert client.get("/api/v1/cycles", headers=bearer(secret)).status_code == 200
    db.session.refresh(used)
    html = client.get("/account/tokens/").get_data(as_text=True)
    rows = {name: html[html.index(f"<td>{name}</td>"):].split("</tr>")[0] for name in ("used one", "unused one", "old one")}
    assert used.last_used_at is not None and used.last_used_at.strftime("%Y-%m-%d %H:%M") in rows["used one"]
    assert "never" in rows["unused one"]
    assert used.expires_at.strftime("%Y-%m-%d %H:%M") in rows["used one"] and "Active" in rows["used one"]
    assert "Expired" in rows["old one"] and "Revoke" not in rows["old one"]
