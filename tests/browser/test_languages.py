"""The portal in the other languages, in Chromium: a French focal point fills and submits a reply in French,
and the Arabic pages mirror (checked by the boxes the browser lays out, and kept as screenshots in
test-artifacts/arabic/ to look at)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from portal.accounts.models import User
from portal.checklists.loader import load_checklist
from portal.checklists.services import import_template
from portal.core.access import Role
from portal.core.extensions import db
from portal.cycles.services import create_cycle, open_cycle
from portal.states.services import find_state
from portal.submissions import services
from portal.submissions.models import Answer, Submission, SubmissionStatus
from tests.conftest import CHECKLISTS_DIR, PASSWORD
from tests.i18n.catalogues import catalogue
from tests.review.conftest import complete_changes
from tests.browser.test_checklist_filling import checklist  # noqa: F401 (a fixture)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "arabic"
MEASURES_FR = ("La France a adopté en 2024 un plan national de lutte contre la traite des êtres humains, "
               "coordonné par la Mission interministérielle pour la protection des femmes.")


def tr(language: str, message: str) -> str:
    """The catalogue's translation of ``message`` into ``language``."""
    return catalogue(language).get(message).string


def question_label(code: str, language: str) -> str:
    """The label of a question of the Salvador checklist in ``language``, as its file gives it."""
    definition = load_checklist(CHECKLISTS_DIR / "salvador-declaration.yaml").definition
    return next(q["label"][language] for q in definition["question_sets"]["national"] if q["code"] == code)


def set_language(live_app, email: str, language: str) -> None:
    with live_app.app_context():
        db.session.scalar(sa.select(User).where(User.email == email)).language = language
        db.session.commit()


def sign_in_as(page, email: str, language: str) -> None:
    """Sign in on the login page in ``language``, by its labels in that language."""
    page.goto("/login")
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.get_by_label(tr(language, "E-mail address")).fill(email)
    page.get_by_label(tr(language, "Password")).fill(PASSWORD)
    page.get_by_role("button", name=tr(language, "Sign in"), exact=True).click()
    expect(page).to_have_url(re.compile(r"/dashboard$"))


def open_reply(live_app, key: str, state: str, focal: str, overrides=None) -> int:
    """Open a cycle with ``state`` invited, its reply complete but for ``overrides``; return the submission's id."""
    with live_app.app_context():
        template, _ = import_template(CHECKLISTS_DIR / "salvador-declaration.yaml")
        cycle = create_cycle(key=key, title=f"Salvador ({key})", template=template, opens_on=dt.date(2026, 1, 15),
                             deadline=dt.date(2026, 4, 15), cutoff_on=dt.date(2026, 4, 25),
                             states=[find_state(state)], created_by=None)
        [submission] = open_cycle(cycle, None)
        person = db.session.scalar(sa.select(User).where(User.email == focal))
        result = services.save_answers(submission, person, complete_changes(template, overrides))
        assert not result.errors
        db.session.commit()
        return submission.id


