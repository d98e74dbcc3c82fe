"""Verbs after a relative clause inside the subject: the relative clause ends with its own verb, and the next verb
is the sentence's ("some parcels which were sent to communities where alcohol is restricted contained spirits").
"""

from __future__ import annotations

from portal.reports import reasons
from portal.reports.grammar import Token
from portal.reports.tagging.words import FINITE, past_form

# Words that open a relative clause after a noun.
OPENERS = frozenset("which that who where when".split())


def verb_after_a_passive_in_the_subject(tokens: list[Token]) -> None:
    """A past form right after the participle of a passive ("is restricted", "were overloaded") that a relative clause
    of the subject ends with, before an object, is the sentence's verb, flagged: "some parcels which were sent to
    communities where alcohol is restricted contained spirits and cannabis"."""
    for index in range(3, len(tokens) - 1):
        token, participle, be = tokens[index], tokens[index - 1], tokens[index - 2]
        if token.tag != "VBN" or token.quoted or not past_form(token.lower) or participle.tag != "VBN" \
                or be.lower not in ("is", "are", "was", "were") \
                or not (tokens[index + 1].tag in ("DT", "PRP$", "CD") or tokens[index + 1].tag in ("NN", "NNS")
                        and tokens[index + 1].text.islower()):
            continue
        opener = _opener_of_the_subjects_relative(tokens, index - 2)
        if opener is not None:
            token.tag = "VBD"
            token.uncertain = token.uncertain or reasons.VERB_OR_PARTICIPLE % {"word": token.text}


def _opener_of_the_subjects_relative(tokens: list[Token], index: int) -> int | None:
    """Return where a relative clause opens after a noun before ``index`` in a clause that has no verb before that
    noun (the relative clause is then in the subject), or None."""
    start = index
    while start > 0 and not (tokens[start - 1].text in ",;:" or tokens[start - 1].lower in ("and", "but")
                             and start > 1 and tokens[start - 2].text == ","
                             or tokens[start - 1].lower == "that" and start > 1
                             and tokens[start - 2].tag.startswith("VB")):
        start -= 1  # (back to the clause's start: a comma, ", and", or "that" after a verb: "found that parcels")
    opener = next((i for i in range(start + 1, index) if tokens[i].lower in OPENERS
                   and tokens[i - 1].tag.startswith("NN")), None)
    if opener is None or any(t.tag in FINITE and not t.quoted for t in tokens[start:opener]):
        return None  # (a verb before the relative clause: it is in the object)
    return opener
