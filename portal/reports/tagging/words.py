"""The words the tagging's rules know by heart (modals, determiners, prepositions, verbs of saying) and what a
single word is (a past form, a participle, a year, a plural).
"""

from __future__ import annotations

from typing import Sequence

import lemminflect

from portal.reports.grammar import (
    Token, base_form, can_be_noun, inflect, lemmas, state_words, third_person_form, verb_lemma,
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


# Words whose "'s" is "is" or "has" ("it's", "there's"), not a possessive.
CONTRACTED = frozenset("it that there here what who he she let where how".split())


AUXILIARIES = frozenset("is are am was were be been has have had do does did will would can could may might shall should must".split())


# Small words that join the capitalised words of a title ("Crimes Committed by Means of Such Publications").
TITLE_JOINERS = frozenset("of and on for against in by the to with from or".split())


def in_title(tokens: Sequence[Token], index: int) -> bool:
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


# Words that open a clause of their own inside a sentence: a past form after them may be that clause's verb.
CLAUSE_BOUNDARIES = frozenset("""which who whom whose that where when while whereas whereby because although though if
unless since until once before after so but""".split())


# Verbs of change that take no object: "the number of thefts decreased in 2023" is a clause, not a participle.
CHANGE_VERBS = frozenset("""increase decrease decline drop double triple remain stabilize stabilise stagnate diminish grow
fall rise""".split())


def participle_form(word: str) -> bool:
    """Tell whether ``word`` is the past participle of a verb ("posted", "made"), whatever else it may be."""
    lemma = verb_lemma(word)
    return bool(lemma) and (inflect(lemma, "VBN") == word or word in alternative_pasts(lemma))


def alternative_pasts(lemma: str) -> tuple[str, ...]:
    """Return the pasts of a verb that has two ("lit" and "lighted", "burnt" and "burned"), each of which is also its
    participle; none for a verb with one."""
    forms = lemminflect.getInflection(lemma, "VBD")
    participles = lemminflect.getInflection(lemma, "VBN")
    # (not "was" and "were", which are no participles: a verb whose participle is one of its pasts)
    return forms if len(forms) > 1 and any(participle in forms for participle in participles) else ()


PARTICLES = frozenset("up out down off back".split())

# Verbs followed by an infinitive that their participle never takes: "started to hack", "refused to pay".
CATENATIVES = frozenset("start begin try decide continue fail manage refuse attempt seek want promise threaten learn "
                        "choose cease tend hesitate".split())

# Verbs that take a clause with "that": their past form before "that" and a subject is the verb ("discovered that").
THAT_VERBS = frozenset("""discover find show conclude establish report note observe detect reveal confirm decide state
indicate say announce determine prove demonstrate learn realize realise recognize recognise agree declare rule estimate
warn complain allege claim admit""".split())


# Verbs that take "of" after them, so that "the UNHCR consists of" keeps its verb.
VERBS_WITH_OF = frozenset("consist approve dispose speak hear think dream inform remind warn accuse convict".split())


# Verbs that link their subject to an adjective or a participle ("stay closed", "remain open").
LINKING_VERBS = frozenset("stay remain become seem appear look get grow turn".split())


# Verbs that have no passive, so that their past after a noun is the verb, never a participle of the noun ("cyanide
# water flowed into the Tisza").
NO_PASSIVE = frozenset("""arrive die occur happen flow collapse disappear emerge exist erupt fall rise sink abscond
reoffend relapse participate comply graduate""".split())


# Adverbs of place that may follow a noun: "numbers abroad which charge high fees".
PLACE_ADVERBS = frozenset("abroad overseas online nationwide here there locally".split())


# Verbs whose object takes a bare infinitive: "help the victims find a home", "let the children play".
TAKE_BARE_INFINITIVE = frozenset("help let make see hear watch have bid".split())


# Words that open a quantity: "more than 500", "about 300", "nearly half", "at least 20".
QUANTIFIERS = frozenset("over about nearly almost approximately around some roughly".split())


# Determiners of a plural noun phrase: no verb in the third person singular has such a subject.
PLURAL_DETERMINERS = frozenset("""two three four five six seven eight nine ten twelve twenty fifty hundreds thousands
dozens several many these those both various numerous few fewer""".split())


def year(token: Token) -> bool:
    """Tell whether a number is a year of the last two centuries ("2009"), which may end a subject ("Law No. 94 of 2009")."""
    return len(token.text) == 4 and token.text[:2] in ("19", "20") and token.text.isdigit()


# The words that a year or a number follows at the end of the name of a text: "the ... (Amendment) Act 2021".
TITLE_NOUNS = frozenset("act law code decree ordinance regulation regulations order directive strategy plan no. no".split())


def no_passive_past(word: str) -> bool:
    """Tell whether ``word`` is the past of a verb that has no passive ("flowed", "arrived"): see ``NO_PASSIVE``."""
    lemma = verb_lemma(word)
    return bool(lemma) and lemma in NO_PASSIVE and inflect(lemma, "VBD") == word


def past_form(word: str) -> bool:
    """Tell whether ``word`` is the simple past of a verb ("seized", "set"), whatever else it may be."""
    lemma = verb_lemma(word)
    return bool(lemma) and inflect(lemma, "VBD") == word


BE_HAVE = frozenset("be been being is are was were am has have had having get got gets".split())
# Verbs after which an object and a past participle say what is done to the object: "to have it deactivated".
CAUSATIVES = frozenset("have has had having get gets got getting".split())


# Verbs without an object, whose past form after a noun cannot be a passive participle qualifying it.
INTRANSITIVE = frozenset("""comply participate benefit escape arrive die graduate occur happen remain rise fall decline
decrease increase grow drop return abscond reoffend relapse succeed""".split())


# Words tagged as prepositions that may also open a clause: a noun after them may be its subject.
SUBORDINATORS = frozenset("""that because if while whereas as since although though so when where unless until whether
once than after before""".split())


FINITE = ("VBZ", "VBP", "VBD", "MD")


# Nouns of time that open a sentence before its subject ("Last year we ...", "Each month the police ...").
TIME_NOUNS = frozenset("""year years month months week weeks day days time period quarter semester term terms season seasons
hour hours night nights weekend weekends""".split())


# The seasons, which open a phrase of time as the nouns of time do: "Every summer about 4,000 berry pickers come".
SEASONS = frozenset("spring summer autumn fall winter".split())


# Verbs whose object may be a clause with "that": "the Code adopted in 2016 provides that ...".
VERBS_OF_CONTENT = frozenset("provide require state stipulate establish specify prescribe ensure say".split())


# Conjunctions that join two clauses after a comma ("..., and offenders face fines", "..., whereas the system has").
CLAUSE_JOINERS = frozenset("and but whereas while".split())


def plural_noun(token: Token) -> bool:
    """Tell whether a noun is plural: its tag, a collective noun ("police"), or a name's plural ("One Stop Centres")."""
    if token.lower.endswith(("'s", "\u2019s")):
        return False  # a possessive: "UNODC's work"
    if token.tag in ("NNS", "NNPS") or token.lower in COLLECTIVE:
        return True
    lower = token.lower
    return token.tag == "NNP" and lower.endswith("s") and not lower.endswith(("ss", "us", "is")) \
        and lower not in state_words() and can_be_noun(lower) and "NOUN" in lemmas(lower)


def agrees_with_head(word: str, head: Token) -> bool:
    """Tell whether ``word`` can be a verb in the present agreeing with the subject's ``head``."""
    if plural_noun(head):
        return base_form(word) and word not in DETERMINERS
    return third_person_form(word)


def inside_name(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the small word at ``index`` joins the capitalised words of a name ("Committee for Counter Trafficking")."""
    return tokens[index].lower in ("for", "on", "against", "and", "in", "of") and 0 < index < len(tokens) - 1 \
        and tokens[index - 1].text[:1].isupper() and tokens[index + 1].text[:1].isupper()


# Verbs after which "that" opens a clause in the subjunctive ("we recommend that UNODC develop").
MANDATIVE = frozenset("propose suggest recommend request urge insist ask demand require".split())


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


def object_starts(token: Token) -> bool:
    """Tell whether ``token`` may open the object of a verb: a noun, an adjective, a number, a determiner."""
    return token.is_word and (token.tag.startswith(("NN", "JJ", "DT", "PDT", "PRP", "CD", "VBG")) or token.lower in DETERMINERS
                              or token.lower == "place") \
        and token.lower not in ("and", "or", "but", "of", "in", "on", "for", "as", "to", "with", "by", "at", "from")


# Words after a comma that open a new clause with its own subject ("..., and the Office conducts ...").
CLAUSE_JOINS = frozenset({"and", "but", "while", "whereas"})


# Subordinators that open a clause after a comma: "..., although some of its commitments need to be updated".
MID_SUBORDINATORS = frozenset("although though because while whereas whereby where since when unless if".split())


# Subordinators that open a sentence with a clause of their own, closed by a comma.
OPENING_SUBORDINATORS = frozenset("if when since because although though while whereas once unless until after".split())


# Nouns of quantity whose phrase agrees with the noun after "of": "the 70% of the adolescents comply".
SHARE_NOUNS = frozenset({"%", "majority", "cent", "percent", "half", "rest", "third", "quarter", "most", "part"})

# Nouns after which "that" opens what is said or known, not a relative clause: "concern that answers ... are sold".
CONTENT_NOUNS = frozenset("""concern fact view evidence hope belief information news assurance understanding opinion
conviction idea fear impression knowledge sign signs indication indications proof reports""".split())
