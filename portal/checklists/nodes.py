"""Reading a composed YAML node tree while keeping every error located: file, line and dotted path.

A :class:`NodeReader` reads values out of YAML nodes (``yaml.compose`` output, never
constructed objects), reports what it did not expect and carries on, so that one pass
collects every error of a file. Each reader returns the value or :data:`INVALID`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any, Callable

from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

INVALID = object()  # what a reader returns after reporting an error


@dataclass(frozen=True)
class SchemaError:
    """One problem in a template file: where it is (file, line, dotted path) and what was expected.

    ``line`` is 0 for a problem with the file as a whole (it cannot be read).
    """

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


def join_path(path: str, key: str | int) -> str:
    """Extend a dotted path: ``items[3]`` and ``code`` give ``items[3].code``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def line_of(node: Node) -> int:
    return node.start_mark.line + 1


def suggest(word: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
    return f" (did you mean '{close[0]}'?)" if close else ""


def and_list(words: tuple[str, ...]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


class NodeReader:
    """Read values from the YAML nodes of one file; the errors found are in ``errors``."""

    def __init__(self, file: str):
        self.file = file
        self.errors: list[SchemaError] = []
        self._constructor = SafeConstructor()

    # -- reporting ---------------------------------------------------------------------------

    def error(self, node: Node, path: str, message: str) -> None:
        self.errors.append(SchemaError(self.file, line_of(node), path, message))

    def describe(self, node: Node) -> str:
        """Say in words what a node holds, for the 'found ...' part of a message."""
        if isinstance(node, MappingNode):
            return "a mapping"
        if isinstance(node, SequenceNode):
            return "a list"
        value = self.scalar_value(node)
        if value is None:
            return "nothing"
        if isinstance(value, bool):
            return f"the boolean {'true' if value else 'false'}"
        if isinstance(value, (int, float)):
            return f"the number {value}"
        if isinstance(value, str):
            shown = value if len(value) <= 40 else value[:37] + "..."
            return f"the text {shown!r}"
        return f"the {type(value).__name__} {value}"

    # -- primitive readers (each returns INVALID after reporting) --------------------------

    def scalar_value(self, node: ScalarNode) -> Any:
        try:
            return self._constructor.construct_object(node, deep=True)
        except (ConstructorError, ValueError):
            return node.value

    def mapping(self, node: Node, path: str, required: tuple[str, ...], optional: tuple[str, ...] = (),
                what: str = "a mapping") -> dict[str, Node] | None:
        """Return the value nodes of a mapping by key, reporting unknown, repeated and missing keys."""
        allowed = required + optional
        if not isinstance(node, MappingNode):
            self.error(node, path, f"expected {what} with the keys {', '.join(allowed)}; found {self.describe(node)}")
            return None
        found: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = self.scalar_value(key_node) if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                self.error(key_node, path, f"expected a key name, found {self.describe(key_node)}")
                continue
            if key in found:
                self.error(key_node, join_path(path, key), f"the key appears twice (first on line {line_of(found[key])})")
            elif key not in allowed:
                self.error(
                    key_node, join_path(path, key),
                    f"unknown key{suggest(key, list(allowed))}; expected one of: {', '.join(allowed)}",
                )
            else:
                found[key] = value_node
        for key in required:
            if key not in found:
                self.error(node, join_path(path, key), f"required key is missing; {what} needs {and_list(required)}")
        return found

    def sequence(self, node: Node, path: str, what: str, *, allow_empty: bool = False) -> list[Node] | None:
        if not isinstance(node, SequenceNode):
            self.error(node, path, f"expected a list of {what}; found {self.describe(node)}")
            return None
        if not node.value and not allow_empty:
            self.error(node, path, f"expected a list of {what}; found an empty list")
            return None
        return list(node.value)

    def string(self, node: Node, path: str, *, pattern: re.Pattern | None = None, pattern_text: str = "",
               max_length: int | None = None) -> Any:
        if not isinstance(node, ScalarNode) or not isinstance(self.scalar_value(node), str):
            if isinstance(node, ScalarNode) and isinstance(self.scalar_value(node), bool):
                self.error(node, path, f"expected a text, found {self.describe(node)}: "
                           f"YAML reads a bare {node.value} as a boolean; write it in quotes: \"{node.value}\"")
            else:
                self.error(node, path, f"expected {pattern_text or 'a text'}; found {self.describe(node)}")
            return INVALID
        value = self.scalar_value(node)
        if not value.strip():
            self.error(node, path, f"expected {pattern_text or 'a text'}; found an empty text")
            return INVALID
        if pattern is not None and not pattern.match(value):
            self.error(node, path, f"expected {pattern_text}; found {value!r}")
            return INVALID
        if max_length is not None and len(value) > max_length:
            self.error(node, path, f"expected at most {max_length} characters; found {len(value)}")
            return INVALID
        return value

    def positive_integer(self, node: Node, path: str) -> Any:
        value = self.scalar_value(node) if isinstance(node, ScalarNode) else INVALID
        if type(value) is not int or value < 1:
            self.error(node, path, f"expected a whole number from 1 up; found {self.describe(node)}")
            return INVALID
        return value

    def boolean(self, node: Node, path: str) -> Any:
        value = self.scalar_value(node) if isinstance(node, ScalarNode) else INVALID
        if not isinstance(value, bool):
            self.error(node, path, f"expected true or false; found {self.describe(node)}")
            return INVALID
        return value

    def one_of(self, node: Node, path: str, values: list[str], what: str) -> Any:
        value = self.scalar_value(node) if isinstance(node, ScalarNode) else INVALID
        if value not in values:
            found = f"'{value}'" if isinstance(value, str) else self.describe(node)
            self.error(node, path, f"unknown {what} {found}{suggest(str(value), values)}; expected one of: {', '.join(values)}")
            return INVALID
        return value

    def optional(self, fields: dict[str, Node], key: str, path: str, reader: Callable[[Node, str], Any],
                 default: Any = None) -> Any:
        if key not in fields:
            return default
        return reader(fields[key], join_path(path, key))

    def required(self, fields: dict[str, Node], key: str, path: str, reader: Callable[[Node, str], Any]) -> Any:
        if key not in fields:
            return INVALID  # reported as missing by mapping()
        return reader(fields[key], join_path(path, key))
