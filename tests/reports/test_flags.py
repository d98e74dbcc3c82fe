"""Flags on generated paragraphs: stored from the drafting, marked and accepted in the editor, cleared by an edit;
and the answers beside the generated text, escaped."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from portal.accounts.services import find_user_by_email
from portal.core.extensions import db
from portal.reports import compile as compiling
from portal.reports import reasons, services
from portal.reports.compile import compile_report, stored_flags
from portal.reports.document import Block as PrintedBlock
from portal.reports.document import Document, Part, number_document
from portal.reports.drafting import Draft
from portal.reports.marks import compare_words, flagged_segments
from portal.reports.models import BlockKind, Report, ReportBlock
from portal.submissions.models import Answer, AnswerRevision, Submission
from tests.conftest import login
from tests.reports.test_views import block_url, blocks_in_order, editor_url, post_action

REASON = "check the tense of 'trains'"


class Engine:
    """The drafting as the new engine will behave: flags where it is not sure, and texts a test may change."""

    def __init__(self):
        self.keep_own_flags = False  # the engine's own flags, or only those the test sets
        # key prefix: (words, reason) to flag in the first draft whose key starts so and that has the words
        self.flags: dict[str, list[tuple[str, str]]] = {}
        self.texts: dict[str, str] = {}  # key: the text it now writes

    def write_draft(self, report: Report) -> list[Draft]:
        drafts = self.original(report)
        for draft in drafts:
            if draft.key in self.texts:
                draft.text = self.texts[draft.key]
                draft.flags = []
            if not self.keep_own_flags:
                draft.flags = []
        for prefix, found in self.flags.items():
            for words, reason in found:
                draft = next((d for d in drafts if d.key.startswith(prefix) and words in d.text), None)
                if draft is not None:
                    start = draft.text.index(words)
                    draft.flags.append({"start": start, "end": start + len(words), "reason": reason})
        return drafts


@pytest.fixture
def engine(monkeypatch) -> Engine:
    engine = Engine()
    engine.original = compiling.write_draft
    monkeypatch.setattr(compiling, "write_draft", engine.write_draft)
    return engine


@pytest.fixture
def secretariat(client, cycle_2011):
    user = find_user_by_email("secretariat@example.org")
    login(client, user)
    return user


@pytest.fixture
def report(cycle_2011, secretariat, engine) -> Report:
    """The 2011 report compiled with Canada's first paragraph flagged on "reported"."""
    engine.flags["state:CAN:"] = [("reported", REASON)]
    report = services.create_report(cycle_2011, user=secretariat)
    compile_report(report, user=secretariat)
    db.session.commit()
    return report


def flagged_block(report: Report) -> ReportBlock:
    [block] = [block for block in blocks_in_order(report) if block.flags]
    return block


def shown_blocks(html: str) -> list[int]:
    return [int(found) for found in re.findall(r'<li class="report-block [^"]*" id="block-(\d+)"', html)]


# --- Storing -----------------------------------------------------------------------------------------------------


def test_compiling_stores_the_flags_of_the_generated_text(report):
    block = flagged_block(report)
    assert block.key.startswith("state:CAN:") and block.text.startswith("Canada reported")
    start = block.text.index("reported")
    assert block.flags == [{"start": start, "end": start + len("reported"), "reason": REASON}]
    assert block.open_flags == block.flags and block.flags_accepted_at is None
    assert sum(1 for b in blocks_in_order(report) if b.flags) == 1  # only where the engine was not sure


def test_the_drafting_engines_own_flags_reach_the_stored_blocks_and_the_editor(client, cycle_2011, secretariat):
    report = services.create_report(cycle_2011, user=secretariat)
    drafts = {draft.key: draft for draft in compiling.write_draft(report) if draft.flags}
    assert drafts, "the 2011 replies have words the engine is not sure of"
    compile_report(report, user=secretariat)
    db.session.commit()
    stored = {block.key: block.flags for block in blocks_in_order(report) if block.flags}
    assert stored == {key: stored_flags(draft) for key, draft in drafts.items()}
    html = client.get(editor_url(report)).get_data(as_text=True)
    assert f"{len(drafts)} paragraphs are flagged" in html
    assert shown_blocks(client.get(editor_url(report, show="flagged")).get_data(as_text=True)) == [
        block.id for block in blocks_in_order(report) if block.flags]


