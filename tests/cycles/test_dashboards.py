"""A cycle's dashboard (counts, filters, progress, a constant number of queries) and the home dashboards."""

import datetime as dt
import re

import pytest
import sqlalchemy as sa

from portal.core.access import Role
from portal.cycles.services import close_cycle
from portal.states.models import MemberState
from portal.submissions.models import SubmissionStatus
from tests.conftest import login
from tests.cycles.conftest import submission_of


def state_names(html: str) -> list[str]:
    """Return the States listed in the dashboard's table, in order."""
    return re.findall(r'<th scope="row">([^<]+)</th>', html)


def count_of(html: str, label: str) -> int:
    match = re.search(rf'<span class="cycle-count-number">(\d+)</span><span class="cycle-count-label">{label}</span>', html)
    assert match, label
    return int(match.group(1))


@pytest.fixture
def busy_cycle(make_cycle, create_user, answer):
    """A cycle of four States: Canada and Japan in draft, Argentina and France not started."""
    cycle = make_cycle(["CAN", "ARG", "FRA", "JPN"])
    focal = create_user(Role.FOCAL_POINT, "CAN")
    answer(cycle, "CAN", focal, "SD-2", "status", "partially")
    answer(cycle, "CAN", focal, "SD-2", "measures", "Canada reported that ...")
    answer(cycle, "JPN", create_user(Role.CONTRIBUTOR, "JPN"), "SD-36", "status", "fully")
    return cycle


def test_dashboard_lists_every_state_with_group_status_progress_and_link(client, db, login_as, busy_cycle):
    login_as(Role.SECRETARIAT)
    html = client.get("/cycles/salvador-2026/").get_data(as_text=True)
    assert state_names(html) == ["Argentina", "Canada", "France", "Japan"]
    assert count_of(html, "All States invited") == 4
    assert count_of(html, "Not started") == 2 and count_of(html, "Draft") == 2 and count_of(html, "Submitted") == 0
    canada = submission_of(db, busy_cycle, "CAN")
    row = html[html.index("<th scope=\"row\">Canada</th>"):html.index("<th scope=\"row\">France</th>")]
    assert "Western European and other States" in row
    assert '<span class="status-label status-draft">Draft</span>' in row
    assert f"2 of {canada.required_count} answered" in row
    assert f'<progress class="progress-bar" max="{canada.required_count}" value="2"' in row
    assert 'href="/cycles/salvador-2026/states/CAN/review"' in row  # the officer opens the review, not the State's form
    argentina = html[html.index("<th scope=\"row\">Argentina</th>"):html.index("<th scope=\"row\">Canada</th>")]
    assert "None yet" in argentina and "0 of " in argentina


def test_dashboard_filters_by_group_and_status(client, login_as, busy_cycle):
    login_as(Role.ADMINISTRATOR)
    page = lambda query: client.get(f"/cycles/salvador-2026/?{query}").get_data(as_text=True)  # noqa: E731
    assert state_names(page("group=western-european-other")) == ["Canada", "France"]
    assert state_names(page("status=draft")) == ["Canada", "Japan"]
    assert state_names(page("status=not_started")) == ["Argentina", "France"]
    assert state_names(page("group=western-european-other&status=draft")) == ["Canada"]
    assert state_names(page("group=african")) == []
    filtered = page("group=asia-pacific&status=draft")
    assert state_names(filtered) == ["Japan"]
    assert '<option value="asia-pacific" selected>' in filtered and '<option value="draft" selected>' in filtered
    assert count_of(filtered, "Draft") == 2  # the counts at the top are the cycle's, not the filter's
    assert state_names(page("group=nonsense&status=nonsense")) == ["Argentina", "Canada", "France", "Japan"]


def test_dashboard_searches_by_name_and_sorts_by_each_column_keeping_the_filters(client, db, login_as, busy_cycle,
                                                                                 create_user):
    japan = create_user(Role.FOCAL_POINT, "JPN")
    japan.last_login_at = dt.datetime(2026, 2, 1, tzinfo=dt.timezone.utc)
    create_user(Role.FOCAL_POINT, "FRA")  # invited, never signed in
    db.session.commit()
    login_as(Role.SECRETARIAT)
    page = lambda query: client.get(f"/cycles/salvador-2026/?{query}").get_data(as_text=True)  # noqa: E731
    assert state_names(page("q=an")) == ["Canada", "France", "Japan"]
    assert state_names(page("q=FRAN")) == ["France"]
    assert state_names(page("q=  ")) == ["Argentina", "Canada", "France", "Japan"]
    assert state_names(page("sort=state&dir=desc")) == ["Japan", "France", "Canada", "Argentina"]
    assert state_names(page("sort=status")) == ["Argentina", "France", "Canada", "Japan"]  # not started, then draft
    assert state_names(page("sort=progress&dir=desc"))[:2] == ["Canada", "Japan"]
    assert state_names(page("sort=group")) == ["Japan", "Argentina", "Canada", "France"]
    assert state_names(page("sort=nonsense")) == ["Argentina", "Canada", "France", "Japan"]
    # Whether each State has a focal point who has signed in: the States to chase first.
    html = page("sort=focal")
    assert state_names(html)[-1] == "Japan"  # the only State whose focal point has signed in
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th>\s*<td>[^<]*</td>\s*<td class="cycle-nowrap">(.*?)</td>', html))
    assert rows["Japan"] == "1 signed in"
    assert "1, never signed in" in rows["Canada"] and "1, never signed in" in rows["France"]
    assert "None" in rows["Argentina"]
    # The headings sort, say which column sorts the table, and keep the search and the filters.
    sorted_page = page("q=a&status=draft&sort=activity&dir=desc")
    assert 'aria-sort="descending"' in sorted_page and sorted_page.count("aria-sort=") == 1
    assert 'href="/cycles/salvador-2026/?status=draft&amp;q=a&amp;sort=state&amp;dir=asc"' in sorted_page
    assert '<input type="search" id="q" name="q" value="a"' in sorted_page


