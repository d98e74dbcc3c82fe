"""The finite verb of a sentence where the tagger read none: after a contact clause, an insert, a participle
phrase, a share, joined subjects (:func:`correct_clauses`, which also runs the rules of :mod:`.joined` and
:mod:`.verbless`).
"""

from __future__ import annotations

from portal.reports import reasons
from portal.reports.grammar import (
    Token, base_form, can_be_noun, can_be_verb, inflect, lexicon_tag, third_person_form, verb_lemma,
)
from portal.reports.tagging.words import (
    BE_HAVE, CLAUSE_BOUNDARIES, CLAUSE_JOINERS, CLAUSE_OPENERS, FINITE, INTRANSITIVE, NOUN_PREPOSITIONS, PARTICLES,
    PREPOSITIONS, QUANTIFIERS, QUANTITY_PRONOUNS, RELATIVES, SUBORDINATORS, THINKING, TIME_NOUNS, VERBS_OF_CONTENT,
    agrees_with_head, object_starts, participle_form, past_form, plural_noun, year,
)
from portal.reports.tagging.phrases import (
    after_a_date, agent_to_end, before_parenthesis, end_of_insert, ends_a_title, finite_position_in_clause,
    object_follows, opens_clause, participle_of_an_apposition, relative_before, verb_after_agent,
)
from portal.reports.tagging.participles import correct_participles, participle_after_a_comma
from portal.reports.tagging.joined import verbs_joined_by_and
from portal.reports.tagging.verbless import find_the_verb, verbs_of_joined_clauses


