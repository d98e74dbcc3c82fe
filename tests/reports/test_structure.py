"""The structure of a compiled report: each kind of answer in its chapter, nothing printed without content.

The chapter on the congresses (chapter VI of E/CN.15/2011/15) with its sections; chapters, sections
and annexes with nothing under them left out, the numbers after them consecutive; no sentence and no
table asserted from questions nobody answered.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from typing import Any

import pytest
from pypdf import PdfReader

from portal.accounts.services import find_user_by_email
from portal.demo.reports import SETTINGS_2011, create_2011_report
from portal.reports.compile import compile_report
from portal.reports.contents import document_from_inputs, report_document, report_inputs
from portal.reports.document import Block, Document, Part, empty_headings, number_document
from portal.reports.drafting import Draft, Reply, Writer
from portal.reports.models import BlockKind, Report
from portal.reports.render import contents_entries, rendering_units, render_document, unit_html
from portal.reports.services import delete_block
from portal.reports.settings import ReportSettings
from portal.states.services import find_state
from portal.submissions.models import Answer
from tests.reports.test_render import page_texts

CONGRESS = ("Improving the efficiency of the process involved in the United Nations congresses on crime prevention "
            "and criminal justice")
EFFICIENCY = "Suggestions made by Member States on improving the efficiency of the congresses"
NEXT = ("Suggestions made by Member States in relation to the overall theme, the agenda items and the topics for the "
        "workshops of the next congress")
FOLLOW_UP = "Proposals by Member States for ways and means of ensuring appropriate follow-up to the Salvador Declaration"
ASSISTANCE_NONE = "None of the States that replied reported a need for technical assistance."


@pytest.fixture
def report_2011(db, cycle_2011) -> Report:
    report, _ = create_2011_report(cycle_2011, find_user_by_email("secretariat@example.org"))
    return report


def keys_of(drafts: list[Draft]) -> list[str]:
    return [draft.key for draft in drafts]


def draft(drafts: list[Draft], key: str) -> Draft:
    return next(found for found in drafts if found.key == key)


# -- the chapter on the congresses ----------------------------------------------------------------


def test_the_congress_chapter_follows_the_follow_up_with_a_section_per_kind_of_suggestion(report_2011):
    document = report_document(report_2011)
    headings = [(block.label, block.text) for block in document.headings()]
    assert headings[3:8] == [("IV.", FOLLOW_UP), ("V.", CONGRESS), ("A.", EFFICIENCY), ("B.", NEXT),
                             ("VI.", "Conclusions and recommendations")]
    blocks = list(document.blocks)
    start = next(index for index, block in enumerate(blocks) if block.text == EFFICIENCY)
    section = [block.text for block in blocks[start + 1:] if block.kind == "paragraph"][:2]
    assert section[0].startswith("Argentina proposed that efforts be made to coordinate the ancillary meetings")
    assert section[1].startswith("Argentina also noted that, to that end, the number of ancillary meetings")
    keys = [block.key for block in report_2011.blocks if not block.deleted]
    assert keys.index("chapter:follow-up") < keys.index("follow-up:CAN:follow_up_proposals") < keys.index(
        "chapter:congress") < keys.index("congress:efficiency") < keys.index("congress:efficiency:ARG:congress_efficiency")
    assert not any(key.startswith("follow-up:") and key.endswith(("congress_efficiency", "next_congress"))
                   for key in keys)
    canada = next(block for block in report_2011.blocks if block.key == "congress:efficiency:CAN:congress_efficiency")
    assert [source.answer.question_code for source in canada.sources] == ["congress_efficiency"]


def with_report_roles(cycle, **roles: Any) -> None:
    """Give the cycle's checklist other report roles (None removes a role), as a re-imported file would."""
    definition = copy.deepcopy(cycle.template.definition)
    for role, value in roles.items():
        if value is None:
            definition["report"].pop(role, None)
        else:
            definition["report"][role] = value
    cycle.template.definition = definition


