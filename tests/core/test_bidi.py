"""Isolating user text for the bidirectional algorithm: whatever it leaves open is closed, nothing else changes."""

from __future__ import annotations

import pytest
from flask import render_template, render_template_string
from markupsafe import Markup

from portal.core.access import Role
from portal.core.bidi import FSI, LRE, LRI, PDF, PDI, RLE, RLI, RLO, closers, isolate, needs_isolation
from tests.conftest import login


@pytest.mark.parametrize("text, closing", [
    ("plain", ""),
    (f"a {RLO}b", PDF),
    (f"a {RLO}b{PDF} c", ""),
    (f"{RLE}a {LRE}b", PDF + PDF),
    (f"{RLI}a {RLO}b", PDF + PDI),
    (f"{RLI}a {RLO}b{PDI} c", ""),  # the isolate's end closes the override opened inside it
    (f"{RLO}a {LRI}b", PDI + PDF),
    (f"a{PDF}{PDI} b", ""),  # closers with nothing to close are ignored
    (f"{RLI}a{PDF} b", PDI),  # a PDF does not close an isolate
])
def test_closers_close_what_the_text_leaves_open_innermost_first(text, closing):
    assert closers(text) == closing


def test_only_text_that_can_turn_its_neighbours_is_isolated():
    assert isolate("Claire Tremblay, 12 (b)") == "Claire Tremblay, 12 (b)"
    assert not needs_isolation("政府已采取措施。")
    assert isolate("وزارة العدل") == f"{FSI}وزارة العدل{PDI}"
    assert isolate(f"Evil {RLO}text") == f"{FSI}Evil {RLO}text{PDF}{PDI}"
    assert isolate("") == ""


def test_the_filter_escapes_then_isolates_in_html_and_keeps_markup_markup(app):
    page = app.jinja_env.from_string("{{ text|isolate }}, {{ markup|isolate }}.")
    assert page.render(text=f"<b>{RLO}x</b>", markup=Markup(f"<em>{RLO}safe</em>")) == (
        f"{FSI}&lt;b&gt;{RLO}x&lt;/b&gt;{PDF}{PDI}, {FSI}<em>{RLO}safe</em>{PDF}{PDI}.")
    assert page.render(text="<i>plain</i>", markup="") == "&lt;i&gt;plain&lt;/i&gt;, ."


def test_the_filter_isolates_without_escaping_in_plain_text(app):
    mail = app.jinja_env.overlay(autoescape=False).from_string("Dear {{ name|isolate }},")
    assert mail.render(name=f"<Ann> {RLO}Lee") == f"Dear {FSI}<Ann> {RLO}Lee{PDF}{PDI},"


def test_a_name_with_an_override_left_open_turns_nothing_after_it_on_a_page(client, create_user):
    user = create_user(Role.FOCAL_POINT, "CAN", name=f"Ann {RLO}Lee")
    login(client, user)
    html = client.get("/dashboard").get_data(as_text=True)
    assert f"Welcome, {FSI}Ann {RLO}Lee{PDF}{PDI}" in html
    assert html.count(RLO) == html.count(f"{RLO}Lee{PDF}{PDI}")


def test_names_and_titles_are_isolated_in_the_page_title_and_in_e_mails(app, create_user):
    user = create_user(Role.SECRETARIAT, name=f"Ann {RLO}Lee")
    with app.test_request_context():
        page = render_template_string('{% extends "base.html" %}{% block title %}{{ name }}{% endblock %}', name=user.name)
        mail = render_template("mail/invitation.txt", user=user, inviter=user, link="http://portal.test/x", days=7)
    assert f"<title>{FSI}Ann {RLO}Lee{PDF}{PDI} · " in page
    assert f"Dear {FSI}Ann {RLO}Lee{PDF}{PDI}," in mail and f"{FSI}Ann {RLO}Lee{PDF}{PDI} invites you" in mail
