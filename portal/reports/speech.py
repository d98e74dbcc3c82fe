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

import re
from typing import Sequence

from portal.core.bidi import isolate, needs_isolation
from portal.reports import doubts, grammar, prose, reasons
from portal.reports.grammar import Token
from portal.reports.openings import intro_end
from portal.reports.sentences import INSTITUTIONS, KEEP_CAPITAL, Piece, Sentence, StateNames, Written, assemble
from portal.reports.sentences import lower_first as _lower_first
from portal.reports.tagging.clauses import clause_verbs
from portal.reports.tagging.participles import (
    participles_after_an_opening_verb, participles_before_as, phrase_participles, statistic_participles,
)
from portal.reports.tagging.phrases import main_verb_in
from portal.reports.tagging.joined import verbs_joined_by_and
from portal.reports.tagging.verbless import sentence_verb
from portal.reports.tagging.words import participle_form, past_form

__all__ = ["StateNames", "Written", "answer", "proposals", "paragraph", "item", "lead_in", "is_clause"]

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
report state inform explain announce declare add refer point reaffirm stress acknowledge share regret appreciate
""".split())


# -- paragraphs -------------------------------------------------------------------------------------


def heading_phrase(heading: str) -> str:
    """Return a heading as the object of "With regard to": lower-cased unless it is a name ("INTERPOL", "Cuba")."""
    lowered = _lower_first(heading)
    word = re.match(r"[A-Za-z]+", heading)
    if lowered == heading and word and len(heading.split()) == 1 and word.group(0)[1:].islower() \
            and word.group(0).lower() not in grammar.state_words() and word.group(0).lower() not in KEEP_CAPITAL:
        return heading[:1].lower() + heading[1:]  # a word no lexicon knows: "Cybercrime"
    words = heading.split()
    if lowered == heading and len(words) > 1 and words[0].lower() in INSTITUTIONS and words[0][1:].islower() \
            and words[1][:1].islower():
        return heading[:1].lower() + heading[1:]  # "Court user surveys": an institution's word as a modifier, no name
    if lowered == heading and words and "-" in words[0] and words[0][1:].islower() and words[0][:1].isupper() \
            and words[0].split("-")[0].lower() not in grammar.state_words():
        return heading[:1].lower() + heading[1:]  # "Pre-departure medical examinations": a prefix no lexicon knows
    return lowered


def lead_in(position: int, state: StateNames, *, heading: str = "") -> str:
    """Return the lead-in of a State's ``position``-th paragraph (ending in "that")."""
    turn = 0 if position == 0 else 1 + (position - 1) % (len(LEAD_INS) - 1)
    if heading:
        return f"With regard to {heading_phrase(heading)}, {state.text} {LEAD_IN_VERBS[turn]} that"
    return LEAD_INS[turn].format(State=state.capitalized, state=state.text)


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
    if tokens[start].lower == "we" and start + 2 < len(tokens) and tokens[start + 1].text == "," \
            and tokens[start + 2].lower == "the":
        close = next((i for i in range(start + 3, min(len(tokens), start + 15)) if tokens[i].text == ","), None)
        if close is not None:
            return close + 1, "apposition"  # "We, the Ministry of Justice, coordinate" gives "its Ministry of Justice"
    if tokens[start].lower == "we":
        return start + 1, "we"
    span = sentence.state_at(start)
    if span is not None:
        return span[1], span[2]
    if tokens[start].lower in ("our", "my") and start + 1 < len(tokens) and tokens[start + 1].lower == "government":
        return start + 2, "government"
    if tokens[start].lower in ("our", "my") and start + 1 < len(tokens) and tokens[start + 1].lower == "country" \
            and not (start + 3 < len(tokens) and (tokens[start + 2].lower in ("and", "or") or tokens[start + 2].text == ","
                                                  and tokens[start + 3].text[:1].isupper())):
        # "Our country has adopted" is the State speaking: "it had adopted" (not "Our country and Indonesia have",
        # "Our country, Chile and Peru have")
        return start + 2, "name"
    return None


