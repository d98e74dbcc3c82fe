"""The word-by-word difference shown for an answer changed since a review comment."""

from portal.core.textdiff import Piece, word_diff


def test_a_changed_word_shows_as_that_word_replaced():
    assert word_diff("The law was adopted in 2010.", "The law was amended in 2012.") == [
        Piece("equal", "The law was "), Piece("delete", "adopted"), Piece("insert", "amended"),
        Piece("equal", " in "), Piece("delete", "2010"), Piece("insert", "2012"), Piece("equal", "."),
    ]


def test_added_and_removed_text_and_empty_sides():
    assert word_diff("", "New answer.") == [Piece("insert", "New answer.")]
    assert word_diff("Old answer.", "") == [Piece("delete", "Old answer.")]
    assert word_diff("Same.", "Same.") == [Piece("equal", "Same.")]
    pieces = word_diff("Line one.\nLine two.", "Line one.\nLine two, and three.")
    assert "".join(p.text for p in pieces if p.kind != "delete") == "Line one.\nLine two, and three."
    assert "".join(p.text for p in pieces if p.kind != "insert") == "Line one.\nLine two."


def test_words_of_every_script_are_kept_whole():
    pieces = word_diff("Закон о полиции принят", "Закон о полиции изменён")
    assert Piece("delete", "принят") in pieces and Piece("insert", "изменён") in pieces
