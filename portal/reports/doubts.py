"""A second reading of a generated paragraph against the answer it was written from: where to ask the editor.

The engine decides each word's part of speech with a tagger and the rules of :mod:`portal.reports.tagging`, and
moves the verbs it finds. Measured on held-out answers (sets written by people who never saw the engine), about one
paragraph in ten came out wrong without a flag: a noun put in the past ("access passes" printed "access passed"), a
verb left in the present ("where the police arrive"), "had" put before a participle ("an agreement had signed in
2020"). Each such decision was about a word that may be a noun or a verb, or a past tense or a participle, in a
place that does not settle which.

This reading does not use the engine's tags. It compares the answer's words with the paragraph's, sees what the
engine did with each word that may be a verb (moved it back, kept it, put "had" before it), and asks the editor to
check that word where the dictionaries and the words around it leave the decision open, or where a second tagger,
learnt rather than written (:mod:`portal.reports.opinion`), is sure of a tag that contradicts what the engine did
(a noun moved back, a verb kept in the present, a participle given "had"):

- a word kept in the present where it may be the verb: alone in its clause after a word that may end a subject
  ("where the police arrive."), with an object or an adverb after it ("the police works together"), after "who" or
  a noun and "that" ("every company that processes timber"), after the subject of a relative clause ("through which
  the households share information"), before "that" ("the Service estimate that"), or after "and" with the form of
  the verb moved before it ("prepared programmes and deal with");
- a word moved to the past where it may be a noun: in a clause that already has a finite verb ("it had introduced
  biometric access passed for ..."), opening a list item ("(b) Hated speech on the Internet"), before a relative
  clause that agrees with a plural ("movement permitted, which were checked"), or beside a word that may be the verb
  instead ("the burning releases led and dioxins");
- "had" put before a past form that may be a participle: after a noun, in a sentence with another finite verb and
  no object after it ("the agreement had signed in 2020 provided"), or after a number and its noun opening an item
  ("(a) 11,200 firearms had surrendered voluntarily");
- a past left without "had" where it may be the clause's verb: with an object after it ("the Coast Guard, in
  coordination with the Navy, rescued 17,190 migrants"), after the subject of a relative clause ("in which 46 women
  died"), or as the only verb of the clause the lead-in's "that" opens.

Each flag uses a reason of :mod:`portal.reports.reasons` (translated where the editor reads it).

The figures (bench/second_reading.py prints them): of the 211 paragraphs that sixty-three held-out sets found wrong
and unflagged on arrival, each with the engine of its day, this reading flags 143 (122 without the second tagger);
of the corpus cases that the engine writes as the editor does, about one in nine carries a flag only because of it.
"""

from __future__ import annotations

import difflib
import re
from typing import Sequence

from portal.reports import grammar, opinion, reasons
from portal.reports.sentences import MANDATIVE_NOUNS
from portal.reports.tagging.words import MANDATIVE
from portal.reports.grammar import Token

# What ends a clause of the written text, for telling whether a clause has a finite verb.
CLAUSE_BOUNDS = frozenset(",;:.()!?") | frozenset(
    "which who whose where when while because although if that as since whereas and but or what than".split())
# Finite verbs of reported speech that are nothing else.
FINITE = frozenset("was were had would could should might must did".split())
# Words before a base form that make it no finite verb ("to provide", "could operate", "did not meet").
NOT_FINITE_AFTER = frozenset("to would could should must might will can may shall not did does do cannot let help make".split())
DETERMINERS = frozenset("the a an this these that those its their his her our my your some any each every no all many "
                        "several both".split())