def _saying_verb(sentence: Sentence, index: int) -> bool:
    """Tell whether token ``index`` is a verb of saying in the simple present ("highlights", "do not support")."""
    tokens = sentence.tokens
    if index >= len(tokens):
        return False
    token = tokens[index]
    if token.tag in ("VBZ", "VBP") and grammar.verb_lemma(token.lower) == "take" and index + 1 < len(tokens) \
            and tokens[index + 1].lower == "note":
        return True  # "We take note of the report"
    if _polite(tokens, index) or _of_the_view(tokens, index):
        return True
    if token.lower in ("has", "have") and token.tag in ("VBZ", "VBP"):
        following = _verb_after(tokens, index + 1)  # "We have not supported", "We have always advocated"
        dated = following + 2 < len(tokens) and tokens[following + 1].lower in ("since", "in") \
            and tokens[following + 2].tag == "CD"  # "Our Government has supported since 2011 a truce": a deed, dated
        return following < len(tokens) and tokens[following].tag in ("VBN", "VBD") and not dated \
            and grammar.verb_lemma(tokens[following].lower) in SAYING and _says(tokens, following)
    if token.lower in ("do", "does") and token.tag in ("VBZ", "VBP"):
        following = _verb_after(tokens, index + 1)
        return following < len(tokens) and grammar.verb_lemma(tokens[following].lower) in SAYING and tokens[following].tag == "VB" \
            and _says(tokens, following)
    return token.tag in ("VBZ", "VBP") and grammar.verb_lemma(token.lower) in SAYING and not token.uncertain \
        and _says(tokens, index)


