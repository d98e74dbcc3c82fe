"""A template version arranged for the checklist pages: items by code and id, themes in order.

A template version used by a cycle never changes, so its arrangement is built once per process
(and per language) and reused by every request: a theme page or a save reads no template rows.
The cache key holds the version's id, content hash and import time, so a re-imported version
(possible only before a cycle locks it) is never served stale.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from flask_babel import get_locale

from portal.checklists.models import ChecklistTemplate
from portal.checklists.outline import ChecklistOutline, Item, Question, Theme, build_outline, choose_language
from portal.submissions import rules

GENERAL_CODE = "general"  # stands for the general questions where an item code is expected
CACHE_SIZE = 64


@dataclass(frozen=True)
class ItemEntry:
    """One item of the version: its row id, its text and questions in one language, and its raw questions."""

    id: int
    theme_code: str
    item: Item
    raw_questions: list[dict[str, Any]]
    baseline: int  # questions required before anything is answered

    @property
    def code(self) -> str:
        return self.item.code


@dataclass(frozen=True)
class ChecklistStructure:
    outline: ChecklistOutline
    items: dict[str, ItemEntry]  # by code, in the order of the theme pages
    items_by_id: dict[int, ItemEntry]
    theme_items: dict[str, list[ItemEntry]]
    general_questions: list[Question]
    raw_general_questions: list[dict[str, Any]]
    general_baseline: int
    themes: list[Theme] = field(default_factory=list)
    # What pages derive from the structure alone (their fields), kept with it: built once per process.
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def language(self) -> str:
        return self.outline.language

    def theme(self, code: str) -> Theme | None:
        return next((theme for theme in self.themes if theme.code == code), None)

    def neighbours(self, code: str) -> tuple[Theme | None, Theme | None]:
        """Return the themes before and after theme ``code``."""
        codes = [theme.code for theme in self.themes]
        position = codes.index(code)
        before = self.themes[position - 1] if position > 0 else None
        after = self.themes[position + 1] if position + 1 < len(self.themes) else None
        return before, after

    def questions(self, entry: ItemEntry | None) -> tuple[list[Question], list[dict[str, Any]]]:
        """Return the questions (plain data, raw) of an item, or of the general questions for None."""
        if entry is None:
            return self.general_questions, self.raw_general_questions
        return entry.item.questions, entry.raw_questions


_cache: OrderedDict[tuple, ChecklistStructure] = OrderedDict()
_lock = threading.Lock()


def checklist_structure(template: ChecklistTemplate) -> ChecklistStructure:
    """Return the arrangement of ``template`` in the page's language, built once per process."""
    interface = str(get_locale() or "en")
    language = choose_language(template.languages, interface)
    key = (template.id, template.content_hash, template.imported_at, language, interface)
    with _lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    built = _build(template, language)
    with _lock:
        _cache[key] = built
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return built


def _build(template: ChecklistTemplate, language: str) -> ChecklistStructure:
    outline = build_outline(template, language)
    stored = {item.code: item for item in template.items}
    entries: dict[str, ItemEntry] = {}
    theme_items: dict[str, list[ItemEntry]] = {}
    for theme in outline.themes:
        for item in theme.items:
            row = stored[item.code]
            entry = ItemEntry(
                id=row.id, theme_code=theme.code, item=item, raw_questions=row.questions,
                baseline=len(rules.required_questions(row.questions, {})),
            )
            entries[item.code] = entry
            theme_items.setdefault(theme.code, []).append(entry)
    raw_general = template.general_questions
    return ChecklistStructure(
        outline=outline,
        items=entries,
        items_by_id={entry.id: entry for entry in entries.values()},
        theme_items=theme_items,
        general_questions=outline.general_questions,
        raw_general_questions=raw_general,
        general_baseline=len(rules.required_questions(raw_general, {})),
        themes=outline.themes,
    )


def clear_cache() -> None:
    """Forget every arrangement (tests that count queries start from a known state)."""
    with _lock:
        _cache.clear()
