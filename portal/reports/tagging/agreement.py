"""Verbs by their agreement with the subject: a plural and the base form after it ("the municipalities use"), a name
and its verb in -s ("the Authority issues permits"), a singular subject and its verb, and the nouns in -s that "and"
joins to a plural, which are no verbs ("human remains and bodies").
"""

from __future__ import annotations

from portal.reports import reasons
from portal.reports.grammar import (
    Token, _previous_word, base_form, can_be_noun, can_be_verb, lemmas, state_words, third_person_form, verb_lemma,
)
from portal.reports.tagging.joined import verbs_joined_by_and
from portal.reports.tagging.phrases import (
    acronym_in_parentheses, finite_position_in_clause, list_of_nouns, object_after_places_and_dates, object_follows,
    relative_before, subject_before,
)
from portal.reports.tagging.words import (
    AUXILIARIES, CLAUSE_BOUNDARIES, FINITE, QUANTITY_PRONOUNS, SEASONS, SUBORDINATORS, THAT_VERBS, TIME_NOUNS,
    VERBS_WITH_OF, object_starts, past_form,
)


def plural_noun_then_its_verb(tokens: list[Token]) -> None:
    """After a lower-case noun, a word in -s that may be a plural noun and a base form before a determiner are a
    compound's plural and its verb: "the border posts share a database" (a noun never comes before "a"), "the official
    permits cost more than"."""
    for index in range(1, len(tokens) - 2):
        token, verb = tokens[index], tokens[index + 1]
        if token.tag == "VBZ" and not token.quoted and token.text.islower() and can_be_noun(token.lower) \
                and tokens[index - 1].tag == "NN" and tokens[index - 1].text.islower() \
                and verb.tag in ("NN", "VB", "VBP") and verb.text.islower() and not verb.quoted and base_form(verb.lower) \
                and can_be_verb(verb.lower) \
                and (tokens[index + 2].lower in ("a", "an", "the") or tokens[index + 2].tag == "PRP$"
                     or tokens[index + 2].lower in ("more", "less") and index + 3 < len(tokens)
                     and tokens[index + 3].lower == "than"):
            token.tag, verb.tag = "NNS", "VBP"  # ("the official permits cost more than")


def _subordinator_of_a_subject(tokens: list[Token], index: int) -> str:
    """Return the subordinator that opens a subject ending with the singular noun at ``index`` ("while the other
    parent", "when the victim", "because each agency"), or ""."""
    position = index - 1
    while position > 0 and tokens[position].tag in ("JJ", "NN") and tokens[position].text.islower():
        position -= 1
    if position >= 1 and tokens[position].lower in ("the", "a", "an", "each", "every", "its", "their", "his", "her") \
            and tokens[position - 1].lower in SUBORDINATORS and tokens[position - 1].lower not in ("that", "so", "as"):
        return tokens[position - 1].lower
    return ""


# Words that open a relative clause, whose verb is its own.
RELATIVE_WORDS = frozenset("which that who whom whose where when".split())


def plurals_before_their_verb(tokens: list[Token]) -> None:
    """A word in -s after a noun or "all", before a phrase and the clause's finite verb with nothing between that
    could join a second verb, is a plural of the subject: "the emergency calls to 911 are received", "all calls to
    the number 112 are answered" (a clause has one verb unless a conjunction or a relative word joins another)."""
    for index in range(1, len(tokens) - 2):
        token, before = tokens[index], tokens[index - 1]
        if token.tag != "VBZ" or token.quoted or not token.text.islower() or not can_be_noun(token.lower):
            continue
        if before.tag == "NN" and before.text.islower() and tokens[index + 1].lower in ("and", "or") \
                and tokens[index + 2].tag == "IN" and index >= 2 and tokens[index - 2].tag == "IN":
            token.tag = "NNS"  # "the sale of work permits and of invitations": nouns of a list of phrases
            continue
        name_before = before.tag == "NNP" and before.text[:1].isupper() and not before.quoted \
            and tokens[index + 1].lower in ("many", "several", "most", "some")
        # ("in the regional State archives many files from before 1989 are kept": a name's plural, then the subject)
        if (tokens[index + 1].tag not in ("IN", "TO") or tokens[index + 1].lower in ("that", "whether", "if")) \
                and not name_before:
            continue
        opener = next((t for t in reversed(tokens[:index]) if t.text in ",;:" or t.tag in FINITE
                       or t.lower in RELATIVE_WORDS), None)
        if opener is not None and opener.lower in RELATIVE_WORDS:
            continue  # ("the photo which the driver takes at the delivery can be used": the relative clause's verb)
        if not (before.tag == "NN" and before.text.islower() or name_before
                or before.lower in ("all", "both") and (index < 2 or tokens[index - 2].tag != "PRP")):
            continue
        for position in range(index + 1, len(tokens)):
            word = tokens[position]
            if word.lower == "and" and tokens[position - 1].tag == "NNP" and position + 1 < len(tokens) \
                    and tokens[position + 1].tag == "NNP":
                continue  # "the car washes in Vienna and Graz employ": two names of a phrase
            if word.text in ",;:()" or word.lower in CLAUSE_BOUNDARIES and tokens[position - 1].tag != "IN" \
                    or word.lower in ("and", "or") \
                    or word.lower == "to" and position + 1 < len(tokens) and tokens[position + 1].tag == "VB":
                break  # (a preposition before "before": "from before 1989")
            if word.tag == "VB" and not word.quoted and word.text.islower() and tokens[position - 1].tag == "NNP" \
                    and position + 1 < len(tokens) and object_starts(tokens[position + 1]):
                word.tag = "VBP"  # (the tagger's base form after a name: "in Vienna and Graz employ workers")
            if word.tag in FINITE and not word.quoted:
                token.tag = "NNS"
                break


