"""Corrections of single words by their neighbours: nouns after determiners, possessives and prepositions, two
verbs in a row, the capitalised words of titles, catenative verbs ("needs to be amended").
"""

from __future__ import annotations

from portal.reports import reasons
from portal.reports.grammar import (
    ADVERBS_BETWEEN, Token, _previous_word, base_form, can_be_noun, can_be_verb, inflect, lemmas, lexicon_tag,
    state_words, third_person_form, verb_lemma,
)
from portal.reports.tagging.words import (
    AUXILIARIES, BE_HAVE, CATENATIVE, CHANGE_VERBS, CLAUSE_OPENERS, COLLECTIVE, CONTRACTED, DETERMINERS, DO_FORMS,
    FINITE, INDEFINITE_PRONOUNS, INTRANSITIVE, LINKING_VERBS, MODALS, PERSONAL_PRONOUNS, PREPOSITIONS,
    QUANTITY_PRONOUNS, RELATIVES, MANDATIVE, SUBJECT_PRONOUNS, THAT_VERBS, THINKING, VERBS_OF_CONTENT, VERBS_WITH_OF,
    in_title, no_passive_past, object_starts, participle_form, past_form, plural_noun,
)
from portal.reports.tagging.phrases import (
    after_plural_quantity, before_parenthesis, clause_after_that, comparison_verb, finite_before, finite_in_clause,
    gapped, has_finite_after, next_subordinate, object_follows, opens_clause, participles_after, subject_is_plural,
    subordinate_without_verb,
)
from portal.reports.tagging.nouns import words_of_noun_phrases


# Verbs that take a clause with "that": "the Central Bank checks that every exchange point displays the rates".
THAT_TAKERS = THAT_VERBS | THINKING | VERBS_OF_CONTENT | MANDATIVE | frozenset("check verify monitor warrant".split())