def correct_clauses(tokens: list[Token]) -> None:
    """Find the finite verb of a sentence that has none, and verbs coordinated with a finite one."""
    if len(tokens) > 4 and tokens[0].lower in ("those", "anyone", "everyone", "persons", "people") \
            and tokens[1].lower in ("who", "that"):
        for index, token in enumerate(tokens[3:], start=3):  # "Those who surrendered a weapon receive a cash incentive"
            if token.tag in ("NN", "VB") and base_form(token.lower) and not can_be_noun(token.lower) \
                    and tokens[index - 1].tag != "MD" and tokens[index - 1].lower != "to":  # (not "who will be found")
                token.tag = "VBZ" if tokens[0].lower in ("anyone", "everyone") else "VBP"
                break
            if token.tag in ("VBZ", "VBP", "MD") or token.text in ",;":
                break
    correct_participles(tokens)
    for index, token in enumerate(tokens):
        # "We, the Ministry of Justice, coordinate ...": the verb after an apposition to "we".
        if token.lower == "we" and index + 2 < len(tokens) and tokens[index + 1].text == ",":
            close = next((i for i in range(index + 2, min(len(tokens), index + 14)) if tokens[i].text == ","), None)
            if close is not None and close + 1 < len(tokens) and base_form(tokens[close + 1].lower):
                tokens[close + 1].tag = "VBP"
    finite = [token for token in tokens if token.tag in ("VBZ", "VBP", "VBD", "MD") and not token.quoted]
    if not finite:
        # "Law No. 94 of 15 July 2009 introduced the offence": a participle with an object is the verb.
        for index, token in enumerate(tokens[1:-1], start=1):
            after = tokens[index + 1]
            if token.tag == "VBN" and tokens[index - 1].tag in ("CD", "NN", "NNS", "NNP", "NNPS") \
                    and (object_follows(tokens, index + 1) or verb_lemma(token.lower) in INTRANSITIVE):
                token.tag = "VBD"  # ("412 adolescents complied with ...": a verb without object has no participle)
                break
    for index, token in enumerate(tokens[2:], start=2):
        # "Victims receive temporary residence permits": a clause that has its verb takes no second one without a
        # conjunction, a relative pronoun or a comma; an -s word after a noun is then the noun's plural. A verb of
        # thinking may take a clause without "that" ("We believe the Ministry needs ..."), and is left alone.
        if token.tag == "VBZ" and not token.quoted and tokens[index - 1].tag == "NN" and can_be_noun(token.lower) \
                and not tokens[index - 1].text[:1].isupper():
            verb = finite_position_in_clause(tokens, index)
            if verb is None:
                verb = finite_position_in_clause(tokens, index, through_lists=True)  # ("invitations and ... job offers")
            auxiliary = verb is not None and tokens[verb].lower in BE_HAVE \
                and any(t.tag in ("VBN", "VBG") for t in tokens[verb + 1:verb + 3])  # "have been selling"
            if verb is not None and verb_lemma(tokens[verb].lower) not in THINKING \
                    and (tokens[verb].lower not in BE_HAVE or auxiliary):
                token.tag = "NNS"
            elif verb == index - 2 and tokens[verb].lower in ("is", "are", "was", "were"):
                token.tag = "NNS"  # "most of which are bank balances": the complement of "be", no second verb
    verbs_of_joined_clauses(tokens)
    _verb_after_contact_clause(tokens)
    _verb_after_quantity_of_which(tokens)
    _verb_after_participle_phrase(tokens)
    _verb_after_insert(tokens)
    _verb_of_joined_subjects(tokens)
    _verb_before_its_object(tokens)
    _number_and_verbs_joined(tokens)
    participle_after_a_comma(tokens)
    _verb_after_a_share(tokens)
    verbs_joined_by_and(tokens)
    for index, token in enumerate(tokens[2:-1], start=2):
        # "as to which States need technical assistance": the verb of an indirect question.
        if tokens[index - 2].lower in ("which", "what", "whose", "how", "many") and tokens[index - 1].tag in ("NNS", "NNPS", "NNP", "NN") \
                and token.tag in ("NN", "VB") and base_form(token.lower) and object_starts(tokens[index + 1]):
            token.tag = "VBP"
    if len(tokens) > 2 and tokens[0].tag == "VBD" and tokens[1].tag in ("NN", "NNS", "JJ") \
            and inflect(verb_lemma(tokens[0].lower) or tokens[0].lower, "VBN") == tokens[0].lower \
            and any(t.tag in FINITE and not t.quoted for t in tokens[2:]):
        tokens[0].tag = "VBN"  # "Reported cases of online abuse rose ...": a sentence does not open with its verb
    for index, token in enumerate(tokens[:-2]):
        # "reported burglaries fell": a past form before a noun and a verb is a participle used as an adjective.
        after, then = tokens[index + 1], tokens[index + 2]
        if token.tag == "VBD" and after.tag in ("NNS", "NN") and then.tag in ("VBD", "VBN", "VBZ", "VBP", "MD") \
                and (index == 0 or tokens[index - 1].lower in ("that", ",", "the", "and") or tokens[index - 1].tag == "IN"):
            token.tag = "VBN"
            if then.tag == "VBN":
                then.tag = "VBD"
    if not any(t.tag in ("VBZ", "VBP", "VBD", "MD") and not t.quoted for t in tokens):
        start = 0
        while start < len(tokens) - 1 and tokens[start].tag in ("IN", "CD", "NNP", ",", "RB") and tokens[start].lower != "the":
            start += 1  # past an opening phrase ("In 2016, ...")
        if start < len(tokens) and tokens[start].lower in ("the", "a", "an", "our", "its", "their"):
            for index in range(start + 1, len(tokens)):
                token = tokens[index]
                after = tokens[index + 1] if index + 1 < len(tokens) else None
                if token.tag == "VBN" and tokens[index - 1].tag.startswith("NN") and after is not None \
                        and (after.lower in ("by", "from", "to", "in", "during", "over") or after.tag in ("DT", "CD", "PRP$")) \
                        and object_follows(tokens, index + 1) | (after.tag not in ("DT",)) \
                        and inflect(verb_lemma(token.lower) or token.lower, "VBD") == token.lower \
                        and not agent_to_end(tokens, index + 1) \
                        and not any(t.tag == "VBN" and tokens[i - 1].lower in ("or", "and") and tokens[i + 1].tag in ("IN", "TO")
                                    for i, t in enumerate(tokens[index + 2:-1], start=index + 2)):
                    # (not "the requests sent to those countries or received from them": two participles of a noun)
                    verb = verb_after_agent(tokens, index + 1, tokens[index - 1])
                    if verb is not None:  # "The data collected by the Office cover all regions"
                        tokens[verb].tag = "VBZ" if third_person_form(tokens[verb].lower) else "VBP"
                        break
                    token.tag = "VBD"  # "The number of offences increased by 9 per cent" (not "... collected by UNODC")
                    if not (after.tag in ("DT", "CD", "PRP$") or index + 2 < len(tokens) and tokens[index + 2].tag == "CD"):
                        # "A forensic laboratory equipped in Vientiane": a verb, or a noun phrase and its participle?
                        token.uncertain = reasons.VERB_OR_PARTICIPLE % {"word": token.text}
                    break
    start = 0
    for end in [i for i, t in enumerate(tokens) if t.text == ";"] + [len(tokens)]:
        clause = tokens[start:end]
        if clause and not any(t.tag in ("VBZ", "VBP", "VBD", "MD") and not t.quoted for t in clause):
            find_the_verb(clause)
        start = end + 1
    for index, token in enumerate(tokens[1:-1], start=1):
        if any(t.tag in ("VBZ", "VBP", "VBD", "MD") and not t.quoted for t in tokens[:index]):
            break
        # "Police records show that ...": a plural noun, then a word that may be a noun or the verb.
        if tokens[index - 1].tag == "NNS" and token.tag in ("NN", "VB") and base_form(token.lower) \
                and tokens[index + 1].lower in ("that", "the", "a", "an", "its", "their"):
            token.tag = "VBP"
            if can_be_noun(token.lower):
                token.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
            break
        # "Provisional data from the Centers for Disease Control indicate that ...": a bare verb with no "to", modal
        # or "do" before it, after a subject with a plural head and its phrase, opening a clause with "that".
        if token.tag == "VB" and tokens[index - 1].tag.startswith("NN") and tokens[index + 1].lower == "that" \
                and all(t.tag in ("DT", "JJ", "NN", "NNS", "NNP", "NNPS", "IN", "CC", "CD", "PRP$") and t.lower != "to"
                        for t in tokens[:index - 1]):
            head = next(t for t in tokens[:index] if t.tag.startswith("NN"))
            if plural_noun(head):
                token.tag = "VBP"
                if can_be_noun(token.lower):
                    token.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
                break


