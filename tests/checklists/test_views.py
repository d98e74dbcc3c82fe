"""The Secretariat's pages on checklist templates: the list, one version, the blank PDF."""

from __future__ import annotations

import html
import re

import pytest

from portal.checklists import services
from portal.core.access import Role


@pytest.fixture
def salvador(db, salvador_file):
    template, _ = services.import_template(salvador_file)
    db.session.commit()
    return template


@pytest.fixture
def lakeside(db, test_template_file):
    template, _ = services.import_template(test_template_file)
    db.session.commit()
    return template


def page_text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_list_shows_each_version_with_counts_and_use(client, login_as, salvador, lakeside):
    services.lock_template_version(salvador)
    login_as(Role.SECRETARIAT)
    response = client.get("/checklists/")
    assert response.status_code == 200
    page = page_text(response)
    assert "Salvador Declaration on Comprehensive Strategies for Global Challenges" in page
    assert "Lakeside Declaration on Community Justice" in page
    assert 'href="/checklists/salvador-declaration/3/"' in page
    assert re.search(r"<td>55</td>\s*<td>17</td>", page) and re.search(r"<td>5</td>\s*<td>2</td>", page)
    assert "Yes, since" in page
    assert 'href="/checklists/"' in page  # the navigation item


def test_browse_page_shows_all_55_paragraphs_for_the_secretariat(client, login_as, salvador):
    login_as(Role.SECRETARIAT)
    response = client.get("/checklists/salvador-declaration/3/")
    assert response.status_code == 200
    page = page_text(response)
    for item in salvador.items:
        assert f'id="item-{item.code}"' in page
        assert f'<span class="checklist-number">{item.paragraph}.</span> {item.text["en"]}</p>' in page
    assert len(re.findall(r'<article class="checklist-item"', page)) == 55
    for theme in salvador.themes:
        assert theme.title["en"] in page
    assert "Addressed to: Member States" in page and "Addressed to: Declaratory" in page
    assert "Addressed to: Bodies at the policy level" in page
    assert "Addressed to: Private sector and civil society" in page
    assert "Questions asked once per checklist" in page
    assert 'href="/checklists/salvador-declaration/3/checklist.pdf?lang=en"' in page
    assert "<script" not in page and "style=" not in page


def test_conditions_are_explained_in_words(client, login_as, salvador):
    login_as(Role.ADMINISTRATOR)
    page = page_text(client.get("/checklists/salvador-declaration/3/"))
    assert ("Shown and required when “Status of implementation” is “Fully implemented”, “Partially implemented” "
            "or “Planned or under way”") in page
    assert "Shown and required when “Status of implementation” is “Not applicable”" in page
    assert ("Shown when “Status of implementation” is “Partially implemented”, “Planned or under way” or "
            "“Not implemented”") in page
    assert "Shown and required when the answers to “Challenges to implementation” include “Other”" in page
    assert ("Shown and required when the answer to “Does your State need technical assistance to implement this "
            "paragraph?” is “Yes”") in page


@pytest.mark.parametrize("role", [Role.FOCAL_POINT, Role.CONTRIBUTOR])
def test_state_users_may_not_see_templates(client, login_as, salvador, role):
    login_as(role, "CAN")
    for url in ("/checklists/", "/checklists/salvador-declaration/3/", "/checklists/salvador-declaration/3/checklist.pdf"):
        assert client.get(url).status_code == 403, url


def test_anonymous_visitors_are_sent_to_sign_in(client, salvador):
    response = client.get("/checklists/salvador-declaration/3/")
    assert response.status_code == 302 and "/login?next=" in response.headers["Location"]


def test_unknown_template_or_version_is_404(client, login_as, salvador):
    login_as(Role.SECRETARIAT)
    assert client.get("/checklists/salvador-declaration/9/").status_code == 404
    assert client.get("/checklists/no-such-template/1/").status_code == 404
    assert client.get("/checklists/no-such-template/1/checklist.pdf").status_code == 404


def test_the_test_template_in_french(client, login_as, lakeside):
    login_as(Role.SECRETARIAT)
    page = page_text(client.get("/checklists/test-declaration/1/?lang=fr"))
    assert '<h1 lang="fr" dir="ltr">Déclaration de Lakeside</h1>' in page
    for item in lakeside.items:
        assert f'<span class="checklist-number">{item.paragraph}.</span> {item.text["fr"]}</p>' in page
    assert "Justice de proximité" in page and "Prévention de la criminalité rurale" in page
    assert "“État de la mise en œuvre” is “Pleinement mise en œuvre” or “Partiellement mise en œuvre”" in page
    assert 'href="/checklists/test-declaration/1/?lang=en"' in page  # the other language
    english = page_text(client.get("/checklists/test-declaration/1/?lang=de"))  # not carried: English
    assert "<h1 lang=\"en\" dir=\"ltr\">Lakeside Declaration</h1>" in english


def test_blank_pdf_is_downloaded_in_the_language_asked(client, login_as, lakeside):
    login_as(Role.SECRETARIAT)
    response = client.get("/checklists/test-declaration/1/checklist.pdf?lang=fr")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == "attachment; filename=test-declaration-v1-fr.pdf"
    assert response.data.startswith(b"%PDF-")


def test_blank_pdf_is_rendered_once_per_version_language_and_design(app, client, login_as, lakeside):
    from pathlib import Path

    login_as(Role.SECRETARIAT)
    first = client.get("/checklists/test-declaration/1/checklist.pdf?lang=fr").data
    [cached] = (Path(app.config["CACHE_DIR"]) / "checklists").glob("test-declaration-v1-fr-*.pdf")
    assert cached.read_bytes() == first
    cached.write_bytes(first + b"%kept")  # served from the cache: no second rendering
    assert client.get("/checklists/test-declaration/1/checklist.pdf?lang=fr").data == first + b"%kept"
    cached.unlink()
