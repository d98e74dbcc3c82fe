"""A template version as plain data in one language, for the browsing page and the blank PDF.

Templates render these objects and nothing else: they never reach the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from flask_babel import gettext as _

from portal.checklists.models import YES_NO_CODES, Addressee, ChecklistTemplate, QuestionType
from portal.checklists.schema import REQUIRED_LANGUAGE
from portal.core.wording import any_of

LANGUAGE_NAMES = {
    "ar": "العربية",
    "zh": "中文",
    "en": "English",
    "fr": "Français",
    "ru": "Русский",
    "es": "Español",
}
RIGHT_TO_LEFT = frozenset({"ar"})


@dataclass(frozen=True)
class Choice:
    code: str
    label: str


@dataclass(frozen=True)
class Question:
    code: str
    type: QuestionType
    label: str
    help: str | None
    placeholder: str | None
    is_required: bool
    condition: str | None  # in words; None when the question is always shown
    rule: str  # "Required", "Optional", or the condition with what it implies
    choices: list[Choice] = field(default_factory=list)

    @property
    def type_label(self) -> str:
        return str(self.type.label)


@dataclass(frozen=True)
class Item:
    code: str
    paragraph: int
    text: str
    addressee: Addressee
    question_set: str
    questions: list[Question]
    replaces: str | None
    text_language: str = REQUIRED_LANGUAGE  # the language of ``text``: English where no official text is in the language

    @property
    def addressee_label(self) -> str:
        return str(self.addressee.label)


@dataclass(frozen=True)
class Theme:
    code: str
    title: str
    items: list[Item]
    position: int

    @property
    def letter(self) -> str:
        """The theme's section letter, as UN documents letter sections: A, B, ... Z, AA, AB, ..."""
        return section_letter(self.position)

    @property
    def paragraphs(self) -> str:
        """The theme's paragraph numbers, with runs shortened: "8-10, 25"."""
        return paragraph_ranges([item.paragraph for item in self.items])


@dataclass(frozen=True)
class QuestionSet:
    name: str
    questions: list[Question]
    paragraphs: str


@dataclass(frozen=True)
class ChecklistOutline:
    key: str
    version: int
    language: str
    languages: list[str]
    title: str
    short_title: str
    source: str
    congress: str | None
    themes: list[Theme]
    question_sets: list[QuestionSet]
    general_questions: list[Question]
    imported_at: dt.datetime
    locked_at: dt.datetime | None
    content_hash: str
    source_file: str

    @property
    def items(self) -> list[Item]:
        return [item for theme in self.themes for item in theme.items]

    @property
    def is_right_to_left(self) -> bool:
        return self.language in RIGHT_TO_LEFT

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None


def choose_language(languages: list[str], wanted: str | None) -> str:
    """Return ``wanted`` when the template carries it, else English."""
    return wanted if wanted in languages else REQUIRED_LANGUAGE


def paragraph_ranges(numbers: list[int]) -> str:
    """Write paragraph numbers as a list of runs: [8, 9, 10, 25] -> "8-10, 25"."""
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs)


def section_letter(position: int) -> str:
    """Return the letter of section ``position`` (1 -> A, 26 -> Z, 27 -> AA)."""
    letters = ""
    while position > 0:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _join_alternatives(words: list[str]) -> str:
    """Join words as alternatives: "A", "A or B", "A, B or C", in the reader's language."""
    return any_of(words)


def _answer_labels(target: dict[str, Any], codes: list[str], language: str) -> list[str]:
    if target["type"] == QuestionType.YES_NO.value:
        names = dict(zip(YES_NO_CODES, (_("Yes"), _("No"))))
        return [names[code] for code in codes]
    labels = {choice["code"]: _text(choice["label"], language) for choice in target["choices"]}
    return [labels[code] for code in codes]


def _quote(text: str) -> str:
    return _("“%(text)s”", text=text)


