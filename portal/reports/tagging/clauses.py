"""The clauses of a sentence and the verb of each: a clause with no finite verb outside its inserts takes the
first word after its subject that agrees with it, flagged (:func:`clause_verbs`).
"""

from __future__ import annotations

from portal.reports import reasons
from portal.reports.grammar import (
    ADVERBS_BETWEEN, Token, _previous_word, base_form, can_be_noun, can_be_verb, lemmas, third_person_form, verb_lemma,
)
from portal.reports.tagging.words import (
    BE_HAVE, CHANGE_VERBS, CLAUSE_BOUNDARIES, COLLECTIVE, DETERMINERS, FINITE, INTRANSITIVE, MANDATIVE,
    OPENING_SUBORDINATORS, PARTICLES, PLACE_ADVERBS, QUANTIFIERS, SEASONS, THAT_VERBS, TIME_NOUNS, object_starts,
    past_form, year,
)
from portal.reports.tagging.joined import verbs_joined_by_and
from portal.reports.tagging.phrases import (
    acronym_in_parentheses, adjective_and_noun, clauses, insert_closed_before, joins_nouns, list_of_nouns, main_verb_in,
    number_of_a_quantity, object_after_a_phrase, object_after_places_and_dates, object_follows, phrase_of_time,
    plurals_read_as_verbs, relative_opens, subject_before, subject_takes_plural, verb_follows_unjoined,
)


def clause_verbs(tokens: list[Token], *, item: bool = False) -> None:
    """A clause of a sentence that has no verb in the present or the past outside its inserts ("which are run by
    ...") takes as its verb the first word after its subject that agrees with it and can be a verb: "the courts
    against corruption ... in Tirana hear all cases", "the 70% of the adolescents in conflict with the law comply
    with measures", "panels, which are run by iwi, deal with". It is flagged: the word may be a noun.

    For the sentences of a paragraph, which have verbs. A list item may be a noun phrase: with ``item``, a word is
    taken as the verb only before a determiner ("(c) mobile teams of the Directorate check the vehicles"), which no
    noun of a noun phrase has right after it.
    """
    _verb_of_saying_after_as(tokens)
    _verb_of_saying_before_that(tokens)
    found = False
    for start, end in clauses(tokens):
        if tokens[start].lower == "that" and start + 1 < end:
            start += 1  # ", and that some traders brought ...": the clause's subject after "that"
        if start == 0 and phrase_of_time(tokens):
            # "Since the beginning of the gas projects in the basin, the Navy ... protect": the verb after the phrase
            start = next((i + 1 for i in range(end) if tokens[i].text == ","), start)
        elif end - start > 3 and tokens[start].lower in ("every", "each", "this", "last", "next") \
                and tokens[start + 1].lower in TIME_NOUNS | SEASONS and tokens[start + 2].text != ",":
            start += 2  # "Every summer about 4,000 berry pickers from Thailand come to": the subject after the phrase
        joined = [i for i in range(start + 1, end) if tokens[i].tag in FINITE and not tokens[i].quoted
                  and not _in_relative_insert(tokens, start, i)]
        if joined and all(tokens[_previous_word(tokens, i)].lower in ("and", "or") for i in joined):
            # "in which offenders pose as young girls ... and coerce teenage boys", "(b) if the suspect lives in
            # Latvia or serves a sentence": the verb before "and" is missing
            found = _verb_after_subject(tokens, start, joined[0] - 1,
                                        before_a_past=tokens[joined[0]].tag == "VBD") or found
            continue
        if item:
            _nouns_of_an_item_phrase(tokens, start, end)
            if not main_verb_in(tokens, start, end):
                # a clause that a conjunction opens has a verb, even in an item: "(c) stays with her until the police
                # arrive"
                subordinate = start > 0 and tokens[start - 1].lower in OPENING_SUBORDINATORS | {"before", "where"}
                found = _verb_after_subject(tokens, start, end, determiner_after=not subordinate) or found
            else:  # "(b) the agencies which do not pay the minimum wage lose their licence"
                found = _verb_after_bare_relative(tokens, start, end) or found
            continue
        pronoun = _bare_relative_before_verbs(tokens, start, end)
        # (after "recommend that", the verb whatever its number, as the report gives its bare form: "we recommend that
        # the Member States exchanges information on the groups that rob tourists")
        mandative = start > 1 and tokens[start - 1].lower == "that" \
            and verb_lemma(tokens[_previous_word(tokens, start - 1)].lower) in MANDATIVE
        if pronoun is not None and _verb_after_subject(tokens, start, pronoun + 1, either_number=mandative):
            found = True  # "each post works with a committee whose members are elected": the verb before the relative
            continue
        nouns = plurals_read_as_verbs(tokens, start, end)
        for index in nouns:
            tokens[index].tag = "NNS"
        if main_verb_in(tokens, start, end):
            comma = next((i for i in range(start, end) if tokens[i].text == "," and not tokens[i].quoted), end)
            verb = _verb_after_bare_relative(tokens, start, end) or _verb_of_a_subordinate(tokens, start, end) \
                or comma < end and _verb_after_bare_relative(tokens, start, comma) \
                or _verb_before_a_subordinate(tokens, start, end) or _verb_before_a_bare_relative(tokens, start, end) \
                or comma + 1 < end and tokens[comma + 1].lower in ("and", "but") \
                and not main_verb_in(tokens, start, comma) and _verb_after_subject(tokens, start, comma) \
                or _verb_before_and_after_an_insert(tokens, start, end, comma)
            # ("more than one million faithful walk from Asunción ..., and in the last years the Police has registered":
            # the verb of the clause before ", and")
            # ("criminals who pretend to be employees of the supplier ring at the door ..., saying that they must
            # check the meter, and steal money": the verbs after the first comma are not the subject's)
        else:
            verb = _verb_after_subject(tokens, start, end, frozenset(nouns))
        found = found or verb
        if not verb:
            for index in nouns:
                if not verb_follows_unjoined(tokens, index, end):  # ("fires at illegal waste dumps in ... fell")
                    tokens[index].tag = "VBZ"
    if found:
        verbs_joined_by_and(tokens)  # and the verbs joined to those found: "carry out controls and conduct inquiries"


