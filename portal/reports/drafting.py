"""Writing a draft: the blocks the replies of a cycle can write, each with the answers it came from.

:func:`write_draft` gathers the replies a report includes (in a fixed number of queries, whatever
the number of States) and writes, in document order, the summary, the introduction with the
sentence listing the States that replied, the chapter on action taken by Member States (by State
or by theme), the proposals on future activity and on follow-up, the chapter on the congresses
(their efficiency, the next congress), the conclusions' starting text and the annexes with their
tables. Every chapter's heading is written, for the editor to fill; the printed document leaves out
those with nothing under them (:func:`portal.reports.document.leave_out_empty_headings`), and the
introduction's sentence on the contents names only the others. A statement counting States comes
from their answers only: a question nobody answered writes nothing, and an annex without data is
not written.

The checklist's ``report:`` section (see checklists/README.md) says which questions play which
role; the fixed phrases and starting texts are in ``reports/compiled/texts.en.yaml``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from pathlib import Path
from typing import Any, Iterable

import sqlalchemy as sa
import yaml

from portal.checklists.models import ChecklistItem, ChecklistTemplate
from portal.core import inputs
from portal.core.extensions import db
from portal.cycles.services import cycle_titles
from portal.reports import parts, prose, reasons, speech
from portal.reports.document import empty_headings
from portal.reports.models import BlockKind, BlockOrigin, Report
from portal.reports.selection import included_submissions
from portal.reports.settings import ReportSettings
from portal.states.models import MemberState
from portal.states.services import formal_names
from portal.submissions import rules
from portal.submissions.models import Answer, AnswerRevision, Submission
TEXTS_DIR = Path(__file__).resolve().parents[2] / "reports" / "compiled"
NO_INFORMATION = "no_information"
NOT_ANSWERED = "not_answered"  # a column of the status tables: no status among the choices


@functools.lru_cache(maxsize=8)
def load_texts(language: str = "en") -> dict[str, Any]:
    """Return the fixed phrases and starting texts of compiled reports in ``language`` (English if missing)."""
    path = TEXTS_DIR / f"texts.{language}.yaml"
    if not path.exists():
        path = TEXTS_DIR / "texts.en.yaml"
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@dataclasses.dataclass(frozen=True)
class Source:
    """An answer at the revision a block was written from."""

    answer_id: int
    revision_id: int | None
    revision: int


@dataclasses.dataclass
class Draft:
    """A block as the answers write it, before it is merged into the stored draft."""

    key: str
    kind: BlockKind
    text: str
    origin: BlockOrigin = BlockOrigin.GENERATED
    data: dict[str, Any] | None = None
    sources: list[Source] = dataclasses.field(default_factory=list)
    flags: list[dict[str, Any]] = dataclasses.field(default_factory=list)

    def __post_init__(self) -> None:
        # An answer stored before control characters were refused shows them visibly instead of
        # stopping the compilation (PostgreSQL stores no NUL in a text).
        self.text = inputs.visible(self.text)


@dataclasses.dataclass
class Reply:
    """One included reply: its State (names on the report's date), when it was received, its answers."""

    submission: Submission
    state: MemberState
    list_name: str
    text_name: str
    received: dt.date
    answers: dict[tuple[int | None, str], Answer]
    revision_ids: dict[int, int]

    @property
    def names(self) -> tuple[str, ...]:
        formal = formal_names().get(self.state.code, ("", ""))[0]
        return tuple(name for name in (self.text_name, self.list_name, self.state.list_name, self.state.text_name, formal)
                     if name)

    def answer(self, item_id: int | None, code: str | None) -> Answer | None:
        return self.answers.get((item_id, code)) if code else None

    def value(self, item_id: int | None, code: str | None) -> Any:
        answer = self.answer(item_id, code)
        return answer.value if answer is not None else None

    def source(self, answer: Answer) -> Source:
        return Source(answer.id, self.revision_ids.get(answer.id), answer.revision)


@dataclasses.dataclass
class Roles:
    """The checklist's ``report:`` section: which question codes play which role (None when not named)."""

    status: str | None = None
    quoted: tuple[str, ...] = ()
    challenges: str | None = None
    assistance_needed: str | None = None
    assistance_kinds: str | None = None
    future_activity: tuple[str, ...] = ()
    follow_up: tuple[str, ...] = ()
    congress_efficiency: tuple[str, ...] = ()
    next_congress: tuple[str, ...] = ()
    mandate: tuple[str, ...] = ()
    summary: str | None = None

    @classmethod
    def of(cls, template: ChecklistTemplate, language: str = "en") -> Roles:
        section = (template.definition or {}).get("report") or {}

        def text(value: dict[str, str] | None) -> str | None:
            return (value.get(language) or value.get("en")) if value else None

        congress_efficiency = tuple(section.get("congress_efficiency") or ())
        next_congress = tuple(section.get("next_congress") or ())
        # A question the congress chapter prints is not printed again in the follow-up chapter.
        follow_up = tuple(code for code in section.get("follow_up") or ()
                          if code not in congress_efficiency and code not in next_congress)
        return cls(
            status=section.get("status"),
            quoted=tuple(section.get("quoted") or ()),
            challenges=section.get("challenges"),
            assistance_needed=section.get("assistance_needed"),
            assistance_kinds=section.get("assistance_kinds"),
            future_activity=tuple(section.get("future_activity") or ()),
            follow_up=follow_up,
            congress_efficiency=congress_efficiency,
            next_congress=next_congress,
            mandate=tuple(text(paragraph) for paragraph in section.get("mandate") or ()),
            summary=text(section.get("summary")),
        )


# -- gathering the replies ------------------------------------------------------------------------


def report_day(report: Report, settings: ReportSettings) -> dt.date:
    """Return the day whose names of States the report uses: its date, else its "as at" date, else today."""
    return settings.date or settings.as_at or report.cycle.cutoff_on or dt.date.today()


def gather_replies(report: Report, settings: ReportSettings) -> list[Reply]:
    """Return the replies the report includes, alphabetical by State, with answers and current revisions.

    A fixed number of queries whatever the number of States: the submissions (with their States and
    former names), their answers, and the revision rows of those answers' current revisions.
    """
    day = report_day(report, settings)
    submissions = included_submissions(
        report.cycle, settings.include, settings.as_at or report.cycle.cutoff_on, names_on=day
    )
    ids = [submission.id for submission in submissions]
    answers: dict[int, dict[tuple[int | None, str], Answer]] = {submission_id: {} for submission_id in ids}
    revision_ids: dict[int, int] = {}
    if ids:
        for answer in db.session.scalars(sa.select(Answer).where(Answer.submission_id.in_(ids))):
            answers[answer.submission_id][(answer.item_id, answer.question_code)] = answer
        current = (
            sa.select(AnswerRevision.answer_id, AnswerRevision.id)
            .join(Answer, sa.and_(Answer.id == AnswerRevision.answer_id, Answer.revision == AnswerRevision.revision))
            .where(Answer.submission_id.in_(ids))
        )
        revision_ids = {answer_id: revision_id for answer_id, revision_id in db.session.execute(current)}
    replies = []
    for submission in submissions:
        list_name, text_name = submission.state.names_on(day)
        replies.append(Reply(
            submission=submission, state=submission.state, list_name=list_name, text_name=text_name,
            received=submission.submitted_at.astimezone(dt.timezone.utc).date(),
            answers=answers[submission.id], revision_ids=revision_ids,
        ))
    return replies


# -- writing the blocks ---------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(text: str, values: dict[str, str]) -> str:
    """Replace each known ``{name}`` of ``text`` by its value; unknown ones stay as they are."""
    return _PLACEHOLDER.sub(lambda match: str(values.get(match.group(1), match.group(0))), text)


def _language_text(text: dict[str, str] | None, language: str) -> str:
    if not text:
        return ""
    return text.get(language) or text.get("en") or ""


class Writer:
    """Write the draft of one report from its replies: :meth:`blocks` returns them in document order."""

    def __init__(self, report: Report, settings: ReportSettings, replies: list[Reply]):
        self.report = report
        self.settings = settings
        self.replies = replies
        self.language = settings.language or "en"
        self.texts = load_texts(self.language)
        template = report.cycle.template
        self.template = template
        self.roles = Roles.of(template, self.language)
        self.items: list[ChecklistItem] = list(template.items)
        self.themes = list(template.themes)
        self.values = self._placeholders()
        self.drafts: list[Draft] = []
        for reply in replies:
            self.forget_hidden_answers(reply)
        self.carried_titles = cycle_titles({answer.carried_from_cycle_id for reply in replies
                                            for answer in reply.answers.values()} - {None})

    def forget_hidden_answers(self, reply: Reply) -> None:
        """Drop the answers to questions the reply does not show (a measure left over from a changed status)."""
        groups: dict[int | None, dict[str, Any]] = {}
        for (item_id, code), answer in reply.answers.items():
            groups.setdefault(item_id, {})[code] = answer.value
        questions = {item.id: item.questions for item in self.items}
        for item_id, values in groups.items():
            asked = self.template.general_questions if item_id is None else questions.get(item_id, [])
            shown = {question["code"] for question in rules.shown_questions(asked, values)}
            for code in values:
                if code not in shown:
                    del reply.answers[(item_id, code)]

    def _placeholders(self) -> dict[str, str]:
        settings, template = self.settings, self.template
        as_at = settings.as_at or self.report.cycle.cutoff_on
        return {
            "body": settings.body, "session": settings.session, "title": settings.title,
            "place_and_dates": settings.place_and_dates, "agenda_item": settings.agenda_item,
            "agenda_title": settings.agenda_title,
            "date": prose.un_date(settings.date) if settings.date else "",
            "as_at": prose.un_date(as_at) if as_at else "",
            "cycle_title": self.report.cycle.title,
            "declaration": _language_text(template.short_title, self.language),
            "declaration_title": _language_text(template.title, self.language),
            "source": _language_text(template.source, self.language),
            "congress": _language_text(template.congress, self.language),
        }

    def text(self, *path: str, **values: Any) -> str:
        node: Any = self.texts
        for step in path:
            node = node[step]
        return fill(node, {**self.values, **{key: str(value) for key, value in values.items()}})

    def add(self, key: str, kind: BlockKind, text: str, *, origin: BlockOrigin = BlockOrigin.GENERATED,
            data: dict[str, Any] | None = None, sources: Iterable[Source] = (),
            flags: list[dict[str, Any]] | None = None) -> None:
        unique = list(dict.fromkeys(sources))
        self.drafts.append(Draft(key, kind, text, origin, data, unique, list(flags or ())))

    def add_written(self, key: str, written: list[speech.Written], reply: Reply, answer: Answer) -> None:
        """Add the paragraphs and sub-paragraphs written from an answer: the first under ``key``, the others numbered.

        An answer copied from an earlier cycle's reply and unchanged since flags each of them whole:
        its facts are those of that reply, which the editor checks before printing them as current.
        """
        carried = self.carried_titles.get(answer.carried_from_cycle_id) if answer.carried_from_cycle_id else None
        for number, block in enumerate(written):
            kind = BlockKind.SUBPARAGRAPH if block.subparagraph else BlockKind.PARAGRAPH
            flags = list(block.flags)
            if carried:
                flags.append({"start": 0, "end": len(block.text), "reason": reasons.CARRIED_FORWARD % {"cycle": carried}})
            self.add(key if number == 0 else f"{key}:{number + 1}", kind, block.text, sources=[reply.source(answer)],
                     flags=flags)

    @staticmethod
    def state_names(reply: Reply) -> speech.StateNames:
        return speech.StateNames(reply.text_name, reply.names, formal_names().get(reply.state.code, ("", ""))[1])

    def question(self, code: str | None, *, general: bool = False) -> dict[str, Any] | None:
        """Return the definition of question ``code`` (of the items' sets, or of the general questions)."""
        if not code:
            return None
        if general:
            return next((q for q in self.template.general_questions if q["code"] == code), None)
        for item in self.items:
            for question in item.questions:
                if question["code"] == code:
                    return question
        return None

    def choice_labels(self, code: str | None) -> dict[str, str]:
        question = self.question(code) or {}
        return {choice["code"]: _language_text(choice["label"], self.language) for choice in question.get("choices") or []}

    # -- the document ----------------------------------------------------------------------

    def blocks(self) -> list[Draft]:
        self.summary()
        self.introduction()
        self.add("chapter:action", BlockKind.CHAPTER, self.text("headings", "action"))
        if self.settings.arrangement == "by-theme":
            self.by_theme()
        else:
            self.by_state()
        self.future_activity()
        self.follow_up()
        self.congress()
        self.conclusions()
        self.annexes()
        self.contents()
        return self.drafts

    def summary(self) -> None:
        text = fill(self.roles.summary, self.values) if self.roles.summary else self.text("starting", "summary")
        self.add("summary", BlockKind.SUMMARY, " ".join(text.split()), origin=BlockOrigin.STARTING)

    def introduction(self) -> None:
        self.add("chapter:introduction", BlockKind.CHAPTER, self.text("headings", "introduction"))
        mandate = self.roles.mandate or tuple(self.texts["starting"]["mandate"])
        for number, paragraph in enumerate(mandate, start=1):
            self.add(f"intro:mandate:{number}", BlockKind.PARAGRAPH, " ".join(fill(paragraph, self.values).split()),
                     origin=BlockOrigin.STARTING)
        names = [reply.list_name for reply in self.replies]
        phrase = "replies" if len(names) > 1 else "replies_one" if names else "replies_none"
        self.add("intro:replies", BlockKind.PARAGRAPH, self.text("phrases", phrase, states=prose.join_names(names)))

    # The parts of the report the introduction's sentence on its contents names, in the order it names
    # them, each with the key of its heading.
    CONTENTS = (("action", "chapter:action"), ("follow_up", "chapter:follow-up"),
                ("congress_efficiency", "congress:efficiency"), ("next_congress", "congress:next"),
                ("future_activity", "chapter:future-activity"))

    def contents(self) -> None:
        """Write the introduction's sentence on what the report contains, after the States that replied.

        It names only the chapters and sections that print: those with something under them.
        """
        empty = empty_headings([draft.kind.value for draft in self.drafts])
        printed = {draft.key for index, draft in enumerate(self.drafts) if index not in empty}
        texts = self.texts["starting"]["contents"]
        names = [name for name, heading in self.CONTENTS if heading in printed]
        if {"congress_efficiency", "next_congress"} <= set(names):
            names[names.index("congress_efficiency")] = "congress_both"
            names.remove("next_congress")
        if not names:
            return
        parts = []
        for name in names:
            # "Member States" the first time the sentence speaks of them, "them" afterwards.
            they = texts["they"][1] if any("{they}" in texts[earlier] for earlier in names[:names.index(name)]) \
                else texts["they"][0]
            parts.append(self.text("starting", "contents", name, they=they))
        text = " ".join(self.text("starting", "contents", "sentence", parts=prose.join_names(parts)).split())
        after = next(index for index, draft in enumerate(self.drafts) if draft.key == "intro:replies")
        self.drafts.insert(after + 1, Draft("intro:contents", BlockKind.PARAGRAPH, text, BlockOrigin.STARTING))

    def quoted(self, reply: Reply, item: ChecklistItem) -> list[Answer]:
        """Return the item's answers the report quotes (the roles' long texts), in the roles' order."""
        found = []
        for code in self.roles.quoted:
            answer = reply.answer(item.id, code)
            if answer is not None and isinstance(answer.value, str) and answer.value.strip():
                found.append(answer)
        return found

    def state_paragraphs(self, reply: Reply, item: ChecklistItem, key: str, position: int) -> int:
        """Add what a State said on one item, each answer paragraph a report paragraph; return the next position."""
        for number, answer in enumerate(self.quoted(reply, item)):
            written = speech.answer(answer.value, self.state_names(reply), position)
            self.add_written(key if number == 0 else f"{key}:{answer.question_code}", written, reply, answer)
            position += sum(1 for block in written if not block.subparagraph)
        return position

    def by_state(self) -> None:
        for reply in self.replies:
            position = 0
            for item in self.items:
                position = self.state_paragraphs(reply, item, f"state:{reply.state.code}:{item.code}", position)

    def by_theme(self) -> None:
        total = len(self.replies)
        status_labels = self.status_labels()
        for theme in self.themes:
            items = [item for item in self.items if item.theme_code == theme.code]
            drafts_before = len(self.drafts)
            self.add(f"theme:{theme.code}", BlockKind.SECTION, _language_text(theme.title, self.language))
            for status, phrase in status_labels.items():
                self.status_statement(theme.code, items, status, phrase, total)
            self.challenge_statement(theme.code, items, total)
            for reply in self.replies:
                position = 0
                for item in items:
                    position = self.state_paragraphs(reply, item, f"theme:{theme.code}:state:{reply.state.code}:{item.code}",
                                                     position)
            if len(self.drafts) == drafts_before + 1:
                self.drafts.pop()  # nothing was reported on this theme: no section

    def status_labels(self) -> dict[str, str]:
        """Return the statuses that counted statements report, with the phrase of each ("fully implemented")."""
        names = self.texts["phrases"]["status_names"]
        labels = self.choice_labels(self.roles.status)
        return {code: names.get(code) or label[:1].lower() + label[1:]
                for code, label in labels.items() if code != NO_INFORMATION}

    def status_statement(self, theme: str, items: list[ChecklistItem], status: str, phrase: str, total: int) -> None:
        """Write "Three of the eight States that replied (...) reported that paragraph 36 ... was fully implemented"."""
        reporting: list[tuple[Reply, list[ChecklistItem], list[Source]]] = []
        for reply in self.replies:
            matching = [item for item in items if reply.value(item.id, self.roles.status) == status]
            if matching:
                sources = [reply.source(reply.answer(item.id, self.roles.status)) for item in matching]
                reporting.append((reply, matching, sources))
        if not reporting:
            return
        count = prose.counted_states(len(reporting), total)
        paragraphs = {item.paragraph for _, found, _ in reporting for item in found}
        if len(paragraphs) == 1:
            text = self.text("phrases", "status_single", Count=count, paragraph=next(iter(paragraphs)), status=phrase,
                             states=prose.join_names([reply.text_name for reply, _, _ in reporting]))
        else:
            named = [f"{reply.text_name} ({prose.plural(len(found), 'paragraph')} "
                     f"{prose.join_names([str(item.paragraph) for item in found])})" for reply, found, _ in reporting]
            text = self.text("phrases", "status_several", Count=count, status=phrase, states=prose.join_names(named))
        self.add(f"theme:{theme}:count:{status}", BlockKind.PARAGRAPH, text,
                 sources=[source for _, _, sources in reporting for source in sources])

    def challenge_statement(self, theme: str, items: list[ChecklistItem], total: int) -> None:
        """Write one paragraph counting, per challenge, the States that named it for the theme's paragraphs."""
        code = self.roles.challenges
        if not code:
            return
        # States naming the same challenges are named once: "(...) named x and y as challenges ...".
        grouped: dict[tuple[str, ...], tuple[list[str], list[Source]]] = {}
        for choice, label in self.choice_labels(code).items():
            naming, found = [], []
            for reply in self.replies:
                answers = [reply.answer(item.id, code) for item in items]
                answers = [a for a in answers if a is not None and isinstance(a.value, list) and choice in a.value]
                if answers:
                    naming.append(reply.text_name)
                    found.extend(reply.source(a) for a in answers)
            if naming:
                labels, sources = grouped.setdefault(tuple(naming), ([], []))
                labels.append(label[:1].lower() + label[1:])
                sources.extend(found)
        sentences = [
            self.text("phrases", "challenges", Count=prose.counted_states(len(naming), total),
                      states=prose.join_names(naming), challenges=prose.join_names(labels),
                      as_what=self.texts["phrases"]["challenge_one" if len(labels) == 1 else "challenge_several"])
            for naming, (labels, _) in grouped.items()
        ]
        if sentences:
            self.add(f"theme:{theme}:challenges", BlockKind.PARAGRAPH, " ".join(sentences),
                     sources=[source for _, found in grouped.values() for source in found])

    def future_activity(self) -> None:
        self.add("chapter:future-activity", BlockKind.CHAPTER, self.text("headings", "future_activity"))
        for reply in self.replies:
            for code in self.roles.future_activity:
                self.proposals(reply, reply.answer(None, code), f"future:{reply.state.code}:{code}", "future_activity")
        self.assistance()

    def proposals(self, reply: Reply, answer: Answer | None, key: str, role: str) -> None:
        """Write one State's proposals: the noun phrases lettered under a lead-in, each sentence a paragraph.

        An answer of an ``entries`` question gives its entries; a single text (a checklist version
        before entries) is split into entries as well as can be (its list items, else its paragraphs).
        """
        entries = proposal_entries(answer.value if answer is not None else None)
        if not entries:
            return
        lead_ins = self.texts["phrases"]["proposal_lead_ins"]
        lead_in = lead_ins.get(role) or lead_ins["other"]
        values = {"declaration": self.values["declaration"]}
        written = speech.proposals(entries, self.state_names(reply), fill(lead_in["several"], values),
                                   fill(lead_in["single"], values))
        self.add_written(key, written, reply, answer)

    def assistance(self) -> None:
        """Write the States' needs for technical assistance: a lead-in, then one sub-paragraph per kind.

        Only answers are reported: when no State answered the question, nothing is written; "none
        of the States reported a need" only when some answered it and none said yes.
        """
        needed, kinds_code = self.roles.assistance_needed, self.roles.assistance_kinds
        if not needed or not kinds_code:
            return
        answers = {reply.state.code: [answer for item in self.items
                                      if (answer := reply.answer(item.id, needed)) is not None and answer.value is not None]
                   for reply in self.replies}
        needing = [reply for reply in self.replies if any(answer.value == "yes" for answer in answers[reply.state.code])]
        if not needing:
            answered = [reply.source(answer) for reply in self.replies for answer in answers[reply.state.code]]
            if answered:
                self.add("future:assistance", BlockKind.PARAGRAPH, self.text("phrases", "assistance_none"),
                         sources=answered)
            return
        by_kind = self.assistance_by_kind()
        sources = [reply.source(answer) for reply in needing for answer in answers[reply.state.code]
                   if answer.value == "yes"]
        sources += [source for _, _, found in by_kind.values() for source in found]
        count = prose.counted_states(len(needing), len(self.replies))
        named = prose.join_names([reply.text_name for reply in needing])
        lines = [(kind, names, found) for kind, (names, _, found) in by_kind.items() if names]
        if not lines:  # a need, but no kind said
            self.add("future:assistance", BlockKind.PARAGRAPH,
                     self.text("phrases", "assistance_no_kinds", Count=count, states=named), sources=sources)
            return
        self.add("future:assistance", BlockKind.PARAGRAPH,
                 self.text("phrases", "assistance_lead_in", Count=count, states=named), sources=sources)
        texts = prose.sub_paragraphs([self.text("phrases", "assistance_kind", kind=self.choice_labels(kinds_code)[kind],
                                                states=prose.join_names(names)) for kind, names, _ in lines])
        for (kind, _, found), text in zip(lines, texts):
            self.add(f"future:assistance:{kind}", BlockKind.SUBPARAGRAPH, text, sources=found)

    def assistance_by_kind(self) -> dict[str, tuple[list[str], set[int], list[Source]]]:
        """Return, per kind of assistance, the States (running-text names) needing it, the paragraphs, the sources."""
        needed, kinds_code = self.roles.assistance_needed, self.roles.assistance_kinds
        result: dict[str, tuple[list[str], set[int], list[Source]]] = {
            kind: ([], set(), []) for kind in self.choice_labels(kinds_code)
        }
        for reply in self.replies:
            for item in self.items:
                if reply.value(item.id, needed) != "yes":
                    continue
                kinds_answer = reply.answer(item.id, kinds_code)
                for kind in (kinds_answer.value if kinds_answer is not None and isinstance(kinds_answer.value, list) else []):
                    if kind not in result:
                        continue
                    names, paragraphs, sources = result[kind]
                    if reply.text_name not in names:
                        names.append(reply.text_name)
                    paragraphs.add(item.paragraph)
                    sources.extend([reply.source(reply.answer(item.id, needed)), reply.source(kinds_answer)])
        return result

    def follow_up(self) -> None:
        self.add("chapter:follow-up", BlockKind.CHAPTER, self.text("headings", "follow_up"))
        self.general_paragraphs("follow-up", self.roles.follow_up, "follow_up")

    def congress(self) -> None:
        """Write the chapter on the congresses (chapter VI of E/CN.15/2011/15), when the checklist names its roles.

        Section A gives the suggestions on the efficiency of the congresses, section B those on the
        overall theme, the agenda items and the topics for the workshops of the next congress.
        """
        sections = (("efficiency", "congress_efficiency", self.roles.congress_efficiency),
                    ("next", "next_congress", self.roles.next_congress))
        if not any(codes for _, _, codes in sections):
            return
        self.add("chapter:congress", BlockKind.CHAPTER, self.text("headings", "congress"))
        for key, heading, codes in sections:
            if codes:
                self.add(f"congress:{key}", BlockKind.SECTION, self.text("headings", heading))
                self.general_paragraphs(f"congress:{key}", codes, heading)

    def general_paragraphs(self, prefix: str, codes: Iterable[str], role: str) -> None:
        """Write each State's proposals on the general questions of ``codes`` (the lead-ins of ``role``)."""
        for reply in self.replies:
            for code in codes:
                self.proposals(reply, reply.answer(None, code), f"{prefix}:{reply.state.code}:{code}", role)

    def conclusions(self) -> None:
        self.add("chapter:conclusions", BlockKind.CHAPTER, self.text("headings", "conclusions"))
        for number, paragraph in enumerate(self.texts["starting"]["conclusions"], start=1):
            self.add(f"conclusions:{number}", BlockKind.PARAGRAPH, " ".join(fill(paragraph, self.values).split()),
                     origin=BlockOrigin.STARTING)

    # -- annexes -------------------------------------------------------------------------------

    def annexes(self) -> None:
        """Write the annexes that have data: the States that replied, the statuses, the technical assistance."""
        tables = self.texts["tables"]
        if self.replies:
            self.add("annex:states", BlockKind.ANNEX, self.text("headings", "annex_states"))
            rows = [[reply.list_name, self.group_name(reply.state), prose.un_date(reply.received)]
                    for reply in self.replies]
            self.add("annex:states:table", BlockKind.TABLE, tables["states_caption"],
                     data=table(tables["states_caption"], tables["states_columns"], rows))
        if self.roles.status:
            self.status_tables()
        if self.roles.assistance_needed and self.roles.assistance_kinds:
            self.assistance_table()

    def group_name(self, state: MemberState) -> str:
        return self.texts["regional_groups"].get(state.regional_group.value, state.regional_group.value)

    def status_tables(self) -> None:
        """Write the annex of statuses reported, by theme and by regional group, with their charts; none without a status.

        The columns are the statuses, the total of statuses reported, then apart "No information"
        and "Not answered" (items asking a status that the reply left without one). The charts count
        the paragraphs reported as fully or partially implemented.
        """
        tables, code = self.texts["tables"], self.roles.status
        labels = self.choice_labels(code)
        statuses = {choice: label for choice, label in labels.items() if choice != NO_INFORMATION}
        apart = {NO_INFORMATION: labels[NO_INFORMATION]} if NO_INFORMATION in labels else {}
        apart[NOT_ANSWERED] = tables["not_answered"]
        asked = [item for item in self.items if code in {question["code"] for question in item.questions}]
        asked_themes = {item.theme_code for item in asked}
        by_theme = {theme.code: dict.fromkeys([*statuses, *apart], 0) for theme in self.themes
                    if theme.code in asked_themes}
        by_group: dict[str, dict[str, int]] = {}
        sources = []
        for reply in self.replies:
            counts = by_group.setdefault(self.group_name(reply.state), dict.fromkeys([*statuses, *apart], 0))
            for item in asked:
                answer = reply.answer(item.id, code)
                column = answer.value if answer is not None and answer.value in labels else NOT_ANSWERED
                by_theme[item.theme_code][column] += 1
                counts[column] += 1
                if column != NOT_ANSWERED:
                    sources.append(reply.source(answer))
        if not any(counts[status] for counts in by_theme.values() for status in statuses):
            return  # no State reported a status: no annex of zeros
        self.add("annex:status", BlockKind.ANNEX, self.text("headings", "annex_status"))
        columns = [*statuses.values(), tables["total"], *apart.values()]
        implemented = [value for value in ("fully", "partially") if value in statuses]

        def row(first: str, counts: dict[str, int]) -> list[Any]:
            return [first, *(counts[status] for status in statuses), sum(counts[status] for status in statuses),
                    *(counts[column] for column in apart)]

        titles = {theme.code: _language_text(theme.title, self.language) for theme in self.themes}
        theme_rows = [row(titles[theme], counts) for theme, counts in by_theme.items()]
        chart = {"title": tables["status_theme_chart"], "labels": [titles[theme] for theme in by_theme],
                 "values": [sum(counts[v] for v in implemented) for counts in by_theme.values()],
                 "unit": tables["unit_paragraphs"]}
        self.add("annex:status:theme", BlockKind.TABLE, tables["status_theme_caption"], sources=sources,
                 data=table(tables["status_theme_caption"], [tables["status_theme_first"], *columns], theme_rows, chart))
        group_order = [self.texts["regional_groups"][key] for key in self.texts["regional_groups"]]
        groups = sorted(by_group, key=lambda name: group_order.index(name) if name in group_order else len(group_order))
        group_rows = [row(group, by_group[group]) for group in groups]
        chart = {"title": tables["status_group_chart"], "labels": groups,
                 "values": [sum(by_group[group][v] for v in implemented) for group in groups],
                 "unit": tables["unit_paragraphs"]}
        self.add("annex:status:group", BlockKind.TABLE, tables["status_group_caption"], sources=sources,
                 data=table(tables["status_group_caption"], [tables["status_group_first"], *columns], group_rows, chart))

    def assistance_table(self) -> None:
        """Write the annex of technical assistance needed, by kind; none when no State needs any."""
        tables = self.texts["tables"]
        by_kind = self.assistance_by_kind()
        if not any(names for names, _, _ in by_kind.values()):
            return  # no State needs assistance: no annex of zeros
        self.add("annex:assistance", BlockKind.ANNEX, self.text("headings", "annex_assistance"))
        labels = self.choice_labels(self.roles.assistance_kinds)
        rows = [[labels[kind], len(names), len(paragraphs), ", ".join(names)]
                for kind, (names, paragraphs, _) in by_kind.items()]
        chart = {"title": tables["assistance_chart"], "labels": [row[0] for row in rows],
                 "values": [row[1] for row in rows], "unit": tables["unit_states"]}
        sources = [source for _, _, found in by_kind.values() for source in found]
        self.add("annex:assistance:table", BlockKind.TABLE, tables["assistance_caption"], sources=sources,
                 data=table(tables["assistance_caption"], tables["assistance_columns"], rows, chart))


def proposal_entries(value: Any) -> list[str]:
    """Return the proposals of an answer: the entries of a list, or a single text split into entries."""
    if isinstance(value, list):
        return [entry.strip() for entry in value if isinstance(entry, str) and entry.strip()]
    if isinstance(value, str) and value.strip():
        return parts.split_entries(value)
    return []


def table(caption: str, columns: list[str], rows: list[list[Any]], chart: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return the ``data`` of a table block, in the shape the renderer draws."""
    return {"caption": caption, "columns": list(columns), "rows": rows, "chart": chart}


def write_draft(report: Report) -> list[Draft]:
    """Return the blocks the replies write for ``report``, in document order, without storing anything."""
    settings = ReportSettings.from_json(report.settings)
    return Writer(report, settings, gather_replies(report, settings)).blocks()


# -- merging into the stored draft ----------------------------------------------------------------