def describe_condition(question: dict[str, Any], earlier: dict[str, dict[str, Any]], language: str) -> str | None:
    """Say in words when ``question`` is shown (and, when required, that it is required then)."""
    when = question.get("when")
    if not when:
        return None
    target = earlier[when["question"]]
    target_label = _quote(_text(target["label"], language))
    answers = _join_alternatives([_quote(label) for label in _answer_labels(target, when["in"], language)])
    required = question["required"]
    if target["type"] == QuestionType.MULTIPLE_CHOICE.value:
        if required:
            return _("Shown and required when the answers to %(question)s include %(answers)s",
                     question=target_label, answers=answers)
        return _("Shown when the answers to %(question)s include %(answers)s", question=target_label, answers=answers)
    if target["type"] == QuestionType.YES_NO.value:
        if required:
            return _("Shown and required when the answer to %(question)s is %(answers)s",
                     question=target_label, answers=answers)
        return _("Shown when the answer to %(question)s is %(answers)s", question=target_label, answers=answers)
    if required:
        return _("Shown and required when %(question)s is %(answers)s", question=target_label, answers=answers)
    return _("Shown when %(question)s is %(answers)s", question=target_label, answers=answers)


def build_questions(questions: list[dict[str, Any]], language: str) -> list[Question]:
    """Turn a stored list of questions into plain data in ``language``, with conditions in words."""
    built: list[Question] = []
    earlier: dict[str, dict[str, Any]] = {}
    for question in questions:
        condition = describe_condition(question, earlier, language)
        if condition:
            rule = condition
        else:
            rule = _("Required") if question["required"] else _("Optional")
        built.append(
            Question(
                code=question["code"],
                type=QuestionType(question["type"]),
                label=_text(question["label"], language),
                help=_text(question["help"], language) if question.get("help") else None,
                placeholder=_text(question["placeholder"], language) if question.get("placeholder") else None,
                is_required=bool(question["required"]),
                condition=condition,
                rule=rule,
                choices=[Choice(c["code"], _text(c["label"], language)) for c in question.get("choices") or []],
            )
        )
        earlier[question["code"]] = question
    return built


def _text(text: dict[str, str], language: str) -> str:
    return text.get(language) or text[REQUIRED_LANGUAGE]


def text_language(text: dict[str, str], language: str) -> str:
    """Return the language in which ``text`` is shown to a reader of ``language``: English where it has no such text
    (the official texts of a declaration in the other languages may come later)."""
    return language if text.get(language) else REQUIRED_LANGUAGE


def build_outline(template: ChecklistTemplate, language: str) -> ChecklistOutline:
    """Return the template version as plain data in ``language`` (English where it has no such text)."""
    language = choose_language(template.languages, language)
    question_cache: dict[str, list[Question]] = {}

    def questions_of(item) -> list[Question]:
        # Items of one set share their questions: build them once.
        if item.question_set not in question_cache:
            question_cache[item.question_set] = build_questions(item.questions, language)
        return question_cache[item.question_set]

    items_by_theme: dict[str, list[Item]] = {}
    for stored in template.items:
        items_by_theme.setdefault(stored.theme_code, []).append(
            Item(
                code=stored.code,
                paragraph=stored.paragraph,
                text=_text(stored.text, language),
                addressee=stored.addressee,
                question_set=stored.question_set,
                questions=questions_of(stored),
                replaces=stored.replaces,
                text_language=text_language(stored.text, language),
            )
        )
    themes = [
        Theme(code=theme.code, title=_text(theme.title, language), items=items_by_theme.get(theme.code, []),
              position=position)
        for position, theme in enumerate(template.themes, start=1)
    ]
    set_paragraphs: dict[str, list[int]] = {}
    for stored in template.items:
        set_paragraphs.setdefault(stored.question_set, []).append(stored.paragraph)
    question_sets = [
        QuestionSet(name=name, questions=question_cache[name], paragraphs=paragraph_ranges(numbers))
        for name, numbers in set_paragraphs.items()
    ]
    return ChecklistOutline(
        key=template.key,
        version=template.version,
        language=language,
        languages=list(template.languages),
        title=_text(template.title, language),
        short_title=_text(template.short_title, language),
        source=_text(template.source, language),
        congress=_text(template.congress, language) if template.congress else None,
        themes=themes,
        question_sets=question_sets,
        general_questions=build_questions(template.general_questions, language),
        imported_at=template.imported_at,
        locked_at=template.locked_at,
        content_hash=template.content_hash,
        source_file=template.source_file,
    )
