"""``flask --app wsgi cycles list|create|open|close``."""

import sqlalchemy as sa

from portal.core.access import Role
from portal.cycles.models import CycleStatus, ReportingCycle
from portal.mail.models import OutboxMessage
from portal.states.models import MemberState, RegionalGroup
from portal.submissions.models import Submission


def run(app, *args):
    return app.test_cli_runner().invoke(args=["cycles", *args])


def find(db, key):
    db.session.expire_all()
    return db.session.scalar(sa.select(ReportingCycle).where(ReportingCycle.key == key))


CREATE = [
    "create", "--key", "salvador-2027", "--title", "Follow-up to the Salvador Declaration, 2027",
    "--template", "salvador-declaration", "--version", "3",
    "--opens", "2027-03-01", "--deadline", "2027-05-31", "--cutoff", "2027-06-15",
]


def test_list_prints_key_title_template_version_status_and_counts_tab_separated(app, db, make_cycle, create_user, answer):
    cycle = make_cycle(["CAN", "ARG", "JPN"])
    answer(cycle, "CAN", create_user(Role.FOCAL_POINT, "CAN"), "SD-2", "status", "fully")
    make_cycle(["FRA"], key="salvador-2027-prep", is_open=False)
    result = run(app, "list")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "salvador-2026\tFollow-up to the Salvador Declaration (salvador-2026)\tsalvador-declaration\t3\topen\t"
        "not_started=2 draft=1 submitted=0 returned=0 accepted=0",
        "salvador-2027-prep\tFollow-up to the Salvador Declaration (salvador-2027-prep)\tsalvador-declaration\t3\tpreparation\t"
        "not_started=0 draft=0 submitted=0 returned=0 accepted=0",
    ]


def test_list_with_no_cycle_prints_nothing(app, db):
    result = run(app, "list")
    assert result.exit_code == 0 and result.output == ""


def test_create_for_all_states_for_groups_and_for_a_list(app, db, salvador):
    result = run(app, *CREATE, "--all")
    assert result.exit_code == 0, result.output
    assert result.output == "salvador-2027\tpreparation\t193 States invited\n"
    cycle = find(db, "salvador-2027")
    assert cycle.status is CycleStatus.PREPARATION and len(cycle.invitations) == 193

    result = run(app, *CREATE[:2], "by-group", *CREATE[3:], "--group", "african", "--group", "asia-pacific")
    assert result.exit_code == 0, result.output
    expected = db.session.scalar(
        sa.select(sa.func.count()).select_from(MemberState).where(
            MemberState.is_observer.is_(False),
            MemberState.regional_group.in_([RegionalGroup.AFRICAN, RegionalGroup.ASIA_PACIFIC]),
        )
    )
    assert len(find(db, "by-group").invitations) == expected

    result = run(app, *CREATE[:2], "by-state", *CREATE[3:], "--state", "can", "--state", "JPN")
    assert result.exit_code == 0, result.output
    assert sorted(i.state.code for i in find(db, "by-state").invitations) == ["CAN", "JPN"]


def test_create_refuses_bad_input_and_names_the_option(app, db, salvador):
    result = run(app, *CREATE)
    assert result.exit_code == 2 and "exactly one of --all, --group or --state" in result.output
    result = run(app, *CREATE, "--all", "--state", "CAN")
    assert result.exit_code == 2 and "exactly one of" in result.output
    result = run(app, *CREATE[:-4], "--deadline", "2027-01-01", "--cutoff", "2027-06-15", "--all")
    assert result.exit_code == 2 and "--deadline" in result.output and "before the opening date" in result.output
    result = run(app, *CREATE, "--state", "CAN", "--state", "XYZ")
    assert result.exit_code == 2 and "XYZ" in result.output
    result = run(app, *CREATE[:8], "9", *CREATE[9:], "--all")
    assert result.exit_code == 2 and "version 9" in result.output
    assert find(db, "salvador-2027") is None
    assert run(app, *CREATE, "--all").exit_code == 0
    result = run(app, *CREATE, "--all")
    assert result.exit_code == 2 and "--key" in result.output and "exists already" in result.output


def test_open_mails_the_focal_points_and_close(app, db, make_cycle, create_user, salvador):
    cycle = make_cycle(["CAN", "ARG"], is_open=False)
    focal = create_user(Role.FOCAL_POINT, "CAN")
    before = db.session.scalar(sa.select(sa.func.count()).select_from(OutboxMessage))
    result = run(app, "open", "salvador-2026")
    assert result.exit_code == 0, result.output
    assert result.output == "salvador-2026\topen\t2 replies created\n"
    assert find(db, "salvador-2026").status is CycleStatus.OPEN
    assert db.session.scalar(sa.select(sa.func.count()).where(Submission.cycle_id == cycle.id)) == 2
    [mail] = db.session.scalars(sa.select(OutboxMessage).order_by(OutboxMessage.id).offset(before)).all()
    assert mail.recipient == focal.email and "http://portal.test/cycles/salvador-2026/states/CAN/" in mail.body

    again = run(app, "open", "salvador-2026")
    assert again.exit_code == 1 and "Only a cycle in preparation can be opened." in again.output

    result = run(app, "close", "salvador-2026")
    assert result.exit_code == 0 and result.output == "salvador-2026\tclosed\n"
    assert find(db, "salvador-2026").status is CycleStatus.CLOSED
    again = run(app, "close", "salvador-2026")
    assert again.exit_code == 1 and "Only an open cycle can be closed." in again.output


def test_open_without_mail(app, db, make_cycle, create_user):
    make_cycle(["CAN"], is_open=False)
    create_user(Role.FOCAL_POINT, "CAN")
    before = db.session.scalar(sa.select(sa.func.count()).select_from(OutboxMessage))
    result = run(app, "open", "salvador-2026", "--no-mail")
    assert result.exit_code == 0, result.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OutboxMessage)) == before


def test_open_builds_links_from_the_portal_base_url(app, db, make_app, make_cycle, create_user):
    """The links in the invitation mails start with PORTAL_BASE_URL, with no SERVER_NAME and no request.

    The ``db`` fixture's session serves every application, so this one works in the test's transaction too.
    """
    make_cycle(["CAN"], is_open=False)
    create_user(Role.FOCAL_POINT, "CAN")
    other = make_app({**{key: app.config[key] for key in ("PORTAL_ENV", "SECRET_KEY", "DATABASE_URL", "TESTING")},
                      "SERVER_NAME": None, "PORTAL_BASE_URL": "https://reporting.example.org/"})
    with other.app_context():  # the command runs in the application whose context is current
        result = other.test_cli_runner().invoke(args=["cycles", "open", "salvador-2026"])
        assert result.exit_code == 0, result.output
    mail = db.session.scalars(sa.select(OutboxMessage).order_by(OutboxMessage.id.desc())).first()
    assert "https://reporting.example.org/cycles/salvador-2026/states/CAN/" in mail.body


def test_unknown_cycle(app, db):
    for command in ("open", "close"):
        result = run(app, command, "nothing-here")
        assert result.exit_code == 2 and "no reporting cycle has the key 'nothing-here'" in result.output
