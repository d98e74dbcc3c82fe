"""What the editor marks on a paragraph: the spans the engine flagged, and how the generated text differs from the answers.

Plain data for the templates, which escape every piece of text they print: nothing here builds HTML.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
from typing import Any, Sequence

from portal.core.bidi import isolate, split_isolate
from portal.reports import parts, reasons
from portal.reports.document import Block as PrintedBlock
from portal.reports.document import footnote_spans
from portal.reports.models import BlockOrigin
from portal.reports.services import BlockRow, SourceLine
from portal.review.reply import AnswerText

# Directional formatting characters the drafting puts around a State's words: not words of their own.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


@dataclasses.dataclass(frozen=True)
class Piece:
    """A run of a paragraph's text; ``flags`` are the numbers (from 1) of the flags covering it."""

    text: str
    flags: tuple[int, ...] = ()
    # The flags whose span ends here: their number is printed after the piece, for readers who cannot hover.
    ends: tuple[int, ...] = ()


@dataclasses.dataclass(frozen=True)
class MarkedSegment:
    """A plain run or a footnote of the printed paragraph (as :class:`portal.reports.document.Segment`), in pieces.

    The segment is isolated as a whole, as where it is printed without marks (``opening`` before the
    pieces, ``closing`` after them: see portal.core.bidi), so that a mark never changes its direction.
    """

    footnote: int | None
    pieces: list[Piece]
    opening: str = ""
    closing: str = ""


@dataclasses.dataclass(frozen=True)
class FlagNote:
    """A flag as the list under the paragraph shows it: its number, the words it covers and the reason."""

    number: int
    words: str
    reason: str  # in English, as the engine stored it

    @functools.cached_property
    def _in_reader_language(self) -> tuple[str, bool]:
        return reasons.translated(self.reason)  # once per note: the page shows it in a tooltip and in the list

    @property
    def shown(self) -> str:
        """The reason in the reader's language (as stored when it is no template of :mod:`portal.reports.reasons`)."""
        return self._in_reader_language[0]

    @property
    def translated(self) -> bool:
        """Whether :attr:`shown` is in the reader's language (False: the stored English text)."""
        return self._in_reader_language[1]


def flag_notes(text: str, flags: Sequence[dict[str, Any]]) -> list[FlagNote]:
    """Return the flags of a paragraph whose text is ``text``, numbered from 1, with the words each covers."""
    return [FlagNote(number, text[flag["start"]:flag["end"]], flag.get("reason") or "")
            for number, flag in enumerate(flags, start=1)]


def flagged_segments(printed: PrintedBlock, flags: Sequence[dict[str, Any]]) -> list[MarkedSegment]:
    """Return the printed paragraph's segments cut into pieces at the flags' offsets (offsets into ``printed.text``).

    A flag over a footnote's marks marks what is printed of it on each side; an empty flag marks nothing.
    """
    spans = footnote_spans(printed.text)
    marked = []
    for segment, (start, end, _is_note) in zip(printed.segments, spans):
        cuts = {start, end}
        for flag in flags:
            if flag["start"] < flag["end"]:
                cuts.update(offset for offset in (flag["start"], flag["end"]) if start < offset < end)
        ordered = sorted(cuts)
        pieces = []
        for left, right in zip(ordered, ordered[1:]):
            covering = tuple(number for number, flag in enumerate(flags, start=1)
                             if flag["start"] <= left and right <= flag["end"] and flag["start"] < flag["end"])
            ending = tuple(number for number in covering if flags[number - 1]["end"] == right
                           or (right == end and flags[number - 1]["end"] > end))
            pieces.append(Piece(printed.text[left:right], covering, ending))
        opening, _, closing = split_isolate(isolate(printed.text[start:end]))
        marked.append(MarkedSegment(segment.footnote, pieces, opening, closing))
    return marked


# -- the answers beside the generated text -------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Run:
    """Words that are the same on both sides (``kind`` "equal"), only in the answer ("delete") or only in the report ("insert")."""

    kind: str
    text: str


@dataclasses.dataclass(frozen=True)
class Comparison:
    """The answers behind a paragraph (one list of runs per answer) and its generated text, compared word by word."""

    answers: list[list[Run]]
    generated: list[Run]


def answer_words(text: AnswerText | None) -> str:
    """Return the words of a long-text answer as one string ("" for another kind of answer or no answer)."""
    if text is None or text.kind != "text":
        return ""
    return "\n\n".join(" ".join(lines) for lines in text.paragraphs)