def _of_the_view(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the words at ``index`` are "are of the view that" or "is of the opinion that"."""
    words = [token.lower for token in tokens[index:index + 4]]
    return len(words) == 4 and words[0] in ("is", "are") and words[1:3] in (["of", "the"],) and words[3] in (
        "view", "opinion")


POLITE = (("would", "like", "to"), ("wish", "to"), ("wishes", "to"), ("want", "to"), ("would", "wish", "to"))


def _polite(tokens: Sequence[Token], index: int) -> int:
    """Return how many words of a polite opening ("would like to", "wish to") precede a verb of saying at ``index``."""
    for words in POLITE:
        end = index + len(words)
        if end < len(tokens) and tuple(t.lower for t in tokens[index:end]) == words \
                and grammar.verb_lemma(tokens[end].lower) in SAYING and _says(tokens, end):
            return len(words)
    return 0


# Verbs of saying only before a clause: "we add that ..." reports, "we would like to add data" does not.
SAYING_BEFORE_THAT = frozenset({"add", "share", "declare", "announce", "report", "state", "explain", "inform"})


def _says(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the verb of saying at ``index`` says something here (a clause follows "add" and "share")."""
    lemma = grammar.verb_lemma(tokens[index].lower)
    following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    if lemma in ("refer", "point"):
        return following in (("to",) if lemma == "refer" else ("out", "to"))  # not "we have referred 11 cases to"
    return lemma not in SAYING_BEFORE_THAT or following == "that"


_REFERRING = (("please", "see"), ("please", "refer", "to"), ("refer", "to"), ("see",), ("please", "consult"))


def _referring(tokens: Sequence[Token]) -> int:
    """Return how many words open a sentence that sends the reader elsewhere ("See the attached report"), else 0."""
    for words in _REFERRING:
        if tuple(token.lower for token in tokens[:len(words)]) == words and len(tokens) > len(words):
            return len(words)
    return 0


def referred(sentence: Sentence, position: int | None) -> list[Piece]:
    """Write "See the attached report" as "Kenya referred to the attached report" (the turn's adverb kept)."""
    skip = _referring(sentence.tokens)
    sentence.backshift(skip)
    sentence.third_person(named=True)
    if position is None:
        lead = sentence.state.capitalized
    else:
        lead = re.sub(r" (reported|noted|indicated|stated) that$", "", lead_in(position, sentence.state))
    return [Piece(f"{lead} referred to")] + sentence.pieces(skip, spaced=True)


def first_sentence(sentence: Sentence, position: int, *, heading: str = "") -> list[Piece]:
    """Rewrite the first sentence of a paragraph: the State and a reporting verb, then the clause in the past."""
    tokens = sentence.tokens
    if _referring(tokens) and not heading:
        return referred(sentence, position)
    comma = intro_end(tokens)
    start = comma + 1 if comma is not None else 0
    subject = _state_subject(sentence, start)
    if subject is not None and _saying_verb(sentence, _verb_after(tokens, subject[0])):
        end, form = subject
        verb = _verb_after(tokens, subject[0])
        polite = _polite(tokens, verb)
        if polite:  # "We would like to stress that" gives "Canada stressed that"
            sentence.skip.update(range(verb, verb + polite))
            said = tokens[verb + polite]
            said.tag = "VBP"
        sentence.backshift(0)
        sentence.third_person(named=True)
        said_at = _verb_after(tokens, end) + (_polite(tokens, _verb_after(tokens, end)) or 0)
        if said_at < len(tokens) and grammar.verb_lemma(tokens[said_at].lower) == "inform" and said_at + 1 < len(tokens) \
                and tokens[said_at + 1].lower == "that":
            sentence.replace(said_at, "reported")  # "We wish to inform that" gives "Seychelles reported that"
        pieces = sentence.pieces(0, start) if comma is not None else []
        if heading and comma is None:
            pieces = [Piece(f"With regard to {heading_phrase(heading)}, ")]
        name = sentence.state.text if pieces else sentence.state.capitalized
        pieces.append(Piece(("" if not pieces else " " if not pieces[-1].text.endswith(" ") else "") + name))
        pieces.extend(sentence.pieces(end, spaced=True))
        return pieces
    lead = lead_in(position, sentence.state, heading=heading)
    if subject is not None:
        end, form = subject
        sentence.backshift(0)
        sentence.third_person(named=True)
        if form == "apposition":
            named = " ".join(token.text for token in tokens[start + 3:end - 1])
            rest = [Piece(f"its {named}", reasons.WE_AFTER)]
        else:
            subject_text = {"we": "it", "name": "it", "possessive": "its", "government": "its Government",
                            "authorities": "its authorities"}[form]
            reason = tokens[start].uncertain or (
                reasons.AUTHORITIES % {"words": "its authorities", "adjective": sentence.state.adjective}
                if form == "authorities" else "")
            rest = [Piece(subject_text, reason)]
        rest += sentence.pieces(end, spaced=True)
    else:
        sentence.backshift(0)
        sentence.third_person(named=True)
        rest = sentence.pieces(start)
        if rest:
            lowered = _lower_with_context(rest, sentence.earlier + " " + sentence.source)
            rest[0] = Piece(lowered, rest[0].reason or _unknown_capital(lowered + "".join(p.text for p in rest[1:4])))
    pieces = [Piece(lead)]
    if comma is not None:
        intro = sentence.pieces(0, comma)
        intro[0] = Piece(_lower_with_context(intro, sentence.earlier + " " + sentence.source), intro[0].reason)
        pieces += [Piece(", ")] + intro + [Piece(", ")]
    else:
        pieces.append(Piece(" "))
    return pieces + rest


def _lower_with_context(pieces: list[Piece], answer: str = "") -> str:
    """Return the first piece's text lower-cased as :func:`lower_first` decides, seeing the words after it and the
    ``answer`` it comes from."""
    first = pieces[0].text
    joined = "".join(piece.text for piece in pieces[:6])
    lowered = _lower_first(joined, answer)
    return lowered[:len(first)] if lowered != joined else first


def _unknown_capital(text: str) -> str:
    """Return why the capital of the first word of ``text`` after "that" needs a look ("" when it does not): a word
    no lexicon knows ("Ransomware attacks", "Sextortion cases"), with a common word after it, may be a common noun
    the answer capitalised only to open its sentence, or a name ("Frontex coordinates", "Frontex, which")."""
    match = re.match(r"([A-Z][a-z]{3,})(?:\s+[a-z]+|,)", text)  # (also before a comma: "Perchloroethylene, which")
    if not match:
        return ""
    lower = match.group(1).lower()
    if lower in grammar._lexicon() or grammar.lemmas(lower) or lower in grammar.state_words() or lower in KEEP_CAPITAL:
        return ""
    return reasons.CAPITAL % {"word": match.group(1)}


def later_sentence(sentence: Sentence) -> list[Piece]:
    """Rewrite a sentence after the first: in the past, the State named by its name once, then "it"."""
    if _referring(sentence.tokens):
        return referred(sentence, None)
    sentence.backshift(0)
    sentence.third_person(named=False)
    _flag_state_as_place(sentence)
    return sentence.pieces()


def _flag_state_as_place(sentence: Sentence) -> None:
    """A later sentence keeps the State's name where it first names it (the paragraph's lead-in named it in the first
    sentence only), but after "in" an editor may prefer "the country": "the owners could take back their car in
    Uruguay", "reports from all the states of Brazil". The name is flagged."""
    spans = sorted(sentence.state_spans)
    if not spans or spans[0][2] != "name" or spans[0][0] == 0:
        return
    tokens, start = sentence.tokens, spans[0][0]
    token, before = tokens[start], tokens[start - 1]
    place = before.lower in ("in", "within", "throughout", "across") or before.lower == "over" and start >= 2 \
        and tokens[start - 2].lower == "all"
    # ("from all the states of Brazil": "of the country" or "from all its states" may read better)
    of_a_noun = before.lower == "of" and start >= 2 and tokens[start - 2].tag in ("NN", "NNS") \
        and tokens[start - 2].text.islower()
    if (place or of_a_noun) and not token.quoted:
        token.uncertain = token.uncertain or reasons.STATE_AS_PLACE % {"word": token.text}


def _flag_opening(sentence: Sentence) -> None:
    """Flag what the first sentence of a paragraph cannot say alone: "It", "They", "This" with nothing before
    them in the report's paragraph, and "we" after an institution's name ("At the Ministry of ..., we")."""
    tokens = sentence.tokens
    comma = intro_end(tokens)
    start = comma + 1 if comma is not None else 0
    if start < len(tokens) and tokens[start].lower in ("it", "they", "this", "these", "he", "she") \
            and (start + 1 >= len(tokens) or not tokens[start + 1].tag.startswith("NN")):
        tokens[start].uncertain = reasons.REFERS_TO_NOTHING % {"word": tokens[start].text}
    if comma is not None and start < len(tokens) and tokens[start].lower == "we" and tokens[0].lower in (
            "at", "in", "within") and any(token.lower in INSTITUTIONS and token.text[:1].isupper() for token in tokens[:comma]):
        tokens[start].uncertain = reasons.WE_BEFORE


def _check_unparsed(sentence: Sentence) -> str:
    """Return why a sentence could not be read with confidence ("" when it could)."""
    if any(token.tag in ("VBZ", "VBP", "VBD", "MD") for token in sentence.tokens if not token.quoted):
        return ""
    if len([t for t in sentence.tokens if t.is_word]) < 3:
        return ""
    return reasons.NO_VERB


# Formulas of the genre that say nothing but "we report that": the report leaves them out and prints what
# follows them ("We have the honour to inform you that X" gives "{State} reported that X"). A formula opens
# a sentence; "the Permanent Mission of ... has the honour to" is the State's voice too.
_FORMULAS = re.compile(
    r"""(?:
      (?:[^.;:!?"\u201c]{1,160}?\s)?(?:has|have)\s+the\s+hono(?:u)?r\s+to\s+(?:inform|advise|notify|report|state|communicate)
    | we\s+(?:would\s+like|wish|want)\s+to\s+inform
    | we\s+are\s+(?:pleased|glad|happy)\s+to\s+(?:inform|report|announce|state|note)
    | it\s+(?:is|should\s+be|must\s+be|is\s+to\s+be|has\s+to\s+be|may\s+be|can\s+be)\s+(?:noted|mentioned|pointed\s+out)
    | it\s+is\s+worth\s+(?:noting|mentioning|pointing\s+out)
    | it\s+is\s+important\s+to\s+(?:note|mention|point\s+out)
    | (?:please|kindly)\s+note
    )(?:\s+(?!that\b)[\w()'\u2019-]+){0,8}?\s+that\b[\s,]*(?=\S)""",
    re.IGNORECASE | re.VERBOSE)
# A word that every formula has: a paragraph without one is not searched.
_FORMULA_WORDS = re.compile(r"\b(?:hono(?:u)?r|inform|noted|mentioned|pointed|worth|note|mention|pleased|glad|happy)\b",
                            re.IGNORECASE)


def without_formula(sentence: str) -> str:
    """Return a sentence without the formula that opens it ("It should be noted that ..."), its first letter a capital."""
    match = _FORMULAS.match(sentence)
    if not match or not sentence[match.end():][:1].isalnum():
        return sentence
    rest = sentence[match.end():]
    return rest[:1].upper() + rest[1:]


def _without_formulas_in(text: str) -> str:
    """Leave out the formulas that open the sentences of a paragraph."""
    if not _FORMULA_WORDS.search(text):
        return text
    tokens = grammar.tokens_of(text)
    starts = [sentence[0].start for sentence in grammar.sentences_of(tokens) if sentence]
    for start in reversed(starts):
        end = next((s for s in starts if s > start), len(text))
        text = text[:start] + without_formula(text[start:end]) + text[end:]
    return text



def paragraph(text: str, state: StateNames, position: int, *, heading: str = "", earlier: str = "",
              ending: str = ".") -> Written:
    """Return one paragraph of an answer as one paragraph of the report, in reported speech."""
    text = _without_formulas_in(text)
    tokens = grammar.tokens_of(text)
    sentences = grammar.sentences_of(tokens)
    pieces: list[Piece] = []
    for number, sentence_tokens in enumerate(sentences):
        # (a list's lead-in ends with its colon, which an inline list "and the police checks (a) ..." did not write)
        _tagged_as_a_sentence(sentence_tokens, ending if number == len(sentences) - 1 else ".")
        sentence_verb(sentence_tokens)
        clause_verbs(sentence_tokens)
        offset = sentence_tokens[0].start
        before = earlier + " " + text[:offset]
        sentence = Sentence(sentence_tokens, text, state, earlier=before)
        reason = _check_unparsed(sentence)
        if number == 0:
            _flag_opening(sentence)
        written = first_sentence(sentence, position, heading=heading) if number == 0 else later_sentence(sentence)
        if reason:  # one flag for the whole sentence
            written = [Piece("".join(piece.text for piece in written), reason)]
        if number:
            pieces.append(Piece(" "))
        if number == 0 and number == len(sentences) - 1 or number == len(sentences) - 1:
            written = _end(written, ending)
        pieces += written
    if not sentences:
        pieces = [Piece(lead_in(position, state, heading=heading))]
    return _read_again(assemble(pieces), text)


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


def _has_verb(text: str) -> bool:
    """Tell whether a list item has a verb in the present or a modal, as :func:`item` reads it (a past form may be a
    participle: "Shelter in Majuro: opened in 2022")."""
    sentences = grammar.sentences_of(grammar.tokens_of(text))
    if not sentences:
        return False
    tokens = _tagged_as_a_sentence(sentences[0])
    clause_verbs(tokens, item=True)
    return any(token.tag in ("VBZ", "VBP", "MD") and not token.quoted for token in tokens)


SUBJECT_WORDS = frozenset("DT PDT PRP$ JJ JJR JJS CD NN NNS NNP NNPS POS VBN VBG".split())


def _lead_in_sentences(lead: str) -> tuple[int, list[Token]]:
    """Return how many sentences a list's lead-in has, and its last sentence tagged (empty if none)."""
    sentences = grammar.sentences_of(grammar.tokens_of(lead))
    return len(sentences), grammar.tag(sentences[-1]) if sentences else []


def _subject_waits(tokens: list[Token]) -> bool:
    """Tell whether a list's lead-in, whose last sentence is ``tokens``, ends with the subject of a clause whose verbs
    are the items': "mobile offices where the lawyers:" (then "a) consult the persons ...; b) help them ..." are that
    clause's verbs, not instructions)."""
    if not tokens:
        return False
    end = len(tokens) - 1 if tokens[-1].text == ":" else len(tokens)
    start = end
    while start > 0 and tokens[start - 1].tag in SUBJECT_WORDS and not tokens[start - 1].quoted:
        start -= 1
    if end >= 2 and tokens[end - 1].lower in ("who", "which") and tokens[end - 2].tag.startswith("NN"):
        return True  # "a network of paralegals who:"
    if start == 0 and end >= 2 and tokens[0].lower in ("the", "our", "its", "their", "these") \
            and tokens[end - 1].tag in ("NNS", "NNPS") and end <= 6 and tokens[end - 1].lower not in LISTED_THINGS:
        return True  # a lead-in that is its items' subject: "The nurses:" ("1. examine the victim ...")
    if start == end or start == 0 or not tokens[end - 1].tag.startswith("NN"):
        return tokens[end - 1].lower in ("they", "we", "it") and end >= 2 and tokens[end - 2].lower in RELATIVE_OPENERS
    return tokens[start - 1].lower in RELATIVE_OPENERS


def _objects_wait(tokens: list[Token]) -> bool:
    """Tell whether a list's lead-in, whose last sentence is ``tokens``, ends with a verb whose objects are the items:
    "the Code of Conduct prohibits:", "the measures include:" (then each item is a noun phrase)."""
    end = len(tokens) - 1 if tokens and tokens[-1].text == ":" else len(tokens)
    return end >= 2 and tokens[end - 1].tag in ("VBZ", "VBP", "VBD") and not tokens[end - 1].quoted \
        and grammar.verb_lemma(tokens[end - 1].lower) not in ("be", "have") and tokens[end - 2].lower != "as"
    # (not "is organized as follows:", after which the items may be sentences)


def _last_sentence_names(lead: str, count: int, last: list[Token], state: StateNames) -> bool:
    """Tell whether the report's lead-in, made of ``lead`` (``count`` sentences, the last ``last``, tagged), names the
    State in its last sentence: always when it is one sentence (it opens with the State's name), otherwise when that
    sentence names it or speaks as "we"."""
    if count < 2:
        return True
    return bool(Sentence(last, lead, state, earlier="").state_spans) \
        or any(token.lower in ("we", "our", "us") and not token.quoted for token in last)


# What a list's lead-in names when its items are things, not the doers of the items' verbs ("Our measures: 1. train").
LISTED_THINGS = frozenset("""measures actions steps results priorities activities objectives tasks functions services
tools elements components outcomes achievements benefits challenges conditions criteria requirements rights duties
obligations powers responsibilities competences areas goals aims features changes reforms instruments documents laws
recommendations proposals suggestions lessons findings main""".split())


# Words after which a subject opens a clause of its own: "where the lawyers", "which the police", "whereby judges".
RELATIVE_OPENERS = frozenset("where whereby which who that when while".split())


def item(text: str, state: StateNames, *, last: bool, earlier: str = "", phrase: bool = False,
         among_sentences: bool = False, after_subject: bool = False, named: bool = True,
         objects: bool = False) -> Written:
    """Return a list item as a sub-paragraph: its own grammar, its verbs in the past, a capital, ";" or ".".

    ``phrase``: the item is a proposal read as a noun phrase (see :func:`is_clause`). ``among_sentences``: most
    other items of its list are sentences, so that an item with no verb found is read as one too ("2. Experienced
    mediators of the Association conduct simulations of conflicts"). ``after_subject``: the lead-in ends with the
    subject of the item's verb (:func:`_subject_waits`), so that an item opening with a bare verb is in the present.
    ``named``: the sentence the item continues names the State (a lead-in's first sentence does), so that the item
    says "it" and "the country" rather than the name again. ``objects``: the lead-in ends with a verb whose objects
    the items are (:func:`_objects_wait`), so that a past form after a noun of an item with no other verb is a
    participle ("the Code prohibits: ... (c) the sharing of information obtained from an official").
    """
    tokens = grammar.tokens_of(text)
    pieces: list[Piece] = []
    for number, sentence_tokens in enumerate(grammar.sentences_of(tokens)):
        _tagged_as_a_sentence(sentence_tokens)
        if phrase and number == 0:
            phrase_participles(sentence_tokens)
            for index in range(len(sentence_tokens)):
                if _head_of_a_compound(sentence_tokens, index) or _noun_of_an_of_phrase(sentence_tokens, index):
                    # "the fisheries sector", "of ANPR alerts": a noun phrase has no verb
                    sentence_tokens[index].tag = "NNS" if sentence_tokens[index].tag == "VBZ" else "NN"
        if number == 0:
            statistic_participles(sentence_tokens)
            participles_before_as(sentence_tokens)
            participles_after_an_opening_verb(sentence_tokens)
        if objects and number == 0:
            _participle_of_an_object(sentence_tokens)
        if not phrase:
            clause_verbs(sentence_tokens, item=True)
            if number == 0 and after_subject and sentence_tokens[0].tag in ("VB", "VBP") and not sentence_tokens[0].quoted:
                sentence_tokens[0].tag = "VBP"  # "where the lawyers: a) consult the persons ...": "consulted"
                verbs_joined_by_and(sentence_tokens)  # "examine the victim and collect the samples"
            if among_sentences and not main_verb_in(sentence_tokens, 0, len(sentence_tokens)):
                clause_verbs(sentence_tokens)
                if not main_verb_in(sentence_tokens, 0, len(sentence_tokens)):
                    _past_after_its_subject(sentence_tokens)
        sentence = Sentence(sentence_tokens, text, state, earlier=earlier + " " + text[:sentence_tokens[0].start])
        if number == 0 and sentence_tokens[0].tag in ("VBD", "VBN"):
            sentence_tokens[0].tag = "VBN"  # "has: (a) opened ...": the item continues the lead-in's verb
        if number:
            pieces.append(Piece(" "))
        if number == 0:  # an item continues its lead-in, where the State is named: "We have" gives "It had"
            sentence.backshift(0)
            sentence.third_person(named=named)
            pieces += sentence.pieces()
        else:
            pieces += later_sentence(sentence)
    if pieces:
        pieces[0] = Piece(prose.capitalize(pieces[0].text), pieces[0].reason)
    pieces = _end(pieces, "." if last else ";")
    written = _read_again(assemble(pieces), text)
    written.subparagraph = True
    return written


def _participle_of_an_object(tokens: list[Token]) -> None:
    """In an item that is the object of its lead-in's verb, a past form after a noun, the item's only finite verb, is a
    participle of the noun: "(c) the sharing of confidential information obtained from a public office holder"."""
    finite = [index for index, token in enumerate(tokens) if token.tag in ("VBZ", "VBP", "VBD", "MD") and not token.quoted]
    if len(finite) == 1 and finite[0] > 0 and tokens[finite[0]].tag == "VBD" and tokens[finite[0] - 1].tag in ("NN", "NNS") \
            and participle_form(tokens[finite[0]].lower):
        tokens[finite[0]].tag = "VBN"
        tokens[finite[0]].uncertain = ""


def _tagged_as_a_sentence(tokens: list[Token], mark: str = ".") -> list[Token]:
    """Tag the tokens of a list item, whose ";" the list took away, as the sentence they are, with the full stop
    that the taggers' rules expect after its last word ("... to the public office holders whom the lobbyist lobbies"
    then gives "lobbies" its verb, as in a sentence); or of a lead-in with ``mark`` ":"."""
    if tokens and tokens[-1].text not in ".;:!?":
        grammar.tag(tokens + [Token(mark, tokens[-1].end, tokens[-1].end)])
    else:
        grammar.tag(tokens)
    return tokens


def _past_after_its_subject(tokens: list[Token]) -> None:
    """In an item read as a sentence that has no verb found, a past form right after the noun phrase opening it, with
    no agent after it, is its verb, flagged: "1. the assaults diminished for 30 per cent in the first six months;"."""
    if not tokens or tokens[0].lower not in ("the", "a", "an", "its", "their", "our"):
        return
    for index in range(1, len(tokens) - 1):
        token = tokens[index]
        if token.tag == "VBN" and tokens[index - 1].tag in ("NN", "NNS") and past_form(token.lower) \
                and tokens[index + 1].lower != "by":
            token.tag = "VBD"
            token.uncertain = token.uncertain or reasons.VERB_OR_PARTICIPLE % {"word": token.text}
            return
        if not (token.tag in ("DT", "JJ", "NN", "NNS", "CD", "PRP$", "NNP") or token.lower == "of"):
            return


def _read_again(written: Written, source: str) -> Written:
    """Add the flags of :func:`doubts.second_reading` where the engine set none."""
    added = [flag for flag in doubts.second_reading(source, written.text)
             if not any(other["start"] < flag["end"] and flag["start"] < other["end"] for other in written.flags)]
    if added:
        written.flags = sorted(written.flags + added, key=lambda flag: flag["start"])
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
                                               "reason": reasons.NOT_ENGLISH}])]
    text, unsure = _without_formulas(text)
    if not text:
        return []  # "Not applicable.": nothing the report would say
    written: list[Written] = []
    earlier = ""
    for part in parts_of(text):
        if part.is_list:
            if part.text:
                written.append(paragraph(part.text, state, position, heading=part.heading, earlier=earlier, ending=":"))
            else:
                lead = f"{state.capitalized} reported the following:"
                if part.heading:
                    lead = f"With regard to {heading_phrase(part.heading)}, {state.text} reported the following:"
                written.append(Written(lead))
                _flag_whole(written[-1], part.unsure)
            position += 1
            earlier += " " + part.text
            verbs = [_has_verb(entry) for entry in part.items]
            count, last = _lead_in_sentences(part.text) if part.text else (0, [])
            after_subject = _subject_waits(last)
            objects = _objects_wait(last)
            named = not part.text or _last_sentence_names(part.text, count, last, state)
            for number, entry in enumerate(part.items):
                others = verbs[:number] + verbs[number + 1:]
                written.append(item(entry, state, last=number == len(part.items) - 1, earlier=earlier,
                                    among_sentences=not objects and 2 * sum(others) > len(others),
                                    after_subject=after_subject,
                                    named=named, objects=objects))
                earlier += " " + entry
        else:
            written.append(paragraph(part.text, state, position, heading=part.heading, earlier=earlier))
            _flag_whole(written[-1], part.unsure)
            position += 1
            earlier += " " + part.text
    if written:
        _flag_whole(written[0], unsure)
    return written