def test_flags_are_stored_inside_their_text():
    draft = Draft("k", BlockKind.PARAGRAPH, "Canada trains officers.",
                  flags=[{"start": -4, "end": 3, "reason": "first"}, {"start": 7, "end": 999, "reason": 5},
                         {"start": 12, "end": 2, "reason": "empty"}])
    assert stored_flags(draft) == [{"start": 0, "end": 3, "reason": "first"}, {"start": 7, "end": 23, "reason": "5"},
                                   {"start": 12, "end": 12, "reason": "empty"}]
    assert stored_flags(Draft("k", BlockKind.PARAGRAPH, "No flags.")) is None


# --- The editor --------------------------------------------------------------------------------------------------


def test_the_editor_counts_marks_and_lists_the_flags_with_an_accept_button(client, report):
    block = flagged_block(report)
    html = client.get(editor_url(report)).get_data(as_text=True)
    assert "1 paragraph is flagged: the drafting was not sure of its text." in html
    assert f'href="{editor_url(report, show="flagged")}"' in html
    item = html[html.index(f'id="block-{block.id}"'):]
    item = item[:item.index('<li class="report-block', 10)]
    assert '<mark class="report-flag" title="check the tense of &#39;trains&#39;">reported</mark>' in item
    assert '<sup class="report-flag-ref">1<span class="visually-hidden"> (flag 1)</span></sup>' in item
    # the reason as visible text under the paragraph, not only as a tooltip
    assert re.search(r'<li value="1"><q class="report-flag-words">reported</q>: <span lang="en" dir="ltr">check the tense of &#39;trains&#39;</span></li>', item)
    assert f'action="{block_url(report, block, "accept")}"' in item and "Accept as generated" in item
    assert "badge-flagged" in item
    # the other paragraphs have neither marks nor the button
    assert html.count("<mark ") == 1 and html.count("Accept as generated") == 1


def test_the_filter_shows_only_the_flagged_paragraphs_without_javascript(client, report):
    block = flagged_block(report)
    everything = client.get(editor_url(report)).get_data(as_text=True)
    assert len(shown_blocks(everything)) > 20
    only = client.get(editor_url(report, show="flagged")).get_data(as_text=True)
    assert shown_blocks(only) == [block.id]
    assert "Showing only the flagged paragraphs." in only and f'href="{editor_url(report)}"' in only
    label = re.search(rf'id="block-{block.id}">\s*<div class="report-block-body"[^>]*>\s*<span class="report-label">([^<]*)<', only)
    assert label and label.group(1) == re.search(
        rf'id="block-{block.id}">\s*<div class="report-block-body"[^>]*>\s*<span class="report-label">([^<]*)<', everything).group(1)
    assert client.get(editor_url(report, show="nonsense")).status_code == 200  # an unknown filter shows everything


def test_accepting_clears_the_flags_and_records_who_and_when(client, report, secretariat):
    block = flagged_block(report)
    assert client.post(block_url(report, block, "accept")).status_code == 400  # no CSRF token
    assert flagged_block(report).flags_accepted_at is None
    response = post_action(client, report, block_url(report, block, "accept"), {"show": "flagged"})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"?show=flagged#block-{block.id}")
    block = flagged_block(report)
    assert block.flags_accepted_at is not None and block.flags_accepted_by_id == secretariat.id
    assert block.open_flags == [] and block.flags  # the flags stay stored with the text they belong to
    html = client.get(editor_url(report)).get_data(as_text=True)
    assert "paragraph is accepted as generated" in html
    assert "0 paragraphs are flagged" in html and "<mark " not in html and "Accept as generated" not in html
    page = client.get(f"/cycles/{report.cycle.key}/reports/{report.id}/blocks/{block.id}").get_data(as_text=True)
    assert f"by {secretariat.name}" in page and "Its flags were accepted on" in page
    post_action(client, report, block_url(report, block, "accept"))
    html = client.get(editor_url(report)).get_data(as_text=True)
    assert "This paragraph has no flags to accept." in html


