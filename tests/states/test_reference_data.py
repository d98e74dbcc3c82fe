"""Member States reference data: the data file, loading, names over time."""

import datetime as dt
from collections import Counter

import pytest
import sqlalchemy as sa

from portal.states.models import MemberState, RegionalGroup
from portal.states.services import ReferenceDataError, load_states, read_former_names, read_states


def test_data_file_has_193_members_and_two_observers():
    rows = read_states()
    assert len(rows) == 195
    observers = sorted(row["code"] for row in rows if row["is_observer"])
    assert observers == ["PSE", "VAT"]
    groups = Counter(row["regional_group"] for row in rows if not row["is_observer"])
    assert groups == {
        RegionalGroup.AFRICAN: 54,
        RegionalGroup.ASIA_PACIFIC: 54,
        RegionalGroup.EASTERN_EUROPEAN: 23,
        RegionalGroup.LATIN_AMERICAN_CARIBBEAN: 33,
        RegionalGroup.WESTERN_EUROPEAN_OTHER: 29,
    }


def test_un_style_names_in_lists_and_running_text(state):
    iran = state("IRN")
    assert iran.list_name == "Iran (Islamic Republic of)"
    assert iran.text_name == "the Islamic Republic of Iran"
    assert state("GBR").text_name == "the United Kingdom of Great Britain and Northern Ireland"
    assert state("ARG").text_name == "Argentina"


@pytest.mark.parametrize(
    "code, date, list_name, text_name",
    [
        ("CZE", dt.date(2011, 1, 30), "Czech Republic", "the Czech Republic"),
        ("CZE", dt.date(2016, 5, 17), "Czechia", "Czechia"),
        ("TUR", dt.date(2011, 1, 30), "Turkey", "Turkey"),
        ("TUR", dt.date(2023, 1, 1), "Türkiye", "Türkiye"),
        ("SWZ", dt.date(2011, 1, 30), "Swaziland", "Swaziland"),
        ("SWZ", dt.date(2024, 1, 1), "Eswatini", "Eswatini"),
        ("MKD", dt.date(2011, 1, 30), "The former Yugoslav Republic of Macedonia", "the former Yugoslav Republic of Macedonia"),
        ("MKD", dt.date(2019, 2, 14), "North Macedonia", "North Macedonia"),
        ("LBY", dt.date(2011, 1, 30), "Libyan Arab Jamahiriya", "the Libyan Arab Jamahiriya"),
        ("LBY", dt.date(2012, 1, 1), "Libya", "Libya"),
    ],
)
def test_a_document_prints_the_name_in_force_on_its_date(state, code, date, list_name, text_name):
    assert state(code).names_on(date) == (list_name, text_name)


def test_un_alphabetical_order_folds_accents(db):
    codes = [code for code in db.session.scalars(sa.select(MemberState.code).order_by(MemberState.sort_key))]
    assert codes.index("CRI") < codes.index("CIV") < codes.index("HRV")  # Costa Rica, Côte d'Ivoire, Croatia
    assert codes.index("TUN") < codes.index("TUR") < codes.index("TKM")  # Tunisia, Türkiye, Turkmenistan


def test_loading_again_changes_nothing(db):
    result = load_states()
    assert (result.added, result.updated, result.unchanged) == (0, 0, 195)


def test_loading_updates_a_changed_row(db, state):
    state("CAN").list_name = "Old Canada"
    db.session.flush()
    result = load_states()
    assert result.updated == 1
    assert state("CAN").list_name == "Canada"


def test_bad_data_file_names_file_line_and_column(tmp_path):
    path = tmp_path / "states.csv"
    path.write_text(
        "code,list_name,text_name,sort_key,regional_group,is_observer,member_since\n"
        "CAN,Canada,Canada,canada,western-european-other,0,1945-10-24\n"
        "ARG,Argentina,Argentina,argentina,south-american,0,1945-10-24\n",
        encoding="utf-8",
    )
    with pytest.raises(ReferenceDataError) as error:
        read_states(path)
    assert str(error.value).startswith(f"{path}:3: regional_group: expected one of african,")
    bad_date = tmp_path / "former.csv"
    bad_date.write_text("code,list_name,text_name,used_until\nCZE,Czech Republic,the Czech Republic,2016-13-01\n")
    with pytest.raises(ReferenceDataError, match=r"former.csv:2: used_until: expected a date"):
        read_former_names(bad_date)


def test_cli_load_and_list(app, db):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["states", "load"])
    assert result.exit_code == 0
    assert "0 added" in result.output and "195 unchanged" in result.output
    listing = runner.invoke(args=["states", "list"]).output.splitlines()
    assert len(listing) == 195
    assert "IRN\tIran (Islamic Republic of)\tasia-pacific" in listing
    assert listing[0].startswith("AFG\tAfghanistan\t")
    members = runner.invoke(args=["states", "list", "--no-observers"]).output.splitlines()
    assert len(members) == 193


def test_states_page_filters_by_group(client, login_as):
    from portal.core.access import Role

    login_as(Role.SECRETARIAT)
    page = client.get("/states/?group=eastern-european").get_data(as_text=True)
    assert "23 States" in page and "Czechia" in page and "Canada" not in page