def _verb_after_contact_clause(tokens: list[Token]) -> None:
    """Find the verb of a subject followed by a relative clause without a relative pronoun: "The 55 Centres we run in
    public hospitals bring together ...", "the losses the victims declared amount to ...". The subject's noun opens a
    clause, a pronoun or a noun phrase follows it at once with its own verb; the subject's verb is then the first word
    after a noun that agrees with the subject's head and is followed by an object, an adverb or a preposition. A word
    that may be a noun is flagged."""
    for index in range(1, len(tokens) - 3):
        head, after = tokens[index], tokens[index + 1]
        if not head.tag.startswith("NN") or head.quoted or head.text.endswith(("'s", "\u2019s")) \
                or not (after.lower in ("we", "they", "i", "you") or after.lower in ("the", "our", "its", "their")) \
                or head.lower in TIME_NOUNS or not opens_clause(tokens, index):  # "Last year we prosecuted 40 cases"
            continue
        verb = index + 2
        if after.lower in ("the", "our", "its", "their"):
            while verb < len(tokens) and tokens[verb].tag in ("JJ", "NN", "NNS") and not tokens[verb].text[:1].isupper():
                verb += 1
            if verb == index + 2:
                continue
        if verb >= len(tokens) or tokens[verb].tag not in ("VBD", "VBP", "VBZ") or tokens[verb].quoted:
            continue
        for position in range(verb + 1, len(tokens) - 1):
            word, following = tokens[position], tokens[position + 1]
            if word.text in ",;:" or word.lower in CLAUSE_BOUNDARIES or word.lower in ("and", "or") \
                    or word.tag in FINITE or word.quoted:
                break
            if word.tag in ("NN", "NNS", "VB") and (tokens[position - 1].tag.startswith("NN") or position == verb + 1
                                                    or tokens[position - 1].tag == "CD" and word.tag == "VB") \
                    and not word.text[:1].isupper() and agrees_with_head(word.lower, head) \
                    and (object_starts(following) or following.tag in ("RB", "RP", "IN", "TO")):
                word.tag = "VBZ" if third_person_form(word.lower) and not plural_noun(head) else "VBP"
                if can_be_noun(word.lower):
                    word.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": word.text}
                break
        return


