"""Words the tagger read as verbs that are the nouns of a phrase: after a preposition, in a list of nouns, in an
object ("has introduced biometric access passes", "among them judges, prosecutors").
"""

from __future__ import annotations

from portal.reports import reasons
from portal.reports.grammar import (
    Token, _previous_word, base_form, can_be_noun, can_be_verb, lemmas, lexicon_tag, third_person_form, verb_lemma,
)
from portal.reports.tagging.words import (
    AUXILIARIES, BE_HAVE, CLAUSE_BOUNDARIES, DO_FORMS, FINITE, PARTICLES, PERSONAL_PRONOUNS, PLURAL_DETERMINERS,
    QUANTITY_PRONOUNS, QUANTIFIERS, SUBJECT_PRONOUNS, THINKING, object_starts, past_form,
)
from portal.reports.tagging.phrases import object_follows, object_of_preposition, relative_in_a_subject

# What opens a relative clause after its noun.
RELATIVE_OPENERS = frozenset("that which who whom whose where".split())


def nouns_in_a_phrase(tokens: list[Token]) -> None:
    """A word read as a verb in the present right after the noun of a phrase opened by a preposition is the phrase's
    noun: "campaigns on false job offers on social media" (a preposition's object is no subject)."""
    for index in range(2, len(tokens)):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        ends = following is None or following.text in ".,;)"
        if token.tag not in ("VBZ", "VBP") or token.quoted or not token.text.islower() or not can_be_noun(token.lower) \
                or tokens[index - 1].tag not in ("NN", "NNS") \
                or not (object_of_preposition(tokens, index - 1)
                        or ends and index >= 3 and _listed_before(tokens, index - 2)) \
                or following is not None and not (following.tag in ("IN", "TO") or following.text in ".,;)"
                                                  or following.tag == "VBN" and index + 2 < len(tokens)
                                                  and tokens[index + 2].lower == "by"):  # "arms project financed by"
            continue  # (with an object after it, the word is the verb of a subject the phrase qualifies:
            # "the countries of the region need sustained assistance")
        start, listed = index - 1, False
        while start > 0:
            if ends and start > 1 and _listed_before(tokens, start - 1):  # "of parks, sports fields and bus stops,"
                listed = True
            elif not (tokens[start - 1].tag in ("NN", "NNS", "JJ", "DT", "PRP$", "CD")
                      or tokens[start - 1].tag in ("NNP", "NNPS") and start - 1 > 0 and following is not None
                      and (following.tag == "VBN" or ends)):  # "of the ECOWAS small arms project financed by"
                break
            start -= 1
        after_to = start >= 2 and tokens[start - 1].lower == "to" and tokens[start - 2].tag.startswith("NN") \
            and tokens[start].tag in ("JJ", "NN", "DT", "PRP$")  # "the right to online video calls with their family"
        if start >= 1 and (tokens[start - 1].lower in ("of", "on", "for", "about", "against", "with", "in", "by", "from",
                                                        "into", "under", "through", "during", "between", "among")
                           or after_to) \
                and not (tokens[start - 1].lower in QUANTIFIERS and tokens[start].tag == "CD") \
                and (listed or not _after_relative_of_a_subject(tokens, start - 1)):
            # (not "about 3,500 pilgrims travel to Mecca": "about" a quantifier of the subject's number)
            token.tag = "NNS" if third_person_form(token.lower) else "NN"


def _listed_before(tokens: list[Token], index: int) -> bool:
    """Tell whether ``index`` is the comma or the "and" of a list of bare nouns in a clause that has its verb: "the
    lighting of parks, sports fields and bus stops" (not ", and", nor "and the", which may open a clause)."""
    if tokens[index].text != "," and tokens[index].lower not in ("and", "or"):
        return False
    if index < 1 or not tokens[index - 1].tag.startswith("NN") or index + 1 >= len(tokens) \
            or tokens[index + 1].tag not in ("NN", "NNS", "JJ") or tokens[index + 1].lower in ("and", "or"):
        return False
    return any(t.tag in FINITE and not t.quoted for t in tokens[:index])


def _after_relative_of_a_subject(tokens: list[Token], index: int) -> bool:
    """Tell whether ``index`` ends a relative clause, with its verb, that qualifies the subject of a clause that has no
    verb yet: "the egg collectors, called "tortugueros", who lived from the sale of eggs work in hatcheries"."""
    opener = relative_in_a_subject(tokens, index, ("who", "which"))
    return opener is not None and any(t.tag in FINITE and not t.quoted for t in tokens[opener + 1:index])