def _flag_whole(written: Written, reason: str) -> None:
    """Flag the whole of a paragraph with ``reason`` (nothing when there is no reason)."""
    if reason:
        written.flags.append({"start": 0, "end": len(written.text), "reason": reason})


_YES_NO = re.compile(r"^\s*(?P<word>yes|no)\s*(?:[.,;:!\u2013\u2014-]\s*|$)", re.IGNORECASE)
_NOT_APPLICABLE = re.compile(r"^\s*(?:not applicable|n/a|n\.a\.)\s*[.,;:]?\s*", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|no|never|none|nothing|neither|nor|without|cannot)\b|n't\b", re.IGNORECASE)


def _without_formulas(text: str) -> tuple[str, str]:
    """Drop what answers the questionnaire rather than informs the report: a leading "Yes"/"No", "Not applicable",
    a question copied from the questionnaire. Return the rest, and why the editor should check it ("" if nothing).

    A "No" followed by words without a negation loses its meaning with it: that answer is flagged.
    """
    unsure = ""
    question = re.match(r"^\s*[^\n.!?]{3,300}\?\s*", text)
    if question:
        text = text[question.end():]  # "What measures has your State taken? We have ..."
    answer = _YES_NO.match(text)
    if answer:
        text = text[answer.end():]
        if answer.group("word").lower() == "no" and not _NEGATION.search(text.split("\n")[0]):
            unsure = reasons.BEGAN_WITH_NO
    applicable = _NOT_APPLICABLE.match(text)
    if applicable:
        text = text[applicable.end():]
    text = text.strip()
    if text[:1].islower():
        text = text[:1].upper() + text[1:]
    return text, unsure


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
    phrase_participles(first)
    comma = intro_end(first)
    if comma is not None:
        first = first[comma + 1:]
    if first and first[0].lower in ("we", "our", "it", "they"):
        return True
    for index, token in enumerate(first):
        if token.quoted:
            continue
        if token.lower in ("that", "which", "who", "whom", "whose", "where", "when", "wherever", "whether", "if",
                           "while", "because", "as", "so", "how", "what", "including") \
                or token.lower == "such" and index + 1 < len(first) and first[index + 1].lower == "as":
            return False  # (a noun phrase with a clause in it; "Such tools should be ..." is a sentence)
        if token.tag in ("VBZ", "VBP", "VBD", "MD") and index > 0:
            if _head_of_a_compound(first, index):
                continue
            if _noun_of_an_of_phrase(first, index):
                continue
            return True
    return False


