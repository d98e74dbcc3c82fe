"""Reported speech: an answer as a State writes it, as the report of the Secretary-General prints it.

"We have adopted a new law" becomes "Canada reported that it had adopted a new law." The rules
are those of tests/reports/corpus/README.md, after E/CN.15/2011/15: each paragraph opens with the
State and a reporting verb (the State's own verb of saying when it has one: "We consider" gives
"Canada considered"); every finite verb outside quotations moves back a tense; the first person
becomes the third; the State is named once per sentence; what a State proposes keeps its
subjunctive; words pointing at the time of writing move with it.

Where a rule cannot be sure (a word that may be a noun or a verb, "this area" or "the Ministry"
with nothing before it, a sentence without a verb it can find), the text is still written and the
span is flagged with the reason, for the editor to check (:class:`Written`).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Iterable, Sequence

from portal.core.bidi import isolate, needs_isolation
from portal.reports import grammar, prose
from portal.reports.grammar import Token

# The lead-ins of a State's successive paragraphs ("position"), and their verbs alone, for a
# paragraph that opens with an introductory phrase ("With regard to legislation, Canada reported").
LEAD_INS = (
    "{State} reported that",
    "{State} also noted that",
    "Furthermore, {state} indicated that",
    "In addition, {state} stated that",
    "{State} further reported that",
    "Moreover, {state} noted that",
)
LEAD_IN_VERBS = ("reported", "also noted", "indicated", "stated", "further reported", "noted")

# Verbs of saying and thinking: a State that is their subject reports in its own words.
SAYING = frozenset("""
acknowledge advocate affirm agree believe call commend confirm consider emphasize emphasise encourage express
favour favor highlight hope indicate insist invite mention note oppose propose recall recognize recognise
recommend reiterate reject request stress suggest support underline urge view welcome wish
""".split())
# Verbs after which "that" opens a clause in the subjunctive.
MANDATIVE = frozenset("propose suggest recommend request urge insist ask demand require".split())

FIRST_PERSON = {"we": "it", "us": "it", "our": "its", "ours": "its", "ourselves": "itself"}
MODAL_PAST = {"will": "would", "can": "could", "may": "might", "shall": "should", "cannot": "could not"}
TIME_SHIFT = {("this", "year"): "that year", ("next", "year"): "the following year",
              ("last", "year"): "the previous year", ("this", "month"): "that month",
              ("next", "month"): "the following month", ("last", "month"): "the previous month"}
# Nouns after "this" that need no antecedent ("in this regard").
IDIOMS = frozenset("regard respect connection context end purpose way matter field".split())
# Institutions that "the" alone names only when the answer named them before.
INSTITUTIONS = frozenset("""
ministry institute department office agency commission committee council centre center unit act law strategy
plan programme program court code authority service directorate secretariat bureau board division
""".split())
# Words that name a State's own institutions and keep their capital ("Parliament approved the law").
KEEP_CAPITAL = INSTITUTIONS | frozenset("""
parliament government congress senate cabinet constitution president internet state states member secretariat
monday tuesday wednesday thursday friday saturday sunday
""".split())
INTRO_OPENERS = frozenset("""
together without unlike alongside beyond across against besides since in with regarding concerning as after before during following through under to for by at on from within if when
while although though whereas once unless because where
between among given despite throughout until upon pursuant according moreover furthermore however additionally
also finally recently currently presently consequently therefore thus first second third lastly besides
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
        self.state_spans = self._find_state()

    # -- finding the State ------------------------------------------------------------------------

    def _find_state(self) -> list[tuple[int, int, str]]:
        """Return the spans (start, end, form) where the sentence names its State: "name", "possessive", "government"."""
        spans: list[tuple[int, int, str]] = []
        tokens = self.tokens
        index = 0
        while index < len(tokens):
            match = self._name_at(index)
            if match and self._inside_a_name(match[0]):
                index = match[1]
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
        if before >= 0 and self.tokens[before].lower == "the":
            before -= 1
        if before >= 0 and self.tokens[before].lower == "of":
            if before >= 1 and self.tokens[before - 1].lower == "government":
                return False
            before -= 1
        if before < 0:
            return False
        word = self.tokens[before]
        return word.text[:1].isupper() and word.is_word and not self._sentence_start(before) and word.lower not in (
            "in", "of", "and", "by", "for", "with", "to", "from", "that")

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
                gap = self.source[self.tokens[index - 1].end:token.start] or " "
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
                    word = {"name": "it", "possessive": "its", "government": "its Government"}[form]
                    if form == "name" and start > 0 and self.tokens[start - 1].lower == "in":
                        word = "the country"
                    self.replace(start, prose.capitalize(word) if capital else word)
                    self.skip.update(range(start + 1, end))
                first_done = True
                index = end
                continue
            lower = token.lower
            if lower in FIRST_PERSON and not (token.text == "US"):
                following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
                capital = self._sentence_start(index)
                if lower == "our" and following is not None and following.lower == "country":
                    self.replace(index, "The" if capital else "the")
                elif not first_done and lower == "we":
                    self.replace(index, self.state.capitalized if capital else self.state.text)
                    first_done = True
                else:
                    word = FIRST_PERSON[lower]
                    self.replace(index, prose.capitalize(word) if capital else word)
                    first_done = first_done or lower in ("we", "us")
            elif token.text == "I":
                self.replace(index, token.text, "check who \u2018I\u2019 is: the report speaks of the State")
            index += 1

    def _sentence_start(self, index: int) -> bool:
        return all(not token.is_word and not token.text[:1].isdigit() for token in self.tokens[:index]) and index not in self.before

    def subject_is_we(self, index: int) -> bool:
        """Tell whether the nearest subject before verb ``index`` was "we" (which becomes "it")."""
        for token in reversed(self.tokens[:index]):
            if token.lower in ("we",):
                return True
            if token.tag.startswith("NN") or token.lower in ("they", "it", "he", "she", "there", "which", "who", "that"):
                return False
        return False

    def backshift(self, start: int = 0) -> None:
        """Move every finite verb from ``start`` on back a tense (outside quotations)."""
        tokens = self.tokens
        subjunctive_from = self._subjunctive_start()
        had_before = False
        for index in range(start, len(tokens)):
            token = tokens[index]
            if token.quoted or not token.is_word or index in self.out:
                continue
            lower = token.lower
            if subjunctive_from is not None and index >= subjunctive_from and self._in_subjunctive(index, subjunctive_from):
                if token.tag in ("VBZ", "VBP"):
                    self.replace(index, "be" if lower in ("is", "are", "am") else grammar.verb_lemma(lower) or token.text)
                    continue
            if token.tag == "MD":
                if lower in MODAL_PAST:
                    self.replace(index, _case(token.text, MODAL_PAST[lower]))
                continue
            if token.tag in ("VBZ", "VBP"):
                if lower in ("is", "am"):
                    self.replace(index, _case(token.text, "was"))
                elif lower == "are":
                    self.replace(index, _case(token.text, "was" if self.subject_is_we(index) else "were"))
                elif lower in ("has", "have"):
                    self.replace(index, _case(token.text, "had"))
                elif lower in ("do", "does"):
                    self.replace(index, _case(token.text, "did"))
                else:
                    lemma = grammar.verb_lemma(lower)
                    if lemma:
                        self.replace(index, _case(token.text, grammar.inflect(lemma, "VBD")))
                    else:
                        self.replace(index, token.text, f"check the tense of \u2018{token.text}\u2019")
                continue
            if token.tag == "VBD" or (token.tag == "VBN" and self._finite_participle(index)):
                had_before = self._past_to_perfect(index, had_before)
        self._shift_words(start)

    def _finite_participle(self, index: int) -> bool:
        """Tell whether a word tagged as a participle is a finite past after "we" or "it" ("we adopted")."""
        previous = grammar._previous_word(self.tokens, index)
        return previous >= 0 and self.tokens[previous].lower in ("we", "it", "they")

    def _past_to_perfect(self, index: int, had_before: bool) -> bool:
        """Put a past tense in the past perfect: "adopted" "had adopted", "was" "had been", "did not adopt" "had not adopted"."""
        tokens, token = self.tokens, self.tokens[index]
        lower = token.lower
        if lower == "had":
            return True
        if lower in ("was", "were"):
            self.replace(index, _case(token.text, "had been"))
            return True
        lemma = grammar.verb_lemma(lower)
        if lower == "did":
            following = index + 1
            while following < len(tokens) and tokens[following].lower in grammar.ADVERBS_BETWEEN:
                following += 1
            if following < len(tokens) and tokens[following].tag == "VB":
                self.replace(index, _case(token.text, "had"))
                self.replace(following, grammar.inflect(grammar.verb_lemma(tokens[following].lower) or tokens[following].lower, "VBN"))
                return True
            self.replace(index, _case(token.text, "had done"))
            return True
        if not lemma:
            return had_before
        participle = grammar.inflect(lemma, "VBN")
        previous = grammar._previous_word(tokens, index)
        if previous >= 0 and tokens[previous].lower in ("and", "or") and self._after_participle(previous):
            return had_before  # "would be circulated ... and sent": a participle coordinated with a participle
        coordinated = previous >= 0 and tokens[previous].lower in ("and", "or") and had_before
        if coordinated:
            self.replace(index, participle)
            return True
        # "had" goes before the adverbs that precede the verb: "we recently adopted" "it had recently adopted".
        first = index
        while first > 0 and tokens[first - 1].tag.startswith("RB") and tokens[first - 1].lower != "not":
            first -= 1
        self.replace(index, participle)
        if first == index:
            self.before[index] = "had "
        else:
            self.before[first] = "had "
        return True

    def _after_participle(self, index: int) -> bool:
        """Tell whether the nearest verb before ``index`` is a participle after "be" or "been" (a passive)."""
        for back in range(index - 1, 0, -1):
            token = self.tokens[back]
            if token.tag in ("VBZ", "VBP", "VBD", "MD"):
                return False
            if token.tag == "VBN":
                auxiliary = self.tokens[grammar._previous_word(self.tokens, back)]
                return auxiliary.lower in ("be", "been", "being", "is", "are", "was", "were")
        return False

    def _subjunctive_start(self) -> int | None:
        """Return the index after "propose/recommend ... that", where the subjunctive starts, or None."""
        for index, token in enumerate(self.tokens):
            if token.quoted or token.lower != "that" or index == 0:
                continue
            verb = self.tokens[grammar._previous_word(self.tokens, index)]
            if verb.tag.startswith("VB") and grammar.verb_lemma(verb.lower) in MANDATIVE:
                return index + 1
        return None

    def _in_subjunctive(self, index: int, start: int) -> bool:
        """Tell whether verb ``index`` is the subjunctive's verb: the first finite verb after "that", or one coordinated with it."""
        finite = [i for i in range(start, index) if self.tokens[i].tag in ("VBZ", "VBP", "MD", "VBD")]
        if not finite:
            return True
        previous = grammar._previous_word(self.tokens, index)
        return previous >= 0 and self.tokens[previous].lower in ("and", "or") and all(
            self.tokens[i].tag in ("VBZ", "VBP") for i in finite)

    def _shift_words(self, start: int) -> None:
        """Move "this year" to "that year", "this"/"these" before a noun to "that"/"those" (flagged without antecedent)."""
        tokens = self.tokens
        for index in range(start, len(tokens) - 1):
            token, following = tokens[index], tokens[index + 1]
            if token.quoted or index in self.out:
                continue
            pair = (token.lower, following.lower)
            if pair in TIME_SHIFT:
                self.replace(index, _case(token.text, TIME_SHIFT[pair]))
                self.skip.add(index + 1)
                continue
            if token.lower in ("this", "these") and following.tag.startswith("NN") and following.is_word:
                shifted = _case(token.text, "that" if token.lower == "this" else "those")
                noun = following.lower
                stem = noun[:-1] if noun.endswith("s") else noun
                if noun in IDIOMS or re.search(rf"\b{re.escape(stem)}", self.earlier, re.IGNORECASE):
                    self.replace(index, shifted)
                else:
                    self.replace(index, shifted, f"check what \u2018{token.text} {following.text}\u2019 refers to: "
                                                 "the report does not print what the answer was about")
            elif token.lower == "the" and following.text[:1].isupper() and following.lower in INSTITUTIONS:
                after = tokens[index + 2] if index + 2 < len(tokens) else None
                named = after is not None and (after.lower in ("of", "for", "on", "against") or after.text[:1].isupper())
                if not named and not re.search(rf"\b{re.escape(following.text)}\s+(of|for|on)\b|\b[A-Z]\w+\s+{re.escape(following.text)}\b",
                                               self.earlier):
                    self.replace(index + 1, following.text, f"check what \u2018the {following.text}\u2019 refers to: "
                                                            "the answer names none before")