def test_a_recompilation_keeps_the_acceptance_of_the_same_text_and_flags_a_new_text_again(client, report, engine,
                                                                                         secretariat):
    block = flagged_block(report)
    post_action(client, report, block_url(report, block, "accept"))
    compile_report(db.session.get(Report, report.id), user=secretariat)
    db.session.commit()
    assert flagged_block(report).flags_accepted_at is not None  # the same text, already looked at

    engine.texts[block.key] = "Canada reported that the police trains officers in the provinces."
    engine.flags["state:CAN:"] = [("trains", REASON)]
    compile_report(db.session.get(Report, report.id), user=secretariat)
    db.session.commit()
    block = flagged_block(report)
    assert block.text == "Canada reported that the police trains officers in the provinces."
    assert (block.flags_accepted_at, block.flags_accepted_by_id) == (None, None)
    start = block.text.index("trains")
    assert block.open_flags == [{"start": start, "end": start + len("trains"), "reason": REASON}]
    html = client.get(editor_url(report)).get_data(as_text=True)
    assert "police <mark class=\"report-flag\"" in html and ">trains</mark>" in html

    post_action(client, report, block_url(report, block, "accept"))
    engine.texts[block.key] = "Canada reported that the police had trained officers."
    compile_report(db.session.get(Report, report.id), user=secretariat)
    db.session.commit()
    db.session.expire_all()
    block = db.session.get(ReportBlock, block.id)
    assert block.flags is None and block.open_flags == []  # a new text without flags: nothing to check


def test_editing_a_flagged_paragraph_clears_its_flags_and_resetting_brings_them_back(client, report):
    block = flagged_block(report)
    post_action(client, report, block_url(report, block, "text"), {"text": "Canada reported progress."})
    block = flagged_block(report)
    assert block.edited and block.open_flags == []
    html = client.get(editor_url(report)).get_data(as_text=True)
    assert "<mark " not in html and "0 paragraphs are flagged" in html
    assert shown_blocks(client.get(editor_url(report, show="flagged")).get_data(as_text=True)) == []

    post_action(client, report, block_url(report, block, "reset"))
    assert flagged_block(report).open_flags  # the generated text, with what the drafting was not sure of
    assert "<mark " in client.get(editor_url(report)).get_data(as_text=True)


def test_flags_over_a_footnote_and_overlapping_flags_are_cut_where_they_print():
    text = "Canada trains officers^[ It trains judges. ] and police."
    printed = PrintedBlock(kind="paragraph", text=text)
    number_document(Document(kind="report", settings=None, parts=[Part(key="p", blocks=[printed])]))
    flags = [{"start": 7, "end": 13, "reason": "verb?"}, {"start": 7, "end": 22, "reason": "phrase"},
             {"start": 28, "end": 34, "reason": "in the note"}, {"start": 3, "end": 3, "reason": "nowhere"}]
    segments = flagged_segments(printed, flags)
    assert [segment.footnote for segment in segments] == [None, 1, None]
    assert [(piece.text, piece.flags, piece.ends) for piece in segments[0].pieces] == [
        ("Canada ", (), ()), ("trains", (1, 2), (1,)), (" officers", (2,), (2,))]
    assert [(piece.text, piece.flags) for piece in segments[1].pieces] == [
        ("It ", ()), ("trains", (3,)), (" judges.", ())]
    assert "".join(piece.text for segment in segments for piece in segment.pieces) == \
        "Canada trains officersIt trains judges. and police."


# --- The answers beside the generated text ---------------------------------------------------------------------


def test_the_words_the_generated_text_changes_are_marked_on_each_side():
    compared = compare_words(["We have adopted a new law.", "Training is planned."],
                             "Canada reported that it had adopted a new law. It added that training was planned.")
    assert [(run.kind, run.text) for run in compared.answers[0]] == [("delete", "We have"), ("equal", "adopted a new law.")]
    assert [(run.kind, run.text) for run in compared.answers[1]] == [("delete", "Training is"), ("equal", "planned.")]
    assert [(run.kind, run.text) for run in compared.generated] == [
        ("insert", "Canada reported that it had"), ("equal", "adopted a new law."),
        ("insert", "It added that training was"), ("equal", "planned.")]


