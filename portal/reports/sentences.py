"""A sentence of a State's answer rewritten in reported speech, word by word, with the spans to check.

:class:`Sentence` moves every finite verb outside quotations back a tense (with the subjunctive
after "propose that", "recommend that"), turns the first person and the State's later names into
"it" and "its", and moves the words pointing at the time of writing ("this year"). What it cannot be
sure of is kept as a :class:`Piece` with a reason, and :func:`assemble` turns those into the flags
of a :class:`Written` paragraph. :mod:`portal.reports.speech` puts the sentences together into the
report's paragraphs.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Iterable, Sequence

from portal.reports import grammar, prose, reasons
from portal.reports.grammar import Token
from portal.reports.tagging.phrases import object_after_places_and_dates, relative_opens
from portal.reports.tagging.words import CAUSATIVES, MANDATIVE, TIME_NOUNS, alternative_pasts, participle_form

# Verbs after which "that" opens a clause in the subjunctive.
MANDATIVE_NOUNS = frozenset("proposal suggestion recommendation request requirement demand insistence".split())

# Adverbs that go between "had" and "been" ("had also been"); others follow "been" ("had been fully").
BEFORE_BEEN = frozenset("""not also never already just yet always since further recently then still now frequently often
usually rarely seldom sometimes occasionally repeatedly previously generally normally regularly traditionally historically
later earlier formerly initially originally subsequently eventually first once mostly mainly largely partly
primarily really only actually certainly probably apparently allegedly reportedly even ever all both each""".split())
FIRST_PERSON = {"we": "it", "us": "it", "our": "its", "ours": "its", "ourselves": "itself"}
MODAL_PAST = {"will": "would", "can": "could", "may": "might", "shall": "should", "cannot": "could not"}
# Words that make a region's name of the State's name: "Western Australia", "Northern Territory".
COMPASS_WORDS = frozenset("western eastern northern southern central upper lower".split())
# Nouns that may open a sentence before the State's name without being part of a name ("Today Kenya ...").
TIME_WORDS = frozenset("today yesterday tomorrow tonight now currently".split())
TIME_SHIFT = {("this", "year"): "that year", ("next", "year"): "the following year",
              ("last", "year"): "the previous year", ("this", "month"): "that month",
              ("next", "month"): "the following month", ("last", "month"): "the previous month"}
# Nouns after "this" that need no antecedent ("in this regard").
IDIOMS = frozenset("regard respect connection context end purpose way matter field".split())
# Institutions that "the" alone names only when the answer named them before.
INSTITUTIONS = frozenset("""
ministry institute department office agency commission committee council centre center unit act law strategy
plan programme program court code authority service directorate secretariat bureau board division college academy
school university
""".split())
# Institutions the report names itself: "the Commission" (on Crime Prevention and Criminal Justice), to
# which it is addressed, and "the Secretariat" that writes it.
KNOWN_TO_THE_REPORT = frozenset({"commission", "secretariat"})
# Words that name a State's own institutions and keep their capital ("Parliament approved the law").
KEEP_CAPITAL = INSTITUTIONS | frozenset("""
parliament government congress senate cabinet constitution president internet state states member secretariat
monday tuesday wednesday thursday friday saturday sunday
""".split())


@dataclasses.dataclass
class Written:
    """A paragraph or sub-paragraph of the report, with the spans the editor should check."""

    text: str
    flags: list[dict] = dataclasses.field(default_factory=list)
    subparagraph: bool = False


@dataclasses.dataclass
class Piece:
    text: str
    reason: str = ""


def assemble(pieces: Iterable[Piece]) -> Written:
    """Join pieces into a text, turning the reasons of flagged pieces into spans."""
    text, flags = "", []
    for piece in pieces:
        if piece.reason and piece.text.strip():
            lead = len(piece.text) - len(piece.text.lstrip())
            start = len(text) + lead
            flags.append({"start": start, "end": start + len(piece.text.strip()), "reason": piece.reason})
        text += piece.text
    return Written(text, flags)


@dataclasses.dataclass
class StateNames:
    """How the report names a State: ``text`` in running text ("the Czech Republic"), and all its names."""

    text: str
    names: Sequence[str] = ()
    adjective: str = ""  # "Yemeni": "the Yemeni Government" is the State's own Government

    @property
    def capitalized(self) -> str:
        return prose.capitalize(self.text)

    def patterns(self) -> list[list[str]]:
        """Return each name as a list of words without a leading "the", longest first."""
        found = {tuple(re.sub(r"^the\s+", "", name, flags=re.IGNORECASE).split()) for name in (self.text, *self.names) if name}
        return [list(words) for words in sorted(found, key=len, reverse=True)]


class Sentence:
    """One sentence of an answer, rewritten in reported speech token by token."""

    def __init__(self, tokens: list[Token], source: str, state: StateNames, *, earlier: str):
        self.tokens = tokens
        self.source = source
        self.state = state
        self.earlier = earlier  # the answer's text before this sentence, to find antecedents
        self.out: dict[int, Piece] = {}  # replacement of token i
        self.before: dict[int, str] = {}  # text inserted before token i
        self.skip: set[int] = set()
        self.perfect_at: int | None = None  # where the backshift met a present perfect ("have" gives "had")
        self.state_spans = self._find_state()

    # -- finding the State ------------------------------------------------------------------------

    def _find_state(self) -> list[tuple[int, int, str]]:
        """Return the spans (start, end, form) where the sentence names its State: "name", "possessive", "government"."""
        spans: list[tuple[int, int, str]] = []
        tokens = self.tokens
        index = 0
        while index < len(tokens):
            adjective = self.state.adjective
            if adjective and tokens[index].text == adjective and index + 1 < len(tokens) \
                    and tokens[index + 1].lower in ("government", "state", "authorities") \
                    and not (index + 2 < len(tokens) and tokens[index + 2].text[:1].isupper() and tokens[index + 2].is_word) \
                    and not (index + 2 < len(tokens) and tokens[index + 2].tag in ("NN", "NNS") and tokens[index + 2].text.islower()):
                # (not "the Philippine Government Electronic Procurement System": a name; not "the Irish government
                # departments": the noun of a compound)
                start = index - 1 if index and tokens[index - 1].lower == "the" else index
                form = {"government": "government", "state": "name", "authorities": "authorities"}[tokens[index + 1].lower]
                spans.append((start, index + 2, form))  # "the Yemeni Government", "the Tunisian state"
                index += 2
                continue
            match = self._name_at(index)
            if match and (self._inside_a_name(match[0]) or self._opens_a_name(match[1]) or self._currency(*match)):
                if self._inside_a_name(match[0]):  # "the Ministry of Internal Affairs of Turkmenistan"
                    tokens[match[0]].uncertain = reasons.STATE_IN_NAME % {"word": tokens[match[0]].text}
                index = match[1]
                continue
            if match and match[0] > 0 and tokens[match[0] - 1].lower == "the" \
                    and not self.state.text.lower().startswith("the ") \
                    and " ".join(t.text for t in tokens[match[0]:match[1]]) == self.state.text:
                index = match[1]  # "in the Paraguay and Paraná rivers": the State's name takes no "the", a river's does
                continue
            if match:
                start, end = match
                if start > 0 and tokens[start - 1].lower == "the":
                    start -= 1
                form = "name"
                if end < len(tokens) and tokens[end].text in ("'s", "\u2019s") or tokens[end - 1].text.endswith(("'s", "\u2019s")):
                    form = "possessive"
                gov = start - 2 if start >= 2 and tokens[start - 1].lower == "of" and tokens[start - 2].lower == "government" else -1
                if gov >= 0:
                    if gov >= 1 and tokens[gov - 1].lower in ("royal", "federal", "national", "imperial"):
                        gov -= 1  # "the Royal Government of Bhutan"
                    start = gov - 1 if gov >= 1 and tokens[gov - 1].lower == "the" else gov
                    form = "government"
                spans.append((start, end, form))
                index = end
            else:
                index += 1
        return spans

    def _inside_a_name(self, index: int) -> bool:
        """Tell whether the State's name at ``index`` ends the name of something else ("Correctional Service of
        Canada", "International Trade Canada", "Department of Justice Canada"), which keeps it."""
        before = index - 1
        if before >= 2 and self.tokens[before].text == "The" and self.tokens[before - 1].text == "," \
                and self.tokens[before - 2].text[:1].isupper() and not self._sentence_start(before):
            return True  # "the Drug Law Enforcement Agency, The Gambia (DLEAG)": a capital "The" inside a sentence
        if before >= 1 and self.tokens[before].lower in ("de", "del", "da", "do", "di", "du", "des") \
                and self.tokens[before - 1].text[:1].isupper():
            return True  # "the Carabineros de Chile", "Polícia Federal do Brasil": a name in the State's language
        if before >= 3 and self.tokens[before].lower == "and" and self.tokens[before - 1].tag == "NNP" \
                and self.tokens[before - 2].lower == "of" and self.tokens[before - 3].text[:1].isupper() \
                and not self._sentence_start(before - 3):
            return True  # "the Straits of Malacca and Singapore": the second name after "of" in a name
        if before >= 0 and self.tokens[before].lower == "the":
            before -= 1
        if before >= 0 and self.tokens[before].lower in ("of", "to", "for", "in"):
            if before >= 1 and self.tokens[before - 1].lower == "government":
                return False
            if self.tokens[before].lower != "of" and not (before >= 1 and self.tokens[before - 1].text[:1].isupper()):
                return False  # "in Canada", "to Canada": the State, not part of a name
            before -= 1
        if before < 0:
            return False
        word = self.tokens[before]
        if before == index - 1 and self._sentence_start(before) and word.text[:1].isupper() \
                and (grammar.lexicon_tag(word.lower) in ("NN", "NNS") and word.lower not in TIME_WORDS
                     or word.lower in COMPASS_WORDS):
            return True  # "Statistics Lithuania and the Department published ...", "Western Australia has become ..."
        return word.text[:1].isupper() and word.is_word and not self._sentence_start(before) and word.lower not in (
            "in", "of", "and", "by", "for", "with", "to", "from", "that")

    def _currency(self, start: int, end: int) -> bool:
        """Tell whether the State's name between an amount and a plural is its currency: "650 million Singapore
        dollars", "2,000 Jamaica dollars"."""
        return start > 0 and self.tokens[start - 1].tag == "CD" and end < len(self.tokens) \
            and self.tokens[end].tag == "NNS" and self.tokens[end].text.islower()

    def _opens_a_name(self, end: int) -> bool:
        """Tell whether the State's name ending before ``end`` opens the name of something else ("Fiji Police Force")."""
        if end >= len(self.tokens) or self.tokens[end - 1].text.endswith(("'s", "\u2019s")):
            return False
        word = self.tokens[end]
        following = self.tokens[end + 1] if end + 1 < len(self.tokens) else None
        if word.is_word and word.text[:1].isupper() and word.tag in ("JJ", "VBN", "VBG") and following is not None \
                and following.is_word and following.text[:1].isupper() and following.tag.startswith("NN"):
            return True  # "the Zambia Compulsory Standards Agency": an adjective of the name, then its nouns
        return word.is_word and word.text[:1].isupper() and word.tag.startswith("NN") and not word.text.isupper() \
            or word.text.isupper() and len(word.text) > 1 and word.tag == "NNP" and word.lower not in ("i",)

    def _name_at(self, index: int) -> tuple[int, int] | None:
        for words in self.state.patterns():
            end = index + len(words)
            if end <= len(self.tokens) and all(self._same(self.tokens[index + k].text, word) for k, word in enumerate(words)):
                return index, end
        return None

    @staticmethod
    def _same(token: str, word: str) -> bool:
        return token == word or token in (word + "'s", word + "\u2019s")

    def state_at(self, index: int) -> tuple[int, int, str] | None:
        return next((span for span in self.state_spans if span[0] == index), None)

    # -- rewriting ---------------------------------------------------------------------------------

    def replace(self, index: int, text: str, reason: str = "") -> None:
        self.out[index] = Piece(text, reason or self.tokens[index].uncertain)

    def pieces(self, start: int = 0, end: int | None = None, *, spaced: bool = False) -> list[Piece]:
        """Return the rewritten text of tokens ``start`` to ``end``, with the original spaces between them.

        ``spaced``: keep the space before the first token too (the text follows other words).
        """
        end = len(self.tokens) if end is None else end
        pieces: list[Piece] = []
        previous_end = None
        for index in range(start, end):
            token = self.tokens[index]
            gap = self.source[previous_end:token.start] if previous_end is not None else ""
            previous_end = token.end
            if index in self.skip:
                continue
            inserted = self.before.get(index, "")
            piece = self.out.get(index) or Piece(token.text, token.uncertain)
            if not pieces and not spaced:
                gap = ""
            elif not pieces and spaced and index > 0:
                gap = self.source[self.tokens[index - 1].end:token.start] or (" " if token.is_word else "")
            pieces.append(Piece(gap + inserted))
            pieces.append(piece)
        return [piece for piece in pieces if piece.text]

    def third_person(self, *, named: bool) -> None:
        """Turn the first person and the State's later names into "it"/"its"; ``named``: the State is named before."""
        first_done = named
        state_starts = {span[0]: span for span in self.state_spans}
        index = 0
        while index < len(self.tokens):
            token = self.tokens[index]
            if token.quoted:
                index += 1
                continue
            span = state_starts.get(index)
            if span is not None:
                start, end, form = span
                if first_done:
                    capital = self._sentence_start(start)
                    word = {"name": "it", "possessive": "its", "government": "its Government",
                            "authorities": "its authorities"}[form]
                    if form == "name" and start > 0 and self.tokens[start - 1].lower in ("in", "into", "within", "throughout", "across"):
                        word = "the country"
                    article = start - 3  # ("the first product of Cameroon": adjectives between "the" and the noun)
                    while article > 0 and self.tokens[article].tag in ("JJ", "JJS", "JJR", "CD", "VBG", "NN") \
                            and self.tokens[article].text.islower():  # ("the last dancing bears of Bulgaria")
                        article -= 1
                    if form == "name" and start >= 3 and self.tokens[start - 1].lower == "of" \
                            and self.tokens[start - 2].tag.startswith("NN") and self.tokens[article].lower == "the" \
                            and not self.tokens[article].quoted:
                        # "off the coast of Somalia" gives "off its coast", "the first product of Cameroon" "its first
                        # product"
                        self.replace(article, "Its" if self._sentence_start(article) else "its")
                        self.skip.update(range(start - 1, end))
                        first_done = True
                        index = end
                        continue
                    reason = ""
                    if form == "authorities":  # "the Malagasy authorities": "its authorities", or as written?
                        reason = reasons.AUTHORITIES % {"words": word, "adjective": self.state.adjective}
                    self.replace(start, prose.capitalize(word) if capital else word, reason)
                    self.skip.update(range(start + 1, end))
                elif form == "name" and self._official_name(start, end):
                    # "Likewise, the Argentine Republic shared ...": the report names a State by its short name
                    self.replace(start, self.state.capitalized if self._sentence_start(start) else self.state.text)
                    self.skip.update(range(start + 1, end))
                first_done = True
                index = end
                continue
            lower = token.lower
            if lower in FIRST_PERSON and not (token.text == "US"):
                following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
                capital = self._sentence_start(index)
                if lower == "our" and following is not None and following.lower in ("country", "country's", "country\u2019s"):
                    self.replace(index, "The" if capital else "the")
                elif not first_done and lower == "we":
                    self.replace(index, self.state.capitalized if capital else self.state.text)
                    first_done = True
                else:
                    word = FIRST_PERSON[lower]
                    self.replace(index, prose.capitalize(word) if capital else word)
                    first_done = first_done or lower in ("we", "us")
            elif token.text == "I" and token.tag != "NNP":  # (not the numeral of a name: "the SPICE I")
                self.replace(index, token.text, reasons.I_IS_STATE)
            index += 1

    def _official_name(self, start: int, end: int) -> bool:
        """Tell whether the words ``start`` to ``end`` name the State otherwise than its short name."""
        words = [token.text for token in self.tokens[start:end] if token.lower != "the" or token is not self.tokens[start]]
        short = re.sub(r"^the\s+", "", self.state.text, flags=re.IGNORECASE).split()
        return bool(words) and words != short and not words[-1].endswith(("'s", "\u2019s"))

    def _sentence_start(self, index: int) -> bool:
        return all(not token.is_word and not token.text[:1].isdigit() for token in self.tokens[:index]) and index not in self.before

    def _we_before(self, index: int) -> bool:
        """Tell whether the verb that "and are" is coordinated with had "we" for its subject ("we are ... and are")."""
        for back in range(index - 1, -1, -1):
            token = self.tokens[back]
            if token.tag in ("VBZ", "VBP", "VBD", "MD") and token.lower != "and":
                return self.subject_is_we(back)
        return False

    def subject_is_we(self, index: int) -> bool:
        """Tell whether the nearest subject before verb ``index`` was "we" (which becomes "it")."""
        for position in range(index - 1, -1, -1):
            token = self.tokens[position]
            if token.lower in ("we",):
                # "the main measures we have taken ... are": "we" is the relative clause's, the noun the subject
                return not (position > 0 and self.tokens[position - 1].tag.startswith("NN"))
            if token.tag.startswith("NN") or token.lower in ("they", "it", "he", "she", "there", "which", "who", "that"):
                return False
        return False

    def backshift(self, start: int = 0) -> None:
        """Move every finite verb from ``start`` on back a tense (outside quotations)."""
        tokens = self.tokens
        subjunctive_starts = self._subjunctive_starts()
        had_before = False
        for index in range(start, len(tokens)):
            token = tokens[index]
            if token.quoted or not token.is_word or index in self.out:
                continue
            lower = token.lower
            subjunctive_from = max((start for start in subjunctive_starts if start <= index), default=None)
            if subjunctive_from is not None and self._in_subjunctive(index, subjunctive_from):
                if token.tag in ("VBZ", "VBP"):
                    following = tokens[index + 1] if index + 1 < len(tokens) else None
                    base = "be" if lower in ("is", "are", "am") else grammar.verb_lemma(lower) or token.text
                    if following is not None and following.lower == "not" and base == "do":
                        self.replace(index, "not")  # "does not pay" gives "not pay"
                        self.skip.add(index + 1)
                    elif following is not None and following.lower == "not":
                        self.replace(index, "not " + base)  # "is not sent" gives "not be sent"
                        self.skip.add(index + 1)
                    else:
                        self.replace(index, base)
                    continue
            if token.tag == "MD":
                if lower in MODAL_PAST:
                    self.replace(index, _case(token.text, MODAL_PAST[lower]))
                continue
            if token.tag in ("VBZ", "VBP"):
                if lower == "be":
                    continue  # "ordered that the records be corrected": a subjunctive the writer chose stays
                if lower in ("follows", "regards", "concerns") and index and tokens[index - 1].lower == "as":
                    continue  # "as follows", "as regards"
                if lower == "is" and index and tokens[index - 1].lower == "that" and index + 1 < len(tokens) and (
                        tokens[index + 1].lower == "to" and index + 2 < len(tokens) and tokens[index + 2].lower == "say"
                        or tokens[index + 1].text == ","
                        or index > 1 and tokens[index - 2].text == "," and tokens[index + 1].tag in ("NNS", "NNPS")):
                    continue  # "that is to say", "that is,", "impostors, that is persons who": a fixed phrase that explains
                if lower == "am" and grammar._previous_word(tokens, index) >= 0 \
                        and tokens[grammar._previous_word(tokens, index)].text != "I":
                    continue  # "Frankfurt am Main": only "I" takes "am"
                if lower in ("is", "am"):
                    self.replace(index, _case(token.text, "was"))
                elif lower == "are":
                    previous = grammar._previous_word(tokens, index)
                    coordinated = previous >= 0 and tokens[previous].lower in ("and", "or", "but")
                    singular = self.subject_is_we(index) or (coordinated and self._we_before(index))
                    self.replace(index, _case(token.text, "was" if singular else "were"))
                elif lower in ("has", "have"):
                    self.replace(index, _case(token.text, "had"))
                    had_before = True
                    self.perfect_at = index
                elif lower in ("do", "does"):
                    self.replace(index, _case(token.text, "did"))
                else:
                    lemma = grammar.verb_lemma(lower)
                    following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
                    if lemma == "lie" and following == "about":
                        self.replace(index, _case(token.text, "lied"))  # "a farmer who lies about his losses"
                    elif lower in ("lay", "lays"):
                        self.replace(index, _case(token.text, "laid"))  # to lay ("who lay out baits"), not to lie
                    elif lemma:
                        self.replace(index, _case(token.text, grammar.inflect(lemma, "VBD")))
                    else:
                        self.replace(index, token.text, reasons.TENSE % {"word": token.text})
                continue
            if token.tag == "VBD" or (token.tag == "VBN" and self._finite_participle(index)):
                had_before = self._past_to_perfect(index, had_before)
        self._shift_words(start)

    def _finite_participle(self, index: int) -> bool:
        """Tell whether a word tagged as a participle is a finite past after "we" or "it" ("we adopted")."""
        previous = grammar._previous_word(self.tokens, index)
        if previous >= 1 and self.tokens[previous - 1].tag == "IN":
            return False  # "most of it smuggled in parcels": the object of a preposition is no subject
        if previous >= 1 and self.tokens[previous - 1].lower in CAUSATIVES:
            return False  # "to have it deactivated": the object of "have" is no subject
        if previous >= 1 and self.tokens[previous].lower in ("country", "government") \
                and self.tokens[previous - 1].lower in ("our", "my") and (previous == 1 or self.tokens[previous - 2].text in ",;"):
            return True  # "Our country promulgated in 2015 the Penal Code": the State speaking, like "we"
        return previous >= 0 and self.tokens[previous].lower in ("we", "it", "they")

    def _past_to_perfect(self, index: int, had_before: bool) -> bool:
        """Put a past tense in the past perfect: "adopted" "had adopted", "was" "had been", "did not adopt" "had not adopted"."""
        tokens, token = self.tokens, self.tokens[index]
        lower = token.lower
        if lower == "had":
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is not None and (
                    following.lower in ("a", "an", "the", "no", "its", "their", "some", "more", "several", "many",
                                        "few", "such", "any", "enough", "much", "these", "those")
                    or following.tag == "CD" or following.tag == "NNS" and following.text.islower()
                    or following.tag == "NN" and following.text.islower() and not participle_form(following.lower)
                    or following.lower == "to" and index + 2 < len(tokens) and tokens[index + 2].tag == "VB"
                    or following.tag == "JJ" and following.text.islower() and index + 2 < len(tokens)
                    and tokens[index + 2].tag in ("NN", "NNS") and not participle_form(following.lower)
                    or following.lower in ("in", "during") and object_after_places_and_dates(tokens, index + 1)):
                self.replace(index, _case(token.text, "had had"))  # "had a backlog of 4,000 cases in 2021", "had to
                # repeat the exam": "have"
            elif following is not None and following.lower in ("it", "them") and index + 2 < len(tokens) \
                    and tokens[index + 2].tag == "VBN":
                self.replace(index, _case(token.text, "had had"))  # "we had them destroyed": "have" as a causative
            return True
        if lower == "used" and index + 2 < len(tokens) and tokens[index + 1].lower == "to" \
                and not self._use_in_an_object_relative(index):
            return had_before  # "used to be held" stays
        if lower in ("was", "were") and had_before and index and tokens[index - 1].lower in ("and", "or") \
                and self._after_a_past_of_its_subject(index - 1):
            self.replace(index, _case(token.text, "been"))  # "had tested positive and been detained": one "had"
            return True
        if lower in ("was", "were"):
            following = index + 1
            while following < len(tokens) and (tokens[following].lower in grammar.ADVERBS_BETWEEN
                                               or tokens[following].tag.startswith("RB")):
                following += 1
            if following > index + 1 and following < len(tokens) and (tokens[following].tag == "VBN"
                                                                       or tokens[index + 1].lower in BEFORE_BEEN):
                # "was also created" gives "had also been created", "were not fully reflected" "had not been fully
                # reflected", "were already dead" "had already been dead": "been" goes after the adverbs of "had"
                # (not, also, never...), before the others.
                been = index + 1
                while been < following and tokens[been].lower in BEFORE_BEEN:
                    been += 1
                self.replace(index, _case(token.text, "had"))
                self.before[been] = "been "
            else:
                self.replace(index, _case(token.text, "had been"))
            return True
        lemma = grammar.verb_lemma(lower)
        if lower == "did":
            following = index + 1
            while following < len(tokens) and tokens[following].lower in grammar.ADVERBS_BETWEEN:
                following += 1
            verb = tokens[following] if following < len(tokens) else None
            if verb is not None and (verb.tag == "VB" or following > index + 1 and verb.is_word and verb.text.islower()
                                     and verb.tag not in ("DT", "PRP$", "CD", "IN", "TO", "PRP")):
                # ("did not reoffend": after "did not", the word the lexicon may not know is the verb)
                self.replace(index, _case(token.text, "had"))
                self.replace(following, grammar.inflect(grammar.verb_lemma(tokens[following].lower) or tokens[following].lower, "VBN"))
                return True
            self.replace(index, _case(token.text, "had done"))
            return True
        if not lemma:
            return had_before
        participle = grammar.inflect(lemma, "VBN")
        if lower == lemma + "ed" and participle != lower != grammar.inflect(lemma, "VBD") \
                or lower in alternative_pasts(lemma):
            participle = token.text  # "spreaded", "broadcasted", "lit": the writer's own past stays as written ("had
            # spreaded", "had broadcasted", "had lit")
        if lower == "lay" and lemma == "lie":
            participle = "lain"  # "the victims lay in the street": "had lain" (the dictionary's "lied" is to tell lies)
        previous = grammar._previous_word(tokens, index, grammar.ADVERBS_BETWEEN | {"then"})  # ("and then went")
        if previous >= 0 and tokens[previous].lower in ("and", "or") and self._after_participle(previous):
            return had_before  # "would be circulated ... and sent": a participle coordinated with a participle
        coordinated = previous >= 0 and had_before and (
            tokens[previous].lower in ("and", "or", "nor") or tokens[previous].text == "," and self._in_a_series_of_pasts(previous))
        if coordinated and self.perfect_at is not None and self.perfect_at < previous and self._dated(index) \
                and self._perfect_of_being():
            # "we have been a party since 2003 and signed the Protocol in 2022": a past of its own, dated, after a
            # present perfect, not a participle sharing its "have"
            self.replace(index, participle)
            self.before[index] = "had "
            return True
        if coordinated:
            self.replace(index, participle)
            return True
        # "had" goes before the adverbs that precede the verb: "we recently adopted" "it had recently adopted".
        first = index
        while first > 0 and tokens[first - 1].tag.startswith("RB") and tokens[first - 1].lower != "not" \
                and (tokens[first - 1].lower.endswith("ly") or tokens[first - 1].lower in grammar.ADVERBS_BETWEEN
                     or tokens[first - 1].lower in ("later", "earlier", "first", "once")):
            # ("which had later attacked")
            # (an adverb of place ends what comes before: "recruited by organizations abroad had returned")
            first -= 1
        self.replace(index, participle)
        if first == index:
            self.before[index] = "had "
        else:
            self.before[first] = "had "
        return True

    def _use_in_an_object_relative(self, index: int) -> bool:
        """Tell whether "used to" at ``index`` is the verb "use" and an infinitive of purpose, in a relative clause
        whose pronoun is its object: "chemicals which he used to produce methamphetamine" (the infinitive has an object
        of its own), not the habit of "used to be held"."""
        tokens = self.tokens
        subject = index - 1
        return subject >= 1 and tokens[subject].tag in ("PRP", "NN", "NNS", "NNP") \
            and tokens[subject - 1].lower in ("which", "that") and index + 3 < len(tokens) \
            and tokens[index + 2].tag == "VB" and tokens[index + 3].tag in ("NN", "NNS", "DT", "PRP$", "JJ") \
            and not (index + 4 < len(tokens) and tokens[index + 4].lower in TIME_NOUNS)  # ("which we used to visit
        # every year": the pronoun is the object of the infinitive)

    def _in_a_series_of_pasts(self, comma: int) -> bool:
        """Tell whether the comma at ``comma`` joins two past verbs of one subject in a series closed by "and" or "or"
        ("received 3,912 reports, examined 381 cases and referred 127 of them"): the series shares one "had"."""
        tokens = self.tokens
        stops = ("which", "who", "whom", "whose", "that", "when", "where", "because", "if", "while", "after", "before")
        back = comma - 1
        while back >= 0 and tokens[back].tag != "VBD" and tokens[back].text not in ",;:" and tokens[back].lower not in stops:
            back -= 1
        if back < 0 or tokens[back].tag != "VBD" or back + 1 >= comma:
            return False
        opening = next((i for i in range(back - 1, -1, -1) if tokens[i].text in ",;:"), -1)
        clause = next((i + 1 for i in range(opening - 1, 0, -1) if tokens[i].text == "," and tokens[i + 1].lower
                       in ("and", "but", "while", "whereas") or tokens[i].text == ";"), 0)  # (its own clause's start)
        if opening >= 0 and tokens[opening].text == "," and any(
                tokens[i].lower in ("who", "which", "whom", "whose") for i in range(opening + 1, opening + 3)) \
                and not any(token.tag in ("VBZ", "VBP", "VBD", "MD") for token in tokens[clause:opening]):
            return False  # the comma closes a relative clause: "an agent, who was also an employee of a bank, opened"
            # ("..., and the "jaladoras", who looked for pregnant women, bought or stole babies")
        for position in range(comma + 2, len(tokens) - 1):
            token = tokens[position]
            if token.text in ";:" or token.lower in stops or token.tag in ("VBZ", "VBP", "MD"):
                return False
            if token.lower in ("and", "or"):
                following = position + 1
                while following < len(tokens) and tokens[following].tag.startswith("RB"):
                    following += 1
                if following < len(tokens) and tokens[following].tag in ("VBD", "VBN") \
                        and grammar.verb_lemma(tokens[following].lower) != "":
                    return True  # (an "and" between nouns goes on: "of insider dealing and market manipulation")
        return False

    def _after_a_past_of_its_subject(self, joiner: int) -> bool:
        """Tell whether the "and" at ``joiner`` follows a past put in the past perfect in its clause, with no comma or
        subject between ("143 drivers tested positive to drugs and were detained")."""
        for position in range(joiner - 1, -1, -1):
            token = self.tokens[position]
            if token.text in ",;:" or token.lower in ("which", "who", "that", "and", "or", "but"):
                return False
            if token.tag in ("VBD", "VBN") and (position in self.before or position in self.out) \
                    and self.before.get(position, "").strip() == "had":
                return True
            if token.tag in ("VBZ", "VBP", "MD"):
                return False
        return False

    def _perfect_of_being(self) -> bool:
        """Tell whether the present perfect met is "have been" and what one is ("have been a party since 2003"), which
        a dated past after "and" cannot share; "has undergone ... and joined" shares its "had"."""
        after = self.perfect_at + 1
        while after < len(self.tokens) and self.tokens[after].lower in grammar.ADVERBS_BETWEEN:
            after += 1
        if after + 1 >= len(self.tokens) or self.tokens[after].lower != "been":
            return False
        return self.tokens[after + 1].tag != "VBN"

    def _dated(self, index: int) -> bool:
        """Tell whether the clause of the verb at ``index`` says when, in the past: "in 2022", "on 3 May", "last year"."""
        tokens = self.tokens
        for position in range(index + 1, len(tokens)):
            token = tokens[position]
            if token.text in ",;:" or token.lower in ("and", "or", "but", "which", "who", "that") or token.tag in ("VBZ", "VBP", "VBD", "MD"):
                return False
            following = tokens[position + 1] if position + 1 < len(tokens) else None
            if token.lower in ("last", "ago", "yesterday") or following is not None and token.lower in ("in", "on") \
                    and (following.tag == "CD" or following.text in prose.MONTHS):
                return True
        return False

    def _after_participle(self, index: int) -> bool:
        """Tell whether the nearest verb before ``index`` is a participle after "be" or "been" (a passive)."""
        for back in range(index - 1, 0, -1):
            token = self.tokens[back]
            if token.tag in ("VBZ", "VBP", "VBD", "MD"):
                return False
            if token.tag == "VBN":
                auxiliary = self.tokens[grammar._previous_word(self.tokens, back)]
                opening = next((i for i in range(back - 1, -1, -1) if self.tokens[i].text == ","), None)
                if self.tokens[index - 1].text == "," and opening is not None \
                        and relative_opens(self.tokens, opening + 1):
                    return False  # "entered the houses, some of which were damaged, and took cash": the passive of a
                    # relative clause between commas
                return auxiliary.lower in ("be", "been", "being", "is", "are", "was", "were")
        return False

    def _subjunctive_starts(self) -> list[int]:
        """Return where each subjunctive clause starts: after "propose ... that", after a further "and that", and
        after a later "recommend that" ("we require that every band provide ..., and we recommend also that")."""
        starts: list[int] = []
        first = self._subjunctive_start(0)
        while first is not None:
            starts.append(first)
            for index in range(first, len(self.tokens) - 1):
                if self.tokens[index].lower == "that" and self.tokens[index - 1].lower in ("and", "or") \
                        and not self.tokens[index].quoted:
                    starts.append(index + 1)  # "proposed that X should ..., and that Y prepare ..."
            first = self._subjunctive_start(first)
        return sorted(set(starts))

    def _subjunctive_start(self, after: int) -> int | None:
        """Return the index after the first "propose/recommend ... that" from ``after``, where the subjunctive starts,
        or None."""
        for index, token in enumerate(self.tokens[after:], start=after):
            if token.quoted or token.lower != "that" or index == 0:
                continue
            verb = self.tokens[grammar._previous_word(self.tokens, index)]
            if index + 2 < len(self.tokens) and self.tokens[index + 1].tag in ("NN", "NNP") \
                    and self.tokens[index + 2].lower == "to":
                continue  # "may ask that State to take over the proceedings": "that" as a determiner
            if verb.tag.startswith("VB") and grammar.verb_lemma(verb.lower) in MANDATIVE:
                return index + 1
            back = grammar._previous_word(self.tokens, index)
            while back > 0 and index - back < 9 and self.tokens[back].tag in ("IN", "TO", "CD", "DT", "JJ", "NN", "NNS",
                                                                               "NNP", "PRP$", "RB") \
                    and self.tokens[back].lower not in ("that", "which", "who"):
                back -= 1  # "requires since 2021 from the banks that they verify": the phrases between the verb and "that"
            if back < index - 2 and self.tokens[back].tag in ("VB", "VBZ", "VBP", "VBD", "VBN", "VBG") \
                    and grammar.verb_lemma(self.tokens[back].lower) in MANDATIVE \
                    and any(self.tokens[i].tag in ("IN", "TO") for i in range(back + 1, index)) \
                    and self.tokens[index + 1].tag not in ("VBZ", "VBP", "VBD", "MD"):
                return index + 1  # (not "may ask for an order that prohibits": "that" opens a relative clause)
            if verb.tag.startswith("NN") and re.sub(r"s$", "", verb.lower) in MANDATIVE_NOUNS:
                return index + 1  # "the proposals that the United Nations initiate negotiations"
        return None

    def _in_subjunctive(self, index: int, start: int) -> bool:
        """Tell whether verb ``index`` is the subjunctive's verb: the first finite verb after "that", or one coordinated with it."""
        if self._relative_verb(index):
            return False  # "requested that every power of attorney which is older ... be confirmed": the relative's verb
        every = [i for i in range(start, index) if self.tokens[i].tag in ("VBZ", "VBP", "MD", "VBD")]
        if every and self._relative_verb(every[-1]) \
                and self.tokens[grammar._previous_word(self.tokens, index)].lower in ("and", "or") \
                and not any(self.tokens[i].text == "," for i in range(every[-1], index)):
            return False  # "guidance on seminaries, which receive donations and are visited by few inspectors"
        finite = [i for i in every if not self._relative_verb(i)]
        if any(self.tokens[i].text == "," and self.tokens[i + 1].lower in ("and", "but")
               and self.tokens[i + 2].tag in ("DT", "PRP", "NNP", "PRP$", "CD") for i in range(start, index - 2)):
            return False  # "asked that the delay be reduced, and a draft law foresees ...": a clause of its own
        if any(self.tokens[i].text == "," and self.tokens[i + 1].lower in ("since", "because", "as", "while", "when",
                                                                           "although", "whereas", "if")
               for i in range(start, index - 1)):
            return False  # "recommended that UNODC develop ..., since ... while the other parent works": a reason
        if not finite:
            return True
        previous = grammar._previous_word(self.tokens, index)
        series = previous >= 0 and self.tokens[previous].text == "," and any(
            self.tokens[j].lower in ("and", "or") and self.tokens[j + 1].tag in ("VBZ", "VBP")
            for j in range(index + 1, len(self.tokens) - 1))  # "that every ambulance is registered, has a number and carries"
        return previous >= 0 and (self.tokens[previous].lower in ("and", "or") or series) and all(
            self.tokens[i].tag in ("VBZ", "VBP") for i in finite)

    def _relative_verb(self, index: int) -> bool:
        """Tell whether the verb at ``index`` comes right after a relative pronoun after a noun ("attorney which is")."""
        previous = grammar._previous_word(self.tokens, index)
        return previous >= 1 and self.tokens[previous].lower in ("which", "who", "that") \
            and (self.tokens[previous - 1].tag.startswith("NN") or self.tokens[previous - 1].text == ","
                 and self.tokens[previous].lower != "that" and previous >= 2
                 and self.tokens[previous - 2].tag.startswith("NN"))

    def _shift_words(self, start: int) -> None:
        """Move "this year" to "that year", "this"/"these" before a noun to "that"/"those" (flagged without antecedent)."""
        tokens = self.tokens
        for index in range(start, len(tokens) - 1):
            token, following = tokens[index], tokens[index + 1]
            if token.quoted or index in self.out:
                continue
            pair = (token.lower, following.lower)
            determined = index > 0 and (tokens[index - 1].tag in ("DT", "PRP$") or tokens[index - 1].lower in ("the", "its", "their"))
            if pair in TIME_SHIFT and not determined and not (index + 2 < len(tokens) and tokens[index + 2].lower == "of"):
                # (not "during the last year of their sentence", "the next year of the programme")
                self.replace(index, _case(token.text, TIME_SHIFT[pair]))
                self.skip.add(index + 1)
                continue
            noun_at = index + 1
            while noun_at < min(len(tokens) - 1, index + 3) and tokens[noun_at].tag in ("JJ", "VBN") \
                    and tokens[noun_at].text.islower():
                noun_at += 1  # "these new offences"
            if token.lower in ("this", "these") and tokens[noun_at].tag.startswith("NN") and tokens[noun_at].is_word:
                following = tokens[noun_at]
                shifted = _case(token.text, "that" if token.lower == "this" else "those")
                noun = following.lower
                stem = noun[:-1] if noun.endswith("s") else noun
                if noun in IDIOMS or re.search(rf"\b{re.escape(stem)}", self.earlier, re.IGNORECASE):
                    self.replace(index, shifted)
                else:
                    self.replace(index, shifted, reasons.REFERS_TO_UNPRINTED % {"words": f"{token.text} {following.text}"})
            elif token.lower == "this" and following.text in ",.;:" and index > 0 \
                    and (tokens[index - 1].tag == "IN" or tokens[index - 1].tag.startswith("VB")) and self.earlier.strip():
                # "In spite of this, the customs ...", "To stop this, the Directorate has": what was said before
                self.replace(index, _case(token.text, "that"))
            elif token.lower == "the" and following.text[:1].isupper() and following.lower in INSTITUTIONS \
                    and following.lower not in KNOWN_TO_THE_REPORT:
                after = tokens[index + 2] if index + 2 < len(tokens) else None
                named = after is not None and (after.lower in ("of", "for", "on", "against") or after.text[:1].isupper())
                if not named and not re.search(rf"\b{re.escape(following.text)}\s+(of|for|on)\b|\b[A-Z]\w+\s+{re.escape(following.text)}\b",
                                               self.earlier):
                    self.replace(index + 1, following.text, reasons.INSTITUTION_UNNAMED % {"words": f"the {following.text}"})