def _verb_of_joined_subjects(tokens: list[Token]) -> None:
    """A subject of noun phrases joined by "and", each opened by a determiner, is plural: the base form after it
    (and its adverbs), before an object, is its verb ("The Police Force and the Bureau for Victim Assistance jointly
    run a centre", "where a police officer, a social worker and a lawyer receive each victim"); flagged when it may be
    a noun."""
    starts = [0] + [i + 1 for i, t in enumerate(tokens) if t.lower in CLAUSE_OPENERS - {"and", "or", "but"} or t.text == ";"]
    for start in starts:
        if start >= len(tokens) or not (tokens[start].lower in ("the", "a", "an") or tokens[start].tag == "PRP$"
                                        or tokens[start].tag == "NNP" and tokens[start].text[:1].isupper()):
            continue
        position, joined = start, False
        while position < len(tokens) and (
                tokens[position].tag in ("DT", "PRP$", "JJ", "NN", "NNS", "NNP", "NNPS", "CD")
                or tokens[position].lower in NOUN_PREPOSITIONS or tokens[position].lower == "and"
                or tokens[position].text == "," and position + 1 < len(tokens) and tokens[position + 1].lower in ("a", "an", "the")):
            if tokens[position].lower == "and" and position + 1 < len(tokens) \
                    and (tokens[position + 1].lower in ("a", "an", "the") or tokens[position + 1].tag == "PRP$"
                         or tokens[start].tag == "NNP" and tokens[position + 1].tag == "NNP"):
                joined = True  # (also "New South Wales and Victoria supervise")
            if tokens[position].tag in ("NN", "NNS") and not tokens[position].text[:1].isupper() and joined \
                    and tokens[position - 1].tag.startswith("NN") and base_form(tokens[position].lower) \
                    and position + 1 < len(tokens) and object_starts(tokens[position + 1]):
                break  # "and a lawyer receive each victim": the verb, tagged as a noun
            position += 1
        while position < len(tokens) and (tokens[position].tag == "RB" and tokens[position].lower.endswith("ly")):
            position += 1
        if not joined or position >= len(tokens) - 1:
            continue
        word = tokens[position]
        if word.tag in ("VB", "NN", "VBP") and base_form(word.lower) and not word.text[:1].isupper() and not word.quoted \
                and tokens[position - 1].tag.startswith(("NN", "RB")) and (object_starts(tokens[position + 1]) or (
                    not can_be_noun(word.lower) and (tokens[position + 1].text in ",.;" or tokens[position + 1].tag == "IN"))):
            word.tag = "VBP"
            if can_be_noun(word.lower):
                word.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": word.text}