SUBJECT_PRONOUNS = frozenset("they who which we it he she".split())
# What may follow a verb as its object: a determiner, a pronoun, "together".
OBJECT_STARTS = (DETERMINERS - {"that"}) | frozenset("them her him it us together not".split())
# Adverbs that follow nouns as readily as verbs.
ADVERBS_AFTER_NOUNS = frozenset("also only even as so well up out then too back ever fully".split())
# Words the lexicon knows as verbs that are mostly prepositions or particles here.
NOT_VERBS = frozenset("while over up near except out as so than like".split())
# What follows a noun opening a list item rather than a verb: "Escorts and ...", "Patrols of ...".
NOUN_FOLLOWERS = frozenset({"and", "or", "of", "for", ",", ";", ".", ":"})
# What opens a clause whose subject comes next ("in which 46 women died").
SUBORDINATORS = frozenset("which where when whom while because although if whereas".split())
# Past participles that follow their noun as adjectives do, whatever comes after them.
PARTICIPLES = frozenset("aged dated related based called entitled named known concerned".split())
# What ends the clause after a comma: ", and it had created", ", which".
SEGMENT_ENDS = frozenset("and but or which who whereas while where as because since when although if".split())
# Lexicon tags of words that are not verbs here, whatever lemminflect allows ("best", "while", "over").
NOT_VERB_TAGS = frozenset("JJ JJR JJS RB RBR RBS IN RP DT CC".split())
# What follows a subject when its verb comes next: "the harm that drugs did".
FINITE_AFTER_SUBJECT = frozenset("did does do is are was were has have had will would can could may might must should "
                                 "shall".split())
# Words after which a verb cannot come: "the development of foster care" ("fostered" would be a verb after "of").
PREPOSITIONS = frozenset("of for in on with by at from into about among between under without within through during "
                         "against".split())
MODAL_PRESENTS = frozenset("will can may shall".split())
MODALS = frozenset("would could should might must ought".split())
AUXILIARIES = frozenset("is are am was were has have had be been being do does did".split())
# The second tagger's tags (:mod:`portal.reports.opinion`) that contradict what the engine did with a word.
NOUN_TAGS = frozenset("NN NNS NNP NNPS JJ".split())
PRESENT_TAGS = frozenset("VBZ VBP".split())
PARTICIPLE_TAGS = frozenset("VBN JJ".split())


