"""The prose check: what in a report's paragraphs breaks the rules of the Secretary-General's reports.

:func:`check_prose` reads plain data, the blocks in document order with the States their sources
come from, and the names of the States that replied, and returns for each block what it finds:

- a State named twice in one sentence (after the first mention it is "it" or "its");
- a State's paragraph whose first sentence does not name the State followed by a reporting verb in
  the past ("Canada reported", "Furthermore, Canada indicated", "With regard to X, Canada noted");
- a list of sub-paragraphs that does not follow its lead-in paragraph, and so is not lettered from (a);
- a paragraph of more than 250 words;
- a verb in the present tense in reported speech, outside quotation marks (see :mod:`portal.reports.grammar`).

:func:`check_report` gathers those data from a stored report; the editor shows its findings on each
block and ``flask report check`` counts them. Starting texts no editor has changed are the
Secretariat's own words and are not checked, except as part of a list.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
import json
import os
import re
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import sqlalchemy as sa
from flask import current_app, has_app_context
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from portal.core.extensions import db
from portal.reports import grammar, tagging
from portal.reports.document import Block as PrintedBlock
from portal.reports.document import Document, Part, footnote_spans, number_document
from portal.reports.drafting import report_day
from portal.reports.models import BlockKind, BlockOrigin, Report, ReportBlock, ReportBlockSource
from portal.reports.settings import ReportSettings
from portal.states.models import MemberState
from portal.submissions.models import Answer, Submission

MAX_WORDS = 250
# A State paragraph: a paragraph or sub-paragraph written from the answers of one State.
STATE_KINDS = frozenset({BlockKind.PARAGRAPH.value, BlockKind.SUBPARAGRAPH.value})
TEXT_KINDS = frozenset({BlockKind.PARAGRAPH.value, BlockKind.SUBPARAGRAPH.value, BlockKind.SUMMARY.value})

# Verbs (in the past) and phrases that report what a State said, as the report's paragraphs open.
REPORTING_VERBS = (
    "reported", "noted", "indicated", "stated", "referred to", "stressed", "underlined", "underscored",
    "highlighted", "emphasized", "emphasised", "confirmed", "considered", "proposed", "suggested", "recommended",
    "welcomed", "supported", "expressed", "mentioned", "added", "recalled", "provided information",
    "provided details", "provided data", "provided an overview", "gave information", "gave details",
    "gave an overview", "acknowledged", "advocated", "affirmed", "reaffirmed", "agreed", "believed", "called for",
    "called on", "called upon", "commended", "encouraged", "favoured", "favored", "hoped", "insisted", "invited",
    "opposed", "recognized", "recognised", "reiterated", "rejected", "requested", "took note", "urged", "viewed",
    "wished", "identified", "described", "explained", "informed", "announced", "pointed out", "drew attention",
    "observed", "outlined", "specified", "clarified", "declared", "asserted", "maintained", "cited", "listed",
    "presented", "shared", "communicated", "replied", "responded", "argued", "concluded", "conveyed", "detailed",
    "elaborated", "summarized", "summarised", "made the following", "submitted information", "made one",
    "was of the view", "were of the view", "was of the opinion", "strongly supported", "did not support",
    "had not supported", "regretted", "appreciated", "thanked",
)
# Reporting verbs in the negative, after "did not" ("Czechia did not support ..."); after "had not", those above.
NEGATED_VERBS = ("support", "agree", "consider", "believe", "favour", "favor", "recommend", "propose", "suggest",
                 "see", "share", "accept", "endorse", "wish", "think", "find", "report", "indicate", "expect")
# Adverbs that may stand between the State and its reporting verb ("Canada also noted").
ADVERBS = ("also", "further", "furthermore", "additionally", "moreover", "specifically", "again", "similarly",
           "likewise", "particularly", "subsequently", "explicitly", "expressly", "briefly", "finally", "equally")

# Directional formatting characters and the typographic apostrophe are read as a space and "'",
# one for one, so that the offsets of what is found are those of the stored text.
_READ_AS = str.maketrans({**{chr(code): " " for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
                          "\u2019": "'"})
_QUOTATION = re.compile(r"\u201c[^\u201d]*\u201d|\u00ab[^\u00bb]*\u00bb|\"[^\"]*\"")
# What a list may follow instead of its lead-in paragraph, in the reader's language (the findings are interface text:
# the editor shows them in its reader's language, the command line in English).
_KIND_NAMES = {"summary": _l("the summary"), "chapter": _l("a chapter heading"), "section": _l("a section heading"),
               "subsection": _l("a sub-section heading"), "annex": _l("an annex heading"), "table": _l("a table")}
_PAST_OF = {"is": "was", "are": "were", "am": "was", "has": "had", "have": "had", "will": "would", "can": "could",
            "may": "might", "shall": "should", "does": "did", "do": "did"}


@dataclasses.dataclass(frozen=True)
class Finding:
    """A fault of a block's text: where (offsets into the text; None for the whole block), what and which rule."""

    start: int | None
    end: int | None
    message: str
    rule: str


