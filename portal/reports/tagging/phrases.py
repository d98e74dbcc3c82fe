"""Where a word stands in its sentence: the predicates the tagging's rules share (does a noun open a clause, does
an object follow, where does a subject start, is there a finite verb before), none of which changes a tag.
"""

from __future__ import annotations

from typing import Collection, Sequence

from portal.reports.grammar import Token, can_be_noun, can_be_verb, inflect, verb_lemma
from portal.reports.tagging.words import (
    CATENATIVES, CLAUSE_BOUNDARIES, CLAUSE_JOINS, CLAUSE_OPENERS, COLLECTIVE, DETERMINERS, FINITE, INTRANSITIVE, MID_SUBORDINATORS,
    NOUN_PREPOSITIONS, OPENING_SUBORDINATORS, PARTICLES, PLURAL_DETERMINERS, QUANTIFIERS, QUANTITY_PRONOUNS,
    SHARE_NOUNS, SUBORDINATORS, THINKING, TIME_NOUNS, TITLE_NOUNS, agrees_with_head, inside_name, object_starts,
    participle_form, past_form, plural_noun, year,
)


def after_plural_quantity(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the word at ``index`` ends a noun phrase opened by a plural determiner or a number of things
    ("two new community policing centres", "several youth centres"): after its modifiers (adjectives, nouns, -ing
    forms), the "-s" word agrees with the number and is the phrase's plural noun, not a verb."""
    back = index - 1
    while back >= 0 and (tokens[back].tag in ("JJ", "NN", "NNP", "VBG") or tokens[back].lower in ("new", "more")) \
            and tokens[back].lower not in PLURAL_DETERMINERS:  # ("several care homes": "several" tagged as an adjective)
        back -= 1
    if back < 0 or back == index - 1:
        return False
    opener = tokens[back]
    if opener.lower in PLURAL_DETERMINERS:
        return True
    digits = opener.text.replace(",", "")
    return opener.tag == "CD" and digits.isdigit() and int(digits) > 1 and not (len(digits) == 4 and digits[:2] in ("19", "20"))


def ends_a_relative_clause(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the preposition at ``index`` ("in 2011") ends a relative clause of its clause ("the requests that we
    received in 2011 concerned ..."): the verb after it is then the clause's own, not an adjective ("..., sold in 2023
    seized assets")."""
    for position in range(index - 1, -1, -1):
        if tokens[position].text in ",;:":
            return False
        if tokens[position].lower in ("that", "which", "who", "whom") and position and tokens[position - 1].tag.startswith("NN"):
            return True
    return False


def ends_a_title(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the number at ``index`` ends the name of a text ("Act 2021", "Decree No. 45"), which may be a subject."""
    if 1 < index and tokens[index - 1].text == "," and year(tokens[index]):
        index -= 1  # "the Anti-Gang Act, 2021", as the Commonwealth writes its titles
    elif 2 < index and tokens[index - 1].lower == "of" and year(tokens[index]) and tokens[index - 2].tag == "CD":
        index -= 2  # "Law No. 21.289 of 2020"
    return 0 < index and tokens[index].tag in ("CD", ",") and tokens[index - 1].lower in TITLE_NOUNS \
        and tokens[index - 1].text[:1].isupper()


def single_phrase(tokens: Sequence[Token]) -> bool:
    """Tell whether the words of an opening are one phrase ("Given the small number of detainees", "With the
    amendments to the Code adopted in 2009"), not a phrase and the subject after it ("In 2010 the Working Group",
    "In 2022 the Ministry launched"): no noun phrase opens right after a number or a noun."""
    for index in range(1, len(tokens)):
        token, before = tokens[index], tokens[index - 1]
        if (token.lower in ("the", "a", "an") or token.tag == "PRP$") and before.tag in ("CD", "NN", "NNS", "NNP", "NNPS"):
            return False
    return True


def number_of_a_quantity(tokens: Sequence[Token], index: int) -> int:
    """Return where the number of a quantity opening at ``index`` stands, after "more than", "less than", "fewer
    than" or a quantifier ("about", "over"): ``index`` itself when there is neither."""
    if index + 1 < len(tokens) and tokens[index].lower in ("more", "less", "fewer") \
            and tokens[index + 1].lower == "than":
        return index + 2
    return index + 1 if index < len(tokens) and tokens[index].lower in QUANTIFIERS else index


def object_follows(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the words from ``index`` open a verb's object: a determiner, a number, a quantity ("more than a
    thousand", "about 300"), after a particle if any ("set up a unit")."""
    if index >= len(tokens):
        return False
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if token.lower in PARTICLES and following is not None and following.lower not in PARTICLES:
        return object_follows(tokens, index + 1)
    if token.lower in ("every", "each") and following is not None and (
            following.lower in TIME_NOUNS or following.tag == "CD" and index + 2 < len(tokens)
            and tokens[index + 2].lower in TIME_NOUNS):
        return False  # "held every month", "changed every three months": when, not what
    span = index + 2 if (token.lower in ("more", "less", "fewer") and following is not None and following.lower == "than"
                         or token.lower == "at" and following is not None and following.lower == "least") else index
    if span + 1 < len(tokens) and tokens[span].tag == "CD" and tokens[span + 1].lower in TIME_NOUNS:
        return False  # "opened less than 20 days earlier", "convicted two years ago": how long, not what
    if token.tag in ("DT", "PRP$", "CD") or token.lower in ("a", "an", "the"):
        return True
    if following is None:
        return False
    if token.lower in ("more", "fewer", "less") and (following.lower == "than" or following.tag == "NNS"
                                                     and following.text.islower()):
        return True  # ("stored more explosives than")
    if token.lower in QUANTITY_PRONOUNS and following.lower == "of" and index + 2 < len(tokens) \
            and tokens[index + 2].tag in ("DT", "PRP$", "PRP"):
        return True  # "arranged most of the sales", "seized half of their cargo"
    return (token.lower in QUANTIFIERS or token.lower == "only") and following.tag == "CD" \
        or (token.lower == "at" and following.lower == "least")


def before_its_infinitive(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the past form at ``index`` is a verb that takes an infinitive, before one ("started to hack",
    "failed to return"): its participle never does, so it is the clause's verb."""
    return verb_lemma(tokens[index].lower) in CATENATIVES and index + 2 < len(tokens) and tokens[index + 1].lower == "to" \
        and tokens[index + 2].tag == "VB"


def reduced_relative(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether a past form after a noun is a participle qualifying it rather than the clause's verb.

    It is when its clause has a verb already ("it covered offences committed online"), or when its
    sentence has no verb at all and no relative pronoun asks for one (a list item: "2,145 children
    intercepted at the borders"); not in "thanks to which the prison population passed from ...".
    """
    if before_its_infinitive(tokens, index):
        return False  # "since the criminal organisations in the port started to hack": a verb before its infinitive
    if finite_position_in_clause(tokens, index, through_lists=True) is not None:
        return True  # (also past a list of nouns: "examined firearms, ballistic material and cartridge cases recovered at")
    if (tokens[0].tag == "IN" or tokens[0].lower in ("according", "pursuant", "following", "regarding", "concerning")) \
            and tokens[0].lower not in ("that", "if", "because", "while", "whereas", "although", "though",
                                                          "when", "once", "unless", "as", "since", "until", "before", "after") \
            and any(t.text == "," for t in tokens[index:]) and not any(t.text == "," for t in tokens[:index]) \
            and single_phrase(tokens[:index]):
        return True  # inside an opening phrase: "With the amendments to the Criminal Code adopted in 2009, ..."
    opener = next((t for t in reversed(tokens[:index]) if t.text in ",;:" or t.lower in ("which", "who", "that", "where")), None)
    if opener is not None and opener.lower in ("which", "who", "that", "where"):
        return False
    start = index - 1
    while start > 0 and (tokens[start - 1].tag in ("DT", "PRP$", "NN", "NNS", "NNP", "NNPS", "JJ", "FW")
                         or tokens[start - 1].lower == "of"):
        start -= 1
    if tokens[start].lower in ("the", "our", "its", "their") and (start == 0 or tokens[start - 1].lower in CLAUSE_OPENERS) \
            and (object_after_places_and_dates(tokens, index + 1) or _content_after_an_insert(tokens, index + 1)):
        # "The divers of the Coast Guard found in 2023 twice sports bags", "since the Environmental Affairs Agency
        # installed in 2021 an online network", "since the Agency found, in a review of 2022, that": the subject
        # opening its clause, then its verb
        return False
    noun = index - 1
    while noun > 0 and tokens[noun].tag.startswith("RB"):
        noun -= 1  # ("and the salary actually paid")
    if subject_of_an_opening_clause(tokens, index):
        return False  # "Since the concession of the postal service to a private company ended in 2016, ..."
    if object_of_preposition(tokens, noun):
        return True  # "under a framework agreement signed in 2022": a noun after a preposition is no subject
    if agent_to_end(tokens, index + 1) and not any(t.tag in FINITE and not t.quoted for t in tokens):
        return True  # "A database of good practices collected by UNODC": a noun phrase, its participle and its agent
    # A subject opened by a determiner makes a sentence ("The homicide rate decreased from ..."); a list item
    # is a bare noun phrase ("2,145 children intercepted at the borders").
    start = next((i + 1 for i in range(index - 1, -1, -1) if tokens[i].text in ",;:"), 0)
    if start < index and (tokens[start].lower in ("the", "a", "an", "our", "its", "their", "this", "these", "that")
                          or (start == index - 1 and tokens[start].tag == "NNS" and not tokens[start].text[:1].isdigit())):
        return False  # "homicides decreased from ...": a bare plural subject and its verb
    if not single_phrase(tokens[start:index]):
        return False  # "In 2022 the Ministry launched, with ...": an opening phrase, then the subject and its verb
    if verb_lemma(tokens[index].lower) in INTRANSITIVE:
        return False  # "412 adolescents complied with ...": a verb that takes no object has no passive participle
    return not any(t.tag in ("VBZ", "VBP", "VBD", "MD") and not t.quoted for i, t in enumerate(tokens) if i != index)


def subject_of_an_opening_clause(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the words before ``index`` are the subject of a clause that a subordinator opens the sentence
    with and that has no verb yet: "Since the concession of the postal service to a private company ended in 2016"."""
    return len(tokens) > 2 and tokens[0].lower in OPENING_SUBORDINATORS and tokens[1].lower in DETERMINERS \
        and all(t.tag not in FINITE and t.text not in ",;:" for t in tokens[1:index])


def _content_after_an_insert(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether an insert set off by commas at ``index`` is followed by "that" and a clause ("found, in a review of
    2022, that one in five ...")."""
    if index >= len(tokens) or tokens[index].text != ",":
        return False
    close = next((i for i in range(index + 1, min(len(tokens), index + 10)) if tokens[i].text == ","), None)
    return close is not None and close + 2 < len(tokens) and tokens[close + 1].lower == "that" \
        and not any(t.tag in FINITE for t in tokens[index + 1:close])


def object_after_a_phrase(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether a noun phrase opening at ``index`` (after a preposition) is followed at once by another, an object
    put after the phrase: "to its customs an invoice"."""
    position = index
    if position < len(tokens) and tokens[position].tag in ("DT", "PRP$"):
        position += 1
    elif position + 1 < len(tokens) and tokens[position].lower in QUANTIFIERS and tokens[position + 1].tag == "CD":
        position += 2  # a quantity: "sent to about 8,000 Finnish companies forms which looked like"
    while position < len(tokens) and tokens[position].tag == "JJ":
        position += 1
    nouns = position
    while position < len(tokens) and tokens[position].tag in ("NN", "NNS"):
        position += 1
        if tokens[position - 1].tag == "NNS" and position + 1 < len(tokens) and tokens[position].tag == "NNS" \
                and tokens[position].text.islower() and tokens[position + 1].lower in ("who", "which", "that"):
            break  # (a plural ends its noun phrase: "companies forms which", the object after the phrase)
    if position == nouns or position >= len(tokens):
        return False
    if tokens[position].lower in ("in", "of") and position + 1 < len(tokens) and tokens[position + 1].tag == "NNP":
        position += 1  # a place after the phrase: "in several care homes in Budapest and Pest county"
        while position < len(tokens) and (tokens[position].tag in ("NNP", "NNPS") or tokens[position].lower == "and"
                                          and position + 1 < len(tokens) and tokens[position + 1].tag == "NNP"
                                          or tokens[position].tag == "NN" and tokens[position - 1].tag == "NNP"):
            position += 1
    if position < len(tokens) and tokens[position].lower in ("a", "an", "the"):
        return True
    quantity = number_of_a_quantity(tokens, position)
    if quantity + 1 < len(tokens) and tokens[quantity].tag == "CD" and not year(tokens[quantity]) \
            and tokens[quantity + 1].tag == "NNS" and quantity > nouns \
            and tokens[quantity + 1].lower not in TIME_NOUNS | {"times"}:  # (not "at prices three times higher")
        return True  # a quantity: "received in this way more than 300,000 euros"
    # a bare plural and its relative clause: "found in several care homes elderly residents who were tied"
    while position < len(tokens) and tokens[position].tag == "JJ" and tokens[position].text.islower():
        position += 1
    return position + 1 < len(tokens) and tokens[position].tag == "NNS" and tokens[position].text.islower() \
        and tokens[position + 1].lower in ("who", "which", "that")


def object_of_preposition(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the noun at ``index`` ends one noun phrase opened by a preposition ("under a framework agreement",
    "of its National Strategy on Immigration and Asylum"), which cannot be the subject of a verb after it. A year
    ends an opening phrase ("In 2019 police adopted"), and a second determiner opens a subject ("In the first year
    the courts ...")."""
    start = index
    while start >= 0 and (tokens[start].tag in ("DT", "JJ", "JJS", "JJR", "NN", "NNS", "NNP", "NNPS", "PRP$", "CD", "POS")
                          or inside_name(tokens, start)) and not year(tokens[start]):
        if tokens[start].lower in ("which", "whom") and start < index:
            return False  # "calls in which fraudsters pretended": the subject of a relative clause
        start -= 1
    if start < 0 or start == index or tokens[start].tag not in ("IN", "TO") or tokens[start].lower in SUBORDINATORS:
        return False
    return single_phrase(tokens[start + 1:index + 1]) and not tokens[index].text.endswith(("'s", "\u2019s"))


def agent_to_end(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether "by" at ``index`` opens an agent that ends the sentence ("collected by UNODC", "run by the
    Ministry of Justice"), with no object after it ("adopted by consensus the law": a verb and its manner)."""
    if index >= len(tokens) - 1 or tokens[index].lower != "by" or tokens[index + 1].tag in ("CD", "VBG"):
        return False
    for position in range(index + 2, len(tokens)):
        token = tokens[position]
        if token.text in ".;)":
            return True
        if token.text == "," or token.tag in FINITE or token.tag.startswith("VB"):
            return False
        if (token.lower in ("the", "a", "an") or token.tag in ("DT", "PRP$")) and tokens[position - 1].tag not in ("IN", "CC"):
            return False
    return True


def verb_after_agent(tokens: Sequence[Token], index: int, head: Token) -> int | None:
    """Return where the verb comes after the agent that "by" at ``index`` opens, if a word there agrees with the
    subject's ``head`` and takes an object: "The data collected by the National Statistical Office cover all regions"."""
    if index >= len(tokens) or tokens[index].lower != "by":
        return None
    position = index + 1
    while position < len(tokens) and (tokens[position].tag.startswith(("DT", "JJ", "NN", "PRP$", "CD"))
                                      or tokens[position].lower in ("of", "and", "the", "for", "on")):
        if position > index + 1 and tokens[position].tag.startswith("NN") and not tokens[position].text[:1].isupper() \
                and tokens[position - 1].tag.startswith("NN"):
            break  # a lower-case word after a noun of the agent may be the verb: "... Office cover"
        position += 1
    if position >= len(tokens) - 1 or position == index + 1:
        return None
    word, following = tokens[position], tokens[position + 1]
    if word.text[:1].isupper() or not word.is_word or not agrees_with_head(word.lower, head):
        return None
    return position if object_starts(following) or following.tag == "CD" else None


def finite_in_clause(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether a finite verb comes before ``index`` in its clause (see :func:`finite_position_in_clause`)."""
    return finite_position_in_clause(tokens, index) is not None


# Nouns of a quantity: after "than the", a past after them is a participle ("less fuel than the quantity displayed").
QUANTITY_HEADS = frozenset("""quantity quantities amount amounts number numbers price prices value values sum sums
figure figures weight volume level levels rate rates one ones""".split())


def comparison_verb(tokens: Sequence[Token], than: int) -> int | None:
    """Return where the past form of a clause of comparison after "than" at ``than`` is, its subject a noun phrase that
    is no quantity ("more explosives than its licence allowed", "than the police seized in 2022"), or None."""
    if than + 2 >= len(tokens) or tokens[than + 1].tag not in ("DT", "PRP$") or tokens[than + 1].lower in ("no", "any"):
        return None
    verb = than + 2
    while verb < len(tokens) and tokens[verb].tag in ("JJ", "NN", "NNS") and tokens[verb].text.islower():
        verb += 1
    if verb == than + 2 or verb + 1 >= len(tokens) or tokens[verb - 1].lower in QUANTITY_HEADS \
            or tokens[verb].tag not in ("VBN", "VBD") or tokens[verb].quoted or not past_form(tokens[verb].lower):
        return None
    ends = tokens[verb + 1].text in ".,;:" or verb + 2 < len(tokens) and tokens[verb + 1].lower == "in" \
        and year(tokens[verb + 2])
    return verb if ends else None


def finite_position_in_clause(tokens: Sequence[Token], index: int, through_lists: bool = False) -> int | None:
    """Return where a finite verb comes before ``index`` in its clause (since the last comma or conjunction), or None.

    The verb of a relative clause before it does not count: in "the requests that we received in 2011
    concerned cybercrime", "received" is the relative clause's, and "concerned" the sentence's.
    """
    depth = 0
    position = index - 1
    while position >= 0:
        token = tokens[position]
        if token.text == ")":
            depth += 1
        elif token.text == "(":
            depth -= 1
        elif through_lists and depth == 0 and joins_nouns(tokens, position):
            pass  # "firearms, ballistic material and cartridge cases": one object, not two clauses
        elif through_lists and depth == 0 and token.lower == "or" and 0 < position < index - 2 \
                and tokens[position - 1].tag in ("NN", "NNS") and tokens[position + 1].lower in ("a", "an", "the") \
                and tokens[position + 2].tag in ("NN", "NNS", "JJ"):
            pass  # "lose a set or a game previously agreed": "or" between two objects opens no clause
        elif depth == 0 and (token.text in ",;:" or token.lower in (
                "and", "but", "or", "which", "who", "that", "before", "after", "until", "when", "while", "because",
                "if", "unless", "once", "whereas", "although")
                or token.lower == "since" and tokens[position + 1].lower in ("the", "a", "an", "its", "our", "their")
                or token.lower == "than" and comparison_verb(tokens, position) is not None):
            return None  # ("since the Agency installed in 2021": a clause of its own, not "since 2020"; "than its
            # licence allowed")
        elif depth == 0 and token.tag in ("VBZ", "VBP", "VBD", "MD") and not token.quoted:
            subject = position - 1
            while subject >= 0 and tokens[subject].tag in ("PRP", "NN", "NNS", "NNP", "DT", "JJ") and position - subject <= 3:
                subject -= 1
            if subject >= 1 and subject < position - 1 and tokens[subject].lower in ("that", "which", "who", "whom") \
                    and tokens[subject - 1].tag.startswith("NN"):
                position = subject - 1  # a relative clause: look before it
                continue
            return position
        position -= 1
    return None


def joins_nouns(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the comma, "and" or "or" at ``index`` joins two nouns of one list, with no verb after the second."""
    if index == 0 or index + 1 >= len(tokens) or not (tokens[index].text == "," or tokens[index].lower in ("and", "or")):
        return False
    before, after = tokens[index - 1], tokens[index + 1]
    if before.tag == "JJ" and after.tag == "JJ" and tokens[index].lower in ("and", "or"):
        return True  # "sexual and physical abuse": two adjectives of one noun
    return before.tag in ("NN", "NNS") and after.tag in ("NN", "NNS", "JJ") and after.lower not in ("which", "who")


def participle_of_an_apposition(tokens: Sequence[Token], start: int) -> int | None:
    """Return where the past form of a noun phrase in apposition is ("a pilot project started in 2022 with ...", from
    ``start`` to the next comma): right after its noun, before a preposition; None if the words there are no such
    phrase."""
    if tokens[start].lower not in ("a", "an", "the"):
        return None
    for index in range(start + 1, len(tokens) - 1):
        token = tokens[index]
        if token.tag == "VBD" and tokens[index - 1].tag.startswith("NN") and participle_form(token.lower) \
                and tokens[index + 1].tag in ("IN", "TO") and not token.quoted:
            return index
        if not (token.tag.startswith(("NN", "JJ", "CD")) or token.lower in ("of", "for", "on", "and")):
            return None
    return None


def end_of_insert(tokens: Sequence[Token], start: int) -> int | None:
    """Return the comma that closes an insert opened before ``start``, across the commas of a list of nouns inside it
    ("composed of police officers, social workers, youth workers and psychiatric nurses, operate"); None if a
    semicolon, a colon or the end of the sentence comes first."""
    for index in range(start, len(tokens) - 2):
        if tokens[index].text in ";:":
            return None
        if tokens[index].text != ",":
            continue
        word = tokens[index + 1]
        stop = next((i for i in range(index + 1, len(tokens)) if tokens[i].text in ",;:." or tokens[i].lower == "and"),
                    len(tokens))
        # an item of a list of nouns: only nouns, adjectives and articles up to the next comma or "and"
        listed = stop < len(tokens) and tokens[stop].text in (",", "and") and stop > index + 1 and all(
            t.tag.startswith(("NN", "JJ")) or t.lower in ("the", "a", "an") for t in tokens[index + 1:stop])
        if not listed or can_be_verb(word.lower) and word.text.islower() and index + 2 < len(tokens) \
                and object_starts(tokens[index + 2]):  # (", trains judges": its verb, perhaps; not ", schools,")
            return index
    return None


def relative_in_a_subject(tokens: Sequence[Token], index: int, openers: Collection[str]) -> int | None:
    """Return where a relative clause opens before ``index`` (one of ``openers`` after a noun or a comma) inside the
    subject of a clause that has no verb before it, or None: "The abandonment of a newborn in a place where the child
    is in danger remains", "and the egg collectors, called ..., who lived from the sale of eggs work"."""
    opener = next((i for i in range(index - 1, 0, -1) if tokens[i].lower in openers or tokens[i].text in ";:"
                   or tokens[i].quoted and tokens[i].is_word), None)
    if opener is None or tokens[opener].lower not in openers or tokens[opener].quoted \
            or not (tokens[opener - 1].tag.startswith("NN") or tokens[opener - 1].text == ","):
        return None
    for before in range(opener - 1, -1, -1):
        token = tokens[before]
        if token.text in ";:" or token.lower in ("and", "but") and before and tokens[before - 1].text == ",":
            return opener
        if token.tag in FINITE and not token.quoted:
            return None
    return opener


def next_subordinate(tokens: Sequence[Token], index: int) -> int:
    """Return where a conjunction after ``index`` opens a clause of its own ("until", "because"), or the end."""
    return next((i for i in range(index + 1, len(tokens)) if tokens[i].lower in ("until", "because", "before", "unless",
                                                                                  "once", "whenever")), len(tokens))


def object_after_places_and_dates(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether an object follows the phrases of place and time that open at ``index``, each a preposition and
    names or figures: "arrested in Lomé in March 2023 two traffickers", "dismantled in 2023 eleven workshops"."""
    position, seen = index, False
    while position + 1 < len(tokens) and tokens[position].lower in ("on", "at") \
            and tokens[position + 1].lower in ADVERBIAL_NOUNS:
        position, seen = position + 2, True  # "arrested on arrival in Puerto Ayora two crew members"
    while position + 1 < len(tokens) and tokens[position].lower in ("in", "on", "at", "during", "since"):
        if seen and tokens[position + 1].lower in ("a", "an", "the"):
            # after a date, a place with its determiner: "found in 2022 in a printing house in Bekasi 120,000 ..."
            end = position + 2
            while end < len(tokens) and tokens[end].tag in ("JJ", "NN", "NNS") and tokens[end].text.islower():
                end += 1
            if end == position + 2 or tokens[end - 1].tag not in ("NN", "NNS"):
                break
            position = end
            continue
        if tokens[position + 1].tag not in ("NNP", "CD") or tokens[position + 1].quoted:
            break
        first = position = position + 1
        while position < len(tokens) and tokens[position].tag in ("NNP", "CD") and not tokens[position].quoted and not (
                tokens[position].tag == "CD" and position + 1 < len(tokens) and tokens[position + 1].text.islower()
                and tokens[position + 1].tag in ("NNS", "NN", "JJ")
                and tokens[position + 1].lower not in REPEATS
                and not (position == first and year(tokens[position]) and tokens[position + 1].tag == "JJ"
                         and position + 2 < len(tokens) and tokens[position + 2].tag in ("NN", "NNS"))
                and not (position == first and year(tokens[position]) and tokens[position - 1].lower == "in"
                         and _bare_noun_phrase(tokens, position + 1))):
            # (the object's number: "2023 two traffickers"; but a year, then an adjective and a noun: "found in 2023
            # faecal bacteria", "found in 2023 losses of 18 million rupees")
            position += 1
            if position + 1 < len(tokens) and tokens[position].lower == "and" and year(tokens[position - 1]) \
                    and year(tokens[position + 1]):
                position += 1  # "occupied in 2022 and 2023 several hundred flats"
        if position == first:
            return False  # ("installed at 40 hotspots": the phrase's own number)
        seen = True
    if not seen and position + 3 < len(tokens) and tokens[position].lower in ("in", "at", "on") \
            and tokens[position + 1].lower == "the":
        after = position + 2
        while after < len(tokens) and tokens[after].tag == "NN" and tokens[after].text.islower():
            after += 1
        if after > position + 2 and after + 1 < len(tokens) and tokens[after].lower == "of" and tokens[after + 1].tag == "NNP":
            after += 1
            while after < len(tokens) and tokens[after].tag == "NNP":
                after += 1  # "at the crossing point of Leușeni 17 rental cars"
        if position + 2 < after < len(tokens) and tokens[after].tag == "CD" and not year(tokens[after]):
            return True  # "caught in the act two operators", "seized at the border 40 kilograms"
    while seen and position < len(tokens) and tokens[position].lower in REPEATS:
        position += 1  # ("found in 2023 twice sports bags")
    return seen and (object_follows(tokens, position) or adjective_and_noun(tokens, position)
                     or year(tokens[position - 1]) and _bare_noun_phrase(tokens, position)
                     or year(tokens[position - 1]) and position + 1 < len(tokens) and tokens[position].tag == "JJ"
                     and tokens[position].text.islower() and tokens[position + 1].tag == "NNS"  # "2023 faecal bacteria"
                     or position + 1 < len(tokens) and tokens[position].tag in ("NNS", "JJ") and tokens[position].text.islower()
                     and tokens[position + 1].tag == "NNS" and position > index + 2 and tokens[position - 1].lower in REPEATS)


def _bare_noun_phrase(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether a noun phrase without a determiner opens at ``index`` and ends before a preposition, "and", a
    relative word or a mark (no verb of its own follows it): "losses of 18 million rupees", "cannabis in parcels",
    "old parish registers and land maps"."""
    position = index
    while position < len(tokens) and tokens[position].tag in ("JJ", "NN", "NNS") and tokens[position].text.islower() \
            and not tokens[position].quoted and tokens[position].lower not in TIME_NOUNS:
        position += 1
    return position > index and tokens[position - 1].tag in ("NN", "NNS") and position < len(tokens) \
        and (tokens[position].tag in ("IN", "TO", "CC", "WDT") or tokens[position].text in ",.;")


# Adverbs of how often, between a date and the object: "found in 2023 twice sports bags".
REPEATS = frozenset("twice thrice again once also".split())
# Nouns that make a phrase of time or place after "on" or "at", with no determiner: "on arrival", "at sea".
ADVERBIAL_NOUNS = frozenset("arrival departure sea night board site".split())


def adjective_and_noun(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether a participle used as an adjective and its plural noun open at ``index``: "forged certificates"."""
    return index + 1 < len(tokens) and tokens[index].tag in ("VBN", "VBD", "JJ") and tokens[index].text.islower() \
        and participle_form(tokens[index].lower) and tokens[index + 1].tag == "NNS"


def after_a_date(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the noun phrase ending at ``index`` follows an opening date without a comma ("In 2023 the Team")."""
    while index >= 0 and tokens[index].tag in ("NN", "NNS", "NNP", "NNPS", "JJ", "DT", "PRP$") and tokens[index].lower != "that":
        index -= 1
    return index >= 1 and year(tokens[index]) and tokens[index - 1].tag == "IN" and (
        index == 1 or tokens[index - 2].text in ",;" or tokens[index - 2].lower in ("and", "but", "while", "whereas"))
    # ("In 2023 the Team", "..., and in 2023 its inspectors")


def relative_before(tokens: Sequence[Token], index: int) -> int | None:
    """Return where "that", "which" or "whom" opens a relative clause whose subject is the noun phrase ending at
    ``index``, after the noun it qualifies ("the unit that the Ministry created"), or None."""
    while index >= 0 and tokens[index].tag.startswith(("NN", "JJ", "DT", "PRP$", "CD")) \
            and tokens[index].lower not in ("that", "which"):
        index -= 1
    if index >= 1 and tokens[index].lower in ("that", "which", "whom") and tokens[index - 1].tag.startswith("NN"):
        return index
    return None


def after_opening_phrase(tokens: Sequence[Token], end: int) -> int:
    """Return where the subject starts after an opening phrase closed by a comma, with a relative clause in it if any
    ("In application of the national strategy, which was adopted in 2012, the ulema ..."); 0 if there is none."""
    comma = next((i for i in range(end) if tokens[i].text == ","), None)
    if comma is None or not single_phrase(tokens[:comma]):
        return 0
    if comma + 1 < end and tokens[comma + 1].lower in ("which", "who"):
        comma = next((i for i in range(comma + 2, end) if tokens[i].text == ","), None)
        if comma is None:
            return 0
    return comma + 1 if comma + 1 < end and tokens[comma + 1].lower in ("the", "our", "its", "their") else 0


def relative_opens(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether a relative clause opens at ``index`` (after a comma): "which", "who", "whose", "where", or a
    preposition and "which" or "whom" ("in which", "for whom"; not a share, ", of whom 687 were minors", which may
    follow a noun phrase with no verb of its own)."""
    if index + 2 < len(tokens) and tokens[index].lower in QUANTITY_PRONOUNS | {"some", "many", "most", "all", "one"} \
            and tokens[index + 1].lower == "of" and tokens[index + 2].lower in ("whom", "which"):
        return True  # ", some of whom operate from call centres,"
    return index < len(tokens) and (tokens[index].lower in ("which", "who", "whose", "where") or tokens[index].tag in (
        "IN", "TO") and tokens[index].lower != "of" and index + 1 < len(tokens) and tokens[index + 1].lower in ("which", "whom"))


def main_verb_in(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Tell whether the clause ``tokens[start:end]`` has a finite verb outside a relative clause between commas
    ("Our shelters, which are run by NGOs, receive ...": "are" is the relative clause's)."""
    relative = verb_seen = False
    for index in range(start, end):
        token = tokens[index]
        if token.text == "," and relative_opens(tokens, index + 1):
            relative, verb_seen = True, False  # (", where mercury is used illegally", ", in which the population")
        elif token.text == "," and relative and verb_seen:
            relative = False
        elif token.tag in FINITE and not token.quoted:
            if not relative:
                return True
            verb_seen = True
    return False


def serial_list(tokens: Sequence[Token], start: int, comma: int) -> bool:
    """Tell whether the ``comma`` before "and" closes an item of a list ("A, B, and C"): another comma comes before
    it in its clause, with no verb between the two."""
    for index in range(comma - 1, start - 1, -1):
        token = tokens[index]
        if token.tag in FINITE and not token.quoted:
            return False
        if token.text == ",":
            return True
    return False


def subject_is_plural(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the noun phrase ending at ``index`` has a plural head: "seizures of cocaine", "the police"."""
    head = index
    while head >= 2 and tokens[head - 1].lower in ("of", "in") or (head >= 2 and tokens[head - 1].tag in ("DT", "JJ", "NN", "PRP$")
                                                                    and tokens[head - 2].lower in ("of", "in")):
        # ("seizures of cocaine", "the prisons in Lebanon")
        head = head - 2 if tokens[head - 1].lower in ("of", "in") else head - 1
        while head >= 1 and tokens[head].tag.startswith(("JJ", "DT")):
            head -= 1
    word = tokens[head]
    return word.tag in ("NNS", "NNPS") or word.lower in COLLECTIVE


def opens_clause(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the noun at ``index`` ends a noun phrase that opens a clause, and so may be a subject.

    Its phrase (nouns, adjectives, determiners) must start the sentence or follow a comma, a
    conjunction or a relative pronoun, not a verb or a preposition ("arrest suspects", "of victims").
    """
    while index >= 0 and (tokens[index].tag.startswith(("NN", "JJ", "DT", "PRP$", "CD", "POS", "PDT"))
                          or tokens[index].lower in NOUN_PREPOSITIONS or tokens[index].lower in ("most", "more", "many")
                          or _place_after_noun(tokens, index)
                          or inside_name(tokens, index)):
        if tokens[index].lower in NOUN_PREPOSITIONS | {"in"} and not (index > 0 and (tokens[index - 1].tag.startswith("NN") or (
                tokens[index].lower == "of" and tokens[index - 1].tag == "CD" and index > 1
                and tokens[index - 2].tag.startswith("NN")))):
            # "of victims" after a verb; "a committee within the Commission" after a noun is fine, and so is
            # "Ordinance No. 2.318 of 3 August 2009" after a name's number
            return False
        index -= 1
    return index < 0 or tokens[index].text in (",", ";", ":", "(") or tokens[index].lower in (
        "and", "or", "but", "that", "which", "while", "whereas", "where", "when", "since", "as", "because", "before",
        "after", "until", "once", "if", "unless", "although", "though")


def _place_after_noun(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the "in" at ``index`` attaches a place to the noun before it: "the prisons in Lebanon"."""
    return tokens[index].lower == "in" and 0 < index < len(tokens) - 1 and tokens[index - 1].tag.startswith("NN") \
        and (tokens[index + 1].tag == "NNP" or tokens[index + 1].lower == "the")


def subordinate_without_verb(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether ``index`` ends a clause opened by a subordinator ("before", "when", "until") that has no verb yet."""
    for token in reversed(tokens[:index]):
        if token.tag in ("VBZ", "VBP", "VBD", "MD") and not token.quoted:
            return False
        if token.lower in ("before", "after", "until", "when", "once", "unless", "whenever"):
            return True
        if token.text in ",;:":
            return False
    return False


def clause_after_that(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether ``index`` ends the short subject of a clause opened by "that" that has no verb yet.

    "proposed that one agenda item deals with ...": the verb follows a subject of a few words. A long
    phrase after "that" ("that the procedure for the ratification of the instruments against ...") is
    more likely a subject whose verb comes later.
    """
    for back, token in enumerate(reversed(tokens[:index]), start=1):
        if token.tag in ("VBZ", "VBP", "VBD", "MD") and not token.quoted:
            return False
        if token.lower == "that":
            return back <= 5
        if token.text in ",;:":
            return False
    return False


def has_finite_after(tokens: Sequence[Token], index: int, ignored: Sequence[int] = ()) -> bool:
    """Tell whether a finite verb follows ``index`` before the end of its clause (a comma, a semicolon, "and"),
    other than those at the positions ``ignored``."""
    for position in range(index + 1, len(tokens)):
        token = tokens[position]
        if token.text in (",", ";", ":") or token.lower in ("and", "or", "which", "that", "who", "while", "whereas"):
            return False
        if token.tag in ("VBZ", "VBP", "VBD", "MD") and position not in ignored:
            return True
    return False


def participles_after(tokens: Sequence[Token], index: int) -> list[int]:
    """Return the positions of the past forms in the clause after ``index`` that follow a noun and come before a
    preposition, and so may be participles ("complaints received from the public")."""
    found = []
    for position in range(index + 1, len(tokens) - 1):
        token = tokens[position]
        if token.text in (",", ";", ":") or token.lower in ("and", "or", "which", "that", "who", "while", "whereas"):
            break
        if token.tag in ("VBZ", "VBP", "MD"):
            break
        if token.tag == "VBD":
            lemma = verb_lemma(token.lower)
            if not (tokens[position - 1].tag in ("NN", "NNS") and lemma and inflect(lemma, "VBN") == token.lower
                    and tokens[position + 1].lower in ("by", "from", "in", "at", "to", "under", "during", "for", "on",
                                                       "with", "against", "through", "since", "after", "before",
                                                       "within", "without", "into", "across", "between", "among",
                                                       "via", "until")):
                break
            found.append(position)
    return found


def gapped(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the clause of ``index``, joined by a conjunction after a comma, repeats the shape of the clause
    before it, whose verb takes a number ("opened 300 investigations, and the prosecution services 150 cases"): the
    second clause leaves its verb out."""
    joiner = next((i for i in range(index - 1, 0, -1) if tokens[i].lower in ("and", "while", "whereas", "but")
                   and tokens[i - 1].text == ","), None)
    if joiner is None:
        return False
    verbs = [i for i in range(joiner - 1) if tokens[i].tag in ("VBZ", "VBP", "VBD") and not tokens[i].quoted]
    return bool(verbs) and verbs[-1] + 1 < len(tokens) and tokens[verbs[-1] + 1].tag == "CD"


def before_parenthesis(tokens: Sequence[Token], close: int) -> int:
    """Return the index of the word before the "(" that the ")" at ``close`` closes (``close`` if none opens it)."""
    depth = 0
    for position in range(close, -1, -1):
        depth += {")": 1, "(": -1}.get(tokens[position].text, 0)
        if depth == 0:
            return position - 1 if position > 0 else close
    return close


def finite_before(tokens: Sequence[Token], index: int) -> str:
    """Return the tag of the nearest finite verb before ``index`` in the sentence ("" if none)."""
    for token in reversed(tokens[:index]):
        if token.tag in ("VBZ", "VBP", "VBD", "MD"):
            return token.tag
    return ""


# Nouns of a moment, which make "since the beginning of ..." a phrase, not a clause.
MOMENT_NOUNS = frozenset("beginning start end opening launch creation adoption entry introduction outbreak".split())


def phrase_of_time(tokens: Sequence[Token]) -> bool:
    """Tell whether "since", "after", "before" or "until" opens a phrase, not a clause: "Since the beginning of the gas
    projects in the Rovuma basin, the Navy ..." (whose words after "of" have no verb)."""
    return len(tokens) > 3 and tokens[0].lower in ("since", "after", "before", "until") and tokens[1].lower == "the" \
        and tokens[2].lower in MOMENT_NOUNS and tokens[3].lower == "of"


def clauses(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Return the spans of the clauses of a sentence joined at its top level: at ";", at a colon, and at ", and",
    ", but", ", while" before a determiner or a name (a new subject)."""
    spans, start = [], 0
    if tokens and tokens[0].lower in OPENING_SUBORDINATORS and not phrase_of_time(tokens):
        # "If the victim consents, the case is referred ...": the opening clause is one, its main clause another
        comma = next((i for i, t in enumerate(tokens) if t.text == "," and not comma_between_names(tokens, i)), None)
        if comma is not None:
            spans.append((1, comma))
            start = comma + 1
    in_subordinate = False  # whether the current span was opened by a subordinator after a comma
    for index, token in enumerate(tokens):
        if index < start:
            continue
        joined = token.text == "," and index + 2 < len(tokens) and tokens[index + 1].lower in CLAUSE_JOINS \
            and (tokens[index + 2].lower in DETERMINERS or tokens[index + 2].tag in ("NNP", "PRP", "CD", "EX")
                 or tokens[index + 2].lower in QUANTIFIERS | {"only"} and index + 3 < len(tokens)
                 and tokens[index + 3].tag == "CD"
                 or tokens[index + 2].lower == "at" and index + 4 < len(tokens) and tokens[index + 3].lower == "least"
                 and tokens[index + 4].tag == "CD"
                 or tokens[index + 2].tag == "NNS" and index + 3 < len(tokens)
                 and tokens[index + 3].lower in ("that", "who", "whose", "which")
                 or tokens[index + 2].tag in ("NN", "NNS") and index + 3 < len(tokens)
                 and tokens[index + 3].tag == "MD"
                 or tokens[index + 2].tag == "NNS" and verb_follows_unjoined(tokens, index + 2, len(tokens))) \
            and not _list_item_before(tokens, start, index)  # "shelters, hotlines, and the training programmes"
        joined = joined or token.text == "," and index + 3 < len(tokens) and tokens[index + 1].lower in CLAUSE_JOINS \
            and tokens[index + 2].lower == "that" \
            and (tokens[index + 3].lower in DETERMINERS or tokens[index + 3].tag in ("NNP", "NNS", "PRP"))
        # (", and that the fuel is then sold": a second clause of what was observed)
        relative = token.text == "," and index + 3 < len(tokens) and tokens[index + 1].tag == "IN" \
            and tokens[index + 2].lower in ("which", "whom") and (
                tokens[index + 3].lower in DETERMINERS | {"more", "over", "about", "some"} or tokens[index + 3].tag in ("CD", "NNS")) \
            and not _insert_before_the_verb(tokens, start, index)
        subordinate = token.text == "," and index + 2 < len(tokens) and tokens[index + 1].lower in MID_SUBORDINATORS \
            and (tokens[index + 2].lower in DETERMINERS | QUANTITY_PRONOUNS or tokens[index + 2].tag in ("NNP", "NNS")
                 or tokens[index + 2].lower in ("they", "it", "we", "he", "she")  # (", where they steal")
                 or tokens[index + 2].tag in ("JJ", "VBN") and tokens[index + 2].text.islower()
                 and index + 3 < len(tokens) and tokens[index + 3].tag == "NNS")  # (", where armed gangs")
        content = token.lower == "that" and index > start and (
            tokens[index - 1].tag in (*FINITE, "VB") or tokens[index - 1].tag == "VBN" and index >= 2
            and tokens[index - 2].lower in ("has", "have", "had")) \
            and index + 1 < len(tokens) and tokens[index + 1].lower in DETERMINERS
        # ("we stress that the networks ...", "we have detected that the workers recruited for ... sign")
        content = content or token.lower == "that" and index > start and tokens[index - 1].tag in (*FINITE, "VB", "VBN") \
            and verb_lemma(tokens[index - 1].lower) and index + 1 < len(tokens) \
            and (tokens[index + 1].tag in ("NNS", "NNPS") and tokens[index + 1].text.islower()
                 or verb_lemma(tokens[index - 1].lower) in THINKING and tokens[index + 1].tag in ("NNS", "NNPS", "NNP"))
        # ("has observed that traffickers increasingly use ...", "has detected that migrants from ... transit")
        content = content or token.lower in ("where", "when") and index > start and tokens[index - 1].tag.startswith("NN") \
            and index + 1 < len(tokens) and tokens[index + 1].lower in ("the", "their", "its")  # "Rosario where the gangs"
        content = content or (token.lower in ("before", "until", "once", "unless", "when", "because")
                              or token.lower == "as" and tokens[index - 1].lower == "soon") and index > start + 1 \
            and index + 1 < len(tokens) and (tokens[index + 1].lower in ("the", "their", "its", "they", "a", "an")
                                             or tokens[index + 1].tag in ("JJ", "NNS") and tokens[index + 1].text.islower()
                                             or tokens[index + 1].tag == "NNP" and index + 2 < len(tokens)
                                             and tokens[index + 2].tag in FINITE) \
            and not (token.lower == "before" and object_after_a_phrase(tokens, index + 1))
        # (not "sign before their departure a contract": a phrase of time, then the object)
        content = content or token.lower in ("after", "since") and index > start + 1 and index + 2 < len(tokens) \
            and tokens[index + 1].tag in ("NNP", "PRP") and tokens[index + 2].tag in FINITE  # "after Croatia entered"
        # ("before the police arrive", "when a shebeen sells", "as soon as the victim reports", "because foreign
        # collectors enter")
        date_at = next((i for i in range(index + 3, min(index + 8, len(tokens) - 1))
                        if tokens[i].tag == "CD" or tokens[i].lower == "then"), None) \
            if index + 4 < len(tokens) and tokens[index + 2].tag == "IN" else None
        dated = token.text == "," and date_at is not None and tokens[index + 1].lower in CLAUSE_JOINS and all(
            t.tag in ("DT", "JJ", "NN") for t in tokens[index + 3:date_at])  # (", and in the fiscal year 2022/23 the")
        if dated:  # ", and since 2020 the Ministry ... carry out": the clause's subject after its date
            after = date_at + 2 if tokens[date_at + 1].text == "," else date_at + 1
            dated = after < len(tokens) and (tokens[after].lower in DETERMINERS or tokens[after].tag in ("NNP", "PRP"))
        # the comma that ends a clause opened by a subordinator after a comma, before the next clause's subject: ",
        # where the pipes do not supply water every day, illegal connections ... cause losses"
        closing = in_subordinate and token.text == "," and index + 1 < len(tokens) and any(
            t.tag in FINITE and not t.quoted for t in tokens[start:index]) and not joined and not relative \
            and not subordinate and (tokens[index + 1].lower in DETERMINERS or tokens[index + 1].tag == "JJ"
                                     and tokens[index + 1].text.islower() and index + 2 < len(tokens)
                                     and tokens[index + 2].tag == "NNS"
                                     or tokens[index + 1].tag == "NNS" and tokens[index + 1].text.islower())
        # (", where the wels catfish and the carp are abundant, groups of poachers fish at night")
        if token.text in (";", ":") or joined or relative or subordinate or content or dated or closing:
            spans.append((start, index))
            start = after if dated else index + (3 if relative else 2 if joined or subordinate else 1)
            # (", through which the persons")
            in_subordinate = subordinate
    spans.append((start, len(tokens)))
    return [(start, end) for start, end in spans if end - start > 2]


def _insert_before_the_verb(tokens: Sequence[Token], start: int, comma: int) -> bool:
    """Tell whether the relative clause after ``comma`` (", in which ...,") is an insert between a subject with no verb
    and its verb: "the consultations and the referendums, in which the population decides on public matters, need the
    same protection"."""
    close = next((i for i in range(comma + 3, len(tokens)) if tokens[i].text in ",;:"), None)
    if close is None or tokens[close].text != "," or close + 2 >= len(tokens) or main_verb_in(tokens, start, comma):
        return False
    verb = tokens[close + 1]
    return verb.text.islower() and not verb.quoted and verb.tag in ("NN", "NNS", "VB", "VBP", "VBZ") \
        and can_be_verb(verb.lower) and object_starts(tokens[close + 2]) \
        and any(t.tag in FINITE and not t.quoted for t in tokens[comma + 1:close])


def _list_item_before(tokens: Sequence[Token], start: int, comma: int) -> bool:
    """Tell whether the ``comma`` closes a short item of a list of nouns: another comma at most five words before it,
    and no verb or participle between the two ("We fund shelters, hotlines, and the training programmes")."""
    for index in range(comma - 1, max(start, comma - 6) - 1, -1):
        if tokens[index].tag.startswith(("VB", "MD")):
            return False
        if tokens[index].text == ",":
            opening = next((i for i in range(index - 1, start - 1, -1) if tokens[i].text == ","), None)
            # (not the comma closing an insert: "thousands of diggers, some of whom are children, work without any
            # protection, and the minerals are smuggled")
            return opening is None or not relative_opens(tokens, opening + 1)
    return False


def comma_between_names(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the comma at ``index`` separates two capitalised words ("Zagreb, Split, Rijeka")."""
    return 0 < index < len(tokens) - 1 and tokens[index - 1].text[:1].isupper() and tokens[index + 1].text[:1].isupper() \
        and tokens[index + 1].lower not in DETERMINERS


def subject_before(tokens: Sequence[Token], index: int, start: int) -> int | None:
    """Return where the noun phrase that ends at ``index`` starts, when it opens its clause at ``start`` (after an
    opening phrase closed by a comma, if any); None when something else comes before it."""
    head = index
    if tokens[head].text == ")":  # "the Directorate (DIA)"
        head = next((i for i in range(head - 1, start - 1, -1) if tokens[i].text == "("), start) - 1
    amount = head - 1 >= start and tokens[head].tag == "CD" and (
        tokens[head - 1].tag in ("CD", "NNP")  # "AUD 100 million"
        or year(tokens[head]) and tokens[head - 1].lower in ("in", "of") and head - 2 > start)  # "in the lake in 2018"
    gerund = tokens[head].tag in ("JJ", "VBG") and tokens[head].lower.endswith("ing")  # "Drunk driving remains"
    if head < start or not (tokens[head].tag.startswith("NN") or amount or gerund):
        return None
    position = head
    while position > start:
        previous = tokens[position - 1]
        if tokens[position].lower in ("the", "a", "an", "its", "their", "many", "several", "some", "most", "all") \
                and previous.tag.startswith("NN") \
                and previous.lower not in ("half", "quarter", "third") and tokens[start].tag == "IN":
            return position  # "In the capital the municipalities use", "In our country many pupils travel": a
            # determiner after a noun opens the subject
        if tokens[position].tag == "NNS" and tokens[position].text.islower() and previous.tag == "NNP" \
                and tokens[start].tag == "IN":
            return position  # "In São Paulo and Rio de Janeiro criminals dressed as ... call": a plural after a place
        if previous.tag.startswith(("NN", "JJ", "DT", "CD", "PRP$", "POS")) or previous.text in "()%" \
                or previous.lower in ("of", "in", "on", "for", "against", "with", "from", "at", "and", "within", "under",
                                     "above", "below", "over", "across", "among", "near", "along", "around",
                                     "outside", "inside", "behind", "between", "into", "off", "without", "through",
                                     "during", "about", "beyond", "towards") \
                or previous.lower == "than" and position - 2 >= start and tokens[position - 2].lower in ("more", "less", "fewer") \
                or previous.tag in ("VBN", "VBG") and tokens[position].tag.startswith("NN") \
                or previous.tag in ("VBN", "VBG") and tokens[position].tag in ("IN", "TO") \
                or previous.lower in ("to", "by", "as") and position - 2 >= start and tokens[position - 2].tag == "VBN" \
                or previous.lower == "to" and position - 2 >= start and tokens[position - 2].tag in ("NN", "NNS") \
                and tokens[position].tag in ("JJ", "NN", "NNS", "DT") \
                or previous.text[:1].isupper() and position - 1 > start and tokens[position - 2].text == "," \
                or previous.tag == "FW" and tokens[position].text[:1].isupper():
            # "organized crime", "persons deprived of liberty", "Zagreb, Split, Rijeka", "the Maison d'arrêt de Brazzaville"
            position -= 1
            continue
        if previous.text == "," and comma_between_names(tokens, position - 1):
            position -= 1  # a list of names: "in the cities of Astana, Almaty and Shymkent"
            continue
        if previous.text == "," and (tokens[position].tag.startswith(("DT", "NN", "CD", "PRP$"))
                                     or tokens[position].lower in QUANTIFIERS and tokens[position + 1].tag == "CD"
                                     or tokens[position].lower in QUANTITY_PRONOUNS):  # ", many students ... rent"
            return position  # "At present, the 70% of the adolescents ...", "Every year ..., about 20,000 visitors"
        return None
    return position


def acronym_in_parentheses(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the parenthesis at ``index`` opens or closes an acronym: "the Authority (KCCA)"."""
    inside = index + 1 if tokens[index].text == "(" else index - 1
    closing = inside + 1 if tokens[index].text == "(" else inside - 1
    return 0 <= closing < len(tokens) and tokens[closing].text in "()" and tokens[closing].text != tokens[index].text \
        and tokens[inside].text.isupper()


def list_of_nouns(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether the plural noun at ``index`` goes on, across commas, to "and" or "or" and a last noun ("monkeys,
    dogs or snakes", "drips, fillers and botulinum toxin"), with no other word between."""
    for position in range(index, min(len(tokens) - 1, index + 12)):
        token = tokens[position]
        if token.lower in ("and", "or"):
            return tokens[position + 1].tag in ("NNS", "NN", "JJ") and tokens[position + 1].text.islower()
        if not (token.text == "," or token.tag == "NNS" and token.text.islower() and not token.quoted):
            return False
    return False


def subject_takes_plural(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Tell whether the subject ``tokens[start:end]`` takes a verb in the plural: its first noun is plural, or a
    share of a plural ("the 70% of the adolescents"), or two noun phrases are joined by "and"."""
    if any(tokens[index].lower == "and" and (tokens[index - 1].tag.startswith("NN") or tokens[index - 1].text == ")")
           and (tokens[index + 1].tag in ("DT", "PRP$") or tokens[index + 1].lower in DETERMINERS)
           for index in range(start + 1, end - 1)):
        return True  # "the National Institute of Statistics and the Ministry of Internal Affairs", "the Office (BKA) and"
    head = None
    for index in range(start, end):
        token = tokens[index]
        if token.tag.startswith("NN") or token.text == "%":
            if head is not None and token.tag == "NNP" and tokens[head].tag == "NNS" and tokens[head].text.islower():
                return True  # "the operators MTN and Orange": names in apposition to a plural
            if head is None or index == head + 1:
                head = index
            continue
        if head is not None and token.lower == "of" and (tokens[head].lower in SHARE_NOUNS or head == start
                                                          and tokens[head].lower in QUANTITY_PRONOUNS):
            head = None  # the share agrees with what follows "of" ("many of the products")
            continue
        if head is not None and token.tag not in ("(", ")") and token.text not in "()":
            break
    if head is None:
        return False
    if tokens[head].text == "States" and (head == 0 or tokens[head - 1].lower != "united"):
        return True  # "that States report every two years": Member States, not the United States
    return plural_noun(tokens[head]) or tokens[head].lower in ("rest", "remainder") and head == end - 1
    # ("The rest remain in the deposits": the rest of what was counted before)


def insert_closed_before(tokens: Sequence[Token], comma: int, start: int) -> int | None:
    """Return the head of the subject before an insert that the ``comma`` closes (", which are run by iwi,"), if any;
    the commas of a list of names inside it open none (", together with the Ministry of Culture, Youth and Sport,")."""
    opening = next((i for i in range(comma - 1, start, -1) if tokens[i].text == "," and not comma_between_names(tokens, i)),
                   None)
    if opening is None or opening + 1 >= comma or not (
            tokens[opening + 1].lower in ("which", "who") or relative_opens(tokens, opening + 1) or tokens[opening + 1].tag == "VBN"
            or tokens[opening + 1].lower in ("in", "with", "through", "together", "jointly", "under")
            and not any(t.tag in FINITE for t in tokens[opening + 1:comma])):  # ", in coordination with the Agency,"
        return None
    return subject_before(tokens, opening - 1, start)


def verb_follows_unjoined(tokens: Sequence[Token], index: int, end: int) -> bool:
    """Tell whether a finite verb follows ``index`` in its clause with nothing that could join a second verb between
    (no comma, conjunction or relative word): then the word at ``index`` is no verb of its own."""
    for token in tokens[index + 1:end]:
        if token.text in ",;:()" or token.lower in CLAUSE_BOUNDARIES or token.lower in ("and", "or", "to"):
            return False
        if token.tag in FINITE and not token.quoted:
            return True
    return False


def plurals_read_as_verbs(tokens: Sequence[Token], start: int, end: int) -> list[int]:
    """Return the -s words of the clause read as its verb that may be the plural of its subject's noun, before a
    preposition: "The specialized interdistrict courts on juvenile affairs ... consider all cases"."""
    found = []
    for index in range(start + 1, end - 1):
        token, following = tokens[index], tokens[index + 1]
        if token.tag == "VBZ" and not token.quoted and token.text.islower() and can_be_noun(token.lower) \
                and tokens[index - 1].tag in ("NN", "JJ") and following.tag == "IN" and following.lower not in ("that", "whether", "if") \
                and subject_before(tokens, index - 1, start) is not None:
            found.append(index)
    return found
