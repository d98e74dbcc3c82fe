"""Verbs coordinated with a finite one: after "and", "or", "but" or "nor" (:func:`verbs_joined_by_and`), and in a
series after one subject (:func:`verbs_in_a_series`).
"""

from __future__ import annotations

from portal.reports import reasons
from portal.reports.grammar import (
    ADVERBS_BETWEEN, Token, _previous_word, base_form, can_be_noun, can_be_verb, lexicon_tag, third_person_form,
)
from portal.reports.tagging.words import (
    CLAUSE_BOUNDARIES, FINITE, OPENING_SUBORDINATORS, TIME_NOUNS, object_starts, past_form, participle_form,
)
from portal.reports.tagging.phrases import has_finite_after, object_of_preposition


def _joiner_before_a_clause_of_time(tokens: list[Token], comma: int) -> int:
    """Return where "and" is when the ``comma`` closes a clause of time or condition right after "and,": "post false
    advertisements and, when the buyers come to the complex, force them" (the "and" joins "post" and "force");
    otherwise ``comma``."""
    if comma < 3 or tokens[comma].text != ",":
        return comma
    for opening in range(comma - 2, 1, -1):
        if tokens[opening].text in ",;:":
            if tokens[opening + 1].lower in OPENING_SUBORDINATORS and tokens[opening - 1].lower in ("and", "or", "but"):
                return opening - 1
            return comma
    return comma


