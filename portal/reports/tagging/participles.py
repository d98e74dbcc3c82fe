"""Past participles told from past tenses: a past form between a noun and a preposition is a reduced relative
clause, a participle with an object is a past tense, the figures of a list item keep their participles.
"""

from __future__ import annotations

from portal.reports import reasons
from portal.reports.grammar import (
    ADVERBS_BETWEEN, Token, _previous_word, base_form, can_be_noun, can_be_verb, inflect,
    third_person_form, verb_lemma,
)
from portal.reports.tagging.words import (
    AUXILIARIES, BE_HAVE, CAUSATIVES, CHANGE_VERBS, CLAUSE_BOUNDARIES, CONTENT_NOUNS, FINITE, INTRANSITIVE, PARTICLES,
    PREPOSITIONS,
    QUANTITY_PRONOUNS, SUBJECT_PRONOUNS, SUBORDINATORS, THAT_VERBS, THINKING, TIME_NOUNS, no_passive_past,
    object_starts, participle_form, past_form, year,
)
from portal.reports.tagging.phrases import (
    before_its_infinitive, ends_a_relative_clause, ends_a_title, finite_in_clause, has_finite_after, object_after_a_phrase,
    object_after_places_and_dates, object_follows, object_of_preposition, opens_clause, reduced_relative,
    relative_before, single_phrase, subject_is_plural, subject_of_an_opening_clause,
)

# Words the tagger marks as prepositions that open a clause, after which a past form may be the clause's verb.
CONJUNCTIONS_LIKE_PREPOSITIONS = frozenset("that because since as if while although".split())

# Verbs that never take an object, so that their past form is never a passive participle.
NEVER_PASSIVE = frozenset("""die occur happen arrive participate comply graduate abscond reoffend relapse disappear
vanish emerge""".split())
# Determiners that no noun is followed by, and a verb's object opens with ("record every complaint").
OPENING_DETERMINERS = frozenset("every each the a an its their any".split())