def nouns_without_object(tokens: list[Token]) -> None:
    """Keep as a noun, flagged, a word that the tagger's lexicon does not know and guessed as a verb in the present,
    that may be a noun, after a noun and with nothing a verb would take after it: "the alternative sentences programme
    under Law No. 18" is a noun phrase. Rewriting such a word as a past ("programmed") would make a sentence of a
    name; left as written and flagged, the editor reads it. Words the lexicon knows ("account for", "deals with",
    "increase during") are left to the rules above, which read them by their neighbours."""
    for index in range(1, len(tokens)):
        token = tokens[index]
        if token.tag not in ("VBZ", "VBP") or token.quoted or not token.text.islower() or token.uncertain \
                or lexicon_tag(token.lower) or not can_be_noun(token.lower) \
                or tokens[index - 1].tag not in ("NN", "NNS"):
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is not None and (object_starts(following) or following.lower in ("as", "that", "to", "not")
                                      or following.tag.startswith(("VB", "RB", "MD")) or following.lower in PARTICLES):
            continue
        token.tag = "NNS" if third_person_form(token.lower) else "NN"
        token.uncertain = reasons.READ_AS_NOUN % {"word": token.text}


def words_of_noun_phrases(tokens: list[Token]) -> None:
    """A word that modifies a noun is no finite verb, whatever the tagger made of it; the clause's verb is elsewhere.

    Right after "as", a word in the plural present has no subject and is the noun phrase's ("as predicate
    offences"); after "most" or "more", a base form before a noun is an adjective ("most predicate offences"); a
    word before a noun that the clause's verb follows at once is that noun's modifier ("so that drug users are
    treated", "that remand detainees be held"): a verb and its object are not followed by a second verb.
    """
    for index in range(1, len(tokens) - 1):
        token, before, after = tokens[index], tokens[index - 1], tokens[index + 1]
        if token.tag not in ("VB", "VBP", "VBZ") or token.quoted or not token.is_word or token.text[:1].isupper() \
                or token.lower in AUXILIARIES:
            continue
        if token.tag == "VBP" and before.lower == "as" and after.tag in ("NN", "NNS", "JJ") \
                and (can_be_noun(token.lower) or "ADJ" in lemmas(token.lower)):
            token.tag = "JJ" if "ADJ" in lemmas(token.lower) else "NN"
        elif token.tag == "VB" and before.lower in ("most", "more") and after.tag in ("NN", "NNS") \
                and not (index >= 2 and (tokens[index - 2].tag in ("MD", "TO") or tokens[index - 2].lower == "to")) \
                and (can_be_noun(token.lower) or "ADJ" in lemmas(token.lower)):
            token.tag = "JJ" if "ADJ" in lemmas(token.lower) else "NN"
        elif token.tag in ("VBZ", "VBP") and after.tag in ("NN", "NNS") and not after.text[:1].isupper() \
                and index + 2 < len(tokens):
            verb = tokens[index + 2]
            relative = before.lower in ("that", "which", "who") and index >= 2 and tokens[index - 2].tag.startswith("NN") \
                and tokens[index - 2].lower != "so"  # (not "so that drug users are treated")
            if verb.tag in FINITE and not verb.quoted and (verb.lower in AUXILIARIES or verb.tag == "MD") \
                    and can_be_noun(token.lower) and not relative:
                token.tag = "NN"  # (not "the cafés that serve hookah must keep": the relative clause's verb)


def nouns_of_listed_examples(tokens: list[Token]) -> None:
    """After "among them", "such as" or "including", a list of nouns runs to the end of the clause: a word there that
    may be a noun is one ("among them judges, prosecutors and members of the forces", "among them sugar, oil")."""
    for index in range(1, len(tokens) - 1):
        opener = (tokens[index - 1].lower, tokens[index].lower)
        if opener not in (("among", "them"), ("among", "others"), ("such", "as")) and tokens[index].lower != "including" \
                or tokens[index + 1].tag == "VBG":
            continue  # (not "including representing them in court")
        for token in tokens[index + 1:]:
            if token.text in ";:" or token.lower in CLAUSE_BOUNDARIES or token.quoted or token.tag == "MD" \
                    or token.lower in SUBJECT_PRONOUNS or token.lower in BE_HAVE | DO_FORMS:
                break  # a clause goes on: "the rate of reoffending among them does not exceed", "the risks they face"
            if token.tag in ("VB", "VBZ", "VBP", "VBD") and token.text.islower() and can_be_noun(token.lower):
                token.tag = "NNS" if token.tag == "VBZ" or token.lower.endswith("s") and not base_form(token.lower) else "NN"
                token.uncertain = ""


