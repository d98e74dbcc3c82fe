"""The rule for control characters at the boundary: every text the portal takes refuses them, naming the place.

The walk signs in as each kind of user of the demonstration, visits the pages it links to, and posts
every form found with a NUL in each of its text fields in turn: no 500, nothing accepted, and a
message that names the field.
"""

from __future__ import annotations

import html
import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
import sqlalchemy as sa
from flask_wtf import FlaskForm

from portal.accounts.services import find_user_by_email
from portal.core.access import Role
from portal.demo.reports import create_2011_report
from portal.reports.models import Report
from portal.submissions import services as submissions
from portal.submissions.models import Submission
from tests.conftest import csrf_fields, login, submit

PASSWORD = "demo-password-x"
NUL_MESSAGE = "contains a control character (U+0000) that cannot be stored; remove it."
TEXT_INPUTS = {"text", "email", "password", "search", "url", "tel", "date", "number", ""}
SKIPPED = re.compile(r"\.pdf$|\.xlsx$|\.csv$|/download|/status$|^/api/|^/static/|/logout$")


@dataclass
class Form:
    page: str
    action: str
    method: str
    fields: list[dict] = field(default_factory=list)  # {"tag", "type", "name", "value", "id", "checked"}
    buttons: list[tuple[str, str]] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # the page's labels, by the id of their field


class PageReader(HTMLParser):
    """Read a page's links, its forms (with their fields and buttons) and its labels."""

    def __init__(self, url: str):
        super().__init__(convert_charrefs=True)
        self.url, self.links, self.forms, self.labels = url, [], [], {}
        self._form: Form | None = None
        self._textarea: dict | None = None
        self._select: dict | None = None
        self._label_for: str | None = None
        self._label_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {name: value or "" for name, value in attrs}
        if tag == "a" and a.get("href", "").startswith("/"):
            self.links.append(urljoin(self.url, a["href"]).split("#")[0])
        elif tag == "form":
            self._form = Form(self.url, urljoin(self.url, a.get("action") or self.url), a.get("method", "get").lower())
            self.forms.append(self._form)
        elif tag == "label":
            self._label_for, self._label_text = a.get("for"), []
        elif self._form is not None and tag == "input" and a.get("name"):
            if a.get("type") in ("submit", "button"):
                self._form.buttons.append((a["name"], a.get("value", "")))
            else:
                self._form.fields.append({"tag": "input", "type": a.get("type", ""), "name": a["name"],
                                          "value": a.get("value", ""), "id": a.get("id"), "checked": "checked" in a})
        elif self._form is not None and tag == "button" and a.get("name"):
            self._form.buttons.append((a["name"], a.get("value", "")))
        elif self._form is not None and tag == "textarea":
            self._textarea = {"tag": "textarea", "type": "textarea", "name": a.get("name"), "value": "", "id": a.get("id")}
            self._form.fields.append(self._textarea)
        elif self._form is not None and tag == "select":
            self._select = {"tag": "select", "type": "select", "name": a.get("name"), "value": None, "id": a.get("id")}
            self._form.fields.append(self._select)
        elif self._select is not None and tag == "option":
            if self._select["value"] is None or "selected" in a:
                self._select["value"] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "label" and self._label_for:
            self.labels[self._label_for] = " ".join("".join(self._label_text).split())
            self._label_for = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["value"] += data
        if self._label_for is not None:
            self._label_text.append(data)


def shape(url: str) -> str:
    """Return the kind of page or action ``url`` is, so that each kind is tried once."""
    path = urlsplit(url).path
    path = re.sub(r"/themes/[^/]+", "/themes/T", path)
    path = re.sub(r"/items/[^/]+", "/items/I", path)
    path = re.sub(r"/(states|invitation|reset-password)/[^/]+", r"/\1/X", path)
    return re.sub(r"\d+", "N", path)


def field_shape(name: str) -> str:
    return re.sub(r"\d+", "N", re.sub(r"^q-.+-([a-z_]+)$", r"q-*-\1", name))


def crawl(client, start: str, limit: int = 120) -> list[Form]:
    """Visit the pages linked from ``start`` (one of each kind); return their forms."""
    seen_shapes, queue, forms = set(), deque([start]), []
    while queue and len(seen_shapes) < limit:
        url = queue.popleft()
        if shape(url) in seen_shapes or SKIPPED.search(urlsplit(url).path):
            continue
        seen_shapes.add(shape(url))
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code != 200 or not response.mimetype == "text/html":
            continue
        reader = PageReader(url)
        reader.feed(response.get_data(as_text=True))
        for form in reader.forms:
            form.labels = reader.labels
        forms += [form for form in reader.forms if form.method == "post"]
        queue.extend(reader.links)
    return forms


