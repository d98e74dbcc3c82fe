"""Sign-in throttling: per account and per address, shared by every web process, never locking out the owner."""

import os
import secrets

import pytest
import sqlalchemy as sa

from portal.accounts import services as accounts
from portal.accounts import throttle
from portal.accounts.models import ThrottleEvent, User
from portal.config import ConfigurationError
from portal.core.access import Role
from portal.core.extensions import db as _db
from tests.conftest import CLOCK_START, PASSWORD, IsolatedClient, csrf_token, install_clock, make_test_config

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/2")
START = CLOCK_START


@pytest.fixture
def clock(monkeypatch):
    """The throttle's clock, moved forward by the test: clock.advance(seconds=61)."""
    return install_clock(monkeypatch, throttle)


def redis_or_skip():
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.skip(f"Redis is not reachable at {REDIS_URL}: {error}")
    return client


def delete_keys(client, prefix: str) -> None:
    for key in client.scan_iter(match=prefix + "*"):
        client.delete(key)


@pytest.fixture(params=["database", "redis"])
def store(request, app, monkeypatch):
    """Run the test with the attempts kept in the database, then in Redis (with keys of its own)."""
    if request.param == "database":
        yield "database"
        return
    client = redis_or_skip()
    prefix = f"test-throttle-{secrets.token_hex(4)}:"
    monkeypatch.setitem(app.extensions, "portal_throttle", throttle.RedisStore(client, prefix))
    yield "redis"
    delete_keys(client, prefix)


def sign_in(client, email: str, password: str, address: str):
    """Post the sign-in form from ``address`` (the client address the portal sees)."""
    token = csrf_token(client.get("/login").get_data(as_text=True))
    return client.post(
        "/login", data={"csrf_token": token, "email": email, "password": password}, environ_base={"REMOTE_ADDR": address}
    )


def sign_out(client):
    token = csrf_token(client.get("/dashboard").get_data(as_text=True))
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302


def test_one_client_waits_a_delay_that_doubles_with_each_further_failure(client, create_user, clock, store):
    user = create_user(Role.SECRETARIAT)
    statuses = [sign_in(client, user.email, "wrong-password", "198.51.100.1").status_code for _ in range(5)]
    assert statuses == [401] * 5
    for delay in (60, 120, 240):
        refused = sign_in(client, user.email, "wrong-password", "198.51.100.1")
        assert refused.status_code == 429 and refused.headers["Retry-After"] == str(delay)
        clock.advance(seconds=delay - 1)
        assert sign_in(client, user.email, PASSWORD, "198.51.100.1").status_code == 429  # not yet, even with the password
        clock.advance(seconds=1)
        assert sign_in(client, user.email, "wrong-password", "198.51.100.1").status_code == 401  # one more try
    clock.advance(seconds=480)
    assert sign_in(client, user.email, PASSWORD, "198.51.100.1").status_code == 302


def test_six_addresses_together_get_ten_tries_on_an_account_not_sixty(client, create_user, clock, store):
    user = create_user(Role.FOCAL_POINT, "CAN")
    addresses = [f"203.0.113.{number}" for number in range(1, 7)]
    statuses = [sign_in(client, user.email, f"guess-{n}", addresses[n % 6]).status_code for n in range(24)]
    assert statuses == [401] * 10 + [429] * 14
    # an unknown e-mail address is throttled alike: the answers do not tell which accounts exist
    unknown = [sign_in(client, "nobody@example.org", f"guess-{n}", addresses[n % 6]).status_code for n in range(12)]
    assert unknown == [401] * 10 + [429] * 2


def test_the_owner_signs_in_from_another_address_while_the_attacker_waits(app, client, create_user, clock, store):
    user = create_user(Role.FOCAL_POINT, "ARG")
    statuses = [sign_in(client, user.email, "wrong-password", "192.0.2.66").status_code for _ in range(7)]
    assert statuses == [401] * 5 + [429] * 2
    owner = app.test_client()
    assert sign_in(owner, user.email, PASSWORD, "198.51.100.20").status_code == 302