def _case(original: str, word: str) -> str:
    return prose.capitalize(word) if original[:1].isupper() else word


def _lower_first(text: str) -> str:
    """Lower-case the first word of ``text`` when it is a common word (not a proper noun or an acronym).

    A word is common when the lexicons know it in lower case and it is not the name of a State, a
    month or an institution of a State ("Parliament"), and the word after it does not take a capital
    too ("Criminal Code", "National Assembly").
    """
    match = re.match(r"[A-Za-z]+", text)
    if not match:
        return text
    word = match.group(0)
    if not word[0].isupper() or (len(word) > 1 and not word[1:].islower()) or word == "I":
        return text
    lower = word.lower()
    if lower in prose.COMMON_OPENERS:
        return lower + text[len(word):]
    following = re.match(r"[A-Za-z]+\s+([A-Za-z])", text)
    if following and following.group(1).isupper():
        return text
    if lower in KEEP_CAPITAL or lower in grammar.state_words() or word in prose.MONTHS:
        return text
    if lower in grammar._lexicon() or grammar.lemmas(lower):
        return lower + text[len(word):]
    return text


# -- paragraphs -------------------------------------------------------------------------------------


def lead_in(position: int, state: StateNames, *, heading: str = "") -> str:
    """Return the lead-in of a State's ``position``-th paragraph (ending in "that")."""
    turn = 0 if position == 0 else 1 + (position - 1) % (len(LEAD_INS) - 1)
    if heading:
        return f"With regard to {_lower_first(heading)}, {state.text} {LEAD_IN_VERBS[turn]} that"
    return LEAD_INS[turn].format(State=state.capitalized, state=state.text)


