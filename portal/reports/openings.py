"""The introductory phrase that opens an answer's first sentence ("Since 2009, ...", "With regard to victims, ..."),
which the report puts after "that" between commas ("Canada reported that, since 2009, it had provided ..."), and
the commas that close no such phrase: inside a name ("the Ministry of Women, Family and Community Development"),
after a phrase that no comma closes ("In 2010 the Working Group, which ...").
"""

from __future__ import annotations

from typing import Sequence

from portal.reports import grammar
from portal.reports.grammar import Token
from portal.reports.sentences import TIME_SHIFT
from portal.reports.tagging.phrases import single_phrase
from portal.reports.tagging.words import CLAUSE_BOUNDARIES, FINITE, QUANTIFIERS, TIME_NOUNS, year

# Words that may open an introductory phrase (or clause) before the subject of a first sentence.
INTRO_OPENERS = frozenset("""
together without unlike alongside beyond across against besides since in with regarding concerning as after before
during following through under to for by at on from within if when while although though whereas once unless because
where between among given despite throughout until upon pursuant according moreover furthermore however additionally
due owing also finally recently currently presently consequently therefore thus first second third lastly besides
""".split())


# Words that open a clause, never a phrase ("since", "as", "after" may open either: "since 2009").
SUBORDINATORS = frozenset("when if while although though whereas once unless because where whenever".split())

# Words that open either a phrase ("since 2009") or a clause ("since the Agency installed ...").
CLAUSE_OR_PHRASE = frozenset("since as after before until".split())


