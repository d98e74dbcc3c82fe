"""The finite verb of a sentence that has none, and verbs coordinated with a finite one: after a contact clause,
an insert, a participle phrase, a share, joined subjects; verbs in a series.
"""

from __future__ import annotations

from portal.reports import reasons
from portal.reports.grammar import (
    ADVERBS_BETWEEN, Token, _previous_word, base_form, can_be_noun, can_be_verb, inflect, lemmas, lexicon_tag,
    third_person_form, verb_lemma,
)
from portal.reports.tagging.words import (
    BE_HAVE, CLAUSE_BOUNDARIES, CLAUSE_JOINERS, CLAUSE_OPENERS, DETERMINERS, FINITE, INTRANSITIVE, NOUN_PREPOSITIONS,
    OPENING_SUBORDINATORS, RELATIVES,
    PARTICLES, PREPOSITIONS, QUANTIFIERS, QUANTITY_PRONOUNS, SUBORDINATORS, THINKING, TIME_NOUNS, VERBS_OF_CONTENT,
    agrees_with_head, object_starts, participle_form, past_form, plural_noun, year,
)
from portal.reports.tagging.phrases import (
    after_a_date, after_opening_phrase, agent_to_end, before_parenthesis, comma_between_names, end_of_insert,
    ends_a_title, finite_position_in_clause, main_verb_in, object_follows, object_of_preposition, opens_clause,
    participle_of_an_apposition, relative_before, serial_list, single_phrase, verb_after_agent,
)
from portal.reports.tagging.participles import correct_participles, participle_after_a_comma


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
    _verbs_of_joined_clauses(tokens)
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
            _find_the_verb(clause)
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
            and tokens[index + 2].tag in ("NN", "NNS")  # "and offer legal counselling": no noun has an adjective after it
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
        if token.tag in ("NN", "VB") and tokens[before].lower == "but" and before < index - 1 and earlier \
                and earlier[-1].tag == "VBP" and following is not None and following.tag in ("IN", "RB", "DT", "PRP$") \
                and can_be_verb(token.lower):
            token.tag = "VBP"  # "who receive a work permit but never work in the country"
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
        if earlier and earlier[-1].tag == "VBP":
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


def _verbs_of_joined_clauses(tokens: list[Token]) -> None:
    """Find the verb of a clause that has none, in a sentence whose other clauses have theirs.

    The clauses of a sentence are joined by ";", or by a comma and "and", "but", "whereas", "while". A
    clause that opens with its subject (a noun phrase: "our Ministry of Justice", "offenders convicted
    under the Ordinance", "Our prisons") must have a verb: it is the first word after a noun of the
    subject that can be a verb in the present agreeing with the subject's head ("acts" with "Ministry",
    "face" with "offenders", "hold" with "prisons"), when the word after it cannot be that verb instead.
    A clause opened by a bare singular noun is more likely a noun on a list ("..., and protection of
    child witnesses") and is left alone.
    """
    if not any(t.tag in FINITE and not t.quoted for t in tokens):
        # A sentence without a verb found: a subject opened by a determiner or a possessive ("Our National Central
        # Bureau exchanges ...") has its verb after it, but a word that may be a noun is flagged, for a noun phrase
        # has no verb either; otherwise only a subject set off by a participle phrase has its verb after it.
        start = 0
        comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
        if tokens[0].tag == "IN" and comma is not None and comma + 1 < len(tokens) and single_phrase(tokens[:comma]):
            start = comma + 1  # after an opening phrase: "In accordance with the Constitution, treaties ... take"
        first = tokens[start] if start < len(tokens) else tokens[0]
        opened = first.lower in ("the", "our", "its", "their", "these", "those") or first.tag == "PRP$" or (
            start > 0 and (first.tag == "NNS" or first.tag == "JJ" and start + 1 < len(tokens)
                           and tokens[start + 1].tag == "NNS") and not first.text.endswith(("'s", "\u2019s")))
        _verb_by_agreement(tokens, start, len(tokens), after_phrase_only=not opened, unsure=True)
        return
    starts = [0] + [i + 1 for i, t in enumerate(tokens) if t.text == ";"] \
        + [i + 2 for i, t in enumerate(tokens[:-2]) if t.text == "," and tokens[i + 1].lower in CLAUSE_JOINERS]
    starts = sorted(set(starts))
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(tokens)
        # a clause of its own after a comma ends this one: "..., so that the importer does not know"
        end = next((i for i in range(start + 1, end - 1) if tokens[i].text == "," and number
                    and tokens[i + 1].lower in ("so", "because", "although", "while", "whereas", "unless")), end)
        if start >= end or main_verb_in(tokens, start, end):
            continue
        if number and tokens[start - 2].text == "," and serial_list(tokens, starts[number - 1], start - 2):
            continue  # "shelters, hotlines, and the training programmes for police officers": a list's last item
        if start == 0 and tokens[0].tag == "IN" and tokens[0].lower not in CLAUSE_BOUNDARIES:
            start = after_opening_phrase(tokens, end)  # "In application of the strategy, which ..., the ulema hold"
        if tokens[start].tag == "IN" and tokens[start].lower not in CLAUSE_BOUNDARIES:
            start = _subject_after_an_unclosed_phrase(tokens, start, end)  # "and in Helsinki the festivals use"
        _verb_after_unknown_noun(tokens, start, end)
        if not main_verb_in(tokens, start, end):
            _verb_by_agreement(tokens, start, end)