def correct_participles(tokens: list[Token]) -> None:
    """Tell past participles from past tenses by their neighbours.

    After "have" (and "not", "yet"), a past form is a participle: "has not yet acceded". After a
    determiner (and adverbs), it is an adjective: "the most frequently reported crime". After a noun
    and before a preposition, an adverb or the end, it is a reduced relative: "offences committed
    online", "cases reported to the police", "centres run by the Ministry". After a noun and before its
    object, it is the verb: "the Prosecution referred 14 cases", "Law No. 94 introduced the offence".
    """
    for token in tokens:
        if token.tag == "VBN" and token.is_word:
            lemma = verb_lemma(token.lower)
            if lemma and inflect(lemma, "VBN") != token.lower and inflect(lemma, "VBD") == token.lower:
                token.tag = "VBD"  # "fell", "rose", "took": past tenses, never participles
    for index, token in enumerate(tokens):
        if token.quoted or not index:
            continue
        previous = _previous_word(tokens, index)
        if token.tag in ("VBD", "VBN") and previous >= 1 and tokens[previous].lower == "which" \
                and tokens[previous - 1].tag == "IN" and participle_form(token.lower) and index + 1 < len(tokens) \
                and tokens[index + 1].tag == "NNS" \
                and any(t.tag in ("VBZ", "VBP", "MD") and not t.quoted for t in tokens[index + 2:]):
            token.tag = "VBN"  # "a scheme, under which trained volunteers ... visit police cells": an adjective
            continue
        if token.tag == "VBD" and index >= 2 and tokens[index - 1].tag in ("VBN", "JJ") and tokens[index - 2].tag == "IN" \
                and tokens[index - 2].lower not in CONJUNCTIONS_LIKE_PREPOSITIONS \
                and index + 1 < len(tokens) and tokens[index + 1].tag in ("NN", "NNS") and participle_form(token.lower):
            token.tag = "VBN"  # "on relabelled expired products": the adjectives of a preposition's noun
            continue
        relative = index - 1
        while relative > 0 and tokens[relative].tag == "RB" and tokens[relative].text.islower():
            relative -= 1  # ("and which later attacked two branches")
        if tokens[relative].lower in ("which", "who", "whom") and token.tag in ("NN", "VBN", "JJ") \
                and verb_lemma(token.lower) and inflect(verb_lemma(token.lower), "VBD") == token.lower \
                and _previous_word(tokens, index) >= 0:
            token.tag = "VBD"  # "nine of which operated across borders", "which effectively prevented"
            continue
        if token.tag in ("VBN", "VB", "JJ") and previous >= 2 and tokens[previous].lower == "that" \
                and tokens[previous - 1].tag in ("NNS", "NN", "NNP", "NNPS") \
                and past_form(token.lower) and index + 1 < len(tokens) \
                and (tokens[index + 1].lower in ("the", "a", "an", "them", "it") or tokens[index + 1].tag == "PRP$") \
                and not tokens[previous - 1].quoted:
            token.tag = "VBD"  # "some provisions that inverted the burden of proof": "that" is the subject
            continue
        previous = _previous_word(tokens, index)
        if token.tag in ("VBN", "VBD") and previous >= 1 and tokens[previous - 1].lower == "whose" \
                and tokens[previous].tag in ("NN", "NNS") \
                and past_form(token.lower) and index + 1 < len(tokens) and (
                    tokens[index + 1].tag in ("TO", "DT", "PRP", "PRP$", "CD") or object_follows(tokens, index + 1)):
            token.tag = "VBD"  # "214 older persons whose relatives refused to take them back": the relative clause's verb
            continue
        if token.tag not in ("VBD", "VBN", "VBP", "VB"):
            continue
        back = index - 1
        while back >= 0 and (tokens[back].tag.startswith("RB") or tokens[back].lower in ADVERBS_BETWEEN
                             or tokens[back].lower in ("most", "more", "less", "least")):
            back -= 1
        before = tokens[back] if back >= 0 else None
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        participle = participle_form(token.lower) or inflect(token.lower, "VBN") == token.lower  # "fell" never is
        if before is None or not participle:
            continue
        if before.lower in ("has", "have", "had", "having", "is", "are", "was", "were", "be", "been", "being") \
                and token.tag == "VBD":
            token.tag = "VBN"  # "has not yet acceded", "were not sufficiently reflected"
        elif before.text == "," and token.tag == "VBD" and after is not None and after.tag in ("DT", "PRP$") \
                and not any(t.lower in ("which", "who") for t in tokens[:back]):
            token.tag = "VBN"  # "..., given the use of its territory" (not "..., which ..., launched a campaign")
        elif before.text == "," and token.tag == "VBD" and back >= 1 and tokens[back - 1].tag.startswith("NN") \
                and not any(t.tag in FINITE or t.lower in ("which", "who", "and", "but") for t in tokens[:back]) \
                and any(t.text == "," for t in tokens[index + 1:]) and tokens[0].tag in ("DT", "PRP$", "NNS", "NNP", "JJ"):
            # "The first national survey, carried out in 2022, shows ...": between the subject and its verb, a
            # participle phrase set off by commas
            token.tag = "VBN"
        elif (before.tag == "CD" or before.tag == "IN" and before.lower not in CONJUNCTIONS_LIKE_PREPOSITIONS) \
                and token.tag == "VBD" and after is not None and after.tag in ("NN", "NNS", "JJ"):
            token.tag = "VBN"  # "tried in closed hearings"
        elif before.lower == "that" and back >= 1 and (tokens[back - 1].tag.startswith("VB") or back >= 3 and year(
                tokens[back - 1]) and tokens[back - 2].tag == "IN" and tokens[back - 3].tag.startswith("VB")) \
                and token.tag == "VBD" and after is not None and participle_form(token.lower) \
                and (after.tag in ("NN", "NNS") or after.tag == "JJ" and index + 2 < len(tokens)
                     and tokens[index + 2].tag in ("NN", "NNS")):
            # "requires that deactivated firearms be reported", "has found in 2023 that used cooking oil ... is": an
            # adjective opens the clause's subject
            token.tag = "VBN"
        elif token.tag == "VBD" and before.tag in ("NN", "NNS") and after is not None and after.tag in ("NN", "NNS") \
                and after.text.islower() and participle_form(token.lower) and object_of_preposition(tokens, back) \
                and finite_in_clause(tokens, index):
            token.tag = "VBN"  # "a group which bought on the internet deactivated weapons": the verb came before
        elif before.tag in ("DT", "PDT") and before.lower in ("all", "both", "each", "every", "no") and token.tag == "VBD" \
                and after is not None and after.tag in ("NN", "NNS") and back == index - 1:
            token.tag = "VBN"  # "All surrendered weapons were destroyed"
        elif before.tag in ("DT", "PRP$") and before.lower not in ("that", "which", "all", "both", "each") \
                and token.tag in ("VBD", "VBN") and back < index - 1:
            token.tag = "VBN"  # "the most frequently reported crime"
        elif token.tag == "VBD" and before.tag in ("NN", "NNS") and after is not None and object_of_preposition(tokens, back) \
                and (after.tag in ("RB", "IN", "TO") or after.text in ",.;:)" or after.lower in ("less", "more")) \
                and not object_follows(tokens, index + 1) and not share_opening_a_clause(tokens, back) \
                and not before_its_infinitive(tokens, index) and not subject_of_an_opening_clause(tokens, index) \
                and not no_passive_past(token.lower):
            # (not "prisoners released on leave failed to return", "Since the concession ... to a company ended in",
            # "cubic metres of cyanide water flowed into": a verb without a passive)
            token.tag = "VBN"  # "based on a diagnosis realized together with the communities": no subject, a participle
        elif before.tag in ("NN", "NNS", "NNP", "NNPS") and token.tag == "VBD" and after is not None \
                and after.lower in ("every", "each") and index + 3 < len(tokens) and tokens[index + 2].lower in TIME_NOUNS \
                and tokens[index + 3].tag in ("IN", "TO") and reduced_relative(tokens, index):
            token.tag = "VBN"  # "free legal clinic held every month at the Court": when, then where, no object
        elif ends_a_title(tokens, back) and token.tag == "VBD" and after is not None and after.lower in ("to", "by", "on", "in") \
                and not object_follows(tokens, index + 1) and reduced_relative(tokens, index):
            token.tag = "VBN"  # "Combatting of Trafficking in Persons Act 2023 assented to on 2 May 2023"
        elif before.tag in ("NN", "NNS", "NNP", "NNPS") and token.tag in ("VBD", "VBP", "VB") and (after is None or (
                after.lower in ("by", "at", "in", "on", "to", "for", "online", "abroad", "under", "during", "from", "as")
                or _free_of_charge(tokens, index + 1)
                or after.text in ",.;:)" or after.lower in PARTICLES and index + 2 < len(tokens)
                and tokens[index + 2].lower in ("by", "in", "on", "at", "to", "for", "during", "from", "under"))) \
                and token.lower != "had" and not (after is not None and after.tag in ("IN", "TO")
                                                  and object_after_a_phrase(tokens, index + 2)) \
                and not object_after_places_and_dates(tokens, index + 1) and (
                    reduced_relative(tokens, index)
                    or after is not None and after.lower == "by" and has_finite_after(tokens, index)):
            # "offences committed online", "centres run by the Ministry", an entry ending "the data requested",
            # "the three shelters run by NGOs accommodate ..." (the clause's verb comes after the agent)
            token.tag = "VBN"
        elif token.tag == "VBD" and before.lower in ("them", "whom") and back >= 3 and tokens[back - 1].lower == "of" \
                and tokens[back - 2].lower in QUANTITY_PRONOUNS and tokens[back - 3].text == "," and before.lower == "them" \
                and participle_form(token.lower) and not object_follows(tokens, index + 1):
            token.tag = "VBN"  # "1,950 persons, most of them linked to criminal organizations": no verb, a participle
        elif token.tag in ("VBN", "VBD") and (before.tag == "CD" or before.lower in ("most", "many", "some", "half", "all")) \
                and back >= 1 and tokens[back - 1].lower in ("which", "whom") and after is not None and after.is_word \
                and after.tag not in ("IN", "TO") and past_form(token.lower):
            token.tag = "VBD"  # "46 cases, of which 29 concerned sexual exploitation": the relative clause's verb
        elif token.tag == "VBN" and (before.tag.startswith("NN") or before.text == ")" or (
                before.text == "," and any(t.lower in ("which", "who") for t in tokens[:back])) or ends_a_title(tokens, back)) \
                and after is not None \
                and (object_follows(tokens, index + 1) or object_after_places_and_dates(tokens, index + 1)) \
                and not finite_in_clause(tokens, index):  # (also "(SENAD) destroyed in 2023 more than 2,600 hectares")
            # "the Prosecution (...) referred 14 cases", "the police rescued more than a thousand victims",
            # "our country set up a unit"
            token.tag = "VBD"
        elif token.tag == "VBN" and before.lower not in BE_HAVE and after is not None \
                and (after.tag in ("DT", "PRP$") or (after.tag in ("NN", "NNS") and after.lower not in ("by",))) \
                and token.lower not in ("called", "named", "entitled", "known", "titled", "dubbed", "given", "based") \
                and before.tag in ("NN", "NNS", "NNP", "NNPS", "CD", "PRP") and not finite_in_clause(tokens, index) \
                and not (before.tag == "CD" and (back == 0 or not year(before) or tokens[back - 1].lower != "of"
                                                 and not ends_a_relative_clause(tokens, back - 1))
                         and not (back >= 1 and tokens[back - 1].text == "," and tokens[0].lower == "of")):
            # ("Of the 214 participants, 96 passed the exam": a number after the opening phrase is the subject)
            # After its subject, a participle takes no object: "requests that we received in 2011 concerned
            # cybercrime" (but "an integrated system", "for related crimes": adjectives; after a number, only
            # a year ends a subject: "Law No. 94 of 2009 introduced", but "of more than 100 suspected pirates").
            token.tag = "VBD"
    for index, token in enumerate(tokens[1:-2], start=1):
        # "Index crimes recorded by the police decreased by 11.3 per cent": a verb of change before an amount is a
        # past tense, not a participle, unless "be" or "have" comes before it
        if token.tag == "VBN" and not token.quoted and verb_lemma(token.lower) in CHANGE_VERBS \
                and (tokens[index + 1].lower in ("by", "from", "to") or tokens[index + 1].lower == "in" and index + 3 < len(tokens)
                     and tokens[index + 3].text in ("%", "per")) and tokens[index + 2].tag == "CD" \
                and tokens[_previous_word(tokens, index)].lower not in BE_HAVE:
            token.tag = "VBD"
    for index, token in enumerate(tokens[1:], start=1):
        if token.tag == "VBN" and not token.quoted and verb_lemma(token.lower) in NEVER_PASSIVE \
                and tokens[_previous_word(tokens, index)].tag in ("NN", "NNS", "NNP", "NNPS", "CD", "PRP") \
                and not finite_in_clause(tokens, index):
            token.tag = "VBD"  # "and at least 20 victims died by suicide": a verb that has no passive, after its subject
        elif token.tag == "VBN" and not token.quoted and past_form(token.lower) and _subject_of_a_relative_before(tokens, index) \
                and (object_follows(tokens, index + 1) or verb_lemma(token.lower) in NEVER_PASSIVE) \
                and not has_finite_after(tokens, index):
            token.tag = "VBD"  # "messages in which criminals promised large prizes": the relative clause's verb
        elif token.tag == "VBN" and not token.quoted and past_form(token.lower) and index + 1 < len(tokens) \
                and tokens[index + 1].lower != "by" and _after_the_subject_of_an_object_relative(tokens, index):
            token.tag = "VBD"  # "equipment which development partners donated to hospitals was sold"
    _participles_before_the_verb(tokens)
    _participles_joined_to_a_participle(tokens)
    _verbs_before_their_clause(tokens)
    _participles_in_apposition(tokens)
    _participles_of_a_causative(tokens)
    _verb_before_a_date_and_an_adjective(tokens)
    _past_after_and_before_its_object(tokens)
    _pasts_of_an_opening_of_phrase(tokens)
    _participle_after_a_quoted_name(tokens)


