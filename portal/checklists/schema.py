"""The schema of checklist template files, checked on the YAML node tree.

The file is composed into YAML nodes (never constructed into objects first), so
every value still knows its line. The checker walks the nodes, collects every
error it finds (it does not stop at the first) and, when there is none, returns
the definition as plain data with the optional keys filled in. checklists/README.md
documents the format; keep the two in step.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from yaml.nodes import MappingNode, Node, ScalarNode

from portal.checklists.models import YES_NO_CODES, Addressee, QuestionType
from portal.checklists.nodes import INVALID, NodeReader, SchemaError, join_path, line_of, suggest
from portal.submissions.rules import LIMIT_CEILINGS, MAX_ENTRIES_CEILING

__all__ = ["SchemaChecker", "SchemaError", "strip_private_keys"]

FORMAT = 1
LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
REQUIRED_LANGUAGE = "en"

KEBAB_CASE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LOWER_CODE = re.compile(r"^[a-z][a-z0-9_]*$")
CHOICE_CODE = re.compile(r"^[a-z0-9][a-z0-9_]*$")
ITEM_CODE = re.compile(r"^[A-Z][A-Z0-9]*(?:[-.][A-Za-z0-9]+)*$")

MAX_KEY_LENGTH = 100
MAX_CODE_LENGTH = 40
MAX_THEME_CODE_LENGTH = 60

TOP_LEVEL_REQUIRED = (
    "format", "key", "version", "title", "short_title", "source", "languages", "themes", "question_sets", "items",
)
TOP_LEVEL_OPTIONAL = ("congress", "general_questions", "report")
ITEM_REQUIRED = ("code", "paragraph", "theme", "addressee", "questions", "text")
ITEM_OPTIONAL = ("replaces",)
QUESTION_REQUIRED = ("code", "type", "label")
QUESTION_OPTIONAL = ("help", "required", "when", "choices", "placeholder", "max_length", "max_entries")

# The roles questions play in a compiled report (the optional `report:` section): for each role
# naming item questions (of the question sets), the question types it accepts; then the roles
# naming general questions; then the texts.
REPORT_ITEM_ROLES = {
    "status": ("single_choice",),
    "challenges": ("multiple_choice",),
    "assistance_needed": ("yes_no",),
    "assistance_kinds": ("multiple_choice",),
}
REPORT_ITEM_LIST_ROLES = {"quoted": ("long_text", "short_text")}
# A general question whose answer is a list of proposals may be an ``entries`` question: one proposal per entry.
REPORT_GENERAL_LIST_ROLES = {
    "future_activity": ("long_text", "short_text", "entries"),
    "follow_up": ("long_text", "short_text", "entries"),
    "congress_efficiency": ("long_text", "short_text", "entries"),
    "next_congress": ("long_text", "short_text", "entries"),
}
REPORT_TEXT_ROLES = ("mandate", "summary")
REPORT_KEYS = (*REPORT_ITEM_ROLES, *REPORT_ITEM_LIST_ROLES, *REPORT_GENERAL_LIST_ROLES, *REPORT_TEXT_ROLES)


class SchemaChecker(NodeReader):
    """Check one composed template file; read ``errors`` after :meth:`check`."""

    def __init__(self, file: str):
        super().__init__(file)
        self._languages: tuple[str, ...] = (REQUIRED_LANGUAGE,)
        self._languages_known = False
        # Names defined in the file, even where their definition has errors, to check references against.
        self.theme_codes: list[str] | None = None
        self.question_set_names: list[str] | None = None

    def official_text(self, node: Node, path: str) -> Any:
        """Read an official text (a declaration's title or paragraph, the report's texts): English, and any of the
        file's other languages whose official version the Secretariat has; the portal never writes its own."""
        return self.text(node, path, complete=False)

    def text(self, node: Node, path: str, complete: bool = True) -> Any:
        """Read a text: a mapping from language codes to non-empty strings, with English (and, when ``complete``,
        every language the file lists)."""
        if not isinstance(node, MappingNode):
            self.error(node, path, f"expected a text: a mapping of language codes to strings, "
                                   f"such as {{en: \"...\"}}; found {self.describe(node)}")
            return INVALID
        result: dict[str, str] = {}
        seen: set[str] = set()
        valid = True
        for key_node, value_node in node.value:
            language = self.scalar_value(key_node) if isinstance(key_node, ScalarNode) else None
            language_path = join_path(path, str(language))
            if language not in LANGUAGES:
                shown = f"'{language}'" if isinstance(language, str) else self.describe(key_node)
                self.error(key_node, language_path, f"unknown language {shown}; expected one of: {', '.join(LANGUAGES)}")
                valid = False
                continue
            if language in seen:
                self.error(key_node, language_path, "the language appears twice in this text")
                valid = False
                continue
            seen.add(language)
            if self._languages_known and language not in self._languages:
                self.error(key_node, language_path, f"the file's languages do not include {language}; "
                                                    f"add {language} to languages or remove this text")
                valid = False
            value = self.string(value_node, language_path)
            if value is INVALID:
                valid = False
            else:
                result[language] = value
        if REQUIRED_LANGUAGE not in seen:
            self.error(node, path, f"the English text ({REQUIRED_LANGUAGE}) is missing; every text needs one")
            valid = False
        if self._languages_known and complete:
            missing = [language for language in self._languages if language not in seen]
            if missing and REQUIRED_LANGUAGE not in missing:
                self.error(node, path, f"the {', '.join(missing)} text is missing (languages lists {', '.join(missing)})")
                valid = False
        return result if valid else INVALID

    # -- the document ------------------------------------------------------------------------

    def check(self, root: Node | None) -> dict[str, Any] | None:
        """Check the document ``root``; return the definition, or None when there are errors."""
        if root is None:
            self.errors.append(SchemaError(self.file, 1, "", "the file is empty; expected a checklist template"))
            return None
        fields = self.mapping(root, "", TOP_LEVEL_REQUIRED, TOP_LEVEL_OPTIONAL, what="a checklist template")
        if fields is None:
            return None
        definition: dict[str, Any] = {}
        definition["format"] = self.required(fields, "format", "", self.format_number)
        definition["key"] = self.required(fields, "key", "", lambda n, p: self.string(
            n, p, pattern=KEBAB_CASE, pattern_text="a key in kebab-case (lowercase letters, digits and hyphens)",
            max_length=MAX_KEY_LENGTH))
        definition["version"] = self.required(fields, "version", "", self.positive_integer)
        definition["languages"] = self.required(fields, "languages", "", self.language_list)
        if definition["languages"] is not INVALID:
            self._languages = tuple(definition["languages"])
            self._languages_known = True
        definition["title"] = self.required(fields, "title", "", self.official_text)
        for key in ("short_title", "source"):
            definition[key] = self.required(fields, key, "", self.text)
        definition["congress"] = self.optional(fields, "congress", "", self.text)
        definition["themes"] = self.required(fields, "themes", "", self.themes)
        definition["question_sets"] = self.required(fields, "question_sets", "", self.question_sets)
        definition["general_questions"] = self.optional(
            fields, "general_questions", "", lambda n, p: self.question_list(n, p, allow_empty=True), default=[]
        )
        definition["items"] = self.required(
            fields, "items", "", lambda n, p: self.items(n, p, definition["themes"], definition["question_sets"],
                                                         definition["version"])
        )
        definition["report"] = self.optional(
            fields, "report", "", lambda n, p: self.report_roles(n, p, definition["question_sets"],
                                                                 definition["general_questions"])
        )
        if self.errors:
            return None
        return definition

    def format_number(self, node: Node, path: str) -> Any:
        value = self.scalar_value(node) if isinstance(node, ScalarNode) else None
        if type(value) is not int or value != FORMAT:
            self.error(node, path, f"expected {FORMAT} (the format this portal reads); found {self.describe(node)}")
            return INVALID
        return value

    def distinct(self, nodes: list[Node], path: str, read: Callable[[Node, str], Any],
                 shown: Callable[[Any], str]) -> tuple[list[Any], bool]:
        """Read each node of a sequence with ``read(node, path)``, refusing a value listed twice.

        Return the values read and whether all were valid; ``shown`` writes a value in the error.
        """
        values: list[Any] = []
        valid = True
        for index, item in enumerate(nodes):
            value = read(item, join_path(path, index))
            if value is INVALID:
                valid = False
            elif value in values:
                self.error(item, join_path(path, index), f"{shown(value)} is listed twice")
                valid = False
            else:
                values.append(value)
        return values, valid

    def language_list(self, node: Node, path: str) -> Any:
        nodes = self.sequence(node, path, "language codes")
        if nodes is None:
            return INVALID
        languages, valid = self.distinct(nodes, path, lambda item, where: self.one_of(item, where, list(LANGUAGES), "language"),
                                         shown=str)
        if valid and REQUIRED_LANGUAGE not in languages:
            self.error(node, path, f"expected the list to include {REQUIRED_LANGUAGE}: English is required")
            valid = False
        return languages if valid else INVALID

    def themes(self, node: Node, path: str) -> Any:
        nodes = self.sequence(node, path, "themes")
        if nodes is None:
            return INVALID
        themes: list[dict[str, Any]] = []
        seen: dict[str, int] = {}
        valid = True
        for index, theme_node in enumerate(nodes):
            theme_path = join_path(path, index)
            fields = self.mapping(theme_node, theme_path, ("code", "title"), what="a theme")
            if fields is None:
                valid = False
                continue
            code = self.required(fields, "code", theme_path, lambda n, p: self.string(
                n, p, pattern=KEBAB_CASE, pattern_text="a theme code in kebab-case", max_length=MAX_THEME_CODE_LENGTH))
            title = self.required(fields, "title", theme_path, self.text)
            if code is not INVALID and code in seen:
                self.error(fields["code"], join_path(theme_path, "code"), f"theme '{code}' is defined twice (first on line {seen[code]})")
                code = INVALID
            if code is not INVALID:
                self.theme_codes = (self.theme_codes or []) + [code]
                seen[code] = line_of(fields["code"])
            if code is INVALID or title is INVALID:
                valid = False
                continue
            themes.append({"code": code, "title": title, "_node": theme_node, "_path": theme_path})
        return themes if valid else INVALID

    def question_sets(self, node: Node, path: str) -> Any:
        if not isinstance(node, MappingNode) or not node.value:
            found = "an empty mapping" if isinstance(node, MappingNode) else self.describe(node)
            self.error(node, path, f"expected a mapping of question set names to lists of questions; found {found}")
            return INVALID
        sets: dict[str, list[dict[str, Any]]] = {}
        valid = True
        for key_node, value_node in node.value:
            name = self.string(key_node, path, pattern=LOWER_CODE,
                               pattern_text="a question set name (lowercase letters, digits, underscore)",
                               max_length=MAX_CODE_LENGTH)
            if name is INVALID:
                valid = False
                continue
            if name in (self.question_set_names or []):
                self.error(key_node, join_path(path, name), "the question set is defined twice")
                valid = False
                continue
            self.question_set_names = (self.question_set_names or []) + [name]
            questions = self.question_list(value_node, join_path(path, name))
            if questions is INVALID:
                valid = False
                continue
            sets[name] = questions
        return sets if valid else INVALID

    def question_list(self, node: Node, path: str, *, allow_empty: bool = False) -> Any:
        nodes = self.sequence(node, path, "questions", allow_empty=allow_empty)
        if nodes is None:
            return INVALID
        earlier: dict[str, dict[str, Any]] = {}
        all_codes = {
            n.value: n for q in nodes if isinstance(q, MappingNode)
            for k, n in q.value if isinstance(k, ScalarNode) and k.value == "code" and isinstance(n, ScalarNode)
        }
        questions: list[dict[str, Any]] = []
        valid = True
        for index, question_node in enumerate(nodes):
            question = self.question(question_node, join_path(path, index), earlier, all_codes)
            if question is INVALID:
                valid = False
                # A later condition on this question is not reported again: its error is already there.
                if isinstance(question_node, MappingNode):
                    for key_node, value_node in question_node.value:
                        if key_node.value == "code" and isinstance(value_node, ScalarNode):
                            earlier.setdefault(value_node.value, None)
                continue
            questions.append(question)
            earlier[question["code"]] = question
        return questions if valid else INVALID

    def max_length(self, node: Node, path: str, question_type: QuestionType | None) -> Any:
        """Read a text question's own limit on the length of its answers, up to its type's ceiling."""
        if question_type is not None and not question_type.takes_max_length:
            self.error(node, path, f"only short_text, long_text and entries questions have a max_length; "
                                   f"this one is {question_type.value}")
            return INVALID
        limit = self.positive_integer(node, path)
        ceiling = LIMIT_CEILINGS.get(question_type.value) if question_type is not None else None
        if limit is not INVALID and ceiling is not None and limit > ceiling:
            what = "an entry" if question_type is QuestionType.ENTRIES else f"a {question_type.value} answer"
            self.error(node, path, f"{what} may be limited to at most {ceiling:,} characters; found {limit:,}")
            return INVALID
        return limit

    def max_entries(self, node: Node, path: str, question_type: QuestionType | None) -> Any:
        """Read an entries question's limit on the number of its entries, up to the ceiling."""
        if question_type is not None and question_type is not QuestionType.ENTRIES:
            self.error(node, path, f"only entries questions have a max_entries; this one is {question_type.value}")
            return INVALID
        limit = self.positive_integer(node, path)
        if limit is not INVALID and limit > MAX_ENTRIES_CEILING:
            self.error(node, path, f"an entries answer may be limited to at most {MAX_ENTRIES_CEILING:,} entries; found {limit:,}")
            return INVALID
        return limit

    def question(self, node: Node, path: str, earlier: dict[str, dict[str, Any]], all_codes: dict[str, Node]) -> Any:
        fields = self.mapping(node, path, QUESTION_REQUIRED, QUESTION_OPTIONAL, what="a question")
        if fields is None:
            return INVALID
        errors_before = len(self.errors)
        code = self.required(fields, "code", path, lambda n, p: self.string(
            n, p, pattern=LOWER_CODE, pattern_text="a question code (lowercase letters, digits, underscore)",
            max_length=MAX_CODE_LENGTH))
        if code is not INVALID and earlier.get(code) is not None:
            self.error(fields["code"], join_path(path, "code"), f"question '{code}' appears twice in this list "
                                                             f"(first on line {earlier[code]['_line']})")
        type_value = self.required(
            fields, "type", path, lambda n, p: self.one_of(n, p, [t.value for t in QuestionType], "question type")
        )
        question_type = QuestionType(type_value) if type_value is not INVALID else None
        question: dict[str, Any] = {
            "code": code,
            "type": type_value,
            "label": self.required(fields, "label", path, self.text),
            "help": self.optional(fields, "help", path, self.text),
            "required": self.optional(fields, "required", path, self.boolean, default=False),
            "when": None,
            "choices": None,
            "placeholder": None,
        }
        if "choices" in fields:
            if question_type is not None and not question_type.has_choices:
                self.error(fields["choices"], join_path(path, "choices"),
                           f"only single_choice and multiple_choice questions have choices; this one is {type_value}")
            else:
                question["choices"] = self.choices(fields["choices"], join_path(path, "choices"))
        elif question_type is not None and question_type.has_choices:
            self.error(node, join_path(path, "choices"), f"required key is missing: a {type_value} question lists its choices")
        if "placeholder" in fields:
            if question_type is not None and not question_type.takes_placeholder:
                self.error(fields["placeholder"], join_path(path, "placeholder"),
                           f"only short_text, long_text and email questions have a placeholder; this one is {type_value}")
            else:
                question["placeholder"] = self.text(fields["placeholder"], join_path(path, "placeholder"))
        if "max_length" in fields:
            limit = self.max_length(fields["max_length"], join_path(path, "max_length"), question_type)
            if limit is not INVALID:
                question["max_length"] = limit
        if "max_entries" in fields:
            most = self.max_entries(fields["max_entries"], join_path(path, "max_entries"), question_type)
            if most is not INVALID:
                question["max_entries"] = most
        if "when" in fields:
            question["when"] = self.condition(fields["when"], join_path(path, "when"), code, earlier, all_codes)
        if len(self.errors) > errors_before:
            return INVALID
        question["_line"] = line_of(fields["code"])
        return question

    def choices(self, node: Node, path: str) -> Any:
        nodes = self.sequence(node, path, "choices, each with a code and a label")
        if nodes is None:
            return INVALID
        choices: list[dict[str, Any]] = []
        seen: set[str] = set()
        valid = True
        for index, choice_node in enumerate(nodes):
            choice_path = join_path(path, index)
            fields = self.mapping(choice_node, choice_path, ("code", "label"), what="a choice")
            if fields is None:
                valid = False
                continue
            code = self.required(fields, "code", choice_path, lambda n, p: self.string(
                n, p, pattern=CHOICE_CODE, pattern_text="a choice code (lowercase letters, digits, underscore)",
                max_length=MAX_CODE_LENGTH))
            label = self.required(fields, "label", choice_path, self.text)
            if code is not INVALID and code in seen:
                self.error(fields["code"], join_path(choice_path, "code"), f"choice '{code}' appears twice in this question")
                code = INVALID
            if code is INVALID or label is INVALID:
                valid = False
                continue
            seen.add(code)
            choices.append({"code": code, "label": label})
        if valid and len(choices) < 2:
            self.error(node, path, "expected at least two choices")
            valid = False
        return choices if valid else INVALID

    def condition(self, node: Node, path: str, own_code: Any, earlier: dict[str, dict[str, Any]],
                  all_codes: dict[str, Node]) -> Any:
        fields = self.mapping(node, path, ("question", "in"), what="a condition")
        if fields is None:
            return INVALID
        target_code = self.required(fields, "question", path, lambda n, p: self.string(
            n, p, pattern=LOWER_CODE, pattern_text="the code of an earlier question"))
        target = None
        if target_code is not INVALID:
            question_path = join_path(path, "question")
            if target_code in earlier and earlier[target_code] is None:
                pass  # the question it depends on has errors of its own, reported already
            elif target_code in earlier:
                target = earlier[target_code]
                if not QuestionType(target["type"]).can_be_condition:
                    self.error(fields["question"], question_path,
                               f"'{target_code}' is a {target['type']} question; a condition needs an earlier "
                               f"single_choice, multiple_choice or yes_no question")
                    target = None
            elif target_code == own_code:
                self.error(fields["question"], question_path, "a question cannot depend on itself")
            elif target_code in all_codes:
                self.error(fields["question"], question_path,
                           f"'{target_code}' comes later in the list (line {line_of(all_codes[target_code])}); "
                           f"a condition may only refer to an earlier question")
            else:
                candidates = [code for code, question in earlier.items() if question is not None]
                self.error(fields["question"], question_path,
                           f"unknown question '{target_code}'{suggest(target_code, candidates)}; expected one of "
                           f"the earlier questions of this list: {', '.join(candidates) or '(none)'}")
        if "in" not in fields:
            return INVALID
        in_path = join_path(path, "in")
        value_nodes = self.sequence(fields["in"], in_path, "answer codes")
        if value_nodes is None:
            return INVALID
        if target is not None:
            allowed = list(YES_NO_CODES) if target["type"] == QuestionType.YES_NO.value else [c["code"] for c in target["choices"]]
        else:
            allowed = None
        values: list[str] = []
        valid = True
        for index, value_node in enumerate(value_nodes):
            value_path = join_path(in_path, index)
            value = self.scalar_value(value_node) if isinstance(value_node, ScalarNode) else INVALID
            if isinstance(value, bool):
                self.error(value_node, value_path,
                           f"found the boolean {'true' if value else 'false'}: YAML reads a bare {value_node.value} "
                           f"as a boolean; write the answer code in quotes: \"{value_node.value}\"")
                valid = False
            elif not isinstance(value, str):
                self.error(value_node, value_path, f"expected an answer code; found {self.describe(value_node)}")
                valid = False
            elif allowed is not None and value not in allowed:
                self.error(value_node, value_path,
                           f"'{value}' is not an answer of '{target_code}'{suggest(value, allowed)}; "
                           f"expected one of: {', '.join(allowed)}")
                valid = False
            elif value in values:
                self.error(value_node, value_path, f"'{value}' is listed twice")
                valid = False
            else:
                values.append(value)
        if not valid or target is None:
            return INVALID
        return {"question": target_code, "in": values}

    def items(self, node: Node, path: str, themes: Any, question_sets: Any, version: Any) -> Any:
        nodes = self.sequence(node, path, "items")
        if nodes is None:
            return INVALID
        theme_codes = self.theme_codes
        set_names = self.question_set_names
        item_codes = {
            n.value for i in nodes if isinstance(i, MappingNode)
            for k, n in i.value if isinstance(k, ScalarNode) and k.value == "code" and isinstance(n, ScalarNode)
        }
        items: list[dict[str, Any]] = []
        codes: dict[str, int] = {}
        paragraphs: dict[int, int] = {}
        valid = True
        for index, item_node in enumerate(nodes):
            item_path = join_path(path, index)
            fields = self.mapping(item_node, item_path, ITEM_REQUIRED, ITEM_OPTIONAL, what="an item")
            if fields is None:
                valid = False
                continue
            errors_before = len(self.errors)
            item = {
                "code": self.required(fields, "code", item_path, lambda n, p: self.string(
                    n, p, pattern=ITEM_CODE, pattern_text="an item code such as AB-12 (capital letter first, "
                                                          "then capitals, digits, hyphens or dots)",
                    max_length=MAX_CODE_LENGTH)),
                "paragraph": self.required(fields, "paragraph", item_path, self.positive_integer),
                "theme": self.required(fields, "theme", item_path, lambda n, p: (
                    self.one_of(n, p, theme_codes, "theme") if theme_codes is not None else self.string(n, p))),
                "addressee": self.required(fields, "addressee", item_path, lambda n, p: self.one_of(
                    n, p, [a.value for a in Addressee], "addressee")),
                "questions": self.required(fields, "questions", item_path, lambda n, p: (
                    self.one_of(n, p, set_names, "question set") if set_names is not None else self.string(n, p))),
                "text": self.required(fields, "text", item_path, self.official_text),
                "replaces": self.optional(fields, "replaces", item_path, lambda n, p: self.string(
                    n, p, pattern=ITEM_CODE, pattern_text="the code of an item of an earlier version",
                    max_length=MAX_CODE_LENGTH)),
            }
            code, paragraph = item["code"], item["paragraph"]
            if code is not INVALID and code in codes:
                self.error(fields["code"], join_path(item_path, "code"), f"item code '{code}' is used twice (first on line {codes[code]})")
            elif code is not INVALID:
                codes[code] = line_of(fields["code"])
            if paragraph is not INVALID and paragraph in paragraphs:
                self.error(fields["paragraph"], join_path(item_path, "paragraph"),
                           f"paragraph {paragraph} is used twice (first on line {paragraphs[paragraph]})")
            elif paragraph is not INVALID:
                paragraphs[paragraph] = line_of(fields["paragraph"])
            replaces = item["replaces"]
            if replaces not in (None, INVALID):
                replaces_path = join_path(item_path, "replaces")
                if version is not INVALID and version == 1:
                    self.error(fields["replaces"], replaces_path,
                               "version 1 has no earlier version; replaces names an item of an earlier version")
                elif replaces in item_codes:
                    self.error(fields["replaces"], replaces_path,
                               f"'{replaces}' is an item of this version; replaces names an item of an earlier "
                               f"version that this version no longer has")
            if len(self.errors) > errors_before:
                valid = False
                continue
            items.append(item)
        if themes is not INVALID and valid:
            used = {item["theme"] for item in items}
            for theme in themes:
                if theme["code"] not in used:
                    self.error(theme["_node"], theme["_path"], f"theme '{theme['code']}' has no items")
                    valid = False
        return items if valid else INVALID

    def report_roles(self, node: Node, path: str, question_sets: Any, general_questions: Any) -> Any:
        """Check the ``report:`` section: each role names questions that exist and have a fitting type."""
        fields = self.mapping(node, path, (), REPORT_KEYS, what="the report roles")
        if fields is None:
            return INVALID
        item_questions: dict[str, str] | None = None
        if question_sets is not INVALID:
            item_questions = {q["code"]: q["type"] for questions in question_sets.values() for q in questions}
        general = {q["code"]: q["type"] for q in general_questions} if general_questions is not INVALID else None
        roles: dict[str, Any] = {}
        valid = True
        for role, types in REPORT_ITEM_ROLES.items():
            roles[role] = self.optional(fields, role, path, lambda n, p, t=types, r=role: self.role_question(
                n, p, item_questions, t, r, "of the question sets"))
        for role, types in {**REPORT_ITEM_LIST_ROLES, **REPORT_GENERAL_LIST_ROLES}.items():
            known, where = (item_questions, "of the question sets") if role in REPORT_ITEM_LIST_ROLES else (
                general, "of general_questions")
            roles[role] = self.optional(fields, role, path, lambda n, p, k=known, t=types, r=role, w=where:
                                        self.role_questions(n, p, k, t, r, w), default=[])
        roles["mandate"] = self.optional(fields, "mandate", path, self.text_list)
        roles["summary"] = self.optional(fields, "summary", path, self.official_text)
        if any(value is INVALID for value in roles.values()):
            valid = False
        return roles if valid else INVALID

    def role_question(self, node: Node, path: str, known: dict[str, str] | None, types: tuple[str, ...], role: str,
                      where: str) -> Any:
        code = self.string(node, path, pattern=LOWER_CODE, pattern_text="a question code")
        if code is INVALID or known is None:
            return code
        if code not in known:
            self.error(node, path, f"unknown question '{code}'{suggest(code, list(known))}; the {role} role names "
                                   f"a question {where}: {', '.join(known) or '(none)'}")
            return INVALID
        if known[code] not in types:
            self.error(node, path, f"'{code}' is a {known[code]} question; the {role} role needs a "
                                   f"{' or '.join(types)} question")
            return INVALID
        return code

    def role_questions(self, node: Node, path: str, known: dict[str, str] | None, types: tuple[str, ...], role: str,
                       where: str) -> Any:
        nodes = self.sequence(node, path, "question codes")
        if nodes is None:
            return INVALID
        codes, valid = self.distinct(nodes, path, lambda item, at: self.role_question(item, at, known, types, role, where),
                                     shown=lambda code: f"'{code}'")
        return codes if valid else INVALID

    def text_list(self, node: Node, path: str) -> Any:
        nodes = self.sequence(node, path, "texts, one per paragraph")
        if nodes is None:
            return INVALID
        texts = [self.official_text(text_node, join_path(path, index)) for index, text_node in enumerate(nodes)]
        return INVALID if any(text is INVALID for text in texts) else texts


def strip_private_keys(definition: dict[str, Any]) -> dict[str, Any]:
    """Return the definition without the checker's bookkeeping (line numbers, nodes)."""

    def clean(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if not k.startswith("_")}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    return clean(definition)