def present_before_that_and_its_clause(tokens: list[Token]) -> None:
    """A verb that takes a clause, in the present after a subject of nouns and names, before "that" and the clause's
    subject, is its clause's verb when the clause after it has its own: ", and the police of the Länder report that
    organised groups follow ..." (not "the police report that the Ministry published in 2023 shows ...", where the
    noun has a relative clause and the sentence's verb comes after it)."""
    for index in range(2, len(tokens) - 3):
        token, before = tokens[index], tokens[index - 1]
        if token.tag not in ("NN", "NNS", "VB") or token.quoted or not token.text.islower() \
                or verb_lemma(token.lower) not in THAT_VERBS or tokens[index + 1].lower != "that" \
                or not (before.tag in ("NNP", "NNPS") or before.tag == "CD" and tokens[index - 2].lower in ("of", "in")) \
                or finite_position_in_clause(tokens, index) is not None:
            continue  # ("the ESTUDES survey of 2023 shows that": a name, or a date closing the subject)
        subject = tokens[index + 2]
        if not (subject.tag in ("DT", "JJ", "NNS", "VBN", "CD", "PRP") or subject.lower in ("organised", "organized")):
            continue
        finite = [i for i in range(index + 2, len(tokens)) if tokens[i].tag in FINITE and not tokens[i].quoted]
        if not finite or any(tokens[_previous_word(tokens, i)].lower not in ("and", "or", ",") and not any(
                tokens[j].lower in ("which", "who", "whom", "that", "where", "when")
                or tokens[j].text == "," and tokens[j + 1].lower in ("and", "but", "while", "whereas")
                for j in range(finite[0] + 1, i)) for i in finite[1:]):
            # (a clause of its own after ", and" has its verb: "report that thieves harvest their ponds, and some ponds
            # have been poisoned")
            continue  # (a second verb that nothing joins is the sentence's: the noun had a relative clause)
        if not all(t.tag in ("DT", "JJ", "NN", "NNS", "NNP", "NNPS", "CD", "PRP", "PRP$") or t.lower == "of"
                   or t.tag == "VBN" and tokens[i + 1].tag.startswith(("NN", "JJ"))
                   for i, t in enumerate(tokens[index + 2:finite[0]], start=index + 2)):
            continue  # the clause's subject, then its verb (not "that the Ministry published in 2023 shows")
        plural = base_form(token.lower)
        token.tag = "VBP" if plural else "VBZ"
        token.uncertain = token.uncertain or reasons.TENSE_MAY_BE_NOUN % {"word": token.text}


def bare_verbs_after_a_plural_subject(tokens: list[Token]) -> None:
    """A base form tagged as an infinitive right after a plural subject that a relative word or a subordinator opens,
    before its object, is the clause's verb in the present: "a session where States share their experience" (not
    "help victims rebuild their lives", where a verb before the subject takes the bare infinitive)."""
    for index in range(2, len(tokens) - 1):
        token, subject, opener = tokens[index], tokens[index - 1], tokens[index - 2]
        if not (token.tag == "VB" or token.tag == "JJ" and base_form(token.lower) and can_be_verb(token.lower)
                and tokens[index + 1].tag in ("DT", "PRP$")) or token.quoted or not token.text.islower() \
                or not (subject.tag in ("NNS", "NNPS") or subject.text == "States" or subject.lower in ("they", "we")) \
                or opener.lower not in ("where", "when", "which", "that", "because", "if", "while", "whereas", "as") \
                or not (object_starts(tokens[index + 1]) or tokens[index + 1].tag == "PRP$"):
            continue
        token.tag = "VBP"