def _subject_after_an_unclosed_phrase(tokens: list[Token], start: int, end: int) -> int:
    """Return where the subject starts after a phrase of place or time that no comma closes, at ``start`` ("in Helsinki
    the festivals use", "in the capital the municipalities use"): at a determiner right after the phrase's noun;
    ``start`` when there is none."""
    for index in range(start + 2, end - 1):
        token, previous = tokens[index], tokens[index - 1]
        if token.text in ",;:" or token.tag in FINITE:
            break
        if token.lower in ("the", "our", "its", "their") and (previous.tag.startswith("NN") or year(previous)
                                                              or previous.lower in ("them", "it", "us")) \
                and previous.lower not in ("half", "quarter", "third") and single_phrase(tokens[start:index]):
            return index
    return start


def _verb_after_unknown_noun(tokens: list[Token], start: int, end: int) -> None:
    """In a clause without a verb that opens with a determiner and a lower-case noun no lexicon knows, whose number is
    unknown ("the ulema hold dialogues"), a base form after it, before an object, is its verb, flagged."""
    if end - start < 4 or tokens[start].lower not in ("the", "our", "its", "their"):
        return
    noun, word, following = tokens[start + 1], tokens[start + 2], tokens[start + 3]
    if noun.text.islower() and noun.is_word and not lemmas(noun.lower) and not lexicon_tag(noun.lower) \
            and word.tag in ("NN", "VB", "VBP") and base_form(word.lower) and word.text.islower() \
            and object_starts(following) and following.tag != "VBG":
        word.tag = "VBP"
        word.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": word.text}


def _verb_by_agreement(tokens: list[Token], start: int, end: int, *, after_phrase_only: bool = False,
                       unsure: bool = False) -> None:
    """Tag the verb of the clause ``tokens[start:end]``, which opens with its subject and has no verb (see above).

    When no word after the subject can be its verb in the present, a past form right after the subject's head
    is its verb ("while robberies increased slightly"), unless "by" follows it (a participle: "funded by").
    ``unsure`` (a sentence without any verb found): flag a verb that may be a noun, and take none after a phrase
    on the head ("The digitalization of criminal case files in ..." is a noun phrase).
    """
    past = _verb_by_agreement_in(tokens, start, end, after_phrase_only, unsure)
    if past is not None and not unsure:  # (a list item may be a noun phrase: "Juvenile courts established in ...")
        tokens[past].tag = "VBD"


