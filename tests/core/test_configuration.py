"""Configuration from the environment; the portal refuses to start without a secret in production."""

import pytest

from portal import create_app
from portal.config import ConfigurationError, normalise_database_url


def test_production_without_secret_key_is_a_start_up_error(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("PORTAL_ENV", "production")
    with pytest.raises(ConfigurationError, match="SECRET_KEY is not set"):
        create_app()


def test_environment_variables_configure_database_and_mail(monkeypatch, make_app):
    monkeypatch.setenv("PORTAL_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("DATABASE_URL", "postgresql://portal@db.internal/portal")
    monkeypatch.setenv("MAIL_SERVER", "smtp.example.org")
    monkeypatch.setenv("MAIL_PORT", "587")
    monkeypatch.setenv("MAIL_USE_TLS", "true")
    monkeypatch.setenv("PORTAL_BASE_URL", "https://reporting.example.org")
    app = make_app()
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://portal@db.internal/portal"
    assert (app.config["MAIL_SERVER"], app.config["MAIL_PORT"], app.config["MAIL_USE_TLS"]) == ("smtp.example.org", 587, True)
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_development_defaults_to_sqlite_in_the_instance_folder(monkeypatch, make_app):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("PORTAL_ENV", "development")
    app = make_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///")
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("instance/portal.sqlite3")
    assert app.config["SECRET_KEY"] and app.config["SESSION_COOKIE_SECURE"] is False


def test_unknown_environment_is_refused(monkeypatch):
    monkeypatch.setenv("PORTAL_ENV", "staging")
    with pytest.raises(ConfigurationError, match="PORTAL_ENV"):
        create_app()


def test_postgres_urls_use_psycopg_3():
    assert normalise_database_url("postgres://u@h/d") == "postgresql+psycopg://u@h/d"
    assert normalise_database_url("postgresql+psycopg://u@h/d") == "postgresql+psycopg://u@h/d"
    assert normalise_database_url("sqlite:///x.db") == "sqlite:///x.db"


def test_health_check_reaches_the_database(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}


def test_production_without_portal_base_url_is_a_start_up_error(monkeypatch):
    monkeypatch.setenv("PORTAL_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    monkeypatch.delenv("PORTAL_BASE_URL", raising=False)
    with pytest.raises(ConfigurationError, match="PORTAL_BASE_URL is not set"):
        create_app()


def test_a_portal_base_url_that_is_not_an_address_is_refused(monkeypatch):
    monkeypatch.setenv("PORTAL_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("PORTAL_BASE_URL", "reporting.example.org")
    with pytest.raises(ConfigurationError, match="PORTAL_BASE_URL must be an http or https address"):
        create_app()


def test_portal_base_url_names_the_trusted_host_and_trusted_hosts_adds_others(monkeypatch, make_app):
    monkeypatch.setenv("PORTAL_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("PORTAL_BASE_URL", "https://Reporting.example.org/portal/")
    monkeypatch.setenv("TRUSTED_HOSTS", "reporting.internal, .unodc.example")
    app = make_app()
    assert app.config["PORTAL_BASE_URL"] == "https://Reporting.example.org/portal"
    assert app.config["TRUSTED_HOSTS"] == ["reporting.example.org", "reporting.internal", ".unodc.example"]


def test_development_links_to_make_run_and_trusts_only_its_host(monkeypatch, make_app):
    monkeypatch.delenv("PORTAL_BASE_URL", raising=False)
    monkeypatch.delenv("TRUSTED_HOSTS", raising=False)
    monkeypatch.setenv("PORTAL_ENV", "development")
    app = make_app()
    assert app.config["PORTAL_BASE_URL"] == "http://127.0.0.1:5000"
    assert app.config["TRUSTED_HOSTS"] == ["127.0.0.1"]
    client = app.test_client()
    assert client.get("/login", base_url="http://127.0.0.1:5000").status_code == 200
    assert client.get("/login", base_url="http://evil.example:5000").status_code == 400


def test_a_configuration_error_is_one_message_without_a_traceback(tmp_path):
    """Starting the portal without SECRET_KEY in production says what to set, and nothing else."""
    import os
    import subprocess
    import sys

    from tests.conftest import project_root

    env = {key: value for key, value in os.environ.items() if key not in ("SECRET_KEY", "PORTAL_BASE_URL")}
    env.update(PORTAL_ENV="production", DATABASE_URL=f"sqlite:///{tmp_path / 'portal.sqlite3'}")
    result = subprocess.run([sys.executable, "-c", "import wsgi"], cwd=project_root(), env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("The portal cannot start: SECRET_KEY is not set.")
    assert "Traceback" not in result.stderr
