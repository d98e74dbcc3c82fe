"""The prose check: each fault it finds, on small examples, and nothing in clean text of the kind of E/CN.15/2011/15."""

from __future__ import annotations

import pytest

from portal.reports import check
from portal.reports.check import Finding, ProseBlock, check_prose

NAMES = {
    "ARG": ("Argentina",),
    "CAN": ("Canada",),
    "CZE": ("Czechia", "Czech Republic", "the Czech Republic"),
    "ECU": ("Ecuador",),
    "GIN": ("Guinea",),
    "GNQ": ("Equatorial Guinea",),  # the check reads a name inside another as the longer one
    "JPN": ("Japan",),
    "MLT": ("Malta",),
    "PRT": ("Portugal",),
}


def state_paragraph(text: str, code: str = "CAN", kind: str = "paragraph") -> ProseBlock:
    return ProseBlock(kind=kind, text=text, states=frozenset({code}), sourced=True)


def findings(*blocks: ProseBlock) -> list[list[Finding]]:
    return check_prose(list(blocks), NAMES)


def rules(found: list[Finding]) -> list[str]:
    return [finding.rule for finding in found]


def spans(text: str, found: list[Finding]) -> list[str | None]:
    return [text[f.start:f.end] if f.start is not None else None for f in found]


# --- Clean text ------------------------------------------------------------------------------------------------

# Paragraphs 14, 15, 16, 19 and 23 and the list of paragraph 26 of E/CN.15/2011/15 (cut to their first sentences
# where a paragraph runs over 250 words or names its State twice in one sentence).
CLEAN = [
    state_paragraph(
        "Canada underlined that it had taken a leading role in the gathering and analysis of information to promote "
        "and support evidence-based responses to economic fraud and identity-related crime and in the development of "
        "such responses at the domestic and international levels. Canada had actively supported the efforts of UNODC "
        "to promote common approaches to criminalization and the development of technical assistance materials, in "
        "cooperation with other interested Member States and the private sector, in the field of identity-related "
        "crime. Canada also reported that the International Centre for Criminal Law Reform and Criminal Justice "
        "Policy had been developing a manual entitled \u201cResponding to victims of identity-related crime: a manual "
        "for law enforcement agents, prosecutors and policymakers\u201d."),
    state_paragraph(
        "The Czech Republic referred to its domestic legislation on the protection of child victims and witnesses "
        "and on the protection of the personal data of crime victims. The Czech Republic had signed the United "
        "Nations Convention against Transnational Organized Crime and two of its Protocols, as well as the United "
        "Nations Convention against Corruption, but had not ratified them.", "CZE"),
    state_paragraph(
        "With regard to gender violence, Ecuador referred to the establishment of a specific technical ministry that "
        "would aim to grant victims of violence access to free, swift and immediate justice. Ecuador also mentioned "
        "that a national plan regarding trafficking in persons was being updated.", "ECU"),
    state_paragraph(
        "Malta stressed that, while recognizing the important initiatives being undertaken by the United Nations to "
        "implement the provisions and objectives of the Salvador Declaration, it would continue its efforts in the "
        "crime prevention and criminal justice field to support the objectives set out in the Declaration and in the "
        "report of the Twelfth Congress.", "MLT"),
    state_paragraph(
        "Regarding protection against trafficking in cultural property, Portugal referred to having joined the "
        "efforts of the international community in protecting the cultural heritage of domestic communities and in "
        "strengthening international cooperation in that field. National legislation on cultural heritage was in "
        "force and the exchange of information with the law enforcement authorities of other countries, such as "
        "the Russian Federation and South Africa, had been improved.", "PRT"),
    state_paragraph("Furthermore, Canada indicated that it had provided funding to support a range of project "
                    "initiatives delivered by UNODC."),
    state_paragraph("In addition, the Czech Republic stated that it had signed the United Nations Convention against "
                    "Transnational Organized Crime.", "CZE"),
    state_paragraph("Japan reported that, with regard to the prevention of trafficking in persons and the protection "
                    "of victims of such trafficking, it had revised the Immigration Control and Refugee Recognition "
                    "Act in 2005.", "JPN"),
    state_paragraph("Canada reported that it had adopted the \u201cCanada Labour Code\u201d in 2010."),
    state_paragraph("Canada identified the following areas where further tools and training manuals were needed:"),
    state_paragraph("Development of tools and training relating to the United Nations Standard Minimum Rules for the "
                    "Treatment of Prisoners;", kind="subparagraph"),
    state_paragraph("Development of a range of tools and promising practices on the prevention of trafficking in "
                    "humans;", kind="subparagraph"),
    state_paragraph("Elaboration of conflict mediation techniques and strategies in urban spaces.", kind="subparagraph"),
]