def verb_after_a_share_of_whom(tokens: list[Token]) -> None:
    """After "some of whom", "most of which" and the adverbs after it, a base form is the relative clause's verb, and
    a word in -s that may be a verb after "of" in "groups of" is a noun: "17 persons, some of whom still work in the
    agency"; ", groups of smugglers who hide hashish"."""
    for index in range(3, len(tokens) - 1):
        token = tokens[index]
        if token.quoted or not token.text.islower():
            continue
        if token.tag == "VBZ" and tokens[index + 1].lower == "of" and tokens[index - 1].text == "," \
                and can_be_noun(token.lower) and verb_lemma(token.lower) not in VERBS_WITH_OF | {"die"}:
            token.tag = "NNS"
            continue
        before = _previous_word(tokens, index)
        if token.tag in ("NN", "VB") and base_form(token.lower) and can_be_verb(token.lower) and before >= 2 \
                and tokens[before].lower in ("whom", "which") and tokens[before - 1].lower == "of" \
                and tokens[before - 2].lower in QUANTITY_PRONOUNS | {"many"} \
                and (object_starts(tokens[index + 1]) or tokens[index + 1].tag in ("IN", "TO", "RB")):
            token.tag = "VBP"


def verb_after_an_object_relative(tokens: list[Token]) -> None:
    """A base form right after the verb of a relative clause whose pronoun is its object, after a plural noun, is the
    sentence's verb in the present: "the salaries which our regional health authorities pay go to persons"."""
    for index in range(4, len(tokens) - 1):
        token, verb = tokens[index], tokens[index - 1]
        if token.tag != "VB" or token.quoted or not token.text.islower() or not base_form(token.lower) \
                or verb.tag not in ("VBP", "VBD") or verb.quoted or verb.lower in AUXILIARIES \
                or not (object_starts(tokens[index + 1]) or tokens[index + 1].tag in ("IN", "TO", "RB")):
            continue
        opener = relative_before(tokens, index - 2)
        if opener is not None and opener < index - 2 and tokens[opener - 1].tag in ("NNS", "NNPS"):
            token.tag = "VBP"


def past_of_a_name_before_its_object(tokens: list[Token]) -> None:
    """A word that is both a verb's base and its past ("broadcast", "set", "cut"), after a name that opens its clause and
    before an object, is the clause's verb in the past: a singular name would take "broadcasts" in the present ("the
    Supreme Court broadcast the 52 sessions")."""
    for index in range(2, len(tokens) - 1):
        token, name = tokens[index], tokens[index - 1]
        if token.tag not in ("NN", "VB", "VBP") or token.quoted or not token.text.islower() or not past_form(token.lower) \
                or not base_form(token.lower) or name.tag != "NNP" or not name.text[:1].isupper() \
                or name.lower in state_words() or not object_follows(tokens, index + 1) \
                or finite_position_in_clause(tokens, index) is not None:
            continue
        start = index - 1
        while start > 0 and tokens[start - 1].tag == "NNP" and tokens[start - 1].text[:1].isupper():
            start -= 1
        if start > 0 and tokens[start - 1].lower == "the" and (start == 1 or tokens[start - 2].text in ",;"):
            token.tag = "VBD"