def _verb_by_agreement_in(tokens: list[Token], start: int, end: int, after_phrase_only: bool, unsure: bool) -> int | None:
    """Do the work of :func:`_verb_by_agreement`; return the position of a past form that is the verb, if any."""
    first = tokens[start]
    if first.quoted or not (first.tag in ("DT", "PRP$", "CD", "NNS", "NNPS") or first.lower in ("the", "a", "an") or (
            first.tag == "JJ" and start + 1 < end and tokens[start + 1].tag == "NNS")):
        return None  # a bare singular noun ("protection of child witnesses") more likely goes on a list of nouns
    head: Token | None = None
    inside = False  # inside a phrase after the head: "of Justice", "convicted under the amended Ordinance"
    previous: Token | None = None
    past: int | None = None  # a past form right after the head
    participle = False  # the phrase after the head is a participle's: "treaties ratified by the country"
    for index in range(start, end):
        token = tokens[index]
        nounish = previous is not None and (previous.tag.startswith("NN") or previous.text == ")")
        if token.text == "," and head is not None and index + 1 < end and tokens[index + 1].lower in ("which", "who"):
            _verb_after_relative(tokens, index + 1, end, head)  # "Our shelters, which are run by NGOs, receive ..."
            return None
        if token.text == "," and head is not None and index + 1 < end and tokens[index + 1].tag == "VBN":
            _verb_after_relative(tokens, index, end, head)  # "Our prisons, built in the 1970s, house ..."
            return None
        if inside and (token.text == "," and comma_between_names(tokens, index)
                       or token.lower == "and" and previous is not None and previous.tag == "NNP" and index + 1 < end
                       and tokens[index + 1].tag == "NNP"):
            previous = token  # "the commands of Apapa, Tin Can Island and Seme use": a list of names in the phrase
            continue
        if token.quoted or token.text in ",;:":
            return past
        if nounish and head is not None and not token.text[:1].isupper() and token.tag in ("NN", "NNS", "VB", "VBP", "VBZ") \
                and agrees_with_head(token.lower, head) and not after_phrase_only and not (unsure and inside and not participle):
            following = tokens[index + 1] if index + 1 < end else None
            if following is not None and (object_starts(following) or following.tag in ("IN", "TO", "RB", "RP", "CD")) \
                    and not (following.tag in ("NN", "NNS", "VB", "VBP", "VBZ") and not following.text[:1].isupper()
                             and agrees_with_head(following.lower, head)):
                token.tag = "VBZ" if third_person_form(token.lower) and not plural_noun(head) else "VBP"
                if token.tag == "VBZ" and can_be_noun(token.lower) and not (
                        following.tag in ("IN", "TO", "DT", "PRP$", "RB", "RP") or following.lower in DETERMINERS) \
                        or unsure and can_be_noun(token.lower):
                    # "and the prosecution services 150 cases": a plural noun, its verb left out?
                    token.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
                return None
        if token.tag.startswith("NN"):
            if not inside:
                head = token
        elif token.tag in ("DT", "PRP$", "CD", "JJ", "JJR", "JJS", "POS", "VBG") or token.lower in ("the", "a", "an") \
                or token.text in "()" or (token.tag in ("VBN", "VBD") and previous is not None
                                          and previous.tag in ("DT", "PRP$", "JJ", "CD")):
            pass  # "the amended Ordinance": a participle before its noun is an adjective
        elif (nounish or previous is not None and previous.tag == "VBN" and inside) and (
                token.lower in NOUN_PREPOSITIONS or token.lower in ("in", "by", "from", "with", "to") or token.tag == "VBN"):
            if token.tag == "VBN" and not inside and past is None and not after_phrase_only and past_form(token.lower) \
                    and index + 1 < end and tokens[index + 1].lower != "by":
                past = index
            if token.tag == "VBN" and not inside:
                participle = True
            inside = True  # "of Justice", "convicted under ..."
        else:
            return past
        previous = token
    return past


def _verb_after_relative(tokens: list[Token], start: int, end: int, head: Token) -> None:
    """Tag the verb after the relative clause opening at ``start`` (after its own verb and a closing comma), or
    after the participle phrase after the comma at ``start``, when it agrees with the subject's ``head``: "The
    prisons, which were built in the 1950s, hold 2,000 inmates", "Our prisons, built in the 1970s, house ..."."""
    if tokens[start].text == ",":
        verb = start + 1  # a participle phrase between commas: "Our prisons, built in the 1970s, house ..."
    else:
        verb = next((i for i in range(start + 1, min(end, start + 40)) if tokens[i].tag in FINITE and not tokens[i].quoted),
                    None)
    if verb is None:
        return
    for index in range(verb + 1, min(end, start + 40) - 1):
        if tokens[index].text != ",":
            continue
        candidate, following = tokens[index + 1], tokens[index + 2]
        if candidate.quoted or candidate.text[:1].isupper() or not candidate.is_word:
            continue  # a comma inside a name: "the Ministry of Environment, Forestry and Tourism"
        if candidate.tag in ("NN", "NNS", "VB", "VBP", "VBZ") and agrees_with_head(candidate.lower, head) \
                and (object_starts(following) or following.tag in ("IN", "TO", "RB", "RP", "CD")):
            candidate.tag = "VBZ" if third_person_form(candidate.lower) and not plural_noun(head) else "VBP"
        return


