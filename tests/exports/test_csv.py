"""CSV exports read back as a spreadsheet would: encoding, quoting, line breaks, formula guard, filters."""

import csv
import io
import json
import re

import pytest

from portal.core.access import Role
from portal.core.tabular import csv_chunks, safe_cell
from tests.conftest import login
from tests.exports.conftest import HOSTILE, TOOLS_TRAINING


def read_csv(data: bytes) -> list[dict[str, str]]:
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("value", HOSTILE)
def test_formula_cells_are_neutralised(value):
    assert safe_cell(value) == "'" + value
    assert safe_cell("Plain text") == "Plain text" and safe_cell(26) == 26 and safe_cell(None) == ""


def test_writer_streams_rfc4180_with_crlf_and_optional_bom():
    chunks = list(csv_chunks(["a", "b"], ([i, f"row {i}"] for i in range(1200)), bom=True, rows_per_chunk=500))
    assert len(chunks) == 4  # the header at once, then rows in batches
    data = b"".join(chunks)
    assert data.startswith("\ufeffa,b\r\n".encode())
    quoted = b"".join(csv_chunks(["x"], [['say "hi", then\nleave']]))
    assert quoted == b'x\r\n"say ""hi"", then\nleave"\r\n'


def test_long_export_by_http_for_the_secretariat(client, login_as, answered_cycle):
    login_as(Role.SECRETARIAT)
    response = client.get(f"/exports/download?cycle={answered_cycle.key}&kind=long.csv&bom=y")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{answered_cycle.key}-all-long.csv"'
    data = response.get_data()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = read_csv(data)
    assert {row["state_code"] for row in rows} == {"ARG", "CAN"}  # Japan has not answered
    assert list(rows[0])[-2:] == ["changed_at", "changed_by"]
    can = [row for row in rows if row["state_code"] == "CAN"]
    assert can[0]["submission_status"] == "submitted" and can[0]["regional_group"] == "western-european-other"
    by_key = {(row["item_code"], row["question_code"]): row for row in can}
    status = by_key[("SD-26", "status")]
    assert (status["value"], status["value_label"], status["paragraph"], status["theme"]) == (
        "partially", "Partially implemented", "26", "children-youth")
    assert by_key[("SD-26", "measures")]["value"] == "Line one,\nline two with \"quotes\" and, commas.\nLine three."
    assert by_key[("SD-26", "challenges")]["value"] == "coordination|resources"
    assert by_key[("SD-26", "examples")]["value"] == "'" + HOSTILE[0]
    assert by_key[("SD-26", "agencies")]["value"] == "'+1+1"
    assert by_key[("general", "focal_point_name")]["value"] == "Claire Tremblay"
    assert by_key[("SD-26", "measures")]["changed_by"] == "focal.export@example.org"
    # checklist order: paragraph numbers never go down within a State, general questions last
    paragraphs = [int(row["paragraph"]) for row in can if row["paragraph"]]
    assert paragraphs == sorted(paragraphs) and can[-1]["item_code"] == "general"


def test_wide_export_one_row_per_submission_in_checklist_order(client, login_as, answered_cycle):
    login_as(Role.ADMINISTRATOR)
    rows = read_csv(client.get(f"/exports/download?cycle={answered_cycle.key}&kind=wide.csv").get_data())
    assert [row["state_code"] for row in rows] == ["ARG", "CAN", "JPN"]
    header = list(rows[0])
    assert header.index("SD-1.status") < header.index("SD-2.status") < header.index("SD-26.status") < header.index("general.focal_point_name")
    can = rows[1]
    assert can["SD-26.status"] == "partially" and can["SD-26.challenges"] == "coordination|resources"
    assert rows[2]["submission_status"] == "not_started" and rows[2]["SD-2.status"] == ""


def test_filters_by_state_group_status_and_theme(client, login_as, answered_cycle):
    login_as(Role.SECRETARIAT)
    base = f"/exports/download?cycle={answered_cycle.key}&kind=long.csv"
    assert {r["state_code"] for r in read_csv(client.get(base + "&states=ARG").get_data())} == {"ARG"}
    assert {r["state_code"] for r in read_csv(client.get(base + "&groups=latin-american-caribbean").get_data())} == {"ARG"}
    assert {r["state_code"] for r in read_csv(client.get(base + "&statuses=submitted").get_data())} == {"CAN"}
    themed = read_csv(client.get(base + "&themes=children-youth").get_data())
    assert {r["theme"] for r in themed} == {"children-youth"}