def verbs_joined_by_and(tokens: list[Token]) -> None:
    """Tag a base form after "and" or "or" as a verb in the present when a verb in the present comes before it in its
    clause ("we implement the conventions and promote cooperation"), not a noun of a list ("and support for victims")."""
    for index, token in enumerate(tokens):
        if token.tag == "VBP" and index >= 2 and not token.quoted and _shares_a_modal(tokens, index):
            token.tag = "VB"  # "may sell the rifle or have it destroyed": the modal's second verb
            continue
        if token.tag not in ("VB", "NN") or index < 2 or not base_form(token.lower):
            continue
        before = _previous_word(tokens, index, ADVERBS_BETWEEN | {"then", "sometimes", "often"})  # "and then abandon them"
        before = _joiner_before_a_clause_of_time(tokens, before)
        if before < 0 or tokens[before].lower not in ("and", "or", "but"):
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        earlier = [t for t in tokens[:before] if t.tag in ("VBZ", "VBP", "VBD", "MD", "VB")]
        if tokens[before].lower == "but" and not before < index - 1 and not (
                can_be_verb(token.lower) and earlier and earlier[-1].tag == "VBP" and following is not None
                and following.tag in ("NN", "NNS", "DT", "PRP$", "JJ") and following.text.islower()):
            # (only "but never work": an adverb between; or "which are sold ... but contain ephedrine", "are open but
            # lack staff": a verb in the present before, this one before its object)
            continue
        doubt = _doubtful_second_verb(tokens, index, before)
        if doubt:
            token.uncertain = token.uncertain or doubt % {"word": token.text}
        adjective_object = following is not None and following.tag == "JJ" and index + 2 < len(tokens) \
            and (tokens[index + 2].tag in ("NN", "NNS") or tokens[index + 2].tag == "VBG" and tokens[index + 2].text.islower()) \
            and tokens[index + 2].lower not in TIME_NOUNS | {"times"}
        # ("and offer legal counselling", "and offer free training every year": no noun has an adjective after it; but
        # "change their name and flag several times": a phrase of time after the noun)
        if token.tag == "NN" and earlier and earlier[-1].tag == "VB" and following is not None \
                and following.tag == "VBZ" and can_be_noun(following.lower) and not following.text[:1].isupper():
            # "can record offences and hand suspects over": a bare infinitive coordinated with one, and its object
            token.tag = "VB"
            following.tag = "NNS"
            continue
        if token.tag == "NN" and earlier and before >= 1 and tokens[before - 1] is earlier[-1] and earlier[-1].tag == "VBP" \
                and following is not None and (following.tag in ("IN", "RB") or object_starts(following)):
            token.tag = "VBP"  # "where they work or study outside the prison", "who buy or export sea cucumbers"
            continue
        if token.tag == "NN" and earlier and before >= 1 and tokens[before - 1] is earlier[-1] and earlier[-1].tag == "VBP" \
                and following is not None and following.tag in ("VBD", "VBN") and participle_form(following.lower) \
                and can_be_verb(token.lower) and index + 2 < len(tokens) and tokens[index + 2].tag in ("NN", "NNS") \
                and tokens[index + 2].text.islower():
            token.tag = "VBP"  # "websites which sell or upload pirated copies": the verb, then a participle before
            following.tag = "VBN"  # its object's noun, as after the first verb ("which sell pirated copies")
            continue
        if token.tag in ("NN", "VB") and tokens[before].lower == "but" and before < index - 1 and earlier \
                and earlier[-1].tag == "VBP" and following is not None \
                and (following.tag in ("IN", "RB", "DT", "PRP$") or following.text in ",;.") \
                and can_be_verb(token.lower):
            token.tag = "VBP"  # "who receive a work permit but never work in the country", "... but never work,"
            continue
        if token.tag == "NN" and not (following is not None and (following.lower in ("that", "to", "them", "it")
                                                                 or following.tag in ("DT", "PRP$")) or adjective_object):
            continue  # "and hope that" is a verb; "and support for victims" a noun
        comma = next((i for i in range(before - 1, -1, -1) if tokens[i].text in ",;:" or tokens[i].tag in FINITE), None)
        if token.tag == "NN" and following is not None and following.lower == "to" and comma is not None \
                and tokens[comma].text == "," and tokens[comma + 1].tag in ("NN", "NNS", "JJ"):
            continue  # "free legal information, mediation of conflicts and support to the victims": a list of nouns
        if token.tag == "NN" and following is not None and following.lower == "to" and lexicon_tag(token.lower) == "NN" \
                and object_of_preposition(tokens, before - 1):
            continue  # "fill the marshes with refuse and sand to build houses": a second noun of the preposition
        if token.tag == "VB" and earlier and earlier[-1].tag == "VBD" and base_form(earlier[-1].lower) \
                and _after_a_plural_subject(tokens, tokens.index(earlier[-1])) and following is not None \
                and object_starts(following):
            # "poachers set nets across the channels and catch the fish": a past like its base form ("set", "cut"),
            # after a plural, is the present that the base form after "and" shares
            earlier[-1].tag = token.tag = "VBP"
        elif earlier and earlier[-1].tag == "VBP":
            token.tag = "VBP"  # "we implement the conventions and promote cooperation"
        elif earlier and earlier[-1].lower == "were" and following is not None and following.tag in ("DT", "PRP$") \
                and not participle_form(token.lower):
            token.tag = "VBP"  # "which were introduced in 2015 ... and oblige the judge": no participle shares "were"

        elif earlier and earlier[-1].tag == "VBZ" and following is not None and (
                following.tag in ("DT", "PRP$") or following.lower in ("a", "an", "the")):
            # "a Committee is in place and coordinate the actions": the writer's present, coordinated with "is"
            token.tag = "VBP"


def _doubtful_second_verb(tokens: list[Token], index: int, joiner: int) -> str:
    """Return why the base form at ``index`` after "and" or "or" needs the editor's eye, or "": after a verb negated
    with "do not" it may share the "do not" or be a verb of its own ("do not know each other and call the police"),
    and after a verb and a plural object, before another plural, it may be a verb or a noun of the object ("send
    messages or post videos", "report crimes and traffic accidents")."""
    token = tokens[index]
    earlier = [i for i in range(joiner) if tokens[i].tag in ("VBZ", "VBP", "VBD", "MD", "VB") and not tokens[i].quoted]
    if not earlier or token.quoted or not can_be_verb(token.lower):
        return ""
    last = earlier[-1]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if tokens[last].tag == "VB" and last >= 2 and tokens[last - 1].lower == "not" \
            and tokens[last - 2].lower in ("do", "does") and following is not None \
            and (following.tag in ("DT", "PRP$", "PRP", "IN") or following.lower in ("the", "a", "an")):
        return reasons.TENSE
    if token.tag == "NN" and tokens[last].tag == "VBP" and joiner >= 2 and tokens[joiner - 1].tag == "NNS" \
            and last == joiner - 2 and following is not None and following.tag == "NNS":
        return reasons.MAY_BE_PRESENT
    if token.tag in ("NN", "VB") and tokens[last].tag in ("VBD", "VBP") and following is not None and following.tag == "IN" \
            and following.lower != "of" and index + 2 < len(tokens) and tokens[index + 2].lower in ("the", "a", "an", "their") \
            and not any(tokens[i].text in ",;:" for i in range(last, joiner)):
        # "extract more than the permitted quantities or work outside the area": a second verb of the subject, or a
        # noun of the object?
        return reasons.MAY_BE_PRESENT
    return ""


