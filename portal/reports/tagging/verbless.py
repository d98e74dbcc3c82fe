"""The verb of a clause or sentence that has none after the other rules: by agreement with its subject
(:func:`sentence_verb`), and after a relative pronoun (:func:`verb_after_relative_pronoun`).
"""

from __future__ import annotations

from portal.reports import reasons
from portal.reports.grammar import (
    Token, base_form, can_be_noun, can_be_verb, lemmas, lexicon_tag, third_person_form, verb_lemma,
)
from portal.reports.tagging.words import (
    CLAUSE_BOUNDARIES, CLAUSE_JOINERS, DETERMINERS, FINITE, LINKING_VERBS, NOUN_PREPOSITIONS, PLACE_ADVERBS,
    QUANTITY_PRONOUNS, TAKE_BARE_INFINITIVE, agrees_with_head, object_starts, participle_form, past_form, plural_noun,
    year,
)
from portal.reports.tagging.joined import verbs_joined_by_and
from portal.reports.tagging.phrases import (
    acronym_in_parentheses, after_opening_phrase, comma_between_names, insert_closed_before, main_verb_in, opens_clause,
    serial_list, single_phrase, subject_takes_plural,
)


def verbs_of_joined_clauses(tokens: list[Token]) -> None:
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
        end = next((i for i in range(start + 1, end - 1) if tokens[i].text == ","
                    and tokens[i + 1].lower in ("so", "because", "although", "while", "whereas", "unless", "when", "if",
                                                "until")
                    and tokens[i + 2].lower != "of"), end)  # (also the first: "The churches, whose ..., stay closed
        # most of the year, because their priests ... celebrate there only on feast days")
        if start >= end:
            continue
        if main_verb_in(tokens, start, end):
            relative = _relative_with_the_only_verb(tokens, start, end)
            if relative is None or main_verb_in(tokens, start, relative):
                continue
            end = relative  # "and buyers paid in some cases thousands of euros for tokens which were created": the
            # only finite verb is the relative clause's, the clause's own comes before it
        if number and tokens[start - 2].text == "," and serial_list(tokens, starts[number - 1], start - 2):
            continue  # "shelters, hotlines, and the training programmes for police officers": a list's last item
        if start == 0 and tokens[0].tag == "IN" and (tokens[0].lower not in CLAUSE_BOUNDARIES or len(tokens) > 1
                                                     and tokens[0].lower in ("since", "after", "before", "until")
                                                     and tokens[1].tag in ("DT", "PRP$", "CD")):
            # "In application of the strategy, which ..., the ulema hold", "Since the opening of the corridor in
            # August 2023, the ports of Odesa ... handle": a phrase (a clause of time would have its verb)
            start = after_opening_phrase(tokens, end)
        if tokens[start].tag == "IN" and tokens[start].lower not in CLAUSE_BOUNDARIES:
            start = _subject_after_an_unclosed_phrase(tokens, start, end)  # "and in Helsinki the festivals use"
        _verb_after_unknown_noun(tokens, start, end)
        if not main_verb_in(tokens, start, end):
            _verb_by_agreement(tokens, start, end)


def _relative_with_the_only_verb(tokens: list[Token], start: int, end: int) -> int | None:
    """Return where a relative pronoun right after a noun opens a clause that holds the only finite verb of the
    clause ``tokens[start:end]`` ("... for tokens which were created by fraudsters"), or None."""
    for index in range(start + 2, end):
        if (tokens[index].lower in ("which", "who") or tokens[index].lower == "that" and tokens[index].tag == "WDT") \
                and tokens[index - 1].tag.startswith("NN"):  # ("seized orangutans and gibbons that were offered")
            finite = [t for t in tokens[index + 1:end] if t.tag in FINITE and not t.quoted]
            return index if len(finite) == 1 else None
    return None


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
    adjectives = start
    while adjectives < end and tokens[adjectives].tag == "JJ":
        adjectives += 1  # ("Many small churches in the mountains ..., whose ..., stay closed")
    if first.quoted or not (first.tag in ("DT", "PRP$", "CD", "NNS", "NNPS") or first.lower in ("the", "a", "an") or (
            first.tag == "JJ" and adjectives < end and tokens[adjectives].tag == "NNS")):
        return None  # a bare singular noun ("protection of child witnesses") more likely goes on a list of nouns
    head: Token | None = None
    inside = False  # inside a phrase after the head: "of Justice", "convicted under the amended Ordinance"
    previous: Token | None = None
    past: int | None = None  # a past form right after the head
    participle = False  # the phrase after the head is a participle's: "treaties ratified by the country"
    for index in range(start, end):
        token = tokens[index]
        nounish = previous is not None and (previous.tag.startswith("NN") or previous.text == ")")
        if token.text == "," and head is not None and index + 1 < end and (
                tokens[index + 1].lower in ("which", "who", "whose") or index + 3 < end
                and tokens[index + 1].lower in QUANTITY_PRONOUNS | {"one", "each", "none"}
                and tokens[index + 2].lower == "of" and tokens[index + 3].lower in ("which", "whom", "whose")):
            # "Our shelters, which are run by NGOs, receive ...", "the criminal groups, whose members work in some
            # forwarding companies, try", "the groups, some of whose members were arrested in 2021, pay"
            _verb_after_relative(tokens, index + 1, end, head)
            return None
        if token.text == "," and head is not None and index + 2 < end and tokens[index + 1].lower == "such" \
                and tokens[index + 2].lower == "as":
            _verb_after_relative(tokens, index, end, head)  # "The research councils, such as the Fund, distribute"
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
            acronym = previous is not None and previous.text == ")" and acronym_in_parentheses(tokens, index - 1)
            if token.tag == "VBN" and (not inside or acronym) and past is None and not after_phrase_only \
                    and past_form(token.lower) and index + 1 < end and tokens[index + 1].lower != "by":
                past = index  # (also after a name's acronym: "the Department of Wildlife (DW) seized orangutans")
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
        linking = verb_lemma(candidate.lower) in LINKING_VERBS and following.tag in ("VBD", "VBN", "JJ") \
            and following.text.islower()  # "The wooden churches, whose icons ..., stay closed most of the year"
        if candidate.tag in ("NN", "NNS", "VB", "VBP", "VBZ") and agrees_with_head(candidate.lower, head) \
                and (object_starts(following) or following.tag in ("IN", "TO", "RB", "RP", "CD") or linking):
            candidate.tag = "VBZ" if third_person_form(candidate.lower) and not plural_noun(head) else "VBP"
            if linking and following.tag == "VBD":
                following.tag = "VBN"
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


