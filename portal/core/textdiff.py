"""The difference between two versions of a text, word by word, as a reader wants to see a change."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Piece:
    """A run of the text: kept as it was, removed ("delete") or added ("insert")."""

    kind: str  # "equal", "delete" or "insert"
    text: str


def word_diff(before: str, after: str) -> list[Piece]:
    """Return the pieces that turn ``before`` into ``after``: whole words, deletions before insertions.

    difflib compares the texts as sequences of words, spaces and punctuation, so that a changed
    word shows as that word replaced, not as letters.
    """
    old, new = _TOKEN.findall(before), _TOKEN.findall(after)
    pieces: list[Piece] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _add(pieces, "equal", "".join(old[i1:i2]))
            continue
        if tag in ("delete", "replace"):
            _add(pieces, "delete", "".join(old[i1:i2]))
        if tag in ("insert", "replace"):
            _add(pieces, "insert", "".join(new[j1:j2]))
    return pieces


def _add(pieces: list[Piece], kind: str, text: str) -> None:
    if not text:
        return
    if pieces and pieces[-1].kind == kind:
        pieces[-1] = Piece(kind, pieces[-1].text + text)
    else:
        pieces.append(Piece(kind, text))
