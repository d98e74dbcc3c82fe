"""The second reading: a paragraph is compared with its answer, and a decision the words around it leave open is flagged.

Each wrong text below is one the engine printed, unflagged, on a held-out answer before a rule fixed it; the second
reading must flag it at the word in fault whatever the engine's rules become. The right texts are the editor's, and
must pass without a flag.
"""

from __future__ import annotations

import io
import os
import pickle

import pytest

from portal.reports import doubts, opinion, reasons, speech
from tests.reports.test_speech import KENYA, flagged


def spans(answer: str, written: str) -> list[tuple[str, str]]:
    return [(written[flag["start"]:flag["end"]], flag["reason"]) for flag in doubts.second_reading(answer, written)]


@pytest.mark.parametrize("answer, wrong, word", [
    ("Officers are deployed in the villages, where the police rarely arrive.",
     "Kenya reported that officers were deployed in the villages, where the police rarely arrive.", "arrive"),
    ("The islands of Pohnpei and Yap allow the sale of kava.",
     "Kenya reported that the islands of Pohnpei and Yap allow the sale of kava.", "allow"),
    ("Under the model, the National Police works together with the communities.",
     "Kenya reported that, under the model, the National Police works together with the communities.", "works"),
    ("Pirates attack the fishermen at night.", "Kenya indicated that pirates attack the fishermen at night.", "attack"),
])
def test_a_verb_left_in_the_present_in_a_clause_without_another_is_flagged(answer, wrong, word):
    assert spans(answer, wrong) == [(word, reasons.MAY_BE_PRESENT % {"word": word})]


@pytest.mark.parametrize("answer, wrong, word", [
    ("We have introduced biometric access passes for the port workers.",
     "Kenya reported that it had introduced biometric access passed for the port workers.", "passed"),
    ("The team monitors hate speech on social networks.",
     "Kenya reported that the team monitored hated speech on social networks.", "hated"),
])
def test_a_noun_put_in_the_past_beside_the_clauses_verb_is_flagged(answer, wrong, word):
    # (when both words were moved, each is flagged: which of the two is the verb is what the editor decides)
    assert (word, reasons.TENSE_MAY_BE_NOUN % {"word": word}) in spans(answer, wrong)


def test_had_before_a_participle_of_a_noun_phrase_is_flagged():
    answer = "Under Phase III of the Project, approved in 2023, the records are digitized. The agreement signed in 2020 provides for joint patrols."
    wrong = ("Kenya reported that, under Phase III of the Project, approved in 2023, the records were digitized. The agreement "
             "had signed in 2020 provided for joint patrols.")
    # (the verb after it, which "had" seems to leave without a subject, may be flagged too)
    assert ("had signed", reasons.VERB_OR_PARTICIPLE % {"word": "signed"}) in spans(answer, wrong)
    assert ("approved", reasons.VERB_OR_PARTICIPLE % {"word": "approved"}) not in spans(answer, wrong)


@pytest.mark.parametrize("answer, right", [
    ("We have adopted a new law on trafficking in persons.",
     "Kenya reported that it had adopted a new law on trafficking in persons."),
    ("The police seized 4 tons of cannabis in 2023 and the courts confiscated the property of 12 traffickers.",
     "Kenya reported that the police had seized 4 tons of cannabis in 2023 and the courts had confiscated the property "
     "of 12 traffickers."),
    ("Community service orders are imposed on first offenders, who receive training.",
     "Kenya reported that community service orders were imposed on first offenders, who received training."),
    ("The Centre provides shelter and legal aid to victims and refers cases to the police.",
     "Kenya reported that the Centre provided shelter and legal aid to victims and referred cases to the police."),
    ("Judges, prosecutors and police officers attend the courses of the Academy.",
     "Kenya reported that judges, prosecutors and police officers attended the courses of the Academy."),
])
def test_the_editors_text_is_not_flagged(answer, right):
    assert spans(answer, right) == []


@pytest.mark.parametrize("answer, right", [
    ("We have launched a strategy to protect and build confidence in the use of cyberspace.",
     "Kenya reported that it had launched a strategy to protect and build confidence in the use of cyberspace."),
    ("We will create an office which will identify and manage assets derived from crime.",
     "Kenya reported that it would create an office which would identify and manage assets derived from crime."),
    ("The campaigns raise awareness of the harm that drugs do to society.",
     "Kenya reported that the campaigns raised awareness of the harm that drugs did to society."),
    ("We do not support the proposals that the United Nations initiate negotiations on a new convention.",
     "Kenya reported that it did not support the proposals that the United Nations initiate negotiations on a new "
     "convention."),
    ("We organize the sessions on specific issues, as the Group of Experts recommended at its meeting in Bangkok.",
     "Kenya reported that it organized the sessions on specific issues, as the Group of Experts had recommended at its "
     "meeting in Bangkok."),
    ("The new schedule is more efficient, as it gives Member States more time to respond.",
     "Kenya reported that the new schedule was more efficient, as it gave Member States more time to respond."),
    ("Quickly trace a lost or abducted child", "Quickly trace a lost or abducted child;"),
    ("We promote crime prevention and best practices concerning the young.",
     "Kenya reported that it promoted crime prevention and best practices concerning the young."),
])
def test_what_governs_a_base_form_or_makes_a_word_the_verb_is_respected(answer, right):
    assert spans(answer, right) == []


