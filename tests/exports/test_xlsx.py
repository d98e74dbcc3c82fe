"""The XLSX workbook: three sheets, frozen headers, widths, formula guard, read back with openpyxl."""

import io

from openpyxl import load_workbook

from portal.core.access import Role
from tests.conftest import login


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
    assert examples["value"].startswith("'=HYPERLINK")
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