def _intro_end(tokens: Sequence[Token]) -> int | None:
    """Return the index of the comma closing an introductory phrase at the start ("Since 2009, ..."), or None."""
    if not tokens:
        return None
    first = tokens[0]
    opener = first.lower in INTRO_OPENERS or first.tag in ("IN", "RB", "VBG", "TO") or (
        first.lower.endswith("ly") and first.tag.startswith(("RB", "JJ")))
    if not opener or first.lower in ("that", "which"):
        return None
    for index, token in enumerate(tokens[:25]):
        if token.text == "," and not token.quoted:
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            return index if following is not None and (following.is_word or following.text[:1].isdigit()) else None
        if token.text in ";:" or token.tag in ("VBZ", "VBP", "MD") and index > 0 and tokens[0].lower not in ("since", "as", "after", "before", "until", "when", "if", "while", "although"):
            return None
    return None


def _verb_after(tokens: Sequence[Token], index: int) -> int:
    """Return the index of the first verb at or after ``index``, skipping adverbs ("also", "fully")."""
    while index < len(tokens) and (tokens[index].tag.startswith("RB") or tokens[index].lower in grammar.ADVERBS_BETWEEN
                                   or (tokens[index].lower.endswith("ly") and tokens[index].tag == "JJ")):
        index += 1
    return index