def test_a_french_focal_point_fills_and_submits_the_reply_in_french(browser, live_server, live_app, make_account):
    focal = make_account(Role.FOCAL_POINT, "FRA", email="langues.focal@example.org", name="Claire Dubois")
    set_language(live_app, focal, "fr")
    # Every required answer is given, except the measures of paragraph 1, which the focal point writes.
    submission_id = open_reply(live_app, "salvador-browser-french", "FRA", focal, {("SD-1", "measures"): ""})
    context = browser.new_context(base_url=live_server, locale="fr-FR")
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        sign_in_as(page, focal, "fr")
        expect(page.get_by_role("link", name=tr("fr", "Dashboard"))).to_be_visible()
        base = "/cycles/salvador-browser-french/states/FRA"
        page.goto(f"{base}/submit")
        expect(page.locator("main")).to_contain_text(tr("fr", "Paragraph %(number)d") % {"number": 1})
        page.goto(f"{base}/themes/standards-norms")
        item = page.locator("#item-SD-1")
        expect(item).to_contain_text(question_label("status", "fr"))  # the checklist's own French
        expect(item.locator(".original-language")).to_contain_text("Texte original anglais")
        item.get_by_label(question_label("measures", "fr")).fill(MEASURES_FR)
        page.get_by_role("button", name=tr("fr", "Save"), exact=True).first.click()
        page.goto(f"{base}/submit")
        expect(page.get_by_role("heading", name=tr("fr", "Every required answer is given"))).to_be_visible()
        page.get_by_label(tr("fr", "Send the reply to the Secretariat now: it can then no longer be changed, unless the "
                                   "Secretariat returns it or reopens it")).check()
        page.get_by_role("button", name=tr("fr", "Submit the reply")).click()
        expect(page).to_have_url(re.compile(rf"{base}/timeline$"))
        expect(page.get_by_text(tr("fr", "The reply was submitted to the Secretariat. Thank you."))).to_be_visible()
    finally:
        context.close()
    with live_app.app_context():
        submission = db.session.get(Submission, submission_id)
        assert submission.status is SubmissionStatus.SUBMITTED
        answers = db.session.scalars(sa.select(Answer).where(Answer.submission_id == submission_id,
                                                             Answer.question_code == "measures")).all()
        assert MEASURES_FR in [answer.value for answer in answers]


def text_box(locator) -> dict:
    """The box of the text inside an element (not of the element, which may fill the line)."""
    return locator.evaluate("element => { const range = document.createRange(); range.selectNodeContents(element);"
                            " const box = range.getBoundingClientRect(); return {x: box.x, width: box.width}; }")


def starts_at_the_right(locator) -> bool:
    """Tell whether the text of a block element starts at its right edge, as Arabic text does."""
    text, block = text_box(locator), box(locator)
    return abs((text["x"] + text["width"]) - (block["x"] + block["width"])) < 3 and text["width"] < block["width"] - 10


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found is not None, locator
    return found