def _pasts_of_an_opening_of_phrase(tokens: list[Token]) -> None:
    """A sentence opening with "Of the ..." has no verb before its comma, and its verb follows the number after it:
    "Of the 41 cases registered in 2023, 29 concerned women"."""
    if len(tokens) < 6 or tokens[0].lower != "of" or tokens[1].lower not in ("the", "these", "those", "all"):
        return
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    if comma is None or comma + 2 >= len(tokens) or any(t.tag in ("VBZ", "VBP", "MD") for t in tokens[:comma]):
        return
    for index in range(2, comma):
        token = tokens[index]
        if token.tag == "VBD" and participle_form(token.lower) and tokens[index - 1].lower not in ("that", "which", "who"):
            token.tag = "VBN"  # ("Of the 94 adolescents that participated in 2023,": a relative clause's verb)
    number, verb = tokens[comma + 1], tokens[comma + 2]
    if number.tag == "CD" and verb.tag in ("VBN", "VBD") and past_form(verb.lower) \
            and not any(t.tag in FINITE for t in tokens[comma + 2:]):
        verb.tag = "VBD"


def _participle_after_a_quoted_name(tokens: list[Token]) -> None:
    """A past form after a quoted name and a comma, in a sentence that has its verb, before a particle or a
    preposition and no object, is a participle: "A good example is “Operation Carousel”, carried out in 2023 at"."""
    for index in range(3, len(tokens) - 1):
        token = tokens[index]
        if token.tag == "VBD" and not token.quoted and participle_form(token.lower) and tokens[index - 1].text == "," \
                and tokens[index - 2].text in ("\u201d", '"') and tokens[index + 1].tag in ("IN", "RP", "TO") \
                and any(t.tag in ("VBZ", "VBP", "MD") and not t.quoted for t in tokens[:index - 2]) \
                and not object_follows(tokens, index + 1):
            token.tag = "VBN"


def _past_after_and_before_its_object(tokens: list[Token]) -> None:
    """A past form after "and" and a noun, before a date and its object, is a verb of the clause's subject, not a
    participle: "recommends that the cantons adopt common rules and published in 2023 a set of guidelines"."""
    for index in range(3, len(tokens) - 2):
        token = tokens[index]
        if token.tag == "VBN" and not token.quoted and past_form(token.lower) and tokens[index - 1].lower == "and" \
                and tokens[index - 2].tag in ("NNS", "NN") and object_after_places_and_dates(tokens, index + 1) \
                and any(t.tag in FINITE and not t.quoted for t in tokens[:index - 1]):
            token.tag = "VBD"
            token.uncertain = token.uncertain or reasons.VERB_OR_PARTICIPLE % {"word": token.text}


def _verb_before_a_date_and_an_adjective(tokens: list[Token]) -> None:
    """Of two past forms around a date after a plural subject, the first is the verb and the second an adjective of
    its object: "several authorities found in 2022 forged certificates" (a date closes no subject)."""
    for index in range(1, len(tokens) - 4):
        token = tokens[index]
        if token.tag in ("VBN", "VBD") and not token.quoted and past_form(token.lower) and tokens[index - 1].tag == "NNS" \
                and tokens[index + 1].lower in ("in", "during") and year(tokens[index + 2]) \
                and tokens[index + 3].tag in ("VBD", "VBN") and participle_form(tokens[index + 3].lower) \
                and tokens[index + 4].tag == "NNS" and opens_clause(tokens, index - 1):
            token.tag, tokens[index + 3].tag = "VBD", "VBN"