def _state_subject(sentence: Sentence, start: int) -> tuple[int, str] | None:
    """If the clause at ``start`` has the State as its subject, return where the subject ends and its form."""
    tokens = sentence.tokens
    if start >= len(tokens):
        return None
    if tokens[start].lower == "we":
        return start + 1, "we"
    span = sentence.state_at(start)
    if span is not None:
        return span[1], span[2]
    if tokens[start].lower == "our" and start + 1 < len(tokens) and tokens[start + 1].lower == "government":
        return start + 2, "government"
    return None


def _saying_verb(sentence: Sentence, index: int) -> bool:
    """Tell whether token ``index`` is a verb of saying in the simple present ("highlights", "do not support")."""
    tokens = sentence.tokens
    if index >= len(tokens):
        return False
    token = tokens[index]
    if token.lower in ("do", "does") and token.tag in ("VBZ", "VBP"):
        following = _verb_after(tokens, index + 1)
        return following < len(tokens) and grammar.verb_lemma(tokens[following].lower) in SAYING and tokens[following].tag == "VB"
    return token.tag in ("VBZ", "VBP") and grammar.verb_lemma(token.lower) in SAYING and not token.uncertain


def first_sentence(sentence: Sentence, position: int, *, heading: str = "") -> list[Piece]:
    """Rewrite the first sentence of a paragraph: the State and a reporting verb, then the clause in the past."""
    tokens = sentence.tokens
    comma = _intro_end(tokens)
    start = comma + 1 if comma is not None else 0
    subject = _state_subject(sentence, start)
    if subject is not None and _saying_verb(sentence, _verb_after(tokens, subject[0])):
        end, form = subject
        sentence.backshift(0)
        sentence.third_person(named=True)
        pieces = sentence.pieces(0, start) if comma is not None else []
        if heading and comma is None:
            pieces = [Piece(f"With regard to {_lower_first(heading)}, ")]
        name = state_name(sentence.state, capital=not pieces)
        pieces.append(Piece(("" if not pieces else " " if not pieces[-1].text.endswith(" ") else "") + name))
        pieces.extend(sentence.pieces(end, spaced=True))
        return pieces
    lead = lead_in(position, sentence.state, heading=heading)
    if subject is not None:
        end, form = subject
        sentence.backshift(0)
        sentence.third_person(named=True)
        subject_text = {"we": "it", "name": "it", "possessive": "its", "government": "its Government"}[form]
        rest = [Piece(subject_text, tokens[start].uncertain)] + sentence.pieces(end, spaced=True)
    else:
        sentence.backshift(0)
        sentence.third_person(named=True)
        rest = sentence.pieces(start)
        if rest:
            rest[0] = Piece(_lower_first(rest[0].text), rest[0].reason)
    pieces = [Piece(lead)]
    if comma is not None:
        intro = sentence.pieces(0, comma)
        intro[0] = Piece(_lower_first(intro[0].text), intro[0].reason)
        pieces += [Piece(", ")] + intro + [Piece(", ")]
    else:
        pieces.append(Piece(" "))
    return pieces + rest