def test_a_checklist_without_the_congress_roles_prints_its_questions_under_follow_up_as_before(db, cycle_2011):
    with_report_roles(cycle_2011, follow_up=["follow_up_proposals", "congress_efficiency", "next_congress"],
                      congress_efficiency=None, next_congress=None)
    report, _ = create_2011_report(cycle_2011, find_user_by_email("secretariat@example.org"))
    keys = [block.key for block in report.blocks]
    assert "chapter:congress" not in keys and not any(key.startswith("congress:") for key in keys)
    assert keys.index("chapter:follow-up") < keys.index("follow-up:ARG:congress_efficiency") < keys.index(
        "follow-up:CAN:follow_up_proposals") < keys.index("follow-up:CAN:congress_efficiency") < keys.index(
        "chapter:conclusions")
    chapters = [block.text for block in report_document(report).blocks if block.kind == "chapter"]
    assert chapters[3:] == [FOLLOW_UP, "Conclusions and recommendations"]


def test_a_question_named_in_follow_up_and_in_a_congress_role_prints_in_the_congress_chapter_only(db, cycle_2011):
    with_report_roles(cycle_2011, follow_up=["follow_up_proposals", "congress_efficiency"])
    report, _ = create_2011_report(cycle_2011, find_user_by_email("secretariat@example.org"))
    keys = [block.key for block in report.blocks]
    assert "follow-up:CAN:congress_efficiency" not in keys and "congress:efficiency:CAN:congress_efficiency" in keys


# -- writing from replies built here: any combination of answers -----------------------------------


@pytest.fixture
def blank_report(db, make_cycle) -> Report:
    """A report on a cycle of the Salvador checklist; its replies are given to :func:`write` directly."""
    cycle = make_cycle(["CAN", "ARG", "JPN"], key="structure", opens_on=dt.date(2026, 1, 15))
    report = Report(cycle_id=cycle.id, settings=SETTINGS_2011.replace(as_at=dt.date(2026, 3, 1), date=None).to_json())
    db.session.add(report)
    db.session.flush()
    return report


def write(report: Report, replies: dict[str, dict[str | None, dict[str, Any]]]) -> list[Draft]:
    """Write the draft of ``report`` from replies given as {State: {item code or None: {question: value}}}."""
    items = {item.code: item.id for item in report.cycle.template.items}
    built = []
    for code, by_item in replies.items():
        state = find_state(code)
        answers = {}
        for item_code, values in by_item.items():
            item_id = items[item_code] if item_code else None
            for question, value in values.items():
                answers[(item_id, question)] = Answer(item_id=item_id, question_code=question, value=value, revision=1)
        built.append(Reply(submission=None, state=state, list_name=state.list_name, text_name=state.text_name,
                           received=dt.date(2026, 2, 1), answers=answers, revision_ids={}))
    return Writer(report, ReportSettings.from_json(report.settings), built).blocks()


def printed(drafts: list[Draft]) -> Document:
    """The numbered document of ``drafts``, as a report's inputs give it."""
    inputs = {"settings": SETTINGS_2011.to_json(), "cycle": {"key": "x", "title": "X"},
              "blocks": [{"kind": d.kind.value, "key": d.key, "text": d.text, "data": d.data} for d in drafts]}
    return document_from_inputs(inputs)


def test_the_next_congress_section_is_b_when_both_sections_have_suggestions(blank_report):
    drafts = write(blank_report, {
        "ARG": {None: {"congress_efficiency": "Argentina suggests fewer ancillary meetings."}},
        "JPN": {None: {"next_congress": "Japan suggests a workshop on the reintegration of offenders."}},
    })
    document = printed(drafts)
    headings = [(block.label, block.text) for block in document.headings() if block.kind != "annex"]
    assert headings == [("I.", "Introduction"), ("II.", CONGRESS), ("A.", EFFICIENCY), ("B.", NEXT),
                        ("III.", "Conclusions and recommendations")]
    japan = draft(drafts, "congress:next:JPN:next_congress")
    assert japan.text == "Japan suggested a workshop on the reintegration of offenders."
    assert japan.kind is BlockKind.PARAGRAPH
    assert draft(drafts, "intro:contents").text == (
        "The present report contains suggestions made by Member States on improving the efficiency of the process "
        "involved in the United Nations congresses on crime prevention and criminal justice and in relation to the "
        "overall theme, the agenda items and the topics for the workshops of the next congress.")


