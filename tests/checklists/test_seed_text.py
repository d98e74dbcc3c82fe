"""Every paragraph of the Salvador checklist quotes the Declaration word for word.

The reference is the text of the Declaration in the shared seed documents (the annex of
resolution 2010/18, seed 001). The seed is a conversion of a PDF; the normalisation below only
undoes what the conversion added, and never touches the wording.
"""

from __future__ import annotations

import re

import pytest

from portal.checklists.loader import load_checklist
from tests.checklists.conftest import SALVADOR_FILE, SEEDS_DIR

SEED_FILE = SEEDS_DIR / "001_21d6f20ea2a2fc2b.txt"
ANNEX_START = "*Declare* as follows:"
ANNEX_END = "*45th plenary meeting"

FOOTNOTE_MARKER = re.compile(r"<sup>\d+</sup>")
FOOTNOTE_BODY = re.compile(r"^<sup>\d+</sup>")  # a footnote's text at the foot of a page
PARAGRAPH_START = re.compile(r"^(\d+)\. (.*)$")


def seed_paragraphs(seed: str) -> dict[int, str]:
    """Return the Declaration's numbered paragraphs from the seed, conversion artefacts removed."""
    annex = seed[seed.index(ANNEX_START) + len(ANNEX_START): seed.index(ANNEX_END)]
    paragraphs: dict[int, str] = {}
    current: int | None = None
    for raw in annex.splitlines():
        line = raw.strip()
        if not line or line == "---" or FOOTNOTE_BODY.match(line):
            continue  # blank lines, page rules and footnote texts are page furniture
        match = PARAGRAPH_START.match(line)
        if match:
            current = int(match.group(1))
            paragraphs[current] = match.group(2)
        else:
            assert current is not None, f"text before the first paragraph: {line[:60]}"
            paragraphs[current] += " " + line  # the paragraph runs on after a page break
    cleaned = {number: " ".join(FOOTNOTE_MARKER.sub("", text).split()) for number, text in paragraphs.items()}
    # The resolution quotes the whole Declaration: its closing quotation mark ends the last paragraph.
    last = max(cleaned)
    cleaned[last] = cleaned[last].removesuffix("”")
    return cleaned


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED_FILE.exists():
        pytest.skip(f"the seed documents are not beside the repository ({SEED_FILE.resolve()} is missing)")
    return SEED_FILE.read_text(encoding="utf-8")


def test_the_seed_has_the_55_paragraphs(seed_text):
    assert sorted(seed_paragraphs(seed_text)) == list(range(1, 56))


def test_every_paragraph_matches_the_declaration_word_for_word(seed_text):
    expected = seed_paragraphs(seed_text)
    items = load_checklist(SALVADOR_FILE).definition["items"]
    assert [item["paragraph"] for item in items] == sorted(expected)
    mismatches = [
        f"paragraph {item['paragraph']}:\n  file: {item['text']['en']}\n  seed: {expected[item['paragraph']]}"
        for item in items
        if item["text"]["en"] != expected[item["paragraph"]]
    ]
    assert not mismatches, "\n".join(mismatches)


def test_the_normalisation_only_removes_artefacts(seed_text):
    """Spot checks: footnote markers go, a paragraph split by a page break is joined, words stay."""
    paragraphs = seed_paragraphs(seed_text)
    assert "2009, and look forward" in paragraphs[6]  # was "2009,<sup>63</sup> and look forward"
    assert "economic fraud and identity-related crime and to continue" in paragraphs[15]  # across a page break
    assert "Ibid." not in paragraphs[21] and "Treaty Series" not in paragraphs[15]  # footnote texts left out
    assert paragraphs[55].endswith("for the Twelfth Congress.")
