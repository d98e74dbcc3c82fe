"""Two versions of the Salvador checklist side by side: a cycle on version 1 keeps its single texts for the
proposals (shown, edited, exported, printed), while a cycle on version 2 takes them as lists of entries."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest

from portal.checklists import services as checklists
from portal.core.access import Role
from portal.cycles.services import create_cycle, open_cycle
from portal.review.pdf import country_reply, render_country_reply_html
from portal.submissions import services
from portal.submissions.services import AnswerChange
from tests.answers.conftest import fill_everything, page_url, post_json, submission_of
from tests.answers.test_saving import form_of
from tests.checklists.conftest import DATA_DIR, SALVADOR_FILE
from tests.conftest import login

VERSION_1 = DATA_DIR / "salvador-declaration-v1.yaml"
OLD_TEXT = "Tools on asset recovery.\n\nTraining for prosecutors on cybercrime."


@pytest.fixture
def two_versions(db, state, create_user):
    """Version 1 imported and used by a 2021 cycle with Canada's answer, then version 2 imported and used by a 2026 cycle."""

    def cycle_on(template, key, year):
        cycle = create_cycle(key=key, title=f"Follow-up to the Salvador Declaration, {year}", template=template,
                             opens_on=dt.date(year, 1, 15), deadline=dt.date(year, 4, 15), cutoff_on=dt.date(year, 4, 30),
                             states=[state("CAN"), state("ARG")], created_by=None)
        open_cycle(cycle, None)
        return cycle

    version_1, outcome = checklists.import_template(VERSION_1)
    assert outcome is checklists.ImportOutcome.CREATED
    old = cycle_on(version_1, "salvador-2021", 2021)
    focal = create_user(Role.FOCAL_POINT, "CAN", name="Claire Tremblay")
    result = services.save_answers(submission_of(db, old), focal, [AnswerChange(None, "tools_training", OLD_TEXT, 0)])
    assert not result.errors
    db.session.commit()
    version_2, outcome = checklists.import_template(SALVADOR_FILE)
    assert outcome is checklists.ImportOutcome.CREATED
    new = cycle_on(version_2, "salvador-2026", 2026)
    db.session.commit()
    return old, new, focal


def test_importing_version_2_keeps_version_1_and_its_cycle(db, two_versions):
    old, new, _focal = two_versions
    assert [(s.key, s.version, s.is_locked) for s in checklists.list_templates()] == [
        ("salvador-declaration", 1, True), ("salvador-declaration", 3, True)]
    assert (old.template.version, new.template.version) == (1, 3)
    types = {version: {q["code"]: q["type"] for q in cycle.template.general_questions}
             for version, cycle in ((1, old), (2, new))}
    assert types[1]["tools_training"] == "long_text" and types[2]["tools_training"] == "entries"
    # importing version 1 again changes nothing: it is locked, and its content is the same
    assert checklists.import_template(VERSION_1)[1] is checklists.ImportOutcome.UNCHANGED


def test_the_old_cycle_still_shows_edits_and_exports_its_text(app, client, db, two_versions, create_user):
    old, _new, focal = two_versions
    login(client, focal)
    url = page_url(old)
    html = client.get(url).get_data(as_text=True)
    # a textarea holding the text, as before: no rows of entries
    assert ('<textarea id="q-general-tools_training" name="q-general-tools_training" rows="8" '
            'aria-describedby="q-general-tools_training-help" maxlength="100000" dir="auto">\n'
            "Tools on asset recovery.\n\nTraining for prosecutors on cybercrime.</textarea>") in html
    assert "Add another entry" not in html and "Give one area per entry" not in html
    changed = OLD_TEXT + "\n\nA manual on victims."
    assert client.post(url, data={**form_of(html), "q-general-tools_training": changed}).status_code == 302
    answers = services.answers_by_item(submission_of(db, old), [None])[None]
    assert answers["tools_training"].value == changed and answers["tools_training"].revision == 2
    # autosave takes a text, and refuses a list, for version 1
    data = post_json(client, old, [{"item": None, "question": "follow_up_proposals", "value": ["a list"], "base_revision": 0}])
    assert data.get_json()["errors"][0]["message"] == "Expected text."
    # exported as a text, with its type
    client = app.test_client()
    login(client, create_user(Role.SECRETARIAT))
    rows = list(csv.DictReader(io.StringIO(
        client.get(f"/exports/download?cycle={old.key}&kind=long.csv").get_data(as_text=True), newline="")))
    [tools] = [row for row in rows if row["question_code"] == "tools_training"]
    assert (tools["template_version"], tools["value"], tools["value_label"]) == ("1", changed, "")
    # the review page prints it as paragraphs
    review = client.get(f"/cycles/{old.key}/states/CAN/review").get_data(as_text=True)
    assert "<p dir=\"auto\">Tools on asset recovery.</p><p dir=\"auto\">Training for prosecutors on cybercrime.</p><p dir=\"auto\">A manual on victims.</p>" in review
    assert 'class="review-entries"' not in review
    # and so does the reply's PDF
    with app.test_request_context():
        html = render_country_reply_html(country_reply(submission_of(db, old), "en"))
    assert re.search(r'<p class="answer-text">Tools on asset recovery.</p>\s*<p class="answer-text">Training for '
                     r'prosecutors on cybercrime.</p>\s*<p class="answer-text">A manual on victims.</p>', html)
    assert '<ol class="entries">' not in html


def test_a_new_cycle_on_version_2_takes_entries(client, db, two_versions):
    _old, new, focal = two_versions
    login(client, focal)
    html = client.get(page_url(new)).get_data(as_text=True)
    assert 'id="q-general-tools_training-0"' in html and "Add another entry" in html
    data = post_json(client, new, [
        {"item": None, "question": "tools_training", "value": ["Asset recovery", "Cybercrime"], "base_revision": 0},
        {"item": None, "question": "follow_up_proposals", "value": "one text", "base_revision": 0},
    ]).get_json()
    assert [s["question"] for s in data["saved"]] == ["tools_training"]
    assert data["errors"][0]["message"] == "Expected a list of texts, one per entry."
    stored = services.answers_by_item(submission_of(db, new), [None])[None]["tools_training"].value
    assert stored == ["Asset recovery", "Cybercrime"]


def test_the_last_report_on_version_1_is_shown_and_copied_as_one_entry(client, db, two_versions):
    old, new, focal = two_versions
    fill_everything(submission_of(db, old), focal, old.template)
    services.submit_reply(submission_of(db, old), focal)
    db.session.commit()
    login(client, focal)
    html = client.get(page_url(new)).get_data(as_text=True)
    # beside the entries, the last report's text, as the one entry it becomes
    previous = html.split('id="q-general-tools_training-previous"', 1)[1].split("</div>", 1)[0]
    assert ("<ol class=\"answer-text answer-entries\"><li dir=\"auto\">Tools on asset recovery.\n\n"
            "Training for prosecutors on cybercrime.</li></ol>") in previous
    response = client.post(page_url(new), data={**form_of(html), "action": "copy:general"})
    assert response.status_code == 302
    stored = services.answers_by_item(submission_of(db, new), [None])[None]["tools_training"].value
    assert stored == [OLD_TEXT]