def test_empty_chapters_are_left_out_and_the_contents_sentence_names_only_those_printed(blank_report):
    drafts = write(blank_report, {"CAN": {None: {"follow_up_proposals": "Canada proposes individual resolutions."}}})
    # Written for the editor (who may fill them), but with nothing under them.
    assert {"chapter:action", "chapter:future-activity", "congress:efficiency"} <= set(keys_of(drafts))
    document = printed(drafts)
    chapters = [(block.label, block.text) for block in document.blocks if block.kind == "chapter"]
    assert chapters == [("I.", "Introduction"), ("II.", FOLLOW_UP), ("III.", "Conclusions and recommendations")]
    assert not any(block.kind == "section" for block in document.blocks)
    assert draft(drafts, "intro:contents").text == (
        "The present report contains proposals made by Member States for ways and means of ensuring appropriate "
        "follow-up to the Salvador Declaration.")
    keys = keys_of(drafts)
    assert keys.index("intro:replies") + 1 == keys.index("intro:contents")


def test_the_contents_sentence_of_the_2011_report_names_its_chapters_in_order(report_2011):
    contents = next(block for block in report_2011.blocks if block.key == "intro:contents")
    assert contents.text == (
        "The present report contains information on action taken by Member States to implement the Salvador "
        "Declaration, proposals made by them for ways and means of ensuring appropriate follow-up to the Salvador "
        "Declaration, suggestions made by them on improving the efficiency of the process involved in the United "
        "Nations congresses on crime prevention and criminal justice and in relation to the overall theme, the agenda "
        "items and the topics for the workshops of the next congress and proposals on potential areas of future "
        "activity of the United Nations Office on Drugs and Crime.")


# -- omitting empty headings: the document, its contents, its HTML, its PDF ------------------------


def test_empty_headings_are_those_with_only_headings_under_them():
    kinds = ["summary", "chapter", "paragraph", "chapter", "section", "chapter", "section", "subparagraph",
             "section", "chapter", "annex", "table", "annex"]
    assert empty_headings(kinds) == {3, 4, 8, 9, 12}


def test_a_chapter_emptied_by_the_editor_is_left_out_with_consecutive_numbers_everywhere(report_2011):
    for block in [block for block in report_2011.blocks if (block.key or "").startswith("follow-up:")]:
        delete_block(block)  # Canada's proposals on follow-up, the only ones: the chapter is empty
    document = report_document(report_2011)
    chapters = [(block.label, block.text) for block in document.blocks if block.kind == "chapter"]
    assert [label for label, _ in chapters] == ["I.", "II.", "III.", "IV.", "V."]
    assert FOLLOW_UP not in [text for _, text in chapters] and chapters[3] == ("IV.", CONGRESS)
    entries = contents_entries(document, None)
    assert [entry["label"] for entry in entries if entry["level"] == "chapter"][:5] == ["I.", "II.", "III.", "IV.", "V."]
    assert FOLLOW_UP not in [entry["title"] for entry in entries]
    first = rendering_units(document)[0]
    html = unit_html(document, first, {"kind": "report", "language": "en", "direction": "ltr", "title": "",
                                       "settings": document.settings, "symbol": "", "date": "",
                                       "agenda_footnote": "", "standalone": False}, entries)
    assert "ways and means of ensuring appropriate follow-up to the Salvador Declaration</h2>" not in html
    assert '<span class="label">IV.</span>Improving the efficiency' in html


def small_report(*blocks: Block, contents: bool = True) -> Document:
    settings = ReportSettings(symbol="E/CN.15/2026/9", title="Follow-up", table_of_contents=contents)
    return number_document(Document("report", settings, [Part("body", list(blocks[:-2])),
                                                          Part("annex", list(blocks[-2:]))], title="Follow-up"))


