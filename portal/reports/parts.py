"""The parts of an answer as a State types it: paragraphs, lists with their lead-in, headings.

A focal point writes paragraphs separated by blank lines or line breaks, lists with any marker
("(a)", "a)", "1.", "1)", "-", "*", "•") or inline ("... : (a) x; (b) y; and (c) z"), and sometimes a
heading line above a paragraph. The report prints each paragraph as one paragraph, each list as a
lead-in and lettered sub-paragraphs, and a heading as the introductory phrase of the paragraph after
it (see tests/reports/corpus/README.md).
"""

from __future__ import annotations

import dataclasses
import re

from portal.reports import grammar, reasons

# A list marker at the start of a line: (a) a) a. (1) 1) 1. (i) i) - * • – —
_MARKER = re.compile(r"^\s*(?:\((?:[a-z]|[ivx]+|\d{1,2})\)|(?:[a-z]|\d{1,2})[.)](?=\s)|[ivx]+\)|[-*\u2022\u2013\u2014\u25aa\u25cf\u00b7])\s+",
                     re.IGNORECASE)
_INLINE = re.compile(r"(?:(?<=\s)|^)\((?P<letter>[a-z]|\d{1,2}|[ivx]+)\)\s+")
_SENTENCE_END = ".!?\u2026"


@dataclasses.dataclass
class Part:
    """A paragraph of an answer (``items`` empty), or a list with its lead-in (``text``, possibly empty)."""

    text: str
    items: list[str] = dataclasses.field(default_factory=list)
    heading: str = ""
    unsure: str = ""  # why the editor should check how the part was read

    @property
    def is_list(self) -> bool:
        return bool(self.items)


def lines_of(answer: str) -> list[str]:
    """Return the non-blank lines of ``answer``, each with its spaces tidied."""
    return [" ".join(line.split()) for line in answer.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            if line.strip()]


def is_item(line: str) -> bool:
    return bool(_MARKER.match(line))


def strip_marker(line: str) -> str:
    return _MARKER.sub("", line, count=1).strip()


def marker_kind(line: str) -> str:
    """Return the kind of a line's list marker: "letter", "number", "roman" or "bullet"."""
    match = _MARKER.match(line)
    if not match:
        return ""
    marker = match.group(0).strip().strip("().")
    if marker.isdigit():
        return "number"
    if re.fullmatch(r"[ivx]+", marker, re.IGNORECASE) and marker.lower() != "i" or marker.lower() == "i" and "(" in match.group(0):
        return "roman"
    return "letter" if marker.isalpha() else "bullet"


def clean_item(item: str) -> str:
    """Remove what closes a list item in the answer (";", ",", "; and", "and"): the report sets its own."""
    item = re.sub(r"^(?:and|or)\s+", "", item.strip())
    item = re.sub(r"(?:[;,]\s*)?\b(?:and|or)\s*$", "", item).strip()
    return item.rstrip(";,").strip()


def is_heading(line: str, following: str | None) -> bool:
    """Tell whether ``line`` is a heading: a few words, no sentence end, and a paragraph after it."""
    if following is None or is_item(following) or is_item(line):
        return False
    bare = line.rstrip(":").strip()
    if not bare or bare[-1] in _SENTENCE_END + ";," or len(bare.split()) > 8:
        return False
    return bare[:1].isupper() or bare[:1].isdigit()


def inline_list(paragraph: str) -> tuple[str, list[str]] | None:
    """Split "lead-in: (a) x; (b) y; and (c) z." or "lead-in: x; y; and z." into lead-in and items."""
    markers = list(_INLINE.finditer(paragraph))
    if len(markers) >= 2 and markers[0].group("letter").lower() in ("a", "1", "i"):
        lead = paragraph[:markers[0].start()].strip()
        items = [paragraph[m.end():(markers[i + 1].start() if i + 1 < len(markers) else len(paragraph))]
                 for i, m in enumerate(markers)]
        return lead, [clean_item(item) for item in items if clean_item(item)]
    head, colon, rest = paragraph.partition(":")
    if colon and head and not re.search(r"https?$", head):
        pieces = [piece.strip() for piece in rest.split(";")]
        if re.fullmatch(r"[\d\s/.-]+", head):  # "2010: 45 cases; 2011: 61 cases": figures, no lead-in
            pieces = [piece.strip() for piece in paragraph.split(";")]
            if len(pieces) >= 3 and all(pieces):
                return "", [clean_item(piece) for piece in pieces]
            return None
        if len(pieces) >= 3 and all(pieces):
            return head.strip() + ":", [clean_item(piece) for piece in pieces]
    return None


