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


# --- report check ------------------------------------------------------------------------------------------------


def test_checking_names_an_unknown_cycle_or_report(runner, cycle_2011):
    result = runner.invoke(args=["report", "check", "--cycle", "no-such-cycle"])
    assert result.exit_code == 2 and "no cycle has the key 'no-such-cycle'" in result.output
    result = runner.invoke(args=["report", "check", "--cycle", cycle_2011.key, "--report", "999999"])
    assert result.exit_code == 2 and f"the cycle {cycle_2011.key} has no report 999999" in result.output


def test_checking_compiles_the_draft_and_counts_state_paragraphs_flags_and_faults(runner, cycle_2011, monkeypatch):
    from portal.reports import compile as compiling
    from portal.reports.check import check_report
    from tests.reports.test_flags import Engine

    engine = Engine()
    engine.original = compiling.write_draft
    monkeypatch.setattr(compiling, "write_draft", engine.write_draft)
    engine.flags["state:CAN:"] = [("reported", "check the tense of 'trains'")]
    result = runner.invoke(args=["report", "check", "--cycle", cycle_2011.key])
    assert result.exit_code == 0, result.output
    assert "Created a report" in result.output and "Compiled:" in result.output
    [report] = services.reports_of(cycle_2011)
    found = check_report(report)
    counts = dict(re.findall(r"^(State paragraphs|Flagged \(not yet edited or accepted\)|Found at fault by the prose "
                             r"check): (\d+)$", result.output, re.MULTILINE))
    assert int(counts["State paragraphs"]) == len(found.state_paragraphs) > 16  # eight States, by State
    assert int(counts["Flagged (not yet edited or accepted)"]) == 1
    assert int(counts["Found at fault by the prose check"]) == sum(
        1 for block_id in found.state_paragraphs if found.findings[block_id])

    # An editor's paragraph with faults: counted (its flag cleared by the edit), and told in detail with --verbose.
    canada = next(block for block in services.live_blocks(report) if block.flags)
    services.edit_block(canada, "The Government of Canada adopted a law, and Canada trained 300 officers.", user=None)
    db.session.commit()
    result = runner.invoke(args=["report", "check", "--cycle", cycle_2011.key, "--report", str(report.id), "--verbose"])
    assert result.exit_code == 0, result.output
    assert "Compiled:" not in result.output  # read as it stands
    assert "Flagged (not yet edited or accepted): 0" in result.output
    label = next(row.label for row in services.numbered_blocks(report) if row.block.id == canada.id)
    section = result.output[result.output.index(f"({label}, {canada.key})"):]
    assert "  no-reporting-verb: The first sentence does not name the State" in section
    assert "  state-named-twice: Canada is named twice in this sentence" in section
    assert "a law, and [Canada] trained 300 officers." in section


def test_checking_shows_the_flags_still_to_look_at(runner, cycle_2011, monkeypatch):
    from portal.reports import compile as compiling
    from tests.reports.test_flags import Engine

    engine = Engine()
    engine.original = compiling.write_draft
    monkeypatch.setattr(compiling, "write_draft", engine.write_draft)
    engine.flags["state:CAN:SD-5"] = [("Correctional Service", "check the name 'Correctional Service'")]
    result = runner.invoke(args=["report", "check", "--cycle", cycle_2011.key, "-v"])
    assert result.exit_code == 0, result.output
    assert "Flagged (not yet edited or accepted): 1" in result.output
    assert re.search(r"\n  flag: check the name 'Correctional Service': Canada reported that the \[Correctional Service\] of",
                     result.output)