def _participles_of_a_causative(tokens: list[Token]) -> None:
    """A past form after "have" or "get" and an object pronoun is what is done to the object, no verb of its own:
    "to have it deactivated", "had them destroyed", "get it repaired"."""
    for index in range(2, len(tokens)):
        token = tokens[index]
        if token.tag == "VBD" and not token.quoted and participle_form(token.lower) \
                and tokens[index - 1].lower in ("it", "them", "him", "her") and tokens[index - 2].lower in CAUSATIVES:
            token.tag = "VBN"


def _free_of_charge(tokens: list[Token], index: int) -> bool:
    """Tell whether "free of charge" (how, not what) opens at ``index``: "call blockers installed free of charge"."""
    return index + 2 < len(tokens) and tokens[index].lower == "free" and tokens[index + 1].lower == "of" \
        and tokens[index + 2].lower == "charge"


def _subject_of_a_relative_before(tokens: list[Token], index: int) -> bool:
    """Tell whether the words before ``index`` are the subject of a relative clause opened by a preposition and
    "which" or "whom", or by "where" or "whereby", with no verb yet: "in which criminals", "where the victims"."""
    start = _previous_word(tokens, index)
    if start < 1 or not tokens[start].tag.startswith("NN"):
        return False
    while start > 0 and tokens[start - 1].tag in ("DT", "JJ", "NN", "NNS", "CD", "PRP$") \
            and tokens[start - 1].lower not in ("which", "whom"):
        start -= 1
    opener = tokens[start - 1].lower if start else ""
    return opener in ("where", "whereby") or opener in ("which", "whom") and start >= 2 and tokens[start - 2].tag == "IN"


def _after_the_subject_of_an_object_relative(tokens: list[Token], index: int) -> bool:
    """Tell whether the noun phrase before ``index`` is the subject of a relative clause that "which" or "whom" opens
    after a noun, or "that" after a noun of a clause that has no verb before it ("the equipment that the partners
    donated was sold"; not "told the police that the cases reported were", where "that" opens what was told)."""
    subject_end = _previous_word(tokens, index)  # ("lifts which their inspectors never checked")
    opener = relative_before(tokens, subject_end)
    if opener is None or opener == subject_end:
        return False
    if tokens[opener].lower != "that":
        return True
    if tokens[opener - 1].lower in CONTENT_NOUNS:
        return False
    for before in range(opener - 1, -1, -1):
        if tokens[before].lower in SUBORDINATORS or tokens[before].text in ";:":
            return True
        if tokens[before].tag in FINITE and not tokens[before].quoted:
            return False
    return True


def share_opening_a_clause(tokens: list[Token], index: int) -> bool:
    """Tell whether the noun phrase ending at ``index`` is a share that opens its clause, the subject of what follows:
    "71 per cent of the victims said", "but only 38 per cent felt", "and 12% of the cases ended"."""
    position = index
    while position > 0 and (tokens[position].tag in ("NN", "NNS", "JJ", "DT") and tokens[position].lower != "cent"
                            or tokens[position].lower == "of"):
        position -= 1
    if tokens[position].lower == "cent" and position >= 2 and tokens[position - 1].lower == "per":
        position -= 2
    elif tokens[position].text != "%":
        return False
    else:
        position -= 1
    if position < 0 or tokens[position].tag != "CD":
        return False
    while position > 0 and tokens[position - 1].lower in ("only", "about", "almost", "nearly", "some", "over"):
        position -= 1
    return position == 0 or tokens[position - 1].text in ",;:" or tokens[position - 1].lower in ("and", "but", "while",
                                                                                                 "whereas", "that")


def _verbs_before_their_clause(tokens: list[Token]) -> None:
    """A past form of a verb that takes a clause, before "that" and the clause's subject, with no finite verb before
    it in its clause and no "be" or "have", is its clause's verb: "because the inspectors of the Central Office
    (OCLTI) discovered that thousands of accounts were rented"."""
    for index in range(1, len(tokens) - 2):
        token = tokens[index]
        if token.tag != "VBN" or token.quoted or verb_lemma(token.lower) not in THAT_VERBS or not past_form(token.lower) \
                or tokens[index + 1].lower != "that":
            continue
        subject = tokens[index + 2]
        if not (subject.tag in ("DT", "CD", "PRP", "NNS", "NNP", "NNPS") or subject.lower in ("thousands", "hundreds")):
            continue
        before = tokens[_previous_word(tokens, index)]
        if before.lower in BE_HAVE or not (before.tag.startswith("NN") or before.text == ")") \
                or finite_in_clause(tokens, index):
            continue
        token.tag = "VBD"


def _participles_joined_to_a_participle(tokens: list[Token]) -> None:
    """A past form after "or" (or "and" in a phrase with no verb) before a preposition, when a participle of the same
    phrase qualifies a noun before it, is a participle too: "the requests sent to those countries or received from
    them"."""
    for index in range(2, len(tokens) - 1):
        token, joiner = tokens[index], tokens[index - 1]
        if token.tag != "VBD" or token.quoted or not participle_form(token.lower) or tokens[index + 1].tag not in ("IN", "TO") \
                or joiner.lower not in ("or", "and") \
                or joiner.lower == "and" and any(t.tag in FINITE and not t.quoted for t in tokens if t is not token):
            continue
        for back in range(index - 2, max(0, index - 10), -1):
            if tokens[back].text in ",;:" or tokens[back].tag in FINITE:
                break
            if tokens[back].tag == "VBN" and tokens[back - 1].tag in ("NN", "NNS") and back + 1 < index \
                    and tokens[back + 1].tag in ("IN", "TO"):
                token.tag = "VBN"
                break


