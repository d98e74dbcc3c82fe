"""English grammar for the report's prose: words, sentences, parts of speech and verb forms.

The part-of-speech tags come from the Brill tagger that TextBlob ships with its lexicon and rules
(Penn Treebank tags, no model to download), corrected by the rules of :mod:`portal.reports.tagging`
for the sentences States write ("does not support", "which house", "UNODC"); the verb forms come
from lemminflect's dictionary
("proposes" -> "proposed", "leads" -> "led"). A word whose tag the rules had to guess between a
noun and a verb ("The police trains officers") is marked ``uncertain``: the report asks the editor
to check it rather than print a guess.

Everything works on plain strings and keeps the offsets of each word in the text it came from.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import warnings
from typing import Sequence

import lemminflect

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset("""
e.g i.e etc cf vs viz approx no nos para paras art arts sect sec ch chap vol p pp fig mr mrs ms dr prof st inc ltd
co corp dept govt jan feb mar apr jun jul aug sep sept oct nov dec rev amend op ibid al est min max ref res
""".split())

_TOKEN = re.compile(
    r"""
    (?P<abbr>(?:[A-Za-z]\.){2,})                           # e.g. i.e. U.S.
    | (?P<money>[A-Z][A-Za-z]{0,3}\$)                      # Can$ US$
    | (?P<number>\d+(?:[.,:/-]\d+)*(?:st|nd|rd|th|s)?)     # 6.5 1,000 2011-2012 10th 1990s
    | (?P<web>[^\W\d_][\w-]*(?:\.[a-z][a-z0-9-]*)+)          # gov.ie Merrjep.al www.example.org: one word
    | (?P<word>[^\W\d_](?:[\w\u00b7]|[-'\u2019](?=\w))*\.?)  # words, with a full stop for abbreviations
    | (?P<other>\S)
    """,
    re.VERBOSE,
)

# Words that are only prepositions (or particles and adverbs) in the answers States write.
PREPOSITIONS_ONLY = frozenset("""about on of at from with into onto upon among between within without during through
across against towards toward via per after before until""".split())

QUOTES_OPEN = "\"\u201c\u00ab\u2018"
SENTENCE_END = ".!?\u2026"


@dataclasses.dataclass
class Token:
    """A word or a mark of a text, with where it is and what part of speech it is (a Penn Treebank tag)."""

    text: str
    start: int
    end: int
    tag: str = ""
    quoted: bool = False
    uncertain: str = ""

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()


def tokens_of(text: str) -> list[Token]:
    """Split ``text`` into tokens: words (with abbreviations' full stops), numbers, marks; quotations marked."""
    found: list[Token] = []
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        start, end = match.start(), match.end()
        if match.lastgroup == "word" and word.endswith("."):
            bare = word[:-1]
            code_letter = start > 0 and text[start - 1] in "-/" and bool(re.match(r"\s+[A-Z]", text[end:]))
            keep = bare.lower() in ABBREVIATIONS or (len(bare) == 1 and bare.isupper() and not code_letter)
            # (an initial keeps its stop, "J. Smith"; a code's last letter ends a sentence: "Decree 43221-S. We ...")
            if not keep:
                found.append(Token(bare, start, end - 1))
                found.append(Token(".", end - 1, end))
                continue
        found.append(Token(word, start, end))
    _mark_quotations(text, found)
    return found


def _mark_quotations(text: str, tokens: list[Token]) -> None:
    """Mark the tokens inside quotation marks ("...", “...”, «...»): their words are the State's own, kept as written."""
    for match in re.finditer(r"\u201c[^\u201d]*\u201d|\u00ab[^\u00bb]*\u00bb|\"[^\"]*\"", text):
        for token in tokens:
            if match.start() <= token.start and token.end <= match.end():
                token.quoted = True


def sentences_of(tokens: Sequence[Token]) -> list[list[Token]]:
    """Group tokens into sentences: a full stop, "?" or "!" ends one, except after an abbreviation or inside quotation marks."""
    sentences: list[list[Token]] = []
    current: list[Token] = []
    for index, token in enumerate(tokens):
        current.append(token)
        if token.text in SENTENCE_END and not token.quoted:
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is None or following.text[:1].isupper() or following.text[:1] in QUOTES_OPEN + "(":
                sentences.append(current)
                current = []
        elif token.quoted and token.text[:1] in ".!?" and index + 1 < len(tokens) and tokens[index + 1].text in "\"\u201d\u00bb":
            continue
    if current:
        sentences.append(current)
    return sentences


# -- tagging -------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _lexicon():
    """Return TextBlob's English lexicon with its morphology, context and entity rules, loaded once."""
    with warnings.catch_warnings():
        # TextBlob reads its rule files with generators that close them only when collected.
        warnings.simplefilter("ignore", ResourceWarning)
        from textblob.en import lexicon

        lexicon.load()
        lexicon.morphology.load()
        lexicon.context.load()
        lexicon.entities.load()
    return lexicon


def _brill(words: list[str]) -> list[str]:
    from textblob import _text

    lexicon = _lexicon()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        tagged = _text.find_tags(words, lexicon=lexicon, morphology=lexicon.morphology, context=lexicon.context,
                                 entities=lexicon.entities, default=("NN", "NNP", "CD"))
    return [tag.split("-")[0] for _, tag in tagged]


ADVERBS_BETWEEN = frozenset({"not", "also", "never", "always", "already", "still", "now", "currently", "further",
                             "actively", "recently", "regularly", "jointly", "fully", "only", "often", "usually",
                             "generally", "furthermore", "moreover", "thus", "therefore", "just", "newly",
                             "continuously", "systematically", "increasingly", "both", "either", "so", "well",
                             "effectively", "consistently", "successfully", "duly", "periodically", "annually", "yet"})


@functools.lru_cache(maxsize=1)
def state_words() -> frozenset[str]:
    """Return the words of the names of States, lower-cased ("china", "jordan", "turkey")."""
    from portal.states.services import read_former_names, read_states

    names = [(row["list_name"], row["text_name"]) for row in read_states()]
    names += [(row["list_name"], row["text_name"]) for rows in read_former_names().values() for row in rows]
    return frozenset(word.lower() for list_name, text_name in names
                     for word in re.findall(r"[A-Za-z]+", f"{list_name} {text_name}") if word[0].isupper())


@functools.lru_cache(maxsize=1)
def nationality_words() -> frozenset[str]:
    """Return the adjectives of States and regions, lower-cased, that take a capital before a common noun ("japanese",
    "chinese", "european"): "counterfeit Japanese whisky" is no name."""
    from portal.states.services import formal_names

    adjectives = {adjective.lower() for _, adjective in formal_names().values() if adjective and " " not in adjective}
    return frozenset(adjectives | set("african arab asian caribbean european latin nordic baltic balkan".split()))


def lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """Return the lemmas of ``word`` by universal part of speech, from lemminflect's dictionary."""
    return lemminflect.getAllLemmas(word.lower())


def can_be_verb(word: str) -> bool:
    found = lemmas(word)
    return "VERB" in found or "AUX" in found or ("-" in word or _prefixed(word.lower())) and bool(verb_lemma(word))
    # ("under-declare", "retransmit")


def can_be_noun(word: str) -> bool:
    """Tell whether ``word`` may be a noun: a noun of either lexicon, or the regular plural of one ("acts")."""
    lower = word.lower()
    if "-" in lower.strip("-"):
        return can_be_noun(lower.rsplit("-", 1)[1])  # "ex-offenders", "follow-up"
    if "NOUN" in lemmas(lower) or lexicon_tag(lower).startswith("NN"):
        return True
    singular = lemminflect.getAllLemmasOOV(lower, "NOUN").get("NOUN", ())
    return lower.endswith("s") and any(form != lower and ("NOUN" in lemmas(form) or lexicon_tag(form).startswith("NN"))
                                       for form in singular)


def lexicon_tag(word: str) -> str:
    """Return the most frequent tag of ``word`` in the tagger's lexicon ("" if it is unknown)."""
    return _lexicon().get(word) or ""


def third_person_form(word: str) -> bool:
    """Tell whether ``word`` is the third person singular present of a verb ("proposes", "carries")."""
    lower = word.lower()
    lemma = verb_lemma(lower)
    return bool(lemma) and lemma != lower and (
        lemminflect.getInflection(lemma, "VBZ")[:1] in ((lower,), (lower[:-1] + "ls",))
        or ("-" in lemma or _prefixed(lemma)) and inflect(lemma, "VBZ") == lower)
    # (the British "fulfils", "instils": the dictionary's lemma is "fulfill")


def base_form(word: str) -> bool:
    lower = word.lower()
    return ("VERB" in lemmas(lower) or "-" in lower or _prefixed(lower)) and verb_lemma(lower) in (lower, lower + "l")
    # ("fulfil", "instil"; "under-declare", "retransmit": a prefix and a verb)


# Prefixes that make a verb of a verb, with or without a hyphen ("reoffend", "co-finance", "under-declare").
VERB_PREFIXES = frozenset("re co de dis mis over under out pre inter cross".split())
_VERB_PREFIX = re.compile(f"({'|'.join(sorted(VERB_PREFIXES, key=len, reverse=True))})-?(?=\\w{{4}})")


def verb_lemma(word: str) -> str:
    lower = word.lower()
    found = lemmas(lower)
    for pos in ("VERB", "AUX"):
        if pos in found:
            return found[pos][0]
    if not found and re.search(r"(iz|is)(e|es|ed|ing)$|(ifies|ified)$|^[a-z]+at(ed|ing)$", lower):
        guessed = lemminflect.getAllLemmasOOV(lower, "VERB").get("VERB")  # "criminalizes", "operationalized", "deflagrated"
        return guessed[0] if guessed else ""
    stem = lower[:-2]
    if not found and stem and lower.endswith("ed") and lemmas(stem).get("VERB", ("",))[0] == stem \
            and lemminflect.getInflection(stem, "VBD")[:1] != [stem + "ed"]:
        return stem  # "spreaded", "catched": a regular past of an irregular verb, as some writers make it
    prefix = _VERB_PREFIX.match(lower)
    if not found and prefix and (lower.endswith("ed") or lower[prefix.end() - 1] == "-"
                                 and not can_be_noun(re.sub(r"e?s$", "", lower[prefix.end():]))):
        # "reoffended", "co-financed", "under-declares": a form the dictionary lacks, made of a prefix and a verb it
        # has (a word in "-s" may be a noun's plural: "undertrials"; after a hyphen, not a word that may be a noun:
        # "cross-border", "pre-trial")
        rest = verb_lemma(lower[prefix.end():])
        return prefix.group(1) + ("-" if lower[prefix.end() - 1] == "-" else "") + rest if rest else ""
    rest = verb_lemma(lower[prefix.end():]) if not found and prefix and "VERB" in lemmas(lower[prefix.end():]) else ""
    if rest and not can_be_noun(rest):
        return prefix.group(1) + rest  # "retransmit", "retransmits": a prefix and a verb that is no noun
    return ""


def _prefixed(lower: str) -> bool:
    """Tell whether ``lower``, a word the dictionary lacks, is a prefix and a verb that is no noun ("retransmit")."""
    return not lemmas(lower) and bool(_VERB_PREFIX.match(lower)) and bool(verb_lemma(lower))


def inflect(lemma: str, tag: str) -> str:
    """Return the form ``tag`` (VBD, VBN, VBZ, VB) of the verb ``lemma``, spelt as United Nations documents spell it
    (the Oxford spelling: "cancelled", "labelled", "travelled", where lemminflect gives "canceled")."""
    head, hyphen, rest = lemma.partition("-")
    if hyphen and head in VERB_PREFIXES and verb_lemma(rest) == rest:
        return f"{head}-{inflect(rest, tag)}"  # "under-declare" "under-declared"
    forms = lemminflect.getInflection(lemma, tag)
    prefix = re.match(r"(sub|out|over|under|up|mis|fore|with)(?=[a-z]{2,}$)", lemma) \
        if not forms or forms[0].endswith("ed") else None
    base_forms = lemminflect.getInflection(lemma[prefix.end():], tag) if prefix and tag in ("VBD", "VBN") else ()
    if base_forms and not base_forms[0].endswith("ed"):
        # "sublet" "sublet" (the dictionary gives "subletted"): a prefix and an irregular verb
        return prefix.group(1) + base_forms[0]
    forms = forms or lemminflect.getInflection(lemma, tag, inflect_oov=True)
    form = forms[0] if forms else lemma
    if tag == "VBD" and form == lemma + "ed" and lemminflect.getInflection(lemma, "VBN")[:1] == (lemma,):
        form = lemma  # "broadcast", "forecast": a past like the participle (the dictionary gives "broadcasted")
    if tag in ("VBD", "VBN", "VBG") and _doubles_final_l(lemma) and form in (lemma + "ed", lemma + "ing"):
        form = lemma + "l" + form[len(lemma):]
    return form


# Verbs in a vowel and "l" whose "l" British spelling does not double.
SINGLE_L = frozenset({"parallel", "unparallel"})
VOWEL_PAIRS = frozenset({"ea", "ee", "ai", "oi", "oo", "ou", "ei", "oa", "au"})


def _doubles_final_l(lemma: str) -> bool:
    """Tell whether British spelling doubles the final "l" of ``lemma`` before "-ed" and "-ing": a vowel before it
    ("cancel", "label", "fuel", "dial"), but not a vowel pair read as one ("appeal", "fail", "boil", "cool")."""
    return len(lemma) > 3 and lemma.endswith("l") and lemma[-2] in "aeiou" and lemma[-3:-1] not in VOWEL_PAIRS \
        and lemma not in SINGLE_L


def tag(tokens: list[Token]) -> list[Token]:
    """Tag ``tokens`` in place with Penn Treebank tags, corrected for the sentences States write, and return them."""
    if not tokens:
        return tokens
    from portal.reports import tagging  # the rules use this module's lexicons

    tags = _brill([token.text for token in tokens])
    for token, found in zip(tokens, tags):
        # (the lexicon's context rules give a preposition the tag of "which" or of a verb before a word that may be a
        # verb: "comments about suspects", "released on leave", "a prisoner on home leave")
        token.tag = "IN" if token.lower in PREPOSITIONS_ONLY and found not in ("IN", "RP", "RB", "TO") \
            else "RB" if token.lower in ("never", "now") else found  # (the context rules make "now" an adjective)
        if "." in token.text[1:-1] and token.text[-1].isalpha() and (web := _TOKEN.fullmatch(token.text)) \
                and web.lastgroup == "web":
            token.tag = "NNP"  # a web address is a name: "on the portal Merrjep.al"
        if token.lower == "that" and found not in ("IN", "DT", "WDT"):
            token.tag = "IN"  # (the lexicon's rules make it a verb or a noun after a pronoun: "informed us that")
        if found == "VBG" and not token.lower.endswith("ing") and verb_lemma(token.lower) == token.lower \
                and inflect(token.lower, "VBD") == token.lower:
            token.tag = "VBD"  # (the lexicon's rules tag "broadcast" as a gerund: a verb whose past is its base form)
    for index, (token, following) in enumerate(zip(tokens, tokens[1:])):
        if token.lower == "most" and token.tag == "RBS" and ((index == 0 or tokens[index - 1].tag == "IN")
                                                             and following.tag.startswith(("VB", "NN"))
                                                             and can_be_noun(following.lower) or following.lower == "of"):
            token.tag = "JJS"  # "In most cases the tests": the quantifier of a noun, not the adverb of a verb; "arranged
            # most of the sales": a pronoun
        if token.lower == "per" and following.lower in ("diem", "diems"):
            token.tag, following.tag = "JJ", "NN" if following.lower == "diem" else "NNS"  # a daily allowance, a noun
    tagging.correct(tokens)
    return tokens


def _previous_word(tokens: Sequence[Token], index: int, skip: frozenset[str] = ADVERBS_BETWEEN) -> int:
    """Return the index of the word before ``index``, skipping adverbs such as "not" and "also" (-1 if none)."""
    index -= 1
    while index >= 0 and (tokens[index].lower in skip or (tokens[index].lower.endswith("ly") and tokens[index].tag.startswith("RB"))
                          or (tokens[index].lower.endswith("ly") and len(tokens[index].lower) > 5 and tokens[index].tag == "JJ"
                              and skip is ADVERBS_BETWEEN)):
        index -= 1
    return index


def is_finite_present(token: Token) -> bool:
    """Tell whether a tagged token is a verb in the present tense (or "will", "can", "may", "shall")."""
    if token.quoted or not token.is_word:
        return False
    if token.tag in ("VBZ", "VBP"):
        return True
    return token.tag == "MD" and token.lower in ("will", "can", "may", "shall", "cannot")


def present_tense(text: str) -> list[tuple[int, int]]:
    """Return the spans of the finite verbs in the present tense in ``text``, outside quotation marks.

    What the prose check reports in a paragraph of reported speech: "Argentina reported that it
    proposes ..." gives the span of "proposes".
    """
    spans = []
    for sentence in sentences_of(tokens_of(text)):
        tagged_sentence = tag(sentence)
        for index, token in enumerate(tagged_sentence):
            if not is_finite_present(token):
                continue
            previous = tagged_sentence[index - 1] if index else None
            if previous is not None and previous.lower == "as" and token.lower in ("follows", "regards", "concerns"):
                continue  # "as follows", "as regards": fixed phrases
            if index and token.text[:1].isupper() and token.lower not in ("is", "are", "has", "have", "will", "can"):
                continue  # a word of a name or a title: "Anger Management", "the Unit"
            if token.tag == "VBZ" and can_be_noun(token.lower) and previous is not None and previous.tag in ("NN", "NNS") \
                    and any(t.tag in ("VBD", "MD") for t in tagged_sentence[index + 1:]):
                continue  # "the penal enforcement inspectorates remained": a noun before the sentence's own verb
            spans.append((token.start, token.end))
    return spans
