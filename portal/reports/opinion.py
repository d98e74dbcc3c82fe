"""A second tagger's opinion of an answer's words, for the second reading (:mod:`portal.reports.doubts`).

The engine tags with the Brill tagger that TextBlob ships and corrects it by the rules of
:mod:`portal.reports.tagging`, written one construction at a time. A tagger that learnt from context makes other
mistakes than rules do: the averaged perceptron that the package textblob-aptagger ships (Matthew Honnibal's model,
trained on the Wall Street Journal; MIT licence) reads each word by the two words and tags before it and the two
words after it. Where it is sure of a tag that contradicts what the engine did with a word ("share" moved back where
the model reads a noun, "reports" kept in the present where it reads the verb), the second reading asks the editor.

NLTK's :class:`~nltk.tag.perceptron.PerceptronTagger` does the tagging; the package gives only the weights (its own
code imports a module of TextBlob that no longer exists, so it is never imported). The weights are a pickle of
dicts and one set; they are read by an unpickler that refuses anything else.

The model is "sure" of a tag it predicts when the other tags together have less than one chance in ten thousand.
Words of its dictionary (frequent words it tags as the newspaper mostly used them: "share" and "issues" as nouns)
are never sure here: a State's answer uses them otherwise. Measured with bench/second_reading.py: sure tags that
contradict the engine catch paragraphs that held-out sets found wrong, at the price of a flag on about one
correct paragraph in fifty; less sure ones, and the model's opinion of past tenses, cost far more than they catch.
"""

from __future__ import annotations

import functools
import importlib.metadata
import pickle
from typing import Sequence

import numpy
from nltk.tag.perceptron import PerceptronTagger

DISTRIBUTION = "textblob-aptagger"
MODEL = "textblob_aptagger/trontagger-0.1.0.pickle"
SURE = 0.9999
# Where the tagger starts again: it reads a sentence, or a part of one between ";" and ":".
SENTENCE_ENDS = frozenset(".;:")


class _Weights(pickle.Unpickler):
    """Read the model's pickle (written by Python 2: a tuple of dicts, strings, numbers and one set) and nothing more."""

    def find_class(self, module: str, name: str):
        if name == "set" and module in ("__builtin__", "builtins"):
            return set
        raise pickle.UnpicklingError(f"the tagger's model may hold no {module}.{name}")


@functools.cache
def _tagger() -> PerceptronTagger:
    tagger = PerceptronTagger(load=False)
    path = importlib.metadata.distribution(DISTRIBUTION).locate_file(MODEL)
    with open(path, "rb") as file:
        weights, tagdict, classes = _Weights(file, encoding="latin1").load()
    tagger.model.weights, tagger.tagdict, tagger.classes, tagger.model.classes = weights, tagdict, classes, classes
    return tagger


def sure_tags(words: Sequence[str]) -> list[str]:
    """Return, for each of ``words`` (a text's words and marks in order), the tag the model is sure of, or ""."""
    tagger = _tagger()
    found: list[str] = []
    start = 0
    for end in [index + 1 for index, word in enumerate(words) if word in SENTENCE_ENDS] + [len(words)]:
        if end > start:
            with numpy.errstate(over="ignore", invalid="ignore"):  # a score too large gives no confidence: not sure
                tagged = tagger.tag(list(words[start:end]), return_conf=True)
            found += [tag if word not in tagger.tagdict and conf >= SURE else "" for word, tag, conf in tagged]
        start = end
    return found