def _shares_a_modal(tokens: list[Token], index: int) -> bool:
    """Tell whether the verb at ``index``, right after "and" or "or", is a second bare infinitive of the modal before
    the first ("must sell the rifle or have it destroyed"), not a verb of its own ("and have ordered": a perfect)."""
    before = _previous_word(tokens, index)
    if before < 1 or tokens[before].lower not in ("and", "or") or not base_form(tokens[index].lower):
        return False
    if index + 1 < len(tokens) and tokens[index + 1].tag == "VBN":
        return False
    earlier = [i for i in range(before) if tokens[i].tag in ("VBZ", "VBP", "VBD", "MD", "VB") and not tokens[i].quoted]
    if not earlier or tokens[earlier[-1]].tag != "VB":
        return False
    modal = _previous_word(tokens, earlier[-1], ADVERBS_BETWEEN)
    return modal >= 0 and tokens[modal].tag == "MD" \
        and not any(tokens[i].lower in CLAUSE_BOUNDARIES or tokens[i].text == ";" for i in range(earlier[-1] + 1, before))


SERIES_ADVERBS = frozenset("never also often always not rarely sometimes usually still".split())


def verbs_in_a_series(tokens: list[Token]) -> None:
    """A series of verbs in the present after one subject ("police officers monitor the networks, answer questions of
    young people and give advice"): a word between a comma and the series' "and" + verb, in the form of the verbs
    before and after it and before an object, is one of them, whatever the tagger read. The series goes on after a
    clause of time between commas ("enter the houses when the family is sleeping, threaten the residents and take
    cars"), and two verbs joined by "or" share their object ("rent or sell them")."""
    for index, verb in enumerate(tokens):
        if verb.tag not in ("VBP", "VBZ") or verb.quoted:
            continue
        agrees = base_form if verb.tag == "VBP" else third_person_form
        candidates, position = [], index + 1
        while position < len(tokens):
            token = tokens[position]
            if token.lower in ("when", "while", "if", "because", "before", "after", "until") and position > index + 2:
                # (also a phrase: "arrive at the scene before the police, tow the vehicles and refuse")
                comma = next((i for i in range(position + 1, len(tokens)) if tokens[i].text in ",;:"), None)
                if comma is not None and tokens[comma].text == ",":
                    position = comma  # "enter the houses at night when the family is sleeping, threaten the residents"
                    continue
            if token.text in ";:" or token.lower in CLAUSE_BOUNDARIES or token.tag in FINITE:
                break
            following = tokens[position + 1] if position + 1 < len(tokens) else None
            word = position + 1  # after the comma and its adverbs: ", never leave the premises"
            while word + 1 < len(tokens) and tokens[word].lower in SERIES_ADVERBS:
                word += 1
            if token.text == "," and word < len(tokens) and tokens[word].text.islower() and not tokens[word].quoted \
                    and tokens[word].tag in ("NN", "NNS", "VB") and agrees(tokens[word].lower) \
                    and word + 1 < len(tokens) and object_starts(tokens[word + 1]):
                candidates.append(word)
            if token.lower in ("and", "or") and candidates and following is not None and (
                    following.tag == verb.tag or following.tag == "VB" and following.text.islower() and not following.quoted
                    and agrees(following.lower) and position + 2 < len(tokens)
                    and (object_starts(tokens[position + 2]) or tokens[position + 2].tag in ("IN", "TO"))):
                # (the series' last verb may take a preposition: "open the parcels, take the goods and declare to")
                for candidate in (*candidates, position + 1):
                    tokens[candidate].tag = verb.tag
                break
            position += 1
    for index in range(2, len(tokens) - 1):
        # "the trafficker seduces a young girl and then forces her": a verb joined to the one before, with its object
        token = tokens[index]
        joined = tokens[index - 1].lower == "and" or tokens[index - 1].lower == "then" and tokens[index - 2].lower == "and"
        if not joined or token.tag != "NNS" or not token.text.islower() or not third_person_form(token.lower) \
                or tokens[index + 1].tag not in ("PRP", "DT", "PRP$") or tokens[index + 1].lower == "that":
            continue
        verb = next((tokens[i] for i in range(index - 2, -1, -1) if tokens[i].tag in FINITE or tokens[i].text in ",;:"), None)
        if verb is not None and verb.tag == "VBZ" and not verb.quoted:
            token.tag = "VBZ"
            if tokens[index - 1].lower == "then":
                tokens[index - 1].tag = "RB"
    for index in range(2, len(tokens) - 3):
        # "invade the houses and rent or sell them": two verbs that share their object, joined by "or"
        token, joiner, second = tokens[index], tokens[index + 1], tokens[index + 2]
        if token.tag in ("NN", "VB") and token.text.islower() and not token.quoted and can_be_verb(token.lower) \
                and tokens[index - 1].lower in ("and", "or") and joiner.lower in ("or", "and") \
                and second.tag in ("VBP", "VBZ") and not second.quoted \
                and (base_form if second.tag == "VBP" else third_person_form)(token.lower) \
                and (object_starts(tokens[index + 3]) or tokens[index + 3].tag == "PRP"):
            token.tag = second.tag
    _verbs_sharing_an_object(tokens)
    _past_joined_to_a_past(tokens)