def words_after_their_neighbour(tokens: list[Token]) -> None:
    """Correct the tagger's tag of a word by the word before it, where the lexicon's context rules mislead it: a past
    after a preposition is a participle ("a database of lost and stolen documents"), a participle after a linking verb
    ("stay closed"), a verb before its particle ("dry up"), "will" after a determiner a noun ("a will"), and so on."""
    for index, (token, following) in enumerate(zip(tokens, tokens[1:])):
        if token.lower in ("of", "for", "with", "about", "on", "from", "against") and following.tag == "VBD" \
                and not following.quoted and index + 2 < len(tokens) and (tokens[index + 2].lower in ("and", "or")
                                                                          or tokens[index + 2].tag in ("NN", "NNS")):
            following.tag = "VBN"  # "a database of lost and stolen identity documents": no subject after a preposition
        if (token.tag == "NNS" or token.lower in COLLECTIVE) and token.text.islower() and following.tag == "VBN" \
                and not following.quoted and past_form(following.lower) and index + 2 < len(tokens) \
                and tokens[index + 2].tag == "VBZ" and tokens[index + 2].text.islower() \
                and can_be_noun(tokens[index + 2].lower):
            # "the police arrested suspects and": a plural's verb in -s cannot follow it, so the past is the verb
            following.tag, tokens[index + 2].tag = "VBD", "NNS"
        if (token.tag == "NNP" or token.lower in ("but", "and")) and following.tag == "VBD" and not following.quoted \
                and participle_form(following.lower) and index + 2 < len(tokens) and tokens[index + 2].tag == "NNS" \
                and _passive_after(tokens, index + 3):
            following.tag = "JJ"  # "In the parks of Vienna and Graz poisoned baits ... are found", "but forged
            # passports are still found": an adjective
        if following.lower == "had" and following.tag == "VBN" and not following.quoted \
                and token.lower not in BE_HAVE | {"having", "not", "never", "also", "already"}:
            following.tag = "VBD"  # "most of the buildings which fell had no design": "had" is a participle only after
            # "have" or "be"
        if following.lower == "lay" and following.tag == "VBD" and not following.quoted and index + 2 < len(tokens) \
                and (token.tag in ("NNS", "PRP", "WP", "WDT") or token.lower in ("who", "which", "that")) \
                and (tokens[index + 2].lower == "out" or tokens[index + 2].tag in ("DT", "PRP$")):
            following.tag = "VBP"  # "the persons who lay out such baits": to lay, in the present (not to lie)
        if following.lower == "home" and following.tag in ("VB", "VBP", "VBZ", "VBD", "VBN") \
                and not following.quoted and token.lower in ("it", "them", "him", "her", "us", "me", "those", "these"):
            following.tag = "RB"  # "buy alcohol and carry it home": where to, after the verb's object, no verb
        if token.lower == "value" and following.lower == "added" and index + 2 < len(tokens) \
                and tokens[index + 2].lower in ("tax", "taxes"):
            following.tag = "JJ"  # "to avoid the value added tax": the name of the tax, no verb
        if token.lower == "many" and token.tag == "RB" and following.tag in ("JJ", "JJR", "NN", "NNS") \
                and not token.quoted:
            token.tag = "JJ"  # "Many older persons in Lima sign": the quantity of a noun, not an adverb
        if token.lower in ("many", "several", "numerous", "few") and following.tag in ("VBD", "VBN") \
                and not following.quoted and participle_form(following.lower) and index + 2 < len(tokens) \
                and tokens[index + 2].tag in ("NNS", "VBZ") and tokens[index + 2].text.islower() \
                and tokens[index + 2].lower.endswith("s") and can_be_noun(tokens[index + 2].lower):
            # "many missed calls": a participle between a quantity and its noun
            token.tag, following.tag, tokens[index + 2].tag = "JJ", "JJ", "NNS"
        if token.lower in ("which", "that", "whom") and following.tag == "VBP" and not following.quoted \
                and can_be_noun(following.lower) and index + 3 < len(tokens) and tokens[index + 2].tag == "NNS" \
                and tokens[index + 2].text.islower() and tokens[index + 3].tag in ("VBD", "VBN", "VBP") \
                and not tokens[index + 3].quoted:
            # "the data which police forces collected": the subject's noun, then its verb
            following.tag = "NN"
            if tokens[index + 3].tag == "VBN" and past_form(tokens[index + 3].lower):
                tokens[index + 3].tag = "VBD"
        if token.lower == "whose" and following.tag == "NN" and following.text.islower() and index + 3 < len(tokens) \
                and tokens[index + 2].tag == "VBZ" and tokens[index + 2].text.islower() \
                and not tokens[index + 2].quoted \
                and can_be_noun(tokens[index + 2].lower) and tokens[index + 3].tag in ("VB", "VBN", "VBP") \
                and tokens[index + 3].text.islower() and base_form(tokens[index + 3].lower) \
                and can_be_verb(tokens[index + 3].lower) and index + 4 < len(tokens) \
                and object_starts(tokens[index + 4]):
            # "the Zoo, whose animal shows attract many families": a compound's plural, then its verb
            tokens[index + 2].tag, tokens[index + 3].tag = "NNS", "VBP"
        verb = comparison_verb(tokens, index) if token.lower == "than" else None
        if verb is not None:
            tokens[verb].tag = "VBD"  # "more explosives than its licence allowed": a clause of comparison
        antecedent = tokens[index - 2] if index >= 2 and tokens[index - 1].text == "," else tokens[index - 1]
        if token.lower in ("which", "that") and following.tag in ("VB", "VBP") and not following.quoted and index >= 1 \
                and antecedent.tag == "NN" and antecedent.text.islower() and antecedent.lower not in COLLECTIVE \
                and base_form(following.lower) and inflect(following.lower, "VBD") == following.lower:
            following.tag = "VBD"  # "the stolen equipment, which cost about 300 million": a singular's verb, the past
        if token.lower == "what" and following.tag in ("VB", "VBN") and not following.quoted \
                and past_form(following.lower) \
                and (index + 2 >= len(tokens) or tokens[index + 2].lower != "by"):
            following.tag = "VBD"  # "they cannot describe what happened": "what" is the subject of the past
        if following.tag == "VBD" and not following.quoted and token.tag in ("VB", "VBP", "VBZ", "NN", "NNS") \
                and token.text.islower() and verb_lemma(token.lower) in LINKING_VERBS \
                and inflect(verb_lemma(following.lower) or following.lower, "VBN") == following.lower:
            following.tag = "VBN"  # "the churches ... stay closed most of the year": a participle after a linking verb
        if token.tag == "NNS" and following.tag == "JJ" and index + 2 < len(tokens) \
                and tokens[index + 2].lower in ("up", "out", "down", "off") and base_form(following.lower) \
                and can_be_verb(following.lower) and not token.quoted:
            following.tag = "VBP"  # "where many boreholes dry up": a verb and its particle after a plural
        if token.tag in ("NN", "NNS") and following.tag == "VBN" and not following.quoted \
                and no_passive_past(following.lower):
            following.tag = "VBD"  # "about 100,000 cubic metres of cyanide water flowed into the Tisza": no passive
        if following.lower == "will" and following.tag == "MD" and token.lower in (
                "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "every", "each", "no"):
            following.tag = "NN"  # "If a will is made in a care home": the document, after a determiner
        if following.lower == "own" and following.tag == "JJ" and token.tag in ("NNS", "NNPS") and not token.quoted \
                and index + 2 < len(tokens) and tokens[index + 2].tag in ("JJ", "NN", "NNS", "DT", "CD", "PRP$"):
            following.tag = "VBP"  # "the monasteries of the islands own large estates": "own" after no possessive
        if token.lower in ("is", "are", "was", "were", "be", "been", "being") \
                and following.tag in ("VB", "VBP", "VBD") and not following.quoted \
                and verb_lemma(following.lower) == following.lower \
                and inflect(following.lower, "VBN") == following.lower:
            following.tag = "VBN"  # "documents are cut or removed": a participle that is its base form, after "be"


def _passive_after(tokens: list[Token], index: int) -> bool:
    """Tell whether a passive ("are found") comes from ``index`` on, before the clause's end (a comma, a colon, a
    semicolon, a full stop or a word that opens a clause)."""
    for position in range(index, len(tokens) - 1):
        token = tokens[position]
        if token.text in ",;:." or token.lower in CLAUSE_OPENERS - {"and", "or"}:  # ("poisoned baits and baits with")
            return False
        after = position + 1
        while after < len(tokens) - 1 and tokens[after].lower in ADVERBS_BETWEEN:
            after += 1  # ("are still found")
        if token.lower in ("is", "are", "was", "were") and tokens[after].tag == "VBN":
            return True
    return False


def _verb_of_an_object_relative(tokens: list[Token], index: int) -> bool:
    """Tell whether the verb in the present at ``index`` ends a relative clause whose pronoun is its object, before the
    sentence's verb: "the data which police forces collect are shared", "the solvent which cleaners use is toxic"."""
    noun = index - 1
    if noun < 2 or tokens[noun].tag != "NNS" or not tokens[noun].text.islower() or tokens[index].lower.endswith("s"):
        return False
    pronoun = noun - 1 if tokens[noun - 1].tag in ("NN", "JJ", "VBP") and tokens[noun - 1].text.islower() else noun
    if pronoun == noun and can_be_verb(tokens[noun].lower):
        return False  # "every truck which transports wood must": the relative clause's verb and its object
    return tokens[pronoun - 1].lower in ("which", "that", "whom") and tokens[pronoun - 2].tag.startswith(("NN", "JJ"))


def correct_words(tokens: list[Token]) -> None:
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
        elif token.tag.startswith("VB") and lower not in AUXILIARIES and in_title(tokens, index):
            token.tag = "NNP"  # "the Law on Combating Crimes Committed by Means of ...": a word of a title
        elif token.tag in ("VB", "VBD", "VBN", "VBP", "VBZ") and token.text[:1].isupper() and token.text[1:].islower() \
                and not token.quoted and index >= 2 and tokens[index - 1].lower in ("in", "at", "near", "from") \
                and tokens[index - 1].text.islower() and any(t.is_word for t in tokens[:index - 1]) \
                and not (index + 1 < len(tokens) and tokens[index + 1].text[:1].isupper()):
            token.tag = "NNP"  # "the festival in Split": a place, after its preposition inside the sentence
        elif lower in ("abroad", "overseas") and index >= 1 and tokens[index - 1].lower == "from":
            token.tag = "NN"  # "dealers from abroad sold drugs": the object of "from", no adverb of a participle
        elif token.tag == "NNS" and not token.quoted and token.text.islower() and third_person_form(lower) \
                and can_be_verb(lower) and index + 1 < len(tokens) and tokens[index + 1].lower == "whether" \
                and index >= 1 and tokens[index - 1].tag in ("NN", "NNP") and not finite_in_clause(tokens, index):
            token.tag = "VBZ"  # "the Board checks whether the studio meets": a noun takes no clause of "whether"
        elif token.tag == "NN" and not token.quoted and token.text.islower() and base_form(lower) \
                and can_be_verb(lower) and index >= 2 \
                and tokens[index - 1].lower in ("still", "often", "usually", "sometimes", "also", "now") \
                and tokens[index - 2].tag in ("NNS", "CD") and index + 1 < len(tokens) \
                and (tokens[index + 1].tag in ("IN", "DT", "PRP$") and tokens[index + 1].lower != "of") \
                and not finite_in_clause(tokens, index):
            token.tag = "VBP"  # "boys of 12 or 13 still work at night": a plural, an adverb of frequency, the verb
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
                following.tag in ("MD", "VBZ", "VBP", "VBD") and not _verb_of_an_object_relative(tokens, index)
                or following.tag == "WDT"):
            # A verb is not followed by another finite verb, nor by a relative pronoun: "the prisons act
            # will enter into force", "issues that do not fit together".
            token.tag = "NNS" if token.lower.endswith("s") else "NN"
            continue
        if token.tag in ("VBZ", "VBP") and following is not None and following.tag == "VBN" and can_be_noun(token.lower) \
                and token.lower not in BE_HAVE and past_form(following.lower) and object_follows(tokens, index + 2):
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
                and tokens[index - 2].tag in ("DT", "PRP$") and index + 1 < len(tokens) \
                and tokens[index + 1].tag.startswith("NN")  # "a rapid needs assessment" (not "the alert goes to")
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
            if token.tag == "VBZ" and after_plural_quantity(tokens, index):
                token.tag = "NNS"  # "two new community policing centres": a plural after a number is its noun
                continue
        if token.tag == "VBZ" and can_be_noun(token.lower) and (index == 0 or tokens[index - 1].text in (",", "(", ";")) \
                and has_finite_after(tokens[:next_subordinate(tokens, index)], index):
            # "Since January 2012, cases under the Law have been tried" (not "(b) waits until the parents arrive": the
            # verb of another clause)
            token.tag = "NNS"
            continue
        if token.tag == "VBZ" and can_be_noun(token.lower) and following is not None and following.text in ".;)" \
                and index and tokens[index - 1].tag.startswith("NN") and finite_in_clause(tokens, index):
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
            before = before_parenthesis(tokens, before)  # "mobile teams of the Agency (ANLTP) visit the sites"
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
            and (p_tag == "NNS" or p_tag == "NNP" and tokens[index - 1].text == ")" and plural_noun(previous))
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
                    and (object_starts(following) or following.tag in ("IN", "RB")):
                token.tag = "VBP"
                continue
        if p_lower in ("them", "us", "these", "those") and before >= 2 and tokens[before - 1].lower == "of" \
                and (tokens[before - 2].lower in QUANTITY_PRONOUNS or tokens[before - 2].tag == "CD") \
                and (before == 2 or tokens[before - 3].text in ",;:(" or tokens[before - 3].lower in CLAUSE_OPENERS) \
                and base_form(lower) and following is not None and object_starts(following) \
                and token.tag in ("NN", "VB", "VBP", "JJ"):
            token.tag = "VBP"  # "since most of them never report the offence"
            continue
        collective = p_lower in COLLECTIVE or (p_tag.startswith("NN") and before >= 2 and subject_is_plural(tokens, before))
        participle = following is not None and following.tag in ("VBD", "VBN") and index + 2 < len(tokens) \
            and tokens[index + 2].tag in ("JJ", "NN", "NNS") and verb_lemma(following.lower) \
            and inflect(verb_lemma(following.lower), "VBN") == following.lower  # "need sustained technical assistance"
        if collective and token.tag in ("VB", "NN", "VBP") and base_form(lower) and following is not None \
                and lower != "police" \
                and (object_starts(following) or participle or not can_be_noun(lower) and following.tag == "IN") \
                and opens_clause(tokens, before) \
                and not finite_in_clause(tokens, index):
            # "the police record all complaints", "where most seizures of cocaine take place" (not "of traffic police
            # officers": "police" is a noun of States' answers)
            token.tag = "VBP"
            if participle:
                following.tag = "VBN"  # a participle opening the object, as an adjective
            if can_be_noun(lower) and p_lower in COLLECTIVE:
                token.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
            continue
        if (token.tag == "VB" or token.tag == "NN" and (not can_be_noun(lower) or loose_noun)) and previous is not None \
                and not previous.text.endswith(("'s", "\u2019s")) \
                and (p_tag in ("NNS", "NNPS") or p_lower in ("we", "they", "i", "you")
                     or p_tag == "NNP" and tokens[index - 1].text == ")" and plural_noun(previous)) \
                and base_form(lower) and opens_clause(tokens, before):
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
            next_is_verb = following is not None and (following.tag in ("VBZ", "VBP", "VBD", "MD") or (
                third_person_form(lower) and can_be_noun(lower) and base_form(following.lower)
                and following.tag in ("VB", "VBP", "NN") and index + 2 < len(tokens)
                and object_starts(tokens[index + 2])) or following.tag == "NNS" and following.text.islower()
                and (can_be_noun(lower) or lexicon_tag(lower) == "JJ") and index + 2 < len(tokens)
                and tokens[index + 2].tag in ("VBD", "VBN", "VBP"))
            # ("report that thieves harvest their ponds": a plural and its verb after "that", no relative clause; "the
            # data which police forces collected", "which dry cleaners use": the noun or adjective of the subject)
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
        participles = participles_after(tokens, index) if token.tag == "NNS" else []
        after_acronym = index >= 3 and tokens[index - 1].text == ")" and tokens[index - 2].text.isupper() \
            and tokens[index - 3].text == "(" and not finite_before(tokens, index)
        if token.tag == "NNS" and third_person_form(lower) and index >= 3 and tokens[index - 1].text == ")" \
                and tokens[index - 2].text.isupper() and index + 1 < len(tokens) \
                and tokens[index + 1].lower in ("whether", "if"):
            token.tag = "VBZ"  # "and the Financial Market Authority (FMA) checks if the banks ..."
            continue
        if token.tag == "NNS" and after_acronym and third_person_form(lower) and opens_clause(tokens, before) \
                and not has_finite_after(tokens, index, participles):
            token.tag = "VBZ"  # "The Department of ... (DNP) works with": the name and its acronym, then the verb
            continue
        after_one = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.tag == "NNS" and third_person_form(lower) and p_tag == "NN" and previous.text.islower() \
                and before >= 1 and tokens[before - 1].lower in ("a", "an", "each", "every") and after_one is not None \
                and after_one.text.islower() \
                and (after_one.tag in ("NNS", "DT", "PRP$", "CD") or after_one.lower in DETERMINERS):
            token.tag = "VBZ"  # "where a passenger reports bags lost": no plural follows "a" and its noun
        if token.tag == "NNS" and previous is not None and (p_tag.startswith("NN") or named_law) and third_person_form(lower) \
                and can_be_noun(lower) and not has_finite_after(tokens, index, participles) \
                and opens_clause(tokens, before):
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            after = tokens[index + 2] if index + 2 < len(tokens) else None
            if following is not None and following.tag == "CD" and lexicon_tag(lower) == "NNS" and gapped(tokens, index):
                # "the police opened 300 investigations, and the prosecution services 150 cases": the verb is left
                # out of the second clause, whose noun is no verb
                token.uncertain = reasons.READ_AS_NOUN_GAPPED % {"word": token.text}
            elif following is not None and following.lower == "that" and _relative_after(tokens, index + 1) \
                    and verb_lemma(lower) not in THAT_TAKERS:
                pass  # the head of a compound, then a relative clause: "brass parts that collectors buy", "the
                # fishing boats that come closer" (but "the Ministry reports that the number of cases rose")
            elif following is not None and (following.lower in DETERMINERS or following.tag in ("PRP$", "DT", "CD")
                                            or following.lower in ("out", "up", "forward")):
                token.tag = "VBZ"
            elif following is not None and following.lower == "to" and after is not None and (
                    after.tag == "VB" or base_form(after.lower)) and after.lower not in DETERMINERS \
                    and verb_lemma(lower) in CATENATIVE:
                token.tag = "VBZ"  # "the Act needs to be amended", "the Ministry plans to open"
                if can_be_noun(lower) and lower not in ("needs", "seeks", "intends", "wants", "continues"):
                    token.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
            elif following is not None and following.text in ".,;" and subordinate_without_verb(tokens, index):
                token.tag = "VBZ"  # "before the congress starts."
                if lexicon_tag(lower) == "NNS" and verb_lemma(lower) not in INTRANSITIVE | CHANGE_VERBS:
                    token.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": token.text}  # ("after the video classes.")
            elif following is not None and following.tag == "IN" and clause_after_that(tokens, index) \
                    and (following.lower != "of" or verb_lemma(lower) in VERBS_WITH_OF):
                # (but "considers that the piracy sites of manga ... have caused": a noun before "of")
                token.tag = "VBZ"  # "proposed that one agenda item deals with wildlife crime"
            elif following is not None and following.lower == "to" and after is not None and after.tag in ("DT", "NNP"):
                token.tag = "VBZ"  # "the Committee reports to the Prime Minister": a verb, or "reports to"?
                token.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
            elif following is not None and object_starts(following) and not following.tag == "VBG":
                # (a noun followed by an -ing form is a noun and its participle: "terrorism cases involving children")
                if finite_before(tokens, index) and not clause_after_that(tokens, index):
                    # The sentence has a verb already: most likely a noun ("evaluation of reform programmes on"), but
                    # not after the short subject of a clause with "that" ("recommends that the Commission addresses").
                    token.uncertain = reasons.MAY_BE_PRESENT % {"word": token.text}
                else:
                    token.tag = "VBZ"
        elif token.tag == "NNS" and p_lower in ("and", "or") and third_person_form(lower) \
                and finite_before(tokens, before) and index + 2 < len(tokens) \
                and tokens[index + 1].lower == "to" and tokens[index + 2].tag in ("DT", "NNP"):
            # "was appointed in 2008 and reports to the Minister": most likely a second verb
            token.tag = "VBZ"
            token.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
        elif token.tag == "NNS" and p_lower in ("and", "or") and third_person_form(lower) \
                and finite_before(tokens, before) == "VBZ" and index + 1 < len(tokens) \
                and tokens[index + 1].tag.startswith("RB") and tokens[index + 1].lower.endswith("ly"):
            # "coordinates the work of 12 units and reports directly to the Minister": most likely a second verb
            token.tag = "VBZ"
            token.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
        elif token.tag == "NNS" and p_lower in ("and", "or") and third_person_form(lower) \
                and finite_before(tokens, before) == "VBZ" and index + 1 < len(tokens) \
                and not object_starts(tokens[index + 1]) and tokens[index + 1].tag in ("IN", "TO"):
            # "meets every quarter and reports to the Minister": a second verb, or a noun?
            token.uncertain = reasons.MAY_BE_PRESENT % {"word": token.text}
        elif token.tag == "NN" and p_lower == "and" and token.text.islower() and base_form(lower) \
                and can_be_verb(lower) \
                and before >= 1 and tokens[before - 1].tag == "NNS" and finite_before(tokens, before) == "VBP" \
                and index + 1 < len(tokens) and tokens[index + 1].tag == "IN" \
                and tokens[index + 1].lower not in ("of", "that", "for", "against", "to"):
            # "workers are hired through agencies and work at night": a second verb, or a noun?
            token.uncertain = reasons.MAY_BE_PRESENT % {"word": token.text}
        elif token.tag == "NNS" and p_lower in ("and", "or") and third_person_form(lower) \
                and finite_before(tokens, before) == "VBZ" and index + 1 < len(tokens) and object_starts(tokens[index + 1]):
            # "carries out training and trains prosecutors": a second verb, or a second noun?
            token.tag = "VBZ"
            if tokens[index + 1].lower not in DETERMINERS and tokens[index + 1].tag not in ("PRP$", "DT", "CD"):
                token.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
        elif token.tag == "NNS" and p_tag.startswith("NN") and third_person_form(lower) and index + 1 < len(tokens) \
                and tokens[index + 1].tag == "IN" and clause_after_that(tokens, index) \
                and not any(t.tag == "MD" for t in tokens[index + 1:]):
            # "proposed that one agenda item deals with wildlife crime" (not "hope that future reports of the
            # Secretary-General will include": the clause's verb comes later)
            token.tag = "VBZ"
        elif token.tag == "NNS" and not can_be_noun(lower) and third_person_form(lower) \
                and (can_be_verb(lower) or p_tag not in ("JJ", "JJR", "JJS", "CD", "DT", "PRP$")):
            token.tag = "VBZ"  # "criminalizes", unknown to the lexicon as a noun (not after an adjective: "slow
            # lorises")
        elif token.tag == "NNS" and p_tag.startswith("NN") and third_person_form(lower) and index + 1 < len(tokens) \
                and tokens[index + 1].tag == "RP":
            token.tag = "VBZ"  # "sets out", "carries out"
        if participles and token.tag == "VBZ":
            for position in participles:
                tokens[position].tag = "VBN"
            token.uncertain = reasons.TENSE_MAY_BE_NOUN % {"word": token.text}
    words_of_noun_phrases(tokens)


def _relative_after(tokens: list[Token], that: int) -> bool:
    """Tell whether "that" at ``that`` opens a relative clause: a finite verb follows it, at once ("boats that come")
    or after a short subject ("parts that collectors buy"), rather than the noun it determines ("handles that case")."""
    for position in range(that + 1, min(that + 5, len(tokens))):
        token = tokens[position]
        if token.tag in FINITE or position == that + 1 and position + 1 < len(tokens) and can_be_verb(token.lower) \
                and base_form(token.lower) and tokens[position + 1].tag in ("RB", "RBR", "JJR", "IN", "TO", "RP", "DT"):
            return True  # (a base form the lexicon reads as a noun: "boats that come close to the coast")
        if not (token.tag.startswith(("NN", "JJ", "DT", "PRP", "CD")) or token.lower in DETERMINERS):
            return False
    return False
