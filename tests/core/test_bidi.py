"""Isolating user text for the bidirectional algorithm: whatever it leaves open is closed, nothing else changes."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from portal.core.bidi import FSI, LRE, LRI, PDF, PDI, RLE, RLI, RLO, closers, isolate, needs_isolation


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


def test_the_filter_escapes_then_isolates_in_html_and_leaves_markup_alone(app):
    page = app.jinja_env.from_string("{{ text|isolate }}, {{ markup|isolate }}.")
    assert page.render(text=f"<b>{RLO}x</b>", markup=Markup("<em>safe</em>")) == (
        f"{FSI}&lt;b&gt;{RLO}x&lt;/b&gt;{PDF}{PDI}, <em>safe</em>.")
    assert page.render(text="<i>plain</i>", markup="") == "&lt;i&gt;plain&lt;/i&gt;, ."


def test_the_filter_isolates_without_escaping_in_plain_text(app):
    mail = app.jinja_env.overlay(autoescape=False).from_string("Dear {{ name|isolate }},")
    assert mail.render(name=f"<Ann> {RLO}Lee") == f"Dear {FSI}<Ann> {RLO}Lee{PDF}{PDI},"