def test_clean_un_style_text_has_no_findings():
    assert findings(*CLEAN) == [[] for _ in CLEAN]


def test_counted_statements_and_the_secretariats_paragraphs_are_not_state_paragraphs():
    counted = ProseBlock("paragraph", "Three of the eight States that replied (Canada, Japan and Portugal) reported "
                         "that paragraph 36 of the Salvador Declaration was fully implemented.",
                         states=frozenset({"CAN", "JPN", "PRT"}), sourced=True)
    one = ProseBlock("paragraph", "One of the eight States that replied (Canada) reported that paragraph 36 of the "
                     "Salvador Declaration was fully implemented.", states=frozenset({"CAN"}), sourced=True)
    intro = ProseBlock("paragraph", "As at 30 January 2011, replies had been received from the following States: "
                       "Canada, Czech Republic, Ecuador and Japan.")
    assert findings(counted, one, intro) == [[], [], []]


# --- (a) A State named twice in one sentence --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "code", "second"), [
    ("Canada reported that the Government of Canada had adopted a new law.", "CAN", "Canada"),
    ("Canada reported that Canada\u2019s Parliament was considering cybercrime legislation.", "CAN", "Canada"),
    ("The Czech Republic reported that Czech Republic had ratified the Convention.", "CZE", "Czech Republic"),
    ("The Czech Republic reported that the legislation of the Czech Republic was in force.", "CZE", "Czech Republic"),
    ("Czechia reported that the Czech Republic had ratified the Convention.", "CZE", "Czech Republic"),
    ("Portugal confirmed that the Ministry of Justice of Portugal and UNODC had agreed a memorandum.", "PRT", "Portugal"),
])
def test_a_state_named_twice_in_one_sentence(text, code, second):
    [found] = findings(state_paragraph(text, code))
    assert rules(found) == ["state-named-twice"]
    assert spans(text, found) == [second]
    assert found[0].start == text.rindex(second)
    assert "named twice in this sentence" in found[0].message and "\u201cits\u201d" in found[0].message


def test_a_state_named_once_per_sentence_or_in_quotations_or_inside_another_name_is_not_twice():
    texts = [
        "Canada reported that it had adopted a new law. Canada had also trained 300 officers.",
        "Canada reported that it had adopted the \u201cCanada Labour Code\u201d.",
        "Guinea reported that it had cooperated with Guinea-Bissau and Equatorial Guinea.",
        "Canada reported that a new law had been adopted.^[See the reply of Canada of 30 January 2011.]",
        "Canada reported that it had cooperated with Japan and Portugal.",
    ]
    blocks = [state_paragraph(text, "GIN" if text.startswith("Guinea") else "CAN") for text in texts]
    assert [rules(found) for found in findings(*blocks)] == [[] for _ in texts]


def test_any_state_named_twice_counts_not_only_the_paragraphs_own():
    text = "Canada reported that it had cooperated with Japan, and that Japan had trained its officers."
    [found] = findings(state_paragraph(text))
    assert spans(text, found) == ["Japan"]


# --- (b) No reporting verb ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The Government adopted a new law on trafficking in persons.",
    "Canada adopted a new law on trafficking in persons in 2010.",
    "It further reported that a new law had been adopted.",
    "A new law had been adopted. Canada reported that it was in force.",
    "Canada\u2019s Parliament had adopted a new law.",
    "Canada did not adopt a new law on trafficking in persons.",
])
def test_a_state_paragraph_whose_first_sentence_has_no_reporting_verb(text):
    [found] = findings(state_paragraph(text))
    assert rules(found) == ["no-reporting-verb"]
    assert found[0].start == 0 and text[found[0].start:found[0].end].endswith(".")
    assert text[found[0].end:].strip() == text[text.index(".") + 1:].strip()  # the first sentence only


