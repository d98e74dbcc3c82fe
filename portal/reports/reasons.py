"""The reasons the report's engine gives when it asks the editor to check a place it was not sure of.

The engine writes the report in English and stores each flag's reason with the compiled report, in English: it runs
outside any request (the worker, the benchmark, the corpus tests) and a report outlives the language of whoever
compiled it. Each reason is one of the templates below, filled with the words it is about; the editor's pages show
it in the reader's language with :func:`translated`, which recognises the template in the stored text. A stored reason
that is no template (one written before a template changed) is shown as stored, in English, and marked so.

``N_`` marks a template for the message catalogues (``make messages`` extracts it) without translating it here.
"""

from __future__ import annotations

import functools
import re

from flask_babel import gettext

from portal.core.bidi import isolate_for_page


def N_(message: str) -> str:
    """Mark ``message`` for extraction into the catalogues; return it unchanged (it is translated where shown)."""
    return message


# A word of the answer: the tagger read it one way and may be wrong.
TENSE_MAY_BE_NOUN = N_("check the tense of \u2018%(word)s\u2019: it may be a noun")
TENSE = N_("check the tense of \u2018%(word)s\u2019")
VERB_OR_PARTICIPLE = N_("check \u2018%(word)s\u2019: the verb, or a participle of a noun phrase?")
MAY_BE_PRESENT = N_("check \u2018%(word)s\u2019: it may be a verb in the present")
READ_AS_NOUN = N_("check \u2018%(word)s\u2019: it is read as a noun, not as a verb")
READ_AS_NOUN_GAPPED = N_("check \u2018%(word)s\u2019: it is read as a noun, the verb of the clause before left out")
WHICH_IS_THE_VERB = N_("check \u2018%(words)s\u2019: which of the two is the verb?")
NO_VERB = N_("check this sentence: no verb was found in it")
# What the words of the answer refer to.
REFERS_TO_NOTHING = N_("check what \u2018%(word)s\u2019 refers to: the paragraph names nothing before it")
REFERS_TO_UNPRINTED = N_("check what \u2018%(words)s\u2019 refers to: the report does not print what the answer was about")
INSTITUTION_UNNAMED = N_("check what \u2018%(words)s\u2019 refers to: the answer names none before")
WE_BEFORE = N_("check who \u2018we\u2019 is: the State, or the institution named before it")
WE_AFTER = N_("check who \u2018we\u2019 is: the State, or the institution named after it")
I_IS_STATE = N_("check who \u2018I\u2019 is: the report speaks of the State")
CAPITAL = N_("check \u2018%(word)s\u2019: a name keeps its capital, a common word takes none after \u2018that\u2019")
STATE_IN_NAME = N_("check \u2018%(word)s\u2019: the State is named again, in a name; \u2018its\u2019 may read better")
STATE_AS_PLACE = N_("check \u2018%(word)s\u2019: the paragraph has named the State; \u2018the country\u2019 may read "
                    "better")
AUTHORITIES = N_("check \u2018%(words)s\u2019: the answer wrote \u2018%(adjective)s authorities\u2019")
# The answer as a whole.
NOT_ENGLISH = N_("check this answer: it is not in English, or holds right-to-left text, and is printed as written")
BEGAN_WITH_NO = N_("check this answer: it began with \u2018No\u2019, which the report does not print")
LIST_FROM_FIGURES = N_("check the list: it was read from figures without a sentence")
RUN_IN_HEADING = N_("check the words before the colon: they are read as a heading")
CARRIED_FORWARD = N_("unchanged since the reply to \u201c%(cycle)s\u201d: the State carried this answer forward; "
                     "check that its facts are still current")

TEMPLATES = (TENSE_MAY_BE_NOUN, TENSE, VERB_OR_PARTICIPLE, MAY_BE_PRESENT, READ_AS_NOUN, READ_AS_NOUN_GAPPED,
             WHICH_IS_THE_VERB, NO_VERB, REFERS_TO_NOTHING, REFERS_TO_UNPRINTED, INSTITUTION_UNNAMED, WE_BEFORE,
             WE_AFTER, I_IS_STATE, CAPITAL, STATE_IN_NAME, STATE_AS_PLACE, AUTHORITIES, NOT_ENGLISH, BEGAN_WITH_NO,
             LIST_FROM_FIGURES, RUN_IN_HEADING, CARRIED_FORWARD)

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


@functools.lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """Return a pattern for each template, the templates with more fixed text first: "check the tense of ‘x’: it may
    be a noun" is that template, not "check the tense of ‘…’" with a word that runs to the end."""
    patterns = []
    for template in sorted(TEMPLATES, key=lambda t: len(_PLACEHOLDER.sub("", t)), reverse=True):
        pieces, position = [], 0
        for match in _PLACEHOLDER.finditer(template):
            pieces.append(re.escape(template[position:match.start()]))
            pieces.append(f"(?P<{match.group(1)}>.+?)")
            position = match.end()
        pieces.append(re.escape(template[position:]))
        patterns.append((re.compile("".join(pieces), re.DOTALL), template))
    return patterns


def parse(reason: str) -> tuple[str, dict[str, str]] | None:
    """Return the template of a stored reason and the words filled into it (None when it is no template)."""
    for pattern, template in _patterns():
        match = pattern.fullmatch(reason)
        if match:
            return template, match.groupdict()
    return None


def translated(reason: str) -> tuple[str, bool]:
    """Return a stored reason in the reader's language, and whether it is translated (False: shown as stored)."""
    found = parse(reason)
    if found is None:
        return reason, False
    template, words = found
    return gettext(template, **{name: isolate_for_page(word) for name, word in words.items()}), True
