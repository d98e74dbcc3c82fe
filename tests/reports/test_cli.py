"""The ``report`` commands: build a report or the compilation as a PDF, and the worker's refusal without Redis."""

from __future__ import annotations

import re
import subprocess

import pytest

from portal.core.extensions import db
from portal.reports import services
from portal.reports.models import BlockKind


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def runner(app, db):
    return app.test_cli_runner()


def test_an_unknown_cycle_is_named(runner, tmp_path):
    result = runner.invoke(args=["report", "build", "--cycle", "no-such-cycle", "--output", str(tmp_path / "r.pdf")])
    assert result.exit_code == 2
    assert "no cycle has the key 'no-such-cycle'" in result.output


def test_a_bad_arrangement_is_refused(runner, tmp_path):
    result = runner.invoke(args=["report", "build", "--cycle", "x", "--arrangement", "by-colour",
                                 "--output", str(tmp_path / "r.pdf")])
    assert result.exit_code == 2
    assert "by-colour" in result.output and "by-state" in result.output


def test_an_unwritable_output_is_refused_before_building(runner, cycle_2011, tmp_path):
    result = runner.invoke(args=["report", "build", "--cycle", cycle_2011.key,
                                 "--output", str(tmp_path / "missing-folder" / "r.pdf")])
    assert result.exit_code == 2
    assert "does not exist" in result.output
    result = runner.invoke(args=["report", "build", "--cycle", cycle_2011.key, "--output", str(tmp_path)])
    assert result.exit_code == 2
    assert services.reports_of(cycle_2011) == []  # nothing was built or created


def test_building_the_report_creates_compiles_and_renders_it(runner, cycle_2011, tmp_path):
    output = tmp_path / "report.pdf"
    result = runner.invoke(args=["report", "build", "--cycle", cycle_2011.key, "--arrangement", "by-theme",
                                 "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert "Created a report" in result.output
    match = re.search(r"Wrote (.+) \((\d+) pages, ([\d.]+) seconds\)", result.output)
    assert match and match.group(1) == str(output) and int(match.group(2)) > 1
    [report] = services.reports_of(cycle_2011)
    assert services.settings_of(report).arrangement == "by-theme"
    text = " ".join(pdf_text(output).split())
    assert "replies had been received from the following States" in text

    # Building again recompiles the same report and keeps an editor's change.
    paragraph = next(block for block in services.live_blocks(report) if block.kind is BlockKind.PARAGRAPH)
    services.edit_block(paragraph, "An editor's sentence that recompiling must keep.", user=None)
    db.session.commit()
    result = runner.invoke(args=["report", "build", "--cycle", cycle_2011.key, "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert "Created a report" not in result.output
    assert len(services.reports_of(cycle_2011)) == 1
    assert "An editor's sentence that recompiling must keep." in " ".join(pdf_text(output).split())


def test_building_the_compilation_of_all_replies(runner, cycle_2011, tmp_path):
    output = tmp_path / "compilation.pdf"
    result = runner.invoke(args=["report", "build", "--cycle", cycle_2011.key, "--kind", "compilation",
                                 "--output", str(output)])
    assert result.exit_code == 0, result.output
    text = pdf_text(output)
    for name in ("Argentina", "Canada", "Portugal"):
        assert name in text
    assert services.reports_of(cycle_2011) == []  # the compilation needs no report


def test_the_worker_needs_redis(runner, app, monkeypatch):
    monkeypatch.setitem(app.config, "REDIS_URL", None)
    result = runner.invoke(args=["report", "worker"])
    assert result.exit_code == 2
    assert "REDIS_URL is not set" in result.output