def _verb_after_quantity_of_which(tokens: list[Token]) -> None:
    """After "of which" or "of whom" and a quantity, the word that may be a verb in the present is the relative clause's
    verb ("5,400 complaints, of which 62% concern frauds"), and so after a quantity and "of which" ("87 projects, most
    of which target ..."); a word that may be a noun is flagged."""
    for index in range(2, len(tokens) - 2):
        if tokens[index].lower not in ("which", "whom") or tokens[index - 1].lower != "of":
            continue
        if tokens[index - 2].lower in QUANTITY_PRONOUNS or tokens[index - 2].tag == "CD" \
                or tokens[index - 2].lower in ("one", "each", "none", "majority", "part", "number"):
            position = index + 1  # "most of which target", "some of whom receive", "the majority of which concern"
        elif (fraction := _fraction_after(tokens, index + 1)) is not None:
            position = fraction + 1  # "of which almost a third concerned children", "of whom two thirds were women"
            tokens[fraction].tag = "NN"
        elif index + 1 < len(tokens) and tokens[index + 1].tag == "CD":
            position = index + 2
        elif index + 2 < len(tokens) and tokens[index + 1].lower in QUANTITY_PRONOUNS | {"none", "several", "few"}:
            position = index + 2  # "objects, of which some belong to cases finished before 2010"
        elif index + 2 < len(tokens) and tokens[index + 1].lower == "the" and tokens[index + 2].tag == "CD":
            position = index + 3  # "of which the 89% concluded with ..."
        elif index + 2 < len(tokens) and tokens[index + 1].lower in QUANTIFIERS and tokens[index + 2].tag == "CD":
            position = index + 3  # "of which about 1,000 actually employ ex-offenders"
        elif index + 3 < len(tokens) and tokens[index + 1].lower == "the" and tokens[index + 2].lower in (
                "most", "majority", "largest", "main", "rest"):
            position = index + 3 + (tokens[index + 3].tag in ("JJ", "RB") and tokens[index + 3].lower.endswith(
                ("ous", "ant", "ent", "al", "ive", "ic", "ful")))  # "of which the most numerous concerned:"
            tokens[index + 2].tag = "JJS"
            if position == index + 4:
                tokens[index + 3].tag = "JJ"  # the subject's words, not adverbs before the verb
        else:
            continue
        while position < len(tokens) - 1 and tokens[position].tag == "RB" and tokens[position].lower.endswith("ly"):
            position += 1
        if tokens[position].text == "%" or tokens[position].lower in ("per", "percent"):
            position += 2 if tokens[position].lower == "per" else 1
        if position >= len(tokens) - 1:
            return
        word, following = tokens[position], tokens[position + 1]
        if word.tag == "VBN" and not word.quoted and past_form(word.lower) and following.lower != "by":
            word.tag = "VBD"  # "of whom 71 per cent benefited of alternative measures"
            continue
        if (word.tag in ("NN", "NNS", "VB") or word.tag == "JJ" and can_be_verb(word.lower)) and not word.quoted \
                and not word.text[:1].isupper() \
                and (base_form(word.lower) or third_person_form(word.lower)) and (object_starts(following) or (
                    word.tag != "NNS" and base_form(word.lower) and following.tag in ("IN", "TO", "RB")
                    and following.lower != "of")):  # "of which 245 function inside police stations"
            word.tag = "VBZ" if third_person_form(word.lower) else "VBP"
            if can_be_noun(word.lower):
                word.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": word.text}


FRACTIONS = frozenset("half third thirds quarter quarters fifth fifths tenth tenths".split())


def _fraction_after(tokens: list[Token], index: int) -> int | None:
    """Return where a fraction ends that opens at ``index`` ("almost a third", "two thirds", "half"), or None."""
    if index < len(tokens) and tokens[index].lower in QUANTIFIERS:
        index += 1
    if index < len(tokens) and (tokens[index].lower in ("a", "one") or tokens[index].tag == "CD"):
        index += 1
    return index if index < len(tokens) - 1 and tokens[index].lower in FRACTIONS else None