@pytest.mark.parametrize("text", [
    "Canada reported that it had adopted a new law.",
    "Canada also noted that it had adopted a new law.",
    "Furthermore, Canada indicated that it had adopted a new law.",
    "In addition, Canada stated that it had adopted a new law.",
    "Canada further reported that it had adopted a new law.",
    "Moreover, Canada noted that it had adopted a new law.",
    "With regard to legislation, Canada reported that it had adopted a new law.",
    "The Government of Canada highlighted that it had adopted a new law.",
    "Canada referred to the adoption of a new law.",
    "Canada provided information on the adoption of a new law.",
    "Canada made the following proposals for ways and means of ensuring appropriate follow-up:",
    "Canada strongly supported a process to review the United Nations standards and norms.",
    "Canada did not support the negotiation of a new convention on cybercrime.",
    "Canada had not supported the proposals for a new convention.",
    "\u2068Canada emphasized the adoption of a new law.\u2069",
])
def test_the_openings_of_the_reports_paragraphs_have_a_reporting_verb(text):
    assert findings(state_paragraph(text)) == [[]]


def test_a_reporting_verb_in_the_present_is_not_one():
    text = "Canada reports that it adopted a new law."
    [found] = findings(state_paragraph(text))
    assert "no-reporting-verb" in rules(found) and "present-tense" in rules(found)


def test_a_sub_paragraph_or_a_paragraph_of_several_states_needs_no_reporting_verb():
    item = state_paragraph("Development of tools on the prevention of trafficking in persons.", kind="subparagraph")
    lead_in = state_paragraph("Canada identified the following areas where further tools were needed:")
    several = ProseBlock("paragraph", "Canada and Japan had trained 300 officers.", states=frozenset({"CAN", "JPN"}),
                         sourced=True)
    assert findings(lead_in, item, several) == [[], [], []]


# --- (c) Lists lettered from (a) -------------------------------------------------------------------------------


def item(text: str) -> ProseBlock:
    return state_paragraph(text, kind="subparagraph")


def test_a_list_after_its_lead_in_is_lettered_from_a():
    blocks = [state_paragraph("Canada identified the following areas:"), item("Tools;"), item("Training."),
              state_paragraph("Japan made the following proposals:", "JPN"), item("Manuals;"), item("Guides.")]
    assert [rules(found) for found in findings(*blocks)] == [[] for _ in blocks]


def test_a_list_that_follows_a_table_goes_on_with_the_letters_before_it():
    blocks = [state_paragraph("Canada identified the following areas:"), item("Tools;"), item("Training."),
              ProseBlock("table", "Table 1"), item("Manuals;"), item("Guides.")]
    found = findings(*blocks)
    assert [rules(f) for f in found] == [[], [], [], [], ["lettering"], []]
    assert found[4][0].message == ("This list is lettered from (c), not from (a): it follows a table, "
                                   "not a lead-in paragraph.")
    assert found[4][0].start is None and found[4][0].end is None


def test_a_list_without_its_lead_in():
    after_heading = findings(ProseBlock("chapter", "Proposals"), item("Tools;"), item("Training."))
    assert after_heading[1][0].message == "This list has no lead-in paragraph: it follows a chapter heading."
    # the lead-in deleted: the list hangs on the paragraph before, which does not lead into it
    found = findings(state_paragraph("Canada reported that it had adopted a new law."), item("Tools;"), item("Training."))
    assert [rules(f) for f in found] == [[], ["lettering"], []]
    assert "does not end with a colon" in found[1][0].message


# --- (d) Long paragraphs ---------------------------------------------------------------------------------------


def test_a_paragraph_over_250_words():
    opening = "Canada reported that it had adopted a new law"
    words = len(opening.split())
    at_limit = opening + " and" * (250 - words) + "."
    over = opening + " and" * (251 - words) + "."
    noted = at_limit + "^[" + "note " * 40 + "]"  # a footnote's words do not count
    found = findings(state_paragraph(at_limit), state_paragraph(over), state_paragraph(noted))
    assert [rules(f) for f in found] == [[], ["too-long"], []]
    assert found[1][0] == Finding(None, None, "This paragraph has 251 words, more than 250: split it.", "too-long")


