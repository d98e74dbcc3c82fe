"""A focal point gives themes to the State's team; each person sees their themes first."""

from portal.core.access import Role
from tests.answers.conftest import submission_of
from tests.conftest import csrf_fields, login


def test_a_focal_point_assigns_themes_and_the_contributor_sees_them_first(app, client, login_as, make_cycle, create_user, db):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    contributor = create_user(Role.CONTRIBUTOR, "CAN", name="Jean Contributor")
    other_state = create_user(Role.CONTRIBUTOR, "ARG", name="Ana Contributor")
    url = f"/cycles/{cycle.key}/states/CAN/assignments"
    page = client.get(url).get_data(as_text=True)
    assert "Jean Contributor" in page and "Ana Contributor" not in page
    response = client.post(url, data={**csrf_fields(page), "theme-prisons": str(contributor.id),
                                      "theme-cybercrime": [str(contributor.id)]})
    assert response.status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert f'name="theme-prisons" value="{contributor.id}" checked' in page
    # someone of another State cannot be given a theme
    response = client.post(url, data={**csrf_fields(page), "theme-prisons": str(other_state.id)})
    assert "active members of the State" in response.get_data(as_text=True)

    reader = app.test_client()
    login(reader, contributor)
    home = reader.get(f"/cycles/{cycle.key}/states/CAN/").get_data(as_text=True)
    mine = home[home.index("Assigned to you"):home.index('id="themes-title"')]
    assert "Treatment of prisoners" in mine and "Use of science and technology" in mine
    assert "Children, youth and crime" not in mine
    listing = reader.get(url).get_data(as_text=True)
    assert "Jean Contributor" in listing and 'name="theme-prisons"' not in listing  # contributors read, do not assign
    assert reader.post(url, data=csrf_fields(listing)).status_code == 403
    # unassigning
    client.post(url, data=csrf_fields(page))
    home = reader.get(f"/cycles/{cycle.key}/states/CAN/").get_data(as_text=True)
    assert "Assigned to you" not in home
    assert submission_of(db, cycle) is not None