def parts_of(answer: str) -> list[Part]:
    """Split an answer into its paragraphs and lists, in order; headings go to the part after them."""
    lines = lines_of(answer)
    parts: list[Part] = []
    heading = ""
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        if is_item(line):
            items: list[str] = []
            kind = marker_kind(line)
            while index < len(lines) and ((is_item(lines[index]) and marker_kind(lines[index]) == kind)
                                          or (items and not is_item(lines[index]) and _continues(lines[index], items[-1]))):
                if is_item(lines[index]):
                    items.append(strip_marker(lines[index]))
                else:
                    items[-1] += " " + lines[index]
                index += 1
            lead = ""
            if parts and not parts[-1].is_list and parts[-1].text.rstrip().endswith(":") and not heading:
                previous = parts.pop()
                lead, heading = previous.text, previous.heading
            parts.append(Part(lead, [clean_item(item) for item in items if clean_item(item)], heading))
            heading = ""
            continue
        if is_heading(line, following) and not heading:
            heading = line.rstrip(":").strip()
            index += 1
            continue
        found = inline_list(line)
        title = _run_in_heading(line) if not found and not heading else None
        if found:
            parts.append(Part(found[0], found[1], heading,
                              "" if found[0] else reasons.LIST_FROM_FIGURES))
        elif title:
            parts.append(Part(title[1], heading=title[0],
                              unsure=reasons.RUN_IN_HEADING))
        else:
            parts.append(Part(line, heading=heading))
        heading = ""
        index += 1
    if heading:  # a last line that looked like a heading is a paragraph after all
        parts.append(Part(heading))
    return parts


def _run_in_heading(line: str) -> tuple[str, str] | None:
    """Split "Measures adopted to prevent urban crime: The Ministry has ..." into a heading and its sentence."""
    head, colon, rest = line.partition(":")
    rest = rest.strip()
    if not colon or not rest or not rest[:1].isalpha() or rest[-1:] not in _SENTENCE_END:
        return None
    if len(head.split()) > 10 or any(mark in head for mark in ".;!?") or re.search(r"https?$|\d$", head):
        return None
    if re.search(r"\b(is|are|was|were|has|have|had|will|can|include|includes|we|our|us|they)\b", head, re.IGNORECASE):
        return None  # a sentence introducing what follows, not a heading
    if rest[:1].islower() and _has_finite_verb(head):
        return None  # "We launched in 2023 a verification of letters: every letter ...": a sentence and its colon
    return head.strip(), rest


def _has_finite_verb(text: str) -> bool:
    """Tell whether the tagger reads a verb in the present or the past in ``text``."""
    return any(token.tag in ("VBZ", "VBP", "VBD", "MD") and not token.quoted
               for sentence in grammar.sentences_of(grammar.tokens_of(text)) for token in grammar.tag(sentence))


def _continues(line: str, item: str) -> bool:
    """Tell whether a line without a marker continues the list item before it (the item did not end a sentence)."""
    return bool(item) and item.rstrip()[-1:] not in _SENTENCE_END + ";" and line[:1].islower()


def split_entries(text: str) -> list[str]:
    """Split a single text into entries, one proposal each: its list items, else its paragraphs.

    This is what an answer written before the proposal questions took entries becomes: "We
    propose: (a) x; (b) y" gives ["We propose:", "x", "y"]; the lead-in is kept as an entry of its
    own, so that nothing the State wrote is lost.
    """
    entries: list[str] = []
    for part in parts_of(text):
        if part.heading:
            entries.append(part.heading)
        if part.text:
            entries.append(part.text)
        entries.extend(part.items)
    return entries