@pytest.mark.parametrize("answer, wrong, word", [
    ("Victims who return are treated as victims.", "Kenya reported that victims who return were treated as victims.",
     "return"),
    ("The councils prepare local safety programmes and deal in particular with burglaries.",
     "Kenya reported that the councils prepared local safety programmes and deal in particular with burglaries.", "deal"),
])
def test_a_verb_left_in_the_present_after_who_or_beside_a_verb_it_shares_a_subject_with_is_flagged(answer, wrong, word):
    assert (word, reasons.MAY_BE_PRESENT % {"word": word}) in spans(answer, wrong)


def test_a_noun_the_relative_clause_after_it_agrees_with_put_in_the_past_is_flagged():
    assert spans("Movement permits, which are checked at the roadblocks", "Movement permitted, which were checked at the "
                 "roadblocks;") == [("permitted", reasons.TENSE_MAY_BE_NOUN % {"word": "permitted"})]


def test_a_verb_after_a_noun_and_that_left_in_the_present_is_flagged():
    answer = "Every company that processes timber must be audited."
    wrong = "Kenya reported that every company that processes timber must be audited."
    assert spans(answer, wrong) == [("processes", reasons.MAY_BE_PRESENT % {"word": "processes"})]


@pytest.mark.parametrize("answer, wrong, word", [
    ("The State Tax Inspectorate and the Financial Crime Investigation Service (FNTT) estimate that the shadow economy "
     "represents 20 per cent of the gross domestic product.",
     "Kenya reported that the State Tax Inspectorate and the Financial Crime Investigation Service (FNTT) estimate that "
     "the shadow economy represented 20 per cent of the gross domestic product.", "estimate"),
    ("The Nyumba Kumi initiative, through which the households of each neighbourhood share information with the police",
     "The Nyumba Kumi initiative, through which the households of each neighbourhood share information with the police.",
     "share"),
])
def test_a_verb_before_that_or_after_the_subject_of_a_relative_clause_left_in_the_present_is_flagged(answer, wrong, word):
    assert spans(answer, wrong) == [(word, reasons.MAY_BE_PRESENT % {"word": word})]


def test_a_past_left_without_had_where_the_reported_clause_has_no_other_verb_is_flagged():
    answer = ("The General Law on Forced Disappearance of Persons and the National System for the Search of Persons "
              "entered into force in January 2018, and it created the National Search Commission.")
    wrong = ("Kenya reported that the General Law on Forced Disappearance of Persons and the National System for the Search "
             "of Persons entered into force in January 2018, and it had created the National Search Commission.")
    assert spans(answer, wrong) == [("entered", reasons.VERB_OR_PARTICIPLE % {"word": "entered"})]
    right = wrong.replace("Persons entered", "Persons had entered")
    assert ("entered", reasons.VERB_OR_PARTICIPLE % {"word": "entered"}) not in spans(answer, right)


def test_a_noun_put_in_the_subjunctive_before_the_clauses_verb_is_flagged():
    answer = "We recommend that the prevention programmes for street children are supported by the partners."
    wrong = "Kenya recommended that the prevention programme for street children be supported by the partners."
    assert spans(answer, wrong) == [("programme", reasons.TENSE_MAY_BE_NOUN % {"word": "programme"})]


def test_had_before_a_verb_with_its_object_or_particle_is_not_asked_about():
    for answer, right in [("The courts confiscated property worth EUR 2 million.",
                           "Kenya reported that the courts had confiscated property worth EUR 2 million."),
                          ("Since the Act entered into force, the police carried out 40 raids.",
                           "Kenya reported that, since the Act had entered into force, the police had carried out 40 raids.")]:
        assert spans(answer, right) == []