def state_name(state: StateNames, *, capital: bool) -> str:
    return state.capitalized if capital else state.text


def later_sentence(sentence: Sentence) -> list[Piece]:
    """Rewrite a sentence after the first: in the past, the State named by its name once, then "it"."""
    sentence.backshift(0)
    sentence.third_person(named=False)
    return sentence.pieces()


def _flag_opening(sentence: Sentence) -> None:
    """Flag what the first sentence of a paragraph cannot say alone: "It", "They", "This" with nothing before
    them in the report's paragraph, and "we" after an institution's name ("At the Ministry of ..., we")."""
    tokens = sentence.tokens
    comma = _intro_end(tokens)
    start = comma + 1 if comma is not None else 0
    if start < len(tokens) and tokens[start].lower in ("it", "they", "this", "these", "he", "she") \
            and (start + 1 >= len(tokens) or not tokens[start + 1].tag.startswith("NN")):
        tokens[start].uncertain = f"check what \u2018{tokens[start].text}\u2019 refers to: the paragraph names nothing before it"
    if comma is not None and start < len(tokens) and tokens[start].lower == "we" and any(
            token.lower in INSTITUTIONS and token.text[:1].isupper() for token in tokens[:comma]):
        tokens[start].uncertain = "check who \u2018we\u2019 is: the State, or the institution named before it"