def _noun_of_an_of_phrase(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the word in the present at ``index``, in an entry opening with a noun and a preposition, before a
    preposition, is a noun of the phrase: "Training of postal and customs staff on the detection of drugs"."""
    if tokens[index].tag not in ("VBZ", "VBP") or len(tokens) <= index + 1 \
            or not grammar.can_be_noun(tokens[index].lower):
        return False
    if tokens[1].lower == "of" and tokens[index + 1].tag == "IN":
        return True
    # "A side event on false alarms and hoax calls to emergency centres": after a noun, inside the phrase of a
    # preposition that follows the entry's opening noun phrase
    opening = 1 if tokens[0].lower in ("a", "an", "the") else 0
    while opening < index and tokens[opening].tag in ("JJ", "NN", "NNS", "VBG"):
        opening += 1
    # (not a sentence, which ends with its full stop: "A working group on cybercrime reports to the Commission.")
    return tokens[-1].text != "." and 0 < opening < index and tokens[opening].tag == "IN" \
        and tokens[opening].lower != "that" \
        and tokens[index - 1].tag in ("NN", "NNS") and tokens[index + 1].tag in ("IN", "TO") \
        and not any(token.tag in ("VBZ", "VBP", "VBD", "MD") for token in tokens[opening:index])


def _head_of_a_compound(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the present form at ``index`` is rather the head of a compound after "the" and a plural, with
    nothing after it that an object would be: "Crimes in the fisheries sector and the laundering of ..."."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is not None and following.tag not in ("CC", "IN") and following.text not in ",;.":
        return False
    if token.tag == "VBZ" and token.text.islower() and grammar.can_be_noun(token.lower) and index >= 2 \
            and tokens[index - 1].text.isupper() and len(tokens[index - 1].text) > 1 and tokens[index - 2].lower == "of":
        return True  # "in the exchange of ANPR alerts at the borders": an acronym's noun
    return token.tag == "VBP" and token.text.islower() and grammar.can_be_noun(token.lower) and index >= 2 \
        and tokens[index - 1].tag == "NNS" and tokens[index - 2].lower in ("the", "a", "an")


def proposals(entries: Sequence[str], state: StateNames, lead: str, single: str, position: int = 0) -> list[Written]:
    """Return one State's proposals: the noun phrases lettered under ``lead``, then each sentence as a paragraph.

    ``lead`` is the lead-in for several proposals ("{State} identified the following areas where
    ..."), ``single`` the one for a single noun phrase ("... one area where ...:").
    """
    entries = [entry.strip() for entry in entries if entry and entry.strip()]
    phrases = [entry for entry in entries if not is_clause(entry)]
    clauses = [entry for entry in entries if is_clause(entry)]
    written: list[Written] = []
    earlier = ""
    if len(phrases) == 1:
        phrase = item(phrases[0], state, last=True, phrase=True)
        text = phrase.text
        first = _lower_first(text)
        lead_text = single.format(State=state.capitalized, state=state.text)
        offset = len(lead_text) + 1
        written.append(Written(lead_text + " " + first,
                               [dict(flag, start=flag["start"] + offset, end=flag["end"] + offset) for flag in phrase.flags]))
        position += 1
    elif phrases:
        written.append(Written(lead.format(State=state.capitalized, state=state.text)))
        for number, entry in enumerate(phrases):
            written.append(item(entry, state, last=number == len(phrases) - 1, earlier=earlier, phrase=True))
            earlier += " " + entry
        position += 1
    for entry in clauses:
        for part in answer(entry, state, position):
            written.append(part)
            position += 0 if part.subparagraph else 1
    return written