def _verb_of_saying_after_as(tokens: list[Token]) -> None:
    """The past of a verb of saying after "as" and its subject is the verb of that clause, not a participle: "As the
    Attorney General said at the launch of the operations, \"...\"", "as the Minister stated in 2023,"."""
    for index, token in enumerate(tokens[:-3]):
        if token.lower != "as" or token.quoted or index and tokens[index - 1].text not in ",;:":
            continue
        verb = next((i for i in range(index + 2, len(tokens) - 1) if not tokens[i].tag.startswith(("NN", "DT", "JJ", "PRP$"))
                     or tokens[i].text in ",;:"), None)
        if verb is None or tokens[verb].tag not in ("VBN", "VBD") or tokens[verb].quoted \
                or verb_lemma(tokens[verb].lower) not in THAT_VERBS or not past_form(tokens[verb].lower) \
                or subject_before(tokens, verb - 1, index + 1) != index + 1 \
                or not (tokens[verb + 1].tag in ("IN", "TO") and tokens[verb + 1].lower != "by" or tokens[verb + 1].text in ",."):
            continue
        close = next((i for i in range(verb + 1, len(tokens)) if tokens[i].text in ",;:."), len(tokens))
        if not any(tokens[i].tag in FINITE for i in range(verb + 1, close)):
            tokens[verb].tag = "VBD"


def _verb_of_saying_before_that(tokens: list[Token]) -> None:
    """The past of a verb of saying or requiring right after the subject that opens a clause, before "that", is the
    clause's verb: "and the court required that she pays back the money"."""
    for index in range(2, len(tokens) - 2):
        token = tokens[index]
        if token.tag != "VBN" or token.quoted or tokens[index + 1].lower != "that" or not past_form(token.lower) \
                or verb_lemma(token.lower) not in THAT_VERBS | MANDATIVE or not tokens[index - 1].tag.startswith("NN"):
            continue
        start = next((i + 1 for i in range(index - 1, -1, -1) if tokens[i].text == ";" or tokens[i].lower in ("and", "but")
                      and i > 0 and tokens[i - 1].text == ","), 0)
        if start < index - 1 and subject_before(tokens, index - 1, start) == start and tokens[start].lower in DETERMINERS:
            token.tag = "VBD"


def _nouns_of_an_item_phrase(tokens: list[Token], start: int, end: int) -> None:
    """In a list item that opens with a noun and a preposition ("the change of ..."), a word in -s after a noun with
    no object after it is the noun phrase's, flagged: "- the change of the entrance codes every three months"."""
    head = start + 1 if tokens[start].lower in ("the", "a", "an") else start  # ("- inspection of the school buses")
    if end - head < 4 or tokens[head].tag not in ("NN", "NNP") or tokens[head + 1].tag != "IN" \
            or head == start and tokens[head + 1].lower != "of":
        return
    for index in range(head + 3, end - 1):
        token = tokens[index]
        if token.text in ",;:" or token.lower in CLAUSE_BOUNDARIES:
            return  # (", whose members report suspicious orders": a clause of its own)
        if token.tag in ("VBZ", "VBP") and token.text.islower() and not token.quoted and can_be_noun(token.lower) \
                and tokens[index - 1].tag in ("NN", "NNS") and not object_follows(tokens, index + 1) \
                and tokens[index + 1].tag not in ("PRP", "PRP$", "IN", "TO", "RB", "RP", "MD", "VBN"):
            token.tag = "NNS" if third_person_form(token.lower) else "NN"
            token.uncertain = token.uncertain or reasons.READ_AS_NOUN % {"word": token.text}


def _in_relative_insert(tokens: list[Token], start: int, index: int) -> bool:
    """Tell whether ``index`` lies in a relative clause between commas (", who are not members of ...,")."""
    opening = _relative_comma_before(tokens, start, index)
    return opening is not None and tokens[opening + 1].lower != "where" and any(t.text == "," for t in tokens[index + 1:])


def _after_a_relative_comma(tokens: list[Token], start: int, index: int) -> bool:
    """Tell whether ``index`` lies in a relative clause that a comma opens (", who pay in advance ..."), up to the
    next comma."""
    return _relative_comma_before(tokens, start, index) is not None


def _relative_comma_before(tokens: list[Token], start: int, index: int) -> int | None:
    """Return the nearest comma before ``index`` (after ``start``) when a relative clause opens after it, or None."""
    comma = next((i for i in range(index - 1, start, -1) if tokens[i].text == ","), None)
    return comma if comma is not None and relative_opens(tokens, comma + 1) else None