def second_reading(source: str, text: str) -> list[dict]:
    """Return flags (start, end, reason) on ``text``, the paragraph written from ``source``, where it should be checked."""
    answer, written = grammar.tokens_of(source), grammar.tokens_of(text)
    pairs, had_before = _aligned(answer, written)
    moved = {at for index, at in pairs if _moved(answer[index].lower, written[at].lower)}
    kept = {index: at for index, at in pairs if answer[index].lower == written[at].lower}
    sure = opinion.sure_tags([token.text for token in answer])
    flags = []

    def flag(first: int, last: int, reason: str) -> None:
        flags.append({"start": written[first].start, "end": written[last].end, "reason": reason})

    for index, at in pairs:
        token = answer[index]
        if token.quoted or not token.is_word:
            continue
        lower = token.lower
        following = answer[index + 1].lower if index + 1 < len(answer) else ""
        if index == 0:
            if at in moved and _noun_opening(lower, following):
                flag(at, at, reasons.TENSE_MAY_BE_NOUN % {"word": written[at].text})
            continue
        if token.text[:1].isupper() and answer[index - 1].text not in ".:;":
            continue  # a word of a name
        lemma = grammar.verb_lemma(lower)
        if not lemma or lower in AUXILIARIES or lower in MODAL_PRESENTS and (
                grammar.base_form(following) or following in NOT_FINITE_AFTER or following in ("also", "only", "still")):
            continue  # ("can be retained" gives "could be retained": a modal, no noun; but "the will of the victim")
        previous = answer[index - 1].lower
        past = lower in (grammar.inflect(lemma, "VBD"), grammar.inflect(lemma, "VBN"))
        if at in moved:
            no_verb_before = previous in PREPOSITIONS or previous in DETERMINERS - {"that"}
            if index - 1 in kept and _pair_of_nouns_or_verbs(previous, lower) and following in ("and", "or"):
                flag(at - 1, at, reasons.WHICH_IS_THE_VERB % {"words": f"{written[at - 1].text} {written[at].text}"})
            elif no_verb_before and not grammar.can_be_noun(lower) or _adjective_after_and(answer, index):
                flag(at, at, reasons.TENSE % {"word": written[at].text})  # "the development of fostered care"
            elif grammar.can_be_noun(lower) and (
                    no_verb_before
                    or previous.endswith("ing") and index >= 2 and answer[index - 2].is_word
                    and grammar.lexicon_tag(answer[index - 2].lower) in ("JJ", "NN", "NNS", "VBG")
                    or previous not in ("who", "which", *SUBJECT_PRONOUNS)
                    and _finite_in(written, *_clause(written, at), skip=at, moved=moved)
                    or _plural_antecedent(answer, index) or _subjunctive_before_its_verb(written, at, lower)
                    or _in_a_list_of_nouns(answer, index)) or sure[index] in NOUN_TAGS:
                flag(at, at, reasons.TENSE_MAY_BE_NOUN % {"word": written[at].text})
        elif index in kept and (grammar.base_form(lower) or grammar.third_person_form(lower)) and not past:
            if _present_may_be_finite(answer, written, index, at, pairs, moved) or sure[index] in PRESENT_TAGS \
                    and lower not in MODAL_PRESENTS and not _in_subjunctive(written, at):
                flag(at, at, reasons.MAY_BE_PRESENT % {"word": written[at].text})
        elif index in kept and index in had_before:
            if sure[index] in PARTICIPLE_TAGS or not _after_subject_of_subordinate(
                    written, at, previous, verbs_before_only=True) and (
                    _participle_after_noun(written, at, previous, following, moved) or _counted_noun_before(answer, index)):
                flag(at - 1 if at and written[at - 1].lower == "had" else at, at,
                     reasons.VERB_OR_PARTICIPLE % {"word": written[at].text})
        elif index in kept and past and lower not in MODALS:
            if _finite_after_noun(written, at, previous, following) or _after_subject_of_subordinate(written, at, previous) \
                    or following == "and" and index + 2 in had_before \
                    or _nounlike(previous) and _no_verb_after_that(written, at, moved):
                flag(at, at, reasons.VERB_OR_PARTICIPLE % {"word": written[at].text})
    return flags


def _present_may_be_finite(answer: Sequence[Token], written: Sequence[Token], index: int, at: int,
                           pairs: list[tuple[int, int]], moved: set[int]) -> bool:
    """Tell whether a word kept in the present may be a finite verb that should have moved back."""
    word, previous = answer[index].lower, answer[index - 1].lower
    following = answer[index + 1].lower if index + 1 < len(answer) else ""
    base = grammar.base_form(word) and not grammar.third_person_form(word)
    if grammar.lexicon_tag(word) in NOT_VERB_TAGS or base and _without_subject(answer, index) \
            or base and _in_subjunctive(written, at):
        return False  # "and best practices"; "(a) Quickly trace a lost child"; "proposals that the United Nations initiate"
    if previous == "who" or previous == "which" and grammar.third_person_form(word) and not grammar.can_be_noun(word):
        return True  # "who return", "which consists of"
    if base and following in (".", ";", "") and grammar.lexicon_tag(previous) == "NNS" \
            and _alone_in_clause(written, at):
        return True  # "about 40 per cent of the convicts work.
    if base and previous in ("and", "or"):
        # a base form after "and" shares what governs the verb before it ("to protect and build", "would identify and
        # manage"), unless that verb was moved: "prepared programmes and deal with"
        return previous == "and" and _coordinated_with_moved(answer, pairs, moved, index)
    if previous == "," and following == "that" and base:
        return True  # "The textiles of Coroma, which were stolen ..., show that"
    if previous == "," and _after_an_insert(answer, index):
        return True  # "The Centres, which are open 24 hours a day, offer to the victims"
    if previous == "that" and index >= 2 and _nounlike(answer[index - 2].lower) and grammar.third_person_form(word) \
            and following not in FINITE_AFTER_SUBJECT:
        return True  # "every company that processes timber" ("the harm that drugs did" has its verb)
    if following == "that" and (_nounlike(previous) or previous == ")") and base:
        return True  # "the Service (FNTT) estimate that"
    if _after_subject_of_subordinate(written, at, previous):
        return True
    if _may_be_finite(word, previous, following) and _alone_in_clause(written, at):
        return True
    return previous == "and" and _coordinated_with_moved(answer, pairs, moved, index)