def nouns_of_an_object(tokens: list[Token]) -> None:
    """An -s word after the nouns of a verb's object is the object's noun, not a second verb ("has introduced
    biometric access passes for the terminals"): no verb follows another's object without a word to join them. Not
    after a verb of saying or thinking, which may take a clause without "that" ("we believe the law needs ...")."""
    for index in range(2, len(tokens) - 1):
        token = tokens[index]
        if token.tag != "VBZ" or token.quoted or not token.text.islower() or not can_be_noun(token.lower) \
                or tokens[index - 1].tag not in ("NN", "JJ"):
            continue
        position = index - 1
        while position > 0 and tokens[position].tag in ("NN", "JJ", "NNS", "CD") and tokens[position].text.islower():
            position -= 1
        verb = tokens[position]
        if verb.tag in ("VBN", "VBD", "VBZ", "VBP", "VB") and not verb.quoted and position < index - 1 \
                and verb_lemma(verb.lower) not in THINKING and verb.lower not in BE_HAVE \
                and (verb.tag != "VBN" or tokens[_previous_word(tokens, position)].lower in BE_HAVE):
            token.tag = "NNS"  # (the verb's participle after "has"; not "the assets seized ...")


def nouns_of_a_phrase_after_the_verb(tokens: list[Token]) -> None:
    """An -s word ending a noun phrase of a preposition after its clause's verb is that phrase's noun: "which
    considers them as prohibited goods outside the authorized uses", "who are deceived by false job offers and then
    forced". A second verb would need a word to join it to the first."""
    for index in range(2, len(tokens)):
        token = tokens[index]
        if token.tag != "VBZ" or token.quoted or not token.text.islower() or not can_be_noun(token.lower) \
                or not (tokens[index - 1].tag in ("NN", "JJ") or tokens[index - 1].tag == "VBN" and tokens[index - 2].tag == "DT"):
            continue
        preposition = False
        for before in range(index - 1, -1, -1):
            word = tokens[before]
            if word.text in ",;:()" or word.lower in CLAUSE_BOUNDARIES or word.lower in ("and", "or") or word.quoted:
                break
            if word.tag == "IN":
                preposition = True
            elif word.tag in FINITE:
                clause = verb_lemma(word.lower) in THINKING and tokens[before + 1].lower not in PERSONAL_PRONOUNS
                if preposition and not clause and relative_in_a_subject(tokens, before, RELATIVE_OPENERS) is None:
                    token.tag = "NNS"  # (not "we consider the situation in the prison remains")
                break


def nouns_before_their_relative_clause_and_verb(tokens: list[Token]) -> None:
    """An -s word opening a clause after ", and", before "that" and a verb in the plural, is the subject of a plural
    verb that follows the relative clause: "..., and calls that use a spoofed number are blocked". Read as a verb
    ("the Authority ... calls that"), it would leave that plural verb with no subject."""
    for index in range(2, len(tokens) - 3):
        token, pronoun, verb = tokens[index], tokens[index + 1], tokens[index + 2]
        if token.tag != "VBZ" or token.quoted or not token.text.islower() or not can_be_noun(token.lower) \
                or tokens[index - 1].lower != "and" or tokens[index - 2].text != "," \
                or pronoun.lower not in ("that", "which", "who") or verb.quoted or not base_form(verb.lower) \
                or third_person_form(verb.lower) or not can_be_verb(verb.lower):
            continue
        for after in range(index + 3, len(tokens)):
            word = tokens[after]
            if word.text in ",;:()" or word.lower in CLAUSE_BOUNDARIES or word.lower in ("and", "or") or word.quoted:
                break
            if word.lower in ("are", "were", "have") or word.tag == "MD":
                token.tag, verb.tag = "NNS", "VBP"
                break


def nouns_ending_a_phrase(tokens: list[Token]) -> None:
    """An -s word that ends its clause after the noun of a phrase opened by a preposition is that phrase's noun: "in
    baskets, with false CITES permits." (a preposition's object is no subject, and a verb there would have no
    object)."""
    for index in range(2, len(tokens)):
        token = tokens[index]
        if token.tag == "VBZ" and not token.quoted and token.text.islower() and can_be_noun(token.lower) \
                and (index + 1 == len(tokens) or tokens[index + 1].text in ".,;:") \
                and tokens[index - 1].tag in ("NN", "NNP", "NNPS") and object_of_preposition(tokens, index - 1) \
                and any(t.tag in FINITE and not t.quoted for t in tokens[:index]):
            token.tag = "NNS"  # (not "The surveillance of the archipelago remains, however, limited": its only verb)


