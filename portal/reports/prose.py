"""The language of a compiled report: lists of names, numbers in words, lead-ins, reported speech, dates.

Everything here works on plain strings and is independent of the database, so that the rules of
United Nations English that the compiler relies on can be read and tested in one place. The
answers of States keep their words; what reported speech changes is small and listed here: their
paragraphs are joined, a first word that is surely a common word is lower-cased, the final
punctuation is set, the auxiliaries are put in the past ("is being finalized" becomes "was being
finalized", as in the Secretary-General's reports), and an answer that opens with its State as the
subject of a verb in the present ("Canada has taken ...") continues after the lead-in with "it"
("Canada reported that it had taken ..."). The editor shows the answers as written beside each
paragraph.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Iterable, Sequence

from portal.core.bidi import isolate, split_isolate

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

# Words that open English sentences and are never proper nouns: safe to lower-case after "that".
COMMON_OPENERS = frozenset("""
a about according after against all along also although among an and another any as at because before
being besides both but by concerning consequently despite due during each either every following for
from further furthermore given having he her here however if in including it its many more moreover most
much national new no none nor not of on one only or other our over owing pursuant recently regarding several
she since so some such that the their there these they this those though through thus to under until
upon we what when whenever where whereas whether which while with within without work
""".split())


def un_date(date: dt.date) -> str:
    """Return ``date`` as United Nations documents write it: "30 January 2011"."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def number_in_words(number: int) -> str:
    """Return ``number`` (0 to 999,999) in English words, lower case: 21 -> "twenty-one"."""
    if number < 0 or number >= 1_000_000:
        raise ValueError(f"no words for {number}")
    if number < 20:
        return _UNITS[number]
    if number < 100:
        tens, units = divmod(number, 10)
        return _TENS[tens] + (f"-{_UNITS[units]}" if units else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        return f"{_UNITS[hundreds]} hundred" + (f" and {number_in_words(rest)}" if rest else "")
    thousands, rest = divmod(number, 1000)
    words = f"{number_in_words(thousands)} thousand"
    if rest:
        words += (" and " if rest < 100 else " ") + number_in_words(rest)
    return words


def number(number: int, *, start: bool = False) -> str:
    """Return a count as the report writes it: words below ten, figures from ten, words at a sentence's start."""
    if start:
        return capitalize(number_in_words(number))
    return number_in_words(number) if number < 10 else str(number)


def capitalize(text: str) -> str:
    """Upper-case the first character only ("the Czech Republic" -> "The Czech Republic")."""
    return text[:1].upper() + text[1:]


def join_names(names: Sequence[str]) -> str:
    """Join names as United Nations English does: "A", "A and B", "A, B and C" (no comma before "and")."""
    names = list(names)
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} and {names[-1]}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return singular if count == 1 else (plural_form or singular + "s")


def counted_states(count: int, total: int, *, start: bool = True) -> str:
    """Return the subject of a counted statement: "Five of the eight States that replied", "All eight States ...".

    ``total`` is the number of States that replied; ``count`` how many of them the statement is about.
    """
    if count > total or count < 0:
        raise ValueError(f"{count} of {total}")
    replied = "State that replied" if total == 1 else "States that replied"
    if total == 1 and count == 1:
        phrase = f"the only {replied}"
    elif count == total:
        phrase = "both States that replied" if total == 2 else f"all {number(total)} {replied}"
    elif count == 0:
        phrase = f"none of the {number(total)} {replied}"
    else:
        phrase = f"{number(count, start=start)} of the {number(total)} {replied}"
    return capitalize(phrase) if start else phrase


# -- reported speech ------------------------------------------------------------------------------