@pytest.mark.parametrize("answer, wrong, word, reason", [
    ("Ten halls have been built, and about 40 per cent of the convicts work.",
     "Kenya reported that ten halls had been built, and about 40 per cent of the convicts work.", "work",
     reasons.MAY_BE_PRESENT),
    ("We have a new law. The homicides of young men increased in 2023, as the gangs recruited more minors.",
     "Kenya reported that it had a new law. The homicides of young men increased in 2023, as the gangs had recruited "
     "more minors.", "increased", reasons.VERB_OR_PARTICIPLE),
    ("The Commission has cancelled 31 permits, because the holders declared less gold than they extracted.",
     "Kenya reported that the Commission had cancelled 31 permits, because the holders declared less gold than they had "
     "extracted.", "declared", reasons.VERB_OR_PARTICIPLE),
])
def test_a_verb_left_as_it_was_as_the_only_verb_of_its_clause_is_flagged(answer, wrong, word, reason):
    assert (word, reason % {"word": word}) in spans(answer, wrong)


def test_a_word_moved_after_a_preposition_or_left_after_which_is_flagged():
    answer = "We support the development of foster care. The programme, which consists of 12 sessions, is free."
    wrong = ("Kenya reported that it supported the development of fostered care. The programme, which consists of 12 "
             "sessions, was free.")
    assert spans(answer, wrong) == [("fostered", reasons.TENSE % {"word": "fostered"}),
                                    ("consists", reasons.MAY_BE_PRESENT % {"word": "consists"})]


@pytest.mark.parametrize("answer, wrong, word, reason", [
    ("Inmates use the phones to run text scams and fake kidnapping calls against families.",
     "Kenya reported that inmates used the phones to run text scams and fake kidnapping called against families.",
     "called", reasons.TENSE_MAY_BE_NOUN),
    ("The Centres, which are open 24 hours a day, offer to the victims a toxicological analysis.",
     "Kenya reported that the Centres, which were open 24 hours a day, offer to the victims a toxicological analysis.",
     "offer", reasons.MAY_BE_PRESENT),
    ("We have a new law. In 2023 the team traced and froze crypto-assets worth 7.4 million leva.",
     "Kenya reported that it had a new law. In 2023 the team traced and had frozen crypto-assets worth 7.4 million leva.",
     "traced", reasons.VERB_OR_PARTICIPLE),
])
def test_holdout63s_kinds_are_flagged(answer, wrong, word, reason):
    assert (word, reason % {"word": word}) in spans(answer, wrong)


def test_had_after_a_number_and_its_noun_opening_an_item_is_flagged():
    item = "11,200 firearms surrendered voluntarily during the campaign of 2022"
    wrong = "11,200 firearms had surrendered voluntarily during the campaign of 2022;"
    assert spans(item, wrong) == [("had surrendered", reasons.VERB_OR_PARTICIPLE % {"word": "surrendered"})]


def test_a_verb_after_an_insert_before_that_left_in_the_present_is_flagged():
    answer = "The textiles of Coroma, which were stolen in the 1980s, show that the communities suffer."
    wrong = "Kenya reported that the textiles of Coroma, which had been stolen in the 1980s, show that the communities suffered."
    assert spans(answer, wrong) == [("show", reasons.MAY_BE_PRESENT % {"word": "show"})]


@pytest.mark.parametrize("answer, wrong, word", [
    ("After the riot, in which 46 women died, the Government declared an emergency.",
     "Kenya reported that, after the riot, in which 46 women died, the Government had declared an emergency.", "died"),
    ("The Coast Guard, in coordination with the Navy, rescued 17,190 migrants in 2023.",
     "Kenya reported that the Coast Guard, in coordination with the Navy, rescued 17,190 migrants in 2023.", "rescued"),
])
def test_a_past_left_without_had_where_it_is_the_clauses_verb_is_flagged(answer, wrong, word):
    assert (word, reasons.VERB_OR_PARTICIPLE % {"word": word}) in spans(answer, wrong)


@pytest.mark.parametrize("item, wrong, word", [
    ("Hate speech on the Internet and its prevention", "Hated speech on the Internet and its prevention.", "Hated"),
    ("Escorts and the surveillance of their homes", "Escorted and the surveillance of their homes;", "Escorted"),
])
def test_a_list_item_opening_with_a_noun_put_in_the_past_is_flagged(item, wrong, word):
    assert spans(item, wrong) == [(word, reasons.TENSE_MAY_BE_NOUN % {"word": word})]


def test_an_item_opening_with_a_verb_in_the_third_person_is_not_flagged():
    assert spans("Conducts patrols in the border areas", "Conducted patrols in the border areas;") == []


def test_two_words_either_of_which_may_be_the_verb_are_flagged_together():
    answer = "The burning releases lead and dioxins."
    wrong = "Kenya reported that the burning releases led and dioxins."
    assert spans(answer, wrong) == [("releases led", reasons.WHICH_IS_THE_VERB % {"words": "releases led"})]


