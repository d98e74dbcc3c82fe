"""The XLSX workbook: three sheets, frozen headers, widths, formula guard, read back with openpyxl."""

import io
import json

import pytest
from openpyxl import load_workbook

from portal.core.access import Role
from tests.conftest import login
from tests.exports.conftest import HOSTILE, TOOLS_TRAINING


def test_workbook_has_long_wide_and_codebook_sheets(client, login_as, answered_cycle):
    login_as(Role.SECRETARIAT)
    response = client.get(f"/exports/download?cycle={answered_cycle.key}&kind=export.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.get_data()))
    assert workbook.sheetnames == ["long", "wide", "codebook"]
    long_sheet = workbook["long"]
    assert long_sheet.freeze_panes == "A2"
    assert long_sheet.column_dimensions["N"].width == 60  # the value column
    header = [cell.value for cell in long_sheet[1]]
    rows = [dict(zip(header, (c.value for c in row))) for row in long_sheet.iter_rows(min_row=2)]
    examples = next(r for r in rows if r["item_code"] == "SD-26" and r["question_code"] == "examples")
    assert examples["value"] == HOSTILE[0]  # unchanged, in a text cell (below)
    assert all(cell.data_type != "f" for row in long_sheet.iter_rows() for cell in row)  # no formula anywhere
    measures = next(r for r in rows if r["item_code"] == "SD-26" and r["question_code"] == "measures")
    assert "\nline two" in measures["value"]
    wide = workbook["wide"]
    assert [c.value for c in wide["D"]][1:] == ["ARG", "CAN", "JPN"]


def test_focal_point_workbook_holds_their_state_only(client, create_user, answered_cycle):
    login(client, create_user(Role.FOCAL_POINT, "CAN"))
    workbook = load_workbook(io.BytesIO(client.get(f"/exports/download?cycle={answered_cycle.key}&kind=export.xlsx").get_data()))
    codes = {row[3].value for row in workbook["long"].iter_rows(min_row=2)}
    assert codes == {"CAN"}


def test_cli_writes_the_workbook(app, db, answered_cycle, tmp_path):
    target = tmp_path / "export.xlsx"
    result = app.test_cli_runner().invoke(args=["export", "xlsx", "--cycle", answered_cycle.key, "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert load_workbook(target).sheetnames == ["long", "wide", "codebook"]


def workbook_of(client, cycle, **filters):
    query = "".join(f"&{name}={value}" for name, value in filters.items())
    response = client.get(f"/exports/download?cycle={cycle.key}&kind=export.xlsx{query}")
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.get_data()))


def records(sheet) -> list[dict]:
    header = [cell.value for cell in sheet[1]]
    return [dict(zip(header, row)) for row in sheet.iter_rows(min_row=2)]


def answer_cell(workbook, item_code: str, question: str, column: str = "value"):
    return next(r for r in records(workbook["long"]) if r["item_code"].value == item_code and r["question_code"].value == question)[column]


def store(db, cycle, code: str, item_code: str, question: str, value: str) -> None:
    """Store ``value`` as it is, as answers were stored before control characters were refused."""
    import sqlalchemy as sa

    from portal.submissions.models import Answer, Submission

    submission = db.session.scalar(sa.select(Submission).where(Submission.cycle_id == cycle.id, Submission.state.has(code=code)))
    answer = next(a for a in db.session.scalars(sa.select(Answer).where(Answer.submission_id == submission.id))
                  if a.item is not None and a.item.code == item_code and a.question_code == question)
    db.session.execute(sa.text("UPDATE answers SET value = :value WHERE id = :id"), {"value": json.dumps(value), "id": answer.id})
    db.session.commit()


@pytest.mark.parametrize("role", [Role.SECRETARIAT, Role.FOCAL_POINT])
def test_formula_like_answers_are_text_cells_with_their_text_unchanged(client, create_user, answered_cycle, role):
    login(client, create_user(role, "CAN" if role is Role.FOCAL_POINT else None))
    workbook = workbook_of(client, answered_cycle)
    for question, text in (("examples", HOSTILE[0]), ("agencies", HOSTILE[1])):
        cell = answer_cell(workbook, "SD-26", question)
        assert (cell.value, cell.data_type) == (text, "s")
    wide = records(workbook["wide"])
    canada = next(row for row in wide if row["state_code"].value == "CAN")
    assert (canada["SD-26.examples"].value, canada["SD-26.examples"].data_type) == (HOSTILE[0], "s")


def test_an_answer_that_reads_as_an_error_code_stays_text(client, db, create_user, answered_cycle):
    store(db, answered_cycle, "CAN", "SD-26", "examples", "#N/A")
    login(client, create_user(Role.SECRETARIAT))
    cell = answer_cell(workbook_of(client, answered_cycle), "SD-26", "examples")
    assert (cell.value, cell.data_type) == ("#N/A", "s")


@pytest.mark.parametrize("role", [Role.SECRETARIAT, Role.FOCAL_POINT])
def test_a_stored_control_character_never_breaks_the_workbook_and_shows_as_its_picture(client, db, create_user, answered_cycle, role):
    store(db, answered_cycle, "CAN", "SD-26", "examples", "A NUL\x00, a vertical tab\x0b, a DEL\x7f and a tab\t.")
    login(client, create_user(role, "CAN" if role is Role.FOCAL_POINT else None))
    workbook = workbook_of(client, answered_cycle)
    assert answer_cell(workbook, "SD-26", "examples").value == "A NUL\u2400, a vertical tab\u240b, a DEL\u2421 and a tab\t."
    codebook = " ".join(str(cell.value) for row in workbook["codebook"].iter_rows() for cell in row)
    assert "U+0000 as \u2400" in codebook


def test_an_answer_longer_than_a_cell_continues_in_part_columns_and_joins_back_whole(client, db, create_user, answered_cycle):
    words = " ".join(f"word{number:05d}" for number in range(1, 7001))  # 69,999 characters
    astral = "\U0001d11e" * 20_000  # 20,000 characters, 40,000 UTF-16 code units: two cells
    store(db, answered_cycle, "CAN", "SD-26", "examples", words)
    store(db, answered_cycle, "CAN", "SD-26", "agencies", astral)
    login(client, create_user(Role.SECRETARIAT))
    workbook = workbook_of(client, answered_cycle)
    long_header = [cell.value for cell in workbook["long"][1]]
    assert long_header[13:19] == ["value", "value (part 2)", "value (part 3)", "value_label", "carried_forward_from", "changed_at"]
    row = next(r for r in records(workbook["long"]) if r["item_code"].value == "SD-26" and r["question_code"].value == "examples")
    parts = [row["value"].value, row["value (part 2)"].value, row["value (part 3)"].value]
    assert all(len(part) <= 32_767 for part in parts) and "".join(parts) == words
    row = next(r for r in records(workbook["long"]) if r["item_code"].value == "SD-26" and r["question_code"].value == "agencies")
    assert row["value (part 3)"].value is None
    assert row["value"].value + row["value (part 2)"].value == astral
    assert all(len(part.encode("utf-16-le")) // 2 <= 32_767 for part in (row["value"].value, row["value (part 2)"].value))
    wide = records(workbook["wide"])
    canada = next(r for r in wide if r["state_code"].value == "CAN")
    assert "".join(canada[f"SD-26.examples{suffix}"].value for suffix in ("", " (part 2)", " (part 3)")) == words
    assert [c.value for c in workbook["wide"][1]].index("SD-26.examples (part 2)") == \
        [c.value for c in workbook["wide"][1]].index("SD-26.examples") + 1
    codebook = " ".join(str(cell.value) for row in workbook["codebook"].iter_rows() for cell in row)
    assert "join the cells of the column and of its parts in order" in codebook


def test_entries_are_text_cells_read_back_as_the_list(client, login_as, answered_cycle):
    login_as(Role.SECRETARIAT)
    workbook = load_workbook(io.BytesIO(client.get(f"/exports/download?cycle={answered_cycle.key}&kind=export.xlsx").get_data()))
    sheet = workbook["long"]
    header = [cell.value for cell in sheet[1]]
    [tools] = [dict(zip(header, row)) for row in sheet.iter_rows(min_row=2)
               if row[header.index("question_code")].value == "tools_training"]
    assert json.loads(tools["value"].value) == TOOLS_TRAINING and tools["value"].data_type == "s"
    assert tools["value_label"].value.splitlines()[0] == "1. Tools on asset recovery, under chapter V"
    assert tools["value_label"].value.endswith("\n3. =1+1 is text")