def test_the_pdf_numbers_the_chapters_after_an_empty_one_consecutively(tmp_path):
    table = {"caption": "States", "columns": ["State"], "rows": [["Canada"]], "chart": None}
    document = small_report(
        Block("chapter", "Introduction"), Block("paragraph", "Canada replied."),
        Block("chapter", "Action taken by Member States"),
        Block("chapter", "Improving the efficiency"), Block("section", "Suggestions on efficiency"),
        Block("section", "Suggestions on the next congress"), Block("paragraph", "Canada suggested a workshop."),
        Block("chapter", "Conclusions and recommendations"), Block("paragraph", "The Commission may wish to."),
        Block("annex", "States that replied"), Block("table", data=table),
    )
    result = render_document(document, workers=1, cache_dir=tmp_path)
    text = "\n".join(" ".join(page.split()) for page in page_texts(result.pdf))
    assert "Action taken by Member States" not in text and "Suggestions on efficiency" not in text
    assert "I. Introduction" in text and "II. Improving the efficiency" in text
    assert "A. Suggestions on the next congress" in text and "III. Conclusions and recommendations" in text
    assert "IV." not in text and "Annex States that replied" in text
    outline = PdfReader(io.BytesIO(result.pdf)).outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert titles == ["I. Introduction", "II. Improving the efficiency", "III. Conclusions and recommendations",
                      "Annex States that replied"]
    assert outline[2][0].title == "A. Suggestions on the next congress"


# -- nothing asserted from the absence of answers -------------------------------------------------


def test_no_assistance_sentence_when_no_state_answered_the_question(blank_report):
    drafts = write(blank_report, {"CAN": {"SD-36": {"status": "fully", "measures": "A strategy was adopted."}}})
    assert not any(key.startswith("future:assistance") for key in keys_of(drafts))
    assert ASSISTANCE_NONE not in [d.text for d in drafts]
    assert "annex:assistance" not in keys_of(drafts)


def test_none_needing_assistance_is_said_only_from_answers_saying_no(blank_report):
    drafts = write(blank_report, {"CAN": {"SD-36": {"status": "fully", "measures": "A strategy was adopted.",
                                                    "assistance_needed": "no"}},
                                  "ARG": {"SD-37": {"status": "fully", "measures": "A law was passed."}}})
    assert draft(drafts, "future:assistance").text == ASSISTANCE_NONE
    assert "annex:assistance" not in keys_of(drafts)


def test_a_need_without_a_kind_is_reported_without_a_list(blank_report):
    drafts = write(blank_report, {"CAN": {"SD-36": {"status": "partially", "measures": "A plan is being drafted.",
                                                    "assistance_needed": "yes"}},
                                  "ARG": {"SD-36": {"status": "fully", "measures": "A law was passed.",
                                                    "assistance_needed": "no"}}})
    assert draft(drafts, "future:assistance").text == (
        "One of the two States that replied (Canada) reported a need for technical assistance to implement the "
        "Salvador Declaration.")
    assert not any(key.startswith("future:assistance:") for key in keys_of(drafts))
    assert "annex:assistance" not in keys_of(drafts)  # no kind: nothing to tabulate


def test_status_statements_and_challenges_come_only_from_answers(blank_report):
    blank_report.settings = {**blank_report.settings, "arrangement": "by-theme"}
    drafts = write(blank_report, {"CAN": {"SD-36": {"status": "no_information"}}, "ARG": {}})
    assert not any(":count:" in key or key.endswith(":challenges") for key in keys_of(drafts))
    assert not any(key.startswith("theme:") for key in keys_of(drafts))  # no theme section without statements


# -- the annex tables -----------------------------------------------------------------------------