def sentence_verb(tokens: list[Token]) -> None:
    """Find the verb of a sentence of a paragraph (not a list item, which may be a noun phrase) that has none yet.

    A paragraph's sentence has a verb: a past form after its subject's noun, before an amount or an adverb of
    degree, is that verb ("Cases of trafficking increased by 30 per cent", "Robberies fell sharply").
    """
    if any(t.tag in FINITE and not t.quoted for t in tokens) or (tokens and tokens[-1].text == ":"):
        return
    for index in range(1, len(tokens)):
        token, before = tokens[index], tokens[index - 1]
        if token.text in ",;:":
            return
        if token.tag != "VBN" or not (before.tag.startswith("NN") or before.text == ")") or not past_form(token.lower):
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        after = tokens[index + 2] if index + 2 < len(tokens) else None
        amount = following is not None and following.lower in ("by", "from", "to") and after is not None and after.tag == "CD"
        degree = following is not None and following.tag.startswith("RB") and following.lower.endswith("ly")
        if amount or degree:
            token.tag = "VBD"
        elif following is not None and following.tag in ("NNS", "JJ") and not following.text[:1].isupper():
            # "The Directorate (DIA) seized assets worth EUR 1.4 billion": the only verb the sentence can have
            token.tag = "VBD"
            token.uncertain = reasons.VERB_OR_PARTICIPLE % {"word": token.text}
        return


def _find_the_verb(tokens: list[Token]) -> None:
    """In a sentence where no verb was found, take the first word after its subject that can be a present verb.

    "Our National Central Bureau exchanges about 9,000 messages", "Victims of trafficking receive:".
    A word that may also be a noun is left alone: the sentence is then flagged as one without a verb.
    """
    for index, token in enumerate(tokens[1:], start=1):
        if token.quoted or not token.is_word or token.tag.startswith(("IN", "DT", "PRP", "CC", "TO", "VBG", "VBN")):
            continue
        previous = tokens[index - 1]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        plural = previous.tag in ("NNS", "NNPS") or (tokens[0].tag in ("NNS", "NNPS") and previous.tag.startswith("NN"))
        plural_subject = plural and base_form(token.lower) and following is not None \
            and (following.tag in ("CD", "DT", "PRP$") or following.lower in ("approx.", "about", "some", "over"))
        if not previous.tag.startswith("NN") or not (opens_clause(tokens, index - 1) or plural_subject):
            continue
        if can_be_noun(token.lower) and not plural_subject:
            continue  # a noun phrase has no verb either: "community service", "a residence permit"
        if plural_subject:
            token.tag = "VBP"  # "its prisons hold approx. 17,000 inmates"
            token.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
            return
        if third_person_form(token.lower):
            token.tag = "VBZ"
        elif base_form(token.lower) and previous.tag in ("NNS", "NNPS", "NN"):
            token.tag = "VBP"
        else:
            continue
        return