def _bare_relative_before_verbs(tokens: list[Token], start: int, end: int) -> int | None:
    """Return where a relative pronoun without a comma ("a committee whose members", "the persons who") opens a
    relative clause that holds every finite verb of the clause ``tokens[start:end]``, or None."""
    finite = [i for i in range(start, end) if tokens[i].tag in FINITE and not tokens[i].quoted]
    if not finite:
        return None
    pronoun = next((i for i in range(finite[0] - 1, start, -1) if tokens[i].lower in ("whose", "who", "which")
                    or tokens[i].lower == "that" and tokens[i].tag == "WDT" or tokens[i].lower == "where"
                    or tokens[i].lower in ("they", "we") and i == finite[0] - 1), None)  # "the measures they have taken"
    if pronoun is not None and pronoun - 2 > start and tokens[pronoun].lower == "which" \
            and tokens[pronoun - 1].tag == "IN" and tokens[pronoun - 2].tag.startswith("NN"):
        pronoun -= 1  # "conducted operations during which 312 bar owners were arrested": the preposition opens it
    if pronoun is not None and any(tokens[i].text == "," and not joins_nouns(tokens, i) for i in range(pronoun, finite[-1])):
        return None  # a verb after the relative clause's comma: "On the basis of the messages that were shared ..., the
        # Service has brought charges" (not the commas of a list: "repairs of roofs, gutters and driveways which were")
    if pronoun is not None and len(finite) > 1 and tokens[finite[1] - 1].tag != "PRP" and not any(
            tokens[i].text in ",;:" or tokens[i].lower in CLAUSE_BOUNDARIES | {"and", "or", "but", "nor"}
            for i in range(finite[0] + 1, finite[1])):
        return None  # a second verb with nothing joining it to the first is the clause's own: "the fishing boats that
        # come closer than 500 metres to a platform will be boarded" (but "an invoice which is lower than the value
        # they declared": a relative clause of its own)
    if pronoun is None or not tokens[pronoun - 1].tag.startswith("NN") \
            or any(tokens[i].text in ";:" or tokens[i].text == "," and not joins_nouns(tokens, i)
                   or tokens[i].text in "()" and not acronym_in_parentheses(tokens, i) for i in range(start, pronoun)):
        return None  # (the commas of a list of nouns: "works with families, schools and religious leaders to")
    return pronoun


def _bare_object_then_phrase(tokens: list[Token], index: int, end: int) -> bool:
    """Tell whether a noun without determiner at ``index`` (after its adjectives) ends before a preposition or the
    clause's end: the object of a clause's only verb ("conducted operations during which", "used violence against
    visitors"), where a verb that could follow a participle's noun phrase ("the persons granted asylum live in") does
    not come."""
    while index < end - 1 and tokens[index].tag in ("JJ", "VBN") and tokens[index].text.islower():
        index += 1  # "used copied fobs", "used forged mandates"
    if index >= end or tokens[index].tag not in ("NN", "NNS") or not tokens[index].text.islower():
        return False
    after = index + 1
    while after < end and tokens[after].tag in ("NN", "NNS") and tokens[after].text.islower():
        after += 1
    return after >= end or tokens[after].tag in ("IN", "TO") or tokens[after].text in ",;:."


def _verb_of_a_subordinate(tokens: list[Token], start: int, end: int) -> bool:
    """In a clause that has its verb, a clause that "where", "when", "whether", "that" or "because" opens (up to its
    comma) takes the word after its subject as its verb when its only verbs are that of a relative clause on its
    subject ("has identified websites where persons who are not members of the Association offer legal services",
    "has detected that adults who are not Nigerians obtain birth certificates") or verbs after "and" ("the controls
    in Petra, where persons without licence offer to tourists tours ... and ask")."""
    for index in range(start + 1, end - 3):
        after_preposition = tokens[index].lower == "which" and tokens[index - 1].tag == "IN" \
            and (tokens[index - 2].tag.startswith("NN") or tokens[index - 2].text == ",") \
            and tokens[index - 1].lower not in ("among", "amongst", "including", "of")  # ("among which test strips, ...")
        # ("several incidents in which door staff used violence", "many thefts, in which young men ...")
        time = tokens[index].lower in ("after", "before", "until", "once") and index > start + 1 \
            and tokens[index + 1].tag in ("DT", "PRP$")
        if tokens[index].lower not in ("where", "when", "because", "while", "whereas", "although", "whether", "that") \
                and not after_preposition and not time or tokens[index + 1].tag not in ("NNS", "NN", "DT", "JJ", "CD"):
            continue
        stop = next((i for i in range(index + 1, end) if tokens[i].text in ",;:"
                     or time and tokens[i].lower == "that"), end)  # (", which only requires")
        if time and not any(tokens[i].tag in ("VBN", "VBD") for i in range(index + 1, stop)):
            continue  # (a phrase of time, "after release through the health centres", not a clause with its past)
        if stop < end and tokens[stop].text == "," and tokens[index].lower == "where" and relative_opens(tokens, stop + 1):
            closing = next((i for i in range(stop + 2, end) if tokens[i].text in ",;:"), end)
            if closing < end and tokens[closing].text == ",":  # ("where false sellers, some of whom operate ..., publish")
                stop = next((i for i in range(closing + 1, end) if tokens[i].text in ",;:"), end)
        # ("has strengthened the control after the Agency (FAMHP) discovered in 2022 that ...": up to what it found)
        if _verb_after_bare_relative(tokens, index + 1, stop):
            return True
        finite = [i for i in range(index + 1, stop) if tokens[i].tag in FINITE and not tokens[i].quoted
                  and not _after_a_relative_comma(tokens, index, i)]
        if not finite and (tokens[index].lower != "that" or _content_after_a_date(tokens, index)) \
                and _verb_after_subject(tokens, index + 1, stop):
            # ("because a company of collection used forged mandates")
            return True
        if finite and all(tokens[_previous_word(tokens, i)].lower in ("and", "or") for i in finite) \
                and _verb_after_subject(tokens, index + 1, finite[0] - 1):
            return True
        relative = next((i for i in range(index + 3, finite[0]) if tokens[i].lower in ("who", "which", "whom", "that")
                         and tokens[i - 1].tag.startswith("NN")), None) if finite else None
        if relative is not None and _verb_after_subject(tokens, index + 1, relative):
            return True  # ("a case in which the organizers added to the sheets the names of persons who did not sign")
    return False