def _after_an_insert(answer: Sequence[Token], index: int) -> bool:
    """Tell whether the comma before ``index`` closes an insert that a relative opens after a noun: the word after it
    is then the verb of that noun ("The Centres, which are open 24 hours a day, offer ...")."""
    start = index - 2
    while start >= 0 and answer[start].text not in ",.;:":
        start -= 1
    return start >= 1 and answer[start].text == "," and start + 1 < index - 1 \
        and answer[start + 1].lower in ("which", "who", "whose") and (
            _nounlike(answer[start - 1].lower) or grammar.can_be_noun(answer[start - 1].lower)
            or answer[start - 1].text[:1].isupper())


def _without_subject(answer: Sequence[Token], index: int) -> bool:
    """Tell whether only adverbs come before ``index`` in its sentence: a base form there follows the lead-in's
    "would:" or "to:" ("(a) Quickly trace a lost or abducted child")."""
    before = index - 1
    while before >= 0 and answer[before].text not in ".;:" and (answer[before].lower.endswith("ly")
                                                               or answer[before].lower in grammar.ADVERBS_BETWEEN):
        before -= 1
    return before < 0 or answer[before].text in ".;:"


def _in_subjunctive(written: Sequence[Token], at: int) -> bool:
    """Tell whether ``at`` is in a clause after "propose/recommend ... that", whose verb is a bare subjunctive."""
    start = at
    while start > 0 and written[start - 1].text not in ".;:":
        start -= 1
        if written[start].lower == "that" and start > 0:
            before = written[start - 1].lower
            lemma = grammar.verb_lemma(before) or re.sub(r"s$", "", before)
            return lemma in MANDATIVE or lemma in MANDATIVE_NOUNS
    return False


def _noun_opening(word: str, following: str) -> bool:
    """Tell whether the first word of an answer or a list item, moved as a verb, may be a noun: a verb opening an item
    has its subject in the lead-in and is a third person ("Conducts patrols"); "Hate speech", "Escorts and ..." are
    nouns."""
    if not grammar.can_be_noun(word):
        return False
    return not grammar.third_person_form(word) or following in NOUN_FOLLOWERS


def _pair_of_nouns_or_verbs(first: str, second: str) -> bool:
    """Tell whether two words, the first kept and the second moved as the verb, may be read the other way round: a
    plural noun and a verb ("the burning releases lead and dioxins" read as "releases led"), or a verb and its object.
    (Asked only when the verb has no object: "groups steal cattle" has one.)"""
    return grammar.third_person_form(first) and grammar.can_be_noun(first) and grammar.base_form(second) \
        and not grammar.third_person_form(second) and grammar.can_be_noun(second)


def _aligned(answer: Sequence[Token], written: Sequence[Token]) -> tuple[list[tuple[int, int]], set[int]]:
    """Pair the answer's tokens with the written text's, and find the answer's words before which "had" was put."""
    a, b = [token.lower for token in answer], [token.lower for token in written]
    pairs: list[tuple[int, int]] = []
    had_before: set[int] = set()
    for operation, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if operation == "equal" or operation == "replace" and i2 - i1 == j2 - j1:
            pairs += zip(range(i1, i2), range(j1, j2))
        elif operation == "insert" and i1 < len(a) and b[j2 - 1] in ("had", "been"):
            had_before.add(i1)
        elif operation == "replace" and i2 - i1 == 1 and j2 - j1 == 2 and b[j1] == "had":
            had_before.add(i1)  # "sold" written "had sold"
            pairs.append((i1, j1 + 1))
    return pairs, had_before