def verb_after_relative_pronoun(tokens: list[Token]) -> None:
    """Right after a subject relative pronoun comes the relative clause's verb: "the app, which blocks calls and
    messages from ..." (the tagger reads "blocks" as a noun and "calls" as the verb), "a special team that monitors
    hate speech" (and "hate" is then a noun)."""
    _verb_after_relative_pronoun_and_phrase(tokens)
    for index in range(1, len(tokens) - 2):
        pronoun, word, following = tokens[index], tokens[index + 1], tokens[index + 2]
        if pronoun.lower == "that" and tokens[index - 1].tag == "NN" and word.tag == "NNS" and word.text.islower() \
                and third_person_form(word.lower) and not word.quoted and index + 3 < len(tokens):
            modifier = following.tag in ("VB", "VBP") and can_be_noun(following.lower) \
                and tokens[index + 3].tag.startswith("NN")  # "monitors hate speech"
            if modifier or following.tag in ("NN", "JJ", "DT") and tokens[index + 3].tag not in FINITE:
                word.tag = "VBZ"
                if modifier:
                    following.tag = "NN"
    for index in range(1, len(tokens) - 3):
        pronoun, word, following = tokens[index], tokens[index + 1], tokens[index + 2]
        if pronoun.lower in ("which", "who") and word.tag in ("NNS", "NN") and third_person_form(word.lower) \
                and word.text.islower() and not word.quoted and following.lower == "that":
            word.tag = "VBZ"  # "a circular which states that": a verb of saying and its clause
            continue
        if pronoun.lower not in ("which", "who") or tokens[index - 1].text != "," or word.quoted or following.quoted:
            continue
        if word.tag in ("NNS", "NN") and third_person_form(word.lower) and not word.text[:1].isupper() \
                and following.tag == "VBZ" and can_be_noun(following.lower) \
                and tokens[index + 3].lower in ("and", "or", "from", "of", "in", "to", "for", ",", "."):
            word.tag, following.tag = "VBZ", "NNS"
    for index in range(1, len(tokens) - 2):
        # "which function in all the municipalities and offer legal ... orientation": a second verb after "and"
        if tokens[index].lower == "and" and tokens[index + 1].tag in ("NN", "VB") and tokens[index + 1].text.islower() \
                and base_form(tokens[index + 1].lower) and tokens[index + 2].tag in ("JJ", "DT", "PRP$") \
                and tokens[index - 1].tag in ("NNS", "NN", "NNPS"):  # ("take place on Saturdays and gather the")
            verb = next((i for i in range(index - 1, max(0, index - 12), -1) if tokens[i].tag in FINITE
                         or tokens[i].text in ",;"), None)
            if verb is not None and tokens[verb].tag == "VBP" and verb > 0 and _after_relative_pronoun(tokens, verb):
                tokens[index + 1].tag = "VBP"
    for index in range(1, len(tokens) - 2):
        pronoun, word, following = tokens[index], tokens[index + 1], tokens[index + 2]
        adjective = following.tag in ("VBD", "VBN") and participle_form(following.lower) and index + 3 < len(tokens) \
            and tokens[index + 3].tag in ("NN", "NNS")  # "who sell expired medicines"
        if pronoun.lower == "that" and tokens[index - 1].tag == "NNS" and word.tag in ("NN", "VB") and not word.quoted \
                and word.text.islower() and base_form(word.lower) and not third_person_form(word.lower) \
                and (following.tag in ("NNS", "DT", "PRP$", "CD") or adjective) and not following.quoted:
            word.tag = "VBP"  # "Shops that sell vapes to minors": a plural antecedent and the verb that agrees with it
            if adjective:
                following.tag = "JJ"  # "groups that use falsified numbers"
            elif can_be_noun(word.lower):
                word.uncertain = word.uncertain or reasons.TENSE_MAY_BE_NOUN % {"word": word.text}
            continue
        if pronoun.lower == "who" and word.tag in ("NN", "NNS", "VB") and not word.quoted and word.text.islower() \
                and (base_form(word.lower) or third_person_form(word.lower)) and (object_starts(following) or adjective):
            word.tag = "VBZ" if third_person_form(word.lower) and not base_form(word.lower) else "VBP"  # "who use drugs"
            if adjective:
                following.tag = "JJ"


def _after_relative_pronoun(tokens: list[Token], verb: int) -> bool:
    """Tell whether the verb at ``verb`` follows "which" or "who", at once or after a phrase ("which in the country
    take place")."""
    for before in range(verb - 1, max(-1, verb - 6), -1):
        if tokens[before].lower in ("which", "who"):
            return True
        if tokens[before].tag not in ("IN", "DT", "PRP$", "NN", "NNS", "NNP", "JJ", "CD"):
            return False
    return False


def _verb_after_relative_pronoun_and_phrase(tokens: list[Token]) -> None:
    """After ", which" or ", who" and a phrase of place or time, the word that agrees with the noun before the comma
    is the relative clause's verb: "funerals, which in the country take place on Saturdays"."""
    for index in range(2, len(tokens) - 4):
        if tokens[index].lower not in ("which", "who") or tokens[index - 1].text != "," \
                or tokens[index - 2].tag not in ("NN", "NNS") or tokens[index + 1].tag != "IN":
            continue
        noun = index + 3 if tokens[index + 2].lower in DETERMINERS else index + 2  # ("which in our country take")
        plural = tokens[index - 2].tag == "NNS"
        for word in range(noun + 1, min(noun + 4, len(tokens) - 1)):
            token = tokens[word]
            if token.tag in FINITE or not token.is_word or token.quoted or not token.text.islower():
                break
            if token.tag in ("NN", "NNS", "VB") and can_be_verb(token.lower) \
                    and (base_form(token.lower) if plural else third_person_form(token.lower)) \
                    and all(tokens[i].tag in ("NN", "NNS", "NNP", "JJ", "CD") for i in range(noun, word)) \
                    and tokens[word + 1].tag in ("NN", "NNS", "DT", "PRP$", "IN", "RB", "JJ", "CD"):
                token.tag = "VBP" if plural else "VBZ"
                if can_be_noun(token.lower):
                    token.uncertain = token.uncertain or reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
                break


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
