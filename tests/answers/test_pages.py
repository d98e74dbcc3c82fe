"""The theme pages, the general questions and the checklist home, as a focal point and as staff read them."""

import re
from html.parser import HTMLParser

import yaml

from portal.core.access import Role
from portal.submissions import services
from portal.submissions.models import SubmissionStatus
from tests.answers.conftest import fill_everything, item, page_url, save, submission_of
from tests.conftest import CHECKLISTS_DIR, csrf_fields


def salvador_texts() -> dict[str, str]:
    data = yaml.safe_load((CHECKLISTS_DIR / "salvador-declaration.yaml").read_text(encoding="utf-8"))
    return {entry["code"]: entry["text"]["en"] for entry in data["items"]}


class Controls(HTMLParser):
    """Collect the form controls of a page, the labels pointing at them and the fieldsets with their legends."""

    def __init__(self):
        super().__init__()
        self.controls, self.label_for, self.open_labels = [], set(), 0
        self.fieldsets, self.legends = [], 0
        self.in_fieldset = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label":
            self.open_labels += 1
            if attrs.get("for"):
                self.label_for.add(attrs["for"])
        elif tag in ("input", "textarea", "select") and attrs.get("type") not in ("hidden", "submit"):
            self.controls.append((tag, attrs, self.open_labels > 0))
        elif tag == "fieldset":
            self.fieldsets.append(attrs.get("id"))
        elif tag == "legend":
            self.legends += 1

    def handle_endtag(self, tag):
        if tag == "label":
            self.open_labels -= 1


def test_theme_page_shows_every_item_with_its_verbatim_paragraph_and_questions(client, login_as, make_cycle):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    response = client.get(page_url(cycle, "international-cooperation"))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    texts = salvador_texts()
    for code in ("SD-16", "SD-17", "SD-18", "SD-19", "SD-20", "SD-21"):
        assert f'id="item-{code}"' in html
        paragraph = texts[code].replace("'", "&#39;").replace('"', "&#34;")
        assert paragraph in html, code
    assert 'id="item-SD-22"' not in html  # the next theme's paragraph
    # one field class per type: a radio group in a fieldset, a textarea with its type's length limit, ...
    assert re.search(r'<fieldset class="choices" id="q-SD-16-status"[^>]*>\s*<legend>Status of implementation', html)
    assert '<textarea id="q-SD-16-measures" name="q-SD-16-measures"' in html
    assert re.search(r'<textarea id="q-SD-16-measures" name="q-SD-16-measures"[^>]* maxlength="100000" dir="auto">', html)
    assert 'type="checkbox" id="q-SD-16-challenges-coordination"' in html
    assert 'id="q-SD-16-references-0-title"' in html and 'value="add-row:q-SD-16-references"' in html
    assert 'type="radio" id="q-SD-16-assistance_needed-yes"' in html
    # SD-21 invites the Commission: only an optional comment
    assert 'id="q-SD-21-comment"' in html and 'id="q-SD-21-status"' not in html
    # conditional questions are all on the page, with a note saying when they apply
    assert "Shown and required when “Status of implementation” is “Fully implemented”, “Partially implemented” or “Planned or under way”" in html
    assert 'data-when-field="q-SD-16-status" data-when-in="fully partially planned"' in html
    # the navigation, the progress, the autosave's token and script
    assert "Previous theme: E. New and emerging forms of crime" in html and "Next theme: G. Money-laundering" in html
    assert "0 of 5 required answers given" in html
    assert '<meta name="csrf-token" content="' in html and "answers.js" in html


def test_every_control_has_a_label_and_every_group_a_legend(client, login_as, make_cycle):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    for url in (page_url(cycle, "standards-norms"), page_url(cycle)):
        parser = Controls()
        parser.feed(client.get(url).get_data(as_text=True))
        assert parser.controls
        unlabelled = [attrs.get("id") for tag, attrs, wrapped in parser.controls
                      if not wrapped and attrs.get("id") not in parser.label_for]
        assert unlabelled == []
        assert parser.legends == len(parser.fieldsets)