def _participles_before_the_verb(tokens: list[Token]) -> None:
    """A past form right after the noun that opens a clause, before a preposition or a particle, is a participle
    when the clause's own verb comes after its phrase and agrees with that noun: "Officers posted to the outer
    islands receive ...", "Parcels declared as gifts and sent from abroad are ...", "the number of parcels
    intercepted at the mail centre rose ...". A phrase in which a noun phrase opens after a noun or a number ("The
    review found in 2022 the unit needs ...") may hold a clause without "that", and is left alone."""
    for index in range(1, len(tokens) - 1):
        token, before, after = tokens[index], tokens[index - 1], tokens[index + 1]
        if token.tag != "VBD" or token.quoted or not before.tag.startswith("NN") \
                or before.text.endswith(("'s", "\u2019s")) or not participle_form(token.lower):
            continue
        if not (after.tag in ("IN", "TO", "VBG") or after.lower.endswith("ing") and after.text.islower()
                or after.lower in PREPOSITIONS or after.lower in PARTICLES
                or after.lower in ("as", "to", "abroad", "online") or after.tag in FINITE and after.lower in AUXILIARIES) \
                or after.lower in CLAUSE_BOUNDARIES:  # (also "vessels found fishing illegally ... could be fined")
            continue
        if not opens_clause(tokens, index - 1) or object_after_places_and_dates(tokens, index + 1) \
                or _after_the_subject_of_an_object_relative(tokens, index):
            continue  # ("Our National Police found in 2022 in a printing house ... 120,000 pirated textbooks"; "the
            # equipment that the partners donated to the hospitals was sold")
        coordinated: list[int] = []
        verb = None
        skipped: set[int] = set()  # an insert of examples: "Valuables found in bags, such as phones and jewellery, are"
        for position in range(index + 1, len(tokens)):
            word = tokens[position]
            if position in skipped:
                continue
            if word.text == "," and position + 2 < len(tokens) and tokens[position + 1].lower == "such" \
                    and tokens[position + 2].lower == "as":
                close = next((i for i in range(position + 3, len(tokens)) if tokens[i].text in ",;:"), None)
                if close is not None and tokens[close].text == ",":
                    skipped.update(range(position, close + 1))
                    continue
            if word.text in ",;:()" or word.lower in CLAUSE_BOUNDARIES:
                break
            if word.lower in ("and", "or"):
                following = tokens[position + 1] if position + 1 < len(tokens) else None
                if following is not None and following.tag in ("VBD", "VBN") and participle_form(following.lower):
                    coordinated.append(position + 1)  # "declared as gifts and sent from abroad"
                    continue
                break
            if word.tag in FINITE and not word.quoted and position not in coordinated:
                verb = position
                break
            if word.tag == "VBN" and past_form(word.lower) and position + 1 < len(tokens) \
                    and tokens[position - 1].tag in ("CD", "NN", "NNS", "NNP", "NNPS") \
                    and object_starts(tokens[position + 1]) and tokens[position + 1].tag.startswith("NN"):
                # "the criminal groups declared as terrorist organizations by Executive Decree No. 111 exercised
                # control": after the phrase, a past form with its object is the clause's verb
                word.tag = "VBD"
                verb = position
                break
        if verb is None or not single_phrase([t for i, t in enumerate(tokens[index + 1:verb], start=index + 1)
                                              if i not in skipped]):
            continue
        finite = tokens[verb]
        plural = subject_is_plural(tokens, index - 1)
        if finite.tag == "VBZ" and plural or finite.tag == "VBP" and not plural:
            continue  # the verb does not agree with the noun: the past form may be the verb
        token.tag = "VBN"
        for position in coordinated:
            tokens[position].tag = "VBN"
        if finite.tag in ("VBZ", "VBP") and can_be_noun(finite.lower) and finite.lower not in AUXILIARIES:
            finite.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": finite.text}


def _participles_in_apposition(tokens: list[Token]) -> None:
    """A past form in a noun phrase set off by a comma after a main clause that has its verb, before an agent, a
    preposition or the end, is a participle: no clause follows a comma without a conjunction ("..., a Central
    Committee chaired by the Deputy Minister", "..., the biggest seizure ever made in the country", "..., most of it
    smuggled in parcels"). A verb of change before an amount ("..., thefts decreased by 3 per cent") is left alone."""
    first = next((i for i, t in enumerate(tokens) if t.tag in FINITE and not t.quoted), None)
    if first is None or any(t.lower in CLAUSE_BOUNDARIES - {"that", "so"} or t.lower in ("as", "whether")
                            for t in tokens[:first]):
        return
    for comma in range(first + 1, len(tokens) - 2):
        if tokens[comma].text != ",":
            continue
        opener = tokens[comma + 1]
        if not (opener.tag in ("DT", "PRP$", "CD") or opener.lower in QUANTITY_PRONOUNS) \
                or opener.lower in CLAUSE_BOUNDARIES or opener.lower in ("which", "each", "every"):
            continue
        for index in range(comma + 2, len(tokens) - 1):
            token, before = tokens[index], tokens[index - 1]
            if token.tag in ("VBD", "VBN") and not token.quoted and participle_form(token.lower) \
                    and (before.tag.startswith("NN") or before.tag == "PRP" or before.lower == "ever" or before.text == "%"):
                after = tokens[index + 1]
                then = tokens[index + 2] if index + 2 < len(tokens) else None
                amount = after.lower in ("by", "from", "to") and then is not None and then.tag == "CD"
                if (after.lower == "by" or after.tag in ("IN", "TO") or after.text in ".,;") and not amount \
                        and verb_lemma(token.lower) not in CHANGE_VERBS and after.lower != "that":
                    # (not "..., the engineers found that most of the buildings ...": a verb and what it found)
                    token.tag = "VBN"
                break
            if not (token.tag in ("DT", "PRP$", "CD", "JJ", "JJS", "JJR", "NN", "NNS", "NNP", "NNPS", "PRP")
                    or token.lower in ("of", "ever") or token.text == "%"):
                break


def participle_after_a_comma(tokens: list[Token]) -> None:
    """In a noun phrase without a verb (a list item), a past form after a comma, before a phrase that is no object,
    is a participle: "Persons suspected of offences, counted once per calendar year"."""
    if any(t.tag in ("VBZ", "VBP", "MD") and not t.quoted for t in tokens):
        return
    past = [i for i, t in enumerate(tokens) if t.tag == "VBD" and not t.quoted]
    if len(past) != 1:
        return
    index = past[0]
    if index < 3 or tokens[index - 1].text != "," or index + 1 >= len(tokens) or object_follows(tokens, index + 1) \
            or not participle_form(tokens[index].lower) or not tokens[index - 2].tag.startswith("NN") \
            or not single_phrase(tokens[:index - 1]) or tokens[0].tag not in ("NN", "NNS", "NNP", "NNPS", "JJ", "DT"):
        return
    tokens[index].tag = "VBN"


def participle_in_an_opening_phrase(tokens: list[Token]) -> None:
    """In a sentence that opens with a prepositional phrase, a past form between commas inside it, with no object, is a
    participle: "Within the framework of the operations "Mehr", carried out in 2019-2021, our country has ..."."""
    if len(tokens) < 6 or tokens[0].tag != "IN" or tokens[0].lower in ("if", "when", "because", "although", "while", "as"):
        return
    for index in range(2, len(tokens) - 2):
        token = tokens[index]
        if token.tag in FINITE and not token.quoted and token.tag != "VBD" or token.text in ";:":
            return
        if token.text == "," and index + 1 < len(tokens) and tokens[index + 1].tag != "VBD":
            return  # (a comma before: "In 2022, the Prison Service, in partnership with ..., screened")
        if token.tag != "VBD" or token.quoted or tokens[index - 1].text != "," \
                or not (tokens[index - 2].tag.startswith("NN") or tokens[index - 2].text in ('"', "\u201d", ")")):
            continue
        close = next((i for i in range(index + 1, len(tokens)) if tokens[i].text == ","), None)
        if close is not None and participle_form(token.lower) and not object_follows(tokens, index + 1) \
                and any(t.tag in FINITE and not t.quoted for t in tokens[close + 1:]) \
                and not any(t.tag in FINITE for t in tokens[index + 1:close]):
            token.tag = "VBN"
        return