def test_status_tables_count_no_information_and_not_answered_apart_and_leave_them_out_of_the_charts(blank_report):
    template = blank_report.cycle.template
    asked = [item for item in template.items if any(q["code"] == "status" for q in item.questions)]
    drafts = write(blank_report, {
        "CAN": {"SD-36": {"status": "fully", "measures": "A strategy."}, "SD-37": {"status": "partially",
                                                                                 "measures": "A plan."},
                "SD-15": {"status": "no_information"}},
        "JPN": {"SD-36": {"status": "not_implemented"}, "SD-15": {"status": "no_information"}},
    })
    by_theme = draft(drafts, "annex:status:theme").data
    assert by_theme["columns"] == ["Theme", "Fully implemented", "Partially implemented", "Planned or under way",
                                   "Not implemented", "Not applicable", "Total reported", "No information",
                                   "Not answered"]
    rows = {row[0]: row[1:] for row in by_theme["rows"]}
    theme_of = {item.code: item.theme_code for item in template.items}
    titles = {theme.code: theme.title["en"] for theme in template.themes}
    trafficking = rows[titles[theme_of["SD-36"]]]
    in_theme = sum(1 for item in asked if item.theme_code == theme_of["SD-36"])
    assert trafficking == [1, 1, 0, 1, 0, 3, 0, 2 * in_theme - 3]
    assert sum(row[-1] for row in by_theme["rows"]) == 2 * len(asked) - 5  # every item asked, less those answered
    assert sum(row[-2] for row in by_theme["rows"]) == 2 and sum(row[-3] for row in by_theme["rows"]) == 3
    chart = by_theme["chart"]
    assert chart["labels"] == list(rows) and sum(chart["values"]) == 2  # fully and partially only
    assert chart["values"][chart["labels"].index(titles[theme_of["SD-36"]])] == 2
    by_group = draft(drafts, "annex:status:group").data
    assert [row[0] for row in by_group["rows"]] == ["Asia-Pacific States", "Western European and other States"]
    assert by_group["rows"][0][1:] == [0, 0, 0, 1, 0, 1, 1, len(asked) - 2]
    assert by_group["rows"][1][1:] == [1, 1, 0, 0, 0, 2, 1, len(asked) - 3]
    assert by_group["chart"]["values"] == [0, 2] and by_group["chart"]["unit"] == "paragraphs"


def test_annexes_without_data_are_left_out_and_the_others_numbered_consecutively(blank_report):
    only_no_information = write(blank_report, {"CAN": {"SD-36": {"status": "no_information"}}})
    assert [d.key for d in only_no_information if d.kind is BlockKind.ANNEX] == ["annex:states"]
    needing = write(blank_report, {"CAN": {"SD-36": {"status": "no_information"}},
                                   "JPN": {"SD-36": {"status": "planned", "assistance_needed": "yes",
                                                     "assistance_kinds": ["training"]}}})
    annexes = [block for block in printed(needing).blocks if block.kind == "annex"]
    assert [(block.label, block.text) for block in annexes] == [
        ("Annex I", "States that replied"), ("Annex II", "Status of implementation by theme and regional group"),
        ("Annex III", "Technical assistance needs by kind")]
    without_status = write(blank_report, {"JPN": {"SD-36": {"status": "no_information", "assistance_needed": "yes",
                                                            "assistance_kinds": ["training"]}}})
    annexes = [block for block in printed(without_status).blocks if block.kind == "annex"]
    assert [(block.label, block.text) for block in annexes] == [
        ("Annex I", "States that replied"), ("Annex II", "Technical assistance needs by kind")]


def test_a_report_without_replies_has_no_annex_and_no_sentence_on_its_contents(blank_report):
    drafts = write(blank_report, {})
    assert not any(d.kind is BlockKind.ANNEX or d.kind is BlockKind.TABLE for d in drafts)
    assert "intro:contents" not in keys_of(drafts) and "future:assistance" not in keys_of(drafts)
    assert draft(drafts, "intro:replies").text == "As at 1 March 2026, no replies had been received."
    chapters = [block.text for block in printed(drafts).blocks if block.kind == "chapter"]
    assert chapters == ["Introduction", "Conclusions and recommendations"]


def test_the_2011_report_keeps_its_three_annexes(report_2011):
    inputs = report_inputs(report_2011)
    assert [block["text"] for block in inputs["blocks"] if block["kind"] == "annex"] == [
        "States that replied", "Status of implementation by theme and regional group",
        "Technical assistance needs by kind"]
    assert compile_report(report_2011, user=None).added == 0
