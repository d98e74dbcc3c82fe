"""Final editions: the PDF is stored with its inputs, and produced again from them it is the same file."""

from __future__ import annotations

import hashlib
import io

import pytest
from pypdf import PdfReader

from portal.accounts.services import find_user_by_email
from portal.core.extensions import db
from portal.reports import services
from portal.reports.models import BlockKind, ReportStatus
from portal.reports.settings import ReportSettings


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def compiled(cycle_2011):
    from portal.reports.compile import compile_report

    user = find_user_by_email("secretariat@example.org")
    settings = services.default_settings(cycle_2011).replace(symbol="E/CN.15/2011/15", title="Follow-up report")
    report = services.create_report(cycle_2011, user=user, settings=settings)
    compile_report(report, user=user)
    db.session.commit()
    return report, user


def test_a_final_edition_is_stored_with_its_inputs_and_reproduces_identically(compiled):
    report, user = compiled
    edition = services.finalise_report(report, user=user)
    db.session.commit()

    assert (edition.number, report.status) == (1, ReportStatus.FINAL)
    assert edition.pdf_sha256 == hashlib.sha256(edition.pdf).hexdigest()
    assert edition.pages == len(PdfReader(io.BytesIO(edition.pdf)).pages) > 1
    # The inputs: the settings, every printed block, and the answer revisions the blocks came from.
    assert edition.inputs["settings"]["symbol"] == "E/CN.15/2011/15"
    printed = [block for block in edition.inputs["blocks"]]
    assert len(printed) == len(services.live_blocks(report))
    assert any(block["sources"] for block in printed)
    assert "replies had been received from the following States" in pdf_text(edition.pdf)

    assert hashlib.sha256(services.reproduce(edition.inputs)).hexdigest() == edition.pdf_sha256
    assert services.reproduces_identically(edition.inputs, edition.pdf_sha256)[0]


def test_editing_after_finalising_makes_a_new_draft_and_the_edition_stays_as_it_was(compiled):
    report, user = compiled
    first = services.finalise_report(report, user=user)
    db.session.commit()
    paragraph = next(block for block in services.live_blocks(report) if block.kind is BlockKind.PARAGRAPH)
    services.edit_block(paragraph, "A paragraph rewritten after the first edition.", user=user)
    db.session.commit()
    assert report.status is ReportStatus.DRAFT

    # The first edition comes from its stored inputs, not from today's draft.
    assert services.reproduces_identically(first.inputs, first.pdf_sha256)[0]
    assert "rewritten after the first edition" not in pdf_text(first.pdf)

    second = services.finalise_report(report, user=user)
    db.session.commit()
    assert second.number == 2
    assert second.pdf_sha256 != first.pdf_sha256
    assert "rewritten after the first edition" in pdf_text(second.pdf)
    assert [edition.number for edition in services.editions_of(report)] == [1, 2]


def test_an_empty_report_cannot_be_finalised(cycle_2011):
    report = services.create_report(cycle_2011, user=None, settings=ReportSettings(title="Empty"))
    with pytest.raises(services.ReportError):
        services.finalise_report(report, user=None)
    assert services.editions_of(report) == []