def test_a_browser_that_signed_in_before_gets_through_a_locked_account_and_a_blocked_proxy(app, client, create_user, clock, store):
    user = create_user(Role.SECRETARIAT)
    owner = app.test_client()
    proxy = "198.51.100.250"  # the government proxy the owner signs in from
    assert sign_in(owner, user.email, PASSWORD, proxy).status_code == 302
    sign_out(owner)
    # attackers on many addresses lock the account for unknown browsers...
    for n in range(12):
        sign_in(client, user.email, f"guess-{n}", f"203.0.113.{n}")
    assert sign_in(app.test_client(), user.email, PASSWORD, "198.51.100.21").status_code == 429
    # ...and someone behind the proxy fails on ten accounts, which blocks unknown browsers there
    for n in range(10):
        assert sign_in(client, f"someone.{n}@example.org", "wrong-password", proxy).status_code == 401
    assert sign_in(app.test_client(), "colleague@example.org", "wrong-password", proxy).status_code == 429
    # the owner's browser keeps its own budget
    assert sign_in(owner, user.email, PASSWORD, proxy).status_code == 302


def test_a_colleague_behind_the_same_proxy_is_not_refused_for_anothers_failures(app, client, create_user, store):
    mistyping, colleague = create_user(Role.CONTRIBUTOR, "CAN"), create_user(Role.CONTRIBUTOR, "CAN")
    proxy = "198.51.100.251"
    statuses = [sign_in(client, mistyping.email, "wrong-password", proxy).status_code for _ in range(6)]
    assert statuses == [401] * 5 + [429]
    for _ in range(12):  # many colleagues signing in successfully use up nothing
        other = app.test_client()
        assert sign_in(other, colleague.email, PASSWORD, proxy).status_code == 302


def test_failures_are_kept_in_the_database_although_the_answer_is_401(client, create_user, db):
    user = create_user(Role.SECRETARIAT)
    assert sign_in(client, user.email, "wrong-password", "198.51.100.7").status_code == 401
    db.session.expire_all()
    keys = db.session.scalars(sa.select(ThrottleEvent.key)).all()
    assert sorted(key.split(":")[0] for key in keys) == ["account", "address", "client"]
    assert not any(user.email in key or "198.51.100.7" in key for key in keys)  # digests only


def test_requests_for_password_links_are_limited_per_address(client, create_user, store):
    statuses = [
        client.post("/forgot-password", data={"csrf_token": csrf_token(client.get("/forgot-password").get_data(as_text=True)),
                                              "email": f"person.{n}@example.org"},
                    environ_base={"REMOTE_ADDR": "192.0.2.9"}).status_code
        for n in range(11)
    ]
    assert statuses == [302] * 10 + [429]
    token = csrf_token(client.get("/forgot-password").get_data(as_text=True))
    other = client.post("/forgot-password", data={"csrf_token": token, "email": "person@example.org"},
                        environ_base={"REMOTE_ADDR": "192.0.2.10"})
    assert other.status_code == 302


@pytest.mark.parametrize("backend", ["database", "redis"])
def test_two_workers_share_the_count(app, make_app, backend):
    """Two applications, as two gunicorn workers (or two machines), count the same failures."""
    extra = {}
    if backend == "redis":
        redis_client = redis_or_skip()
        extra = {"REDIS_URL": REDIS_URL, "THROTTLE_REDIS_PREFIX": f"test-throttle-{secrets.token_hex(4)}:"}
    workers = [make_app(make_test_config(app.config["DATABASE_URL"], **extra)) for _ in range(2)]
    for worker in workers:
        worker.test_client_class = IsolatedClient
    email = f"shared.count.{secrets.token_hex(4)}@example.org"
    with workers[0].app_context():
        accounts.create_account(email=email, name="Shared Count", role=Role.SECRETARIAT, password=PASSWORD)
        _db.session.commit()
    try:
        clients = [worker.test_client() for worker in workers]
        statuses = [sign_in(clients[n % 2], email, "wrong-password", "198.51.100.30").status_code for n in range(8)]
        assert statuses == [401] * 5 + [429] * 3
    finally:
        with workers[0].app_context():
            _db.session.execute(sa.delete(User).where(User.email == email))
            _db.session.execute(sa.delete(ThrottleEvent))
            _db.session.commit()
        if backend == "redis":
            delete_keys(redis_client, extra["THROTTLE_REDIS_PREFIX"])


def test_unreadable_limits_stop_the_portal_at_start(app, make_app):
    with pytest.raises(ConfigurationError, match="RATELIMIT_LOGIN"):
        make_app(make_test_config(app.config["DATABASE_URL"], RATELIMIT_LOGIN="ten a minute"))
