"""Corrections of the tagger for the sentences States write, by rules that read a word's neighbours.

The Brill tagger that TextBlob ships (:mod:`portal.reports.grammar`) tags by each word's most
frequent use and a few context rules learnt from newspaper text. In answers to a checklist it takes
"The" opening a sentence for a proper noun, "programme" for an adjective, "were" for a participle,
and "trains", "norms" or "witnesses" for whatever they most often are. These rules correct it with
what the neighbours say: nouns after determiners, possessives and prepositions; two verbs in a row;
a participle with an object is a past tense; a past form between a noun and a preposition is a
reduced relative clause; catenative verbs ("needs to be amended"); relative clauses; appositions;
names with "of", "for" or "to" inside, and the capitalised words of titles. A clause that opens
with its subject needs a verb: where none was found, it is the word that agrees with the subject's
head ("offenders convicted under the Ordinance face fines", "our Ministry of Justice acts as"), and
a clause that has its verb takes no second one ("receive temporary residence permits"). Where the
neighbours cannot decide, the word is marked ``uncertain`` and the report asks the editor to check it.
"""

from __future__ import annotations

from typing import Sequence

from portal.reports import reasons
from portal.reports.grammar import (
    ADVERBS_BETWEEN, Token, _previous_word, base_form, can_be_noun, can_be_verb, inflect, lemmas, lexicon_tag,
    state_words, third_person_form, verb_lemma,
)

MODALS = frozenset({"will", "would", "can", "could", "may", "might", "shall", "should", "must", "ought"})
DO_FORMS = frozenset({"do", "does", "did"})
SUBJECT_PRONOUNS = frozenset({"i", "we", "they", "he", "she", "it", "you"})
PERSONAL_PRONOUNS = SUBJECT_PRONOUNS | frozenset("me us them him her itself themselves ourselves himself herself one".split())
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her",
                         "each", "every", "all", "some", "any", "no", "several", "many", "such", "other", "both",
                         "various", "new", "national", "further", "more", "most", "few", "two", "three"})
RELATIVES = frozenset({"that", "which", "who"})
# Verbs that take "to" and a verb: "the Act needs to be amended" (but "investigation teams to fight crime").
CATENATIVE = frozenset("""need aim plan seek intend want continue tend hope wish try strive expect propose decide agree
fail refuse prepare undertake commit endeavour endeavor remain appear seem""".split())
PREPOSITIONS = frozenset({"of", "in", "on", "for", "with", "by", "at", "from", "into", "onto", "upon", "within",
                          "without", "among", "between", "through", "during", "towards", "against", "under", "across",
                          "throughout", "via", "despite", "beyond"})

def correct(tokens: list[Token]) -> None:
    """Correct the tagger's tags of one sentence where the sentences of States' answers mislead it."""
    _correct_words(tokens)
    _correct_clauses(tokens)
    _nouns_in_a_phrase(tokens)
    _nouns_without_object(tokens)
    _verb_after_relative_pronoun(tokens)
    _nouns_of_listed_examples(tokens)
    _nouns_of_an_object(tokens)
    _nouns_of_a_phrase_after_the_verb(tokens)
    _verbs_in_a_series(tokens)
    absolute_participles(tokens)
    _participles_before_a_date_and_verb(tokens)
    _nouns_of_a_compound(tokens)
    for token in tokens:
        if token.lower in ("have", "has") and token.tag.startswith("NN"):
            token.tag = "VBP" if token.lower == "have" else "VBZ"  # never a noun in a State's answer
    for index, token in enumerate(tokens[1:-1], start=1):
        if tokens[index - 1].lower == "whose" and token.tag.startswith("VB") and tokens[index + 1].tag.startswith("NN"):
            token.tag = "JJ"  # "whose lay magistrates apply": a noun phrase follows "whose", never a verb
        elif token.tag == "NNS" and third_person_form(token.lower) and _ends_a_title(tokens, index - 1) \
                and _object_starts(tokens[index + 1]) and tokens[index - 2].text == ",":
            token.tag = "VBZ"  # "the Anti-Gang Act, 2021 makes it an offence": the title's verb
        elif token.tag == "VBZ" and tokens[index - 1].text == "," and index > 1 and tokens[index - 2].tag == "NNS" \
                and tokens[index + 1].lower in ("and", "or", ",") and can_be_noun(token.lower) and not token.quoted \
                and not any(t.tag in ("VBZ", "MD") and not t.quoted for t in tokens[:index]):
            # (not "receives reports, investigates and refers cases": a verb like it before)
            token.tag = "NNS"  # "1,250 motors, dredges and other equipments": a noun of a list of nouns
    for index, token in enumerate(tokens[1:-1], start=1):
        if token.tag == "VBZ" and tokens[index - 1].lower.endswith(("'s", "\u2019s")) and can_be_noun(token.lower) \
                and tokens[index + 1].tag in ("IN", "VBP", "VB", "NN", "MD"):
            token.tag = "NNS"  # "the children's judges of Brazzaville privilege": the noun of a possessive


def _nouns_in_a_phrase(tokens: list[Token]) -> None:
    """A word read as a verb in the present right after the noun of a phrase opened by a preposition is the phrase's
    noun: "campaigns on false job offers on social media" (a preposition's object is no subject)."""
    for index in range(2, len(tokens)):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.tag not in ("VBZ", "VBP") or token.quoted or not token.text.islower() or not can_be_noun(token.lower) \
                or tokens[index - 1].tag not in ("NN", "NNS") or not _object_of_preposition(tokens, index - 1) \
                or following is not None and not (following.tag in ("IN", "TO") or following.text in ".,;)"
                                                  or following.tag == "VBN" and index + 2 < len(tokens)
                                                  and tokens[index + 2].lower == "by"):  # "arms project financed by"
            continue  # (with an object after it, the word is the verb of a subject the phrase qualifies:
            # "the countries of the region need sustained assistance")
        start = index - 1
        while start > 0 and (tokens[start - 1].tag in ("NN", "NNS", "JJ", "DT", "PRP$", "CD")
                             or tokens[start - 1].tag == "NNP" and start - 1 > 0 and following is not None
                             and following.tag == "VBN"):  # "of the ECOWAS small arms project financed by"
            start -= 1
        if start >= 1 and tokens[start - 1].lower in ("of", "on", "for", "about", "against", "with", "in", "by", "from",
                                                       "into", "under", "through", "during", "between", "among"):
            token.tag = "NNS" if third_person_form(token.lower) else "NN"


def _nouns_without_object(tokens: list[Token]) -> None:
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
        if following is not None and (_object_starts(following) or following.lower in ("as", "that", "to", "not")
                                      or following.tag.startswith(("VB", "RB", "MD")) or following.lower in PARTICLES):
            continue
        token.tag = "NNS" if third_person_form(token.lower) else "NN"
        token.uncertain = reasons.READ_AS_NOUN % {"word": token.text}


# Words whose "'s" is "is" or "has" ("it's", "there's"), not a possessive.
CONTRACTED = frozenset("it that there here what who he she let where how".split())
AUXILIARIES = frozenset("is are am was were be been has have had do does did will would can could may might shall should must".split())
# Small words that join the capitalised words of a title ("Crimes Committed by Means of Such Publications").
TITLE_JOINERS = frozenset("of and on for against in by the to with from or".split())