def verb_agreeing_with_a_singular_subject(tokens: list[Token]) -> None:
    """After a singular noun, a word in "-s" and a third-person form are the verb and its object, not a compound's
    plural and its verb, which would not agree: "when the same person claims prizes several times". Before "whether",
    the word in "-s" after a singular noun is its verb: "the unit checks whether". After "every" or "each" and a
    noun, it is the verb whatever follows: "the premiums which every resident pays have increased"."""
    for index in range(2, len(tokens) - 1):
        token, following, before = tokens[index], tokens[index + 1], tokens[index - 1]
        if token.tag == "NNS" and not token.quoted and token.text.islower() and third_person_form(token.lower) \
                and can_be_verb(token.lower) and before.tag == "NN" and before.text.islower() \
                and tokens[index - 2].lower in ("every", "each") and following.lower != "of" \
                and before.lower not in TIME_NOUNS | SEASONS:  # (not "lost every year rails")
            token.tag = "VBZ"
            continue
        if token.tag != "NNS" or token.quoted or not token.text.islower() or not third_person_form(token.lower) \
                or not can_be_verb(token.lower) or before.tag != "NN" or not before.text.islower() \
                or tokens[index - 2].tag not in ("DT", "JJ", "PRP$") or finite_position_in_clause(tokens, index) is not None:
            continue
        if following.tag == "VBZ" and following.text.islower() and not following.quoted and can_be_noun(following.lower) \
                and lemmas(following.lower).get("NOUN", (following.lower,))[0] != following.lower \
                and not (index + 2 < len(tokens) and (tokens[index + 2].lower in ("a", "an", "the")
                                                      or tokens[index + 2].tag == "PRP$")):
            # (not "the export of research results needs a licence": the second word has its object)
            token.tag, following.tag = "VBZ", "NNS"
        elif following.lower == "whether":
            token.tag = "VBZ"
        elif (subordinator := _subordinator_of_a_subject(tokens, index - 1)) and (
                (following.tag in ("IN", "TO", "DT", "PRP$", "RB") or following.text in ",.;") and following.lower != "of"
                or following.tag in ("VBZ", "VBD", "MD") and subordinator in ("where", "when")):
            # "while the other parent works in Italy", "the State where the suspect lives was": a clause's singular
            # subject, then its verb (before the sentence's verb, after "where" or "when")
            token.tag = "VBZ"
            if following.tag not in ("DT", "PRP$"):
                token.uncertain = token.uncertain or reasons.TENSE_MAY_BE_NOUN % {"word": token.text}


def a_name_its_verb_and_its_object(tokens: list[Token]) -> None:
    """A name, then two words that may be a verb and a noun, before a preposition, are the verb and its object: "the
    Authority issues permits for", "between Feldkirch and Buchs causes damage of". A word in -s after "the" and a
    name opening a clause that has no verb, before a preposition, is its verb: "Since 2023, the Department works with
    the Methodist Church"."""
    for index, token in enumerate(tokens[2:-1], start=2):
        opens = index == 2 or tokens[index - 3].text == "," or tokens[index - 3].lower in ("and", "but") and index >= 4 \
            and tokens[index - 4].text == ","  # (", and the OEFA counts since 2022 with")
        if token.tag == "NNS" and not token.quoted and token.text.islower() and third_person_form(token.lower) \
                and verb_lemma(token.lower) and tokens[index - 1].tag == "NNP" and tokens[index - 1].text[:1].isupper() \
                and tokens[index - 2].lower == "the" and opens and tokens[index + 1].tag in ("IN", "TO") \
                and tokens[index + 1].lower not in ("of", "that") \
                and (tokens[index - 3].lower in ("and", "but") or not any(t.tag in FINITE and not t.quoted
                                                                           for t in tokens[:index])):
            end = next((i for i in range(index + 1, len(tokens)) if tokens[i].text in ",;:"
                        or tokens[i].lower in ("that", "which", "who", "whose", "where")), len(tokens))
            if not any(t.tag in FINITE and not t.quoted for t in tokens[index + 1:end]):  # (a relative clause's verb is not)
                token.tag = "VBZ"
                token.uncertain = token.uncertain or reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
    for index, token in enumerate(tokens[3:-2], start=3):
        if token.tag == "NNS" and not token.quoted and token.text.islower() and third_person_form(token.lower) \
                and verb_lemma(token.lower) and tokens[index - 1].text == ")" and tokens[index - 3].text == "(" \
                and tokens[index - 2].text[:1].isupper() and tokens[index + 1].tag == "IN" \
                and object_after_places_and_dates(tokens, index + 1) and subject_before(tokens, index - 1, 0) == 0 \
                and not any(t.tag in FINITE and not t.quoted for t in tokens[:index]):
            # "The Finnish Transport and Communications Agency (Traficom) grants since 2019 a label": a name, its
            # verb, a date and the object
            token.tag = "VBZ"
            token.uncertain = token.uncertain or reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
    for index, token in enumerate(tokens[2:-2], start=2):
        following, name = tokens[index + 1], tokens[index - 1]
        after = tokens[index + 2]
        named = name.tag == "NNP" and name.text[:1].isupper() \
            or name.tag == "NN" and name.text[:1].isupper() and tokens[index - 2].tag == "NNP" \
            and tokens[index - 2].text[:1].isupper() \
            or name.text == ")" and acronym_in_parentheses(tokens, index - 1)  # "the Commission (NCIC)"
        if token.tag == "NNS" and following.tag in ("VBZ", "VBP", "VB") and not token.quoted and not following.quoted \
                and named and token.text.islower() \
                and third_person_form(token.lower) and can_be_noun(following.lower) \
                and (after.tag in ("IN", "TO", ".", ",", ":")
                     or after.tag == "RB" and after.text.islower() and index + 3 < len(tokens)
                     and tokens[index + 3].tag in ("IN", "TO")  # "(SEDENA) grants permits only to workshops"
                     or after.tag in ("NN", "VBG") and after.text.islower() and not can_be_verb(after.lower)
                     and index + 3 < len(tokens) and tokens[index + 3].tag in ("IN", "CC", ".", ",")) \
                and finite_position_in_clause(tokens, index) is None:
            # "the National Forestry Authority issues permits for", "between Feldkirch and Buchs causes damage of", "the
            # Commission (NCIC) monitors hate speech and": a name, its verb and its object, not a name's noun and a verb
            # without object
            token.tag, following.tag = "VBZ", "NNS" if following.tag == "VBZ" else "NN"
        elif token.tag == "NNS" and named and token.text.islower() and not token.quoted \
                and third_person_form(token.lower) \
                and following.tag == "NN" and following.text.islower() and after.tag == "VBZ" and not after.quoted \
                and can_be_noun(after.lower) and index + 3 < len(tokens) \
                and tokens[index + 3].tag in ("IN", "TO", "RB", ".", ",", ":") \
                and finite_position_in_clause(tokens, index) is None:
            token.tag, after.tag = "VBZ", "NNS"  # "the Agency issues work permits only if": a compound as its object