def _case(original: str, word: str) -> str:
    return prose.capitalize(word) if original[:1].isupper() else word


def lower_first(text: str, answer: str = "") -> str:
    """Lower-case the first word of ``text`` when it is a common word (not a proper noun or an acronym).

    A word is common when the lexicons know it in lower case, or the ``answer`` it comes from writes it in
    lower case elsewhere ("Methamphetamine has become ... seized 50 kg of methamphetamine"), and it is not
    the name of a State, a month or an institution of a State ("Parliament"), and the word after it does not
    take a capital too ("Criminal Code", "National Assembly").
    """
    match = re.match(r"[A-Za-z]+", text)
    if not match:
        return text
    word = match.group(0)
    if not word[0].isupper() or (len(word) > 1 and not word[1:].islower()) or word == "I":
        return text
    lower = word.lower()
    if lower == "an" and re.match(r"An\s+[B-DF-GJ-NP-TV-Z]", text):
        return text  # "An Garda Síochána": the English article comes before a vowel, this "An" is a name's
    following = re.match(r"[A-Za-z]+\s+([A-Za-z]+)", text)
    if lower in prose.COMMON_OPENERS and not (lower != "the" and following and following.group(1)[0].isupper()
                                              and {lower, following.group(1).lower()} <= grammar.state_words()):
        return lower + text[len(word):]  # (not "New Zealand Police": a State's name)
    national = following and following.group(1).lower() in grammar.nationality_words() \
        and lower not in grammar.state_words() and re.match(r"[A-Za-z]+\s+[A-Za-z]+(?:\s+[a-z]|\s*$)", text)
    if following and following.group(1)[0].isupper() and not national or re.match(r"-[A-Z]", text[len(word):]):
        return text  # (a name's words with capitals, one of them joined by a hyphen: "Decree-Law No. 2011-88"; not
        # "Counterfeit Japanese whisky", an adjective of a State before a common noun)
    if lower in KEEP_CAPITAL or lower in grammar.state_words() or word in prose.MONTHS:
        return text
    if lower in grammar._lexicon() or grammar.lemmas(lower):
        return lower + text[len(word):]
    if answer and re.search(rf"\b{re.escape(lower)}\b", answer):
        return lower + text[len(word):]  # the State writes it in lower case: a common noun
    return text
