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

The rules by what they decide: :mod:`.neighbours` (single words by their neighbours), :mod:`.nouns`
(words read as verbs that are nouns), :mod:`.participles` (participles and past tenses), :mod:`.agreement`
(verbs by their agreement with the subject), :mod:`.verbs` (the verb of a sentence that has none, coordinated
verbs) and :mod:`.clauses` (the verb of each clause, after the sentence's own); what they share is in
:mod:`.words` (lexicons, what a word is) and :mod:`.phrases` (where a word stands). :func:`correct` runs the rules
on one sentence, as :func:`portal.reports.grammar.tag` does after the tagger.
"""

from __future__ import annotations

from portal.reports import opinion, reasons
from portal.reports.grammar import (
    Token, _previous_word, base_form, can_be_noun, can_be_verb, lemmas, lexicon_tag, state_words, third_person_form,
    verb_lemma,
)
from portal.reports.tagging.words import (
    BE_HAVE, CLAUSE_BOUNDARIES, CONTENT_NOUNS, FINITE, OPENING_SUBORDINATORS, QUANTITY_PRONOUNS, SUBORDINATORS,
    VERBS_WITH_OF, object_starts, participle_form, past_form,
)
from portal.reports.tagging.phrases import (
    acronym_in_parentheses, comma_between_names, ends_a_title, next_subordinate, object_after_places_and_dates,
    object_follows, object_of_preposition, single_phrase, verb_follows_unjoined,
)
from portal.reports.tagging.agreement import (
    a_name_its_verb_and_its_object, bare_verbs_after_a_plural_subject, nouns_joined_by_and,
    past_of_a_name_before_its_object, plural_noun_then_its_verb, plurals_before_their_verb,
    present_before_that_and_its_clause, verb_after_a_share_of_whom, verb_after_an_object_relative,
    verb_agreeing_with_a_singular_subject,
)
from portal.reports.tagging.neighbours import correct_words, words_after_their_neighbour
from portal.reports.tagging.relatives import verb_after_a_passive_in_the_subject
from portal.reports.tagging.nouns import (
    noun_after_an_opening_phrase, nouns_after_a_share_of_them, nouns_before_their_past,
    nouns_before_their_relative_clause_and_verb, nouns_ending_a_phrase, nouns_in_a_phrase,
    nouns_inside_noun_phrases, nouns_of_a_compound, nouns_of_a_phrase_after_the_verb, nouns_of_an_object,
    nouns_of_listed_examples, nouns_without_object, plural_and_its_verb_after_a_plural, plural_subject_after_which,
    plurals_after_a_determiner_or_a_verb, words_of_names,
)
from portal.reports.tagging.participles import (
    absolute_participles, participle_after_a_comma_before_as, participle_after_a_share_of_it, participle_before_the_verb,
    participle_in_an_opening_phrase, participle_joined_to_a_participle, participles_after_as, participles_before_a_date_and_verb, participles_of_a_share,
    participle_with_its_agent_before_the_verb, participles_of_participles, verb_before_an_insert_and_its_object,
    verb_before_that_and_its_clause,
)
from portal.reports.tagging.joined import verbs_in_a_series
from portal.reports.tagging.verbless import verb_after_an_insert, verb_after_relative_pronoun
from portal.reports.tagging.verbs import correct_clauses


def _verb_after_its_subject(tokens: list[Token], index: int) -> bool:
    """Tell whether the words from ``index`` are a noun phrase (with its phrases) and then a finite verb: the subject
    of a clause that "that" opens, and its verb ("that head teachers and school committees have bought")."""
    position = index + 1
    while position < len(tokens) and tokens[position].tag in ("NN", "NNS", "NNP", "JJ", "DT", "IN", "CC", "CD", "PRP$") \
            and tokens[position].lower not in CLAUSE_BOUNDARIES:
        position += 1
    return position > index + 1 and position < len(tokens) and tokens[position].tag in ("VBP", "VBZ", "VBD", "MD") \
        and not tokens[position].quoted


def _after_its_verb_and_object(tokens: list[Token], index: int) -> bool:
    """Tell whether a verb of the same clause comes before ``index``, with nothing that opens another clause between
    (unlike :func:`.phrases.finite_in_clause`, "where" ends the clause: "the buildings where people live")."""
    for before in range(index - 1, -1, -1):
        if tokens[before].text in ",;:" or tokens[before].lower in CLAUSE_BOUNDARIES:
            return False
        if tokens[before].tag in FINITE and not tokens[before].quoted:
            return True
    return False


def correct(tokens: list[Token]) -> None:
    """Correct the tagger's tags of one sentence where the sentences of States' answers mislead it."""
    words_after_their_neighbour(tokens)
    correct_words(tokens)
    noun_after_an_opening_phrase(tokens)
    plural_and_its_verb_after_a_plural(tokens)
    _nouns_after_an_article(tokens)
    _names_with_capitals_inside(tokens)
    if tokens and tokens[0].tag in ("NN", "NNP") and tokens[0].text[1:].islower() and (
            lexicon_tag(tokens[0].lower) == "NNS" or not lexicon_tag(tokens[0].lower) and tokens[0].lower.endswith("s")
            and tokens[0].lower[:-1] in lemmas(tokens[0].lower).get("NOUN", ())):
        tokens[0].tag = "NNS"  # "Pirates attack the fishermen": a plural opening its sentence, capitalised
    plural_noun_then_its_verb(tokens)
    _words_inside_names_and_after_per(tokens)
    words_of_names(tokens)
    nouns_inside_noun_phrases(tokens)
    participles_of_participles(tokens)
    participles_of_a_share(tokens)
    plurals_after_a_determiner_or_a_verb(tokens)
    plural_subject_after_which(tokens)
    correct_clauses(tokens)
    nouns_in_a_phrase(tokens)
    nouns_without_object(tokens)
    nouns_before_their_relative_clause_and_verb(tokens)
    verb_after_relative_pronoun(tokens)
    nouns_of_listed_examples(tokens)
    participle_before_the_verb(tokens)
    nouns_of_an_object(tokens)
    nouns_of_a_phrase_after_the_verb(tokens)
    verbs_in_a_series(tokens)
    absolute_participles(tokens)
    participles_before_a_date_and_verb(tokens)
    participle_in_an_opening_phrase(tokens)
    participle_after_a_share_of_it(tokens)
    participle_after_a_comma_before_as(tokens)
    participles_after_as(tokens)
    participle_joined_to_a_participle(tokens)
    verb_before_an_insert_and_its_object(tokens)
    verb_before_that_and_its_clause(tokens)
    participle_with_its_agent_before_the_verb(tokens)
    nouns_of_a_compound(tokens)
    nouns_ending_a_phrase(tokens)
    nouns_after_a_share_of_them(tokens)
    nouns_before_their_past(tokens)
    for token in tokens:
        if token.lower in ("have", "has") and token.tag.startswith("NN"):
            token.tag = "VBP" if token.lower == "have" else "VBZ"  # never a noun in a State's answer
    _words_the_dictionary_knows(tokens)
    _no_sentence_opens_with_its_verb(tokens)
    _after_that_or_an_object(tokens)
    _nouns_after_be(tokens)
    _words_by_the_words_around(tokens)
    _heads_after_a(tokens)
    _lower_case_words_are_no_names(tokens)
    for index, token in enumerate(tokens[1:-1], start=1):
        if tokens[index - 1].lower == "whose" and token.tag.startswith("VB") and tokens[index + 1].tag.startswith("NN"):
            token.tag = "JJ"  # "whose lay magistrates apply": a noun phrase follows "whose", never a verb
        elif token.tag == "NNS" and third_person_form(token.lower) and ends_a_title(tokens, index - 1) \
                and (object_starts(tokens[index + 1]) or tokens[index + 1].lower in ("not", "also")):
            token.tag = "VBZ"  # "the Anti-Gang Act, 2021 makes it an offence", "Decree No. 66/2012 lists not only"
        elif token.tag == "VBZ" and tokens[index - 1].lower in ("them", "us", "him", "me") \
                and can_be_noun(token.lower) \
                and (tokens[index + 1].lower in ("or", "and") or tokens[index + 1].text in ",.;"):
            token.tag = "NNS"  # "offering them grants or invitations": an object pronoun is no subject
        elif token.tag == "VBD" and tokens[index - 1].lower == "than" and participle_form(token.lower):
            token.tag = "VBN"  # "much more money than agreed": what was agreed, no clause of its own
        elif token.tag == "VBN" and tokens[index + 1].lower in ("them", "it", "us", "him", "me") \
                and past_form(token.lower) and tokens[_previous_word(tokens, index)].lower not in BE_HAVE \
                and tokens[_previous_word(tokens, index)].tag.startswith(("NN", "PRP", ")")):
            token.tag = "VBD"  # "although the Authority (SLTDA) never classified them": a participle takes no pronoun
        elif token.lower == "live" and tokens[index - 1].tag in ("IN", "DT", "CC") \
                and tokens[index + 1].tag in ("NN", "NNS"):
            token.tag = "JJ"  # "in live animals", "the live broadcast": an adjective before its noun
        elif token.lower == "live" and token.tag.startswith("VB") and tokens[index - 1].tag in ("NN", "NNS") \
                and _after_its_verb_and_object(tokens, index):
            token.tag = "RB"  # "broadcast the 52 sessions live through its own signal": how, after the verb's object
        elif token.lower == "known" and tokens[index + 1].lower == "as" and token.tag.startswith("VB"):
            token.tag = "VBN"  # "the Infrastructure known as the Deep Blue Project": a name given, never a verb
        elif token.tag in ("VBN", "VBD") and tokens[index - 1].lower in ("a", "an") and not verb_lemma(token.lower) \
                and not lemmas(token.lower):
            token.tag = "NN"  # "when a shebeen sells alcohol": a word no lexicon knows, after "a", is a noun
        elif token.tag == "VBZ" and tokens[index - 1].lower == "and" and can_be_noun(token.lower) and index > 3 \
                and tokens[index - 2].tag.startswith("NN") and tokens[index - 3].text == "," \
                and tokens[index + 1].text in ",.;" and not token.quoted:
            token.tag = "NNS"  # "of wolves, lynx and bears, which": the last noun of a list of nouns
        elif token.tag == "VBZ" and can_be_noun(token.lower) and token.text.islower() and not token.quoted \
                and tokens[index + 1].tag == "IN" and tokens[index + 1].lower != "of" and index + 2 < len(tokens) \
                and tokens[index + 2].lower in ("which", "whom"):
            token.tag = "NNS"  # "rules under which the banks should stop a transfer": a noun and its relative clause
        elif token.tag == "VBZ" and tokens[index - 1].lower == "and" and can_be_noun(token.lower) and index > 3 \
                and tokens[index - 2].tag == "NNS" and tokens[index + 1].text in ",.;" and not token.quoted \
                and object_of_preposition(tokens, index - 2) \
                and next((t.tag for t in reversed(tokens[:index - 1]) if t.tag in FINITE), "VBZ") in ("VBD", "MD"):
            token.tag = "NNS"  # "he hid the transfers by false receipts for tournaments and travels.": a noun after a
            # preposition's plural, at the clause's end, where a verb in the present would not follow a past
        elif token.tag == "VBZ" and can_be_noun(token.lower) and token.text.islower() and not token.quoted and (
                tokens[index - 1].lower in ("following", "including", "concerning", "regarding")
                or tokens[index - 1].lower == "like" and tokens[index - 2].text == ","  # ", like mirrors, headlights"
                or tokens[index - 1].lower == "to" and tokens[index - 2].lower in PREPOSITIONAL_TO
                or tokens[index - 1].lower in ("many", "several", "few", "most", "some")
                and tokens[index + 1].tag in ("VBP", "VB", "VBN") and base_form(tokens[index + 1].lower)
                or tokens[index - 1].tag == "NN" and tokens[index + 1].tag == "VBG" and tokens[index + 1].lower != "being"):
            # "following leads from students", "thanks to leads from", "Many calls come from", "kidnapping calls
            # targeting students": a noun phrase's plural
            token.tag = "NNS"
            if tokens[index - 1].lower in ("many", "several", "few", "most", "some") and tokens[index + 1].tag != "VBP":
                tokens[index + 1].tag = "VBP"  # and the base form after it is its verb
        elif token.tag == "NNS" and index == 1 and tokens[0].tag == "NNP" and tokens[0].lower in state_words() \
                and third_person_form(token.lower) and verb_lemma(token.lower) and not token.quoted \
                and (tokens[index + 1].text == "," or object_starts(tokens[index + 1])):
            token.tag = "VBZ"  # "Spain guarantees, since the reform of 2015, a lawyer": a State has no plural
        elif token.tag == "VBZ" and tokens[index - 1].tag in ("VBD", "VBN") and index >= 2 \
                and tokens[index - 2].tag == "NNS" \
                and tokens[index + 1].tag == "IN" \
                and can_be_noun(token.lower) and token.text.islower() and not token.quoted:
            token.tag = "NNS"  # "the same companies presented offers with": no verb follows a verb in the past
        elif token.tag == "RB" and third_person_form(token.lower) and verb_lemma(token.lower) and not token.quoted \
                and tokens[index - 1].tag == "NN" and tokens[index + 1].lower in ("the", "a", "an", "its", "their"):
            token.tag = "VBZ"  # "and the desk forwards the reports": a verb, not the adverb
        elif token.tag == "VBZ" and tokens[index - 1].tag == "NNP" and tokens[index - 1].text.isupper() \
                and index >= 2 and tokens[index - 2].lower in ("the", "their", "its") and tokens[index + 1].lower == "of" \
                and can_be_noun(token.lower) and verb_lemma(token.lower) not in VERBS_WITH_OF and not token.quoted:
            token.tag = "NNS"  # "the IP addresses of the connections": an acronym's noun, not its verb
        elif token.tag == "VBZ" and can_be_noun(token.lower) and token.text.islower() and not token.quoted \
                and tokens[index - 1].text == "," and index >= 3 and tokens[index - 2].tag in ("NNS", "NN") \
                and tokens[index + 1].tag == "IN" and object_of_preposition(tokens, index - 2) \
                and any(t.tag in FINITE and not t.quoted for t in tokens[:index - 1]) \
                and any(t.lower == "and" for t in tokens[index + 1:]):
            token.tag = "NNS"  # "the use of dogs, drones with thermal cameras": a list after a preposition goes on
        elif token.tag in ("NN", "VB") and token.text.islower() and not token.quoted and base_form(token.lower) \
                and can_be_verb(token.lower) and _verb_of_a_relative_with_its_subject(tokens, index):
            token.tag = "VBP"  # "The agreement which the parties sign can be taken into account": the relative's verb
        elif token.tag == "NNS" and token.text.islower() and not token.quoted and third_person_form(token.lower) \
                and can_be_verb(token.lower) and _verb_of_a_relative_with_its_subject(tokens, index, singular=True):
            token.tag = "VBZ"  # "a private action, which the victim files directly to the court": the relative's verb
        elif token.tag in ("VB", "VBP", "VBZ") and tokens[index - 1].lower == "that" and index >= 2 \
                and can_be_noun(token.lower) and token.text.islower() and not token.quoted \
                and (tokens[index - 2].tag in ("PRP", "VBD", "VBZ", "VBP", "VBN", "VB")
                     or tokens[index - 2].lower.removesuffix("s") in CONTENT_NOUNS
                     or tokens[index - 2].tag == "NNS" and token.tag == "VBZ") \
                and (tokens[index + 1].tag in ("VBG", "NN", "NNS") or _verb_after_its_subject(tokens, index)):
            # "has informed us that voice phishing organizations send", "informations that head teachers and school
            # committees have bought", "recommended to its members that refunds without a receipt are given" (a plural
            # and an -s word do not agree): "that" opens the subject, not a relative clause
            token.tag = "NNS" if token.tag == "VBZ" else "NN"
        elif token.tag in ("VB", "VBP") and tokens[index + 1].lower == "of" and can_be_noun(token.lower) \
                and token.text.islower() and not token.quoted and verb_lemma(token.lower) not in VERBS_WITH_OF \
                and tokens[index - 1].tag in ("NNP", "NN", "JJ", "DT"):
            token.tag = "NN"  # "the ESTUDES survey of 2023 shows": a verb takes no "of" (but "consist of")
        elif token.lower == "won" and (tokens[index - 1].tag == "CD" or tokens[index - 1].lower in ("million", "billion")):
            token.tag = "NN"  # "180 billion won": the currency of the Republic of Korea
        elif token.tag in ("VB", "VBP", "NN") and base_form(token.lower) and ends_a_title(tokens, index - 1) \
                and tokens[index - 2].text == "," and tokens[index - 3].lower.endswith("s") and object_starts(tokens[index + 1]):
            token.tag = "VBP"  # "the ... Regulations, 2020 require the verification": a plural title's verb
        elif token.tag == "NNS" and token.text.islower() and not token.quoted and third_person_form(token.lower) \
                and can_be_verb(token.lower) and _after_a_dated_title(tokens, index) \
                and (tokens[index + 1].tag in ("IN", "DT", "PRP$", "CD") or object_starts(tokens[index + 1])) \
                and not any(t.tag in FINITE and not t.quoted for t in tokens[:index]):
            token.tag = "VBZ"  # "the Muluki Criminal Code, 2074 (2017) fixes for each offence": a title's verb
        elif token.tag in ("VB", "VBP") and tokens[index - 1].lower in ("and", "or") and tokens[index + 1].tag.startswith("NN") \
                and any(t.lower == token.lower and t.tag.startswith("NN") for t in tokens[max(0, index - 4):index - 1]):
            token.tag = "NN"  # "for hate crimes and hate speech": the same modifier as in the phrase before
        elif token.tag == "VBZ" and tokens[index - 1].text == "," and index > 1 and tokens[index - 2].tag == "NNS" \
                and (tokens[index + 1].lower in ("and", "or", ",") or _list_goes_on(tokens, index + 1)) \
                and can_be_noun(token.lower) and not token.quoted \
                and not any(t.tag in ("VBZ", "MD") and not t.quoted and not (t.lower in ("has", "is") and tokens[i + 1].tag == "VBN")
                            for i, t in enumerate(tokens[:index])):
            # (not "receives reports, investigates and refers cases": a verb like it before)
            token.tag = "NNS"  # "1,250 motors, dredges and other equipments": a noun of a list of nouns
    a_name_its_verb_and_its_object(tokens)
    verb_agreeing_with_a_singular_subject(tokens)
    past_of_a_name_before_its_object(tokens)
    plurals_before_their_verb(tokens)
    present_before_that_and_its_clause(tokens)
    bare_verbs_after_a_plural_subject(tokens)
    verb_after_an_object_relative(tokens)
    verb_after_a_share_of_whom(tokens)
    verb_after_an_insert(tokens)
    nouns_joined_by_and(tokens)
    _verb_of_a_clause_run_into_the_next(tokens)
    _verb_before_the_colon_of_a_list(tokens)
    verb_after_a_passive_in_the_subject(tokens)
    for index, token in enumerate(tokens[1:-1], start=1):
        if token.tag == "VBZ" and tokens[index - 1].lower.endswith(("'s", "\u2019s")) and can_be_noun(token.lower) \
                and tokens[index + 1].tag in ("IN", "VBP", "VB", "NN", "MD"):
            token.tag = "NNS"  # "the children's judges of Brazzaville privilege": the noun of a possessive
    _participles_the_second_tagger_is_sure_of(tokens)


def _participles_the_second_tagger_is_sure_of(tokens: list[Token]) -> None:
    """Where the rules took a past form for the verb but were not sure (the word stays flagged), the second tagger
    (:mod:`portal.reports.opinion`) decides for a participle when it is sure of one. Measured on the corpus, where it
    had flagged pasts to turn, 5 cases came out as the editor writes them that had not; letting it decide between
    nouns and verbs gained nothing (14 cases and 13 lost). A past form with its object stays the verb."""
    if not any(token.uncertain and token.tag == "VBD" for token in tokens):
        return
    for index, sure in enumerate(opinion.sure_tags([token.text for token in tokens])):
        token = tokens[index]
        if token.uncertain and token.tag == "VBD" and sure == "VBN" and not token.quoted \
                and not object_follows(tokens, index + 1) and not object_after_places_and_dates(tokens, index + 1):
            token.tag = "VBN"  # (not "and issued in 2022 a model regulation": a past with its object is the verb)


def _words_the_dictionary_knows(tokens: list[Token]) -> None:
    """A word tagged as a verb that lemminflect knows only as something else is that; a word tagged as an adjective
    after a determiner that it knows only as a noun is a noun ("When the call causes the deployment")."""
    for index, token in enumerate(tokens):
        known = lemmas(token.lower) if token.text.isalpha() and token.text.islower() and not token.quoted \
            and token.lower not in ("other", "same", "own", "such", "former", "latter") else {}  # (determiners)
        if known and token.tag.startswith("VB") and "VERB" not in known:
            token.tag = lexicon_tag(token.lower) or "NN"  # "patrols the sites day and night": no verb the dictionary knows
        elif known and token.tag == "JJ" and "ADJ" not in known and "NOUN" in known and index \
                and tokens[index - 1].lower in ("the", "a", "an", "each", "every", "this") \
                and index + 1 < len(tokens) and tokens[index + 1].tag.startswith(("NN", "VB")):
            token.tag = "NN"  # "When the call causes the deployment": a noun, which the dictionary knows as no adjective


def _no_sentence_opens_with_its_verb(tokens: list[Token]) -> None:
    """A word in "-s" opening a sentence before a preposition is a plural ("Attacks with ransomware have caused"), and
    so is one after a common noun opening it, before a comma ("Video calls, free of charge")."""
    stop = next_subordinate(tokens, 0)
    if len(tokens) > 2 and tokens[0].tag == "VBZ" and tokens[0].text[:1].isupper() and not tokens[0].quoted \
            and can_be_noun(tokens[0].lower) and tokens[1].tag in ("IN", "TO") \
            and (stop == len(tokens) or any(t.tag in FINITE and not t.quoted for t in tokens[2:stop])):
        # "Attacks with ransomware ... have caused": no sentence of an answer opens with its verb (but an item may
        # continue its lead-in with one: "(b) Stays with the child until the parents arrive")
        tokens[0].tag = "NNS"
    if len(tokens) > 2 and tokens[1].tag == "VBZ" and tokens[2].text == "," and not tokens[1].quoted \
            and can_be_noun(tokens[1].lower) and lexicon_tag(tokens[0].lower) in ("NN", "NNS") \
            and not any(t.tag in FINITE and not t.quoted for t in tokens[2:]):
        tokens[1].tag = "NNS"  # "video calls, free of charge": a noun and its plural, with no verb after them
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    if comma is not None and 1 < comma < len(tokens) - 3 and tokens[0].tag == "IN" \
            and (tokens[0].lower not in SUBORDINATORS or tokens[1].tag == "CD") \
            and single_phrase(tokens[:comma]) and not any(t.tag in FINITE for t in tokens[:comma]):
        word = tokens[comma + 1]  # "Since 2023, nurses in 12 health centres ... can collect": the subject's plural
        stop = next_subordinate(tokens, comma + 1)
        if word.tag == "VBZ" and word.text.islower() and not word.quoted and can_be_noun(word.lower) \
                and tokens[comma + 2].tag in ("IN", "TO") \
                and any(t.tag in FINITE and not t.quoted for t in tokens[comma + 3:stop]):
            word.tag = "NNS"


def _after_that_or_an_object(tokens: list[Token]) -> None:
    """A word after "that" whose clause has its verb later is a noun ("stresses that hate crimes ... have increased");
    a verb after the object of "hear", "see" and the like is a bare infinitive ("hear victims speak")."""
    for index, token in enumerate(tokens[2:-1], start=2):
        content = tokens[index - 1].lower == "that" and (tokens[index - 2].tag.startswith("VB")
                                                         or tokens[index - 2].lower in CONTENT_NOUNS)
        if content and token.tag in ("VB", "VBP") and token.text.islower() \
                and can_be_noun(token.lower) and tokens[index + 1].tag in ("NN", "NNS") and not token.quoted \
                and _verb_of_its_own_after(tokens, index + 1):
            token.tag = "NN"  # "stresses that hate crimes ... have increased": the clause's verb comes later
        elif content and token.tag == "VBZ" and token.text.islower() and not token.quoted \
                and can_be_noun(token.lower) and tokens[index + 1].tag in ("IN", "TO") and tokens[index + 1].lower != "that" \
                and _verb_of_its_own_after(tokens, index):
            token.tag = "NNS"  # "concern that answers to the tests ... are sold"
        elif tokens[index - 1].lower == "that" and tokens[index - 2].tag in ("NN", "NNP") and not content \
                and token.tag == "NNS" and token.text.islower() and not token.quoted and third_person_form(token.lower) \
                and (tokens[index + 1].tag in ("NN", "DT", "PRP$") and not _verb_of_its_own_after(tokens, index)
                     or _noun_before_a_preposition(tokens, index + 1)):
            token.tag = "VBZ"  # "any conduct that configures retention": "that" as a determiner takes no plural
            if tokens[index + 1].tag in ("VB", "VBP"):
                tokens[index + 1].tag = "NN"  # "any act that causes harm to a child"
        elif token.tag in ("VBP", "VB") and base_form(token.lower) and tokens[index - 1].tag in ("NNS", "PRP") \
                and _after_object_of_perception(tokens, index - 1):
            token.tag = "VB"  # "young offenders hear victims speak": a bare infinitive after the object


def _noun_before_a_preposition(tokens: list[Token], index: int) -> bool:
    """Tell whether the word at ``index``, read as a base form, may be a noun ending its phrase: "harm to a child"."""
    return index + 1 < len(tokens) and tokens[index].tag in ("VB", "VBP") and tokens[index].text.islower() \
        and can_be_noun(tokens[index].lower) and tokens[index + 1].tag in ("IN", "TO") and tokens[index + 1].lower != "that"


def _nouns_after_be(tokens: list[Token]) -> None:
    """A word in "-s" after "is", "are", "was" or "were" is a noun: "who are not suspects"."""
    for index, token in enumerate(tokens[1:], start=1):
        before = _previous_word(tokens, index)
        if token.tag == "VBZ" and before >= 0 and tokens[before].lower in ("is", "are", "was", "were") \
                and can_be_noun(token.lower) and token.text.islower() and not token.quoted:
            token.tag = "NNS"  # "who are not suspects": no verb in the present follows "be"


# Adverbs of time and frequency that stand between a subject and its verb.
FREQUENCY = frozenset("longer never always often usually rarely seldom sometimes still increasingly generally".split())


def _words_by_the_words_around(tokens: list[Token]) -> None:
    """"lay" before a noun, "does not", a name opening a sentence and its verb ("Georgia notes with concern that"),
    "some" with its verb and object ("and some sent edited photos"), an adjective after a preposition ("of live
    birds")."""
    for index, token in enumerate(tokens[1:-1], start=1):
        following = tokens[index + 1]
        if token.lower == "lay" and following.tag in ("NN", "NNS") and not token.quoted \
                and (token.tag == "VBD" or not tokens[index - 1].tag.startswith(("NN", "PRP"))):
            token.tag = "JJ"  # "lay judges", "each lay judge": not the past of "lie"
        elif following.lower == "not" and (token.lower == "does" or token.lower == "do" and token.tag.startswith("NN")):
            token.tag = "VBZ" if token.lower == "does" else "VBP"  # "whose declared origin does not match"
        elif token.tag == "NNS" and not token.quoted and token.text.islower() and third_person_form(token.lower) \
                and all(t.tag in ("NNP", "NNPS") or t.lower == "the" for t in tokens[:index]) \
                and tokens[index - 1].tag == "NNP" and (following.lower in ("that", "with", "the", "its") or following.tag == "PRP$") \
                and not verb_follows_unjoined(tokens, index, len(tokens)):
            token.tag = "VBZ"  # "Georgia notes with concern that": a name opening the sentence, then its verb
        elif token.tag in ("VBN", "VBD") and tokens[index - 1].lower in QUANTITY_PRONOUNS | {"others"} \
                and index > 1 and tokens[index - 2].lower in ("and", ",") and participle_form(token.lower) \
                and (object_starts(following) and not following.tag.startswith("VB") or following.tag == "VBN"
                     and index + 2 < len(tokens) and tokens[index + 2].tag.startswith("NN")) \
                and not verb_follows_unjoined(tokens, index, len(tokens)):
            # (not "and some accused persons have waited")
            token.tag = "VBD"  # "and some sent edited photos to their relatives": a pronoun, its verb and an object
        elif token.tag in ("VB", "VBP") and tokens[index - 1].lower in ("of", "for", "with", "on", "about", "from") \
                and following.tag in ("NN", "NNS") and following.text.islower() and not token.quoted \
                and "ADJ" in lemmas(token.lower):
            token.tag = "JJ"  # "the identification of live birds": no verb follows a preposition
        elif token.tag in ("VB", "NN", "NNP") and base_form(token.lower) and not token.quoted and token.text.islower() \
                and tokens[index - 1].lower in FREQUENCY and index > 1 \
                and (tokens[index - 2].tag in ("NNS", "NNPS") or tokens[index - 2].lower in ("we", "they")
                     or tokens[index - 1].lower == "longer" and tokens[index - 2].lower == "no" and index > 2
                     and (tokens[index - 3].tag in ("NNS", "NNPS") or tokens[index - 3].tag == "VBZ"
                          and can_be_noun(tokens[index - 3].lower))):
            token.tag = "VBP"  # "magistrates no longer take notes", "victims often refuse": a plural, an adverb, its verb
            if tokens[index - 1].lower == "longer" and tokens[index - 3].tag == "VBZ":
                tokens[index - 3].tag = "NNS"  # ("clerks no longer write": the plural, not a verb)


def _nouns_after_an_article(tokens: list[Token]) -> None:
    """A past form after "a" and before a conjunction, a preposition or a mark is a noun of the same form: "lose a set
    or a game", "a cut in the budget", "a bid for". A word in -s after "all" after a verb, a preposition or a year is
    a plural noun: "to issue all permits online"."""
    for index, token in enumerate(tokens[1:-1], start=1):
        if token.tag in ("VBN", "VBD") and tokens[index - 1].lower in ("a", "an") and can_be_noun(token.lower) \
                and token.text.islower() and not token.quoted \
                and (tokens[index + 1].tag in ("CC", "IN", "TO") or tokens[index + 1].text in ",.;:)"):
            token.tag = "NN"
        elif token.tag == "VBZ" and tokens[index - 1].lower == "all" and index >= 2 and can_be_noun(token.lower) \
                and token.text.islower() and not token.quoted \
                and (tokens[index - 2].tag.startswith("VB") or tokens[index - 2].tag in ("IN", "TO", "CD")):
            token.tag = "NNS"  # "to issue all permits online", "suspended in 2023 all permits": a verb's object


def _heads_after_a(tokens: list[Token]) -> None:
    """A word after a plural modifier that goes back to "a" is the head of the phrase: "a security operations centre"."""
    for index, token in enumerate(tokens[2:], start=2):
        if token.tag in ("VBP", "VB") and tokens[index - 1].tag == "NNS" and can_be_noun(token.lower) \
                and token.text.islower() and not token.quoted and _after_singular_article(tokens, index - 1):
            token.tag = "NN"  # "a shared security operations centre": "a" wants a singular head
        elif token.tag in ("VBP", "VB") and tokens[index - 1].tag == "NN" and tokens[index - 1].text.islower() \
                and tokens[index - 2].lower in ("a", "an") and can_be_noun(token.lower) and token.text.islower() \
                and not token.quoted and index + 1 < len(tokens) and tokens[index + 1].tag == "NN":
            token.tag = "NN"  # "a police record check": a noun between the nouns of one phrase
        elif token.tag in ("VBP", "VB") and tokens[index - 1].lower == "and" and tokens[index - 2].tag == "NN" \
                and lexicon_tag(token.lower) == "NN" and token.text.islower() and not token.quoted \
                and index + 2 < len(tokens) and tokens[index + 1].lower == "to" and tokens[index + 2].tag == "VB" \
                and any(t.tag in FINITE for t in tokens[:index - 2]):
            token.tag = "NN"  # "who inhale glue and fuel to forget the hunger": a second object, then the purpose


def _lower_case_words_are_no_names(tokens: list[Token]) -> None:
    """A lower-case word is no name ("traffickers increasingly use Facebook"), unless a particle inside one ("Casas do
    Direito")."""
    for index, token in enumerate(tokens[1:-1], start=1):
        if token.tag in ("NNP", "NNPS") and token.text.isalpha() and token.text.islower() and not token.quoted \
                and not (token.lower in NAME_PARTICLES and tokens[index - 1].text[:1].isupper()
                         and tokens[index + 1].text[:1].isupper()):
            # "traffickers increasingly use Facebook": a lower-case word is no name, unless inside one ("Casas do Direito")
            token.tag = lexicon_tag(token.lower) or "NN"


def _after_a_dated_title(tokens: list[Token], index: int) -> bool:
    """Tell whether the word at ``index`` follows a capitalised title and its year after a comma, the year of another
    calendar with its own in brackets if any: "the Criminal Code, 2017", "the Muluki Criminal Code, 2074 (2017)"."""
    position = index - 1
    if position >= 3 and tokens[position].text == ")" and tokens[position - 1].tag == "CD" and tokens[position - 2].text == "(":
        position -= 3
    return position >= 2 and tokens[position].tag == "CD" and tokens[position - 1].text == "," \
        and tokens[position - 2].text[:1].isupper() and tokens[position - 2].is_word


def _verb_of_a_relative_with_its_subject(tokens: list[Token], index: int, *, singular: bool = False) -> bool:
    """Tell whether the base form at ``index`` is the verb of a relative clause whose plural subject follows "which",
    "that" or "whom" after a noun, before a verb of the sentence or a preposition: "The agreement which the parties sign
    can be", "a fault which the hippodromes of Palermo and San Isidro sanction with fines". With ``singular``, whether
    the word in -s at ``index`` is the verb of such a clause with a singular subject, before an adverb or a preposition:
    "a consignment, which the judge fixes according to their resources"."""
    position = index - 1
    while position > 0 and (tokens[position].tag in ("DT", "PRP$", "JJ", "NN", "NNS", "NNP", "NNPS", "CD")
                            or tokens[position].lower in ("of", "and") or tokens[position].text == ","
                            and comma_between_names(tokens, position)
                            or tokens[position].text in "()" and acronym_in_parentheses(tokens, position)):
        position -= 1
    antecedent = tokens[position - 1].tag.startswith("NN") or position >= 2 and tokens[position - 1].tag == "JJ" \
        and tokens[position - 2].lower in ("a", "an", "the") and can_be_noun(tokens[position - 1].lower)
    # ("in a register which the client signs": the tagger's adjective after an article is the noun)
    if position < 1 or tokens[position].lower not in ("which", "that", "whom") \
            or not (antecedent or singular and position >= 2 and tokens[position - 1].text == ","
                    and tokens[position - 2].tag.startswith("NN") and tokens[position].lower != "that") \
            or tokens[position + 1].tag not in ("DT", "PRP$"):
        return False
    head = next((i for i in range(position + 1, index) if tokens[i].lower == "of"), index) - 1  # "the hippodromes"
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if singular and tokens[index - 1].text == ")" and acronym_in_parentheses(tokens, index - 1):
        head = index - 4 if index >= 4 else head  # "a problem which the Ministry of Environment (MARN) addresses with"
        return head == index - 4 and tokens[head].tag == "NNP" and following is not None \
            and (following.tag in ("RB", "TO") or following.tag == "IN" and following.lower != "of" or following.text in ".;,")
    if singular:
        # ("the death certificates which the Ministry of Health issues are sent": a name, then the sentence's verb)
        name = tokens[head].tag == "NNP" and all(t.tag == "NNP" or t.lower == "of" for t in tokens[head + 1:index])
        return following is not None and (
            head == index - 1 and tokens[head].tag == "NN" and tokens[head].text.islower()
            and (following.tag in ("RB", "TO") or following.tag == "IN" and following.lower != "of"
                 or following.lower == "according" or following.text in ".;,")
            or name and following.tag in ("VBP", "VBZ", "VBD", "MD") and not following.quoted)
    return tokens[head].tag == "NNS" and following is not None and (
        following.tag in ("MD", "VBZ", "VBP", "VBD") or following.tag == "IN" and following.lower != "of")


# Words before which "to" is a preposition: "thanks to leads from the public".
PREPOSITIONAL_TO = frozenset("thanks due according owing addition prior contrary access".split())


def _words_inside_names_and_after_per(tokens: list[Token]) -> None:
    """A capitalised modal between two capitalised words is a word of a name ("Tin Can Island"); the word after "per"
    is a noun ("3,000 euros per match"); a word read as a verb between a preposition and a noun in -ing is its
    modifier ("platforms of live streaming")."""
    for index in range(1, len(tokens) - 1):
        token, before, after = tokens[index], tokens[index - 1], tokens[index + 1]
        if token.tag == "MD" and token.text[:1].isupper() and before.tag == "NNP" and after.text[:1].isupper() \
                and after.tag.startswith("NN"):
            token.tag = "NNP"
        elif before.lower == "per" and token.text.islower() and token.tag.startswith("VB") and can_be_noun(token.lower):
            token.tag = "NNS" if third_person_form(token.lower) else "NN"
        elif token.tag in ("VB", "VBP") and before.tag == "IN" and before.lower not in ("that", "if", "because") \
                and after.lower.endswith("ing") and after.tag in ("VBG", "NN") and token.text.islower():
            token.tag = "JJ"


def _names_with_capitals_inside(tokens: list[Token]) -> None:
    """A word with a capital inside it and none at its start is a name: "eThekwini", "eSwatini". A Roman numeral
    after a name in capitals is the name's: "the sinking of the KAZU I", not the pronoun "I"."""
    for index, token in enumerate(tokens):
        if token.text.isalpha() and token.text[:1].islower() and not token.text.islower() and not token.quoted:
            token.tag = "NNP"
        elif token.text in ("I", "II", "III", "IV") and index and tokens[index - 1].tag == "NNP" \
                and tokens[index - 1].text.isupper() and len(tokens[index - 1].text) > 1:
            token.tag = "NNP"


def _verb_of_a_clause_run_into_the_next(tokens: list[Token]) -> None:
    """A conjunction, a singular noun and a word in -s before the subject of the main clause, with no comma between the
    two clauses: the word is the first clause's verb ("and when the marriage ends her family is forced"), and the main
    clause has a verb of its own after its subject ("when the husband dies his brothers take the house")."""
    for index in range(3, len(tokens) - 2):
        token = tokens[index]
        if token.tag not in ("NNS", "VBZ") or token.quoted or not token.text.islower() \
                or not third_person_form(token.lower) \
                or tokens[index - 1].tag != "NN" or not tokens[index - 1].text.islower() \
                or tokens[index - 2].lower not in ("the", "a", "an", "its", "their", "his", "her", "this", "that") \
                or tokens[index - 3].lower not in OPENING_SUBORDINATORS | {"where", "as"} \
                or tokens[index + 1].tag not in ("PRP$", "DT", "PRP"):
            continue
        end = next((i for i in range(index + 1, len(tokens)) if tokens[i].text in ",;:"), len(tokens))
        if any(t.tag in FINITE and not t.quoted for t in tokens[index + 2:end]):
            token.tag = "VBZ"
            continue
        if token.tag != "VBZ":
            continue
        head = index + 2  # the main clause's subject, then its verb: "his brothers take the house"
        while head + 1 < end and tokens[head + 1].tag in ("NN", "NNS", "JJ") and not can_be_verb(tokens[head + 1].lower):
            head += 1
        verb = head + 1
        if verb + 1 < end and tokens[head].tag in ("NN", "NNS") and tokens[verb].text.islower() and not tokens[verb].quoted \
                and tokens[verb].tag in ("NN", "NNS", "VB", "VBP", "VBZ") and object_starts(tokens[verb + 1]) \
                and (base_form(tokens[verb].lower) if tokens[head].tag == "NNS" else third_person_form(tokens[verb].lower)):
            tokens[verb].tag = "VBP" if tokens[head].tag == "NNS" else "VBZ"


def _verb_before_the_colon_of_a_list(tokens: list[Token]) -> None:
    """The last word of a lead-in, before the colon of its list, after a name and in a clause with no verb, is the
    verb whose object the list is: "and the Ministry of Transport finances:", "the Prosecutor General's Office
    checks:" (flagged: a lead-in may also be a noun phrase)."""
    if len(tokens) < 4 or tokens[-1].text != ":":
        return
    word, head = tokens[-2], tokens[-3]
    common = head.tag == "NN" and head.text.islower() and len(tokens) > 4 and tokens[-4].lower == "the"  # "the police checks:"
    if word.quoted or not word.text.islower() or word.tag not in ("NNS", "NN", "VB") or not can_be_verb(word.lower) \
            or not (head.tag in ("NNP", "NNPS") and head.text[:1].isupper() or common):
        return
    start = max([0] + [i + 1 for i, t in enumerate(tokens[:-2]) if t.text in ",;"])
    if start < len(tokens) and tokens[start].lower in ("and", "but"):
        start += 1
    if any(t.tag in FINITE and not t.quoted for t in tokens[start:-2]) or tokens[start].lower not in ("the", "our", "its"):
        return
    if head.tag in ("NNP", "NN") and third_person_form(word.lower) or head.tag == "NNPS" and base_form(word.lower):
        word.tag = "VBZ" if head.tag in ("NNP", "NN") else "VBP"
        word.uncertain = word.uncertain or reasons.TENSE_MAY_BE_NOUN % {"word": word.text}


def _after_singular_article(tokens: list[Token], index: int) -> bool:
    """Tell whether the words before ``index`` go back to "a", "an", "each" or "every" through modifiers only."""
    position = index - 1
    while position >= 0 and (tokens[position].tag in ("NN", "NNS", "JJ", "VBN", "VBG") and tokens[position].text.islower()):
        position -= 1
    return position >= 0 and tokens[position].lower in ("a", "an", "each", "every")


def _after_object_of_perception(tokens: list[Token], index: int) -> bool:
    """Tell whether the noun phrase ending at ``index`` is the object of "hear", "see", "watch", "let", "help" or
    "make", after which a verb is a bare infinitive ("hear victims speak", "see the judges work")."""
    position = index - 1
    while position > 0 and tokens[position].tag in ("DT", "JJ", "PRP$", "CD"):
        position -= 1
    return position >= 0 and tokens[position].tag in (*FINITE, "VB") and not tokens[position].quoted \
        and verb_lemma(tokens[position].lower) in ("hear", "see", "watch", "let", "help", "make")


# Lower-case words inside names: "Casas do Direito", "Carabineros de Chile", "Bank of England".
NAME_PARTICLES = frozenset("de del della do da dos das di du des la le los las von van der den of and for the".split())

def _verb_of_its_own_after(tokens: list[Token], index: int) -> bool:
    """Tell whether a finite verb follows ``index`` in its clause that no "and" or "or" joins to a verb before it and
    no relative word opens a clause for ("that hate crimes against Jewish and Muslim communities have increased")."""
    repeated = []
    for position in range(index + 1, len(tokens)):
        token = tokens[position]
        if token.text in ",;:()" or token.lower in CLAUSE_BOUNDARIES:
            return False
        if token.tag in FINITE and not token.quoted:
            if token.lower == tokens[index - 1].lower and tokens[position - 1].lower in ("and", "or"):
                repeated.append(token)  # "hate speech and hate crimes": the same modifier again
                continue
            if tokens[position - 1].lower in ("and", "or"):
                return False
            for word in repeated:
                word.tag = "NN"
            return True
    return False


def _list_goes_on(tokens: list[Token], index: int) -> bool:
    """Tell whether the words from ``index`` (a preposition) go on to the "and" or "or" of a list of nouns with no
    verb first: "schools, centres for the victims of violence and agricultural cooperatives"."""
    if tokens[index].tag != "IN":
        return False
    for token in tokens[index + 1:]:
        if token.tag in FINITE or token.text in ";:" or token.lower in CLAUSE_BOUNDARIES:
            return False
        if token.lower in ("and", "or"):
            return True
    return False