def test_reference_rows_are_labelled_by_row_and_show_their_values_as_text(client, login_as, make_cycle, db, salvador):
    cycle = make_cycle()
    focal = login_as(Role.FOCAL_POINT, "CAN")
    rows = [{"title": "Act <b>one</b>", "citation": "No. 1", "date": "", "link": ""},
            {"title": "Code & \"two\"", "citation": "No. 2", "date": "2001-02-03", "link": "https://laws.example/2"}]
    save(submission_of(db, cycle), focal, salvador, ("SD-2", "references", rows, 0))
    db.session.commit()
    html = client.get(page_url(cycle, "standards-norms")).get_data(as_text=True)
    assert 'value="Act &lt;b&gt;one&lt;/b&gt;"' in html and 'value="Code &amp; &#34;two&#34;"' in html
    for index in range(3):  # the two references, then an empty row
        for part, heading in (("title", "Title"), ("citation", "Citation or number"), ("date", "Date adopted"), ("link", "Link")):
            assert (f'<label class="visually-hidden" for="q-SD-2-references-{index}-{part}" data-label="{heading}">'
                    f"{heading}, reference {index + 1}</label>") in html
        assert f'value="remove-row:q-SD-2-references:{index}"' in html
    assert 'name="q-SD-2-references-rows" value="3"' in html


def test_general_questions_have_their_own_page(client, login_as, make_cycle):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    html = client.get(page_url(cycle)).get_data(as_text=True)
    assert '<input type="text" id="q-general-focal_point_name" name="q-general-focal_point_name"' in html
    assert 'id="q-general-tools_training"' in html
    assert "0 of 3 required answers given" in html


def test_unknown_theme_and_other_states_are_refused(client, login_as, make_cycle):
    cycle = make_cycle()
    login_as(Role.FOCAL_POINT, "ARG")
    assert client.get(page_url(cycle, "standards-norms", "CAN")).status_code == 404
    assert client.get(page_url(cycle, "no-such-theme", "ARG")).status_code == 404
    assert client.get(f"/cycles/{cycle.key}/states/CAN/").status_code == 404
    assert client.get(f"/cycles/{cycle.key}/states/CAN/items/SD-2/history").status_code == 404
    assert client.get("/cycles/no-such-cycle/states/ARG/").status_code == 404


def test_overview_shows_progress_themes_and_the_ways_on(client, login_as, make_cycle, create_user, db, salvador):
    cycle = make_cycle()
    focal = login_as(Role.FOCAL_POINT, "CAN")
    submission = submission_of(db, cycle)
    save(submission, focal, salvador, ("SD-2", "status", "fully", 0))
    officer = create_user(Role.SECRETARIAT)
    comment = services.add_review_comment(submission, officer, item(salvador, "SD-26"), "Describe juvenile justice measures.")
    comment.released_at = comment.created_at  # as an earlier return of the reply released it to the State
    db.session.commit()
    html = client.get(f"/cycles/{cycle.key}/states/CAN/").get_data(as_text=True)
    assert cycle.title in html and "Draft" in html and "<dd>15 April 2026</dd>" in html
    assert "1 of 4" in html  # the first theme: SD-2's status given, SD-2's measures now asked too
    assert "/themes/standards-norms" in html and "/themes/follow-up" in html and "/general" in html
    assert f"/cycles/{cycle.key}/states/CAN/submit" in html or "review" in html
    assert "1 open comment" in html
    for endpoint in ("review.submit", "review.timeline", "review.reply_pdf"):
        from flask import url_for

        assert url_for(endpoint, cycle_key=cycle.key, code="CAN", _external=False) in html


