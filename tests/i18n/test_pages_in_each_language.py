"""A focal point's and an officer's pages in each of the five other languages: no interface text in English.

Each page is read as a browser shows it: its visible text and the texts of its labels, buttons and
placeholders. Text that is not the interface is set aside: what people typed and the names of States
(isolated or marked with their own language), the Declaration's paragraphs shown in English with
their note (lang="en"), and the report's own English text in the editor (lang="en"). What is left
must hold no message of the catalogue in English, and no run of English words.
"""

from __future__ import annotations

import html.parser
import re

import pytest

from portal.accounts.models import User
from portal.core.access import Role
from portal.reports import services as reports
from portal.reports.models import BlockKind
from portal.reports.settings import ReportSettings
from portal.submissions import services as submissions
from tests.conftest import login
from tests.i18n import catalogues
from tests.review.conftest import fill, submission_of

# Words of English that no other language of the portal writes: three of them in one text are English.
ENGLISH = frozenset("""the of and to your is are this for with be has have not you was were will can from by
which that an it its their there been no yet all each any""".split())
ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")
ISOLATES = re.compile("[\u2066\u2067\u2068][^\u2069]*\u2069")


class PageText(html.parser.HTMLParser):
    """The visible texts of a page, and the texts of its attributes, outside what another language marks."""

    VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[tuple[str, bool]] = []  # (tag, set aside)
        self.texts: list[str] = []

    @property
    def aside(self) -> bool:
        return any(skipped for _, skipped in self.stack)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        lang = values.get("lang")
        skipped = tag in ("script", "style", "code", "pre") or (lang is not None and lang != self.language)
        if not self.aside and not skipped:
            self.texts.extend(values[name] for name in ATTRIBUTES if values.get(name))
            if tag == "input" and values.get("type") in ("submit", "button") and values.get("value"):
                self.texts.append(values["value"])
        if tag not in self.VOID:
            self.stack.append((tag, skipped))

    def handle_endtag(self, tag):
        while self.stack:
            opened, _ = self.stack.pop()
            if opened == tag:
                break

    def handle_data(self, data):
        if not self.aside and data.strip():
            self.texts.append(data)


def untranslated(page: str, language: str, messages: set[str], allowed: set[str]) -> list[str]:
    """Return the texts of ``page`` that are English interface text (empty when every one is translated)."""
    reader = PageText(language)
    reader.feed(page)
    found = []
    for text in reader.texts:
        text = " ".join(ISOLATES.sub(" ", text).split())
        if not text or text in allowed:
            continue
        words = re.findall(r"[A-Za-z]+", text)
        if text in messages or sum(1 for word in words if word.lower() in ENGLISH) >= 3:
            found.append(text)
    return found


def english_messages(language: str) -> set[str]:
    """The catalogue's messages whose translation differs from the English, without placeholders."""
    found = set()
    for message in catalogues.catalogue(language):
        if message.id and isinstance(message.id, str) and "%" not in message.id and message.string != message.id \
                and re.search(r"[A-Za-z]{3}", message.id):
            found.add(message.id)
    return found


@pytest.fixture
def scene(db, make_cycle, create_user, salvador):
    """An open cycle with Canada's reply submitted, its focal point, an officer and a report with two paragraphs."""
    cycle = make_cycle(["CAN", "ARG"])
    submission = submission_of(db, cycle, "CAN")
    focal = create_user(Role.FOCAL_POINT, "CAN", name="Claire Tremblay")
    officer = create_user(Role.SECRETARIAT, name="Sami Haddad")
    fill(submission, focal, salvador)
    submissions.submit_reply(submission, focal)
    report = reports.create_report(cycle, user=officer, settings=ReportSettings(title="Follow-up report",
                                                                                 symbol="E/CN.15/2099/1"))
    first = reports.add_block(report, after=None, kind=BlockKind.CHAPTER, text="Introduction", user=officer)
    reports.add_block(report, after=first, kind=BlockKind.PARAGRAPH, text="The present report was prepared.", user=officer)
    db.session.commit()
    return cycle, focal, officer, report


@pytest.mark.parametrize("language", catalogues.LANGUAGES)
def test_no_page_of_the_journey_shows_english_interface_text(app, db, scene, language):
    cycle, focal, officer, report = scene
    messages = english_messages(language)
    # Texts the pages show as data: the cycle's title as the Secretariat typed it, the report's title and symbol.
    allowed = {cycle.title, "Follow-up report", "E/CN.15/2099/1"}
    pages: dict[str, str] = {}
    anonymous = app.test_client()
    pages["sign-in"] = anonymous.get("/login", headers={"Accept-Language": language}).get_data(as_text=True)
    for person in (focal, officer):
        db.session.get(User, person.id).language = language
    db.session.commit()
    as_focal = app.test_client()
    login(as_focal, focal)
    base = f"/cycles/{cycle.key}/states/CAN"
    for name, url in (("dashboard", "/dashboard"), ("theme", f"{base}/themes/standards-norms"),
                      ("general questions", f"{base}/general"), ("exports", "/exports/")):
        pages[f"{name} (focal point)"] = as_focal.get(url).get_data(as_text=True)
    as_officer = app.test_client()
    login(as_officer, officer)
    for name, url in (("dashboard", "/dashboard"), ("review", f"{base}/review"), ("exports", "/exports/"),
                      ("cycle", f"/cycles/{cycle.key}/"),
                      ("report editor", f"/cycles/{cycle.key}/reports/{report.id}/")):
        pages[f"{name} (officer)"] = as_officer.get(url).get_data(as_text=True)
    found = {name: untranslated(page, language, messages, allowed) for name, page in pages.items()}
    for name, page in pages.items():
        assert f'<html lang="{language}"' in page, name
    left = {name: texts for name, texts in found.items() if texts}
    assert left == {}, "\n".join(f"{name}: {text!r}" for name, texts in left.items() for text in texts)
