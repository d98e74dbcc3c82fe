"""How easy a password is to guess, rated by zxcvbn, with its advice in the reader's language."""

from __future__ import annotations

import re
import threading

from flask_babel import lazy_gettext as _l
from zxcvbn import zxcvbn

# zxcvbn's scores run from 0 to 4. A 3 ("safely unguessable") stands for at least 10^8 guesses:
# a common password, a word, a name, a date or a keyboard pattern, alone or lightly dressed up,
# scores lower, while three or four words joined by hyphens score 3 or 4. Below 3, a password
# falls to an attacker who gets a copy of the hashes; 3 is the threshold zxcvbn's authors
# suggest for sign-up forms, and it leaves people free to choose a passphrase they can remember.
MIN_SCORE = 3

# zxcvbn rates at most this many characters (it refuses longer passwords); the rest only adds strength.
RATED_LENGTH = 72

# zxcvbn keeps the words of the person being rated in a module-level dictionary, which it
# replaces on each call: two threads rating at once must not see each other's words.
_rating = threading.Lock()

# zxcvbn's advice, word for word as it gives it (zxcvbn/feedback.py), in the portal's catalogue.
ADVICE = {
    "Use a few words, avoid common phrases.": _l("Use a few words, avoid common phrases."),
    "No need for symbols, digits, or uppercase letters.": _l("No need for symbols, digits, or uppercase letters."),
    "Add another word or two. Uncommon words are better.": _l("Add another word or two. Uncommon words are better."),
    "Straight rows of keys are easy to guess.": _l("Straight rows of keys are easy to guess."),
    "Short keyboard patterns are easy to guess.": _l("Short keyboard patterns are easy to guess."),
    "Use a longer keyboard pattern with more turns.": _l("Use a longer keyboard pattern with more turns."),
    'Repeats like "aaa" are easy to guess.': _l('Repeats like "aaa" are easy to guess.'),
    'Repeats like "abcabcabc" are only slightly harder to guess than "abc".':
        _l('Repeats like "abcabcabc" are only slightly harder to guess than "abc".'),
    "Avoid repeated words and characters.": _l("Avoid repeated words and characters."),
    'Sequences like "abc" or "6543" are easy to guess.': _l('Sequences like "abc" or "6543" are easy to guess.'),
    "Avoid sequences.": _l("Avoid sequences."),
    "Recent years are easy to guess.": _l("Recent years are easy to guess."),
    "Avoid recent years.": _l("Avoid recent years."),
    "Avoid years that are associated with you.": _l("Avoid years that are associated with you."),
    "Dates are often easy to guess.": _l("Dates are often easy to guess."),
    "Avoid dates and years that are associated with you.": _l("Avoid dates and years that are associated with you."),
    "This is a top-10 common password.": _l("This is one of the 10 most common passwords."),
    "This is a top-100 common password.": _l("This is one of the 100 most common passwords."),
    "This is a very common password.": _l("This is a very common password."),
    "This is similar to a commonly used password.": _l("This is similar to a commonly used password."),
    "A word by itself is easy to guess.": _l("A word by itself is easy to guess."),
    "Names and surnames by themselves are easy to guess.": _l("Names and surnames by themselves are easy to guess."),
    "Common names and surnames are easy to guess.": _l("Common names and surnames are easy to guess."),
    "Capitalization doesn't help very much.": _l("Capital letters do not help very much."),
    "All-uppercase is almost as easy to guess as all-lowercase.":
        _l("All capitals are almost as easy to guess as all small letters."),
    "Reversed words aren't much harder to guess.": _l("Words spelt backwards are hardly harder to guess."),
    "Predictable substitutions like '@' instead of 'a' don't help very much.":
        _l("Predictable substitutions, such as '@' instead of 'a', do not help very much."),
}


def weakness(password: str, personal_words: list[str]) -> str | None:
    """Say why ``password`` is too easy to guess, with zxcvbn's advice, or return None if it is not.

    ``personal_words`` are the person's own (e-mail address, name), which a guesser tries first.
    """
    words = [word for text in personal_words for word in _words_of(text)]
    with _rating:
        rating = zxcvbn(password[:RATED_LENGTH], user_inputs=words)
    if rating["score"] >= MIN_SCORE:
        return None
    feedback = rating["feedback"]
    sentences = [str(_l("This password is too easy to guess."))]
    if any(match.get("dictionary_name") == "user_inputs" for match in rating["sequence"]):
        sentences.append(str(_l("It contains your name or your e-mail address.")))
    elif feedback["warning"]:
        sentences.append(_advice(feedback["warning"]))
    sentences += [_advice(suggestion) for suggestion in feedback["suggestions"]]
    return " ".join(sentences)


def _words_of(text: str) -> list[str]:
    """Return ``text`` and its parts (an address's mailbox, a name's words)."""
    text = text.strip().lower()
    parts = [text, text.partition("@")[0], *re.split(r"[\W_]+", text)]
    return list(dict.fromkeys(part for part in parts if part))


def _advice(english: str) -> str:
    """Return zxcvbn's sentence in the reader's language (as zxcvbn gives it if it is one the portal does not know)."""
    translated = ADVICE.get(english)
    return str(translated) if translated is not None else english
