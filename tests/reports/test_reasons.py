"""The reasons of the engine's flags: stored in English, recognised and shown in the reader's language."""

from __future__ import annotations

import pytest

from portal.core.bidi import FSI, PDI
from portal.reports import reasons

WORDS = {"word": "children\u2019s", "words": "the Ministry", "adjective": "Malagasy", "cycle": "Salvador 2026 (“first”)"}


@pytest.mark.parametrize("template", reasons.TEMPLATES)
def test_every_template_is_recognised_with_the_words_filled_into_it(template):
    names = [name for name in WORDS if f"%({name})s" in template]
    stored = template % {name: WORDS[name] for name in names}
    assert reasons.parse(stored) == (template, {name: WORDS[name] for name in names})


def test_the_template_with_more_fixed_words_wins():
    stored = reasons.TENSE_MAY_BE_NOUN % {"word": "trains"}
    assert reasons.parse(stored) == (reasons.TENSE_MAY_BE_NOUN, {"word": "trains"})
    assert reasons.parse(reasons.TENSE % {"word": "trains"}) == (reasons.TENSE, {"word": "trains"})


def test_a_reason_that_is_no_template_is_shown_as_stored(app):
    with app.test_request_context(headers={"Accept-Language": "fr"}):
        assert reasons.translated("check the tense of 'trains'") == ("check the tense of 'trains'", False)


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "check the tense of \u2018trains\u2019: it may be a noun"),
    ("fr", "vérifiez le temps de"),
    ("es", "compruebe el tiempo verbal de"),
    ("ru", "проверьте время"),
    ("zh", "的时态"),
    ("ar", "تحقق من زمن"),
])
def test_a_reason_is_shown_in_the_readers_language_with_its_word_as_written(app, language, expected):
    stored = reasons.TENSE_MAY_BE_NOUN % {"word": "trains"}
    with app.test_request_context(headers={"Accept-Language": language}):
        shown, translated = reasons.translated(stored)
    assert translated and expected in shown and "trains" in shown
    # on a right-to-left page the English word is isolated, so that its quotation marks stay around it
    assert (f"{FSI}trains{PDI}" in shown) == (language == "ar")
