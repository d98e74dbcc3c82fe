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


def test_every_state_has_its_un_name_in_the_five_other_languages():
    from portal.states.names import NAME_LANGUAGES, names_in_languages

    names = names_in_languages()
    assert set(names) == {row["code"] for row in read_states()}
    assert names["BOL"] == {"ar": "بوليفيا (دولة - المتعددة القوميات)", "es": "Bolivia (Estado Plurinacional de)",
                            "fr": "Bolivie (État plurinational de)", "ru": "Боливия (Многонациональное Государство)",
                            "zh": "玻利维亚（多民族国）"}
    assert names["TUR"]["fr"] == "Türkiye" and names["MKD"]["es"] == "Macedonia del Norte"
    for code, by_language in names.items():
        assert set(by_language) == set(NAME_LANGUAGES), code
        assert not any(letter.isascii() and letter.isalpha() for letter in by_language["ru"] + by_language["ar"]), code


def test_a_bad_names_file_names_the_file_line_and_column(tmp_path):
    from portal.states.names import names_in_languages

    path = tmp_path / "names.csv"
    path.write_text("code,ar,es,fr,ru,zh\nAFG,أفغانستان,Afganistán,,Афганистан,阿富汗\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"names\.csv:2: fr: the name of AFG is missing"):
        names_in_languages.__wrapped__(path)
    path.write_text("code,ar,es,fr,ru,zh\nAFG,أفغانستان,Afganistán,Afghanistan,Афганистан,阿富汗\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"no names for ALB, DZA"):
        names_in_languages.__wrapped__(path)


def test_the_states_page_names_and_orders_the_states_in_the_readers_language(client, db, login_as):
    from portal.core.access import Role

    officer = login_as(Role.SECRETARIAT)
    officer.language = "fr"
    db.session.commit()
    page = client.get("/states/?group=western-european-other").get_data(as_text=True)
    assert "Allemagne" in page and "Germany" not in page
    # in French, Germany (Allemagne) comes before Andorra (Andorre) and Austria (Autriche) after them
    assert page.index("Allemagne") < page.index("Andorre") < page.index("Autriche")
    officer.language = "en"
    db.session.commit()
    page = client.get("/states/?group=western-european-other").get_data(as_text=True)
    assert page.index("Andorra") < page.index("Austria") < page.index("Germany")


@pytest.mark.parametrize(
    "code, date, language, name",
    [
        ("SWZ", dt.date(2011, 1, 30), "es", "Swazilandia"),
        ("SWZ", dt.date(2011, 1, 30), "ru", "Свазиленд"),
        ("SWZ", dt.date(2024, 1, 1), "es", "Eswatini"),
        ("MKD", dt.date(2011, 1, 30), "fr", "ex-République yougoslave de Macédoine"),
        ("MKD", dt.date(2019, 2, 14), "fr", "Macédoine du Nord"),
        ("LBY", dt.date(2011, 1, 30), "ar", "الجماهيرية العربية الليبية"),
        ("CZE", dt.date(2011, 1, 30), "zh", "捷克共和国"),
        ("CZE", dt.date(2011, 1, 30), "en", "Czech Republic"),
    ],
)
def test_a_reply_in_another_language_names_the_state_as_it_was_named_then_in_that_language(state, code, date, language, name):
    assert state(code).name_on(date, language) == name


def test_every_former_name_has_its_names_in_the_five_other_languages(tmp_path):
    from portal.states.names import FORMER_NAMES_FILE, former_names_in_languages

    assert len(former_names_in_languages()) == sum(len(rows) for rows in read_former_names().values())
    lines = FORMER_NAMES_FILE.read_text(encoding="utf-8").splitlines()
    missing = tmp_path / "former.csv"
    missing.write_text("\n".join([lines[0], lines[1].replace(",Bolivie,", ",,"), *lines[2:]]) + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"former.csv:2: fr: the former name of BOL is missing"):
        former_names_in_languages.__wrapped__(missing)
    short = tmp_path / "short.csv"
    short.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"short.csv: the former names differ from former_names.csv: \[\('TUR'"):
        former_names_in_languages.__wrapped__(short)
