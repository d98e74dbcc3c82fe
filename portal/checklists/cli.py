"""``flask --app wsgi checklists validate|import|list``."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from portal.checklists import services
from portal.checklists.loader import ChecklistFileError, load_checklist
from portal.core.extensions import db

def _counts(items: int, themes: int) -> str:
    return f"{items} item{'s' if items != 1 else ''}, {themes} theme{'s' if themes != 1 else ''}"


checklists_cli = AppGroup("checklists", help="Checklist templates: check their files, import them, list them.")


@checklists_cli.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
def validate_command(paths: tuple[str, ...]):
    """Check template files against the schema; print every error, exit 1 if any file has one."""
    failed = 0
    for path in paths:
        try:
            loaded = load_checklist(path)
        except ChecklistFileError as error:
            failed += 1
            for problem in error.errors:
                click.echo(str(problem), err=True)
            click.echo(f"{path}: {len(error.errors)} error{'s' if len(error.errors) != 1 else ''}", err=True)
            continue
        definition = loaded.definition
        counts = _counts(len(definition["items"]), len(definition["themes"]))
        click.echo(f"{path}: OK ({loaded.key} version {loaded.version}: {counts})")
    if failed:
        raise SystemExit(1)


@checklists_cli.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
def import_command(paths: tuple[str, ...]):
    """Store template files in the database (all or none of them); the same content again changes nothing."""
    results = []
    for path in paths:
        try:
            template, outcome = services.import_template(path)
        except services.TemplateInvalid as error:
            db.session.rollback()
            for problem in error.errors:
                click.echo(str(problem), err=True)
            click.echo(f"{path}: not imported; nothing was imported.", err=True)
            raise SystemExit(1) from None
        except services.ChecklistError as error:
            db.session.rollback()
            click.echo(str(error), err=True)
            click.echo(f"{path}: not imported; nothing was imported.", err=True)
            raise SystemExit(1) from None
        results.append((path, template, outcome))
    db.session.commit()
    for path, template, outcome in results:
        counts = _counts(len(template.items), len(template.themes))
        click.echo(f"{path}: {template.key} version {template.version} {outcome.value} ({counts})")


@checklists_cli.command("list")
def list_command():
    """Print key, version, items, themes and whether a cycle uses it (yes/no), tab-separated."""
    for summary in services.list_templates():
        in_use = "yes" if summary.is_locked else "no"
        click.echo(f"{summary.key}\t{summary.version}\t{summary.item_count}\t{summary.theme_count}\t{in_use}")