def _clause(tokens: Sequence[Token], at: int) -> tuple[int, int]:
    """Return the first and last index of the clause around ``at``, between punctuation and joining words."""
    start = at
    while start > 0 and tokens[start - 1].lower not in CLAUSE_BOUNDS:
        start -= 1
    end = at
    while end + 1 < len(tokens) and tokens[end + 1].lower not in CLAUSE_BOUNDS:
        end += 1
    return start, end


def _sentence(tokens: Sequence[Token], at: int) -> tuple[int, int]:
    """Return the first and last index of the sentence (or the part between ";" and ":") around ``at``."""
    start = at - 1
    while start >= 0 and tokens[start].text not in ".;:":
        start -= 1
    end = at + 1
    while end < len(tokens) and tokens[end].text not in ".;:":
        end += 1
    return start + 1, end - 1


def _moved(word: str, written: str) -> bool:
    """Tell whether the engine moved ``word`` of the answer, a present tense, back to ``written`` ("passes" "passed")."""
    lemma = grammar.verb_lemma(word)
    return bool(lemma) and written != word and word not in AUXILIARIES and grammar.verb_lemma(written) == lemma \
        and (grammar.base_form(word) or grammar.third_person_form(word))


def _finite_in(tokens: Sequence[Token], first: int, last: int, *, skip: int = -1, moved: set[int]) -> bool:
    """Tell whether tokens ``first`` to ``last`` (but ``skip``) hold a finite verb: a past that is nothing else, or a
    verb the engine moved back (``moved``)."""
    for index in range(first, last + 1):
        if index == skip or tokens[index].quoted:
            continue
        lower = tokens[index].lower
        if lower in FINITE or index in moved:
            return True
        lemma = grammar.verb_lemma(lower)
        if lemma and lower == grammar.inflect(lemma, "VBD") and lower != grammar.inflect(lemma, "VBN"):
            return True  # "took", "began": no participle
    return False


def _alone_in_clause(written: Sequence[Token], at: int) -> bool:
    """Tell whether the word at ``at`` has no finite verb of the past beside it in its clause of the written text."""
    return not _finite_in(written, *_clause(written, at), skip=at, moved=set())


def _may_end_a_subject(word: str) -> bool:
    return word not in NOT_FINITE_AFTER and word not in DETERMINERS and not (
        grammar.lexicon_tag(word) in ("JJ", "PRP$", "IN", "DT") and word != "that")


def _may_be_finite(word: str, previous: str, following: str) -> bool:
    """Tell whether a word kept in the present may be the finite verb of its clause, by the dictionaries alone."""
    if not _may_end_a_subject(previous) or following == "of":
        return False
    if grammar.lexicon_tag(word).startswith("VB"):
        return True
    if word in NOT_VERBS:
        return False  # (the lexicon's adjectives, adverbs and prepositions are left out by the caller: NOT_VERB_TAGS)
    return following in OBJECT_STARTS or grammar.lexicon_tag(following) == "RB" and following not in ADVERBS_AFTER_NOUNS


def _nounlike(word: str) -> bool:
    return grammar.lexicon_tag(word).startswith("NN") or grammar.lexicon_tag(word) == "CD" \
        or re.fullmatch(r"[\d.,/%)-]+", word) is not None


def _finite_after_noun(written: Sequence[Token], at: int, previous: str, following: str) -> bool:
    """Tell whether a past form left as a participle may be the finite verb of its clause: after a noun, with an object
    after it, and no other verb in the clause ("the Coast Guard, in coordination with ..., rescued 17,190 migrants")."""
    if previous == "." or not _nounlike(previous) or previous in SUBJECT_PRONOUNS or written[at].lower in PARTICIPLES \
            or re.fullmatch(r"\d[\d.,]*", previous) \
            or previous == ")" and at >= 3 and written[at - 3].text == "(" and len(written[at - 2].text) == 1:
        return False  # ("18,400 seized weapons", "(c) Spread information", "persons aged 12 to 16")
    if not (following in OBJECT_STARTS - {"them", "her", "him", "it", "us", "together", "not"} or _nounlike(following)
            and following[:1].isalnum()):
        return False
    return _alone_in_clause(written, at)