def test_the_answers_beside_the_generated_text_escape_hostile_words(client, cycle_2011, secretariat, engine):
    answer = db.session.scalars(
        sa.select(Answer).join(Submission).where(Submission.cycle_id == cycle_2011.id, Answer.question_code == "measures")
        .order_by(Answer.id)
    ).first()
    hostile = 'We have adopted the <script>alert("law")</script> & the "rules" of O\'Brien.'
    answer.value = hostile
    db.session.scalar(sa.select(AnswerRevision).where(
        AnswerRevision.answer_id == answer.id, AnswerRevision.revision == answer.revision)).value = hostile
    db.session.flush()
    engine.flags[""] = [("<script>", '<img src=x onerror=alert(1)> & "why"')]
    report = services.create_report(cycle_2011, user=secretariat)
    compile_report(report, user=secretariat)
    db.session.commit()
    block = next(b for b in blocks_in_order(report) if any(source.answer_id == answer.id for source in b.sources))
    assert "<script>" in block.text

    for url in (editor_url(report, compare=block.id),
                f"/cycles/{report.cycle.key}/reports/{report.id}/blocks/{block.id}"):
        html = client.get(url).get_data(as_text=True)
        assert "<script>" not in html and "<img src=x" not in html
        compare = html[html.index('<details class="report-compare"'):]
        compare = compare[:compare.index("</details>")]
        assert "&lt;script&gt;alert(&#34;law&#34;)&lt;/script&gt; &amp; the &#34;rules&#34; of O&#39;Brien." in compare
        assert "<del>We have</del>" in compare and "<ins>" in compare
        assert "&lt;img src=x onerror=alert(1)&gt; &amp; &#34;why&#34;" in html  # the flag's reason, escaped
    html = client.get(editor_url(report, compare=block.id)).get_data(as_text=True)
    assert '<details class="report-compare" open>' in html


def test_a_flagged_paragraph_keeps_the_isolation_of_its_unmarked_text():
    from portal.core.bidi import FSI, PDF, PDI, RLO, isolate

    text = f"Canada reported that {FSI}the {RLO}law was amended{PDF}{PDI}."
    printed = PrintedBlock(kind="paragraph", text=text)
    number_document(Document(kind="report", settings=None, parts=[Part(key="p", blocks=[printed])]))
    start = text.index(FSI)
    [segment] = flagged_segments(printed, [{"start": start, "end": len(text), "reason": "not in English"}])
    assert segment.opening + "".join(piece.text for piece in segment.pieces) + segment.closing == isolate(text)
    assert [piece.flags for piece in segment.pieces] == [(), (1,)]


def test_the_engines_reason_is_stored_in_english_and_shown_in_the_editors_language(client, cycle_2011, secretariat, engine):
    """The report is compiled in English and outlives who compiled it; its editor reads the reasons in French."""
    engine.flags["state:CAN:"] = [("reported", reasons.TENSE_MAY_BE_NOUN % {"word": "trains"})]
    report = services.create_report(cycle_2011, user=secretariat)
    compile_report(report, user=secretariat)
    secretariat.language = "fr"
    db.session.commit()
    block = flagged_block(report)
    assert block.flags[0]["reason"] == "check the tense of \u2018trains\u2019: it may be a noun"
    html = client.get(editor_url(report)).get_data(as_text=True)
    item = html[html.index(f'id="block-{block.id}"'):]
    item = item[:item.index('<li class="report-block', 10)].replace("\u00a0", " ").replace("\u202f", " ")
    assert re.search(r'<mark class="report-flag" title="vérifiez le temps de « trains » : il peut s&#39;agir d&#39;un nom">'
                     r'reported</mark>', item), item
    assert re.search(r'<li value="1"><q class="report-flag-words">reported</q>: <span>vérifiez le temps de « trains » : '
                     r'il peut s&#39;agir d&#39;un nom</span></li>', item), item
    assert "check the tense" not in item
