"""The interface in six languages: the template is current with the code, every catalogue is complete,
and pages, dates and the language switch follow the reader's language."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.conftest import login
from tests.i18n import catalogues

ROOT = Path(__file__).resolve().parents[2]


def _ids(catalog) -> set[tuple[str, str | None]]:
    return {((m.id if isinstance(m.id, str) else m.id[0]), m.context) for m in catalog if m.id}


def test_the_template_holds_every_message_of_the_code(tmp_path):
    """A new English text in the code or the templates fails here until `make messages` extracts it."""
    extracted = tmp_path / "messages.pot"
    subprocess.run([str(Path(sys.executable).parent / "pybabel"), "extract", "-F", "babel.cfg", "-k", "_l",
                    "-k", "lazy_gettext", "-k", "N_", "--ignore-dirs", ".* __pycache__ node_modules", "-o", str(extracted), "."], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with extracted.open("rb") as handle:
        current = _ids(read_po(handle))
    committed = _ids(catalogues.template())
    assert sorted(current - committed) == [], "messages not in portal/translations/messages.pot: run `make messages`"
    assert sorted(committed - current) == [], "messages no longer used: run `make messages`"


@pytest.mark.parametrize("language", catalogues.LANGUAGES)
def test_each_catalogue_translates_every_message(language):
    assert catalogues.problems(language) == []


@pytest.mark.parametrize("language", catalogues.LANGUAGES)
def test_the_sign_in_page_follows_the_browser_language(client, language):
    page = client.get("/login", headers={"Accept-Language": f"{language},en;q=0.5"})
    html = page.get_data(as_text=True)
    translated = catalogues.catalogue(language).get("Sign in").string
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in html
    assert f"<h1>{translated}</h1>" in html
    assert "<h1>Sign in</h1>" not in html
