"""The document of a report: its inputs as stored by a final edition, and the numbered Document they give."""

from __future__ import annotations

import json

import pytest

from portal.accounts.services import find_user_by_email
from portal.demo.reports import SETTINGS_2011, create_2011_report
from portal.reports.contents import document_from_inputs, report_document, report_inputs
from portal.reports.services import delete_block


@pytest.fixture
def report_2011(db, cycle_2011):
    report, _ = create_2011_report(cycle_2011, find_user_by_email("secretariat@example.org"))
    return report


def test_inputs_are_plain_json_with_settings_cycle_blocks_and_sources(report_2011):
    inputs = report_inputs(report_2011)
    assert json.loads(json.dumps(inputs)) == inputs
    assert inputs["settings"] == SETTINGS_2011.to_json()
    assert inputs["cycle"] == {"key": "salvador-2011", "title": "Follow-up to the Salvador Declaration, 2011"}
    first = inputs["blocks"][0]
    assert set(first) == {"kind", "key", "origin", "text", "data", "sources"}
    canada = next(b for b in inputs["blocks"] if b["key"] == "state:CAN:SD-15")
    assert len(canada["sources"]) == 1  # the measures; the examples are paragraphs of their own
    assert all(set(source) == {"answer_id", "revision_id", "revision"} for source in canada["sources"])
    table = next(b for b in inputs["blocks"] if b["key"] == "annex:status:theme")
    assert table["kind"] == "table" and set(table["data"]) == {"caption", "columns", "rows", "chart"}


def test_deleted_blocks_are_not_in_the_inputs(report_2011):
    block = next(b for b in report_2011.blocks if b.key == "state:MLT:SD-53")
    delete_block(block)
    keys = [b["key"] for b in report_inputs(report_2011)["blocks"]]
    assert "state:MLT:SD-53" not in keys and "state:JPN:SD-53" in keys


def test_the_document_has_the_body_and_one_part_per_annex(report_2011):
    document = report_document(report_2011)
    assert document.kind == "report" and document.settings == SETTINGS_2011
    assert [part.key for part in document.parts] == ["body", "annex-1", "annex-2", "annex-3"]
    assert all(part.new_page for part in document.parts)
    assert [part.title for part in document.parts[1:]] == [
        "States that replied", "Status of implementation by theme and regional group", "Technical assistance needs by kind"]
    assert all(block.kind != "annex" for block in document.parts[0].blocks)
    assert [part.blocks[0].label for part in document.parts[1:]] == ["Annex I", "Annex II", "Annex III"]


# The demonstration's 2011 cycle is on salvador-declaration version 3, whose proposals are lists of entries;
# drafting leaves out answers that are not texts until it makes each entry a sub-paragraph (issue 12).
def test_the_document_is_numbered_as_the_seed(report_2011):
    document = report_document(report_2011)
    blocks = list(document.blocks)
    assert blocks[0].kind == "summary" and blocks[0].label is None
    chapters = [block.label for block in blocks if block.kind == "chapter"]
    assert chapters == ["I.", "II.", "III.", "IV.", "V.", "VI."]
    sections = [(block.label, block.text) for block in blocks if block.kind == "section"]
    assert sections == [("A.", "Suggestions made by Member States on improving the efficiency of the congresses"),
                        ("B.", "Suggestions made by Member States in relation to the overall theme, the agenda items "
                               "and the topics for the workshops of the next congress")]
    paragraphs = [block for block in blocks if block.kind == "paragraph"]
    assert [block.label for block in paragraphs] == [f"{n}." for n in range(1, len(paragraphs) + 1)]
    replies = next(block for block in paragraphs if block.text.startswith("As at 30 January 2011"))
    assert replies.label == "6."  # as in E/CN.15/2011/15
    first = paragraphs[0]
    assert first.segments[-1].footnote == 1 and first.segments[-1].text == "See A/CONF.213/18, chap. I, resolution 1."
    subs = [block.label for block in blocks if block.kind == "subparagraph"][:3]
    assert subs == ["(a)", "(b)", "(c)"]


def test_the_same_inputs_give_the_same_document(report_2011):
    inputs = json.loads(json.dumps(report_inputs(report_2011)))
    assert document_from_inputs(inputs) == document_from_inputs(report_inputs(report_2011))