# Lead-ins of a State's successive paragraphs, as in chapter III of E/CN.15/2011/15. "{State}" is
# the running-text name at the start of a sentence, "{state}" inside one.
LEAD_INS = (
    "{State} reported that {clause}",
    "{State} also noted that {clause}",
    "Furthermore, {state} indicated that {clause}",
    "In addition, {state} stated that {clause}",
    "{State} further reported that {clause}",
    "Moreover, {state} noted that {clause}",
)
# A further sentence about the same State inside one paragraph.
CONTINUATIONS = (
    "It further stated that {clause}",
    "It also reported that {clause}",
    "It added that {clause}",
)

_WORD = re.compile(r"[A-Za-z]+")
# What ends a sentence in the scripts answers come in: the full stop, the question and exclamation
# marks and the ellipsis, their Chinese forms (。 ｡ ！ ？), the Arabic question mark (؟) and the
# Urdu full stop (۔). Quotation marks and brackets may close after it: "(As amended.)", «... .»
SENTENCE_ENDS = ".!?\u2026\u203c\u2047\u2048\u2049\u3002\uff61\uff01\uff1f\u061f\u06d4"
# What a full stop replaces at the end of a clause: comma, semicolon and colon, in Latin, Chinese
# (， ； ： 、) and Arabic (، ؛) script; and the full stops a semicolon replaces in a list.
CLAUSE_ENDS = ",;:\uff0c\uff1b\uff1a\u3001\u060c\u061b"
FULL_STOPS = ".\u3002\uff61\u06d4"


def words_in_lower_case(texts: Iterable[str]) -> set[str]:
    """Return the words that ``texts`` write in lower case: a vocabulary of common words, never of proper nouns."""
    vocabulary: set[str] = set()
    for text in texts:
        vocabulary.update(word for word in _WORD.findall(text) if word.islower())
    return vocabulary


def paragraphs_of(answer: str) -> list[str]:
    """Split an answer into its paragraphs (blank lines or line breaks), each with its spaces tidied."""
    parts = re.split(r"\n\s*\n|\r\n\s*\r\n|\n", answer.strip())
    return [" ".join(part.split()) for part in parts if part.strip()]


def one_paragraph(answer: str) -> str:
    """Join an answer's paragraphs into one run of text, every word kept."""
    return " ".join(paragraphs_of(answer))


def end_sentence(text: str, mark: str = ".") -> str:
    """Make ``text`` end with ``mark`` (a full stop by default): a trailing ",", ";" or ":" is replaced.

    A text that already ends a sentence, in any script (:func:`ends_a_sentence`), keeps its end and
    gets no full stop; a list item's full stop gives way to the ";" of a list. The mark of an
    isolated text (see portal.core.bidi) goes after the isolate: it is the report's, not the State's.
    """
    opening, text, closing = split_isolate(text.rstrip())
    text = text.rstrip()
    if mark == ".":
        if ends_a_sentence(text):
            return opening + text + closing
        return opening + text.rstrip(CLAUSE_ENDS) + closing + "."
    return opening + text.rstrip(FULL_STOPS + CLAUSE_ENDS) + closing + mark


def ends_a_sentence(text: str) -> bool:
    """Tell whether ``text`` ends with the end of a sentence, in any script, before closing quotation marks or brackets."""
    end = len(text)
    while end and (text[end - 1] in "\"'" or unicodedata.category(text[end - 1]) in ("Pe", "Pf", "Cf")):
        end -= 1
    return end > 0 and text[end - 1] in SENTENCE_ENDS


def lower_first_word(text: str, vocabulary: Iterable[str] = ()) -> str:
    """Lower-case the first word of ``text`` when it is surely a common word, so it can follow "that".

    A word is lower-cased only if it is capitalised in the ordinary way (not an acronym such as
    "UNODC", not "McLean") and is a common sentence opener or appears in lower case in
    ``vocabulary`` or elsewhere in ``text``. Proper nouns ("Canada", "Parliament") keep their capital.
    """
    match = _WORD.match(text)
    if not match:
        return text
    word = match.group(0)
    if word == "I" or not word[0].isupper() or not (len(word) == 1 or word[1:].islower()):
        return text
    lower = word.lower()
    known = lower in COMMON_OPENERS or lower in set(vocabulary) or re.search(rf"\b{lower}\b", text[len(word):])
    if not known:
        return text
    return lower + text[len(word):]