def _comma_in_name(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the comma at ``index`` separates the capitalised words of one name ("the Ministry of Women,
    Family and Community Development"): capitalised words on both sides, and "and" before a capitalised word ending
    the series before any other comma."""
    if index == 0 or index + 1 >= len(tokens) or not tokens[index - 1].text[:1].isupper() \
            or not tokens[index + 1].text[:1].isupper() or tokens[index + 1].lower in ("we", "the", "our", "it", "they"):
        return False
    for position in range(index + 1, len(tokens) - 1):
        token = tokens[position]
        if token.lower == "and":
            return tokens[position + 1].text[:1].isupper()
        if token.text == "," and tokens[position + 1].text[:1].isupper() and tokens[position + 1].lower not in ("we", "the"):
            continue
        if not token.text[:1].isupper():
            return False
    return False


# Words that open a subject as a determiner does ("In Lima many mobile phones, jewels and tools are sold").
SUBJECT_QUANTIFIERS = ("many", "most", "some", "several", "all", "few", "numerous")


def _after_a_place(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the name ending at ``index`` is the object of a preposition ("of Addis Ababa"), not a word of a
    noun phrase ("the PIN codes", "the Slovak prisons", "Haitian and Dominican masters")."""
    name = index
    while index > 0 and tokens[index].tag in ("NNP", "NNPS"):
        index -= 1
    return tokens[index].lower in ("in", "of", "at", "on", "near", "around", "across", "throughout", "within") \
        and not all(t.text.isupper() for t in tokens[index + 1:name + 1])  # (not "for HCFC gases": an acronym's noun)


def intro_end(tokens: Sequence[Token]) -> int | None:
    """Return the index of the comma closing an introductory phrase at the start ("Since 2009, ..."), or None.

    A phrase opened by a subordinator ("Although the Act ..., we") ends at the first comma after its
    own verb, so that a comma inside a name ("the Child Care, Protection and Justice Act") does not
    end it.
    """
    if not tokens:
        return None
    first = tokens[0]
    gerund = first.lower.endswith("ing") and bool(grammar.verb_lemma(first.lower))  # "Building on the results, we"
    if len(tokens) > 2 and (first.lower, tokens[1].lower) in TIME_SHIFT and tokens[2].text == ",":
        return 2  # "Last year, ..."
    participle = first.tag in ("VBN", "VBD") and len(tokens) > 1 and tokens[1].tag in ("IN", "TO")  # "Based on the"
    if first.lower.endswith("ly") and len(tokens) > 2 and tokens[1].tag in ("VBN", "JJ") and tokens[2].tag.startswith("NN"):
        return None  # "Financially motivated sextortion, in which ...": the adverb of the subject's adjective
    every = first.lower in ("every", "each") and len(tokens) > 2 and (
        tokens[1].lower in TIME_NOUNS or tokens[1].tag == "CD" and tokens[2].lower in TIME_NOUNS)  # "Every year during"
    opener = first.lower in INTRO_OPENERS or first.tag in ("IN", "RB", "VBG", "TO") or gerund or participle or every or (
        first.lower.endswith("ly") and first.tag.startswith(("RB", "JJ")))
    if not opener or first.lower in ("that", "which"):
        return None
    if first.tag == "IN" and len(tokens) > 2 and tokens[1].tag == "CD" \
            and (tokens[2].lower in ("the", "our", "its", "their", "a", "an", *SUBJECT_QUANTIFIERS)
                 or tokens[2].tag == "PRP" or year(tokens[1]) and tokens[2].text.islower() and len(tokens) > 3
                 and (tokens[2].tag == "NNS" and tokens[3].text != "," or tokens[2].tag == "JJ" and tokens[3].tag in ("NNS", "NN"))):
        # ("Until 2007 private lawyers and notaries", "Until 2015 brokers"; not "In 41 states, courts")
        return None  # "Since 2012 the new substances are controlled ...": a date that no comma closes is no phrase apart
    head = next((i for i in range(1, min(len(tokens), 6)) if tokens[i].tag not in ("DT", "PRP$", "JJ", "JJS", "CD")), 0)
    if first.tag == "IN" and head > 1 and tokens[head].lower in TIME_NOUNS and head + 1 < len(tokens) \
            and tokens[head + 1].tag in ("NN", "NNS") and tokens[head + 1].text.islower():
        return None  # "In the last years bronze busts, plaques and sculptures have disappeared": a phrase of time that
        # no comma closes, then the subject (a list of nouns, whose commas close no phrase)
    comma = next((i for i, t in enumerate(tokens) if t.text == "," and not t.quoted), len(tokens))
    if (first.tag == "IN" and first.lower not in SUBORDINATORS or every) and any(
            (tokens[i - 1].tag in ("NNP", "NNPS") or tokens[i - 1].lower in TIME_NOUNS)
            and (tokens[i].lower in ("the", "a", "an", "our", "its", "their", "many", "several", "most")
                 or tokens[i].lower in QUANTIFIERS and tokens[i + 1].tag == "CD"
                 or tokens[i].tag == "NNS" and tokens[i].text.islower() and _after_a_place(tokens, i - 1)
                 and (tokens[i + 1].lower in ("who", "which", "that") or tokens[i + 1].tag in FINITE))
            and not tokens[i + 1].text[:1].isupper() for i in range(2, comma - 1)):
        # (not a title that goes on: "Under the Agreement on ... Measures for Raising the Level of Safety of ..., ")
        # ("In some referral hospitals of Addis Ababa patients who needed a bed ... were asked")
        return None  # "At Bandaranaike International Airport about 12,000 employees of airlines, shops and ...", "Every
        # year in December the branches of pinabete, a protected fir, ...": a phrase that no comma closes, then the
        # subject, whose comma closes no phrase
    subordinate = first.lower in SUBORDINATORS and not (first.lower == "because" and tokens[1].lower == "of") \
        or first.lower in ("given", "provided", "providing", "considering", "seeing", "assuming") and len(tokens) > 1 \
        and tokens[1].lower == "that"  # "Given that a third of young adults have a tattoo, the Institute has"
    # ("Because of the shortage of rental flats in Stockholm, Gothenburg and Malmö, many students ...": a phrase)
    has_verb = relative = False
    relative_verb: int | None = None  # the finite verb of that relative clause
    for index, token in enumerate(tokens[:40]):
        if index and token.lower in ("which", "who", "whose", "that") and (
                tokens[index - 1].tag.startswith("NN") or token.lower != "that" and index > 1
                and tokens[index - 1].text == "," and tokens[index - 2].tag.startswith("NN")):
            relative = True  # "Following the detection of a network which brokered ..., the Ministry has issued",
            # "On the highways around Johannesburg, whose traffic includes ...,"
        if relative and token.tag in FINITE and not token.quoted and not subordinate:
            if relative_verb is not None and not any(
                    t.text in ",;:" or t.lower in CLAUSE_BOUNDARIES | {"and", "or", "but"} for t in tokens[relative_verb + 1:index]):
                close = next((i for i in range(index + 1, len(tokens) - 1) if tokens[i].text in ",;:"), None)
                if first.lower in CLAUSE_OR_PHRASE and tokens[1].tag != "CD" \
                        and close is not None and tokens[close].text == "," \
                        and (tokens[close + 1].lower in ("we", "it", "they", "the", "our", "its", "their")
                             or tokens[close + 1].tag == "NNP"):
                    return close  # "Since many of the products that are seized in our country arrive by post, we":
                    # the clause's own verb after its subject's relative clause
                return None  # a second verb that nothing joins to the relative clause's is the sentence's own: "In the
                # centre of Novi Sad several buildings which are protected as monuments were demolished"
            relative_verb = index
        if index and token.tag in ("VBZ", "VBP", "VBD", "MD", "VBN", "VBG") and not token.quoted \
                and not _adjectival(tokens, index):
            if not subordinate and not relative and first.lower not in CLAUSE_OR_PHRASE and (
                    token.tag in ("VBZ", "VBP", "MD", "VBD") or token.tag == "VBN" and not single_phrase(tokens[:index])):
                # The sentence's own verb came first: no introductory phrase ("In 2024 we started, with ...",
                # "During the year 2023 were rescued 85 victims, of which ...").
                return None
            has_verb = True
        if token.text == "," and not token.quoted:
            if subordinate and not has_verb or _comma_in_name(tokens, index):
                continue
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is not None and (following.lower in ("which", "who", "whose", "where") or following.tag == "IN"
                                          and index + 2 < len(tokens) and tokens[index + 2].lower in ("which", "whom")):
                # "Pursuant to the Act, which transposes ..., every victim ...": the phrase goes on after
                # the relative clause; "In 2010 the Working Group, which ...", "Swatting, in which ..., is": no
                # phrase at all.
                close = next((i for i in range(index + 2, min(len(tokens), index + 30)) if tokens[i].text == ","), None)
                # a clause that "if" or "since" opens has its verb, and goes on after the relative clause
                clause = subordinate or has_verb and first.lower in CLAUSE_OR_PHRASE \
                    and tokens[1].tag != "CD"  # (not "since 2021 all cases ..., which ...,": a date, then the clause)
                if close is None or not clause and any(t.tag.startswith("VB") and t.tag != "VBG" and not (
                        t.tag == "VB" and tokens[position - 1].lower == "to")  # "To reduce overcrowding in ..., which"
                                        and not _adjectival(tokens, position)
                                        for position, t in enumerate(tokens[:index]) if position) \
                        or not clause and tokens[index - 1].tag not in ("CD", "NNP", "NNPS", ")") \
                        and not single_phrase(tokens[:index]):
                    return None
                after = tokens[close + 1] if close + 1 < len(tokens) else None
                if after is not None and (after.tag.startswith(("VB", "MD")) or after.lower in ("had", "has", "have")) \
                        and first.lower in ("since", "after", "before", "until") and tokens[1].tag in ("DT", "PRP$"):
                    # "Since the services (BNPL), which are offered ..., have become ..., the Authority receives": the
                    # relative clause was inside the subject of a clause of time, which ends at the comma after its verb
                    end = next((i for i in range(close + 1, min(len(tokens), close + 30)) if tokens[i].text in ",;:"), None)
                    if end is not None and tokens[end].text == "," and end + 1 < len(tokens) \
                            and (tokens[end + 1].lower in ("the", "its", "our", "their", "it", "we", "they")
                                 or tokens[end + 1].tag == "NNP"):
                        return end
                    return None
                adjective = after is not None and after.tag == "VBN" and close + 2 < len(tokens) \
                    and tokens[close + 2].tag == "NNS" and tokens[close + 2].text.islower()  # (", armed gangs hijack")
                if after is None or after.tag.startswith(("VB", "MD")) and not adjective \
                        or after.lower in ("had", "has", "have", "was", "were"):
                    return None  # the relative clause was inside the subject: "the Group, which ..., had launched"
                return close if after.is_word or after.text[:1].isdigit() else None
            particle = index + 3 < len(tokens) and tokens[index + 2].lower in ("out", "up")  # "carried out in 2019"
            if following is not None and following.tag == "VBN" and index + 2 + particle < len(tokens) \
                    and tokens[index + 2 + particle].lower in ("by", "in", "with", "under", "through"):
                # "In the frame of the PACED project, financed by the European Union, our country has received":
                # a participle phrase on the phrase's last noun goes with the phrase
                close = next((i for i in range(index + 2, min(len(tokens), index + 16)) if tokens[i].text == ","), None)
                if close is not None and close + 1 < len(tokens) and not any(
                        t.tag in ("VBZ", "VBP", "VBD", "MD") for t in tokens[index + 1:close]) \
                        and (tokens[close + 1].lower in ("we", "our", "the", "its", "it", "they", "my")
                             or tokens[close + 1].tag == "NNP"):
                    return close
            if not subordinate and first.tag == "IN" and any(
                    (tokens[i].lower in ("the", "a", "an", *SUBJECT_QUANTIFIERS) or tokens[i].tag == "PRP$")
                    and (tokens[i - 1].text.islower() and tokens[i - 1].tag in ("NN", "NNS")
                         or all(tokens[j].tag == "NNP" for j in range(1, i)))  # (a place: "In Buenos Aires the")
                    for i in range(2, index)):
                return None  # "In our country the legal guardians of persons with autism, cerebral palsy, ... are", "In
                # Lima many mobile phones, jewels and tools ... are": the phrase ended with no comma, and the comma is
                # the subject's
            return index if following is not None and (following.is_word or following.text[:1].isdigit()) else None
        if token.text in ";:":
            return None
    return None


def _adjectival(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the participle at ``index`` qualifies the noun after it ("the use of encrypted platforms")."""
    return tokens[index].tag == "VBN" and 0 < index < len(tokens) - 1 and tokens[index + 1].tag in ("NN", "NNS") \
        and tokens[index - 1].tag in ("IN", "DT", "JJ", "PRP$")
