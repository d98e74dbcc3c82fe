"""The language of compiled reports: names, numbers, counted statements and sentence ends, as in E/CN.15/2011/15."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.core.bidi import FSI, PDI, isolate
from portal.reports import prose


def test_names_are_joined_with_and_before_the_last_and_no_comma():
    assert prose.join_names(["Malta", "Portugal"]) == "Malta and Portugal"
    assert prose.join_names(["Argentina", "Canada", "Portugal"]) == "Argentina, Canada and Portugal"
    assert prose.join_names(["Japan"]) == "Japan"
    assert prose.join_names([]) == ""


def test_dates_are_written_day_month_year():
    assert prose.un_date(dt.date(2011, 1, 30)) == "30 January 2011"
    assert prose.un_date(dt.date(2011, 3, 3)) == "3 March 2011"


@pytest.mark.parametrize("number, words", [
    (1, "one"), (8, "eight"), (15, "fifteen"), (21, "twenty-one"), (100, "one hundred"),
    (193, "one hundred and ninety-three"), (2011, "two thousand and eleven"),
])
def test_numbers_in_words(number, words):
    assert prose.number_in_words(number) == words


def test_counts_are_words_below_ten_and_at_the_start_of_a_sentence():
    assert prose.number(5) == "five"
    assert prose.number(12) == "12"
    assert prose.number(12, start=True) == "Twelve"


@pytest.mark.parametrize("count, total, subject", [
    (5, 8, "Five of the eight States that replied"),
    (1, 8, "One of the eight States that replied"),
    (8, 8, "All eight States that replied"),
    (0, 8, "None of the eight States that replied"),
    (2, 2, "Both States that replied"),
    (1, 1, "The only State that replied"),
    (12, 193, "Twelve of the 193 States that replied"),
])
def test_counted_statements(count, total, subject):
    assert prose.counted_states(count, total) == subject


@pytest.mark.parametrize("text", [
    "政府已采取立法措施。", "政府已采取措施！", "政府是否采取了措施？", "هل اتخذت الحكومة تدابير؟", "حکومت نے اقدامات کیے۔",
    "The work goes on…", "It was adopted!", "Was it adopted?", "A title \u201cin quotes.\u201d", "(As amended.)",
    "It was adopted.\u00bb", "「政府已采取措施。」", "（政府已采取措施。）", "It was adopted.]", "It was adopted.'",
])
def test_a_sentence_ending_in_any_script_gets_no_second_full_stop(text):
    assert prose.end_sentence(text) == text


@pytest.mark.parametrize("text, ended", [
    ("政府已采取措施，", "政府已采取措施."), ("政府已采取措施；", "政府已采取措施."), ("政府已采取措施：", "政府已采取措施."),
    ("اتخذت الحكومة تدابير،", "اتخذت الحكومة تدابير."), ("اتخذت الحكومة تدابير؛", "اتخذت الحكومة تدابير."),
    ("It was adopted", "It was adopted."), ("It was adopted (in 2010)", "It was adopted (in 2010)."),
])
def test_a_sentence_without_its_end_gets_one_and_loses_a_trailing_comma_of_any_script(text, ended):
    assert prose.end_sentence(text) == ended


def test_a_list_item_ending_with_a_chinese_full_stop_takes_the_semicolon_instead():
    assert prose.sub_paragraphs(["培训检察官。", "收集数据。"]) == ["培训检察官;", "收集数据。"]


def test_a_text_ending_with_a_colon_or_in_quotes_is_ended_once():
    assert prose.end_sentence("It ended with a colon:") == "It ended with a colon."
    assert prose.end_sentence("A title “in quotes.”") == "A title “in quotes.”"


def test_isolated_sub_paragraphs_take_their_marks_after_the_isolate():
    assert prose.sub_paragraphs([isolate("培训检察官。"), isolate("حكومة")]) == [
        "培训检察官;", f"{FSI}حكومة{PDI}."]