# --- (e) The present tense in reported speech ------------------------------------------------------------------


def test_a_verb_in_the_present_in_reported_speech():
    text = "Canada reported that it proposes a new law and that the reform is under way."
    [found] = findings(state_paragraph(text))
    assert rules(found) == ["present-tense", "present-tense"]
    assert spans(text, found) == ["proposes", "is"]
    assert found[0].message == "\u201cproposes\u201d is in the present tense: reported speech puts it in the past (\u201cproposed\u201d)."
    assert "(\u201cwas\u201d)" in found[1].message


@pytest.mark.parametrize("text", [
    "Argentina proposed that efforts be made to coordinate the ancillary meetings.",
    "Argentina suggested that some sessions be included in the congress programme.",
    "Czechia had not supported the proposals that the United Nations initiate negotiations on a convention.",
    "Canada recommended to the Commission that UNODC develop a manual.",
])
def test_the_subjunctive_after_proposing_is_not_the_present(text):
    code = "ARG" if text.startswith("Argentina") else "CZE" if text.startswith("Czechia") else "CAN"
    assert findings(state_paragraph(text, code)) == [[]]


def test_the_present_after_a_that_clause_of_proposing_is_still_found():
    text = "Canada proposed that efforts be made, and noted that the reform is under way."
    [found] = findings(state_paragraph(text))
    assert spans(text, found) == ["is"]


def test_the_present_in_quotations_and_in_the_secretariats_own_text_is_not_checked():
    quoted = state_paragraph("Canada noted that the Constitution said \u201ceveryone is equal before the law\u201d.")
    own = ProseBlock("paragraph", "The Commission may wish to take into account the information provided.")
    assert findings(quoted, own) == [[], []]


# --- The pieces ----------------------------------------------------------------------------------------------------


def test_offsets_are_those_of_the_stored_text_around_isolated_words():
    text = "Canada reported that \u2068the Government of Canada\u2069 had adopted a new law."
    [found] = check.states_named_twice(text, NAMES)
    assert text[found.start:found.end] == "Canada" and found.start == text.rindex("Canada")


def test_a_text_not_to_check_still_counts_in_the_lettering():
    starting = ProseBlock("paragraph", "The Commission is invited to consider the following", checked=False)
    found = findings(starting, item("Tools."))
    assert found == [[], [found[1][0]]] and "colon" in found[1][0].message


def test_the_present_tense_spans_are_cached_on_disk_for_the_web_processes(app, monkeypatch, tmp_path):
    from portal.reports import grammar

    monkeypatch.setitem(app.config, "CACHE_DIR", str(tmp_path))
    text = "Canada reported that it proposes a new law on cybercrime and identity-related fraud."
    with app.app_context():
        assert [f.rule for f in check.present_tense(text)] == ["present-tense"]
        [cached] = (tmp_path / "prose-check").glob("*.json")
        check._cached_spans.cache_clear()  # another process: nothing in memory

        def refuse(_text):
            raise AssertionError("tagged again")

        monkeypatch.setattr(grammar, "present_tense", refuse)
        [found] = check.present_tense(text)
        assert text[found.start:found.end] == "proposes"
        cached.write_text("not JSON", encoding="utf-8")  # a damaged file is tagged again
        check._cached_spans.cache_clear()
        with pytest.raises(AssertionError, match="tagged again"):
            check.present_tense(text)
    check._cached_spans.cache_clear()


def test_the_findings_are_written_in_the_readers_language(app):
    """The editor's reader sees the findings in their own language; the English report's words stay as written."""
    from flask_babel import force_locale

    from tests.i18n.catalogues import catalogue

    text = "Canada reported that it proposes a new law."
    with app.test_request_context(), force_locale("fr"):
        [found] = findings(state_paragraph(text))
    message = catalogue("fr").get(
        "\u201c%(word)s\u201d is in the present tense: reported speech puts it in the past (\u201c%(past)s\u201d).").string
    assert found[0].message == message % {"word": "proposes", "past": "proposed"}
    assert "present tense" not in found[0].message