def participle_after_a_comma_before_as(tokens: list[Token]) -> None:
    """A past form right after a comma (and an adverb, if any) and before "as" has no subject: a participle ("the
    sending of parts of pistols by post, declared as spare parts of bicycles", "..., often declared as HFC blends")."""
    for index in range(3, len(tokens) - 2):
        token = tokens[index]
        comma = index - 2 if tokens[index - 1].tag == "RB" and tokens[index - 1].text.islower() else index - 1
        if token.tag == "VBD" and not token.quoted and tokens[comma].text == "," and tokens[index + 1].lower == "as" \
                and tokens[comma - 1].is_word and participle_form(token.lower) \
                and verb_lemma(token.lower) not in INTRANSITIVE:
            token.tag = "VBN"


def verb_before_an_insert_and_its_object(tokens: list[Token]) -> None:
    """A past form after a noun, then an insert between commas and an object, is the clause's verb: "since the
    Institute completed, with the support of the Council of Europe, an inventory of 4,300 objects"."""
    for index in range(1, len(tokens) - 4):
        token = tokens[index]
        if token.tag != "VBN" or token.quoted or not past_form(token.lower) or not tokens[index - 1].tag.startswith("NN") \
                or tokens[index + 1].text != ",":
            continue
        close = next((i for i in range(index + 2, min(len(tokens) - 1, index + 14)) if tokens[i].text == ","), None)
        if close is None or any(t.tag in FINITE for t in tokens[index + 2:close]) \
                or not (tokens[close + 1].lower in ("a", "an", "the") or tokens[close + 1].tag == "CD"):
            continue
        for before in range(index - 2, -1, -1):
            if tokens[before].lower in SUBORDINATORS or tokens[before].text in ",;:":
                token.tag = "VBD"
                break
            if tokens[before].tag in FINITE:
                break
        else:
            token.tag = "VBD"


def verb_before_that_and_its_clause(tokens: list[Token]) -> None:
    """A past form after the subject's noun, before "that" and a clause (a date between, if any), with no verb before
    it, is the sentence's verb: "An audit of the Court of Accounts found that ...", "The Comptroller General
    identified in 2021 that ..." (not "adopted that year")."""
    for index in range(1, len(tokens) - 2):
        token = tokens[index]
        if token.tag != "VBN" or token.quoted or not past_form(token.lower) \
                or not (tokens[index - 1].tag.startswith("NN") or tokens[index - 1].text in (")", '"', "\u201d")):
            continue  # (also after a quoted name: 'the National Library "St. St. Cyril and Methodius" discovered that')
        after = index + 1
        if tokens[after].lower in ("in", "on") and after + 2 < len(tokens) and year(tokens[after + 1]):
            after += 2
        if tokens[after].lower != "that" or after + 1 >= len(tokens) or tokens[after + 1].lower in TIME_NOUNS \
                or not (tokens[after + 1].tag in ("DT", "CD", "NNS", "NNP", "PRP", "IN") or tokens[after + 1].lower in ("the", "a")):
            continue
        dated = tokens[0].tag == "IN" and year(tokens[1])  # ("In 2005 the Supreme Court ... determined that")
        if not any(t.tag in FINITE and not t.quoted for t in tokens[:index]) and (tokens[0].tag != "IN" or dated):
            token.tag = "VBD"
        return


def participle_with_its_agent_before_the_verb(tokens: list[Token]) -> None:
    """A past form after the subject's noun, with "by" and its agent, is a participle when a past form with an object
    comes after the agent: "A payroll audit carried out by the Public Service Commission in 2023 identified 2,400 ghost
    workers" (then that one is the verb)."""
    for index in range(1, len(tokens) - 3):
        token = tokens[index]
        if token.tag != "VBD" or token.quoted or not tokens[index - 1].tag.startswith("NN") or not participle_form(token.lower):
            continue
        by = index + 1 + (tokens[index + 1].lower in PARTICLES)
        if by >= len(tokens) or tokens[by].lower != "by":
            return
        for position in range(by + 1, len(tokens) - 1):
            other = tokens[position]
            if other.text in ",;:" or other.tag in FINITE and not other.quoted:
                return
            if other.tag == "VBN" and past_form(other.lower) and tokens[position - 1].tag in ("CD", "NN", "NNS", "NNP", ")") \
                    and object_follows(tokens, position + 1):
                token.tag, other.tag = "VBN", "VBD"
                return
        return


def participles_after_as(tokens: list[Token]) -> None:
    """A past form right after "as" is a participle, and so is one joined to it by "or" or "and": "passports reported
    as lost or stolen", "a passport reported as stolen or lost"."""
    for index in range(1, len(tokens)):
        if tokens[index - 1].lower != "as" or tokens[index].tag not in ("VBD", "VBN") or tokens[index].quoted:
            continue
        tokens[index].tag = "VBN"
        if index + 2 < len(tokens) and tokens[index + 1].lower in ("or", "and") and tokens[index + 2].tag == "VBD" \
                and participle_form(tokens[index + 2].lower) and not tokens[index + 2].quoted:
            tokens[index + 2].tag = "VBN"


def participle_after_a_share_of_it(tokens: list[Token]) -> None:
    """After a comma, a share of what was named ("most of it", "some of them", "all of which") and a past form before a
    preposition make a phrase without a verb: "20 tons of mercury per year, most of it smuggled from ..."."""
    for index in range(4, len(tokens) - 1):
        token = tokens[index]
        if token.tag == "VBD" and not token.quoted and tokens[index - 1].lower in ("it", "them") \
                and tokens[index - 2].lower == "of" and tokens[index - 3].lower in QUANTITY_PRONOUNS | {"much", "part"} \
                and tokens[index - 4].text == "," and tokens[index + 1].tag in ("IN", "TO") and participle_form(token.lower) \
                and verb_lemma(token.lower) not in INTRANSITIVE:
            token.tag = "VBN"


