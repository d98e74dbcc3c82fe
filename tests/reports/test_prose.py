"""The language of compiled reports: names, numbers, lead-ins and reported speech as in E/CN.15/2011/15."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.core.bidi import FSI, PDI, PDF, RLO, isolate
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


def test_lead_ins_vary_as_in_chapter_three():
    answer = "A national strategy has been adopted."
    firsts = [prose.reported(answer, "Canada", number).split(" a national")[0] for number in range(7)]
    assert firsts[:4] == ["Canada reported that", "Canada also noted that", "Furthermore, Canada indicated that",
                          "In addition, Canada stated that"]
    assert len(set(firsts)) == len(prose.LEAD_INS)
    assert firsts[6] != firsts[0], "the first lead-in is used once"


def test_running_text_names_start_with_a_capital_only_at_the_start_of_a_sentence():
    answer = "The new Criminal Code entered into force in 2010."
    assert prose.reported(answer, "the Czech Republic", 0) == (
        "The Czech Republic reported that the new Criminal Code entered into force in 2010.")
    assert prose.reported(answer, "the Islamic Republic of Iran", 2) == (
        "Furthermore, the Islamic Republic of Iran indicated that the new Criminal Code entered into force in 2010.")


@pytest.mark.parametrize("answer, clause", [
    ("The Ministry trains judges.", "the Ministry trains judges."),
    ("In 2010 a law was adopted.", "in 2010 a law was adopted."),
    ("A draft law was prepared.", "a draft law was prepared."),
    ("UNODC supported the project.", "UNODC supported the project."),
    ("Parliament approved the law.", "Parliament approved the law."),
    ("Portugal's law is in force.", "Portugal's law is in force."),
    ("McLean Institute trains officers.", "McLean Institute trains officers."),
    ("Trafficking is an offence, and trafficking of children is punished.", "trafficking is an offence, and "
                                                                           "trafficking of children is punished."),
    ("I", "I."),
])
def test_only_a_common_first_word_is_lower_cased(answer, clause):
    assert prose.clause(answer) == clause


def test_a_word_known_from_the_vocabulary_is_lower_cased():
    assert prose.clause("Trafficking in cultural property is an offence.", {"trafficking"}) == (
        "trafficking in cultural property is an offence.")


def test_answers_are_kept_verbatim_with_their_paragraphs_joined_and_a_final_stop():
    answer = "The first paragraph.\n\nThe second   paragraph, with “quotes”"
    assert prose.reported(answer, "Malta", 0) == ("Malta reported that the first paragraph. "
                                                   "The second paragraph, with “quotes”.")
    assert prose.end_sentence("It ended with a colon:") == "It ended with a colon."
    assert prose.end_sentence("A title “in quotes.”") == "A title “in quotes.”"


def test_an_answer_already_in_reported_speech_or_naming_its_state_later_is_not_given_a_lead_in():
    assert prose.reported("Canada reported that a strategy was adopted.", "Canada", 1) == (
        "Canada reported that a strategy was adopted.")
    assert prose.reported("To protect victims, Japan revised the Act", "Japan", 0) == (
        "To protect victims, Japan revised the Act.")
    # Kept as it stands, in the past, as the narrative sentences of E/CN.15/2011/15 are.
    assert prose.reported("In criminal matters, the Czech Republic has implemented the conventions.",
                          "the Czech Republic", 3, names=["Czech Republic"]) == (
        "In criminal matters, the Czech Republic had implemented the conventions.")
    # Named, but not as the subject: the lead-in stays.
    assert prose.reported("Trafficking is an offence in Ecuador.", "Ecuador", 0, vocabulary={"trafficking"}) == (
        "Ecuador reported that trafficking was an offence in Ecuador.")


@pytest.mark.parametrize("answer, state, names, expected", [
    # As paragraph 14 of E/CN.15/2011/15: "Canada underlined that it had taken a leading role ...".
    ("Canada has taken a leading role. Canada has supported UNODC.", "Canada", [],
     "Canada reported that it had taken a leading role. Canada had supported UNODC."),
    ("Canada is committed to addressing cybercrime.", "Canada", [],
     "Canada reported that it was committed to addressing cybercrime."),
    ("The Czech Republic has signed the Convention.", "the Czech Republic", ["Czech Republic"],
     "The Czech Republic reported that it had signed the Convention."),
    ("The Government of Portugal treats corruption as a priority.", "Portugal", [],
     "Portugal reported that its Government treats corruption as a priority."),
    ("Jordan implements the instruments.", "Jordan", [], "Jordan reported that it implements the instruments."),
    # Not the State as the subject of a present verb: no "it".
    ("Canada and Mexico have signed a memorandum.", "Canada", [], "Canada and Mexico had signed a memorandum."),
    ("Canada noted that it has provided funds.", "Canada", [], "Canada noted that it had provided funds."),
    ("Canada\u2019s law is in force.", "Canada", [], "Canada reported that its law was in force."),
    ("The Czech Republic's plan is adopted.", "the Czech Republic", [], "The Czech Republic reported that its plan was adopted."),
])
def test_an_answer_opening_with_its_state_as_subject_continues_with_it(answer, state, names, expected):
    assert prose.reported(answer, state, 0, names=names) == expected


@pytest.mark.parametrize("text, expected", [
    ("A strategy is being finalized and bills are before Parliament.",
     "A strategy was being finalized and bills were before Parliament."),
    ("The office has been set up and will be funded; it can act.", "The office had been set up and would be funded; it could act."),
    ("States that have ratified it do not have to report; they will have to.",
     "States that had ratified it do not have to report; they would have to."),
    ("The law does not have a budget.", "The law did not have a budget."),
    ("There is the political will, and the will is strong.", "There was the political will, and the will was strong."),
    ("The manual, entitled \u201cWhat is new\u201d, is out.", "The manual, entitled \u201cWhat is new\u201d, was out."),
    ("He said \"it is done\" and it is.", "He said \"it is done\" and it was."),
    ("This Island is an archipelago; Is it? Thesis, hiss and Isle stay.", "This Island was an archipelago; Is it? Thesis, hiss and Isle stay."),
])
def test_reported_speech_puts_the_auxiliaries_in_the_past_outside_quotations(text, expected):
    assert prose.backshift(text) == expected


def test_a_further_sentence_about_the_same_state_starts_with_it():
    assert prose.continued("The manual was published.", "Canada", 0) == "It further stated that the manual was published."


def test_a_list_of_proposals_becomes_a_lead_in_and_items():
    lead, items = prose.list_items("Canada sees the need for tools on: the prisons; violence against women; "
                                   "and cybercrime, including model laws.")
    assert lead == "Canada sees the need for tools on:"
    assert prose.sub_paragraphs(items) == ["The prisons;", "Violence against women;", "Cybercrime, including model laws."]
    lead, items = prose.list_items("Children: standards.\n\nCybercrime: a typology.")
    assert lead is None and prose.sub_paragraphs(items) == ["Children: standards;", "Cybercrime: a typology."]
    assert prose.list_items("Tools on asset recovery.") == (None, ["Tools on asset recovery."])


@pytest.mark.parametrize("text", [
    "政府已采取立法措施。", "政府已采取措施！", "政府是否采取了措施？", "هل اتخذت الحكومة تدابير؟", "حکومت نے اقدامات کیے۔",
    "The work goes on…", "It was adopted!", "Was it adopted?", "A title \u201cin quotes.\u201d", "(As amended.)",
    "It was adopted.\u00bb", "「政府已采取措施。」", "（政府已采取措施。）", "It was adopted.]", "It was adopted.'",
])
def test_a_sentence_ending_in_any_script_gets_no_second_full_stop(text):
    assert prose.end_sentence(text) == text
    assert prose.reported(text, "Canada", 0).endswith(isolate(text)[1:])  # nothing after the State's words


@pytest.mark.parametrize("text, ended", [
    ("政府已采取措施，", "政府已采取措施."), ("政府已采取措施；", "政府已采取措施."), ("政府已采取措施：", "政府已采取措施."),
    ("اتخذت الحكومة تدابير،", "اتخذت الحكومة تدابير."), ("اتخذت الحكومة تدابير؛", "اتخذت الحكومة تدابير."),
    ("It was adopted", "It was adopted."), ("It was adopted (in 2010)", "It was adopted (in 2010)."),
])
def test_a_sentence_without_its_end_gets_one_and_loses_a_trailing_comma_of_any_script(text, ended):
    assert prose.end_sentence(text) == ended


def test_a_list_item_ending_with_a_chinese_full_stop_takes_the_semicolon_instead():
    assert prose.sub_paragraphs(["培训检察官。", "收集数据。"]) == ["培训检察官;", "收集数据。"]


def test_a_right_to_left_override_left_open_in_an_answer_is_isolated_and_closed():
    answer = f"The {RLO}law was amended"
    assert prose.reported(answer, "Canada", 0) == f"Canada reported that {FSI}the {RLO}law was amended{PDF}{PDI}."
    assert prose.continued(answer, "Canada", 1) == f"It also reported that {FSI}the {RLO}law was amended{PDF}{PDI}."
    assert prose.reported(f"Canada has {RLO}amended the law.", "Canada", 0) == (
        f"Canada reported that {FSI}it had {RLO}amended the law.{PDF}{PDI}")


def test_answers_without_right_to_left_letters_or_formatting_characters_are_not_isolated():
    assert prose.reported("The law was amended", "Canada", 0) == "Canada reported that the law was amended."
    arabic = "اتخذت الحكومة تدابير،"
    assert prose.reported(arabic, "Canada", 0) == f"Canada reported that {FSI}اتخذت الحكومة تدابير{PDI}."
    assert prose.sub_paragraphs([isolate("培训检察官。"), isolate("حكومة")]) == [
        "培训检察官;", f"{FSI}حكومة{PDI}."]
