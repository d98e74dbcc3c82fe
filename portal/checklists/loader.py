"""Read a checklist template file: safe YAML, line numbers kept, checked against the schema."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from portal.checklists.schema import SchemaChecker, SchemaError, strip_private_keys


class ChecklistFileError(ValueError):
    """A template file cannot be used; ``errors`` holds every problem found, each with file, line and path."""

    def __init__(self, errors: list[SchemaError]):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


@dataclass(frozen=True)
class LoadedChecklist:
    """A template file that passed the schema: its definition and the SHA-256 of its bytes."""

    path: Path
    definition: dict[str, Any]
    content_hash: str

    @property
    def key(self) -> str:
        return self.definition["key"]

    @property
    def version(self) -> int:
        return self.definition["version"]


def load_checklist(path: str | Path) -> LoadedChecklist:
    """Read and check the template file at ``path``; raise ChecklistFileError listing every problem."""
    path = Path(path)
    shown = str(path)
    try:
        content = path.read_bytes()
    except OSError as error:
        raise ChecklistFileError([SchemaError(shown, 0, "", f"cannot read the file: {error.strerror}")]) from None
    return parse_checklist(content, shown, path)


def parse_checklist(content: bytes, shown: str, path: Path | None = None) -> LoadedChecklist:
    """Check the template ``content``; ``shown`` is the file name used in error messages."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise ChecklistFileError([SchemaError(shown, line, "", "the file is not valid UTF-8")]) from None
    try:
        # compose() builds the node tree with the safe loader: no object is constructed, no tag runs code.
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = ": ".join(part for part in (error.context, error.problem) if part)
        raise ChecklistFileError([SchemaError(shown, mark.line + 1 if mark else 1, "", f"invalid YAML: {problem}")]) from None
    except yaml.YAMLError as error:
        raise ChecklistFileError([SchemaError(shown, 1, "", f"invalid YAML: {error}")]) from None
    checker = SchemaChecker(shown)
    definition = checker.check(root)
    if definition is None:
        raise ChecklistFileError(sorted(checker.errors, key=lambda error: error.line))
    return LoadedChecklist(
        path=path or Path(shown),
        definition=strip_private_keys(definition),
        content_hash=hashlib.sha256(content).hexdigest(),
    )