def _verb_after_participle_phrase(tokens: list[Token]) -> None:
    """In a clause whose only verb found is a past form right after its subject's noun, followed by a phrase with a
    preposition, the verb may come after that phrase: "the new Code adopted in 2016 limits pre-trial detention ...".
    It does when a word there agrees with the subject's head, is no capitalised word of a name, and takes an object
    (or a clause with "that", for "provides", "requires"); the past form is then a participle, and the word, which
    may also be a noun, is flagged. "The Ministry adopted in 2016 rules on ..." has no object after "rules", and keeps
    its verb."""
    finite = [i for i, t in enumerate(tokens) if t.tag in FINITE and not t.quoted]
    if len(finite) > 1:
        return
    if not finite:  # "The judges trained under the programme apply ...": no verb found, the participle first
        finite = [i for i, t in enumerate(tokens) if t.tag == "VBN" and not t.quoted][:1]
    if not finite:
        return
    index = finite[0]
    token = tokens[index]
    start = index + 1
    if start < len(tokens) and tokens[start].lower in PARTICLES:
        start += 1  # "the JITs set up that year concern ..."
    dated = start + 1 < len(tokens) and tokens[start].lower in ("this", "that", "last", "next", "each", "every") \
        and tokens[start + 1].lower in TIME_NOUNS
    if token.tag not in ("VBD", "VBN") or index == 0 or start + 1 >= len(tokens) or not participle_form(token.lower) \
            or not tokens[index - 1].tag.startswith("NN") or not (tokens[start].lower in PREPOSITIONS
                                                                  or tokens[start].lower == "to" or dated) \
            or not opens_clause(tokens, index - 1):
        return
    verbless = token.tag == "VBN"  # the sentence has no verb but this participle: one is needed after it
    head = tokens[index - 1]
    relative = relative_before(tokens, index - 1)
    if relative is not None:  # "The unit that the Ministry created in 2019 trains ...": the verb agrees with "unit"
        head = tokens[relative - 1]
        if not opens_clause(tokens, relative - 1):
            return
    position = start + 2 if dated else start + 1
    while position < len(tokens) - 1:
        word, following = tokens[position], tokens[position + 1]
        if word.text in ",;:()" or word.lower in CLAUSE_BOUNDARIES or word.lower in ("and", "or"):
            return
        if tokens[position - 1].tag in ("NN", "NNS", "NNP", "NNPS", "CD") and word.is_word and word.text.islower() \
                and word.tag in ("NN", "NNS", "VB", "VBP", "VBZ") and agrees_with_head(word.lower, head) \
                and (object_starts(following) and following.lower not in ("that",) and following.tag != "VBG"
                     or following.lower == "that" and verb_lemma(word.lower) in VERBS_OF_CONTENT
                     or verbless and lexicon_tag(word.lower).startswith("VB") and following.tag in ("IN", "TO")):
            token.tag = "VBD" if relative is not None else "VBN"
            word.tag = "VBZ" if third_person_form(word.lower) else "VBP"
            if can_be_noun(word.lower):
                word.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": word.text}
            return
        if not (word.tag.startswith(("NN", "JJ", "DT", "CD", "PRP$")) or word.lower in PREPOSITIONS):
            return
        position += 1