def post_with_nul(client, form: Form, target: dict) -> tuple[int, str]:
    data: dict[str, list[str]] = {}
    for entry in form.fields:
        if entry["type"] in ("checkbox", "radio") and not entry["checked"]:
            continue
        if entry["name"]:
            value = entry["value"] or ""
            if entry is target:
                value = f"Typed before\x00typed after{value}"
            data.setdefault(entry["name"], []).append(value)
    if form.buttons:
        name, value = form.buttons[0]
        data.setdefault(name, [value])
    response = client.post(form.action, data=data)
    if response.status_code in (302, 303):  # the report editor tells its refusals on the page it sends back to
        response = client.get(response.headers["Location"])
    return response.status_code, html.unescape(response.get_data(as_text=True))


def walk_forms(client, start: str, tried: dict) -> None:
    """Post every form reached from ``start`` with a NUL in each text field, once per kind of form and field."""
    for form in crawl(client, start):
        for entry in form.fields:
            if entry["tag"] == "input" and entry["type"] not in TEXT_INPUTS or not entry["name"]:
                continue
            key = (shape(form.action), field_shape(entry["name"]))
            if key in tried:
                continue
            status, text = post_with_nul(client, form, entry)
            label = form.labels.get(entry["id"] or "", "")
            label = re.sub(r" (required|required when shown)$", "", label)
            tried[key] = (status, label)
            assert status == 200 or 400 <= status < 500, (key, status)  # never a 500
            assert NUL_MESSAGE in text, (key, status, text[:3000])
            # the message names the field: by the label beside it, or by the form's shorter name for it
            named = [name.strip() for sentence in re.findall(r"([^<>\n]*?) " + re.escape(NUL_MESSAGE), text)
                     for name in sentence.split(": ")]
            assert label and any(name and name.lower() in label.lower() or label.lower() in name.lower()
                                 for name in named if name != "This answer"), (key, label, named)