# Conjunctions that open a clause inside another after its verb: "charge the fee after the member has cancelled".
LATER_SUBORDINATORS = frozenset("after before until once when because if unless since while although".split())


def _verb_before_and_after_an_insert(tokens: list[Token], start: int, end: int, comma: int) -> bool:
    """The verb of a clause whose first comma opens a relative insert, sought before the ", and" after that insert:
    "Every summer about 4,000 berry pickers from Thailand come to the forests of Norrland, whose harvest depends on
    the rain, and in poor years many of them return home"."""
    if comma + 1 >= end or not relative_opens(tokens, comma + 1) or tokens[start].tag in ("IN", "TO") \
            and not (tokens[start].lower in QUANTIFIERS and tokens[start + 1].tag == "CD"):
        return False  # (not after an opening phrase: "Under the programme of care services for ..., which ...,")
    joined = next((i for i in range(comma + 1, end - 1)
                   if tokens[i].text == "," and tokens[i + 1].lower in ("and", "but")), None)
    close = next((i for i in range(comma + 1, end - 1) if tokens[i].text == ","), None)
    if close is not None and close != joined and tokens[close + 1].tag in FINITE and not tokens[close + 1].quoted:
        return False  # "Many lifts in Nairobi, which are inspected every year, are more than 40 years old, and": the
        # verb after the insert
    return joined is not None and not main_verb_in(tokens, start, comma) and _verb_after_subject(tokens, start, comma)


def _verb_before_a_bare_relative(tokens: list[Token], start: int, end: int) -> bool:
    """A clause whose finite verbs outside its inserts are all those of a relative clause without a comma, after a
    noun that follows the subject, takes its verb before that relative clause: "the organizations, which operate from
    call centres abroad, now use voices which are cloned", where "are" is the verb of "which are cloned"."""
    finite = [i for i in range(start + 1, end) if tokens[i].tag in FINITE and not tokens[i].quoted
              and not _in_relative_insert(tokens, start, i)]
    if not finite:
        return False
    pronoun = next((i for i in range(finite[0] - 1, start + 1, -1) if tokens[i].lower in ("which", "who", "whom")
                    or tokens[i].lower == "that" and tokens[i].tag == "WDT"), None)
    if pronoun is None:
        return False
    # ("companies in the country buy credits from projects abroad which they cannot verify")
    antecedent = pronoun - 2 if tokens[pronoun - 1].lower in PLACE_ADVERBS else pronoun - 1
    if tokens[antecedent].tag not in ("NN", "NNS") or not tokens[antecedent].text.islower() \
            or any(tokens[i].text in ",;:()" for i in range(pronoun, finite[0])):
        return False
    return _verb_after_subject(tokens, start, pronoun)


def _verb_before_a_subordinate(tokens: list[Token], start: int, end: int) -> bool:
    """A clause whose only finite verbs are those of a clause of time, condition or cause after its subject takes its
    verb before that clause's conjunction: "some fitness clubs in Ontario continue to charge the fee after the member
    has cancelled", where "has" is the verb of "after the member has cancelled"."""
    finite = [i for i in range(start, end) if tokens[i].tag in FINITE and not tokens[i].quoted]
    if not finite:
        return False
    conjunction = next((i for i in range(start + 2, finite[0] - 1) if tokens[i].lower in LATER_SUBORDINATORS
                        and (subject_before(tokens, _previous_word(tokens, finite[0]), i + 1) == i + 1
                             or tokens[i + 1].tag == "PRP" and _previous_word(tokens, finite[0]) == i + 1)), None)
    if conjunction is None:
        return False
    for index in range(start + 1, conjunction):
        token = tokens[index]
        past = token.tag in ("VBN", "JJ") and past_form(token.lower) and index + 1 <= conjunction \
            and (tokens[index + 1].tag in ("RB", "IN", "TO") or index + 1 == conjunction and _counted(
                tokens, subject_before(tokens, _previous_word(tokens, index), start)))
        # ("more than 25,000 officials travelled abroad while", "more than 80 persons drowned when a boat sank")
        if token.tag not in ("VB", "VBP", "VBZ") and not past or not token.text.islower() or token.quoted:
            continue  # (the tagger's own reading of a verb: "fitness clubs" is no subject and verb)
        subject = subject_before(tokens, _previous_word(tokens, index), start)
        if subject is None:
            if past:
                continue
            return False
        if past:
            token.tag = "VBD"
            token.uncertain = token.uncertain or reasons.VERB_OR_PARTICIPLE % {"word": token.text}
            return True
        plural = subject_takes_plural(tokens, subject, index)
        if plural and base_form(token.lower) or not plural and third_person_form(token.lower):
            token.tag = "VBP" if plural else "VBZ"
            token.uncertain = token.uncertain or reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
            return True
        return False
    return False


