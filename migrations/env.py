"""Alembic environment: runs migrations on the application's engine and metadata."""

import logging
from logging.config import fileConfig

import sqlalchemy as sa
from alembic import context
from flask import current_app

import portal.models  # noqa: F401  (registers every table on the metadata)

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")

target_db = current_app.extensions["migrate"].db


def run_migrations_offline():
    """Write the SQL to standard output instead of running it."""
    context.configure(
        url=target_db.engine.url.render_as_string(hide_password=False),
        target_metadata=target_db.metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def compare_type(context, inspected_column, metadata_column, inspected_type, metadata_type):
    """Treat a non-native Enum stored as VARCHAR as unchanged (its check constraint guards it)."""
    if isinstance(metadata_type, sa.Enum) and not metadata_type.native_enum:
        return not isinstance(inspected_type, sa.String)
    return None


def render_item(type_, obj, autogen_context):
    """Write the portal's UTC timestamp type as a plain timezone-aware DateTime (migrations import no portal code)."""
    if type_ == "type" and obj.__class__.__name__ == "UTCDateTime":
        return "sa.DateTime(timezone=True)"
    return False


def run_migrations_online():
    """Run the migrations on a connection of the application's engine."""

    def skip_empty_revision(context, revision, directives):
        if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
            directives[:] = []
            logger.info("No changes in schema detected.")

    configure_args = dict(current_app.extensions["migrate"].configure_args)
    configure_args.setdefault("process_revision_directives", skip_empty_revision)
    configure_args["compare_type"] = compare_type  # Flask-Migrate sets True by default
    configure_args.setdefault("render_item", render_item)
    with target_db.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            # The engine issues BEGIN itself (portal.core.database), so DDL is transactional there too.
            configure_args.setdefault("transactional_ddl", True)
        context.configure(connection=connection, target_metadata=target_db.metadata, **configure_args)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