def test_staff_read_the_reply_as_text_and_cannot_save(client, login_as, make_cycle, create_user, db, salvador):
    cycle = make_cycle()
    focal = create_user(Role.FOCAL_POINT, "CAN")
    submission = submission_of(db, cycle)
    save(submission, focal, salvador, ("SD-2", "status", "partially", 0), ("SD-2", "measures", "Line one.\nLine two.", 0))
    db.session.commit()
    login_as(Role.SECRETARIAT)
    response = client.get(page_url(cycle, "standards-norms"))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="answers-form"' not in html and "<textarea" not in html
    assert "only its focal points and contributors change it" in html
    assert "Partially implemented" in html and "Line one.\nLine two." in html
    response = client.post(page_url(cycle, "standards-norms"), data={**csrf_fields(html), "rev-q-SD-2-status": "1",
                                                                         "q-SD-2-status": "fully"})
    assert response.status_code == 403
    assert services.answers_by_item(submission)[item(salvador, "SD-2").id]["status"].value == "partially"


def test_a_submitted_reply_is_read_only_and_a_late_save_keeps_what_was_typed(client, login_as, make_cycle, db, salvador):
    cycle = make_cycle()
    focal = login_as(Role.FOCAL_POINT, "CAN")
    submission = submission_of(db, cycle)
    page = client.get(page_url(cycle, "standards-norms")).get_data(as_text=True)  # loaded before submission
    fill_everything(submission, focal, salvador)
    services.submit_reply(submission, focal)
    db.session.commit()
    assert submission.status is SubmissionStatus.SUBMITTED
    html = client.get(page_url(cycle, "standards-norms")).get_data(as_text=True)
    assert 'id="answers-form"' not in html and "Measures for SD-2." in html
    assert "it can no longer be changed" in html
    typed = "A late addition that must not be lost."
    response = client.post(page_url(cycle, "standards-norms"),
                           data={**csrf_fields(page), "rev-q-SD-2-examples": "0", "q-SD-2-examples": typed})
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "Not saved" in html and typed in html
    assert "examples" not in services.answers_by_item(submission)[item(salvador, "SD-2").id]


def test_history_lists_every_change_with_who_when_before_and_after(client, login_as, make_cycle, create_user, db, salvador):
    cycle = make_cycle()
    focal = login_as(Role.FOCAL_POINT, "CAN")
    contributor = create_user(Role.CONTRIBUTOR, "CAN", name="Jean Contributor")
    submission = submission_of(db, cycle)
    save(submission, focal, salvador, ("SD-2", "status", "partially", 0))
    save(submission, contributor, salvador, ("SD-2", "status", "fully", 1), ("SD-2", "measures", "Police reform.", 0))
    db.session.commit()
    html = client.get(f"/cycles/{cycle.key}/states/CAN/items/SD-2/history").get_data(as_text=True)
    rows = re.findall(r"<tr>\s*<td class=\"nowrap\">.*?</tr>", html, re.S)
    assert len(rows) == 3
    newest = rows[0] + rows[1]
    assert "Jean Contributor" in newest and "Police reform." in newest
    status_change = next(row for row in rows[:2] if "Status of implementation" in row)
    assert "Partially implemented" in status_change and "Fully implemented" in status_change
    assert focal.name in rows[2] and "(no answer)" in rows[2]
    general = client.get(f"/cycles/{cycle.key}/states/CAN/items/general/history")
    assert general.status_code == 200 and "No answer has been given yet." in general.get_data(as_text=True)
    assert client.get(f"/cycles/{cycle.key}/states/CAN/items/SD-99/history").status_code == 404


def test_review_comments_appear_beside_their_item(client, login_as, make_cycle, create_user, db, salvador):
    cycle = make_cycle()
    focal = login_as(Role.FOCAL_POINT, "CAN")
    officer = create_user(Role.SECRETARIAT, name="Sami Secretariat")
    submission = submission_of(db, cycle)
    fill_everything(submission, focal, salvador)
    services.submit_reply(submission, focal)
    services.add_review_comment(submission, officer, item(salvador, "SD-26"), "Please describe <juvenile> justice measures.")
    services.return_for_revision(submission, officer)
    db.session.commit()
    html = client.get(page_url(cycle, "children-youth")).get_data(as_text=True)
    section = html[html.index('id="item-SD-26"'):html.index('id="item-SD-27"')]
    assert '<aside class="review-comment"' in section
    assert "Please describe &lt;juvenile&gt; justice measures." in section and "Sami Secretariat" in section
    assert 'id="answers-form"' in html  # returned: editable again