def _in_title(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the capitalised word at ``index`` stands inside a title-case name, after its first word.

    A capitalised word that does not open the sentence, between capitalised words (across a small joining
    word such as "of" or "by"), is a word of a name or a title, never a verb of the sentence.
    """
    token = tokens[index]
    if not token.text[:1].isupper() or token.text.isupper() or not any(t.is_word for t in tokens[:index]):
        return False
    back = index - 1
    if back >= 0 and tokens[back].lower in TITLE_JOINERS and tokens[back].text.islower():
        back -= 1
    ahead = index + 1
    if ahead < len(tokens) and tokens[ahead].lower in TITLE_JOINERS and tokens[ahead].text.islower():
        ahead += 1
    return back >= 0 and tokens[back].is_word and tokens[back].text[:1].isupper() and back > 0 \
        and any(t.is_word for t in tokens[:back]) \
        and ahead < len(tokens) and tokens[ahead].is_word and tokens[ahead].text[:1].isupper()


def _correct_words(tokens: list[Token]) -> None:
    """Correct the tags of single words by their neighbours."""
    for index, token in enumerate(tokens):
        lower = token.lower
        if lower == "not" or lower in ("still", "already", "also") and token.text.islower():
            token.tag = "RB"  # ("we still need": never the verb "to still")
        elif token.tag in ("VB", "VBP") and 0 < index < len(tokens) - 1 and tokens[index + 1].lower == "by" \
                and tokens[index - 1].lower in ("them", "which", "whom") and inflect(verb_lemma(lower) or lower, "VBN") == lower:
            token.tag = "VBN"  # "shelters, all of them run by NGOs": a participle that has the form of the verb
        elif lower == "aged" and index + 1 < len(tokens) and tokens[index + 1].text[:1].isdigit():
            token.tag = "JJ"  # "the population aged 16-84": how old, never a verb
        elif token.tag == "PRP" and lower not in PERSONAL_PRONOUNS:
            token.tag = "NN"  # the tagger's "PRP" for "bank" in "bank balances"
        elif lower in ("was", "were"):
            token.tag = "VBD"
        elif lower == "is":
            token.tag = "VBZ"
        elif lower in ("are", "am"):
            token.tag = "VBP"
        elif lower == "has":
            token.tag = "VBZ"
        elif lower == "been":
            token.tag = "VBN"
        elif lower == "have" and token.tag.startswith("NN"):
            token.tag = "VBP"  # the tagger's "NN" for "have" after "the programme"
        elif lower == "of" and token.tag != "IN":
            token.tag = "IN"
        elif lower in ("the", "a", "an"):
            token.tag = "DT"  # "The" opening a sentence is no proper noun
        elif token.tag == "JJ" and "NOUN" in lemmas(lower) and "ADJ" not in lemmas(lower) and not lexicon_tag(lower):
            token.tag = "NN"  # a noun the tagger does not know: "programme", "centre"
        elif token.text.isupper() and len(token.text) > 1 and token.text.isalpha():
            token.tag = "NNP"  # "UNODC", "OECD"
        elif token.tag in ("NNP", "NN") and token.text.islower() and lexicon_tag(lower) == "RB" and lower.endswith("ly"):
            token.tag = "RB"  # "jointly": a lower-case word is no name, and the lexicon knows it as an adverb
        elif token.text[:1].isupper() and lower in state_words():
            token.tag = "NNP"  # "Jordan", "Chad", "Turkey": names of States, whatever else they may be
        elif lower.endswith(("'s", "\u2019s")) and lower[:-2] not in CONTRACTED:
            token.tag = "NNS"  # "Namibia's national parks": a possessive, never "is"
        elif token.tag.startswith("VB") and lower not in AUXILIARIES and _in_title(tokens, index):
            token.tag = "NNP"  # "the Law on Combating Crimes Committed by Means of ...": a word of a title
        elif lower == "cannot":
            token.tag = "MD"
        elif token.text[:1].isdigit() and token.tag != "CD" and not token.text[-1:].isalpha():
            token.tag = "CD"  # "4 tonnes": a figure, whatever the tagger made of it
        elif token.tag == "VBG" and not lower.endswith("ing"):
            token.tag = "NN"  # the tagger's "VBG" for "record"
        elif index == 0 and token.tag == "NNP" and lexicon_tag(lower).startswith("JJ"):
            token.tag = "JJ"  # "New provisions criminalized ...": an adjective opening the sentence
        elif index == 0 and token.tag == "NNP" and lexicon_tag(lower) == "NNS":
            token.tag = "NNS"  # "Women represent 8 per cent ...": a plural opening the sentence
        elif lower in MODALS and token.tag != "MD" and lower not in {"will", "may", "can", "must"}:
            token.tag = "MD"
        elif lower in PREPOSITIONS and token.tag not in ("IN", "TO", "CC", "RP"):
            token.tag = "IN"  # "Victims of trafficking": never a verb
        elif token.tag == "NN" and "ADJ" in lemmas(lower) and "NOUN" not in lemmas(lower):
            token.tag = "JJ"
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.tag == "VB" and not base_form(token.lower) and token.is_word:
            # The tagger's "VB" for a word that is no verb's base form: "be circulated", "to similar entities".
            if token.lower.endswith(("ed", "en")) and verb_lemma(token.lower):
                token.tag = "VBN"
            elif "ADJ" in lemmas(token.lower) or lexicon_tag(token.lower).startswith("JJ") or token.text[:1].isupper():
                token.tag = "JJ"
            elif can_be_noun(token.lower):
                token.tag = "NNS" if token.lower.endswith("s") else "NN"  # "sentenced to imprisonment"
            continue
        if token.tag == "VBD" and index and tokens[index - 1].tag in ("DT", "PRP$") and tokens[index - 1].lower not in (
                "that", "which", "this", "these", "those", "all", "both", "each"):
            token.tag = "VBN"  # "a lost or abducted child"
            continue
        if token.tag in ("VBD", "VB") and index and tokens[index - 1].lower in ("be", "been", "being") \
                and token.lower.endswith(("ed", "en")):
            token.tag = "VBN"
            continue
        if token.tag == "VBP" and index and tokens[index - 1].tag == "NN" and tokens[index - 1].lower.endswith("ing") \
                and can_be_noun(token.lower) and token.lower not in ("are", "have", "do"):
            token.tag = "NN"  # "for recording hate crimes": no plural subject before a verb in the plural
            continue
        if token.lower == "thanks" and following is not None and following.lower == "to":
            token.tag = "NNS"  # "thanks to which"
            continue
        if token.tag in ("VBP", "VBZ", "VB") and token.lower.endswith("ing") and can_be_noun(token.lower):
            token.tag = "NN"  # "human rights training"
            continue
        if token.tag in ("VBZ", "VBP") and following is not None and can_be_noun(token.lower) and (
                following.tag in ("MD", "VBZ", "VBP", "VBD") or following.tag == "WDT"):
            # A verb is not followed by another finite verb, nor by a relative pronoun: "the prisons act
            # will enter into force", "issues that do not fit together".
            token.tag = "NNS" if token.lower.endswith("s") else "NN"
            continue
        if token.tag in ("VBZ", "VBP") and following is not None and following.tag == "VBN" and can_be_noun(token.lower) \
                and token.lower not in BE_HAVE and _past_form(following.lower) and _object_follows(tokens, index + 2):
            # Nor by a past form with an object, which is the verb: "the customs service seized about 300 kg".
            token.tag = "NNS" if token.lower.endswith("s") else "NN"
            following.tag = "VBD"
            continue
        # After a determiner, an adjective, a number, a preposition or a possessive, a word that may be a
        # noun is one: "a rapid needs assessment", "the acts of judges", "three aims", "UNODC's work".
        if index and token.tag in ("VBZ", "VBP", "VBD", "VB") and can_be_noun(token.lower) and token.lower not in (
                "is", "are", "has", "have", "does", "do", "was", "were", "had", "did", "be"):
            before = tokens[index - 1]
            adjective = before.tag == "NN" and lexicon_tag(before.lower).startswith("JJ") and index >= 2 \
                and tokens[index - 2].tag in ("DT", "PRP$")  # "a rapid needs assessment"
            noun_context = adjective or (before.tag in ("DT", "PRP$", "CD", "POS", "JJ", "JJR", "JJS")
                            and before.lower not in ADVERBS_BETWEEN | {"that", "which", "who", "all", "both", "each"}) \
                or before.text.endswith(("'s", "\u2019s")) or (before.tag == "IN" and before.lower not in (
                    "that", "if", "because", "while", "whereas", "as", "since", "although", "though", "so", "when",
                    "where", "unless", "until", "whether", "once", "than"))
            if noun_context and not (token.tag == "VB" and before.lower == "to"):
                token.tag = "NNS" if token.lower.endswith("s") and token.tag != "VBD" else "NN"
                if adjective:
                    before.tag = "JJ"
                continue
            if token.tag == "VBZ" and _after_plural_quantity(tokens, index):
                token.tag = "NNS"  # "two new community policing centres": a plural after a number is its noun
                continue
        if token.tag == "VBZ" and can_be_noun(token.lower) and (index == 0 or tokens[index - 1].text in (",", "(", ";")) \
                and _has_finite_after(tokens, index):
            token.tag = "NNS"  # "Since January 2012, cases under the Law have been tried"
            continue
        if token.tag == "VBZ" and can_be_noun(token.lower) and following is not None and following.text in ".;)" \
                and index and tokens[index - 1].tag.startswith("NN") and _finite_in_clause(tokens, index):
            token.tag = "NNS"  # "an assessment of the victim's protection needs."
            continue
        # Two verbs in a row: the second is a noun ("arrest suspects", "adopt measures").
        if index and token.tag in ("VBZ", "VBP") and tokens[index - 1].tag in ("VB", "VBZ", "VBP", "VBD") \
                and tokens[index - 1].lower not in ("is", "are", "was", "were", "has", "have", "had", "do", "does", "did",
                                                    "be", "been") and can_be_noun(token.lower):
            token.tag = "NNS" if token.lower.endswith("s") else "NN"
    for index, token in enumerate(tokens):
        if not token.is_word or token.tag == "NNP" or (token.text[:1].isupper() and index > 0):
            continue
        before = _previous_word(tokens, index)
        if before > 0 and tokens[before].text == ")":
            before = _before_parenthesis(tokens, before)  # "mobile teams of the Agency (ANLTP) visit the sites"
        previous = tokens[before] if before >= 0 else None
        p_lower = previous.lower if previous else ""
        p_tag = previous.tag if previous else ""
        lower = token.lower
        if previous and (p_tag == "MD" or p_lower in DO_FORMS or p_lower == "to" and p_tag == "TO") and base_form(lower):
            if p_lower in DO_FORMS or p_tag == "MD":
                token.tag = "VB"
            elif p_lower == "to" and token.tag in ("NN", "VBP", "VBG", "NNS"):
                token.tag = "VB"
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        loose_noun = token.tag == "NN" and following is not None and (following.tag.startswith(("RB", "DT", "PRP$", "IN"))
                                                                      or following.lower in ("online", "abroad", "offline")) \
            and following.lower not in ("of",) and previous is not None and not previous.text.endswith(("'s", "\u2019s")) \
            and (p_tag == "NNS" or p_tag == "NNP" and tokens[index - 1].text == ")" and _plural(previous))
        # ("its members meet once a month"; not "UNODC's work on")
        if p_lower in ("country", "government") and before >= 1 and tokens[before - 1].lower in ("our", "my") \
                and (before == 1 or tokens[before - 2].text in ",;:" or tokens[before - 2].lower in CLAUSE_OPENERS) \
                and third_person_form(lower) and not token.text[:1].isupper():
            token.tag = "VBZ"  # "Our country notes with concern ...": the State speaking, like "it"
            token.uncertain = ""
            continue
        pronoun = tokens[index - 1] if index else None
        if pronoun is not None and pronoun.lower in ("both", "all", "others", "many", "most", "some") and base_form(lower) \
                and following is not None and (following.tag in ("DT", "PRP$") or following.lower in DETERMINERS) \
                and token.tag in ("NN", "VB", "VBP", "JJ") and (index == 1 or tokens[index - 2].tag in ("IN", ",", "CC")):
            token.tag = "VBP"  # "as both address the same challenges"
            continue
        opens = before >= 0 and (before == 0 or tokens[before - 1].text in ",;:(" or tokens[before - 1].lower in CLAUSE_OPENERS)
        if p_lower in INDEFINITE_PRONOUNS and opens and third_person_form(lower) and token.tag in ("NNS", "NN", "VBZ"):
            token.tag = "VBZ"  # "that much remains to be done", "nothing prevents a victim from ..."
            continue
        if p_lower == "," and before >= 4:
            # "many of them, mainly from Bangladesh, come through ...": the verb after an insert set off by commas
            opening = next((i for i in range(before - 1, 0, -1) if tokens[i].text == ","), None)
            if opening is not None and opening >= 3 and tokens[opening - 1].lower in ("them", "us", "these", "those") \
                    and tokens[opening - 2].lower == "of" and tokens[opening - 3].lower in QUANTITY_PRONOUNS \
                    and not any(t.tag in FINITE for t in tokens[opening:before]) and base_form(lower) \
                    and token.tag in ("NN", "VB", "VBP", "JJ") and following is not None \
                    and (_object_starts(following) or following.tag in ("IN", "RB")):
                token.tag = "VBP"
                continue
        if p_lower in ("them", "us", "these", "those") and before >= 2 and tokens[before - 1].lower == "of" \
                and (tokens[before - 2].lower in QUANTITY_PRONOUNS or tokens[before - 2].tag == "CD") \
                and (before == 2 or tokens[before - 3].text in ",;:(" or tokens[before - 3].lower in CLAUSE_OPENERS) \
                and base_form(lower) and following is not None and _object_starts(following) \
                and token.tag in ("NN", "VB", "VBP", "JJ"):
            token.tag = "VBP"  # "since most of them never report the offence"
            continue
        collective = p_lower in COLLECTIVE or (p_tag.startswith("NN") and before >= 2 and _subject_is_plural(tokens, before))
        participle = following is not None and following.tag in ("VBD", "VBN") and index + 2 < len(tokens) \
            and tokens[index + 2].tag in ("JJ", "NN", "NNS") and verb_lemma(following.lower) \
            and inflect(verb_lemma(following.lower), "VBN") == following.lower  # "need sustained technical assistance"
        if collective and token.tag in ("VB", "NN", "VBP") and base_form(lower) and following is not None \
                and (_object_starts(following) or participle or not can_be_noun(lower) and following.tag == "IN") \
                and _opens_clause(tokens, before) \
                and not _finite_in_clause(tokens, index):
            token.tag = "VBP"  # "the police record all complaints", "where most seizures of cocaine take place"
            if participle:
                following.tag = "VBN"  # a participle opening the object, as an adjective
            if can_be_noun(lower) and p_lower in COLLECTIVE:
                token.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
            continue
        if (token.tag == "VB" or token.tag == "NN" and (not can_be_noun(lower) or loose_noun)) and previous is not None \
                and not previous.text.endswith(("'s", "\u2019s")) \
                and (p_tag in ("NNS", "NNPS") or p_lower in ("we", "they", "i", "you")
                     or p_tag == "NNP" and tokens[index - 1].text == ")" and _plural(previous)) \
                and base_form(lower) and _opens_clause(tokens, before):
            token.tag = "VBP"  # "victims of trafficking receive", "we strongly support"
            continue
        if token.tag in ("VBZ", "VBP", "VBD", "MD") or lower in ("is", "are", "am", "has", "have"):
            if lower in ("is", "are", "am"):
                token.tag = "VBZ" if lower == "is" else "VBP"
            continue
        if lower in ("still", "already") and token.tag == "RB":
            continue  # "we still need": the adverb, then the verb
        # After a subject pronoun, a word that can be a verb in the present is one: "we house", "it leads".
        if p_lower in SUBJECT_PRONOUNS and previous and not previous.text[:1] == "I" or p_lower in ("we", "they"):
            if third_person_form(lower):
                token.tag = "VBZ"
            elif base_form(lower) and p_lower in ("we", "they", "i", "you"):
                token.tag = "VBP"
            continue
        # After a relative pronoun following a noun: "tools that provide", "shelters, which house".
        if p_lower in RELATIVES and before >= 1:
            head = tokens[_previous_word(tokens, before, frozenset({","}))]
            nounish = head.tag.startswith("NN") or head.tag == "PRP" or (
                head.lower in ("and", "or") and any(t.lower == p_lower for t in tokens[:before - 1]))  # "... and which also acts"
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            next_is_verb = following is not None and following.tag in ("VBZ", "VBP", "VBD", "MD")
            if nounish and not next_is_verb and can_be_verb(lower):
                if third_person_form(lower):
                    token.tag = "VBZ"
                elif base_form(lower) and lower not in DETERMINERS:
                    token.tag = "VBP"
            continue
        # A noun followed by a word that may be a noun or a verb: "The police trains officers".
        named_law = p_tag == "CD" and before >= 1 and (tokens[before - 1].tag == "NNP" or (  # "the Act 2010 needs"
            before >= 2 and tokens[before - 1].lower == "of" and tokens[before - 2].tag == "NNP"))  # "the Law of 2014 raises"
        # A past form after the next noun and before a preposition may be a participle ("reviews complaints received
        # from the public"): the word is the verb then, and the editor is asked.
        participles = _participles_after(tokens, index) if token.tag == "NNS" else []
        after_acronym = index >= 3 and tokens[index - 1].text == ")" and tokens[index - 2].text.isupper() \
            and tokens[index - 3].text == "(" and not _finite_before(tokens, index)
        if token.tag == "NNS" and after_acronym and third_person_form(lower) and _opens_clause(tokens, before) \
                and not _has_finite_after(tokens, index, participles):
            token.tag = "VBZ"  # "The Department of ... (DNP) works with": the name and its acronym, then the verb
            continue
        if token.tag == "NNS" and previous is not None and (p_tag.startswith("NN") or named_law) and third_person_form(lower) \
                and can_be_noun(lower) and not _has_finite_after(tokens, index, participles) \
                and _opens_clause(tokens, before):
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            after = tokens[index + 2] if index + 2 < len(tokens) else None
            if following is not None and following.tag == "CD" and lexicon_tag(lower) == "NNS" and _gapped(tokens, index):
                # "the police opened 300 investigations, and the prosecution services 150 cases": the verb is left
                # out of the second clause, whose noun is no verb
                token.uncertain = reasons.READ_AS_NOUN_GAPPED % {"word": token.text}
            elif following is not None and (following.lower in DETERMINERS or following.tag in ("PRP$", "DT", "CD")
                                            or following.lower in ("out", "up", "forward")):
                token.tag = "VBZ"
            elif following is not None and following.lower == "to" and after is not None and (
                    after.tag == "VB" or base_form(after.lower)) and after.lower not in DETERMINERS \
                    and verb_lemma(lower) in CATENATIVE:
                token.tag = "VBZ"  # "the Act needs to be amended", "the Ministry plans to open"
                if can_be_noun(lower) and lower not in ("needs", "seeks", "intends", "wants", "continues"):
                    token.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
            elif following is not None and following.text in ".,;" and _subordinate_without_verb(tokens, index):
                token.tag = "VBZ"  # "before the congress starts."
            elif following is not None and following.tag == "IN" and _clause_after_that(tokens, index):
                token.tag = "VBZ"  # "proposed that one agenda item deals with wildlife crime"
            elif following is not None and following.lower == "to" and after is not None and after.tag in ("DT", "NNP"):
                token.tag = "VBZ"  # "the Committee reports to the Prime Minister": a verb, or "reports to"?
                token.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
            elif following is not None and _object_starts(following) and not following.tag == "VBG":
                # (a noun followed by an -ing form is a noun and its participle: "terrorism cases involving children")
                if _finite_before(tokens, index) and not _clause_after_that(tokens, index):
                    # The sentence has a verb already: most likely a noun ("evaluation of reform programmes on"), but
                    # not after the short subject of a clause with "that" ("recommends that the Commission addresses").
                    token.uncertain = reasons.MAY_BE_PRESENT % {"word": token.text}
                else:
                    token.tag = "VBZ"
        elif token.tag == "NNS" and p_lower in ("and", "or") and third_person_form(lower) \
                and _finite_before(tokens, before) and index + 2 < len(tokens) \
                and tokens[index + 1].lower == "to" and tokens[index + 2].tag in ("DT", "NNP"):
            # "was appointed in 2008 and reports to the Minister": most likely a second verb
            token.tag = "VBZ"
            token.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
        elif token.tag == "NNS" and p_lower in ("and", "or") and third_person_form(lower) \
                and _finite_before(tokens, before) == "VBZ" and index + 1 < len(tokens) \
                and tokens[index + 1].tag.startswith("RB") and tokens[index + 1].lower.endswith("ly"):
            # "coordinates the work of 12 units and reports directly to the Minister": most likely a second verb
            token.tag = "VBZ"
            token.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
        elif token.tag == "NNS" and p_lower in ("and", "or") and third_person_form(lower) \
                and _finite_before(tokens, before) == "VBZ" and index + 1 < len(tokens) \
                and not _object_starts(tokens[index + 1]) and tokens[index + 1].tag in ("IN", "TO"):
            # "meets every quarter and reports to the Minister": a second verb, or a noun?
            token.uncertain = reasons.MAY_BE_PRESENT % {"word": token.text}
        elif token.tag == "NNS" and p_lower in ("and", "or") and third_person_form(lower) \
                and _finite_before(tokens, before) == "VBZ" and index + 1 < len(tokens) and _object_starts(tokens[index + 1]):
            # "carries out training and trains prosecutors": a second verb, or a second noun?
            token.tag = "VBZ"
            if tokens[index + 1].lower not in DETERMINERS and tokens[index + 1].tag not in ("PRP$", "DT", "CD"):
                token.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
        elif token.tag == "NNS" and p_tag.startswith("NN") and third_person_form(lower) and index + 1 < len(tokens) \
                and tokens[index + 1].tag == "IN" and _clause_after_that(tokens, index) \
                and not any(t.tag == "MD" for t in tokens[index + 1:]):
            # "proposed that one agenda item deals with wildlife crime" (not "hope that future reports of the
            # Secretary-General will include": the clause's verb comes later)
            token.tag = "VBZ"
        elif token.tag == "NNS" and not can_be_noun(lower) and third_person_form(lower):
            token.tag = "VBZ"  # "criminalizes", unknown to the lexicon as a noun
        elif token.tag == "NNS" and p_tag.startswith("NN") and third_person_form(lower) and index + 1 < len(tokens) \
                and tokens[index + 1].tag == "RP":
            token.tag = "VBZ"  # "sets out", "carries out"
        if participles and token.tag == "VBZ":
            for position in participles:
                tokens[position].tag = "VBN"
            token.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
    _words_of_noun_phrases(tokens)


def _words_of_noun_phrases(tokens: list[Token]) -> None:
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
            if verb.tag in FINITE and not verb.quoted and (verb.lower in AUXILIARIES or verb.tag == "MD") \
                    and can_be_noun(token.lower):
                token.tag = "NN"


def _correct_participles(tokens: list[Token]) -> None:
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
        if tokens[_previous_word(tokens, index)].lower in ("which", "who", "whom") and token.tag in ("NN", "VBN", "JJ") \
                and verb_lemma(token.lower) and inflect(verb_lemma(token.lower), "VBD") == token.lower \
                and _previous_word(tokens, index) >= 0:
            token.tag = "VBD"  # "nine of which operated across borders", "which effectively prevented"
            continue
        if token.tag not in ("VBD", "VBN", "VBP", "VB"):
            continue
        back = index - 1
        while back >= 0 and (tokens[back].tag.startswith("RB") or tokens[back].lower in ADVERBS_BETWEEN
                             or tokens[back].lower in ("most", "more", "less", "least")):
            back -= 1
        before = tokens[back] if back >= 0 else None
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        participle = inflect(verb_lemma(token.lower) or token.lower, "VBN") == token.lower  # "fell" never is
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
        elif (before.tag == "CD" or before.tag == "IN" and before.lower not in (
                "that", "because", "since", "as", "if", "while", "although")) \
                and token.tag == "VBD" and after is not None and after.tag in ("NN", "NNS", "JJ"):
            token.tag = "VBN"  # "tried in closed hearings"
        elif before.tag in ("DT", "PDT") and before.lower in ("all", "both", "each", "every", "no") and token.tag == "VBD" \
                and after is not None and after.tag in ("NN", "NNS") and back == index - 1:
            token.tag = "VBN"  # "All surrendered weapons were destroyed"
        elif before.tag in ("DT", "PRP$") and before.lower not in ("that", "which", "all", "both", "each") \
                and token.tag in ("VBD", "VBN") and back < index - 1:
            token.tag = "VBN"  # "the most frequently reported crime"
        elif token.tag == "VBD" and before.tag in ("NN", "NNS") and after is not None and _object_of_preposition(tokens, back) \
                and (after.tag in ("RB", "IN", "TO") or after.text in ",.;:)" or after.lower in ("less", "more")) \
                and not _object_follows(tokens, index + 1):
            token.tag = "VBN"  # "based on a diagnosis realized together with the communities": no subject, a participle
        elif before.tag in ("NN", "NNS", "NNP", "NNPS") and token.tag == "VBD" and after is not None \
                and after.lower in ("every", "each") and index + 3 < len(tokens) and tokens[index + 2].lower in TIME_NOUNS \
                and tokens[index + 3].tag in ("IN", "TO") and _reduced_relative(tokens, index):
            token.tag = "VBN"  # "free legal clinic held every month at the Court": when, then where, no object
        elif _ends_a_title(tokens, back) and token.tag == "VBD" and after is not None and after.lower in ("to", "by", "on", "in") \
                and not _object_follows(tokens, index + 1) and _reduced_relative(tokens, index):
            token.tag = "VBN"  # "Combatting of Trafficking in Persons Act 2023 assented to on 2 May 2023"
        elif before.tag in ("NN", "NNS", "NNP", "NNPS") and token.tag in ("VBD", "VBP", "VB") and (after is None or (
                after.lower in ("by", "at", "in", "on", "to", "for", "online", "abroad", "under", "during", "from")
                or after.text in ",.;:)" or after.lower in PARTICLES and index + 2 < len(tokens)
                and tokens[index + 2].lower in ("by", "in", "on", "at", "to", "for", "during", "from", "under"))) \
                and token.lower != "had" and (
                    _reduced_relative(tokens, index)
                    or after is not None and after.lower == "by" and _has_finite_after(tokens, index)):
            # "offences committed online", "centres run by the Ministry", an entry ending "the data requested",
            # "the three shelters run by NGOs accommodate ..." (the clause's verb comes after the agent)
            token.tag = "VBN"
        elif token.tag == "VBD" and before.lower in ("them", "whom") and back >= 3 and tokens[back - 1].lower == "of" \
                and tokens[back - 2].lower in QUANTITY_PRONOUNS and tokens[back - 3].text == "," and before.lower == "them" \
                and _participle_form(token.lower) and not _object_follows(tokens, index + 1):
            token.tag = "VBN"  # "1,950 persons, most of them linked to criminal organizations": no verb, a participle
        elif token.tag in ("VBN", "VBD") and (before.tag == "CD" or before.lower in ("most", "many", "some", "half", "all")) \
                and back >= 1 and tokens[back - 1].lower in ("which", "whom") and after is not None and after.is_word \
                and after.tag not in ("IN", "TO") and _past_form(token.lower):
            token.tag = "VBD"  # "46 cases, of which 29 concerned sexual exploitation": the relative clause's verb
        elif token.tag == "VBN" and (before.tag.startswith("NN") or before.text == ")" or (
                before.text == "," and any(t.lower in ("which", "who") for t in tokens[:back])) or _ends_a_title(tokens, back)) \
                and after is not None and (_object_follows(tokens, index + 1) or after.lower == "in" and index + 3 < len(tokens)
                                           and _year(tokens[index + 2]) and _object_follows(tokens, index + 3)) \
                and not _finite_in_clause(tokens, index):  # (also "(SENAD) destroyed in 2023 more than 2,600 hectares")
            # "the Prosecution (...) referred 14 cases", "the police rescued more than a thousand victims",
            # "our country set up a unit"
            token.tag = "VBD"
        elif token.tag == "VBN" and before.lower not in BE_HAVE and after is not None \
                and (after.tag in ("DT", "PRP$") or (after.tag in ("NN", "NNS") and after.lower not in ("by",))) \
                and token.lower not in ("called", "named", "entitled", "known", "titled", "dubbed", "given", "based") \
                and before.tag in ("NN", "NNS", "NNP", "NNPS", "CD", "PRP") and not _finite_in_clause(tokens, index) \
                and not (before.tag == "CD" and (back == 0 or not _year(before) or tokens[back - 1].lower != "of"
                                                 and not _ends_a_relative_clause(tokens, back - 1))):
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
    _participles_before_the_verb(tokens)
    _participles_in_apposition(tokens)


# Words that open a clause of their own inside a sentence: a past form after them may be that clause's verb.
CLAUSE_BOUNDARIES = frozenset("""which who whom whose that where when while whereas whereby because although though if
unless since until once before after so but""".split())
# Verbs of change that take no object: "the number of thefts decreased in 2023" is a clause, not a participle.
CHANGE_VERBS = frozenset("""increase decrease decline drop double triple remain stabilize stabilise stagnate diminish grow
fall rise""".split())


def _participle_form(word: str) -> bool:
    """Tell whether ``word`` is the past participle of a verb ("posted", "made"), whatever else it may be."""
    lemma = verb_lemma(word)
    return bool(lemma) and inflect(lemma, "VBN") == word


def _participles_before_the_verb(tokens: list[Token]) -> None:
    """A past form right after the noun that opens a clause, before a preposition or a particle, is a participle
    when the clause's own verb comes after its phrase and agrees with that noun: "Officers posted to the outer
    islands receive ...", "Parcels declared as gifts and sent from abroad are ...", "the number of parcels
    intercepted at the mail centre rose ...". A phrase in which a noun phrase opens after a noun or a number ("The
    review found in 2022 the unit needs ...") may hold a clause without "that", and is left alone."""
    for index in range(1, len(tokens) - 1):
        token, before, after = tokens[index], tokens[index - 1], tokens[index + 1]
        if token.tag != "VBD" or token.quoted or not before.tag.startswith("NN") \
                or before.text.endswith(("'s", "\u2019s")) or not _participle_form(token.lower):
            continue
        if not (after.tag in ("IN", "TO", "VBG") or after.lower.endswith("ing") and after.text.islower()
                or after.lower in PREPOSITIONS or after.lower in PARTICLES
                or after.lower in ("as", "to", "abroad", "online") or after.tag in FINITE and after.lower in AUXILIARIES) \
                or after.lower in CLAUSE_BOUNDARIES:  # (also "vessels found fishing illegally ... could be fined")
            continue
        if not _opens_clause(tokens, index - 1):
            continue
        coordinated: list[int] = []
        verb = None
        for position in range(index + 1, len(tokens)):
            word = tokens[position]
            if word.text in ",;:()" or word.lower in CLAUSE_BOUNDARIES:
                break
            if word.lower in ("and", "or"):
                following = tokens[position + 1] if position + 1 < len(tokens) else None
                if following is not None and following.tag in ("VBD", "VBN") and _participle_form(following.lower):
                    coordinated.append(position + 1)  # "declared as gifts and sent from abroad"
                    continue
                break
            if word.tag in FINITE and not word.quoted and position not in coordinated:
                verb = position
                break
            if word.tag == "VBN" and _past_form(word.lower) and position + 1 < len(tokens) \
                    and tokens[position - 1].tag in ("CD", "NN", "NNS", "NNP", "NNPS") \
                    and _object_starts(tokens[position + 1]) and tokens[position + 1].tag.startswith("NN"):
                # "the criminal groups declared as terrorist organizations by Executive Decree No. 111 exercised
                # control": after the phrase, a past form with its object is the clause's verb
                word.tag = "VBD"
                verb = position
                break
        if verb is None or not single_phrase(tokens[index + 1:verb]):
            continue
        finite = tokens[verb]
        plural = _subject_is_plural(tokens, index - 1)
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
            if token.tag in ("VBD", "VBN") and not token.quoted and _participle_form(token.lower) \
                    and (before.tag.startswith("NN") or before.tag == "PRP" or before.lower == "ever" or before.text == "%"):
                after = tokens[index + 1]
                then = tokens[index + 2] if index + 2 < len(tokens) else None
                amount = after.lower in ("by", "from", "to") and then is not None and then.tag == "CD"
                if (after.lower == "by" or after.tag in ("IN", "TO") or after.text in ".,;") and not amount \
                        and verb_lemma(token.lower) not in CHANGE_VERBS:
                    token.tag = "VBN"
                break
            if not (token.tag in ("DT", "PRP$", "CD", "JJ", "JJS", "JJR", "NN", "NNS", "NNP", "NNPS", "PRP")
                    or token.lower in ("of", "ever") or token.text == "%"):
                break


PARTICLES = frozenset("up out down off back".split())
# Words that open a quantity: "more than 500", "about 300", "nearly half", "at least 20".
QUANTIFIERS = frozenset("over about nearly almost approximately around some roughly".split())


# Determiners of a plural noun phrase: no verb in the third person singular has such a subject.
PLURAL_DETERMINERS = frozenset("""two three four five six seven eight nine ten twelve twenty fifty hundreds thousands
dozens several many these those both various numerous few fewer""".split())


def _after_plural_quantity(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the word at ``index`` ends a noun phrase opened by a plural determiner or a number of things
    ("two new community policing centres", "several youth centres"): after its modifiers (adjectives, nouns, -ing
    forms), the "-s" word agrees with the number and is the phrase's plural noun, not a verb."""
    back = index - 1
    while back >= 0 and (tokens[back].tag in ("JJ", "NN", "NNP", "VBG") or tokens[back].lower in ("new", "more")):
        back -= 1
    if back < 0 or back == index - 1:
        return False
    opener = tokens[back]
    if opener.lower in PLURAL_DETERMINERS:
        return True
    digits = opener.text.replace(",", "")
    return opener.tag == "CD" and digits.isdigit() and int(digits) > 1 and not (len(digits) == 4 and digits[:2] in ("19", "20"))


def _year(token: Token) -> bool:
    """Tell whether a number is a year of the last two centuries ("2009"), which may end a subject ("Law No. 94 of 2009")."""
    return len(token.text) == 4 and token.text[:2] in ("19", "20") and token.text.isdigit()


# The words that a year or a number follows at the end of the name of a text: "the ... (Amendment) Act 2021".
TITLE_NOUNS = frozenset("act law code decree ordinance regulation regulations order directive strategy plan no. no".split())


def _ends_a_relative_clause(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the preposition at ``index`` ("in 2011") ends a relative clause of its clause ("the requests that we
    received in 2011 concerned ..."): the verb after it is then the clause's own, not an adjective ("..., sold in 2023
    seized assets")."""
    for position in range(index - 1, -1, -1):
        if tokens[position].text in ",;:":
            return False
        if tokens[position].lower in ("that", "which", "who", "whom") and position and tokens[position - 1].tag.startswith("NN"):
            return True
    return False


def _ends_a_title(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the number at ``index`` ends the name of a text ("Act 2021", "Decree No. 45"), which may be a subject."""
    if 1 < index and tokens[index - 1].text == "," and _year(tokens[index]):
        index -= 1  # "the Anti-Gang Act, 2021", as the Commonwealth writes its titles
    return 0 < index and tokens[index].tag in ("CD", ",") and tokens[index - 1].lower in TITLE_NOUNS \
        and tokens[index - 1].text[:1].isupper()


def _past_form(word: str) -> bool:
    """Tell whether ``word`` is the simple past of a verb ("seized", "set"), whatever else it may be."""
    lemma = verb_lemma(word)
    return bool(lemma) and inflect(lemma, "VBD") == word


def single_phrase(tokens: Sequence[Token]) -> bool:
    """Tell whether the words of an opening are one phrase ("Given the small number of detainees", "With the
    amendments to the Code adopted in 2009"), not a phrase and the subject after it ("In 2010 the Working Group",
    "In 2022 the Ministry launched"): no noun phrase opens right after a number or a noun."""
    for index in range(1, len(tokens)):
        token, before = tokens[index], tokens[index - 1]
        if (token.lower in ("the", "a", "an") or token.tag == "PRP$") and before.tag in ("CD", "NN", "NNS", "NNP", "NNPS"):
            return False
    return True


def _object_follows(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the words from ``index`` open a verb's object: a determiner, a number, a quantity ("more than a
    thousand", "about 300"), after a particle if any ("set up a unit")."""
    if index >= len(tokens):
        return False
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if token.lower in PARTICLES and following is not None and following.lower not in PARTICLES:
        return _object_follows(tokens, index + 1)
    if token.lower in ("every", "each") and following is not None and following.lower in TIME_NOUNS:
        return False  # "held every month": when, not what
    span = index + 2 if (token.lower in ("more", "less", "fewer") and following is not None and following.lower == "than"
                         or token.lower == "at" and following is not None and following.lower == "least") else index
    if span + 1 < len(tokens) and tokens[span].tag == "CD" and tokens[span + 1].lower in TIME_NOUNS:
        return False  # "opened less than 20 days earlier", "convicted two years ago": how long, not what
    if token.tag in ("DT", "PRP$", "CD") or token.lower in ("a", "an", "the"):
        return True
    if following is None:
        return False
    if token.lower in ("more", "fewer", "less") and following.lower == "than":
        return True
    return token.lower in QUANTIFIERS and following.tag == "CD" or (token.lower == "at" and following.lower == "least")


BE_HAVE = frozenset("be been being is are was were am has have had having get got gets".split())


def _reduced_relative(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether a past form after a noun is a participle qualifying it rather than the clause's verb.

    It is when its clause has a verb already ("it covered offences committed online"), or when its
    sentence has no verb at all and no relative pronoun asks for one (a list item: "2,145 children
    intercepted at the borders"); not in "thanks to which the prison population passed from ...".
    """
    if _finite_position_in_clause(tokens, index, through_lists=True) is not None:
        return True  # (also past a list of nouns: "examined firearms, ballistic material and cartridge cases recovered at")
    if (tokens[0].tag == "IN" or tokens[0].lower in ("according", "pursuant", "following", "regarding", "concerning")) \
            and tokens[0].lower not in ("that", "if", "because", "while", "whereas", "although", "though",
                                                          "when", "once", "unless", "as", "since", "until", "before", "after") \
            and any(t.text == "," for t in tokens[index:]) and not any(t.text == "," for t in tokens[:index]) \
            and single_phrase(tokens[:index]):
        return True  # inside an opening phrase: "With the amendments to the Criminal Code adopted in 2009, ..."
    opener = next((t for t in reversed(tokens[:index]) if t.text in ",;:" or t.lower in ("which", "who", "that", "where")), None)
    if opener is not None and opener.lower in ("which", "who", "that", "where"):
        return False
    if _object_of_preposition(tokens, index - 1):
        return True  # "under a framework agreement signed in 2022": a noun after a preposition is no subject
    if _agent_to_end(tokens, index + 1) and not any(t.tag in FINITE and not t.quoted for t in tokens):
        return True  # "A database of good practices collected by UNODC": a noun phrase, its participle and its agent
    # A subject opened by a determiner makes a sentence ("The homicide rate decreased from ..."); a list item
    # is a bare noun phrase ("2,145 children intercepted at the borders").
    start = next((i + 1 for i in range(index - 1, -1, -1) if tokens[i].text in ",;:"), 0)
    if start < index and (tokens[start].lower in ("the", "a", "an", "our", "its", "their", "this", "these", "that")
                          or (start == index - 1 and tokens[start].tag == "NNS" and not tokens[start].text[:1].isdigit())):
        return False  # "homicides decreased from ...": a bare plural subject and its verb
    if not single_phrase(tokens[start:index]):
        return False  # "In 2022 the Ministry launched, with ...": an opening phrase, then the subject and its verb
    if verb_lemma(tokens[index].lower) in INTRANSITIVE:
        return False  # "412 adolescents complied with ...": a verb that takes no object has no passive participle
    return not any(t.tag in ("VBZ", "VBP", "VBD", "MD") and not t.quoted for i, t in enumerate(tokens) if i != index)


# Verbs without an object, whose past form after a noun cannot be a passive participle qualifying it.
INTRANSITIVE = frozenset("""comply participate benefit escape arrive die graduate occur happen remain rise fall decline
decrease increase grow drop return abscond reoffend relapse succeed""".split())


# Words tagged as prepositions that may also open a clause: a noun after them may be its subject.
SUBORDINATORS = frozenset("""that because if while whereas as since although though so when where unless until whether
once than after before""".split())


def _object_of_preposition(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the noun at ``index`` ends one noun phrase opened by a preposition ("under a framework agreement",
    "of its National Strategy on Immigration and Asylum"), which cannot be the subject of a verb after it. A year
    ends an opening phrase ("In 2019 police adopted"), and a second determiner opens a subject ("In the first year
    the courts ...")."""
    start = index
    while start >= 0 and (tokens[start].tag in ("DT", "JJ", "JJS", "JJR", "NN", "NNS", "NNP", "NNPS", "PRP$", "CD", "POS")
                          or _inside_name(tokens, start)) and not _year(tokens[start]):
        start -= 1
    if start < 0 or start == index or tokens[start].tag not in ("IN", "TO") or tokens[start].lower in SUBORDINATORS:
        return False
    return single_phrase(tokens[start + 1:index + 1]) and not tokens[index].text.endswith(("'s", "\u2019s"))


def _agent_to_end(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether "by" at ``index`` opens an agent that ends the sentence ("collected by UNODC", "run by the
    Ministry of Justice"), with no object after it ("adopted by consensus the law": a verb and its manner)."""
    if index >= len(tokens) - 1 or tokens[index].lower != "by" or tokens[index + 1].tag in ("CD", "VBG"):
        return False
    for position in range(index + 2, len(tokens)):
        token = tokens[position]
        if token.text in ".;)":
            return True
        if token.text == "," or token.tag in FINITE or token.tag.startswith("VB"):
            return False
        if (token.lower in ("the", "a", "an") or token.tag in ("DT", "PRP$")) and tokens[position - 1].tag not in ("IN", "CC"):
            return False
    return True


def _verb_after_agent(tokens: Sequence[Token], index: int, head: Token) -> int | None:
    """Return where the verb comes after the agent that "by" at ``index`` opens, if a word there agrees with the
    subject's ``head`` and takes an object: "The data collected by the National Statistical Office cover all regions"."""
    if index >= len(tokens) or tokens[index].lower != "by":
        return None
    position = index + 1
    while position < len(tokens) and (tokens[position].tag.startswith(("DT", "JJ", "NN", "PRP$", "CD"))
                                      or tokens[position].lower in ("of", "and", "the", "for", "on")):
        if position > index + 1 and tokens[position].tag.startswith("NN") and not tokens[position].text[:1].isupper() \
                and tokens[position - 1].tag.startswith("NN"):
            break  # a lower-case word after a noun of the agent may be the verb: "... Office cover"
        position += 1
    if position >= len(tokens) - 1 or position == index + 1:
        return None
    word, following = tokens[position], tokens[position + 1]
    if word.text[:1].isupper() or not word.is_word or not _agrees(word.lower, head):
        return None
    return position if _object_starts(following) or following.tag == "CD" else None


def _finite_in_clause(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether a finite verb comes before ``index`` in its clause (see :func:`_finite_position_in_clause`)."""
    return _finite_position_in_clause(tokens, index) is not None


def _finite_position_in_clause(tokens: Sequence[Token], index: int, through_lists: bool = False) -> int | None:
    """Return where a finite verb comes before ``index`` in its clause (since the last comma or conjunction), or None.

    The verb of a relative clause before it does not count: in "the requests that we received in 2011
    concerned cybercrime", "received" is the relative clause's, and "concerned" the sentence's.
    """
    depth = 0
    position = index - 1
    while position >= 0:
        token = tokens[position]
        if token.text == ")":
            depth += 1
        elif token.text == "(":
            depth -= 1
        elif through_lists and depth == 0 and _joins_nouns(tokens, position):
            pass  # "firearms, ballistic material and cartridge cases": one object, not two clauses
        elif depth == 0 and (token.text in ",;:" or token.lower in (
                "and", "but", "or", "which", "who", "that", "before", "after", "until", "when", "while", "because",
                "if", "unless", "once", "whereas", "although")):
            return None
        elif depth == 0 and token.tag in ("VBZ", "VBP", "VBD", "MD") and not token.quoted:
            subject = position - 1
            while subject >= 0 and tokens[subject].tag in ("PRP", "NN", "NNS", "NNP", "DT", "JJ") and position - subject <= 3:
                subject -= 1
            if subject >= 1 and subject < position - 1 and tokens[subject].lower in ("that", "which", "who", "whom") \
                    and tokens[subject - 1].tag.startswith("NN"):
                position = subject - 1  # a relative clause: look before it
                continue
            return position
        position -= 1
    return None


def _joins_nouns(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the comma, "and" or "or" at ``index`` joins two nouns of one list, with no verb after the second."""
    if index == 0 or index + 1 >= len(tokens) or not (tokens[index].text == "," or tokens[index].lower in ("and", "or")):
        return False
    before, after = tokens[index - 1], tokens[index + 1]
    return before.tag in ("NN", "NNS") and after.tag in ("NN", "NNS", "JJ") and after.lower not in ("which", "who")


def _correct_clauses(tokens: list[Token]) -> None:
    """Find the finite verb of a sentence that has none, and verbs coordinated with a finite one."""
    if len(tokens) > 4 and tokens[0].lower in ("those", "anyone", "everyone", "persons", "people") \
            and tokens[1].lower in ("who", "that"):
        for token in tokens[3:]:  # "Those who surrendered a weapon receive a cash incentive"
            if token.tag in ("NN", "VB") and base_form(token.lower) and not can_be_noun(token.lower):
                token.tag = "VBZ" if tokens[0].lower in ("anyone", "everyone") else "VBP"
                break
            if token.tag in ("VBZ", "VBP", "MD") or token.text in ",;":
                break
    _correct_participles(tokens)
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
                    and (_object_follows(tokens, index + 1) or verb_lemma(token.lower) in INTRANSITIVE):
                token.tag = "VBD"  # ("412 adolescents complied with ...": a verb without object has no participle)
                break
    for index, token in enumerate(tokens[2:], start=2):
        # "Victims receive temporary residence permits": a clause that has its verb takes no second one without a
        # conjunction, a relative pronoun or a comma; an -s word after a noun is then the noun's plural. A verb of
        # thinking may take a clause without "that" ("We believe the Ministry needs ..."), and is left alone.
        if token.tag == "VBZ" and not token.quoted and tokens[index - 1].tag == "NN" and can_be_noun(token.lower) \
                and not tokens[index - 1].text[:1].isupper():
            verb = _finite_position_in_clause(tokens, index)
            if verb is not None and verb_lemma(tokens[verb].lower) not in THINKING and tokens[verb].lower not in BE_HAVE:
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
    _participle_after_a_comma(tokens)
    _verb_after_a_share(tokens)
    for index, token in enumerate(tokens):
        if token.tag not in ("VB", "NN") or index < 2 or not base_form(token.lower):
            continue
        before = _previous_word(tokens, index, ADVERBS_BETWEEN | {"then"})  # "and then abandon them"
        if before < 0 or tokens[before].lower not in ("and", "or"):
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        adjective_object = following is not None and following.tag == "JJ" and index + 2 < len(tokens) \
            and tokens[index + 2].tag in ("NN", "NNS")  # "and offer legal counselling": no noun has an adjective after it
        earlier = [t for t in tokens[:before] if t.tag in ("VBZ", "VBP", "VBD", "MD", "VB")]
        if token.tag == "NN" and earlier and earlier[-1].tag == "VB" and following is not None \
                and following.tag == "VBZ" and can_be_noun(following.lower) and not following.text[:1].isupper():
            # "can record offences and hand suspects over": a bare infinitive coordinated with one, and its object
            token.tag = "VB"
            following.tag = "NNS"
            continue
        if token.tag == "NN" and earlier and before >= 1 and tokens[before - 1] is earlier[-1] and earlier[-1].tag == "VBP" \
                and following is not None and following.tag in ("IN", "RB"):
            token.tag = "VBP"  # "where they work or study outside the prison": two verbs side by side
            continue
        if token.tag == "NN" and not (following is not None and (following.lower in ("that", "to")
                                                                 or following.tag in ("DT", "PRP$")) or adjective_object):
            continue  # "and hope that" is a verb; "and support for victims" a noun
        if earlier and earlier[-1].tag == "VBP":
            token.tag = "VBP"  # "we implement the conventions and promote cooperation"
        elif earlier and earlier[-1].lower == "were" and following is not None and following.tag in ("DT", "PRP$") \
                and not _participle_form(token.lower):
            token.tag = "VBP"  # "which were introduced in 2015 ... and oblige the judge": no participle shares "were"

        elif earlier and earlier[-1].tag == "VBZ" and following is not None and (
                following.tag in ("DT", "PRP$") or following.lower in ("a", "an", "the")):
            # "a Committee is in place and coordinate the actions": the writer's present, coordinated with "is"
            token.tag = "VBP"
    for index, token in enumerate(tokens[2:-1], start=2):
        # "as to which States need technical assistance": the verb of an indirect question.
        if tokens[index - 2].lower in ("which", "what", "whose", "how", "many") and tokens[index - 1].tag in ("NNS", "NNPS", "NNP", "NN") \
                and token.tag in ("NN", "VB") and base_form(token.lower) and _object_starts(tokens[index + 1]):
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
                        and _object_follows(tokens, index + 1) | (after.tag not in ("DT",)) \
                        and inflect(verb_lemma(token.lower) or token.lower, "VBD") == token.lower \
                        and not _agent_to_end(tokens, index + 1):
                    verb = _verb_after_agent(tokens, index + 1, tokens[index - 1])
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
            if _plural(head):
                token.tag = "VBP"
                if can_be_noun(token.lower):
                    token.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
                break


FINITE = ("VBZ", "VBP", "VBD", "MD")


# Nouns of time that open a sentence before its subject ("Last year we ...", "Each month the police ...").
TIME_NOUNS = frozenset("year years month months week weeks day days time period quarter semester".split())


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
                or head.lower in TIME_NOUNS or not _opens_clause(tokens, index):  # "Last year we prosecuted 40 cases"
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
                    and not word.text[:1].isupper() and _agrees(word.lower, head) \
                    and (_object_starts(following) or following.tag in ("RB", "RP", "IN", "TO")):
                word.tag = "VBZ" if third_person_form(word.lower) and not _plural(head) else "VBP"
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
                    and position + 1 < len(tokens) and _object_starts(tokens[position + 1]):
                break  # "and a lawyer receive each victim": the verb, tagged as a noun
            position += 1
        while position < len(tokens) and (tokens[position].tag == "RB" and tokens[position].lower.endswith("ly")):
            position += 1
        if not joined or position >= len(tokens) - 1:
            continue
        word = tokens[position]
        if word.tag in ("VB", "NN", "VBP") and base_form(word.lower) and not word.text[:1].isupper() and not word.quoted \
                and tokens[position - 1].tag.startswith(("NN", "RB")) and (_object_starts(tokens[position + 1]) or (
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
        elif index + 1 < len(tokens) and tokens[index + 1].tag == "CD":
            position = index + 2
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
        if word.tag == "VBN" and not word.quoted and _past_form(word.lower) and following.lower != "by":
            word.tag = "VBD"  # "of whom 71 per cent benefited of alternative measures"
            continue
        if word.tag in ("NN", "NNS", "VB") and not word.quoted and not word.text[:1].isupper() \
                and (base_form(word.lower) or third_person_form(word.lower)) and (_object_starts(following) or (
                    word.tag != "NNS" and base_form(word.lower) and following.tag in ("IN", "TO", "RB")
                    and following.lower != "of")):  # "of which 245 function inside police stations"
            word.tag = "VBZ" if third_person_form(word.lower) else "VBP"
            if can_be_noun(word.lower):
                word.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": word.text}


# Verbs whose object may be a clause with "that": "the Code adopted in 2016 provides that ...".
VERBS_OF_CONTENT = frozenset("provide require state stipulate establish specify prescribe ensure say".split())


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
    if token.tag not in ("VBD", "VBN") or index == 0 or start + 1 >= len(tokens) or not _participle_form(token.lower) \
            or not tokens[index - 1].tag.startswith("NN") or not (tokens[start].lower in PREPOSITIONS
                                                                  or tokens[start].lower == "to" or dated) \
            or not _opens_clause(tokens, index - 1):
        return
    verbless = token.tag == "VBN"  # the sentence has no verb but this participle: one is needed after it
    head = tokens[index - 1]
    relative = _relative_before(tokens, index - 1)
    if relative is not None:  # "The unit that the Ministry created in 2019 trains ...": the verb agrees with "unit"
        head = tokens[relative - 1]
        if not _opens_clause(tokens, relative - 1):
            return
    position = start + 2 if dated else start + 1
    while position < len(tokens) - 1:
        word, following = tokens[position], tokens[position + 1]
        if word.text in ",;:()" or word.lower in CLAUSE_BOUNDARIES or word.lower in ("and", "or"):
            return
        if tokens[position - 1].tag in ("NN", "NNS", "NNP", "NNPS", "CD") and word.is_word and word.text.islower() \
                and word.tag in ("NN", "NNS", "VB", "VBP", "VBZ") and _agrees(word.lower, head) \
                and (_object_starts(following) and following.lower not in ("that",) and following.tag != "VBG"
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
        clause = max([0] + [i + 1 for i in range(first) if tokens[i].text == ";"]
                     + [i + 2 for i in range(first - 1) if tokens[i].text == "," and tokens[i + 1].lower in CLAUSE_JOINERS])
        if any(t.tag in FINITE and not t.quoted for t in tokens[clause:first]):
            continue  # (the clause is the one after "; " or ", and": "..., and the Unit, which was ..., obtained")
        opener = tokens[first + 1]
        relative = opener.lower in ("which", "who", "whose", "where") or (
            first + 3 < len(tokens) and tokens[first + 2].lower == "of" and tokens[first + 3].lower in ("which", "whom"))
        participle = opener.tag in ("VBN", "VBD") and _participle_form(opener.lower) and not _object_follows(tokens, first + 2)
        apposed = _participle_of_an_apposition(tokens, first + 1)  # "the Court, a pilot project started in 2022, offers"
        if not (relative or participle or apposed is not None or opener.tag == "VBG" and opener.lower.endswith("ing")):
            continue  # ("the Department, acting as ..., processed"; "the new Law, approved in 2024, foresees")
        head_at = _before_parenthesis(tokens, first - 1) if tokens[first - 1].text == ")" else first - 1
        counted = tokens[0].lower in QUANTIFIERS and all(
            t.tag in ("CD", "NN", "NNS", "JJ", "NNP", "NNPS") for t in tokens[1:head_at + 1])  # "About 46,000 officers, who"
        if head_at < 0 or not tokens[head_at].tag.startswith("NN") \
                or not (_opens_clause(tokens, head_at) or _after_a_date(tokens, head_at) or counted):
            continue
        second = _end_of_insert(tokens, first + 2)
        if second is None:
            return
        word, following = tokens[second + 1], tokens[second + 2]
        after = second + 2
        if word.tag in ("VBZ", "VBP", "MD") and not word.quoted:
            if participle:
                opener.tag = "VBN"
            if apposed is not None:
                tokens[apposed].tag = "VBN"
            return
        if following.lower == "in" and after + 1 < len(tokens) and _year(tokens[after + 1]):
            after += 2  # "..., sold in 2023 seized assets worth RON 48 million"
        if word.quoted or not word.text.islower() or word.tag not in ("VB", "VBN", "VBD", "NN", "NNS", "VBP", "VBZ") \
                or not (_object_starts(tokens[after]) or _object_follows(tokens, after)
                        or word.tag == "VB" and following.tag == "IN" and not can_be_noun(word.lower)
                        or following.lower in PARTICLES | {"together", "forward"}
                        or tokens[after].tag in ("VBN", "VBD") and after + 1 < len(tokens)
                        and tokens[after + 1].tag.startswith("NN")):  # ("sold in 2023 seized assets")
            return
        head = tokens[head_at]
        if participle:
            opener.tag = "VBN"
        if apposed is not None:
            tokens[apposed].tag = "VBN"
        if _past_form(word.lower) and word.tag in ("VBN", "VBD"):
            word.tag = "VBD"
        elif word.tag in ("VB", "NN", "NNS", "VBP", "VBZ") and _agrees(word.lower, head):
            word.tag = "VBZ" if third_person_form(word.lower) else "VBP"
            if can_be_noun(word.lower):
                word.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": word.text}
        return


def _participle_of_an_apposition(tokens: Sequence[Token], start: int) -> int | None:
    """Return where the past form of a noun phrase in apposition is ("a pilot project started in 2022 with ...", from
    ``start`` to the next comma): right after its noun, before a preposition; None if the words there are no such
    phrase."""
    if tokens[start].lower not in ("a", "an", "the"):
        return None
    for index in range(start + 1, len(tokens) - 1):
        token = tokens[index]
        if token.tag == "VBD" and tokens[index - 1].tag.startswith("NN") and _participle_form(token.lower) \
                and tokens[index + 1].tag in ("IN", "TO") and not token.quoted:
            return index
        if not (token.tag.startswith(("NN", "JJ", "CD")) or token.lower in ("of", "for", "on", "and")):
            return None
    return None


def _end_of_insert(tokens: Sequence[Token], start: int) -> int | None:
    """Return the comma that closes an insert opened before ``start``, across the commas of a list of nouns inside it
    ("composed of police officers, social workers, youth workers and psychiatric nurses, operate"); None if a
    semicolon, a colon or the end of the sentence comes first."""
    for index in range(start, len(tokens) - 2):
        if tokens[index].text in ";:":
            return None
        if tokens[index].text != ",":
            continue
        word = tokens[index + 1]
        later = next((i for i in range(index + 1, len(tokens)) if tokens[i].text in ",;:."), len(tokens))
        listed = word.tag.startswith(("NN", "JJ")) and word.lower not in ("which", "who") and any(
            tokens[i].lower == "and" for i in range(index + 1, later)) or later < len(tokens) and tokens[later].text == "," \
            and word.tag.startswith(("NN", "JJ")) and all(t.tag.startswith(("NN", "JJ")) for t in tokens[index + 1:later])
        if not listed or can_be_verb(word.lower) and word.text.islower():  # (", trains judges": its verb, perhaps)
            return index
    return None


def _after_a_date(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the noun phrase ending at ``index`` follows an opening date without a comma ("In 2023 the Team")."""
    while index >= 0 and tokens[index].tag in ("NN", "NNS", "NNP", "NNPS", "JJ", "DT") and tokens[index].lower != "that":
        index -= 1
    return index == 1 and _year(tokens[1]) and tokens[0].tag == "IN"


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
                and before.tag in ("NN", "NNP") and _opens_clause(tokens, index - 1) \
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


def _participle_after_a_comma(tokens: list[Token]) -> None:
    """In a noun phrase without a verb (a list item), a past form after a comma, before a phrase that is no object,
    is a participle: "Persons suspected of offences, counted once per calendar year"."""
    if any(t.tag in ("VBZ", "VBP", "MD") and not t.quoted for t in tokens):
        return
    past = [i for i, t in enumerate(tokens) if t.tag == "VBD" and not t.quoted]
    if len(past) != 1:
        return
    index = past[0]
    if index < 3 or tokens[index - 1].text != "," or index + 1 >= len(tokens) or _object_follows(tokens, index + 1) \
            or not _participle_form(tokens[index].lower) or not tokens[index - 2].tag.startswith("NN") \
            or not single_phrase(tokens[:index - 1]) or tokens[0].tag not in ("NN", "NNS", "NNP", "NNPS", "JJ", "DT"):
        return
    tokens[index].tag = "VBN"


def _number_and_verbs_joined(tokens: list[Token]) -> None:
    """A number opening a clause, a past form and its object, then "and" and a finite verb: the past form is the first
    verb ("19 concerned cybercrime and were executed within 30 days"), not an adjective ("19 concerned citizens")."""
    if len(tokens) < 5 or tokens[0].tag != "CD" or tokens[1].tag != "VBN" or not _past_form(tokens[1].lower) \
            or not _object_starts(tokens[2]):
        return
    for index in range(2, len(tokens) - 1):
        token = tokens[index]
        if token.tag in FINITE and not token.quoted or token.text in ",;:":
            return
        if token.lower == "and" and tokens[index + 1].tag in FINITE and tokens[index + 1].lower in BE_HAVE:
            tokens[1].tag = "VBD"
            return


def _relative_before(tokens: Sequence[Token], index: int) -> int | None:
    """Return where "that", "which" or "whom" opens a relative clause whose subject is the noun phrase ending at
    ``index``, after the noun it qualifies ("the unit that the Ministry created"), or None."""
    while index >= 0 and tokens[index].tag.startswith(("NN", "JJ", "DT", "PRP$", "CD")) \
            and tokens[index].lower not in ("that", "which"):
        index -= 1
    if index >= 1 and tokens[index].lower in ("that", "which", "whom") and tokens[index - 1].tag.startswith("NN"):
        return index
    return None


# Conjunctions that join two clauses after a comma ("..., and offenders face fines", "..., whereas the system has").
CLAUSE_JOINERS = frozenset("and but whereas while".split())


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
        if start >= end or _main_verb_in(tokens, start, end):
            continue
        if number and tokens[start - 2].text == "," and _serial_list(tokens, starts[number - 1], start - 2):
            continue  # "shelters, hotlines, and the training programmes for police officers": a list's last item
        if start == 0 and tokens[0].tag == "IN" and tokens[0].lower not in CLAUSE_BOUNDARIES:
            start = _after_opening_phrase(tokens, end)  # "In application of the strategy, which ..., the ulema hold"
        _verb_after_unknown_noun(tokens, start, end)
        if not _main_verb_in(tokens, start, end):
            _verb_by_agreement(tokens, start, end)


def _verb_after_unknown_noun(tokens: list[Token], start: int, end: int) -> None:
    """In a clause without a verb that opens with a determiner and a lower-case noun no lexicon knows, whose number is
    unknown ("the ulema hold dialogues"), a base form after it, before an object, is its verb, flagged."""
    if end - start < 4 or tokens[start].lower not in ("the", "our", "its", "their"):
        return
    noun, word, following = tokens[start + 1], tokens[start + 2], tokens[start + 3]
    if noun.text.islower() and noun.is_word and not lemmas(noun.lower) and not lexicon_tag(noun.lower) \
            and word.tag in ("NN", "VB", "VBP") and base_form(word.lower) and word.text.islower() \
            and _object_starts(following) and following.tag != "VBG":
        word.tag = "VBP"
        word.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": word.text}


def _after_opening_phrase(tokens: Sequence[Token], end: int) -> int:
    """Return where the subject starts after an opening phrase closed by a comma, with a relative clause in it if any
    ("In application of the national strategy, which was adopted in 2012, the ulema ..."); 0 if there is none."""
    comma = next((i for i in range(end) if tokens[i].text == ","), None)
    if comma is None or not single_phrase(tokens[:comma]):
        return 0
    if comma + 1 < end and tokens[comma + 1].lower in ("which", "who"):
        comma = next((i for i in range(comma + 2, end) if tokens[i].text == ","), None)
        if comma is None:
            return 0
    return comma + 1 if comma + 1 < end and tokens[comma + 1].lower in ("the", "our", "its", "their") else 0


def _main_verb_in(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Tell whether the clause ``tokens[start:end]`` has a finite verb outside a relative clause between commas
    ("Our shelters, which are run by NGOs, receive ...": "are" is the relative clause's)."""
    relative = verb_seen = False
    for index in range(start, end):
        token = tokens[index]
        if token.text == "," and index + 1 < end and tokens[index + 1].lower in ("which", "who", "whose", "where"):
            relative, verb_seen = True, False  # (", where mercury is used illegally")
        elif token.text == "," and relative and verb_seen:
            relative = False
        elif token.tag in FINITE and not token.quoted:
            if not relative:
                return True
            verb_seen = True
    return False


def _serial_list(tokens: Sequence[Token], start: int, comma: int) -> bool:
    """Tell whether the ``comma`` before "and" closes an item of a list ("A, B, and C"): another comma comes before
    it in its clause, with no verb between the two."""
    for index in range(comma - 1, start - 1, -1):
        token = tokens[index]
        if token.tag in FINITE and not token.quoted:
            return False
        if token.text == ",":
            return True
    return False


def _plural(token: Token) -> bool:
    """Tell whether a noun is plural: its tag, a collective noun ("police"), or a name's plural ("One Stop Centres")."""
    if token.lower.endswith(("'s", "\u2019s")):
        return False  # a possessive: "UNODC's work"
    if token.tag in ("NNS", "NNPS") or token.lower in COLLECTIVE:
        return True
    lower = token.lower
    return token.tag == "NNP" and lower.endswith("s") and not lower.endswith(("ss", "us", "is")) \
        and lower not in state_words() and can_be_noun(lower) and "NOUN" in lemmas(lower)


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
        if token.quoted or token.text in ",;:":
            return past
        if nounish and head is not None and not token.text[:1].isupper() and token.tag in ("NN", "NNS", "VB", "VBP", "VBZ") \
                and _agrees(token.lower, head) and not after_phrase_only and not (unsure and inside and not participle):
            following = tokens[index + 1] if index + 1 < end else None
            if following is not None and (_object_starts(following) or following.tag in ("IN", "TO", "RB", "RP", "CD")) \
                    and not (following.tag in ("NN", "NNS", "VB", "VBP", "VBZ") and not following.text[:1].isupper()
                             and _agrees(following.lower, head)):
                token.tag = "VBZ" if third_person_form(token.lower) and not _plural(head) else "VBP"
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
            if token.tag == "VBN" and not inside and past is None and not after_phrase_only and _past_form(token.lower) \
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
        if candidate.tag in ("NN", "NNS", "VB", "VBP", "VBZ") and _agrees(candidate.lower, head) \
                and (_object_starts(following) or following.tag in ("IN", "TO", "RB", "RP", "CD")):
            candidate.tag = "VBZ" if third_person_form(candidate.lower) and not _plural(head) else "VBP"
        return


def _agrees(word: str, head: Token) -> bool:
    """Tell whether ``word`` can be a verb in the present agreeing with the subject's ``head``."""
    if _plural(head):
        return base_form(word) and word not in DETERMINERS
    return third_person_form(word)


def phrase_participles(tokens: list[Token]) -> None:
    """In a proposal's entry, which is most often a noun phrase, a past form after a noun and before a preposition is
    a participle ("A manual on financial investigations related to wildlife crime", "Sharing of information gathered
    through joint investigations", "crimes committed online"), unless the entry opens with a subject pronoun ("We")."""
    if not tokens or tokens[0].lower in SUBJECT_PRONOUNS:
        return
    for index in range(1, len(tokens) - 1):
        token, before, after = tokens[index], tokens[index - 1], tokens[index + 1]
        if token.tag == "VBD" and before.tag in ("NN", "NNS") and not token.quoted \
                and (after.tag in ("IN", "TO") or after.lower in ("online", "abroad", "offline")) \
                and inflect(verb_lemma(token.lower) or token.lower, "VBN") == token.lower \
                and not (index + 2 < len(tokens) and tokens[index + 2].tag == "CD"):
            token.tag = "VBN"


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
        if token.tag != "VBN" or not (before.tag.startswith("NN") or before.text == ")") or not _past_form(token.lower):
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
        if not previous.tag.startswith("NN") or not (_opens_clause(tokens, index - 1) or plural_subject):
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


def _inside_name(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the small word at ``index`` joins the capitalised words of a name ("Committee for Counter Trafficking")."""
    return tokens[index].lower in ("for", "on", "against", "and", "in", "of") and 0 < index < len(tokens) - 1 \
        and tokens[index - 1].text[:1].isupper() and tokens[index + 1].text[:1].isupper()


# Verbs of saying and thinking, which may take a clause without "that" ("We believe the law needs ...").
THINKING = frozenset("""believe consider think hope note know feel expect say agree recognize recognise understand
trust suggest propose recommend ensure stress emphasize emphasise find show indicate report state mean assume fear
observe estimate acknowledge confirm notice realize realise see hear learn mention explain add claim argue conclude
decide determine remember recall predict guarantee admit insist reply inform doubt wish demonstrate reveal
prove""".split())


# Pronouns that are the subject of a verb in the third person singular ("much remains to be done").
INDEFINITE_PRONOUNS = frozenset("""much little nothing something everything anything everyone everybody anyone anybody
someone somebody nobody""".split())
# Pronouns of quantity before "of them" ("most of them report", "all of us share").
QUANTITY_PRONOUNS = frozenset("most all some many several both few half none".split())
# Words after which a clause begins, with its subject.
CLAUSE_OPENERS = frozenset("""and or but that which who since as because while whereas where when if unless although
though once until before after so""".split())


# Prepositions that attach a phrase to the noun before them inside a subject ("the committee within the Commission").
NOUN_PREPOSITIONS = frozenset({"of", "within", "for", "on", "under", "against", "at"})
# Nouns that take a verb in the plural ("the police record", "staff assess").
COLLECTIVE = frozenset({"police", "people", "staff", "personnel", "authorities", "youth"})


def _subject_is_plural(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the noun phrase ending at ``index`` has a plural head: "seizures of cocaine", "the police"."""
    head = index
    while head >= 2 and tokens[head - 1].lower in ("of", "in") or (head >= 2 and tokens[head - 1].tag in ("DT", "JJ", "NN", "PRP$")
                                                                    and tokens[head - 2].lower in ("of", "in")):
        # ("seizures of cocaine", "the prisons in Lebanon")
        head = head - 2 if tokens[head - 1].lower in ("of", "in") else head - 1
        while head >= 1 and tokens[head].tag.startswith(("JJ", "DT")):
            head -= 1
    word = tokens[head]
    return word.tag in ("NNS", "NNPS") or word.lower in COLLECTIVE


def _opens_clause(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the noun at ``index`` ends a noun phrase that opens a clause, and so may be a subject.

    Its phrase (nouns, adjectives, determiners) must start the sentence or follow a comma, a
    conjunction or a relative pronoun, not a verb or a preposition ("arrest suspects", "of victims").
    """
    while index >= 0 and (tokens[index].tag.startswith(("NN", "JJ", "DT", "PRP$", "CD", "POS", "PDT"))
                          or tokens[index].lower in NOUN_PREPOSITIONS or tokens[index].lower in ("most", "more", "many")
                          or _place_after_noun(tokens, index)
                          or _inside_name(tokens, index)):
        if tokens[index].lower in NOUN_PREPOSITIONS | {"in"} and not (index > 0 and (tokens[index - 1].tag.startswith("NN") or (
                tokens[index].lower == "of" and tokens[index - 1].tag == "CD" and index > 1
                and tokens[index - 2].tag.startswith("NN")))):
            # "of victims" after a verb; "a committee within the Commission" after a noun is fine, and so is
            # "Ordinance No. 2.318 of 3 August 2009" after a name's number
            return False
        index -= 1
    return index < 0 or tokens[index].text in (",", ";", ":", "(") or tokens[index].lower in (
        "and", "or", "but", "that", "which", "while", "whereas", "where", "when", "since", "as", "because", "before",
        "after", "until", "once", "if", "unless", "although", "though")


def _place_after_noun(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the "in" at ``index`` attaches a place to the noun before it: "the prisons in Lebanon"."""
    return tokens[index].lower == "in" and 0 < index < len(tokens) - 1 and tokens[index - 1].tag.startswith("NN") \
        and (tokens[index + 1].tag == "NNP" or tokens[index + 1].lower == "the")


def _object_starts(token: Token) -> bool:
    """Tell whether ``token`` may open the object of a verb: a noun, an adjective, a number, a determiner."""
    return token.is_word and (token.tag.startswith(("NN", "JJ", "DT", "PDT", "PRP", "CD", "VBG")) or token.lower in DETERMINERS
                              or token.lower == "place") \
        and token.lower not in ("and", "or", "but", "of", "in", "on", "for", "as", "to", "with", "by", "at", "from")


def _subordinate_without_verb(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether ``index`` ends a clause opened by a subordinator ("before", "when", "until") that has no verb yet."""
    for token in reversed(tokens[:index]):
        if token.tag in ("VBZ", "VBP", "VBD", "MD") and not token.quoted:
            return False
        if token.lower in ("before", "after", "until", "when", "once", "unless", "whenever"):
            return True
        if token.text in ",;:":
            return False
    return False


def _clause_after_that(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether ``index`` ends the short subject of a clause opened by "that" that has no verb yet.

    "proposed that one agenda item deals with ...": the verb follows a subject of a few words. A long
    phrase after "that" ("that the procedure for the ratification of the instruments against ...") is
    more likely a subject whose verb comes later.
    """
    for back, token in enumerate(reversed(tokens[:index]), start=1):
        if token.tag in ("VBZ", "VBP", "VBD", "MD") and not token.quoted:
            return False
        if token.lower == "that":
            return back <= 5
        if token.text in ",;:":
            return False
    return False


def _has_finite_after(tokens: Sequence[Token], index: int, ignored: Sequence[int] = ()) -> bool:
    """Tell whether a finite verb follows ``index`` before the end of its clause (a comma, a semicolon, "and"),
    other than those at the positions ``ignored``."""
    for position in range(index + 1, len(tokens)):
        token = tokens[position]
        if token.text in (",", ";", ":") or token.lower in ("and", "or", "which", "that", "who", "while", "whereas"):
            return False
        if token.tag in ("VBZ", "VBP", "VBD", "MD") and position not in ignored:
            return True
    return False


def _participles_after(tokens: Sequence[Token], index: int) -> list[int]:
    """Return the positions of the past forms in the clause after ``index`` that follow a noun and come before a
    preposition, and so may be participles ("complaints received from the public")."""
    found = []
    for position in range(index + 1, len(tokens) - 1):
        token = tokens[position]
        if token.text in (",", ";", ":") or token.lower in ("and", "or", "which", "that", "who", "while", "whereas"):
            break
        if token.tag in ("VBZ", "VBP", "MD"):
            break
        if token.tag == "VBD":
            lemma = verb_lemma(token.lower)
            if not (tokens[position - 1].tag in ("NN", "NNS") and lemma and inflect(lemma, "VBN") == token.lower
                    and tokens[position + 1].lower in ("by", "from", "in", "at", "to", "under", "during", "for", "on",
                                                       "with", "against", "through", "since")):
                break
            found.append(position)
    return found


def _gapped(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the clause of ``index``, joined by a conjunction after a comma, repeats the shape of the clause
    before it, whose verb takes a number ("opened 300 investigations, and the prosecution services 150 cases"): the
    second clause leaves its verb out."""
    joiner = next((i for i in range(index - 1, 0, -1) if tokens[i].lower in ("and", "while", "whereas", "but")
                   and tokens[i - 1].text == ","), None)
    if joiner is None:
        return False
    verbs = [i for i in range(joiner - 1) if tokens[i].tag in ("VBZ", "VBP", "VBD") and not tokens[i].quoted]
    return bool(verbs) and verbs[-1] + 1 < len(tokens) and tokens[verbs[-1] + 1].tag == "CD"


def _before_parenthesis(tokens: Sequence[Token], close: int) -> int:
    """Return the index of the word before the "(" that the ")" at ``close`` closes (``close`` if none opens it)."""
    depth = 0
    for position in range(close, -1, -1):
        depth += {")": 1, "(": -1}.get(tokens[position].text, 0)
        if depth == 0:
            return position - 1 if position > 0 else close
    return close


def _finite_before(tokens: Sequence[Token], index: int) -> str:
    """Return the tag of the nearest finite verb before ``index`` in the sentence ("" if none)."""
    for token in reversed(tokens[:index]):
        if token.tag in ("VBZ", "VBP", "VBD", "MD"):
            return token.tag
    return ""


# Words after a comma that open a new clause with its own subject ("..., and the Office conducts ...").
CLAUSE_JOINS = frozenset({"and", "but", "while", "whereas"})


def _clauses(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Return the spans of the clauses of a sentence joined at its top level: at ";", at a colon, and at ", and",
    ", but", ", while" before a determiner or a name (a new subject)."""
    spans, start = [], 0
    if tokens and tokens[0].lower in OPENING_SUBORDINATORS:
        # "If the victim consents, the case is referred ...": the opening clause is one, its main clause another
        comma = next((i for i, t in enumerate(tokens) if t.text == "," and not _comma_between_names(tokens, i)), None)
        if comma is not None:
            spans.append((1, comma))
            start = comma + 1
    for index, token in enumerate(tokens):
        if index < start:
            continue
        joined = token.text == "," and index + 2 < len(tokens) and tokens[index + 1].lower in CLAUSE_JOINS \
            and (tokens[index + 2].lower in DETERMINERS or tokens[index + 2].tag in ("NNP", "PRP", "CD", "EX")
                 or tokens[index + 2].lower in QUANTIFIERS | {"only"} and index + 3 < len(tokens)
                 and tokens[index + 3].tag == "CD") \
            and not _list_item_before(tokens, start, index)  # "shelters, hotlines, and the training programmes"
        relative = token.text == "," and index + 3 < len(tokens) and tokens[index + 1].tag == "IN" \
            and tokens[index + 2].lower in ("which", "whom") and (
                tokens[index + 3].lower in DETERMINERS | {"more", "over", "about", "some"} or tokens[index + 3].tag == "CD")
        subordinate = token.text == "," and index + 2 < len(tokens) and tokens[index + 1].lower in MID_SUBORDINATORS \
            and (tokens[index + 2].lower in DETERMINERS | QUANTITY_PRONOUNS or tokens[index + 2].tag in ("NNP", "NNS"))
        content = token.lower == "that" and index > start and tokens[index - 1].tag in (*FINITE, "VB") \
            and index + 1 < len(tokens) and tokens[index + 1].lower in DETERMINERS  # "we stress that the networks ..."
        content = content or token.lower in ("where", "when") and index > start and tokens[index - 1].tag.startswith("NN") \
            and index + 1 < len(tokens) and tokens[index + 1].lower in ("the", "their", "its")  # "Rosario where the gangs"
        dated = token.text == "," and index + 4 < len(tokens) and tokens[index + 1].lower in CLAUSE_JOINS \
            and tokens[index + 2].tag == "IN" and (tokens[index + 3].tag == "CD" or tokens[index + 3].lower == "then")
        if dated:  # ", and since 2020 the Ministry ... carry out": the clause's subject after its date
            after = index + 5 if tokens[index + 4].text == "," else index + 4
            dated = after < len(tokens) and (tokens[after].lower in DETERMINERS or tokens[after].tag in ("NNP", "PRP"))
        if token.text in (";", ":") or joined or relative or subordinate or content or dated:
            spans.append((start, index))
            start = after if dated else index + (3 if relative else 2 if joined or subordinate else 1)
            # (", through which the persons")
    spans.append((start, len(tokens)))
    return [(start, end) for start, end in spans if end - start > 2]


def _list_item_before(tokens: Sequence[Token], start: int, comma: int) -> bool:
    """Tell whether the ``comma`` closes a short item of a list of nouns: another comma at most five words before it,
    and no verb or participle between the two ("We fund shelters, hotlines, and the training programmes")."""
    for index in range(comma - 1, max(start, comma - 6) - 1, -1):
        if tokens[index].tag.startswith(("VB", "MD")):
            return False
        if tokens[index].text == ",":
            return True
    return False


# Subordinators that open a clause after a comma: "..., although some of its commitments need to be updated".
MID_SUBORDINATORS = frozenset("although though because while whereas whereby since when unless".split())
# Subordinators that open a sentence with a clause of their own, closed by a comma.
OPENING_SUBORDINATORS = frozenset("if when since because although though while whereas once unless until after".split())


def _comma_between_names(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the comma at ``index`` separates two capitalised words ("Zagreb, Split, Rijeka")."""
    return 0 < index < len(tokens) - 1 and tokens[index - 1].text[:1].isupper() and tokens[index + 1].text[:1].isupper() \
        and tokens[index + 1].lower not in DETERMINERS


def _subject_before(tokens: Sequence[Token], index: int, start: int) -> int | None:
    """Return where the noun phrase that ends at ``index`` starts, when it opens its clause at ``start`` (after an
    opening phrase closed by a comma, if any); None when something else comes before it."""
    head = index
    if tokens[head].text == ")":  # "the Directorate (DIA)"
        head = next((i for i in range(head - 1, start - 1, -1) if tokens[i].text == "("), start) - 1
    amount = head - 1 >= start and tokens[head].tag == "CD" and tokens[head - 1].tag in ("CD", "NNP")  # "AUD 100 million"
    if head < start or not (tokens[head].tag.startswith("NN") or amount):
        return None
    position = head
    while position > start:
        previous = tokens[position - 1]
        if previous.tag.startswith(("NN", "JJ", "DT", "CD", "PRP$", "POS")) or previous.text in "()%" \
                or previous.lower in ("of", "in", "on", "for", "against", "with", "from", "at", "and", "within", "under",
                                     "above", "below", "over", "across", "among") \
                or previous.lower == "than" and position - 2 >= start and tokens[position - 2].lower in ("more", "less", "fewer") \
                or previous.tag in ("VBN", "VBG") and tokens[position].tag.startswith("NN") \
                or previous.tag in ("VBN", "VBG") and tokens[position].tag in ("IN", "TO") \
                or previous.lower in ("to", "by") and position - 2 >= start and tokens[position - 2].tag == "VBN" \
                or previous.text[:1].isupper() and position - 1 > start and tokens[position - 2].text == ",":
            position -= 1  # "organized crime", "persons deprived of liberty", "Zagreb, Split, Rijeka"
            continue
        if previous.text == "," and _comma_between_names(tokens, position - 1):
            position -= 1  # a list of names: "in the cities of Astana, Almaty and Shymkent"
            continue
        if previous.text == "," and tokens[position].tag.startswith(("DT", "NN", "CD", "PRP$")):
            return position  # "At present, the 70% of the adolescents ..."
        return None
    return position


# Nouns of quantity whose phrase agrees with the noun after "of": "the 70% of the adolescents comply".
SHARE_NOUNS = frozenset({"%", "majority", "cent", "percent", "half", "rest", "third", "quarter", "most", "part"})


def _plural_subject(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Tell whether the subject ``tokens[start:end]`` takes a verb in the plural: its first noun is plural, or a
    share of a plural ("the 70% of the adolescents"), or two noun phrases are joined by "and"."""
    if any(tokens[index].lower == "and" and tokens[index - 1].tag.startswith("NN")
           and (tokens[index + 1].tag in ("DT", "PRP$") or tokens[index + 1].lower in DETERMINERS)
           for index in range(start + 1, end - 1)):
        return True  # "the National Institute of Statistics and the Ministry of Internal Affairs"
    head = None
    for index in range(start, end):
        token = tokens[index]
        if token.tag.startswith("NN") or token.text == "%":
            if head is None or index == head + 1:
                head = index
            continue
        if head is not None and token.lower == "of" and tokens[head].lower in SHARE_NOUNS:
            head = None  # the share agrees with what follows "of"
            continue
        if head is not None and token.tag not in ("(", ")") and token.text not in "()":
            break
    if head is None:
        return False
    return _plural(tokens[head])


def _insert_closed_before(tokens: Sequence[Token], comma: int, start: int) -> int | None:
    """Return the head of the subject before an insert that the ``comma`` closes (", which are run by iwi,"), if any."""
    opening = next((i for i in range(comma - 1, start, -1) if tokens[i].text == ","), None)
    if opening is None or opening + 1 >= comma or not (
            tokens[opening + 1].lower in ("which", "who") or tokens[opening + 1].tag == "VBN"
            or tokens[opening + 1].lower in ("in", "with", "through", "together", "jointly", "under")
            and not any(t.tag in FINITE for t in tokens[opening + 1:comma])):  # ", in coordination with the Agency,"
        return None
    return _subject_before(tokens, opening - 1, start)


def clause_verbs(tokens: list[Token], *, item: bool = False) -> None:
    """A clause of a sentence that has no verb in the present or the past outside its inserts ("which are run by
    ...") takes as its verb the first word after its subject that agrees with it and can be a verb: "the courts
    against corruption ... in Tirana hear all cases", "the 70% of the adolescents in conflict with the law comply
    with measures", "panels, which are run by iwi, deal with". It is flagged: the word may be a noun.

    For the sentences of a paragraph, which have verbs. A list item may be a noun phrase: with ``item``, a word is
    taken as the verb only before a determiner ("(c) mobile teams of the Directorate check the vehicles"), which no
    noun of a noun phrase has right after it.
    """
    for start, end in _clauses(tokens):
        if item:
            if not _main_verb_in(tokens, start, end):
                _verb_after_subject(tokens, start, end, determiner_after=True)
            continue
        nouns = _plurals_read_as_verbs(tokens, start, end)
        for index in nouns:
            tokens[index].tag = "NNS"
        if _main_verb_in(tokens, start, end) and not _verb_after_bare_relative(tokens, start, end) \
                or not _main_verb_in(tokens, start, end) and not _verb_after_subject(tokens, start, end, frozenset(nouns)):
            for index in nouns:
                if not _verb_follows_unjoined(tokens, index, end):  # ("fires at illegal waste dumps in ... fell")
                    tokens[index].tag = "VBZ"


def _verb_follows_unjoined(tokens: Sequence[Token], index: int, end: int) -> bool:
    """Tell whether a finite verb follows ``index`` in its clause with nothing that could join a second verb between
    (no comma, conjunction or relative word): then the word at ``index`` is no verb of its own."""
    for token in tokens[index + 1:end]:
        if token.text in ",;:()" or token.lower in CLAUSE_BOUNDARIES or token.lower in ("and", "or", "to"):
            return False
        if token.tag in FINITE and not token.quoted:
            return True
    return False


def _verb_after_bare_relative(tokens: list[Token], start: int, end: int) -> bool:
    """In a clause whose only verb is that of a relative clause without commas ("Offenders whose crimes are linked to
    drug use follow a treatment programme"), tag the word after the relative clause that agrees with the subject
    as the clause's verb (flagged); tell whether one was found."""
    finite = [i for i in range(start, end) if tokens[i].tag in FINITE and not tokens[i].quoted
              and tokens[_previous_word(tokens, i)].lower not in ("and", "or")]  # (not "... and were exempted")
    if len(finite) != 1:
        return False
    verb = finite[0]
    pronoun = next((i for i in range(verb - 1, start, -1) if tokens[i].lower in ("whose", "who", "that", "which")), None)
    if pronoun is None or not tokens[pronoun - 1].tag.startswith("NN") or any(
            tokens[i].text == "," for i in range(pronoun, verb)):
        return False
    subject = _subject_before(tokens, pronoun - 1, start)
    if subject is None:
        return False
    chain = verb + 1
    while chain < end and (tokens[chain].lower in BE_HAVE or tokens[chain].tag == "VBN"):
        chain += 1  # the relative clause's own verb: "who had been recruited"
    for index in range(chain, end - 1):
        token, following = tokens[index], tokens[index + 1]
        if token.text in ",;:" or token.quoted or token.lower in ("and", "or") and following.tag in FINITE:
            return False
        if token.tag == "VBN" and _past_form(token.lower) and tokens[index - 1].tag.startswith(("NN", "RB")) \
                and tokens[index - 1].lower not in ADVERBS_BETWEEN:
            # "61 citizens who had been recruited by terrorist organizations abroad returned voluntarily"
            token.tag = "VBD"
            token.uncertain = token.uncertain or reasons.VERB_OR_PARTICIPLE % {"word": token.text}
            return True
        if token.tag in ("NN", "NNS", "VB", "VBP") and token.text.islower() and tokens[index - 1].tag.startswith("NN") \
                and (following.tag in ("DT", "CD", "PRP$", "PRP") or following.lower in DETERMINERS) \
                and _plural_subject(tokens, subject, pronoun) and base_form(token.lower):
            token.tag = "VBP"
            token.uncertain = token.uncertain or reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
            return True
    return False


def _plurals_read_as_verbs(tokens: Sequence[Token], start: int, end: int) -> list[int]:
    """Return the -s words of the clause read as its verb that may be the plural of its subject's noun, before a
    preposition: "The specialized interdistrict courts on juvenile affairs ... consider all cases"."""
    found = []
    for index in range(start + 1, end - 1):
        token, following = tokens[index], tokens[index + 1]
        if token.tag == "VBZ" and not token.quoted and token.text.islower() and can_be_noun(token.lower) \
                and tokens[index - 1].tag in ("NN", "JJ") and following.tag == "IN" and following.lower != "that" \
                and _subject_before(tokens, index - 1, start) is not None:
            found.append(index)
    return found


def _verb_after_subject(tokens: list[Token], start: int, end: int, nouns: frozenset[int] = frozenset(),
                        determiner_after: bool = False) -> bool:
    """Tag the verb of the clause ``tokens[start:end]`` (see :func:`clause_verbs`), not one of ``nouns``; tell
    whether one was found. When ``nouns`` were read as verbs, their clause needs a verb with an object to take
    their place ("courts on juvenile affairs ... consider all cases", not "notes with concern the increase in drug
    use among young people")."""
    opening = start == 1 and tokens[0].lower in OPENING_SUBORDINATORS  # "If the victim consents,"
    last = end - 1 if tokens[end - 1].tag == "VBN" and (end == len(tokens) or tokens[end].text in ":;") else None
    closing = end < len(tokens) and tokens[end].text == "," and tokens[end - 1].tag in ("NN", "VB") \
        and can_be_verb(tokens[end - 1].lower) and not can_be_noun(tokens[end - 1].lower)  # "where the gangs ... operate,"
    for index in range(start + 1, end if opening or last is not None or closing else end - 1):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < end else None
        if nouns and not (following is not None and (following.tag in ("DT", "CD", "PRP$") or following.lower in DETERMINERS)):
            continue
        if determiner_after and not (following is not None and following.lower in ("the", "a", "an", "its", "their")):
            continue
        if index in nouns or token.quoted or not token.text.islower() or token.tag not in ("NN", "NNS", "VB", "VBP", "VBZ", "VBN"):
            continue
        before = index - 1
        while before > start and tokens[before].lower in ADVERBS_BETWEEN and tokens[before].text.islower():
            before -= 1  # "the support officers at the county courts ... also accompany victims"
        previous = tokens[before]
        subject = None
        if previous.text == ",":
            subject = _insert_closed_before(tokens, before, start)
        elif previous.tag.startswith("NN") or previous.text == ")" or previous.tag == "CD":
            subject = _subject_before(tokens, before, start)
        elif previous.tag == "VBN" and before - 1 > start and tokens[before - 1].tag.startswith("NN"):
            subject = _subject_before(tokens, before - 1, start)  # "the value of the assets seized reached"
        if subject is None or following is not None and (following.lower == "of" or not (
                _object_starts(following) or following.tag in ("IN", "TO", "RB", "RP", "CD"))):
            continue
        if token.tag == "VBN" and index == last and _past_form(token.lower):
            token.tag = "VBD"  # "and the following forms of exploitation prevailed:"
            token.uncertain = token.uncertain or reasons.VERB_OR_PARTICIPLE % {"word": token.text}
            return True
        if token.tag == "VBN":
            dated = following is not None and following.lower == "in" and index + 2 < end and _year(tokens[index + 2]) \
                and _object_follows(tokens, index + 3)  # "the Police dismantled in 2023 eleven workshops"
            if following is not None and following.lower != "by" and _past_form(token.lower) \
                    and (following.tag in ("CD", "NNP") or _object_follows(tokens, index + 1) or dated
                         or following.tag in ("IN", "TO") and tokens[subject].tag == "CD"):
                # ("2,150 adolescents in situation of risk participated in the programmes")
                token.tag = "VBD"
                token.uncertain = token.uncertain or reasons.VERB_OR_PARTICIPLE % {"word": token.text}
                return True
            continue
        plural = _plural_subject(tokens, subject, index)
        collective = any(tokens[i].lower in COLLECTIVE for i in range(subject, index))  # "the National Police works"
        if plural and base_form(token.lower) and token.lower not in DETERMINERS:
            token.tag = "VBP"
        elif (not plural or collective) and third_person_form(token.lower):
            token.tag = "VBZ"
        else:
            continue
        token.uncertain = token.uncertain or reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
        return True
    return False


def statistic_participles(tokens: list[Token]) -> None:
    """In a list item that gives a figure under a name ("Ministry of Labour and Skills: 1,850 returnees from Saudi
    Arabia assisted with reintegration packages"), a past form after the figure's noun is a participle: the item
    is a noun phrase, as its writer meant it."""
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
                and tokens[joined[-1] + 2].tag in ("VBD", "VBN") and _participle_form(tokens[joined[-1] + 2].lower):
            joined.append(joined[-1] + 2)  # "9 complaints received and examined in 2023"
        last = joined[-1]
        if token.tag in ("VBD", "VBN") and tokens[index - 1].tag.startswith("NN") and last + 1 < len(tokens) \
                and tokens[last + 1].tag in ("IN", "TO") and all(_participle_form(tokens[i].lower) for i in joined):
            for participle in joined:
                tokens[participle].tag = "VBN"
            return


def _verb_after_relative_pronoun(tokens: list[Token]) -> None:
    """Right after a subject relative pronoun comes the relative clause's verb: "the app, which blocks calls and
    messages from ..." (the tagger reads "blocks" as a noun and "calls" as the verb)."""
    for index in range(1, len(tokens) - 3):
        pronoun, word, following = tokens[index], tokens[index + 1], tokens[index + 2]
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
                and tokens[index - 1].tag in ("NNS", "NN"):
            verb = next((i for i in range(index - 1, max(0, index - 12), -1) if tokens[i].tag in FINITE
                         or tokens[i].text in ",;"), None)
            if verb is not None and tokens[verb].tag == "VBP" and verb > 0 and tokens[verb - 1].lower in ("which", "who"):
                tokens[index + 1].tag = "VBP"
    for index in range(1, len(tokens) - 2):
        pronoun, word, following = tokens[index], tokens[index + 1], tokens[index + 2]
        if pronoun.lower == "who" and word.tag in ("NN", "NNS", "VB") and not word.quoted and word.text.islower() \
                and (base_form(word.lower) or third_person_form(word.lower)) and _object_starts(following):
            word.tag = "VBZ" if third_person_form(word.lower) and not base_form(word.lower) else "VBP"  # "who use drugs"


def _nouns_of_listed_examples(tokens: list[Token]) -> None:
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


def _nouns_of_an_object(tokens: list[Token]) -> None:
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


def _nouns_of_a_phrase_after_the_verb(tokens: list[Token]) -> None:
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
                if preposition and not clause:  # (not "we consider the situation in the prison remains")
                    token.tag = "NNS"
                break


def _verbs_in_a_series(tokens: list[Token]) -> None:
    """A series of verbs in the present after one subject ("police officers monitor the networks, answer questions of
    young people and give advice"): a word between a comma and the series' "and" + verb, in the form of the verbs
    before and after it and before an object, is one of them, whatever the tagger read."""
    for index, verb in enumerate(tokens):
        if verb.tag not in ("VBP", "VBZ") or verb.quoted:
            continue
        agrees = base_form if verb.tag == "VBP" else third_person_form
        candidates, position = [], index + 1
        while position < len(tokens) and tokens[position].text not in ";:" \
                and tokens[position].lower not in CLAUSE_BOUNDARIES and tokens[position].tag not in FINITE:
            token = tokens[position]
            following = tokens[position + 1] if position + 1 < len(tokens) else None
            if token.text == "," and following is not None and following.text.islower() and not following.quoted \
                    and following.tag in ("NN", "NNS", "VB") and agrees(following.lower) \
                    and position + 2 < len(tokens) and _object_starts(tokens[position + 2]):
                candidates.append(position + 1)
            if token.lower in ("and", "or") and candidates and following is not None and following.tag == verb.tag:
                for candidate in candidates:
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


def absolute_participles(tokens: list[Token]) -> None:
    """After "with" and a noun phrase, a past form is a participle: "with 1,200 enterprises certified in 2023"."""
    for index in range(2, len(tokens)):
        token = tokens[index]
        if token.tag != "VBD" or token.quoted or not tokens[index - 1].tag.startswith("NN"):
            continue
        position = index - 1
        while position > 0 and (tokens[position].tag.startswith(("NN", "JJ", "CD", "DT")) or tokens[position].text == "%"):
            position -= 1
        if tokens[position].lower == "with" and position < index - 1 and inflect(verb_lemma(token.lower) or token.lower,
                                                                              "VBN") == token.lower:
            token.tag = "VBN"


def _nouns_of_a_compound(tokens: list[Token]) -> None:
    """An -s word between "and" and a noun, in a phrase opened by a preposition or a determiner, is a noun of a compound:
    "the introduction of a risk and needs assessment tool"."""
    for index in range(2, len(tokens) - 1):
        token = tokens[index]
        if token.tag == "VBZ" and not token.quoted and can_be_noun(token.lower) and tokens[index - 1].lower == "and" \
                and tokens[index - 2].tag in ("NN", "JJ") and tokens[index + 1].tag == "NN" \
                and index >= 3 and tokens[index - 3].tag in ("DT", "IN", "PRP$"):
            token.tag = "NNS"


def _participles_before_a_date_and_verb(tokens: list[Token]) -> None:
    """A past form after a noun, followed by a date and then the clause's verb, is a participle: "the cases of online
    fraud registered last year were committed through fake calls"."""
    for index in range(1, len(tokens) - 3):
        token = tokens[index]
        if token.tag != "VBD" or token.quoted or not tokens[index - 1].tag.startswith("NN"):
            continue
        after = index + 1
        if tokens[after].lower in ("last", "this", "next", "that") and tokens[after + 1].lower in TIME_NOUNS:
            after += 2
        elif tokens[after].lower in ("in", "during", "since") and _year(tokens[after + 1]):
            after += 2
        else:
            continue
        if after < len(tokens) and (tokens[after].tag in FINITE or tokens[after].lower in ("were", "was")) \
                and inflect(verb_lemma(token.lower) or token.lower, "VBN") == token.lower:
            token.tag = "VBN"