def _verb_after_insert(tokens: list[Token]) -> None:
    """Find the verb after a subject and an insert set off by commas: a relative clause ("Ten Regional Centres
    (RIECs), each of which covers one or more regions, bring together ...") or a participle phrase ("the Team, set
    up in 2021 with a budget of EUR 100 million, supported 26 investigations"). The first word after the insert that
    can be a verb agreeing with the subject, before an object, is its verb, when nothing before the insert is one."""
    for first in range(1, len(tokens) - 3):
        if tokens[first].text != ",":
            continue
        # a noun phrase or a phrase of place set beside the subject: "The Financial Control (FKS), a unit of the
        # customs, checks", "some doctors ..., in particular in two provinces of Andalusia, issued"
        apposition = tokens[first + 1].lower in ("a", "an") or (
            tokens[first + 1].lower in ("in", "particularly", "especially", "notably", "mainly", "mostly")
            and tokens[first + 2].lower in ("particular", "the", "a", "two", "three", "some", "most"))
        clause = max([0] + [i + 1 for i in range(first) if tokens[i].text == ";"]
                     + [i + 2 for i in range(first - 1) if tokens[i].text == "," and tokens[i + 1].lower in CLAUSE_JOINERS]
                     + [i + 1 for i in range(1, first) if tokens[i].lower == "that" and tokens[i - 1].tag.startswith("VB")
                        and apposition])  # "has detected that some doctors ..., in particular in ..., issued"
        if any(t.tag in FINITE and not t.quoted for t in tokens[clause:first]):
            continue  # (the clause is the one after "; " or ", and": "..., and the Unit, which was ..., obtained")
        opener = tokens[first + 1]
        relative = opener.lower in ("which", "who", "whose", "where") or (
            first + 3 < len(tokens) and tokens[first + 2].lower == "of" and tokens[first + 3].lower in ("which", "whom"))
        participle = opener.tag in ("VBN", "VBD") and participle_form(opener.lower) and not object_follows(tokens, first + 2)
        apposed = participle_of_an_apposition(tokens, first + 1)  # "the Court, a pilot project started in 2022, offers"
        # a phrase of means or partners: "the Ministry of Culture, through its Directorate of ..., monitors daily"
        means = opener.lower in ("through", "via", "with", "together", "jointly", "under") or opener.lower == "in" \
            and tokens[first + 2].lower in ("cooperation", "coordination", "collaboration", "partnership")
        if not (relative or participle or apposition or apposed is not None or means
                or opener.tag == "VBG" and opener.lower.endswith("ing")):
            continue  # ("the Department, acting as ..., processed"; "the new Law, approved in 2024, foresees")
        head_at = before_parenthesis(tokens, first - 1) if tokens[first - 1].text == ")" else first - 1
        counted = tokens[0].lower in QUANTIFIERS and all(
            t.tag in ("CD", "NN", "NNS", "JJ", "NNP", "NNPS") for t in tokens[1:head_at + 1])  # "About 46,000 officers, who"
        if head_at > 1 and ends_a_title(tokens, head_at):
            head_at -= 2 if tokens[head_at - 1].text in ("No.", "no.") else 1  # "Republic Act No. 11930, signed"
        if head_at < 0 or not tokens[head_at].tag.startswith("NN") \
                or not (opens_clause(tokens, head_at) or after_a_date(tokens, head_at) or counted):
            continue
        second = end_of_insert(tokens, first + 2)
        if second is None:
            return
        word, following = tokens[second + 1], tokens[second + 2]
        after = second + 2
        if apposition and apposed is None:
            if any(t.lower in RELATIVES or t.tag in ("VBZ", "VBP", "VBD", "MD") and not can_be_noun(t.lower)
                   for t in tokens[first + 2:second]):
                continue  # (an insert with a verb is more than a noun phrase put beside the subject)
            if word.tag in ("NNS", "VBZ") and third_person_form(word.lower) and word.text.islower() \
                    and following.tag in ("VB", "VBP", "NN") and can_be_noun(following.lower) and after + 1 < len(tokens) \
                    and tokens[after + 1].tag == "NNS":
                following.tag = "NN"  # "..., checks nail studios": the verb, then a noun of its object
        if word.tag in ("VBZ", "VBP", "MD") and not word.quoted:
            if participle:
                opener.tag = "VBN"
            if apposed is not None:
                tokens[apposed].tag = "VBN"
            return
        if following.lower == "in" and after + 1 < len(tokens) and year(tokens[after + 1]):
            after += 2  # "..., sold in 2023 seized assets worth RON 48 million"
        elif following.lower in ("daily", "weekly", "monthly", "annually", "regularly", "constantly", "permanently",
                                 "systematically", "continuously") and after + 1 < len(tokens):
            after += 1  # "..., monitors daily the online marketplaces"
        if word.quoted or not word.text.islower() or word.tag not in ("VB", "VBN", "VBD", "NN", "NNS", "VBP", "VBZ") \
                or not (object_starts(tokens[after]) or object_follows(tokens, after)
                        or word.tag in ("VB", "NN") and following.tag == "IN" and agrees_with_head(word.lower, tokens[head_at])
                        and tokens[head_at].tag in ("NNS", "NNPS")  # ("..., work in all the counties", flagged)
                        or word.tag == "VB" and following.lower in ("every", "each")
                        or following.lower in PARTICLES | {"together", "forward"}
                        or tokens[after].tag in ("VBN", "VBD") and after + 1 < len(tokens)
                        and tokens[after + 1].tag.startswith("NN")  # ("sold in 2023 seized assets")
                        or relative and word.tag in ("VBN", "VBD") and past_form(word.lower) and following.tag == "IN"
                        and not _finite_before_a_clause(tokens, after)):  # "..., discovered at 19 stations software"
            return
        head = tokens[head_at]
        if participle:
            opener.tag = "VBN"
        if apposed is not None:
            tokens[apposed].tag = "VBN"
        if past_form(word.lower) and word.tag in ("VBN", "VBD"):
            word.tag = "VBD"
        elif word.tag in ("VB", "NN", "NNS", "VBP", "VBZ") and agrees_with_head(word.lower, head):
            word.tag = "VBZ" if third_person_form(word.lower) else "VBP"
            if can_be_noun(word.lower):
                word.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": word.text}
        return


