"""Checklist template versions: importing them from their files, locking them for a cycle, listing them."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from portal.checklists.loader import ChecklistFileError, LoadedChecklist, load_checklist
from portal.checklists.models import Addressee, ChecklistItem, ChecklistTemplate, ChecklistTheme
from portal.checklists.schema import LANGUAGES
from portal.core.db import utcnow
from portal.core.extensions import db

CHECKLISTS_DIR = Path(__file__).resolve().parents[2] / "checklists"


class ChecklistError(Exception):
    """A template cannot be imported; the message says why and what to do."""


class TemplateInvalid(ChecklistError):
    """The template file does not pass the schema; ``errors`` lists every problem."""

    def __init__(self, error: ChecklistFileError):
        self.errors = error.errors
        super().__init__(str(error))


class TemplateLocked(ChecklistError):
    """The file changes a version that a reporting cycle already uses."""


class ImportOutcome(enum.Enum):
    CREATED = "created"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"


@dataclass(frozen=True)
class TemplateSummary:
    """One stored version, as listed on the command line and on the templates page."""

    id: int
    key: str
    version: int
    title: dict[str, str]
    languages: list[str]
    item_count: int
    theme_count: int
    imported_at: Any
    locked_at: Any

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None


def import_template(path: str | Path) -> tuple[ChecklistTemplate, ImportOutcome]:
    """Store the template file at ``path`` as its key and version; flush, never commit.

    The same content again changes nothing. Changed content replaces the stored
    version while no reporting cycle uses it, and is refused once one does, unless only the
    ``report:`` section (the roles of questions in compiled reports) changed: that is taken always.
    """
    try:
        loaded = load_checklist(path)
    except ChecklistFileError as error:
        raise TemplateInvalid(error) from None
    _check_replaced_codes(loaded)
    template = find_template(loaded.key, loaded.version)
    if template is None:
        template = ChecklistTemplate(key=loaded.key, version=loaded.version)
        _fill(template, loaded)
        db.session.add(template)
        _store_rows(template, loaded.definition)
        return template, ImportOutcome.CREATED
    if template.definition == loaded.definition:
        # Only formatting or comments may differ: the checklist is the same, so is its version.
        if template.content_hash != loaded.content_hash:
            template.content_hash = loaded.content_hash
        if template.source_file != loaded.path.name:
            template.source_file = loaded.path.name
        db.session.flush()
        return template, ImportOutcome.UNCHANGED
    if _without_report_roles(template.definition) == _without_report_roles(loaded.definition):
        # Only the report roles changed: they shape the compiled report, not what States are asked,
        # so even a version in use takes them.
        template.definition = loaded.definition
        template.content_hash = loaded.content_hash
        template.source_file = loaded.path.name
        db.session.flush()
        return template, ImportOutcome.REPLACED
    if adds_languages_only(template.definition, loaded.definition):
        # Texts in languages the version lacked (the official texts of the Declaration in the other languages,
        # translations of the questions): every text States were asked stays as it was, so even a version in use
        # takes them, and answers stay tied to the same items.
        _fill(template, loaded)
        _update_texts(template, loaded.definition)
        db.session.flush()
        return template, ImportOutcome.REPLACED
    if template.is_locked:
        raise TemplateLocked(
            f"{loaded.path}: {loaded.key} version {loaded.version} is used by a reporting cycle "
            f"(locked on {template.locked_at:%Y-%m-%d}), so its content can no longer change. "
            f"Give the changed file a new version (version: {next_version(loaded.key)}) and import it again; "
            f"items whose code changes can name the code they replace with `replaces`."
        )
    _fill(template, loaded)
    # Delete the old rows before inserting the new ones: the (template, code) keys would collide.
    template.items.clear()
    db.session.flush()
    template.themes.clear()
    db.session.flush()
    _store_rows(template, loaded.definition)
    return template, ImportOutcome.REPLACED


def adds_languages_only(old: Any, new: Any, top: bool = True) -> bool:
    """Tell whether definition ``new`` differs from ``old`` only by texts in more languages: every text of ``old`` is
    in ``new`` unchanged, nothing else changed (the report roles aside), and the languages listed only grew."""
    if top:
        if not set(old["languages"]) <= set(new["languages"]):
            return False
        old = {key: value for key, value in old.items() if key not in ("languages", "report")}
        new = {key: value for key, value in new.items() if key not in ("languages", "report")}
    if isinstance(old, dict) and isinstance(new, dict):
        if _is_text(old) and _is_text(new):
            return all(new.get(language) == text for language, text in old.items())
        return set(old) == set(new) and all(adds_languages_only(old[key], new[key], False) for key in old)
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(adds_languages_only(a, b, False) for a, b in zip(old, new))
    return old == new


def _is_text(value: dict[str, Any]) -> bool:
    return bool(value) and set(value) <= set(LANGUAGES) and all(isinstance(text, str) for text in value.values())


def _update_texts(template: ChecklistTemplate, definition: dict[str, Any]) -> None:
    """Give the stored theme and item rows the texts of ``definition``, whose structure is theirs."""
    titles = {theme["code"]: theme["title"] for theme in definition["themes"]}
    for theme in template.themes:
        theme.title = titles[theme.code]
    items = {item["code"]: item for item in definition["items"]}
    for item in template.items:
        item.text = items[item.code]["text"]
        item.questions = definition["question_sets"][items[item.code]["questions"]]


def _without_report_roles(definition: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in definition.items() if key != "report"}


def _fill(template: ChecklistTemplate, loaded: LoadedChecklist) -> None:
    definition = loaded.definition
    template.title = definition["title"]
    template.short_title = definition["short_title"]
    template.source = definition["source"]
    template.congress = definition["congress"]
    template.languages = definition["languages"]
    template.source_file = loaded.path.name
    template.content_hash = loaded.content_hash
    template.definition = definition
    template.imported_at = utcnow()


def _store_rows(template: ChecklistTemplate, definition: dict[str, Any]) -> None:
    """Create the theme and item rows; themes are flushed first, as items refer to them."""
    template.themes = [
        ChecklistTheme(code=theme["code"], position=position, title=theme["title"])
        for position, theme in enumerate(definition["themes"], start=1)
    ]
    db.session.flush()
    template.items = [
        ChecklistItem(
            code=item["code"],
            paragraph=item["paragraph"],
            theme_code=item["theme"],
            addressee=Addressee(item["addressee"]),
            position=position,
            text=item["text"],
            question_set=item["questions"],
            questions=definition["question_sets"][item["questions"]],
            replaces=item["replaces"],
        )
        for position, item in enumerate(definition["items"], start=1)
    ]
    db.session.flush()


def _check_replaced_codes(loaded: LoadedChecklist) -> None:
    """Refuse a ``replaces`` naming a code that no stored earlier version of the key has."""
    wanted = {item["replaces"] for item in loaded.definition["items"] if item["replaces"]}
    if not wanted:
        return
    earlier = sa.select(ChecklistTemplate.id).where(
        ChecklistTemplate.key == loaded.key, ChecklistTemplate.version < loaded.version
    )
    if db.session.scalar(sa.select(sa.func.count()).select_from(earlier.subquery())) == 0:
        return  # the earlier versions are not in this database: nothing to check against
    known = set(db.session.scalars(sa.select(ChecklistItem.code).where(ChecklistItem.template_id.in_(earlier))))
    unknown = sorted(wanted - known)
    if unknown:
        raise ChecklistError(
            f"{loaded.path}: replaces names {', '.join(unknown)}, which no earlier version of "
            f"{loaded.key} has; name the code of the item in an earlier version"
        )


def next_version(key: str) -> int:
    """Return the first version number after every stored version of ``key``."""
    highest = db.session.scalar(sa.select(sa.func.max(ChecklistTemplate.version)).where(ChecklistTemplate.key == key))
    return (highest or 0) + 1


def lock_template_version(template: ChecklistTemplate) -> ChecklistTemplate:
    """Freeze ``template``: a reporting cycle uses it from now on (a second call changes nothing)."""
    if template.locked_at is None:
        template.locked_at = utcnow()
        db.session.flush()
    return template


def find_template(key: str, version: int) -> ChecklistTemplate | None:
    return db.session.scalar(
        sa.select(ChecklistTemplate).where(ChecklistTemplate.key == key, ChecklistTemplate.version == version)
    )


def list_templates() -> list[TemplateSummary]:
    """Return every stored version, by key and then version, with its counts of items and themes."""
    items = (
        sa.select(ChecklistItem.template_id, sa.func.count().label("n"))
        .group_by(ChecklistItem.template_id)
        .subquery()
    )
    themes = (
        sa.select(ChecklistTheme.template_id, sa.func.count().label("n"))
        .group_by(ChecklistTheme.template_id)
        .subquery()
    )
    rows = db.session.execute(
        sa.select(ChecklistTemplate, sa.func.coalesce(items.c.n, 0), sa.func.coalesce(themes.c.n, 0))
        .outerjoin(items, items.c.template_id == ChecklistTemplate.id)
        .outerjoin(themes, themes.c.template_id == ChecklistTemplate.id)
        .order_by(ChecklistTemplate.key, ChecklistTemplate.version)
    )
    return [
        TemplateSummary(
            id=template.id,
            key=template.key,
            version=template.version,
            title=template.title,
            languages=template.languages,
            item_count=item_count,
            theme_count=theme_count,
            imported_at=template.imported_at,
            locked_at=template.locked_at,
        )
        for template, item_count, theme_count in rows
    ]