def test_the_arabic_pages_mirror(browser, live_server, live_app, make_account):
    focal = make_account(Role.FOCAL_POINT, "EGY", email="arabic.focal@example.org", name="Amal Hassan")
    officer = make_account(Role.SECRETARIAT, email="arabic.officer@example.org", name="Omar Haddad")
    for person in (focal, officer):
        set_language(live_app, person, "ar")
    submission_id = open_reply(live_app, "salvador-browser-arabic", "EGY", focal)
    with live_app.app_context():
        services.submit_reply(db.session.get(Submission, submission_id),
                              db.session.scalar(sa.select(User).where(User.email == focal)))
        db.session.commit()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(base_url=live_server, locale="ar", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        page.goto("/login")
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        width = page.viewport_size["width"]
        # The page is the mirror of the English one: the language switch, at the right end of English pages, is at
        # the left end; the portal's name, at the left of English pages, is at the right; and a label sits at the
        # right of its field, where Arabic starts reading.
        switch = box(page.locator(".language-switch li").last)
        assert switch["x"] < 40, switch
        brand = box(page.locator(".brand a"))
        assert brand["x"] + brand["width"] > width - 60, brand
        label, field = box(page.locator('label[for="email"]')), box(page.locator("#email"))
        assert abs((label["x"] + label["width"]) - (field["x"] + field["width"])) < 4, (label, field)
        page.screenshot(path=str(SCREENSHOTS / "sign-in.png"), full_page=True)

        sign_in_as(page, focal, "ar")
        page.screenshot(path=str(SCREENSHOTS / "dashboard.png"), full_page=True)
        links = page.locator(".main-nav a")
        first, last = box(links.first), box(links.last)
        assert first["x"] > last["x"], (first, last)  # the first link of the navigation is the rightmost
        page.screenshot(path=str(SCREENSHOTS / "dashboard.png"), full_page=True)

        page.goto("/cycles/salvador-browser-arabic/states/EGY/themes/standards-norms")
        paragraph = page.locator("#item-SD-1 blockquote")
        expect(paragraph).to_have_attribute("dir", "ltr")  # the English original keeps its direction
        assert starts_at_the_right(page.locator("main h1"))
        page.screenshot(path=str(SCREENSHOTS / "theme.png"), full_page=True)
        page.context.clear_cookies()

        sign_in_as(page, officer, "ar")
        page.goto("/cycles/salvador-browser-arabic/states/EGY/review")
        assert starts_at_the_right(page.locator("main h1"))
        page.screenshot(path=str(SCREENSHOTS / "review.png"), full_page=True)
    finally:
        context.close()


def test_the_arabic_side_by_side_views_mirror(browser, live_server, live_app, make_account, cycle_2011, checklist):
    """The views that set two texts side by side read from the right in Arabic: the last report's answer beside the
    field, the two versions of an answer two people saved, and, in the report editor, the answers beside the
    paragraph drawn from them (whose English keeps its own direction)."""
    officer = make_account(Role.SECRETARIAT, email="arabic.editor@example.org", name="Layla Nasser")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for person in (checklist["focal"], checklist["contributor"], officer):
        set_language(live_app, person, "ar")
    contexts = [browser.new_context(base_url=live_server, locale="ar", viewport={"width": 1280, "height": 900})
                for _ in range(2)]
    try:
        first, second = (context.new_page() for context in contexts)
        for page in (first, second):
            page.set_default_timeout(15_000)
        sign_in_as(first, checklist["focal"], "ar")
        sign_in_as(second, checklist["contributor"], "ar")
        theme = f"{checklist['themes']}/gender-victims"
        first.goto(theme)
        second.goto(theme)

        # Canada's answer of 2011 beside this cycle's field: the field first, at the right; the earlier answer left.
        question = first.locator(".question.with-previous").first
        expect(question).to_be_visible()
        field, earlier = box(question.locator("> *").first), box(question.locator("> *").nth(1))
        assert field["x"] > earlier["x"], (field, earlier)
        question.scroll_into_view_if_needed()
        first.screenshot(path=str(SCREENSHOTS / "carry-forward.png"), full_page=False)

        first.locator("#q-SD-6-examples").fill("نص كلير: افتتاح 120 مأوى منذ عام 2020.")
        expect(first.locator('input[name="rev-q-SD-6-examples"]')).to_have_value("1")
        second.locator("#q-SD-6-examples").fill("نص جان: خط ساخن وطني للضحايا.")
        conflict = second.locator("#q-SD-6-examples-live-conflict")
        expect(conflict).to_be_visible()
        theirs, yours = (box(conflict.locator(".conflict-versions > *").nth(n)) for n in (0, 1))
        assert theirs["x"] > yours["x"] and abs(theirs["y"] - yours["y"]) < 2, (theirs, yours)
        conflict.scroll_into_view_if_needed()
        second.screenshot(path=str(SCREENSHOTS / "conflict.png"), full_page=False)
        second.context.clear_cookies()

        sign_in_as(second, officer, "ar")
        second.goto(f"/cycles/{cycle_2011}/reports/new")
        second.get_by_label(tr("ar", "Title of the report")).fill("Arabic editor")
        second.get_by_role("button", name=tr("ar", "Create the report")).click()
        second.get_by_role("button", name=tr("ar", "Compile from the replies")).click()
        block = second.locator("li.report-block", has=second.locator(".report-compare")).first
        expect(block).to_be_visible(timeout=60_000)
        assert starts_at_the_right(second.locator("main h1"))
        text = block.locator("[lang=en]").first
        assert text.evaluate("node => getComputedStyle(node).direction") == "ltr"  # the report's English
        # and its paragraphs are laid out as the English document: the number at the left, before the text.
        number, words = box(block.locator(".report-label")), box(block.locator(".report-text"))
        assert number["x"] < words["x"], (number, words)
        block.locator(".report-compare summary").click()
        answers, generated = box(block.locator(".report-compare-answers")), box(block.locator(".report-compare-generated"))
        assert answers["x"] > generated["x"] and abs(answers["y"] - generated["y"]) < 2, (answers, generated)
        block.scroll_into_view_if_needed()
        second.screenshot(path=str(SCREENSHOTS / "report-editor.png"), full_page=False)
    finally:
        for context in contexts:
            context.close()