def answer_part(text: AnswerText | None, generated: str) -> str:
    """Return the paragraph or line of a long-text answer that a generated block was written from.

    One answer paragraph gives one report paragraph, and a list gives a lead-in and sub-paragraphs:
    the block is compared with the line of the answer closest to it, not with the whole answer.
    """
    if text is None or text.kind != "text":
        return ""
    lines = [parts.strip_marker(line) for lines in text.paragraphs for line in lines if line.strip()]
    if len(lines) <= 1:
        return answer_words(text)
    target = [_key(word) for word in generated.split()]

    def likeness(line: str) -> float:
        return difflib.SequenceMatcher(None, [_key(word) for word in line.split()], target, autojunk=False).ratio()

    return max(lines, key=likeness)


def _key(word: str) -> str:
    return _BIDI_CONTROLS.sub("", word)


def _runs(items: list[tuple[str, str]]) -> list[Run]:
    """Join consecutive words of the same kind into runs."""
    runs: list[Run] = []
    for kind, word in items:
        if runs and runs[-1].kind == kind:
            runs[-1] = Run(kind, f"{runs[-1].text} {word}")
        else:
            runs.append(Run(kind, word))
    return runs


def compare_words(answers: Sequence[str], generated: str) -> Comparison:
    """Compare the words of ``answers`` (in order, as one text) with those of ``generated``.

    Words the report leaves out are "delete" runs of the answers; words it adds or changes are
    "insert" runs of the generated text. Directional formatting characters do not count.
    """
    left: list[tuple[int, str]] = [(index, word) for index, answer in enumerate(answers) for word in answer.split()]
    right = generated.split()
    matcher = difflib.SequenceMatcher(None, [_key(word) for _, word in left], [_key(word) for word in right],
                                      autojunk=False)
    answer_items: list[list[tuple[str, str]]] = [[] for _ in answers]
    generated_items: list[tuple[str, str]] = []
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        kind = "equal" if operation == "equal" else None
        for index, word in left[i1:i2]:
            answer_items[index].append((kind or "delete", word))
        for word in right[j1:j2]:
            generated_items.append((kind or "insert", word))
    return Comparison([_runs(items) for items in answer_items], _runs(generated_items))


@dataclasses.dataclass(frozen=True)
class SideBySide:
    """A generated paragraph beside the long-text answers it came from, at the revisions it used."""

    answers: list[tuple[SourceLine, list[Run]]]
    generated: list[Run]


def side_by_side(generated_text: str | None, sources: Sequence[SourceLine]) -> SideBySide | None:
    """Compare a block's generated text with its long-text answers as used; None when it has none to compare."""
    if not generated_text:
        return None
    used = []
    for source in sources:
        answer = source.used if source.used is not None or source.has_changed else source.current
        words = answer_part(answer, generated_text)
        if words:
            used.append((source, words))
    if not used:
        return None
    comparison = compare_words([words for _, words in used], generated_text)
    return SideBySide([(source, runs) for (source, _), runs in zip(used, comparison.answers)], comparison.generated)


# -- the editor's page ----------------------------------------------------------------------------------------


def flag_marks(rows: Sequence[BlockRow]) -> tuple[dict[int, list[MarkedSegment]], dict[int, list[FlagNote]]]:
    """Return, by block id, the flagged paragraphs' text cut at the flags and the list of their flags."""
    segments: dict[int, list[MarkedSegment]] = {}
    notes: dict[int, list[FlagNote]] = {}
    for row in rows:
        flags = row.block.open_flags
        if not flags or row.printed is None:
            continue
        notes[row.block.id] = flag_notes(row.block.generated_text or "", flags)
        if row.block.text == row.block.generated_text:
            segments[row.block.id] = flagged_segments(row.printed, flags)
    return segments, notes


def comparisons_of(rows: Sequence[BlockRow], sources: dict[int, list[SourceLine]], ids: set[int | None]
                   ) -> dict[int, SideBySide]:
    """Return, by block id, the generated text beside its answers, for the blocks ``ids`` that have long-text answers."""
    found: dict[int, SideBySide] = {}
    for row in rows:
        if row.block.id in ids and row.block.origin is BlockOrigin.GENERATED:
            compared = side_by_side(row.block.generated_text, sources.get(row.block.id, []))
            if compared is not None:
                found[row.block.id] = compared
    return found