def phrase_participles(tokens: list[Token]) -> None:
    """In a proposal's entry, which is most often a noun phrase, a past form after a noun and before a preposition is
    a participle ("A manual on financial investigations related to wildlife crime", "Sharing of information gathered
    through joint investigations", "crimes committed online", "shorter statements, circulated in writing"), unless the
    entry opens with a subject pronoun ("We")."""
    if not tokens or tokens[0].lower in SUBJECT_PRONOUNS:
        return
    for index in range(1, len(tokens) - 1):
        token, before, after = tokens[index], tokens[index - 1], tokens[index + 1]
        after_noun = before.tag in ("NN", "NNS") or before.text == "," and index > 1 and tokens[index - 2].tag in ("NN", "NNS")
        if token.tag == "VBD" and after_noun and not token.quoted \
                and (after.tag in ("IN", "TO") or after.lower in ("online", "abroad", "offline")) \
                and inflect(verb_lemma(token.lower) or token.lower, "VBN") == token.lower \
                and not (index + 2 < len(tokens) and tokens[index + 2].tag == "CD"):
            token.tag = "VBN"


def statistic_participles(tokens: list[Token]) -> None:
    """In a list item that gives a figure under a name ("Ministry of Labour and Skills: 1,850 returnees from Saudi
    Arabia assisted with reintegration packages"), a past form after the figure's noun is a participle: the item
    is a noun phrase, as its writer meant it."""
    if tokens and tokens[0].tag == "CD":
        _participle_after_a_figure(tokens)
    colon = next((i for i, t in enumerate(tokens) if t.text == ":"), None)
    if colon is not None and 0 < colon < len(tokens) - 2 and tokens[colon + 1].tag in ("VBD", "VBN") \
            and tokens[colon + 1].text.islower() and tokens[colon + 2].tag in ("IN", "TO", "RB"):
        tokens[colon + 1].tag = "VBN"  # "Shelter for victims in Majuro: opened in 2022 with the support of IOM"
        for token in tokens[:colon]:  # the label is a name: "Central firearms register: digitized with ..."
            if token.tag in ("VBZ", "VBP") and can_be_noun(token.lower):
                token.tag = "NNS" if token.tag == "VBZ" else "NN"
                token.uncertain = ""
        return
    if colon is None or colon == 0 or colon + 1 >= len(tokens) or tokens[colon + 1].tag != "CD" \
            or not all(t.text[:1].isupper() or t.lower in ("of", "and", "for", "the", "(", ")") or not t.is_word
                       for t in tokens[:colon]):
        return
    for index in range(colon + 2, len(tokens) - 1):
        token = tokens[index]
        if token.text in (",", ";") or token.tag in ("VBZ", "VBP", "MD"):
            return
        joined = [index]
        while joined[-1] + 2 < len(tokens) and tokens[joined[-1] + 1].lower in ("and", "or") \
                and tokens[joined[-1] + 2].tag in ("VBD", "VBN") and participle_form(tokens[joined[-1] + 2].lower):
            joined.append(joined[-1] + 2)  # "9 complaints received and examined in 2023"
        last = joined[-1]
        if token.tag in ("VBD", "VBN") and tokens[index - 1].tag.startswith("NN") and last + 1 < len(tokens) \
                and tokens[last + 1].tag in ("IN", "TO") and all(participle_form(tokens[i].lower) for i in joined):
            for participle in joined:
                tokens[participle].tag = "VBN"
            return


def _participle_after_a_figure(tokens: list[Token]) -> None:
    """In a list item that opens with a figure and its noun ("418 of them placed on parole, after ..."), a past form
    with no object, of a verb that takes one, is a participle: the item is a noun phrase."""
    for index in range(1, len(tokens) - 1):
        token = tokens[index]
        if token.tag in ("VBD", "VBN") and tokens[index - 1].tag.startswith(("NN", "PRP")) \
                and tokens[index + 1].tag in ("IN", "TO") and participle_form(token.lower) \
                and verb_lemma(token.lower) not in INTRANSITIVE:
            token.tag = "VBN"
            return
        if not (token.tag.startswith(("NN", "JJ", "CD", "DT", "PRP", "VBG")) or token.lower == "of" or token.text == "%"):
            return


def absolute_participles(tokens: list[Token]) -> None:
    """After "with" and a noun phrase, a past form is a participle: "with 1,200 enterprises certified in 2023"."""
    for index in range(2, len(tokens)):
        token = tokens[index]
        if token.tag != "VBD" or token.quoted or not tokens[index - 1].tag.startswith("NN"):
            continue
        position = index - 1
        while position > 0 and (tokens[position].tag.startswith(("NN", "JJ", "CD", "DT")) or tokens[position].text == "%"
                                or tokens[position].lower == "than" and tokens[position - 1].lower in ("more", "less", "fewer")
                                or tokens[position].lower in ("more", "less", "fewer") and tokens[position + 1].lower == "than"):
            position -= 1  # ("with more than 1,000 hives stolen each year")
        if position and tokens[position - 1].lower in ("together", "jointly", "along") and object_follows(tokens, index + 1):
            continue  # "the Ministry together with the Committee carried out the operation": joined subjects and their verb
        if tokens[position].lower == "with" and position < index - 1 and inflect(verb_lemma(token.lower) or token.lower,
                                                                              "VBN") == token.lower \
                and not subject_of_an_opening_clause(tokens, index):  # (not "Since the contract ... with X ended")
            token.tag = "VBN"


def participles_before_a_date_and_verb(tokens: list[Token]) -> None:
    """A past form after a noun, followed by a date and then the clause's verb, is a participle: "the cases of online
    fraud registered last year were committed through fake calls"."""
    for index in range(1, len(tokens) - 3):
        token = tokens[index]
        if token.tag != "VBD" or token.quoted or not tokens[index - 1].tag.startswith("NN") \
                or _after_the_subject_of_an_object_relative(tokens, index):
            continue  # (not "the funds which donors pledged in 2022 were not paid": the relative clause's verb)
        after = index + 1
        if tokens[after].lower in ("last", "this", "next", "that") and tokens[after + 1].lower in TIME_NOUNS:
            after += 2
        elif tokens[after].lower in ("in", "during", "since") and year(tokens[after + 1]):
            after += 2
        else:
            continue
        if after < len(tokens) and (tokens[after].tag in FINITE or tokens[after].lower in ("were", "was")) \
                and inflect(verb_lemma(token.lower) or token.lower, "VBN") == token.lower:
            token.tag = "VBN"