@dataclasses.dataclass(frozen=True)
class ProseBlock:
    """A printed block as the check reads it.

    ``states`` are the codes of the States its sources come from; ``sourced`` tells whether it was
    written from answers (reported speech); ``checked`` is False for a text not to check (a starting
    text no editor changed), which still counts in the numbering of lists.
    """

    kind: str
    text: str
    states: frozenset[str] = frozenset()
    sourced: bool = False
    checked: bool = True

    @property
    def state(self) -> str | None:
        """The code of the one State the block speaks for, if its sources come from one State."""
        return next(iter(self.states)) if len(self.states) == 1 else None


def _word_pattern(phrase: str) -> str:
    return r"\s+".join(re.escape(word) for word in phrase.split())


def _bare(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)


@functools.lru_cache(maxsize=64)
def _names_pattern(names: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """Return a pattern finding any of the States' names (with or without "the"), and the State of each name."""
    codes: dict[str, str] = {}
    for code, state_names in names:
        for name in state_names:
            bare = " ".join(_bare(name).split())
            if bare:
                codes.setdefault(bare, code)
    alternatives = sorted(codes, key=len, reverse=True)  # "Equatorial Guinea" before "Guinea"
    if not alternatives:
        return re.compile(r"(?!x)x"), codes
    pattern = r"(?<![\w-])(?:[Tt]he\s+)?(?P<name>" + "|".join(_word_pattern(n) for n in alternatives) + r")(?![\w-])"
    return re.compile(pattern), codes


def _frozen_names(names: Mapping[str, Iterable[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(sorted((code, tuple(sorted(set(found)))) for code, found in names.items()))


@functools.lru_cache(maxsize=256)
def _opening_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Return the pattern of a State paragraph's opening: an optional lead-in, the State, a reporting verb."""
    state = "|".join(_word_pattern(_bare(name)) for name in sorted(set(names), key=len, reverse=True) if _bare(name))
    verbs = "|".join(_word_pattern(verb) for verb in sorted(REPORTING_VERBS, key=len, reverse=True))
    adverbs = "|".join(ADVERBS) + r"|\w+ly"  # "also", "further", "strongly", "fully"
    negated = "|".join(_word_pattern(verb) for verb in sorted(NEGATED_VERBS, key=len, reverse=True))
    return re.compile(
        r"\s*(?:[^.;:!?]{1,160}?,\s+)?"  # "Furthermore, " "With regard to gender violence, "
        r"(?:[^.;:!?()]{0,160}\(\s*)?"  # "One of the eight States that replied (" before the State in brackets
        r"(?:[Tt]he\s+)?(?:Government\s+of\s+(?:the\s+)?)?"
        rf"(?:{state})(?:'s\s+Government)?\s*\)?\s+"
        rf"(?:(?:{adverbs})\s+)*"
        rf"(?:(?:had\s+not\s+(?:(?:{adverbs})\s+)*)?(?:{verbs})|did\s+not\s+(?:(?:{adverbs})\s+)*(?:{negated}))(?![\w-])"
    )


def _read(text: str) -> str:
    return text.translate(_READ_AS)


def _runs(text: str) -> list[tuple[int, int]]:
    """Return the spans of the running text and of each footnote: sentences do not run from one into another."""
    return [(start, end) for start, end, _ in footnote_spans(text)]


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    tokens = grammar.tokens_of(text[start:end])
    return [(start + sentence[0].start, start + sentence[-1].end) for sentence in grammar.sentences_of(tokens) if sentence]


def _quotations(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _QUOTATION.finditer(text)]


def states_named_twice(text: str, names: Mapping[str, Iterable[str]]) -> list[Finding]:
    """Find each State named again in a sentence that already names it ("the Government of X" names X)."""
    read = _read(text)
    pattern, codes = _names_pattern(_frozen_names(names))
    quoted = _quotations(read)
    findings = []
    for run_start, run_end in _runs(read):
        for start, end in _sentences(read, run_start, run_end):
            seen: dict[str, str] = {}
            for match in pattern.finditer(read, start, end):
                if any(left <= match.start() < right for left, right in quoted):
                    continue  # a title or the State's own words, kept as written
                name = " ".join(match.group("name").split())
                code = codes[name]
                if code in seen:
                    findings.append(Finding(
                        match.start("name"), match.end("name"),
                        _("%(name)s is named twice in this sentence: after the first mention, write \u201cit\u201d or "
                          "\u201cits\u201d.", name=name),
                        "state-named-twice"))
                else:
                    seen[code] = name
    return findings


def missing_reporting_verb(text: str, names: Iterable[str]) -> list[Finding]:
    """Find a State paragraph whose first sentence does not open with the State and a reporting verb in the past."""
    names = tuple(name for name in names if name and name.strip())
    if not names:
        return []
    read = _read(text)
    runs = _runs(read)
    if not runs:
        return []
    first = _sentences(read, *runs[0])
    start, end = first[0] if first else runs[0]
    if _opening_pattern(names).match(read[start:end]):
        return []
    return [Finding(start, end,
                    _("The first sentence does not name the State followed by a reporting verb in the past "
                      "(\u201creported\u201d, \u201cnoted\u201d, \u201cindicated\u201d, \u201cstated\u201d ...)."),
                    "no-reporting-verb")]


def too_long(text: str, limit: int = MAX_WORDS) -> list[Finding]:
    """Find a paragraph of more than ``limit`` words (footnotes not counted)."""
    count = sum(len(re.findall(r"\w+(?:[-'\u2019.,]\w+)*", text[start:end]))
                for start, end, is_note in footnote_spans(text) if not is_note)
    if count <= limit:
        return []
    return [Finding(None, None, ngettext("This paragraph has %(num)d word, more than %(limit)d: split it.",
                                         "This paragraph has %(num)d words, more than %(limit)d: split it.", count,
                                         limit=limit), "too-long")]


def _present_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Return :func:`grammar.present_tense` of ``text``, from the cache when it is there.

    Tagging costs about 10 ms a paragraph, seconds for a report of 193 States: the spans are kept
    in memory and, in the application, on disk under CACHE_DIR (shared by the web processes),
    under the digest of the text and of the grammar's code and dictionaries.
    """
    folder = None
    if has_app_context():
        folder = str(Path(current_app.config["CACHE_DIR"]) / "prose-check")
    return _cached_spans(text, folder)


@functools.lru_cache(maxsize=1)
def _grammar_fingerprint() -> str:
    digest = hashlib.sha256()
    files = [Path(grammar.__file__), *sorted(Path(tagging.__file__).parent.glob("*.py"))]
    for path in files:  # the tagging's code: a change to any of it gives other spans
        digest.update(path.read_bytes())
    for distribution in ("lemminflect", "textblob"):
        digest.update(b"\0" + importlib.metadata.version(distribution).encode())
    return digest.hexdigest()


@functools.lru_cache(maxsize=8192)
def _cached_spans(text: str, folder: str | None) -> tuple[tuple[int, int], ...]:
    path = None
    if folder is not None:
        key = hashlib.sha256(_grammar_fingerprint().encode() + b"\0" + text.encode()).hexdigest()
        path = Path(folder) / f"{key}.json"
        try:
            return tuple((start, end) for start, end in json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            pass  # not cached yet (or unreadable): tag it
    spans = tuple(grammar.present_tense(text))
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            written = path.with_suffix(f".{os.getpid()}.tmp")
            written.write_text(json.dumps(spans), encoding="utf-8")
            os.replace(written, path)  # whole or not at all, for a process reading it meanwhile
        except OSError:
            pass  # a cache that cannot be written only costs time
    return spans


# After a verb or noun of proposing and "that", a verb in its bare form is the subjunctive the report keeps
# ("Argentina proposed that efforts be made"; rule 6 of tests/reports/corpus/README.md), not the present.
_PROPOSING_THAT = re.compile(
    r"\b(?:propos|suggest|recommend|request|urg|insist|ask|demand|requir)\w*(?:\s+[\w,]+){0,4}?\s+that\s[^.;:!?]*$",
    re.IGNORECASE)


def _subjunctive(text: str, start: int, end: int) -> bool:
    word = text[start:end].lower()
    if word != "be" and grammar.verb_lemma(word) != word:
        return False
    return _PROPOSING_THAT.search(text, 0, start) is not None


def present_tense(text: str) -> list[Finding]:
    """Find the verbs in the present tense of a paragraph in reported speech, outside quotation marks.

    A bare verb in a that-clause after a verb or noun of proposing is the subjunctive, not the present.
    """
    read = _read(text)
    findings = []
    for run_start, run_end, is_note in footnote_spans(read):
        if is_note:
            continue
        for start, end in _present_spans(read[run_start:run_end]):
            if _subjunctive(read, run_start + start, run_start + end):
                continue
            word = read[run_start + start:run_start + end]
            past = _past(word)
            message = (_("\u201c%(word)s\u201d is in the present tense: reported speech puts it in the past "
                         "(\u201c%(past)s\u201d).", word=word, past=past) if past else
                       _("\u201c%(word)s\u201d is in the present tense: reported speech puts it in the past.", word=word))
            findings.append(Finding(run_start + start, run_start + end, message, "present-tense"))
    return findings


def _past(word: str) -> str:
    lower = word.lower()
    if lower in _PAST_OF:
        return _PAST_OF[lower]
    lemma = grammar.verb_lemma(lower)
    return grammar.inflect(lemma, "VBD") if lemma else ""


def lettering(blocks: Sequence[ProseBlock]) -> list[list[Finding]]:
    """Find lists of sub-paragraphs that, as printed, do not follow a lead-in paragraph ending with a colon.

    The printed letters restart at (a) after each numbered paragraph (see
    :func:`portal.reports.document.number_document`); a list after anything else goes on with the
    letters of the list before it, or has no lead-in.
    """
    printed = [PrintedBlock(kind=block.kind, text=block.text) for block in blocks]
    number_document(Document(kind="report", settings=ReportSettings(), parts=[Part(key="check", blocks=printed)]))
    findings: list[list[Finding]] = [[] for _ in blocks]
    for index, block in enumerate(blocks):
        if block.kind != BlockKind.SUBPARAGRAPH.value:
            continue
        before = blocks[index - 1] if index else None
        if before is not None and before.kind == BlockKind.SUBPARAGRAPH.value:
            continue  # inside a list: its first sub-paragraph carries what is wrong with it
        label = printed[index].label
        if before is None or before.kind != BlockKind.PARAGRAPH.value:
            what = _("the start of the report") if before is None else _KIND_NAMES.get(before.kind, before.kind)
            message = (_("This list has no lead-in paragraph: it follows %(what)s.", what=what) if label == "(a)" else
                       _("This list is lettered from %(label)s, not from (a): it follows %(what)s, not a lead-in "
                         "paragraph.", label=label, what=what))
            findings[index].append(Finding(None, None, message, "lettering"))
        elif not _read(before.text).rstrip().endswith(":"):
            findings[index].append(Finding(
                None, None, _("The paragraph before this list does not end with a colon: it does not read as the list's "
                              "lead-in."),
                "lettering"))
    return findings


def check_prose(blocks: Sequence[ProseBlock], names: Mapping[str, Iterable[str]]) -> list[list[Finding]]:
    """Return the findings of each of ``blocks`` (the printed blocks, in document order).

    ``names`` gives, by State code, the names of the States ("Czech Republic", "the Czech Republic",
    former names): at least those of the report's replies, and those of the States whose names hold
    theirs ("Equatorial Guinea" for "Guinea"); a block's sources tell its State.
    """
    names = {code: tuple(found) for code, found in names.items()}
    results = lettering(blocks)
    for block, findings in zip(blocks, results):
        if not block.checked or block.kind not in TEXT_KINDS:
            continue
        findings[:0] = states_named_twice(block.text, names)
        state = block.state
        if block.kind == BlockKind.PARAGRAPH.value and state is not None and state in names:
            findings.extend(missing_reporting_verb(block.text, names[state]))
        findings.extend(too_long(block.text))
        if block.sourced:
            findings.extend(present_tense(block.text))
        findings.sort(key=lambda finding: (finding.start is not None, finding.start or 0))
    return results


# -- a stored report ----------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class ReportCheck:
    """What the prose check finds in a stored report: findings by block id, and its State paragraphs' ids.

    A State paragraph is a paragraph or sub-paragraph written from the answers of one State.
    """

    findings: dict[int, list[Finding]]
    state_paragraphs: frozenset[int]

    @property
    def faulty(self) -> int:
        """The number of blocks with at least one finding."""
        return sum(1 for found in self.findings.values() if found)


def block_states(report: Report) -> dict[int, frozenset[str]]:
    """Return, by block id, the codes of the States whose answers each block of ``report`` came from (one query)."""
    rows = db.session.execute(
        sa.select(ReportBlockSource.block_id, MemberState.code)
        .join(ReportBlock, ReportBlock.id == ReportBlockSource.block_id)
        .join(Answer, Answer.id == ReportBlockSource.answer_id)
        .join(Submission, Submission.id == Answer.submission_id)
        .join(MemberState, MemberState.id == Submission.state_id)
        .where(ReportBlock.report_id == report.id)
        .distinct()
    )
    found: dict[int, set[str]] = {}
    for block_id, code in rows:
        found.setdefault(block_id, set()).add(code)
    return {block_id: frozenset(codes) for block_id, codes in found.items()}


def state_names(report: Report) -> dict[str, tuple[str, ...]]:
    """Return, by code, the names of every State: on the report's day (as its paragraphs name them) and today.

    Every State, not only those of the report's replies, so that a name inside another ("Guinea" in
    "Equatorial Guinea") is read as the longer one, and a State a paragraph mentions twice is found too.
    """
    day = report_day(report, ReportSettings.from_json(report.settings))
    states = db.session.scalars(sa.select(MemberState).options(sa.orm.selectinload(MemberState.former_names)))
    return {state.code: tuple(dict.fromkeys((*state.names_on(day), state.list_name, state.text_name)))
            for state in states}


def check_report(report: Report, blocks: Sequence[ReportBlock] | None = None, *,
                 only: Iterable[int] | None = None) -> ReportCheck:
    """Check the prose of ``report``'s printed blocks (``blocks``: those, in document order, if already loaded).

    ``only``: the ids of the blocks whose text to check (all when None); lists are checked throughout.
    """
    if blocks is None:
        blocks = sorted(report.blocks, key=lambda b: (b.position, b.id or 0))
    blocks = [block for block in blocks if not block.deleted]
    wanted = None if only is None else set(only)
    states = block_states(report)
    names = state_names(report)
    prose = [ProseBlock(
        kind=block.kind.value, text=block.text, states=states.get(block.id, frozenset()),
        sourced=block.id in states,
        checked=(block.origin is not BlockOrigin.STARTING or block.edited) and (wanted is None or block.id in wanted),
    ) for block in blocks]
    results = check_prose(prose, names)
    state_paragraphs = frozenset(block.id for block, entry in zip(blocks, prose)
                                 if entry.kind in STATE_KINDS and entry.state is not None)
    return ReportCheck({block.id: found for block, found in zip(blocks, results)}, state_paragraphs)