def _counted(tokens: list[Token], subject: int | None) -> bool:
    """Tell whether the subject opening at ``subject`` is a number of things: "26 persons", "more than 100 persons",
    "about 80 migrants"."""
    if subject is None:
        return False
    number = number_of_a_quantity(tokens, subject)
    return number < len(tokens) and tokens[number].tag == "CD"


def _content_after_a_date(tokens: list[Token], that: int) -> bool:
    """Tell whether ``that`` opens what a verb of finding says, after the verb's date: "has found in 2023 that some of
    these shops change the IMEI number"."""
    back = that - 1
    while back > 1 and (tokens[back].tag == "CD" or tokens[back].lower in ("in", "on", "since", "during")):
        back -= 1
    return back < that - 1 and tokens[back].tag.startswith("VB") and verb_lemma(tokens[back].lower) in THAT_VERBS


FREQUENCY_ADVERBS = frozenset("rarely seldom often never always usually sometimes also still".split())


def _verb_after_bare_relative(tokens: list[Token], start: int, end: int) -> bool:
    """In a clause whose only verb is that of a relative clause without commas ("Offenders whose crimes are linked to
    drug use follow a treatment programme"), tag the word after the relative clause that agrees with the subject
    as the clause's verb (flagged); tell whether one was found."""
    finite = [i for i in range(start, end) if tokens[i].tag in FINITE and not tokens[i].quoted
              and tokens[_previous_word(tokens, i)].lower not in ("and", "or")  # (not "... and were exempted")
              and not _after_a_relative_comma(tokens, start, i)]  # (", who pay in advance ... and then are left")
    if len(finite) > 1 and all(tokens[i - 1].lower in ("who", "which", "that") and (
            tokens[i - 2].tag.startswith("NN") or tokens[i - 2].lower in ("those", "anyone", "everyone"))
            for i in finite[1:]):
        end = finite[1] - 1  # a second relative clause after the verb: "allowed the identification of a woman who had"
        # ("offer places outside the quota to those who cannot wait")
        finite = finite[:1]
    if len(finite) > 1:
        content = next((j for j in range(finite[0] + 2, finite[1]) if tokens[j].lower == "that"
                        and tokens[j - 1].tag in ("NN", "VB", "VBP") and can_be_verb(tokens[j - 1].lower)
                        and tokens[j - 1].text.islower()), None)
        if content is not None:
            end, finite = content + 2, finite[:1]  # "The tests which the Ministry carried out ... show that 62 per cent"
    if len(finite) != 1:
        return False
    verb = finite[0]
    pronoun = next((i for i in range(verb - 1, start, -1) if tokens[i].lower in ("whose", "who", "that", "which")), None)
    if pronoun is None or not tokens[pronoun - 1].tag.startswith("NN") or any(
            tokens[i].text == "," for i in range(pronoun, verb)):
        return False
    subject = subject_before(tokens, pronoun - 1, start)
    if subject is None:
        return False
    chain = verb + 1
    do = tokens[verb].lower in ("do", "does", "did")
    while chain < end and (tokens[chain].lower in BE_HAVE or tokens[chain].tag == "VBN"
                           and not (tokens[chain - 1].tag == "VBN" and tokens[chain - 1].lower != "been")
                           and not (tokens[chain - 1].tag == "VBD" and tokens[chain - 1].lower not in BE_HAVE)
                           or tokens[chain].lower in ("not", "never") and chain + 1 < end
                           and tokens[chain + 1].tag in (("VBN", "VB") if do else ("VBN",))
                           or do and tokens[chain].tag == "VB" and tokens[chain - 1].lower in ("not", "never")):
        chain += 1  # the relative clause's own verb: "who had been recruited", "who have not learned", "who did not learn"
    infinitive = chain + 1 < end and chain > verb + 1 and tokens[chain].lower == "to" and tokens[chain + 1].tag == "VB"
    if infinitive:
        chain += 2  # "persons who have not learned to drive obtain licences": the infinitive ends the relative clause
    plural = subject_takes_plural(tokens, subject, pronoun)
    # the relative clause's verb chain ends with a passive: "who were arrested", "that are seized"
    passive = tokens[chain - 1].tag == "VBN" and tokens[chain - 2].lower in ("is", "are", "was", "were", "been")
    for index in range(chain, end - 1):
        token, following = tokens[index], tokens[index + 1]
        if token.quoted or token.text in "\"\u201c\u201d":
            continue  # (a quotation in the relative clause's object: "who operate the \"scam calls\" use")
        if token.text in ",;:" or token.lower in ("and", "or") and following.tag in FINITE:
            return False
        if token.tag == "VBN" and past_form(token.lower) and following.lower != "by" and (
                tokens[index - 1].tag.startswith(("NN", "RB")) and tokens[index - 1].lower not in ADVERBS_BETWEEN
                or year(tokens[index - 1]) and (object_follows(tokens, index + 1) or following.tag in ("NN", "NNS")
                                                and following.text.islower())  # ("seized in 2023 contained heroin")
                or index == chain and tokens[index - 1].tag == "VBN" and tokens[index - 2].lower in ("was", "were")
                and following.tag in ("IN", "RB")
                or index == chain == verb + 1 and tokens[verb].tag == "VBD" and tokens[verb].lower not in BE_HAVE
                and (object_follows(tokens, index + 1) or following.lower in ("several", "many", "numerous", "some"))):
            # ("an elephant which panicked injured several spectators")
            # ("a pirogue which was overloaded capsized near Bettenty": a passive ends the relative clause)
            # "61 citizens who had been recruited by terrorist organizations abroad returned voluntarily", "a
            # prosthesis which had been made in 1998 allowed the identification"
            token.tag = "VBD"
            token.uncertain = token.uncertain or reasons.VERB_OR_PARTICIPLE % {"word": token.text}
            return True
        intransitive = index == chain and (verb_lemma(tokens[chain - 1].lower) in INTRANSITIVE or infinitive)
        # ("who participate show")
        # "Defendants who are considered dangerous sit next to": the relative clause ends with its adjective
        complement = index - 1 == chain and tokens[chain].tag == "JJ" and tokens[chain - 1].tag == "VBN"
        adverbs = index - 1
        while adverbs > chain and tokens[adverbs].lower in FREQUENCY_ADVERBS:
            adverbs -= 1  # "who are victims of sexual violence rarely reach the court"
        # "because the agencies which produce them often work from other countries": a pronoun ends the relative
        # clause, and no noun follows it in its phrase
        complement = complement or adverbs >= chain and tokens[adverbs].lower in ("them", "it", "us")
        # "persons whose registration as contractors was cancelled continue to build": a passive ends the relative clause
        complement = complement or index == chain and passive
        # ("the amendments of the Code which were adopted in 2024 protect now": a date ends a passive relative clause)
        complement = complement or year(tokens[adverbs]) and adverbs - 2 >= chain - 1 and tokens[chain - 1].tag == "VBN"
        # ("the products that are seized in our country arrive by post": a passive and its phrase of place)
        complement = complement or index > chain + 1 and passive \
            and tokens[chain].lower in ("in", "at", "on", "near", "from") \
            and all(t.tag in ("DT", "PRP$", "JJ", "NN", "NNS", "NNP", "NNPS") and not t.quoted
                    for t in tokens[chain + 1:index])
        quotation = tokens[adverbs].text in "\"\u201d" and adverbs - 1 >= chain and tokens[adverbs - 1].quoted
        # ("the fraudsters who operate the \"scam calls\" use SIM cards": a quotation ends the relative clause's object)
        if token.tag in ("NN", "NNS", "VB", "VBP") and token.text.islower() \
                and (tokens[adverbs].tag.startswith("NN") or intransitive or complement or quotation) \
                and (following.tag in ("DT", "CD", "PRP$", "PRP", *(("JJR", "JJ") if intransitive or complement else ()),
                                       *(("IN", "TO", "RB") if complement else ()))
                     or following.lower in DETERMINERS
                     or quotation and following.tag.startswith("NN")
                     or following.lower in PARTICLES and can_be_verb(token.lower)  # "who are taken ... end up without"
                     or following.tag in ("JJ", "JJR") and index + 2 < end and tokens[index + 2].tag in ("NN", "NNS")
                     or not can_be_noun(token.lower) and object_starts(following)
                     or following.tag == "NN" and third_person_form(token.lower) and not plural
                     or following.tag == "NNS" and following.text.islower() and plural and index + 2 < len(tokens)
                     and (tokens[index + 2].lower in ("which", "that", "who")
                          or tokens[index + 2].tag in ("IN", "TO") and tokens[index + 2].lower != "of")
                     # ("the intermediaries who buy their harvest use scales which weigh less")
                     or following.tag == "NN" and following.text.islower() and plural and index + 2 < len(tokens)
                     and tokens[index + 2].tag == "NNS"  # ("adults who are not Nigerians obtain birth certificates")
                     or following.lower in FREQUENCY_ADVERBS and can_be_verb(token.lower) and index + 2 < end
                     and tokens[index + 2].tag in ("IN", "TO", "DT", "PRP$")  # "... lead sometimes to sextortion"
                     or following.tag == "IN" and following.lower != "of" and can_be_verb(token.lower) and index + 2 < end
                     and tokens[index + 2].lower in ("the", "a", "an", "their", "its")  # "... ring at the door"
                     or following.lower == "that" and can_be_verb(token.lower) and index + 2 < end  # "... show that 62"
                     and (tokens[index + 2].tag in ("CD", "PRP", "NNS", "NNP") or tokens[index + 2].lower in DETERMINERS)) \
                and (base_form(token.lower) if plural else third_person_form(token.lower)):
            # ("a public official who certifies an untruth in a document faces imprisonment")
            token.tag = "VBP" if base_form(token.lower) else "VBZ"
            reason = reasons.TENSE_MAY_BE_NOUN if can_be_noun(token.lower) else reasons.TENSE
            token.uncertain = token.uncertain or reason % {"word": token.text}
            return True
        if token.tag == "NN" and token.text.islower() and tokens[adverbs].tag.startswith("NN") and plural \
                and base_form(token.lower) and can_be_verb(token.lower) and following.tag == "NNS" \
                and index + 2 < end and tokens[index + 2].lower == "of":
            # "tanker operators who sell stolen water cause losses of ...": the verb, or a compound ("water pump
            # parts of")? The editor is asked.
            token.uncertain = token.uncertain or reasons.MAY_BE_PRESENT % {"word": token.text}
    return False


