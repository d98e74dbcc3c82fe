"""Rendering a theme page or saving an answer costs the same number of SQL statements
whatever the number of items on the page or of States in the cycle."""

import datetime as dt
from contextlib import contextmanager

import sqlalchemy as sa

from portal.answers.structure import clear_cache
from portal.core.access import Role
from portal.states.models import MemberState
from portal.submissions import services
from tests.answers.conftest import fill_everything, item, meta_token, page_url, save_url, submission_of
from tests.answers.test_saving import form_of
from tests.conftest import login

SMALL_THEME, SMALL_ITEM = "crime-data", "SD-11"  # one paragraph
LARGE_THEME, LARGE_ITEM = "international-cooperation", "SD-16"  # six paragraphs


@contextmanager
def counting(engine):
    """Collect the statements a request sends; the savepoints of the tests' own transaction are left out."""
    statements = []

    def count(conn, cursor, statement, parameters, context, executemany):
        if not statement.startswith(("SAVEPOINT", "RELEASE SAVEPOINT")):
            statements.append(statement)

    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)


def reply_in_cycle(db, make_cycle, create_user, salvador, codes, year):
    """Canada answered the cycle of ``year - 1`` and is answering the cycle of ``year`` with comments to address."""
    focal = create_user(Role.FOCAL_POINT, "CAN")
    officers = [create_user(Role.SECRETARIAT), create_user(Role.SECRETARIAT)]
    earlier = make_cycle(codes, key=f"earlier-{year}", opens_on=dt.date(year - 1, 1, 15))
    old = submission_of(db, earlier)
    fill_everything(old, focal, salvador, status="partially")
    services.submit_reply(old, focal)
    cycle = make_cycle(codes, key=f"current-{year}", opens_on=dt.date(year, 1, 15))
    current = submission_of(db, cycle)
    fill_everything(current, focal, salvador, status="planned")
    services.submit_reply(current, focal)
    for number, code in enumerate((SMALL_ITEM, LARGE_ITEM, "SD-17", "SD-18", "SD-20")):
        officer = officers[number % 2]
        services.add_review_comment(current, officer, item(salvador, code), f"Say more about paragraph {code}.")
    services.return_for_revision(current, officers[0])  # the State sees the comments from now on
    db.session.commit()
    return cycle, focal


def measure(app, db, cycle, focal):
    """Return the statements of each request: theme pages, the autosave of one answer, a page saved with one change."""
    client = app.test_client()
    login(client, focal)
    counts = {}
    for theme, code in ((SMALL_THEME, SMALL_ITEM), (LARGE_THEME, LARGE_ITEM)):
        size = "small" if theme == SMALL_THEME else "large"
        clear_cache()
        html = client.get(page_url(cycle, theme)).get_data(as_text=True)  # builds the checklist's arrangement once
        with counting(db.engine) as statements:
            response = client.get(page_url(cycle, theme))
        assert response.status_code == 200 and f'id="item-{code}"' in response.get_data(as_text=True)
        counts[f"page {size}"] = len(statements)
        change = {"item": code, "question": "examples", "value": f"Autosaved {code}.", "base_revision": 0}
        with counting(db.engine) as statements:
            response = client.post(save_url(cycle), json={"changes": [change]}, headers={"X-CSRFToken": meta_token(html)})
        assert response.get_json()["saved"], response.get_json()
        counts[f"autosave {size}"] = len(statements)
        page = client.get(page_url(cycle, theme)).get_data(as_text=True)
        with counting(db.engine) as statements:
            response = client.post(page_url(cycle, theme), data={**form_of(page), f"q-{code}-agencies": "Ministry."})
        assert response.status_code == 302
        counts[f"page save {size}"] = len(statements)
    return counts


def test_statements_do_not_grow_with_items_or_states(app, db, make_cycle, create_user, salvador):
    few_states = ["CAN", "ARG"]
    many_states = ["CAN"] + db.session.scalars(
        sa.select(MemberState.code).where(MemberState.code != "CAN", MemberState.is_observer.is_(False))
        .order_by(MemberState.code).limit(39)
    ).all()
    assert len(many_states) == 40
    small_cycle, small_focal = reply_in_cycle(db, make_cycle, create_user, salvador, few_states, 2022)
    large_cycle, large_focal = reply_in_cycle(db, make_cycle, create_user, salvador, many_states, 2026)

    with_two_states = measure(app, db, small_cycle, small_focal)
    with_forty_states = measure(app, db, large_cycle, large_focal)
    print("statements per request, 2 States:", with_two_states, "40 States:", with_forty_states)

    assert with_two_states == with_forty_states
    for counts in (with_two_states, with_forty_states):
        assert counts["page small"] == counts["page large"]
        assert counts["autosave small"] == counts["autosave large"]
        assert counts["page save small"] == counts["page save large"]
        # the user, the reply, the last report (which one, then its answers), the answers, the comments
        assert counts["page small"] == 6
        # the user, the reply, the answers of the item; then the answer, its revision and the reply's progress
        assert counts["autosave small"] == 6 and counts["page save small"] == 6