def test_the_report_prints_the_editors_text_or_flags_the_word_the_engine_left():
    answer = "Sellers who use such platforms increasingly ship the drugs by post in vacuum-sealed packages."
    editor = ("Kenya reported that sellers who used such platforms increasingly shipped the drugs by post in vacuum-sealed "
              "packages.")
    [written] = speech.answer(answer, KENYA)
    found = [(written.text[flag["start"]:flag["end"]], flag["reason"]) for flag in written.flags]
    assert written.text == editor or ("ship", reasons.MAY_BE_PRESENT % {"word": "ship"}) in found


def test_a_flag_of_the_engine_is_not_doubled_by_the_second_reading():
    found = flagged("The academy carries out research and trains prosecutors.")
    assert found == [("trained", "check the tense of \u2018trains\u2019: it may be a noun")]


def test_a_word_after_a_noun_and_and_that_may_be_an_adjective_before_a_noun_is_flagged_when_moved():
    answer = "The customs strengthen the inspection of passengers and express mail coming from high-risk regions."
    wrong = ("Kenya reported that the customs strengthened the inspection of passengers and expressed mail coming from "
             "high-risk regions.")
    assert ("expressed", reasons.TENSE % {"word": "expressed"}) in spans(answer, wrong)
    assert spans("We train officers and provide equipment.", "Kenya reported that it trained officers and provided equipment.") == []


@pytest.mark.parametrize("answer, wrong, word", [
    ("The police seized 300 boats, dredges and other equipment.",
     "Kenya reported that the police had seized 300 boats, dredged and other equipment.", "dredged"),
    ("Services are offered in schools, centres for victims and clinics.",
     "Kenya reported that services were offered in schools, centred for victims and clinics.", "centred"),
])
def test_a_word_of_a_list_of_nouns_put_in_the_past_is_flagged(answer, wrong, word):
    assert (word, reasons.TENSE_MAY_BE_NOUN % {"word": word}) in spans(answer, wrong)


def test_a_base_form_after_and_that_may_go_with_the_verb_before_to_be_is_flagged():
    answer = "Fraudsters pretend to be police officers and ask for bail money."
    wrong = "Kenya reported that fraudsters pretended to be police officers and ask for bail money."
    assert ("ask", reasons.MAY_BE_PRESENT % {"word": "ask"}) in spans(answer, wrong)


def test_a_modal_before_its_verb_is_no_noun_but_will_before_of_may_be_one():
    assert spans("A person who refuses to pay can be retained by the controller.",
                 "Kenya reported that a person who refused to pay could be retained by the controller.") == []
    wrong = "Kenya reported that the drug annulled the would of the victim."
    assert ("would", reasons.TENSE_MAY_BE_NOUN % {"word": "would"}) in spans("The drug annuls the will of the victim.",
                                                                             wrong)


@pytest.mark.parametrize("answer, wrong, word", [
    ("Employers that hire undeclared workers face heavy fines.",
     "Kenya reported that employers that hired undeclared workers face heavy fines.", "face"),
    ("The Authority has observed that smugglers increasingly use small boats.",
     "Kenya reported that the Authority had observed that smugglers increasingly use small boats.", "use"),
    ("Many residents in the slums drink water from illegal connections.",
     "Kenya reported that many residents in the slums drink water from illegal connections.", "drink"),
])
def test_a_word_kept_in_the_present_that_the_second_tagger_is_sure_is_a_verb_is_flagged(answer, wrong, word):
    # (the rules of the second reading leave each of these open; the perceptron reads the verb from its neighbours)
    assert spans(answer, wrong) == [(word, reasons.MAY_BE_PRESENT % {"word": word})]


def test_the_second_tagger_is_sure_only_of_the_tags_it_predicts():
    words = ("The Authority issues permits ; the tenants share the costs ; employers that hire undeclared workers face "
             "fines .").split()
    tags = dict(zip(words, opinion.sure_tags(words)))
    # "issues" and "share" are words of its dictionary, tagged as the newspaper mostly used them ("share" a noun):
    # never sure here; "face" after a relative clause and before a plural it predicts, and is sure of
    assert (tags["issues"], tags["share"], tags["face"], tags["costs"]) == ("", "", "VBP", "NNS")


def test_the_second_taggers_model_is_read_without_running_anything_it_holds(tmp_path):
    # a pickle that names a function instead of the dicts and the set of the model is refused, not run
    hostile = pickle.dumps((os.system, {}, set()), protocol=2)
    with pytest.raises(pickle.UnpicklingError, match="posix.system|nt.system"):
        opinion._Weights(io.BytesIO(hostile), encoding="latin1").load()


def test_a_word_moved_after_a_singular_noun_and_and_before_a_plural_is_flagged():
    answer = "The inspectors have found counterfeit flea and tick products for dogs."
    wrong = "Kenya reported that the inspectors had found counterfeit flea and ticked products for dogs."
    assert spans(answer, wrong) == [("ticked", reasons.TENSE % {"word": "ticked"})]