def _finite_before_a_clause(tokens: list[Token], start: int) -> bool:
    """Tell whether a finite verb comes from ``start`` before a clause opens (a relative or a subordinate clause, a
    clause joined by a comma and a conjunction, a semicolon): a verb that would be the sentence's own."""
    for index in range(start, len(tokens)):
        token = tokens[index]
        if token.text == ";" or token.lower in RELATIVES | SUBORDINATORS | {"whose", "where"} \
                or token.text == "," and index + 1 < len(tokens) and tokens[index + 1].lower in CLAUSE_JOINERS:
            return False
        if token.tag in FINITE and not token.quoted and not (
                can_be_noun(token.lower) and tokens[index - 1].tag in ("NN", "NNS") and token.tag in ("VBP", "VB")):
            return True  # (not "at 12 markets software which": a noun the tagger took for a verb)
    return False


def _verb_before_its_object(tokens: list[Token]) -> None:
    """Of two words after a singular subject that may each be the verb ("The Department funds research on probation"),
    the first is the verb when the second, more often a noun, is followed by a preposition: a verb, its object and a
    phrase, rather than a compound noun and a verb without object. Flagged: both readings are English."""
    for index in range(1, len(tokens) - 2):
        word, second, after = tokens[index], tokens[index + 1], tokens[index + 2]
        before = tokens[index - 1]
        if word.tag == "NNS" and third_person_form(word.lower) and can_be_verb(word.lower) and word.text.islower() \
                and second.tag == "VBP" and can_be_noun(second.lower) and lexicon_tag(second.lower) == "NN" \
                and after.tag == "IN" and after.lower not in SUBORDINATORS \
                and before.tag in ("NN", "NNP") and opens_clause(tokens, index - 1) \
                and sum(1 for t in tokens if t.tag in FINITE and not t.quoted) == 1:
            word.tag = "VBZ"
            second.tag = "NN"
            word.uncertain = reasons.WHICH_IS_THE_VERB % {"words": f"{word.text} {second.text}"}
            return


def _verb_after_a_share(tokens: list[Token]) -> None:
    """After a share opening a clause ("while 8 per cent feel very worried", "and 60% say that"), a base form that can
    be a verb is the clause's verb: the share is its subject."""
    for index in range(2, len(tokens) - 1):
        token = tokens[index]
        share = tokens[index - 1].text == "%" and tokens[index - 2].tag == "CD" or (
            index >= 3 and tokens[index - 1].lower == "cent" and tokens[index - 2].lower == "per" and tokens[index - 3].tag == "CD")
        if not share or token.tag not in ("NN", "VB", "NNS", "JJ") or not base_form(token.lower) or not token.text.islower():
            continue
        start = index - (2 if tokens[index - 1].text == "%" else 3)
        if start == 0 or tokens[start - 1].text in ",;" or tokens[start - 1].lower in CLAUSE_OPENERS:
            following = tokens[index + 1]
            if following.tag.startswith(("RB", "JJ", "DT", "IN")) or following.lower == "that":
                token.tag = "VBP"


def _number_and_verbs_joined(tokens: list[Token]) -> None:
    """A number opening a clause, a past form and its object, then "and" and a finite verb: the past form is the first
    verb ("19 concerned cybercrime and were executed within 30 days"), not an adjective ("19 concerned citizens")."""
    if len(tokens) < 5 or tokens[0].tag != "CD" or tokens[1].tag != "VBN" or not past_form(tokens[1].lower) \
            or not object_starts(tokens[2]):
        return
    for index in range(2, len(tokens) - 1):
        token = tokens[index]
        if token.tag in FINITE and not token.quoted or token.text in ",;:":
            return
        if token.lower == "and" and tokens[index + 1].tag in FINITE and tokens[index + 1].lower in BE_HAVE:
            tokens[1].tag = "VBD"
            return