@pytest.fixture
def demonstration(app, db):
    """The demonstration data, with a compiled 2011 report and a submitted 2026 reply to review."""
    result = app.test_cli_runner().invoke(args=["demo", "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    officer = find_user_by_email("secretariat@example.org")
    report = db.session.scalar(sa.select(Report))
    if report is None:
        from portal.cycles.services import find_cycle
        create_2011_report(find_cycle("salvador-2011"), officer)
    db.session.commit()


def test_every_form_is_a_portal_form(app):
    from portal.core.forms import PortalForm

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    forms = [form for form in subclasses(FlaskForm) if form.__module__.startswith("portal.")]
    assert len(forms) > 15
    assert [form.__qualname__ for form in forms if not issubclass(form, PortalForm)] == []


def test_a_nul_in_any_text_field_of_any_form_is_refused_naming_the_field(app, client, db, demonstration):
    tried: dict = {}
    walk_forms(client, "/login", tried)
    walk_forms(client, "/forgot-password", tried)
    for email in ("admin@example.org", "secretariat@example.org", "focal.can@example.org", "contributor.can@example.org"):
        signed_in = app.test_client()
        login(signed_in, find_user_by_email(email), PASSWORD)
        walk_forms(signed_in, "/dashboard", tried)
    # the notes of the review: returning and accepting the submitted reply, then reopening it
    officer, focal = app.test_client(), app.test_client()
    login(officer, find_user_by_email("secretariat@example.org"), PASSWORD)
    login(focal, find_user_by_email("focal.prt@example.org"), PASSWORD)
    review = "/cycles/salvador-2026/states/PRT/review"
    walk_forms(officer, review, tried)
    submission = db.session.scalar(sa.select(Submission).where(Submission.state.has(code="PRT"),
                                                                Submission.cycle.has(key="salvador-2026")))
    submissions.accept_reply(submission, find_user_by_email("secretariat@example.org"))
    db.session.commit()
    walk_forms(focal, "/cycles/salvador-2026/states/PRT/", tried)
    walk_forms(officer, review, tried)
    # the cases the issue names are among those tried
    named = {
        ("/login", "email"), ("/account", "name"), ("/invite", "name"), ("/account/tokens/", "name"),
        ("/cycles/salvador-N/states/X/comments", "body"), ("/cycles/salvador-N/states/X/return", "note"),
        ("/cycles/salvador-N/states/X/accept", "note"), ("/cycles/salvador-N/states/X/reopen", "note"),
        ("/cycles/salvador-N/states/X/reopen-request", "note"), ("/cycles/salvador-N/reports/N/blocks/N/text", "text"),
        ("/cycles/salvador-N/states/X/themes/T", "measures"), ("/cycles/salvador-N/states/X/themes/T", "title"),
    }
    tried_names = {(action, re.split(r"-", name)[-1]) for action, name in tried}
    assert named <= tried_names, sorted(named - tried_names)


@pytest.mark.parametrize("path", [
    "/states/CA%00N", "/%00", "/cycles/salvador%00-2026/", "/cycles/salvador-2026/states/CAN/themes/x%0By",
    "/invitation/abc%00def", "/reset-password/%7F", "/static/portal%00.css",
])
def test_a_path_with_a_control_character_answers_404_with_the_portal_page(client, login_as, make_cycle, path):
    make_cycle()
    login_as(Role.FOCAL_POINT, "CAN")
    response = client.get(path)
    assert response.status_code == 404
    assert "<h1>Not found</h1>" in response.get_data(as_text=True)


def test_a_path_with_a_control_character_answers_404_signed_out_too(client):
    response = client.get("/states/CA%00N/members/1/active")
    assert response.status_code == 404 and "<h1>Not found</h1>" in response.get_data(as_text=True)
    assert client.get("/api/v1/cycles/x%00y").get_json() == {"error": {"status": 404, "message": "There is no page at this address."}}


def test_a_query_with_a_control_character_answers_400_naming_the_parameter(client, login_as):
    login_as(Role.ADMINISTRATOR)
    response = client.get("/admin/users?role=&q=ada%00")
    assert response.status_code == 400
    assert ("The parameter “q” of the address contains a control character (U+0000) that cannot be stored; remove it."
            in html.unescape(response.get_data(as_text=True)))
    response = client.get("/exports/?cycle%1F=1")
    assert response.status_code == 400
    assert "The parameter “cycle<U+001F>” of the address contains a control character (U+001F)" in html.unescape(response.get_data(as_text=True))


def test_the_api_refuses_a_control_character_in_its_query_as_json(client, db, create_user):
    from portal.api import tokens

    user = create_user(Role.SECRETARIAT)
    _token, secret = tokens.create_token(user, "reader")
    db.session.commit()
    response = client.get("/api/v1/cycles?state=C%00AN", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 400
    assert response.get_json() == {"error": {"status": 400, "message": "The parameter “state” of the address contains a "
                                                                      "control character (U+0000) that cannot be stored; remove it."}}


def test_a_sign_in_with_a_nul_in_the_address_is_refused_naming_the_field(client, create_user):
    create_user(Role.FOCAL_POINT, "CAN", email="focal@example.org")
    response = submit(client, "/login", {"email": "focal@example.org\x00", "password": "whatever-it-is"})
    assert response.status_code == 401
    page = html.unescape(response.get_data(as_text=True))
    assert "E-mail address contains a control character (U+0000) that cannot be stored; remove it." in page
    assert 'value="focal@example.org\x00"' in page  # what was typed is shown again


def test_a_raw_value_no_form_checks_answers_400_not_500(client, login_as, make_cycle):
    """The last line: a value read straight from the request (the comment's item) reaches no database query."""
    cycle = make_cycle()
    login_as(Role.SECRETARIAT)
    page = client.get(f"/cycles/{cycle.key}/states/CAN/review")
    response = client.post(f"/cycles/{cycle.key}/states/CAN/comments", data={
        **csrf_fields(page.get_data(as_text=True)), "item": "SD-1\x00", "comment-SD-1-body": "A comment.",
    })
    assert response.status_code == 400
    assert ("What you sent contains a control character (U+0000) that cannot be stored; remove it."
            in html.unescape(response.get_data(as_text=True)))


def test_a_text_with_a_control_character_never_reaches_the_database(app, db, create_user):
    from portal.core.inputs import UnstorableText

    user = create_user(Role.SECRETARIAT)
    user.name = "Sami\x00Secretariat"
    with pytest.raises(UnstorableText):
        db.session.flush()
    db.session.rollback()
    with pytest.raises(UnstorableText):
        db.session.execute(sa.select(Submission).where(Submission.id == 1, Submission.state.has(code="\x0b")))
    db.session.rollback()


def test_the_error_page_draws_after_a_failed_statement(make_app, app, db, create_user):
    """A statement that fails leaves PostgreSQL's transaction unusable; the error page must still draw, signed in."""
    from portal.core.access import public
    from tests.conftest import make_test_config

    other = make_app(make_test_config(app.config["SQLALCHEMY_DATABASE_URI"], PROPAGATE_EXCEPTIONS=False))

    @other.get("/failing-statement")
    @public
    def failing():
        db.session.execute(sa.text("SELECT * FROM no_such_table"))

    other.test_client_class = type(app.test_client())
    user = create_user(Role.FOCAL_POINT, "CAN")
    db.session.commit()
    visitor = other.test_client()
    login(visitor, user)
    response = visitor.get("/failing-statement")
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in response.get_data(as_text=True)


def test_an_uploaded_file_whose_name_holds_a_control_character_is_refused(client):
    import io

    page = client.get("/login")
    response = client.post("/login", data={**csrf_fields(page.get_data(as_text=True)),
                                           "attachment": (io.BytesIO(b"%PDF-1.7"), "law\x07.pdf")})
    assert response.status_code == 400
    assert ("The name of the file sent as “attachment” contains a control character (U+0007)"
            in html.unescape(response.get_data(as_text=True)))