def participles_of_participles(tokens: list[Token]) -> None:
    """Participles joined by "or" or "and" before a noun are both participles ("stolen or lost identity documents");
    a past form after the noun of a verb's object, before a preposition or an adverb, is a participle ("recommended
    to increase the time spent outside the cells"): an object is no subject."""
    for index in range(2, len(tokens) - 1):
        token, following = tokens[index], tokens[index + 1]
        if token.tag != "VBD" or token.quoted or not participle_form(token.lower):
            continue
        if tokens[index - 1].lower in ("or", "and") and tokens[index - 2].tag in ("VBN", "JJ") \
                and participle_form(tokens[index - 2].lower) and following.tag in ("NN", "NNS", "JJ"):
            token.tag = "VBN"  # "stolen or lost identity documents"
            continue
        if not tokens[index - 1].tag.startswith("NN") or not (following.tag in ("IN", "RB", "TO") or following.text in ",.;"):
            continue
        position = index - 1
        while position > 0 and (tokens[position].tag in ("NN", "NNS", "JJ", "DT", "PRP$", "CD")
                                or tokens[position].lower in ("the", "a", "an")):
            position -= 1
        verb = tokens[position]
        if verb.tag in ("VB", "VBG") and verb.lower not in BE_HAVE and verb_lemma(verb.lower) not in THINKING \
                and position < index - 1 and not (verb.tag == "VBG" and position and tokens[position - 1].lower in (
                    "the", "a", "an", "its", "their", "our", "these", "those", "this")):
            # (not "since the shipping companies started to check": a gerund after an article is an adjective)
            token.tag = "VBN"  # "to increase the time spent outside the cells"


def participles_of_a_share(tokens: list[Token]) -> None:
    """An opening "Of the ..." or "Among the ..." phrase, up to its comma, names a whole and has no verb: a past form
    in it is a participle ("Of the approximately 30,000 persons reported missing, more than 23,000 have been found")."""
    if len(tokens) < 4 or tokens[0].lower not in ("of", "among", "out"):
        return
    for token in tokens[1:]:
        if token.text in ",;:" or token.lower in ("which", "who", "that") or token.quoted:
            return
        if token.tag == "VBD" and participle_form(token.lower):
            token.tag = "VBN"


def participles_after_an_opening_verb(tokens: list[Token]) -> None:
    """A list item that opens with a bare verb before its object continues its lead-in ("every school head must: (b)
    record every complaint in a register kept for that purpose"): that verb is the item's, and a past form after a
    noun and before a preposition, in the same clause, is a participle."""
    if len(tokens) < 4 or not base_form(tokens[0].lower) or not tokens[0].text[1:].islower() or tokens[0].quoted \
            or not can_be_verb(tokens[0].lower) or tokens[1].lower not in OPENING_DETERMINERS:
        return
    tokens[0].tag = "VB"  # ("record every complaint": a noun is not followed by "every")
    for index in range(2, len(tokens) - 1):
        token = tokens[index]
        if token.text in ",;:" or token.lower in CLAUSE_BOUNDARIES or token.tag in ("VBZ", "VBP", "MD"):
            return
        if token.tag == "VBD" and tokens[index - 1].tag.startswith("NN") and tokens[index + 1].tag in ("IN", "TO") \
                and participle_form(token.lower) and not token.quoted:
            token.tag = "VBN"


def participles_before_as(tokens: list[Token]) -> None:
    """In a list item without a verb, a past form after a noun and before "as" is a participle: "(a) End-of-life
    vehicles declared as used cars". In an item that opens with "a" or "an", a noun phrase, so is a past form after a
    noun or a comma before a preposition: "(c) A campaign for seniors, "Gift cards are for gifts", carried out with
    the police"."""
    if any(t.tag in ("VBZ", "VBP", "MD") and not t.quoted for t in tokens):
        return
    phrase = tokens[0].lower in ("a", "an") and not any(t.tag in FINITE and not t.quoted and object_follows(tokens, i + 1)
                                                         for i, t in enumerate(tokens))
    for index in range(1, len(tokens) - 1):
        token = tokens[index]
        if token.tag != "VBD" or not participle_form(token.lower) or token.quoted:
            continue
        after = index + 2 if tokens[index + 1].tag == "RP" and index + 2 < len(tokens) else index + 1
        if tokens[index - 1].tag.startswith("NN") and tokens[index + 1].lower == "as" \
                or phrase and (tokens[index - 1].tag.startswith("NN") or tokens[index - 1].text == ",") \
                and tokens[after].tag in ("IN", "TO"):
            token.tag = "VBN"


def participle_before_the_verb(tokens: list[Token]) -> None:
    """A past form after a noun, with the clause's finite verb after it and nothing to join two verbs between, is a
    participle: "Sorcery accusation related violence (SARV) remains a serious problem"."""
    for index in range(1, len(tokens) - 2):
        token = tokens[index]
        if token.tag != "VBD" or token.quoted or not participle_form(token.lower) \
                or not tokens[index - 1].tag.startswith("NN") or verb_lemma(token.lower) in THINKING \
                or object_follows(tokens, index + 1):
            continue  # (not "received 41 letters rogatory from": a verb with its object)
        start = index - 1
        while start > 0 and tokens[start - 1].tag.startswith(("NN", "JJ")):
            start -= 1
        if start > 1 and tokens[start - 1].tag == "DT" and tokens[start - 2].tag.startswith("NN"):
            continue  # "the losses the victims declared amount to": the verb of a relative clause without "that"
        if token.lower == "had" and tokens[index + 1].tag in ("VBN", "VBD") \
                and participle_form(tokens[index + 1].lower):
            continue  # "which the partners had donated": "have" before its participle, the relative clause's verb
        if _after_the_subject_of_an_object_relative(tokens, index):
            continue  # "equipment which the partners donated was sold": the verb of the relative clause opened before
        if index + 3 < len(tokens) and tokens[index + 1].tag == "NN" and tokens[index + 2].tag == "NNS" \
                and third_person_form(tokens[index + 2].lower) and tokens[index + 3].lower in ("a", "an", "the"):
            tokens[index + 2].tag = "VBZ"  # "sorcery accusation related violence remains a serious problem"
        for later in tokens[index + 1:]:
            if later.text in ",;:" or later.lower in CLAUSE_BOUNDARIES or later.lower in ("and", "or", "to") or later.quoted:
                break
            if later.tag in FINITE:
                token.tag = "VBN"
                break


def participle_joined_to_a_participle(tokens: list[Token]) -> None:
    """A past after "and", "or" or "but (not)" joined to the participle of a noun before it, with no verb or comma
    between, is a participle too: "treatments paid by loans but not finished"."""
    for index, token in enumerate(tokens):
        if token.tag != "VBD" or token.quoted or not participle_form(token.lower):
            continue
        joiner = _previous_word(tokens, index)
        if joiner < 2 or tokens[joiner].lower not in ("and", "or", "but"):
            continue
        for position in range(joiner - 1, 0, -1):
            other = tokens[position]
            if other.text in ",;:()" or other.tag in FINITE or other.lower in CLAUSE_BOUNDARIES:
                break
            if other.tag == "VBN" and tokens[position - 1].tag in ("NN", "NNS") and not tokens[position - 1].quoted:
                token.tag = "VBN"
                break
