"""Saving a theme page with the Save button, as without JavaScript: answers kept, errors tied to fields."""

import re

from portal.core.access import Role
from portal.submissions import services
from tests.answers.conftest import item, page_url, post_json, save, submission_of


def stored(submission, template, code):
    return {q: a.value for q, a in services.answers_by_item(submission).get(item(template, code).id, {}).items()}


def form_of(html: str) -> dict:
    """Return the values the page's form would post as it stands (text, hidden, checked choices, textareas)."""
    data = {}
    form = html[html.index('<form id="answers-form"'):html.index("</form>", html.index('<form id="answers-form"'))]
    for tag in re.findall(r"<input [^>]*>", form):
        name = re.search(r'name="([^"]+)"', tag)
        kind = re.search(r'type="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if not name or (kind and kind.group(1) in ("radio", "checkbox") and " checked" not in tag):
            continue
        data.setdefault(name.group(1), []).append(value.group(1) if value else "")
    for name, text in re.findall(r'<textarea id="[^"]+" name="([^"]+)"[^>]*>\n(.*?)</textarea>', form, re.S):
        data[name] = [text]
    return data


def test_saving_a_theme_stores_every_answer_and_says_when(client, login_as, make_cycle, db, salvador):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    url = page_url(cycle, "standards-norms")
    html = client.get(url).get_data(as_text=True)
    data = {**form_of(html), "action": "save", "q-SD-2-status": "partially", "q-SD-2-measures": "A national strategy.",
            "q-SD-2-challenges": ["resources", "capacity"], "q-SD-2-references-0-title": "Criminal Code",
            "q-SD-2-references-0-date": "1985-01-01", "q-SD-1-assistance_needed": "no"}
    response = client.post(url, data=data)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/themes/standards-norms?check=1#main")
    answers = stored(submission_of(db, cycle), salvador, "SD-2")
    assert answers["status"] == "partially" and answers["measures"] == "A national strategy."
    assert answers["challenges"] == ["capacity", "resources"]  # the template's order
    assert answers["references"] == [{"title": "Criminal Code", "citation": "", "date": "1985-01-01", "link": ""}]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert re.search(r"Saved at \d\d:\d\d UTC: 5 answers\.", page)
    # the page shows what was saved, and after an explicit save the required answers still missing
    assert 'value="partially" checked' in page and "A national strategy." in page
    # a link to a group of options leads to its first option, which takes the cursor also without JavaScript
    assert 'id="missing-summary"' in page and '<a href="#q-SD-1-status-fully">Paragraph 1, Status of implementation</a>' in page
    assert re.search(r'id="q-SD-1-status" aria-describedby="[^"]*q-SD-1-status-missing', page)
    assert 'href="#q-SD-2-status' not in page


def test_an_invalid_answer_is_named_tied_to_its_field_and_everything_typed_is_kept(client, login_as, make_cycle, db, salvador):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    url = page_url(cycle, "standards-norms")
    html = client.get(url).get_data(as_text=True)
    typed = "Measures typed <b>by hand</b>, not to be lost.\n\nSecond paragraph."
    data = {**form_of(html), "action": "save", "q-SD-3-status": "partially", "q-SD-3-measures": typed,
            "q-SD-3-references-0-title": "Act", "q-SD-3-references-0-link": "javascript:alert(1)",
            "q-SD-4-examples": "Kept too."}
    response = client.post(url, data=data)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    # the error summary at the top links to the field; the field says what is wrong and is marked invalid
    assert 'id="error-summary"' in page
    assert '<a href="#q-SD-3-references-0-title">Paragraph 3, Legal and policy references: Reference 1: a link starts with https:// or http://.</a>' in page
    assert re.search(r'<fieldset class="references" id="q-SD-3-references" aria-describedby="[^"]*q-SD-3-references-error', page)
    assert '<p class="error" id="q-SD-3-references-error">' in page
    assert 'value="javascript:alert(1)"' in page and 'id="q-SD-3-references-0-title" name="q-SD-3-references-0-title" value="Act"' in page
    # the valid answers were saved, and everything typed is on the page
    answers = stored(submission_of(db, cycle), salvador, "SD-3")
    assert answers["measures"] == typed and "references" not in answers
    assert "Measures typed &lt;b&gt;by hand&lt;/b&gt;, not to be lost.\n\nSecond paragraph." in page
    assert "Kept too." in page
    assert re.search(r"Saved at \d\d:\d\d UTC: 3 answers\.", page)


def test_a_long_answer_of_60000_characters_is_kept_whole(client, login_as, make_cycle, db, salvador):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    url = page_url(cycle, "standards-norms")
    long_text = ("Paragraph of measures, with figures 2010-2026 and accents: é, ü, ç.\n" * 1000)[:59_999] + "Z"
    assert len(long_text) == 60_000
    html = client.get(url).get_data(as_text=True)
    response = client.post(url, data={**form_of(html), "q-SD-1-status": "fully", "q-SD-1-measures": long_text})
    assert response.status_code == 302
    assert stored(submission_of(db, cycle), salvador, "SD-1")["measures"] == long_text
    page = client.get(url).get_data(as_text=True)
    assert long_text in page


def test_reference_rows_are_added_and_removed_without_javascript(client, login_as, make_cycle, db, salvador):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    url = page_url(cycle, "standards-norms")
    html = client.get(url).get_data(as_text=True)
    assert 'name="q-SD-2-references-rows" value="1"' in html  # no reference yet: one empty row
    response = client.post(url, data={**form_of(html), "action": "add-row:q-SD-2-references",
                                      "q-SD-2-references-0-title": "Youth Criminal Justice Act"})
    assert response.status_code == 302 and "#q-SD-2-references" in response.headers["Location"]
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'name="q-SD-2-references-rows" value="2"' in html  # the reference saved, and a new empty row
    response = client.post(url, data={**form_of(html), "action": "add-row:q-SD-2-references"})
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'name="q-SD-2-references-rows" value="3"' in html  # one empty row more than the page had
    data = {**form_of(html), "action": "save", "q-SD-2-references-1-title": "Criminal Code",
            "q-SD-2-references-2-title": "Privacy Act"}
    saved = client.post(url, data=data)
    # Save returns to the top of the page, where the summary is, not to the table of the row added before.
    assert saved.status_code == 302 and saved.headers["Location"].endswith("?check=1#main")
    references = stored(submission_of(db, cycle), salvador, "SD-2")["references"]
    assert [r["title"] for r in references] == ["Youth Criminal Justice Act", "Criminal Code", "Privacy Act"]
    html = client.get(url).get_data(as_text=True)
    assert 'name="q-SD-2-references-rows" value="4"' in html  # N + 1
    client.post(url, data={**form_of(html), "action": "remove-row:q-SD-2-references:1"})
    references = stored(submission_of(db, cycle), salvador, "SD-2")["references"]
    assert [r["title"] for r in references] == ["Youth Criminal Justice Act", "Privacy Act"]


def test_a_field_someone_else_changed_and_this_person_left_alone_is_no_conflict(client, login_as, make_cycle, create_user, db, salvador):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    contributor = create_user(Role.CONTRIBUTOR, "CAN")
    submission = submission_of(db, cycle)
    save(submission, contributor, salvador, ("SD-2", "examples", "First version.", 0))
    db.session.commit()
    url = page_url(cycle, "standards-norms")
    html = client.get(url).get_data(as_text=True)  # loaded with revision 1 of SD-2's examples
    save(submission, contributor, salvador, ("SD-2", "examples", "The contributor's newer version.", 1))
    db.session.commit()
    response = client.post(url, data={**form_of(html), "q-SD-2-status": "fully"})  # examples posted as loaded
    assert response.status_code == 302
    answers = stored(submission, salvador, "SD-2")
    assert answers["examples"] == "The contributor's newer version." and answers["status"] == "fully"


def test_the_no_change_mark_needs_a_last_report_and_completes_the_item(client, login_as, db, salvador, earlier_and_current):
    _earlier, cycle = earlier_and_current()
    login_as(Role.FOCAL_POINT, "CAN")
    url = page_url(cycle, "standards-norms")
    html = client.get(url).get_data(as_text=True)
    assert '<input type="checkbox" id="q-SD-3-unchanged" name="q-SD-3-unchanged" value="yes"' in html
    client.post(url, data={**form_of(html), "q-SD-3-unchanged": "yes"})
    submission = submission_of(db, cycle)
    assert stored(submission, salvador, "SD-3")["_unchanged"] == "yes"
    assert submission.item_progress["SD-3"] == [1, 1]
    assert all(m.item is None or m.item.code != "SD-3" for m in services.missing_answers(submission))
    html = client.get(url).get_data(as_text=True)
    assert 'name="q-SD-3-unchanged" value="yes" checked' in html
    client.post(url, data={**form_of(html), "q-SD-3-unchanged": []})  # unticked
    assert stored(submission, salvador, "SD-3").get("_unchanged") is None


def test_the_focal_points_e_mail_must_be_an_address_named_at_its_field_and_kept(client, login_as, make_cycle, db, salvador):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    url = page_url(cycle)  # the questions asked once per checklist
    html = client.get(url).get_data(as_text=True)
    field = re.search(r'<input type="email" id="q-general-focal_point_email"[^>]*>', html).group(0)
    assert 'autocomplete="email"' in field and 'maxlength="254"' in field
    response = client.post(url, data={**form_of(html), "action": "save", "q-general-focal_point_email": "not-an-email",
                                      "q-general-focal_point_name": "Claire Tremblay"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "E-mail address of the national focal point: Enter an e-mail address, such as name@ministry.gov.example." in page
    assert 'value="not-an-email"' in page and 'aria-invalid="true"' in re.search(
        r'<input type="email" id="q-general-focal_point_email"[^>]*>', page).group(0)
    general = services.answers_by_item(submission_of(db, cycle)).get(None, {})
    assert "focal_point_email" not in general and general["focal_point_name"].value == "Claire Tremblay"
    # The JSON autosave refuses it too; a real address is saved, its domain in lower case.
    data = post_json(client, cycle, [{"item": None, "question": "focal_point_email", "value": "claire@@justice",
                                      "base_revision": 0}]).get_json()
    assert [e["field"] for e in data["errors"]] == ["q-general-focal_point_email"]
    data = post_json(client, cycle, [{"item": None, "question": "focal_point_email",
                                      "value": " Claire.Tremblay@Justice.GC.CA ", "base_revision": 0}]).get_json()
    assert data["errors"] == []
    general = services.answers_by_item(submission_of(db, cycle))[None]
    assert general["focal_point_email"].value == "Claire.Tremblay@justice.gc.ca"