def _only_past_after_that(tokens: list[Token], start: int, end: int, index: int) -> bool:
    """Tell whether the past form at ``index`` is the only candidate for the verb of a second clause that ", and that"
    opens, which has no finite verb: "..., and that some traders brought in the past gold from conflict areas"."""
    that = start if tokens[start].lower == "that" else start - 1
    return that >= 2 and tokens[that].lower == "that" and tokens[that].tag == "IN" \
        and tokens[that - 1].lower == "and" and tokens[that - 2].text == "," \
        and not any(t.tag in FINITE and not t.quoted for t in tokens[that + 1:end]) \
        and not any(t.tag == "VBN" and past_form(t.lower) for t in tokens[that + 1:index])


# Verbs whose past before "to" is the verb of its subject, not a passive participle ("the operation led to").
VERBS_OF_TO = frozenset("lead contribute amount result belong respond react".split())


def _verb_after_subject(tokens: list[Token], start: int, end: int, nouns: frozenset[int] = frozenset(),
                        determiner_after: bool = False, either_number: bool = False, before_a_past: bool = False) -> bool:
    """Tag the verb of the clause ``tokens[start:end]`` (see :func:`clause_verbs`), not one of ``nouns``; tell
    whether one was found. When ``nouns`` were read as verbs, their clause needs a verb with an object to take
    their place ("courts on juvenile affairs ... consider all cases", not "notes with concern the increase in drug
    use among young people")."""
    if start == 0 and end > 2 and tokens[0].lower in OPENING_SUBORDINATORS:
        start = 1  # the clause's subject comes after its conjunction: "if the suspect lives in ... or serves ..."
    opening = start == 1 and tokens[0].lower in OPENING_SUBORDINATORS  # "If the victim consents,"
    last = end - 1 if tokens[end - 1].tag == "VBN" and (end == len(tokens) or tokens[end].text in ":;" or (
        (tokens[end].text == "," or tokens[end].lower in LATER_SUBORDINATORS) and _counted(tokens, start))) else None
    # ("in which 46 women died,", "more than 80 persons drowned when a boat sank")
    last_word = end - 2 if end == len(tokens) and tokens[end - 1].text in ".;" else end - 1
    closing = (end < len(tokens) and tokens[end].text == "," or last_word == end - 2) and (
        tokens[last_word].tag in ("NN", "VB") and can_be_verb(tokens[last_word].lower) and not can_be_noun(tokens[last_word].lower)
        or tokens[last_word].tag == "NNS" and third_person_form(tokens[last_word].lower)
        and (tokens[last_word - 1].tag == "NN" or tokens[last_word - 1].tag == "NNS"
             and verb_lemma(tokens[last_word].lower) in CHANGE_VERBS)
        and not (end + 1 < len(tokens) and tokens[end].text == "," and list_of_nouns(tokens, end + 1)))
    # (not "where glutathione drips, fillers and botulinum toxin are injected": the first noun of a list)
    # ("where the victim dies.", "when the sale of alcohol to under-18s increases.")
    # ("where the gangs ... operate,", "before the police arrive.")
    # ("the Office (BKA) and the Bureau (ZKA) observe that ...": the clause ends with its verb of saying, before "that")
    before_that = end < len(tokens) and tokens[end].lower == "that" and verb_lemma(tokens[end - 1].lower) in THAT_VERBS
    for index in range(start + 1, end if opening or last is not None or closing or before_that else end - 1):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < end else None
        if nouns and not (following is not None and (following.tag in ("DT", "CD", "PRP$") or following.lower in DETERMINERS)):
            continue
        if determiner_after and not (following is not None and (following.lower in (
                "the", "a", "an", "its", "their", "together", "closely", "jointly")  # ("works together with")
                or following.tag == "JJ" and following.text.islower() and index + 2 < end
                and tokens[index + 2].tag == "NNS" and tokens[index + 2].text.islower())):  # ("conduct random checks")
            continue
        if index in nouns or token.quoted or not token.text.islower() or token.tag not in ("NN", "NNS", "VB", "VBP", "VBZ", "VBN") \
                and not (token.tag == "JJ" and base_form(token.lower) and can_be_verb(token.lower) and following is not None
                         and (following.tag in ("IN", "TO") and object_after_a_phrase(tokens[:end], index + 2)
                              or following.lower in FREQUENCY_ADVERBS and index + 3 < end
                              and tokens[index + 2].tag in ("JJ", "NN", "DT", "VBN") and tokens[index + 3].tag in ("NN", "NNS"))):
            continue  # (an adjective that may be a verb, before a place and an object: "importers present to its customs
            # an invoice")
        before = index - 1
        while before > start and tokens[before].lower in ADVERBS_BETWEEN and tokens[before].text.islower():
            before -= 1  # "the support officers at the county courts ... also accompany victims"
        previous = tokens[before]
        subject, people = None, False
        if previous.text == ",":
            subject = insert_closed_before(tokens, before, start)
        elif previous.tag.startswith("NN") or previous.text == ")" or previous.tag == "CD" \
                or previous.tag in ("JJ", "VBG") and previous.lower.endswith("ing"):
            subject = subject_before(tokens, before, start)
        elif previous.tag == "VBN" and before - 1 > start and tokens[before - 1].tag.startswith("NN"):
            subject = subject_before(tokens, before - 1, start)  # "the value of the assets seized reached"
        elif previous.text in ('"', "\u201d") and before - 2 > start:
            opening = before - 1
            while opening > start and tokens[opening].quoted and tokens[opening].text not in ('"', "\u201c"):
                opening -= 1
            if tokens[opening].text in ('"', "\u201c") and tokens[opening - 1].tag in ("NN", "NNP"):
                subject = subject_before(tokens, opening - 1, start)  # 'the Operation "Oleum" led to the arrest'
        elif previous.tag == "JJ" and before - 1 >= start and following is not None and (
                "NOUN" in lemmas(previous.lower) and tokens[before - 1].lower in DETERMINERS
                and (following.tag in ("DT", "CD", "PRP$") or following.lower == "to" and index + 2 < end
                     and tokens[index + 2].tag == "CD")  # ("the fine amounts to 107 euros")
                or tokens[before - 1].tag == "CD" and token.tag in ("NN", "VB") and base_form(token.lower)
                and following.tag in ("IN", "TO") and following.lower != "of"):
            # ("more than one million faithful walk from Asunción": an adjective after a number is the noun of people)
            people = tokens[before - 1].tag == "CD"
            previous.tag = "NN"  # "gold miners in the interior use an estimated 20 tons": a noun, then the verb
            subject = subject_before(tokens, before, start)
            if subject is None:
                previous.tag = "JJ"
        bare = token.tag == "VBN" and previous.tag != "VBN" and _bare_object_then_phrase(tokens, index + 1, end)
        # ("many students from the interior and workers of the construction rent rooms in private houses": a bare plural
        # object before a preposition, after a base form that agrees with a plural subject)
        bare_plural = token.tag in ("NN", "VB") and base_form(token.lower) and following is not None \
            and following.tag == "NNS" and following.text.islower() and index + 2 < end and tokens[index + 2].tag == "IN" \
            and tokens[index + 2].lower != "of" and subject is not None and subject_takes_plural(tokens, subject, index)
        adjective_object = token.tag == "VBN" and adjective_and_noun(tokens[:end], index + 1)
        # ("agents at the ports sold forged tickets")
        if subject is None or following is not None and not (closing and index == last_word) and not bare \
                and not bare_plural and not adjective_object and (following.lower == "of" or not (
                    object_starts(following) or following.tag in ("IN", "TO", "RB", "RP", "CD"))):
            continue
        if token.tag == "VBN" and index == last and past_form(token.lower):
            token.tag = "VBD"  # "and the following forms of exploitation prevailed:"
            token.uncertain = token.uncertain or reasons.VERB_OR_PARTICIPLE % {"word": token.text}
            return True
        if token.tag == "VBN":
            dated = following is not None and object_after_places_and_dates(tokens[:end], index + 1)
            # ("the Police dismantled in 2023 eleven workshops")
            if following is not None and (following.lower != "by" or verb_lemma(token.lower) in INTRANSITIVE) \
                    and past_form(token.lower) \
                    and (following.tag in ("CD", "NNP") or object_follows(tokens, index + 1) or dated
                         or adjective_object
                         or following.tag in ("IN", "TO") and (_counted(tokens, subject) or before_a_past
                                                               or object_after_a_phrase(tokens[:end], index + 2))
                         or verb_lemma(token.lower) in THAT_VERBS and end < len(tokens) and tokens[end].lower == "that"
                         or bare or _only_past_after_that(tokens, start, end, index)
                         or following.lower == "to" and verb_lemma(token.lower) in VERBS_OF_TO):
                # ('the Operation "Oleum" led to the arrest of 11 persons': a verb that takes "to", not a passive)
                # ("a candidate in a commune of Abidjan distributed to the voters bags of rice ... and asked them": a
                # past after "and" is the clause's only verb, and the participle before it with its phrase is the other)
                # ("2,150 adolescents in situation of risk participated in the programmes")
                token.tag = "VBD"
                token.uncertain = token.uncertain or reasons.VERB_OR_PARTICIPLE % {"word": token.text}
                return True
            if past_form(token.lower) or not base_form(token.lower):
                continue  # (a participle that is also the base form goes on: "about 20,000 visitors come to the island")
        if either_number and following is not None and following.tag in ("NNS", "VBZ") and can_be_verb(following.lower) \
                and third_person_form(following.lower) and index + 2 < end and object_starts(tokens[index + 2]):
            continue  # "that the States parties exchanges information": the word in -s before the object is the verb
        if third_person_form(token.lower) and can_be_noun(token.lower) and previous.tag == "NN" and previous.text.islower() \
                and following is not None and following.tag in ("NN", "VB", "VBP") and base_form(following.lower) \
                and index + 2 < end and object_starts(tokens[index + 2]):
            continue  # "The district courts use lay judges": a noun's plural, then the verb
        plural = people or subject_takes_plural(tokens, subject, index) or previous.tag == "NNP" and before == subject + 1 \
            and tokens[subject].lower == "the" and not third_person_form(token.lower)
        # ("and the Gardaí share intelligence with": a name that takes a plural, "the Länder", "the Carabinieri")
        collective = any(tokens[i].lower in COLLECTIVE for i in range(subject, index))  # "the National Police works"
        if (plural or either_number) and base_form(token.lower) and token.lower not in DETERMINERS:
            token.tag = "VBP"
        elif (not plural or collective or either_number) and third_person_form(token.lower):
            token.tag = "VBZ"
        elif not plural and token.tag == "NNS" and not can_be_verb(token.lower) and following is not None \
                and (following.tag in ("DT", "PRP$") or following.lower in DETERMINERS):
            token.tag = "VBZ"  # "the Institute (SANBI) now microchips every cycad": a noun the writer uses as a verb
        else:
            continue
        token.uncertain = token.uncertain or reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
        return True
    return False
