"""``flask --app wsgi checklists validate|import|list``."""

from __future__ import annotations

from portal.checklists import services
from tests.checklists.conftest import changed_copy


def run(app, *args):
    return app.test_cli_runner().invoke(args=["checklists", *map(str, args)])


def test_validate_prints_ok_per_file_and_exits_0(app, db, salvador_file, test_template_file):
    result = run(app, "validate", salvador_file, test_template_file)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{salvador_file}: OK (salvador-declaration version 3: 55 items, 17 themes)",
        f"{test_template_file}: OK (test-declaration version 1: 5 items, 2 themes)",
    ]


def test_validate_prints_every_error_and_exits_1(app, db, salvador_file, test_template_file, tmp_path):
    broken = changed_copy(
        test_template_file, tmp_path / "broken.yaml",
        ("    paragraph: 2\n", "    paragraph: two\n"),
        ("    addressee: non-state\n", "    addressee: civil-society\n"),
    )
    result = run(app, "validate", broken, salvador_file)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{broken}:84: items[1].paragraph: expected a whole number from 1 up; found the text 'two'",
        f"{broken}:102: items[3].addressee: unknown addressee 'civil-society'; expected one of: member-states, "
        "policy-bodies, non-state, declaratory",
        f"{broken}: 2 errors",
    ]
    assert result.stdout == f"{salvador_file}: OK (salvador-declaration version 3: 55 items, 17 themes)\n"


def test_validate_a_missing_file(app, db, tmp_path):
    result = run(app, "validate", tmp_path / "nowhere.yaml")
    assert result.exit_code == 1
    assert "nowhere.yaml: cannot read the file: No such file or directory" in result.stderr


def test_import_then_import_again_then_list(app, db, salvador_file, test_template_file):
    result = run(app, "import", salvador_file, test_template_file)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{salvador_file}: salvador-declaration version 3 created (55 items, 17 themes)",
        f"{test_template_file}: test-declaration version 1 created (5 items, 2 themes)",
    ]
    result = run(app, "import", salvador_file)
    assert result.stdout == f"{salvador_file}: salvador-declaration version 3 unchanged (55 items, 17 themes)\n"
    services.lock_template_version(services.find_template("test-declaration", 1))
    result = run(app, "list")
    assert result.exit_code == 0
    assert result.stdout == "salvador-declaration\t3\t55\t17\tno\ntest-declaration\t1\t5\t2\tyes\n"


def test_import_of_a_changed_locked_version_fails_and_imports_nothing(app, db, salvador_file, test_template_file,
                                                                       tmp_path):
    template, _ = services.import_template(test_template_file)
    services.lock_template_version(template)
    db.session.commit()
    changed = changed_copy(test_template_file, tmp_path / "test-declaration.yaml",
                           ("Lakeside for their hospitality", "Lakeside for their kind hospitality"))
    result = run(app, "import", salvador_file, changed)
    assert result.exit_code == 1
    assert "test-declaration version 1 is used by a reporting cycle" in result.stderr
    assert "(version: 2)" in result.stderr
    assert f"{changed}: not imported; nothing was imported." in result.stderr
    assert services.find_template("salvador-declaration", 3) is None


def test_import_of_an_invalid_file_prints_its_errors(app, db, test_template_file, tmp_path):
    broken = changed_copy(test_template_file, tmp_path / "x.yaml", ("format: 1", "format: 1\nauthor: me"))
    result = run(app, "import", broken)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith(f"{broken}:3: author: unknown key")
    assert run(app, "list").stdout == ""
