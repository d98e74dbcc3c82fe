"""The Member State reporting and self-assessment portal."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from flask import Flask, has_request_context, request
from flask_babel import get_locale, lazy_gettext
from flask_login import current_user
from werkzeug.middleware.proxy_fix import ProxyFix

from portal import config as portal_config
from portal.core.integers import DatabaseIntegerConverter

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Who users write to for help when PORTAL_CONTACT_NAME is not set, in the reader's language.
DEFAULT_CONTACT = lazy_gettext("the Secretariat of the Commission on Crime Prevention and Criminal Justice (UNODC)")


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Create the portal application; ``config`` overrides defaults and environment variables."""
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        instance_path=str(PROJECT_ROOT / "instance"),
    )
    app.config.update(portal_config.load(Path(app.instance_path), config))
    # Templates call list and dict methods for their effect with {% do %}, so none needs a throwaway
    # variable, and none shadows the gettext function "_" with one.
    app.jinja_env.add_extension("jinja2.ext.do")
    app.url_map.converters["int"] = DatabaseIntegerConverter  # before any rule is added
    if app.config.get("PROXY_FIX_X_FOR"):
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXY_FIX_X_FOR"], x_proto=1, x_host=1)

    import portal.models  # noqa: F401  (every table is known before the first query)

    _init_extensions(app)
    _register_blueprints(app)
    _register_commands(app)
    _declare_static_access(app)
    return app


def _init_extensions(app: Flask) -> None:
    from portal.accounts.throttle import init_throttle
    from portal.core import database, errors, hosts, inputs, security
    from portal.core.dates import init_dates
    from portal.core.bidi import direction, isolate_filter
    from portal.core.access import enforce_access
    from portal.core.extensions import babel, csrf, db, login_manager, migrate

    database.configure_engine_options(app)
    db.init_app(app)
    database.install_sqlite_behaviour(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    init_throttle(app)
    babel.init_app(app, locale_selector=_select_locale)
    from portal.accounts.models import LANGUAGES

    app.jinja_env.globals["get_locale"] = get_locale  # also in macros imported without the page's context
    app.context_processor(lambda: {"languages": LANGUAGES, "contact": {
        "name": app.config["PORTAL_CONTACT_NAME"] or str(DEFAULT_CONTACT), "email": app.config["PORTAL_CONTACT_EMAIL"]}})
    app.add_template_filter(isolate_filter, "isolate")
    app.add_template_filter(direction, "direction")
    init_dates(app)

    from portal.accounts.sessions import load_user
    from portal.api import auth as api_auth

    login_manager.init_app(app)
    api_auth.install(app, login_manager, load_user)
    login_manager.login_view = "accounts.login"
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"

    app.before_request(enforce_access)
    security.init_security(app)
    errors.init_errors(app)
    hosts.init_trusted_hosts(app)
    inputs.init_inputs(app)
    database.init_commit_point(app)


def _select_locale() -> str:
    from flask import current_app

    from portal.accounts.models import LANGUAGE_COOKIE

    languages = current_app.config["LANGUAGES"]
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    if current_user and current_user.is_authenticated and current_user.language in languages:
        return current_user.language  # the signed-in user's preferred language
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if chosen in languages:
        return chosen  # the language switch, before signing in
    return request.accept_languages.best_match(languages) or current_app.config["BABEL_DEFAULT_LOCALE"]


def _register_blueprints(app: Flask) -> None:
    from portal.accounts.views import bp as accounts_bp
    from portal.admin.views import bp as admin_bp
    from portal.answers.views import bp as answers_bp
    from portal.api.token_views import bp as tokens_bp
    from portal.api.views import bp as api_bp
    from portal.checklists.views import bp as checklists_bp
    from portal.cycles.views import bp as cycles_bp
    from portal.dashboard.views import bp as dashboard_bp
    from portal.exports.views import bp as exports_bp
    from portal.mail.views import bp as mail_bp
    from portal.reports.job_views import bp as report_jobs_bp
    from portal.reports.views import bp as reports_bp
    from portal.reports.views import overview_bp as report_overview_bp
    from portal.review.views import bp as review_bp
    from portal.states.views import bp as states_bp

    for blueprint in (
        accounts_bp, admin_bp, answers_bp, api_bp, checklists_bp, cycles_bp, dashboard_bp, exports_bp, mail_bp,
        report_jobs_bp, report_overview_bp, reports_bp, review_bp, states_bp, tokens_bp,
    ):
        app.register_blueprint(blueprint)


def _register_commands(app: Flask) -> None:
    from portal.accounts.cli import users_cli
    from portal.checklists.cli import checklists_cli
    from portal.cycles.cli import cycles_cli
    from portal.demo.cli import demo_command
    from portal.exports.cli import export_cli
    from portal.reports.cli import report_cli
    from portal.review.cli import review_cli
    from portal.states.cli import states_cli

    app.cli.add_command(states_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(checklists_cli)
    app.cli.add_command(cycles_cli)
    app.cli.add_command(export_cli)
    app.cli.add_command(report_cli)
    app.cli.add_command(review_cli)
    app.cli.add_command(demo_command)


def _declare_static_access(app: Flask) -> None:
    from portal.core.access import public_wrapper

    app.view_functions["static"] = public_wrapper(app.view_functions["static"])