def _name_pattern(name: str) -> str:
    """Return a regular expression matching a State's name without its article ("the Czech Republic": "Czech Republic")."""
    return re.escape(re.sub(r"^the\s+", "", name, flags=re.IGNORECASE))


def speaks_for_itself(answer: str, names: Iterable[str]) -> bool:
    """Tell whether an answer already has its State as the subject of its first words.

    That is: one of the State's ``names`` (or "the Government of" it) opens the answer or, within
    its first twelve words, opens a clause after a comma ("To prevent ..., Japan revised ...").
    Such an answer is quoted as it stands: a lead-in before it would say the State's name twice.
    """
    opening = " ".join(answer.split()[:12])
    for name in names:
        if not name:
            continue
        bare = _name_pattern(name)
        if re.search(rf"(^|,\s+)(the\s+)?(Government\s+of\s+(the\s+)?)?{bare}\b", opening, re.IGNORECASE):
            return True
    return False


# Reported speech puts an answer's auxiliaries in the past. Lexical verbs keep their tense: telling
# "trains" (a verb) from "trains" (a noun) would need more than a list of words.
BACKSHIFT = {"is": "was", "are": "were", "has": "had", "have": "had", "will": "would", "can": "could",
             "does": "did"}
# An auxiliary after one of these words is left alone: "have" after "to", a modal or "not" is not
# in the present ("to have", "would have", "did not have"); "will" and "can" after these are nouns
# ("the political will", "a can").
_KEEP_AFTER = {
    "have": frozenset({"to", "not", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
                       "never", "did", "does"}),
    "will": frozenset({"a", "the", "political", "good", "its", "their", "his", "her", "free", "own", "of", "strong"}),
    "can": frozenset({"a", "the"}),
}
_QUOTATION = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"")
# Words that may follow a State's name without being its verb ("Canada as host ...").
_NOT_VERBS = frozenset({"as", "was", "thus", "plus", "less", "unless", "whereas", "across", "towards", "besides"})


def backshift(text: str) -> str:
    """Put the auxiliaries of ``text`` in the past, as reported speech does; text in quotation marks is left as it is."""
    pieces, last = [], 0
    for quotation in _QUOTATION.finditer(text):
        pieces += [_backshift_run(text[last:quotation.start()]), quotation.group(0)]
        last = quotation.end()
    pieces.append(_backshift_run(text[last:]))
    return "".join(pieces)


def _backshift_run(text: str) -> str:
    pieces, last, previous = [], 0, ""
    for match in _WORD.finditer(text):
        word = match.group(0)
        past = BACKSHIFT.get(word)
        if past and previous.lower() not in _KEEP_AFTER.get(word, ()):
            pieces += [text[last:match.start()], past]
            last = match.end()
        previous = word
    pieces.append(text[last:])
    return "".join(pieces)


def state_as_subject(answer: str, names: Iterable[str]) -> str | None:
    """If ``answer`` opens with its State as the subject of a verb in the present, return it with "it" as the subject.

    "Canada has taken a leading role" gives "it has taken a leading role"; "The Government of
    Portugal treats ..." gives "its Government treats ..."; "Canada's law is ..." gives "its law
    is ...". An answer whose State is followed by
    anything else ("Canada noted that ...", "Canada and Mexico ...") gives None.
    """
    for name in names:
        if not name:
            continue
        bare = _name_pattern(name)
        possessive = re.match(rf"(the\s+)?{bare}[\u2019']s\s+(?=[a-z])", answer, re.IGNORECASE)
        if possessive:  # "Canada's law is in force" gives "its law is in force"
            return "its " + answer[possessive.end():]
        match = re.match(rf"(the\s+)?(?P<government>Government\s+of\s+(the\s+)?)?{bare}\s+(?P<verb>[A-Za-z]+)\b",
                         answer, re.IGNORECASE)
        if not match:
            continue
        verb = match.group("verb")
        present = verb in BACKSHIFT or (verb.islower() and verb.endswith("s") and not verb.endswith("ss")
                                        and len(verb) > 3 and verb not in _NOT_VERBS)
        if present:
            return ("its Government " if match.group("government") else "it ") + answer[match.start("verb"):]
    return None