def _no_verb_after_that(written: Sequence[Token], at: int, moved: set[int]) -> bool:
    """Tell whether the clause that a reporting verb's "that" opens, or a later sentence, has no finite verb up to
    ``at``'s end of clause (", and", ", which", ";"): the past form at ``at`` is then its verb ("... that the General
    Law on ... and the National System for ... entered into force in January 2018, and it had created ...")."""
    first, last = _sentence(written, at)
    opening = next((index for index in range(first, at) if written[index].lower == "that"), None)
    if opening is None or opening > first + 6:
        # a later sentence of a paragraph: "The homicides of young men increased in 2023, as ..." (not a list item's
        # text, which is often a noun phrase with a participle: "(a) 120 prosecutors trained in 2010;")
        opening = first - 1
        if first == 0 or any(token.text == "," for token in written[first:at]):
            return False  # (an opening phrase or an insert before it: left to the other rules)
    end = at
    while end + 1 <= last and not (written[end].text == "," and written[end + 1].lower in SEGMENT_ENDS):
        end += 1
    return not _finite_in(written, opening + 1, end, skip=at, moved=moved)


def _subjunctive_before_its_verb(written: Sequence[Token], at: int, word: str) -> bool:
    """Tell whether a word put in the subjunctive ("programmes" written "programme") may be a noun of the subject, the
    clause's verb coming after it ("that the prevention programmes ... be supported")."""
    if written[at].lower != grammar.verb_lemma(word) or not grammar.can_be_noun(word):
        return False
    end = _clause(written, at)[1]
    return any(token.lower in ("be", "should") for token in written[at + 1:end + 1])


def _plural_antecedent(answer: Sequence[Token], index: int) -> bool:
    """Tell whether a third person moved as a verb is the plural noun that a relative clause after it agrees with
    ("the movement permits, which are checked": "which is" would follow the verb's object)."""
    if not grammar.third_person_form(answer[index].lower):
        return False
    after = [token.lower for token in answer[index + 1:index + 4]]
    if after[:1] == [","]:
        after = after[1:]
    return len(after) >= 2 and after[0] in ("which", "that", "who") and after[1] in ("are", "were", "have", "do")


def _after_subject_of_subordinate(written: Sequence[Token], at: int, previous: str, *,
                                  verbs_before_only: bool = False) -> bool:
    """Tell whether a word left as it was (a past as a participle, a present as a noun) follows the subject of a clause
    that a relative or a conjunction opens, with no other verb ("in which 46 women died", "through which the
    households share information"). ``verbs_before_only``: whether the word after "had" follows such a subject, with
    no verb before it ("as the Group of Experts had recommended"), whatever comes after."""
    start, end = _clause(written, at)
    opening = SUBORDINATORS | {"as"} if verbs_before_only else SUBORDINATORS
    last = at - 1 if verbs_before_only and written[at - 1].lower == "had" else at
    if start == 0 or start >= last or written[start - 1].lower not in opening or not _nounlike(previous):
        return False
    if any(grammar.verb_lemma(token.lower) and not _nounlike(token.lower) or token.lower.endswith("ed")
           for token in written[start:last]):
        return False  # a verb before it: "which published an annual report on the measures taken"
    return verbs_before_only or not _finite_in(written, start, end, skip=at, moved=set())