def _check_unparsed(sentence: Sentence) -> str:
    """Return why a sentence could not be read with confidence ("" when it could)."""
    if any(token.tag in ("VBZ", "VBP", "VBD", "MD", "VB", "VBN") for token in sentence.tokens if not token.quoted):
        return ""
    if len([t for t in sentence.tokens if t.is_word]) < 3:
        return ""
    return "check this sentence: no verb was found in it"


def paragraph(text: str, state: StateNames, position: int, *, heading: str = "", earlier: str = "",
              ending: str = ".") -> Written:
    """Return one paragraph of an answer as one paragraph of the report, in reported speech."""
    tokens = grammar.tokens_of(text)
    sentences = grammar.sentences_of(tokens)
    pieces: list[Piece] = []
    for number, sentence_tokens in enumerate(sentences):
        grammar.tag(sentence_tokens)
        offset = sentence_tokens[0].start
        before = earlier + " " + text[:offset]
        sentence = Sentence(sentence_tokens, text, state, earlier=before)
        reason = _check_unparsed(sentence)
        if number == 0:
            _flag_opening(sentence)
        written = first_sentence(sentence, position, heading=heading) if number == 0 else later_sentence(sentence)
        if reason:
            written = [Piece(piece.text, piece.reason or reason) for piece in written]
        if number:
            pieces.append(Piece(" "))
        if number == 0 and number == len(sentences) - 1 or number == len(sentences) - 1:
            written = _end(written, ending)
        pieces += written
    if not sentences:
        pieces = [Piece(lead_in(position, state, heading=heading))]
    return assemble(pieces)


def _end(pieces: list[Piece], mark: str) -> list[Piece]:
    """End the pieces of a sentence with ``mark`` as :func:`prose.end_sentence` does."""
    text = "".join(piece.text for piece in pieces)
    ended = prose.end_sentence(text, mark)
    if ended == text:
        return pieces
    common = 0
    while common < min(len(text), len(ended)) and text[common] == ended[common]:
        common += 1
    result, used = [], 0
    for piece in pieces:
        if used + len(piece.text) <= common:
            result.append(piece)
            used += len(piece.text)
        else:
            kept = piece.text[:max(0, common - used)]
            if kept:
                result.append(Piece(kept, piece.reason))
            used = common
            break
    result.append(Piece(ended[common:]))
    return result


def item(text: str, state: StateNames, *, last: bool, earlier: str = "") -> Written:
    """Return a list item as a sub-paragraph: its own grammar, its verbs in the past, a capital, ";" or "."."""
    tokens = grammar.tokens_of(text)
    pieces: list[Piece] = []
    for number, sentence_tokens in enumerate(grammar.sentences_of(tokens)):
        grammar.tag(sentence_tokens)
        sentence = Sentence(sentence_tokens, text, state, earlier=earlier + " " + text[:sentence_tokens[0].start])
        if number:
            pieces.append(Piece(" "))
        pieces += later_sentence(sentence)
    if pieces:
        pieces[0] = Piece(prose.capitalize(pieces[0].text), pieces[0].reason)
    pieces = _end(pieces, "." if last else ";")
    written = assemble(pieces)
    written.subparagraph = True
    return written