def clause(answer: str, vocabulary: Iterable[str] = ()) -> str:
    """Turn an answer into a clause that can follow "reported that": one paragraph, first word, isolated, final stop."""
    return end_sentence(isolate(lower_first_word(one_paragraph(answer), vocabulary)))


def lead_in_index(number: int) -> int:
    """Return the lead-in of a State's ``number``-th paragraph: the first once, then the others in turn."""
    return 0 if number == 0 else 1 + (number - 1) % (len(LEAD_INS) - 1)


def reported(answer: str, state: str, lead_in: int, *, names: Iterable[str] = (), vocabulary: Iterable[str] = ()) -> str:
    """Return ``answer`` in reported speech with the ``lead_in``-th lead-in of :data:`LEAD_INS`.

    ``state`` is the State's running-text name ("the Czech Republic"); ``names`` are all its names,
    to recognise an answer that already names it as the subject.
    """
    return _reported(answer, [state, *names], LEAD_INS[lead_in_index(lead_in)],
                     dict(State=capitalize(state), state=state), vocabulary)


def continued(answer: str, state: str, index: int, *, names: Iterable[str] = (), vocabulary: Iterable[str] = ()) -> str:
    """Return a further sentence about the same State inside one paragraph ("It further stated that ...")."""
    return _reported(answer, [state, *names], CONTINUATIONS[index % len(CONTINUATIONS)], {}, vocabulary)


def _reported(answer: str, names: list[str], template: str, values: dict[str, str], vocabulary: Iterable[str]) -> str:
    """Put ``answer`` after the lead-in ``template``, in the past.

    The State's words are isolated (portal.core.bidi): a right-to-left override left open in them
    cannot turn the lead-in's full stop, the sentences after them or the next State's words.
    An answer opening with its State as the subject of a present verb continues after the lead-in
    with "it". One that names its State as the subject otherwise ("Canada noted that ...", "To
    protect victims, Japan revised ...") is kept as it stands, in the past: a lead-in before it
    would say the State's name twice.
    """
    text = one_paragraph(answer)
    subject = state_as_subject(text, names)
    if subject is None and speaks_for_itself(text, names):
        return end_sentence(isolate(backshift(text)))
    body = subject if subject is not None else lower_first_word(text, vocabulary)
    return template.format(clause=end_sentence(isolate(backshift(body))), **values)


def list_items(answer: str) -> tuple[str | None, list[str]]:
    """Split a proposal answer into its lead-in and its items, for sub-paragraphs (a), (b), ...

    An answer of several paragraphs gives one item per paragraph. A single paragraph of the form
    "... on: x; y; and z." gives the text before the colon as lead-in and one item per part.
    Otherwise the answer is one item. Items keep their words; they start with a capital.
    """
    paragraphs = paragraphs_of(answer)
    if len(paragraphs) > 1:
        return None, [capitalize(paragraph) for paragraph in paragraphs]
    text = paragraphs[0] if paragraphs else ""
    head, colon, rest = text.partition(":")
    parts = [part.strip() for part in rest.split(";")] if colon else []
    if len(parts) >= 3 and all(parts):
        parts[-1] = re.sub(r"^and\s+", "", parts[-1])
        return head.strip() + ":", [capitalize(part) for part in parts]
    return None, [capitalize(text)] if text else []


def sub_paragraphs(items: Sequence[str]) -> list[str]:
    """End each item as the sub-paragraphs of a list do: ";" after each, "." after the last."""
    return [end_sentence(item, ";") if index < len(items) - 1 else end_sentence(item.rstrip(";"))
            for index, item in enumerate(items)]