def _coordinated_with_moved(answer: Sequence[Token], pairs: list[tuple[int, int]], moved: set[int], index: int) -> bool:
    """Tell whether the word after "and" at ``index``, kept in the present, has the form of the verb moved before the
    "and" in its sentence, so that it may be the second verb of one subject ("prepared programmes and deal with"); not
    when a modal or "to" governs it ("would identify and manage", "to protect and build"), nor a noun in "-s" closing
    a list ("protected child victims and witnesses")."""
    word = answer[index].lower
    following = answer[index + 1].lower if index + 1 < len(answer) else ""
    before = [i for i, at in pairs if at in moved and i < index and answer[i].lower not in MODAL_PRESENTS]
    if not before:
        return False
    earlier = before[-1]
    if any(answer[i].text in ".;:" or answer[i].lower in MODAL_PRESENTS | MODALS
           or answer[i].lower == "to" and answer[i + 1].lower != "be" for i in range(earlier, index)):
        return False  # ("pretend to be a police officer and ask for money": "ask" may go with "pretend" or "be")
    if grammar.third_person_form(answer[earlier].lower):
        return grammar.third_person_form(word) and grammar.lexicon_tag(word) == "VBZ" \
            and following not in ("and", "or", ",", ".", ";", "of")
    return grammar.base_form(word) and not grammar.third_person_form(word)


def _in_a_list_of_nouns(answer: Sequence[Token], index: int) -> bool:
    """Tell whether the word at ``index`` follows a plural noun and a comma, or "among them", and is followed by a
    comma, "and" or a preposition: an item of a list of nouns ("1,250 motors, dredges and", "schools, centres for")."""
    if index < 2 or index + 1 >= len(answer):
        return False
    before = answer[index - 1].text == "," and grammar.lexicon_tag(answer[index - 2].lower) == "NNS" \
        or answer[index - 1].lower == "them" and answer[index - 2].lower == "among"
    return before and (answer[index + 1].text == "," or answer[index + 1].lower in ("and", "or", "for", "of"))


def _adjective_after_and(answer: Sequence[Token], index: int) -> bool:
    """Tell whether the word at ``index``, after a noun and "and", may be an adjective before a noun: "passengers and
    express mail" (a noun phrase) or "officers and express thanks" (a verb); or a noun before a plural after a
    singular noun: "counterfeit flea and tick products" (or "collect evidence and interview witnesses")."""
    if index < 2 or index + 1 >= len(answer) or answer[index - 1].lower != "and":
        return False
    before, after = grammar.lexicon_tag(answer[index - 2].lower), grammar.lexicon_tag(answer[index + 1].lower)
    return before in ("NN", "NNS") and "ADJ" in grammar.lemmas(answer[index].lower) and after in ("NN", "NNS") \
        or before == "NN" and grammar.can_be_noun(answer[index].lower) and after == "NNS"


def _counted_noun_before(answer: Sequence[Token], index: int) -> bool:
    """Tell whether the past form at ``index`` follows only a number and its noun at the start of a list item or an
    answer, where a participle is as likely as a verb ("(a) 11,200 firearms surrendered voluntarily during the campaign",
    "(a) 412 adolescents complied with the measures")."""
    before = answer[:index]
    return 2 <= len(before) <= 4 and re.fullmatch(r"\d[\d.,]*", before[0].text) is not None \
        and all(token.is_word and _nounlike(token.lower) or grammar.lexicon_tag(token.lower) == "JJ" for token in before[1:])


def _participle_after_noun(written: Sequence[Token], at: int, previous: str, following: str, moved: set[int]) -> bool:
    """Tell whether a past form given "had" may be a participle after a noun ("an agreement signed in 2020 provided")."""
    if not _nounlike(previous) or previous in SUBJECT_PRONOUNS:
        return False
    if following in DETERMINERS or grammar.lexicon_tag(following) == "CD" or re.fullmatch(r"\d[\d.,]*", following) \
            or following.islower() and grammar.lexicon_tag(following).startswith("NN"):
        return False  # an object after it: "the police seized 4 tons", "the courts confiscated property", a verb
    after = [token.lower for token in written[at + 1:at + 3]]
    if after[:1] in (["out"], ["down"]) or after == ["into", "force"]:
        return False  # "had carried out", "had entered into force": a verb
    first, last = _sentence(written, at)
    return _finite_in(written, first, at - 2, moved=moved) or _finite_in(written, at + 1, last, moved=moved)
