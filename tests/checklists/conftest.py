"""Fixtures of the checklist tests: the template files, and the Salvador PDF rendered once per run."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal.core.extensions import db as _db

REPO_ROOT = Path(__file__).resolve().parents[2]
CHECKLISTS_DIR = REPO_ROOT / "checklists"
DATA_DIR = Path(__file__).resolve().parent / "data"
SALVADOR_FILE = CHECKLISTS_DIR / "salvador-declaration.yaml"
TEST_TEMPLATE_FILE = DATA_DIR / "test-declaration.yaml"
SEEDS_DIR = REPO_ROOT / ".." / "shared" / "seeds"


@pytest.fixture
def salvador_file() -> Path:
    return SALVADOR_FILE


@pytest.fixture
def test_template_file() -> Path:
    return TEST_TEMPLATE_FILE


def changed_copy(source: Path, target: Path, *replacements: tuple[str, str]) -> Path:
    """Write ``source`` to ``target`` with each (old, new) replaced once; each ``old`` must occur exactly once."""
    text = source.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {source.name}"
        text = text.replace(old, new)
    target.write_text(text, encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def salvador_pdf(app) -> bytes:
    """The blank Salvador checklist in English, rendered once (it takes a few seconds)."""
    from portal.checklists.pdf import blank_checklist_outline, render_blank_checklist
    from portal.checklists.services import import_template

    with app.app_context():
        try:
            template, _ = import_template(SALVADOR_FILE)
            checklist = blank_checklist_outline(template, "en")
        finally:
            _db.session.rollback()
            _db.session.remove()
        return render_blank_checklist(checklist)


def line_of(path, text: str) -> int:
    """Return the number of the first line of the file at ``path`` that contains ``text``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)
