"""The compilation of all replies: every included State, alphabetical, with all its answers, as a PDF."""

from __future__ import annotations

import datetime as dt
import io
import subprocess

import sqlalchemy as sa
from pypdf import PdfReader

from portal.reports.compilation import compilation_document
from portal.reports.render import render_document
from portal.submissions.models import Answer, Submission

NAMES_2011 = ["Argentina", "Canada", "Czech Republic", "Ecuador", "Japan", "Jordan", "Malta", "Portugal"]


def _text(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def test_every_state_in_alphabetical_order_with_its_answers(app, db, cycle_2011, tmp_path):
    document = compilation_document(cycle_2011)

    states = [block for block in document.blocks if block.kind == "state"]
    assert [block.text for block in states] == NAMES_2011  # the names in force on 30 January 2011
    assert [part.key for part in document.parts[1:]] == [f"state:{code}" for code in
                                                        ("ARG", "CAN", "CZE", "ECU", "JPN", "JOR", "MLT", "PRT")]
    canada = document.parts[2]
    answers = [block for block in canada.blocks if block.kind == "answer"]
    assert answers and all(block.data["label"] or block.data["kind"] == "note" for block in answers)
    # A long answer of Canada's, word for word, as it is stored.
    submission = db.session.scalar(sa.select(Submission).where(Submission.cycle_id == cycle_2011.id)
                                   .join(Submission.state).where(sa.text("member_states.code = 'CAN'")))
    long_answer = max((a for a in db.session.scalars(sa.select(Answer).where(Answer.submission_id == submission.id))
                       if isinstance(a.value, str)), key=lambda a: len(a.value))
    printed = " ".join(" ".join(line for paragraph in block.data["paragraphs"] for line in paragraph)
                       for block in answers if block.data["kind"] == "text")
    assert " ".join(long_answer.value.split()) in " ".join(printed.split())

    result = render_document(document, workers=1, cache_dir=tmp_path)
    text = _text(result.pdf)
    positions = [text.index(name) for name in NAMES_2011]
    assert positions == sorted(positions)
    assert " ".join(long_answer.value.split()[:12]) in " ".join(text.split())
    reader = PdfReader(io.BytesIO(result.pdf))
    assert [item.title for item in reader.outline] == NAMES_2011  # bookmarks, one per State
    # Every State starts on a page of its own.
    pages = [result.anchors[f"state-{code}"] for code in ("ARG", "CAN", "CZE", "ECU", "JPN", "JOR", "MLT", "PRT")]
    assert pages == sorted(set(pages))


def test_only_replies_included_as_at_the_date(app, db, cycle_2011):
    # Canada's reply reaches the Secretariat after 30 January 2011.
    submission = db.session.scalar(sa.select(Submission).join(Submission.state)
                                   .where(Submission.cycle_id == cycle_2011.id, sa.text("member_states.code = 'CAN'")))
    submission.submitted_at = dt.datetime(2011, 2, 3, 10, tzinfo=dt.timezone.utc)
    db.session.flush()

    accepted = [b.text for b in compilation_document(cycle_2011, as_at=dt.date(2011, 1, 30)).blocks if b.kind == "state"]
    later = [b.text for b in compilation_document(cycle_2011, as_at=dt.date(2011, 2, 3)).blocks if b.kind == "state"]

    assert "Canada" not in accepted and len(accepted) == 7
    assert later == NAMES_2011