def nouns_joined_by_and(tokens: list[Token]) -> None:
    """A word in "-s" joined to a plural noun by "and" is a noun: "the traffic in human remains and bodies"."""
    for index, token in enumerate(tokens[1:-2], start=1):
        after = tokens[index + 3] if index + 3 < len(tokens) else None
        if token.tag == "VBZ" and not token.quoted and token.text.islower() and can_be_noun(token.lower) \
                and tokens[index - 1].tag in ("JJ", "NN") and tokens[index + 1].lower in ("and", "or") \
                and tokens[index + 2].tag == "NNS" and (after is None or not after.is_word or after.tag in ("IN", *FINITE)):
            token.tag = "NNS"  # "the traffic in human remains and bodies": no verb is joined to a noun by "and"
        elif token.tag == "VBZ" and not token.quoted and token.text.islower() and can_be_noun(token.lower) \
                and index >= 3 and tokens[index - 1].tag in ("JJ", "VBG") and tokens[index - 1].text.islower() \
                and tokens[index - 2].lower in ("and", "or") and tokens[index - 3].tag == "NNS" \
                and (tokens[index + 1].text in ",.;:" or tokens[index + 1].tag == "IN"
                     and tokens[index + 1].lower not in ("that", "whether", "if")):
            token.tag = "NNS"  # "the use of animals in circuses and travelling shows, and": a plural of the list
        elif token.tag == "VBZ" and not token.quoted and token.text.islower() and can_be_noun(token.lower) \
                and tokens[index + 1].text == "," and tokens[index + 2].tag == "NNS" \
                and list_of_nouns(tokens, index + 2):
            token.tag = "NNS"  # "countries where bears, monkeys or snakes perform": the first of a list of plurals
    found = False
    for index, token in enumerate(tokens[2:-2], start=2):
        verb = index + 1
        while verb < len(tokens) - 1 and tokens[verb].lower in ("often", "also", "usually", "sometimes", "now",
                                                                "still"):
            verb += 1
        if token.tag == "VBZ" and not token.quoted and token.text.islower() and can_be_noun(token.lower) \
                and tokens[index - 1].lower in ("and", "or") and tokens[index - 2].tag == "NNS" \
                and tokens[index - 2].text.islower() and tokens[verb].tag in ("VB", "VBP") and not tokens[verb].quoted \
                and base_form(tokens[verb].lower):
            # "importers of textiles and clothes often split their shipments": the plural noun, then the verb
            token.tag, tokens[verb].tag = "NNS", "VBP"
            found = True
    if found:
        verbs_joined_by_and(tokens)  # "... often split their shipments and declare them below their value"