def test_dashboard_issues_as_many_queries_for_60_states_as_for_3(client, db, login_as, make_cycle, create_user, count_statements):
    codes = db.session.scalars(
        sa.select(MemberState.code).where(MemberState.is_observer.is_(False)).order_by(MemberState.sort_key).limit(60)
    ).all()
    small = make_cycle(codes[:3], key="small")
    large = make_cycle(codes, key="large")
    for cycle, code in ((small, codes[0]), (large, codes[0]), (large, codes[30])):
        submission = submission_of(db, cycle, code)
        submission.status = SubmissionStatus.DRAFT
    db.session.commit()
    login_as(Role.SECRETARIAT)
    client.get("/cycles/small/")  # warm up: the first request loads what is cached for the process
    counts = {}
    for key, invited in (("small", 3), ("large", 60)):
        with count_statements() as statements:
            html = client.get(f"/cycles/{key}/").get_data(as_text=True)
        assert len(state_names(html)) == invited
        counts[key] = len(statements)
    assert counts["small"] == counts["large"], counts
    with count_statements() as filtered:
        client.get("/cycles/large/?status=draft&group=african")
    assert len(filtered) == counts["large"]


def test_focal_point_dashboard_lists_the_states_replies(client, db, create_user, make_cycle, answer):
    older = make_cycle(["CAN", "ARG"], key="salvador-2011", opens_on=dt.date(2010, 12, 21))
    current = make_cycle(["CAN", "JPN"])
    make_cycle(["ARG"], key="salvador-2030", opens_on=dt.date(2030, 1, 1))  # Canada is not invited
    focal = create_user(Role.FOCAL_POINT, "CAN")
    answer(current, "CAN", focal, "SD-2", "status", "fully")
    close_cycle(older)
    db.session.commit()
    login(client, focal)
    html = client.get("/dashboard").get_data(as_text=True)
    assert "Your State&#39;s replies" in html or "Your State's replies" in html
    assert "Follow-up to the Salvador Declaration (salvador-2026)" in html
    assert "salvador-2030" not in html
    assert "Deadline" in html and "15 April 2026" in html
    required = submission_of(db, current, "CAN").required_count
    assert f"1 of {required} answered" in html and "Continue the reply" in html
    assert 'href="/cycles/salvador-2026/states/CAN/"' in html
    assert "Earlier cycles" in html and 'href="/cycles/salvador-2011/states/CAN/"' in html
    assert "/cycles/salvador-2026/states/JPN/" not in html


def test_contributor_without_invitation_is_told_so(client, create_user, make_cycle):
    make_cycle(["ARG"])
    login(client, create_user(Role.CONTRIBUTOR, "CAN"))
    html = client.get("/dashboard").get_data(as_text=True)
    assert "not invited to any open reporting cycle" in html


def test_staff_dashboard_shows_the_open_cycles_with_counts(client, create_user, login_as, make_cycle, answer):
    cycle = make_cycle(["CAN", "ARG", "JPN"])
    make_cycle(["FRA"], key="in-preparation", is_open=False)
    answer(cycle, "CAN", create_user(Role.FOCAL_POINT, "CAN"), "SD-2", "status", "fully")
    login_as(Role.SECRETARIAT)
    html = client.get("/dashboard").get_data(as_text=True)
    section = html[html.index("Open reporting cycles"):html.index("Shortcuts")]
    assert "Follow-up to the Salvador Declaration (salvador-2026)" in section and "in-preparation" not in section
    assert "<dt>States invited</dt><dd>3</dd>" in section
    assert "<dt>Not started</dt><dd>2</dd>" in section and "<dt>Draft</dt><dd>1</dd>" in section
    assert 'href="/cycles/salvador-2026/"' in section