def test_focal_point_exports_only_their_state(client, create_user, answered_cycle):
    login(client, create_user(Role.FOCAL_POINT, "ARG"))
    rows = read_csv(client.get(f"/exports/download?cycle={answered_cycle.key}&kind=long.csv&states=CAN").get_data())
    assert rows and {row["state_code"] for row in rows} == {"ARG"}
    assert "changed_by" not in rows[0]
    wide = read_csv(client.get(f"/exports/download?cycle={answered_cycle.key}&kind=wide.csv").get_data())
    assert [row["state_code"] for row in wide] == ["ARG"]


def test_contributor_of_an_uninvited_state_gets_404(client, create_user, answered_cycle):
    login(client, create_user(Role.CONTRIBUTOR, "PRT"))
    assert client.get(f"/exports/download?cycle={answered_cycle.key}&kind=long.csv").status_code == 404


def test_codebook_describes_every_column_and_code(client, login_as, answered_cycle):
    login_as(Role.SECRETARIAT)
    codebook = read_csv(client.get(f"/exports/download?cycle={answered_cycle.key}&kind=codebook.csv").get_data())
    described = {row["column"] for row in codebook}
    wide_header = list(read_csv(client.get(f"/exports/download?cycle={answered_cycle.key}&kind=wide.csv").get_data())[0])
    assert set(wide_header) <= described
    status = next(row for row in codebook if row["column"] == "SD-26.status")
    assert "partially = Partially implemented" in status["codes"]
    page = client.get(f"/exports/download?cycle={answered_cycle.key}&kind=codebook")
    assert "SD-26.status" in page.get_data(as_text=True)


def test_export_page_offers_the_filters(client, login_as, answered_cycle):
    login_as(Role.SECRETARIAT)
    page = client.get("/exports/").get_data(as_text=True)
    assert "Regional groups" in page and 'value="children-youth"' in page and "Byte-order mark" in page
    # The States are ticked group by group (no list to Ctrl-click), each of the 195 once.
    assert "<select multiple" not in page and 'name="states"' in page
    assert len(re.findall(r'<input type="checkbox" name="states" value="[A-Z]{3}"', page)) == 195
    assert "<summary>African States (54)</summary>" in page and "<summary>Observer States (2)</summary>" in page
    # The States chosen before stay ticked, their groups open.
    chosen = client.get("/exports/?states=CAN&states=CIV").get_data(as_text=True)
    assert '<input type="checkbox" name="states" value="CAN" checked>' in chosen
    assert '<input type="checkbox" name="states" value="CIV" checked>' in chosen
    assert chosen.count('<details class="state-group" open>') == 2


def test_cli_writes_long_and_wide_csv(app, db, answered_cycle, tmp_path):
    runner = app.test_cli_runner()
    target = tmp_path / "long.csv"
    result = runner.invoke(args=["export", "csv", "--cycle", answered_cycle.key, "--output", str(target)])
    assert result.exit_code == 0, result.output
    rows = read_csv(target.read_bytes())
    assert {row["state_code"] for row in rows} == {"ARG", "CAN"}
    wide = runner.invoke(args=["export", "csv", "--cycle", answered_cycle.key, "--format", "wide", "--state", "CAN"])
    assert wide.exit_code == 0
    assert [row["state_code"] for row in read_csv(wide.stdout_bytes)] == ["CAN"]
    missing = runner.invoke(args=["export", "csv", "--cycle", "no-such-cycle"])
    assert missing.exit_code != 0 and "no cycle" in missing.output


def test_entries_are_a_json_list_in_the_value_and_numbered_lines_in_the_label(client, login_as, answered_cycle):
    login_as(Role.SECRETARIAT)
    rows = read_csv(client.get(f"/exports/download?cycle={answered_cycle.key}&kind=long.csv").get_data())
    [tools] = [row for row in rows if (row["state_code"], row["question_code"]) == ("CAN", "tools_training")]
    assert json.loads(tools["value"]) == TOOLS_TRAINING  # exact, read back as the list
    assert tools["value_label"] == ('1. Tools on asset recovery, under chapter V\n2. Training on "cybercrime"\nfor judges\n'
                                    "3. =1+1 is text")
    wide = read_csv(client.get(f"/exports/download?cycle={answered_cycle.key}&kind=wide.csv").get_data())
    assert json.loads(next(row for row in wide if row["state_code"] == "CAN")["general.tools_training"]) == TOOLS_TRAINING
    codebook = read_csv(client.get(f"/exports/download?cycle={answered_cycle.key}&kind=codebook.csv").get_data())
    entry = next(row for row in codebook if row["column"] == "general.tools_training")
    assert entry["type"] == "entries" and entry["value format"].startswith("JSON list of texts, one per entry")
    value = next(row for row in codebook if row["column"] == "value_label")
    assert "the entries one per line, numbered" in value["description"]