def answer(text: str, state: StateNames, position: int = 0) -> list[Written]:
    """Return the paragraphs and sub-paragraphs of the report for one answer of the by-State chapter.

    Each paragraph of the answer is one paragraph; a list is a lead-in and sub-paragraphs; the
    paragraphs' lead-ins go in turn from ``position``.
    """
    from portal.reports.parts import parts_of

    if not english_rules_apply(text):
        lead = lead_in(position, state)
        quoted = prose.end_sentence(isolate(_lower_first(" ".join(text.split()))))
        return [Written(f"{lead} {quoted}", [{"start": len(lead) + 1, "end": len(lead) + 1 + len(quoted),
                                               "reason": "check this answer: it is not in English, or holds "
                                                         "right-to-left text, and is printed as written"}])]
    written: list[Written] = []
    earlier = ""
    for part in parts_of(text):
        if part.is_list:
            if part.text:
                written.append(paragraph(part.text, state, position, heading=part.heading, earlier=earlier, ending=":"))
            else:
                lead = f"{state.capitalized} reported the following:"
                if part.heading:
                    lead = f"With regard to {_lower_first(part.heading)}, {state.text} reported the following:"
                written.append(Written(lead))
            position += 1
            earlier += " " + part.text
            for number, entry in enumerate(part.items):
                written.append(item(entry, state, last=number == len(part.items) - 1, earlier=earlier))
                earlier += " " + entry
        else:
            written.append(paragraph(part.text, state, position, heading=part.heading, earlier=earlier))
            position += 1
            earlier += " " + part.text
    return written


def english_rules_apply(text: str) -> bool:
    """Tell whether the rules of English reported speech can rewrite ``text``: Latin letters, no right-to-left text."""
    if needs_isolation(text):
        return False
    letters = [character for character in text if character.isalpha()]
    latin = [character for character in letters if character < "\u0250"]
    return not letters or len(latin) >= 0.9 * len(letters)


def is_clause(text: str) -> bool:
    """Tell whether an entry is a sentence (a finite verb with its subject) rather than a noun phrase."""
    tokens = grammar.tokens_of(text)
    sentences = grammar.sentences_of(tokens)
    if not sentences:
        return False
    first = grammar.tag(sentences[0])
    comma = _intro_end(first)
    if comma is not None:
        first = first[comma + 1:]
    if first and first[0].lower in ("we", "our", "it", "they"):
        return True
    for index, token in enumerate(first):
        if token.quoted:
            continue
        if token.lower in ("that", "which", "who", "whom", "whose", "where", "when", "wherever", "whether", "if",
                           "while", "because", "as", "so", "how", "what", "including", "such"):
            return False
        if token.tag in ("VBZ", "VBP", "VBD", "MD") and index > 0:
            return True
    return False


def proposals(entries: Sequence[str], state: StateNames, lead: str, single: str) -> list[Written]:
    """Return one State's proposals: the noun phrases lettered under ``lead``, then each sentence as a paragraph.

    ``lead`` is the lead-in for several proposals ("{State} identified the following areas where
    ..."), ``single`` the one for a single noun phrase ("... one area where ...:").
    """
    entries = [entry.strip() for entry in entries if entry and entry.strip()]
    phrases = [entry for entry in entries if not is_clause(entry)]
    clauses = [entry for entry in entries if is_clause(entry)]
    written: list[Written] = []
    position = 0
    earlier = ""
    if len(phrases) == 1:
        phrase = item(phrases[0], state, last=True)
        text = phrase.text
        first = _lower_first(text)
        offset = len(single.format(State=state.capitalized, state=state.text)) + 1
        written.append(Written(single.format(State=state.capitalized, state=state.text) + " " + first,
                               [dict(flag, start=flag["start"] + offset, end=flag["end"] + offset) for flag in phrase.flags]))
        position = 1
    elif phrases:
        written.append(Written(lead.format(State=state.capitalized, state=state.text)))
        for number, entry in enumerate(phrases):
            written.append(item(entry, state, last=number == len(phrases) - 1, earlier=earlier))
            earlier += " " + entry
        position = 1
    for entry in clauses:
        for part in answer(entry, state, position):
            written.append(part)
            position += 0 if part.subparagraph else 1
    return written
