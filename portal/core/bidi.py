"""Isolating user text from the text around it, for the Unicode bidirectional algorithm (UAX #9).

A text typed by a user may hold right-to-left letters and directional formatting characters. An
embedding or override it leaves open (U+202A to U+202E, closed by U+202C) or an isolate (U+2066 to
U+2068, closed by U+2069) would turn the text printed after it, the portal's own words or the next
answer, until the end of the paragraph. So every piece of user text that holds either is printed as
an isolate: FIRST STRONG ISOLATE (U+2068), the text, a closing character for everything it left
open, POP DIRECTIONAL ISOLATE (U+2069). Inside, the text takes its own direction; outside, it is one
neutral character. Text without right-to-left letters or formatting characters cannot change the
direction of anything around it and is printed as it is. The stored text is never changed: isolation
is applied where the text is printed (web pages, PDFs, e-mails) or written into a report's draft.
"""

from __future__ import annotations

import unicodedata

from jinja2 import pass_eval_context
from jinja2.nodes import EvalContext
from markupsafe import Markup, escape

LRE, RLE, PDF, LRO, RLO = "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
EMBEDDINGS = frozenset({LRE, RLE, LRO, RLO})
ISOLATES = frozenset({LRI, RLI, FSI})
CLOSING = frozenset({PDF, PDI})

# Bidirectional classes that can change the direction of text around them.
_DIRECTIONAL = frozenset({"R", "AL", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})


def needs_isolation(text: str) -> bool:
    """Tell whether ``text`` holds a right-to-left letter or a directional formatting character."""
    return any(unicodedata.bidirectional(character) in _DIRECTIONAL for character in text)


def closers(text: str) -> str:
    """Return the characters that close what ``text`` leaves open, innermost first ("" when nothing is).

    As the bidirectional algorithm pairs them: U+202C closes the last embedding or override opened
    inside the current isolate, U+2069 the last open isolate with everything opened inside it.
    """
    stack: list[str] = []
    for character in text:
        if character in EMBEDDINGS:
            stack.append(PDF)
        elif character in ISOLATES:
            stack.append(PDI)
        elif character == PDF:
            if stack and stack[-1] == PDF:
                stack.pop()
        elif character == PDI and PDI in stack:
            while stack.pop() != PDI:
                pass
    return "".join(reversed(stack))


def isolate(text: str) -> str:
    """Return ``text`` as an isolate (FSI, text, closers, PDI) if it needs one, else unchanged."""
    if not text or not needs_isolation(text):
        return text
    return f"{FSI}{text}{closers(text)}{PDI}"


def split_isolate(text: str) -> tuple[str, str, str]:
    """Split an isolated text into (opening, text, closing); a text that is not isolated gives ("", text, "")."""
    if not text.startswith(FSI) or not text.endswith(PDI):
        return "", text, ""
    end = len(text) - 1
    while end > 1 and text[end - 1] in CLOSING:
        end -= 1
    return FSI, text[1:end], text[end:]


@pass_eval_context
def isolate_filter(context: EvalContext, text: object) -> str:
    """The Jinja filter ``isolate`` of pages, PDF designs and e-mails: ``text`` isolated (and escaped in HTML).

    Markup (a block of a template, under ``{% filter isolate %}``) stays markup, isolated as a whole.
    """
    wrap = isolate_for_page
    if isinstance(text, Markup):
        return Markup(wrap(str(text)))
    if context.autoescape:
        return Markup(wrap(str(escape(text))))
    return wrap(str(text))


def isolate_for_page(text: str) -> str:
    """Return ``text`` isolated as the page's language needs: right-to-left text always, left-to-right text too on a
    right-to-left page."""
    return _isolate_on_right_to_left_pages(text) if _reading_right_to_left() else isolate(text)


def reader_locale():
    """Return the locale of the page or mail being written (None outside an application context: English)."""
    from flask import has_app_context
    from flask_babel import get_locale

    return get_locale() if has_app_context() else None


def _reading_right_to_left() -> bool:
    """Tell whether the text is printed for a reader of a right-to-left language (the page's locale)."""
    locale = reader_locale()
    return locale is not None and locale.character_order == "right-to-left"


def _isolate_on_right_to_left_pages(text: str) -> str:
    """On a right-to-left page, left-to-right text ("Salvador (2026)", an English law title) is isolated too, so
    that its brackets and full stops stay where it put them."""
    if text and any(unicodedata.bidirectional(character) == "L" for character in text):
        return f"{FSI}{text}{closers(text)}{PDI}"
    return isolate(text)


def direction(text: str) -> str:
    """Return the direction of ``text`` by its first strong letter ("rtl" for Arabic, else "ltr"), as the
    bidirectional algorithm's rule P2 finds it, for the ``dir`` of an element whose text is printed as isolates."""
    for character in str(text or ""):
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"