def nouns_after_a_share_of_them(tokens: list[Token]) -> None:
    """An -s word after "most of them", "many of them" and the like is a noun, as a verb would be plural there: "214
    pieces of jade, the most of them masks, beads and pendants"."""
    for index in range(3, len(tokens)):
        token = tokens[index]
        if token.tag == "VBZ" and not token.quoted and token.text.islower() and can_be_noun(token.lower) \
                and tokens[index - 1].lower == "them" and tokens[index - 2].lower == "of" \
                and tokens[index - 3].lower in QUANTITY_PRONOUNS:
            token.tag = "NNS"


def nouns_of_a_compound(tokens: list[Token]) -> None:
    """An -s word between "and" and a noun, in a phrase opened by a preposition or a determiner, is a noun of a compound:
    "the introduction of a risk and needs assessment tool"."""
    for index in range(2, len(tokens) - 1):
        token = tokens[index]
        if token.tag == "VBZ" and not token.quoted and can_be_noun(token.lower) and tokens[index - 1].lower == "and" \
                and tokens[index - 2].tag in ("NN", "JJ") and tokens[index + 1].tag == "NN" \
                and index >= 3 and tokens[index - 3].tag in ("DT", "IN", "PRP$"):
            token.tag = "NNS"


COPULAS = frozenset("remains becomes seems appears gets stays looks feels".split())


def nouns_before_their_past(tokens: list[Token]) -> None:
    """A word in -s after a noun, before a past form and its object, is the subject's plural and the past its verb:
    "In 2023 the county police inspectorates identified 37 burglaries" (no verb but "has", "is" or a copula takes a
    participle right after it). The past is flagged, for the editor to read it as a verb."""
    for index in range(1, len(tokens) - 2):
        token, past = tokens[index], tokens[index + 1]
        if token.tag != "VBZ" or token.quoted or not token.text.islower() or token.lower in AUXILIARIES | COPULAS \
                or tokens[index - 1].tag not in ("NN", "NNS") or past.tag not in ("VBN", "VBD") or past.quoted \
                or not past_form(past.lower) or not object_follows(tokens, index + 2) \
                or can_be_verb(token.lower) and not can_be_noun(token.lower):
            continue
        token.tag, past.tag = "NNS", "VBD"
        past.uncertain = past.uncertain or reasons.VERB_OR_PARTICIPLE % {"word": past.text}


def plurals_after_a_determiner_or_a_verb(tokens: list[Token]) -> None:
    """A word in -s that may be a noun is a plural noun after a determiner of plurals, "whose", or a verb that is not
    an auxiliary (two verbs do not follow each other): "Many lifts in Auckland", "hotels whose lifts and escalators",
    "to issue all permits". (It runs before some verbs are known: "earthquakes often stop lifts between floors" still
    gives "lifted", flagged.)"""
    for index in range(1, len(tokens)):
        token, before = tokens[index], tokens[index - 1]
        if token.tag != "VBZ" or token.quoted or not token.text.islower() or not can_be_noun(token.lower) \
                or token.lower in AUXILIARIES or before.quoted:
            continue
        if before.lower in PLURAL_DETERMINERS | {"whose", "some", "all"} and not (
                before.lower == "all" and index >= 2 and tokens[index - 2].tag in ("PRP", "NNS")) \
                or before.tag in ("VBD", "VBP", "VBZ") and before.text.islower() and before.lower not in AUXILIARIES:
            token.tag = "NNS"


def plural_subject_after_which(tokens: list[Token]) -> None:
    """A word in -s right after "which" or "whom" and its noun, before a past form that no noun follows, is the
    relative clause's plural subject and the past its verb: "equipment which partners donated to hospitals was sold"
    (but "a law which requires trained staff": the past of a noun phrase after the verb)."""
    for index in range(2, len(tokens) - 2):
        token, past, after = tokens[index], tokens[index + 1], tokens[index + 2]
        if token.tag != "VBZ" or token.quoted or not token.text.islower() \
                or tokens[index - 1].lower not in ("which", "whom") \
                or not (tokens[index - 2].tag.startswith("NN") or tokens[index - 2].text == ",") \
                or past.tag not in ("VBN", "VBD") or past.quoted or not past_form(past.lower) \
                or not can_be_noun(token.lower) or token.lower in AUXILIARIES \
                or after.tag in ("NN", "NNS", "NNP", "NNPS", "JJ", "CD", "VBG") or after.text in "(\"\u201c":
            continue
        token.tag, past.tag = "NNS", "VBD"


