"""The country reply: one State's reply in one cycle as a PDF in the UN document style."""

from __future__ import annotations

from flask_babel import force_locale, get_locale

from portal.checklists.schema import REQUIRED_LANGUAGE
from portal.core.pdf import REPORTS_DIR, html_to_pdf, render_design
from portal.review.reply import ReplyDocument, build_reply
from portal.submissions.models import Submission

DESIGN = "country_reply/reply.html"


def country_reply(submission: Submission, language: str | None = None) -> ReplyDocument:
    """Return the plain data of the country reply, in ``language`` (default: the interface language)."""
    language = language or get_locale().language
    if language not in submission.cycle.template.languages:
        language = REQUIRED_LANGUAGE
    with force_locale(language):
        return build_reply(submission, language)


def render_country_reply(reply: ReplyDocument) -> bytes:
    """Render the country reply ``reply`` (plain data) to PDF bytes."""
    with force_locale(reply.language):
        html = render_country_reply_html(reply)
    return html_to_pdf(html, base=REPORTS_DIR / "country_reply")


def render_country_reply_html(reply: ReplyDocument) -> str:
    """Render the design of the country reply to HTML (what WeasyPrint lays out)."""
    return render_design(DESIGN, reply=reply)


def country_reply_filename(reply: ReplyDocument) -> str:
    return f"{reply.heading.cycle_key}-{reply.heading.state_code}-reply.pdf"