def find_the_verb(tokens: list[Token]) -> None:
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
        described = tokens[index + 2].tag in ("VBD", "VBN") and participle_form(tokens[index + 2].lower) \
            and index + 3 < len(tokens) and tokens[index + 3].tag in ("NN", "NNS")  # ("and show invented articles")
        if tokens[index].lower == "and" and tokens[index + 1].tag in ("NN", "VB") and tokens[index + 1].text.islower() \
                and base_form(tokens[index + 1].lower) \
                and (tokens[index + 2].tag in ("JJ", "DT", "PRP$") or described) \
                and tokens[index - 1].tag in ("NNS", "NN", "NNPS"):  # ("take place on Saturdays and gather the")
            verb = next((i for i in range(index - 1, max(0, index - 20), -1) if tokens[i].tag in FINITE
                         or tokens[i].text in ",;"), None)
            if verb is not None and tokens[verb].tag == "VBP" and verb > 0 and _after_relative_pronoun(tokens, verb):
                tokens[index + 1].tag = "VBP"
                if described:
                    tokens[index + 2].tag = "JJ"
    for index in range(1, len(tokens) - 2):
        pronoun, word, following = tokens[index], tokens[index + 1], tokens[index + 2]
        adjective = following.tag in ("VBD", "VBN") and participle_form(following.lower) and index + 3 < len(tokens) \
            and tokens[index + 3].tag in ("NN", "NNS")  # "who sell expired medicines"
        antecedent = tokens[index - 1].tag == "NNS" or index >= 2 and tokens[index - 1].lower in PLACE_ADVERBS \
            and tokens[index - 2].tag == "NNS"  # ("numbers abroad which charge high fees")
        described = following.tag == "JJ" and following.text.islower() and index + 3 < len(tokens) \
            and tokens[index + 3].tag in ("NN", "NNS")  # ("which charge high fees")
        if (pronoun.lower == "that" or pronoun.lower == "which" and tokens[index - 1].text != ",") and antecedent \
                and word.tag in ("NN", "VB") and not word.quoted \
                and word.text.islower() and base_form(word.lower) and not third_person_form(word.lower) \
                and (following.tag in ("NNS", "DT", "PRP$", "CD") or adjective or described) and not following.quoted \
                and not (following.tag == "NNS" and index + 3 < len(tokens)
                         and tokens[index + 3].tag in (*FINITE, "VB", "VBN")):
            # ("the cases that police officers handle": the subject of the relative clause, then its verb)
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


# Words after which a clause opens with its subject: "... and the staff, who are not trained, give sedatives".
INSERT_CLAUSE_OPENERS = frozenset("""and but or that where when because while whereas if as since although which
whom""".split())


def verb_after_an_insert(tokens: list[Token]) -> None:
    """A base form that the tagger reads as an infinitive after the comma closing an insert (", who are not trained,")
    whose subject before it is plural is the verb of that subject, in the present: "the staff, who are not trained,
    give sedatives", "the sellers, who advertise them online, also sell codes" (not "helps the victims, who are often
    children, find a home", where a verb before the subject takes the bare infinitive)."""
    found = False
    for index in range(2, len(tokens) - 1):
        token = tokens[index]
        if token.tag != "VB" or token.quoted or not token.text.islower() or not base_form(token.lower):
            continue
        comma = index - 1
        while comma > 0 and tokens[comma].lower in ("also", "often", "now", "then", "still", "usually", "mostly",
                                                    "sometimes", "always", "never", "even"):
            comma -= 1
        if tokens[comma].text != ",":
            continue
        opening = next((i for i in range(comma - 1, 0, -1)
                        if tokens[i].text == "," and not comma_between_names(tokens, i)), 0)
        start = next((i + 1 for i in range(opening - 1, -1, -1) if tokens[i].text in ",;:"
                      or tokens[i].lower in INSERT_CLAUSE_OPENERS), 0)
        subject = insert_closed_before(tokens, comma, start) if start < opening else None
        if subject is None or subject and (tokens[subject - 1].lower in ("to", *TAKE_BARE_INFINITIVE)
                                           or verb_lemma(tokens[subject - 1].lower) in TAKE_BARE_INFINITIVE):
            continue
        head = next((i for i in range(subject, comma) if tokens[i].text == ","), comma)
        if subject_takes_plural(tokens, subject, head):
            token.tag = "VBP"
            found = True
    if found:
        verbs_joined_by_and(tokens)  # "... obtain a new SIM card and then empty the accounts"