def nouns_inside_noun_phrases(tokens: list[Token]) -> None:
    """A word between the adjective (or participle) of a noun phrase and its noun is a noun modifier, and an -s word
    after such an adjective, before a noun, "or", "and" or the end, is the phrase's noun: "reports of suspected hate
    crimes", "cases involving detained suspects or minors". A finite verb never follows an adjective that follows a
    preposition, a determiner or a gerund: it needs a subject."""
    for index in range(2, len(tokens) - 1):
        token, following = tokens[index], tokens[index + 1]
        adjective, opener = tokens[index - 1], tokens[index - 2]
        if token.tag not in ("VB", "VBP", "VBZ", "VBD") or token.quoted or not token.text.islower() \
                or not can_be_noun(token.lower) or adjective.tag not in ("JJ", "VBN") or not adjective.text.islower() \
                or not (opener.tag in ("IN", "DT", "PRP$", "VBG") or opener.lower in ("the", "a", "an")):
            continue
        if following.tag in ("NN", "NNS"):
            token.tag = "NN"  # "suspected hate crimes"
        elif token.tag == "VBZ" and (following.lower in ("or", "and") or following.text in ",.;:"):
            token.tag = "NNS"  # "detained suspects or minors"


def words_of_names(tokens: list[Token]) -> None:
    """A capitalised word after another inside a name is part of the name, never a verb ("the New Horizons for
    Seniors Program"); so is a particle of another language between two capitalised words ("Casas do Direito")."""
    for index in range(1, len(tokens)):
        token, before = tokens[index], tokens[index - 1]
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.quoted:
            continue
        if token.tag.startswith("VB") and token.text[:1].isupper() and token.text[1:].islower() \
                and before.text[:1].isupper() and before.is_word and index > 1:
            token.tag = "NNP"
        elif token.lower in ("do", "da", "das", "dos") and before.text[:1].isupper() and index > 1 \
                and after is not None and after.text[:1].isupper():
            token.tag = "NNP"


def noun_after_an_opening_phrase(tokens: list[Token]) -> None:
    """A verb in the present right after the noun of an opening phrase that no comma closes, before a noun, when a
    list of nouns then leads to the sentence's verb, is a noun of the subject: "In the last years bronze busts, plaques
    and sculptures have disappeared" (no subject can stand inside "In the last years")."""
    if len(tokens) < 5 or tokens[0].tag != "IN" or tokens[0].lower in ("that", "if", "because", "while", "whereas"):
        return
    verb = next((i for i, t in enumerate(tokens) if t.tag in FINITE and not t.quoted), None)
    if verb is None or verb < 2 or verb + 2 >= len(tokens) or tokens[verb].tag != "VBP" \
            or not can_be_noun(tokens[verb].lower) or not tokens[verb].text.islower() \
            or tokens[verb + 1].tag not in ("NN", "NNS") or not tokens[verb + 1].text.islower():
        return
    phrase = [t.tag for t in tokens[1:verb]]
    names = all(tag in ("NNP", "NNPS") for tag in phrase)
    common = phrase[0] in ("DT", "PRP$") and phrase[-1] in ("NN", "NNS") \
        and all(tag in ("JJ", "JJS", "JJR", "CD") for tag in phrase[1:-1])  # ("the last years", not "2023 police")
    if not (names or common):
        return
    for position in range(verb + 2, len(tokens)):
        token = tokens[position]
        if token.tag in FINITE and not token.quoted:
            tokens[verb].tag = "NN"
            return
        if not (token.tag in ("NN", "NNS", "JJ", "CC") or token.text == ","):
            return


def plural_and_its_verb_after_a_plural(tokens: list[Token]) -> None:
    """A plural read as a verb after a plural and "and", before a base form and a preposition, is the second noun of the
    subject, and the base form its verb: "whose icons and crosses date from the 10th century" (no verb yet in the
    clause)."""
    for index in range(2, len(tokens) - 2):
        token, verb, after = tokens[index], tokens[index + 1], tokens[index + 2]
        if token.tag != "VBZ" or token.quoted or not token.text.islower() or tokens[index - 1].lower != "and" \
                or tokens[index - 2].tag != "NNS" or not can_be_noun(token.lower) \
                or not third_person_form(token.lower) \
                or verb.tag not in ("NN", "VB") or not verb.text.islower() or not base_form(verb.lower) \
                or not can_be_verb(verb.lower) or after.tag not in ("IN", "TO", "DT", "PRP$"):
            continue
        before = index - 3
        while before >= 0 and tokens[before].tag not in FINITE and tokens[before].lower not in RELATIVE_OPENERS \
                and tokens[before].text not in ",;:":
            before -= 1
        if before >= 0 and tokens[before].tag in FINITE:
            continue  # ("the Unit checks the shops and fines date ..."): the clause has its verb
        token.tag, verb.tag = "NNS", "VBP"