def _verbs_sharing_an_object(tokens: list[Token]) -> None:
    """Words after the subject, in a series closed by "and" and a verb before its object, are verbs of that object:
    "the Inspectorate registers, checks and fines the companies" (the tagger read the first two as plurals)."""
    for index in range(4, len(tokens) - 1):
        verb = tokens[index]
        if verb.tag not in ("VBZ", "VBP") or verb.quoted or tokens[index - 1].lower != "and" \
                or not object_starts(tokens[index + 1]):
            continue
        agrees = base_form if verb.tag == "VBP" else third_person_form
        series, position = [index - 2], index - 3
        while position >= 1 and tokens[position].text == ",":
            series.append(position - 1)
            position -= 2
        first = series[-1]
        if len(series) < 2 or first < 1 or any(not tokens[i].text.islower() or tokens[i].quoted
                                               or tokens[i].tag not in ("NN", "NNS", "VB", verb.tag)
                                               or not agrees(tokens[i].lower) for i in series):
            continue
        subject = tokens[first - 1]
        if not (subject.tag.startswith("NN") or subject.text == ")") or any(
                t.tag in FINITE and not t.quoted for t in tokens[:first]) or all(tokens[i].tag == verb.tag for i in series):
            continue
        for word in series:
            tokens[word].tag = verb.tag


def _past_joined_to_a_past(tokens: list[Token]) -> None:
    """A past form read as a participle after the comma closing an insert, joined by "or" or "and" to a past before its
    object, is a past too: "the agents, who looked for buyers, sold or stole the title deeds"."""
    for index in range(1, len(tokens) - 3):
        token, joiner, second = tokens[index], tokens[index + 1], tokens[index + 2]
        if token.tag == "VBN" and not token.quoted and past_form(token.lower) and joiner.lower in ("or", "and") \
                and second.tag == "VBD" and not second.quoted and object_starts(tokens[index + 3]) \
                and tokens[index - 1].text == "," and not has_finite_after(tokens, index + 2):
            # (after the comma closing an insert; not "the goods seized or confiscated in 2022 were sold")
            token.tag = "VBD"


def _after_a_plural_subject(tokens: list[Token], index: int) -> bool:
    """Tell whether the word at ``index`` follows a plural noun or "they" or "we", its subject: "poachers set"."""
    before = tokens[index - 1] if index else None
    return before is not None and not before.quoted and (
        before.tag in ("NNS", "NNPS") and (before.text.islower() or index == 1) or before.lower in ("they", "we"))
