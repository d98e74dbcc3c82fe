"""The country reply PDF: the State, the cycle, every paragraph and answer, whole, in the bundled serif."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess

import pytest
from pypdf import PdfReader

from portal.core.access import Role
from portal.core.bidi import FSI, PDF, PDI, RLO
from portal.review.pdf import country_reply, render_country_reply, render_country_reply_html
from portal.submissions import services
from tests.conftest import login
from tests.review.conftest import fill, item, submission_of
from tests.pdf_fonts import BUNDLED_FAMILIES, characters_by_family, embedded_fonts

HOSTILE = (
    "<script>alert(1)</script> </p><img src=file:///etc/passwd> "
    "background: url(http://x) <link rel=stylesheet href=\"http://127.0.0.1:9/x.css\"> "
    "<style>@import url(file:///etc/passwd);</style> &amp; {{ 7*7 }}"
)


def long_answer(length: int = 50_000) -> str:
    """A long answer of ``length`` characters in paragraphs, every sentence numbered so that a loss shows."""
    sentences, number = [], 0
    while sum(len(s) for s in sentences) < length:
        number += 1
        sentence = f"Sentence {number:04d} describes the national strategy on juvenile justice."
        sentences.append(sentence + ("\n\n" if number % 9 == 0 else " "))
    text = "BEGIN-OF-LONG-ANSWER " + "".join(sentences)
    return text[: length - len(" END-OF-LONG-ANSWER")].rstrip() + " END-OF-LONG-ANSWER"


def squeeze(text: str) -> str:
    """Drop all white space: where lines break in the PDF is layout, not content."""
    return re.sub(r"\s+", "", text)


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def body_text(pdf: bytes, running_header: str) -> str:
    """Return the text of all pages without the running header and the page numbers (page furniture)."""
    pages = page_texts(pdf)
    bodies = []
    for number, text in enumerate(pages, start=1):
        lines = text.splitlines()
        assert lines[-1] == f"{number}/{len(pages)}", lines[-3:]
        furniture = 1
        if number > 1:
            assert squeeze(lines[-2]) == squeeze(running_header), lines[-2]
            furniture = 2
        bodies.append("\n".join(lines[:-furniture]))
    return "\n".join(bodies)


def rich_overrides(template, long_text: str) -> dict:
    sd26, sd5 = item(template, "SD-26"), item(template, "SD-5")
    return {
        (sd26.code, "status"): "partially",
        (sd26.code, "measures"): long_text,
        (sd26.code, "challenges"): ["coordination", "resources", "other"],
        (sd26.code, "challenges_other"): "Distances between the provinces",
        (sd26.code, "assistance_needed"): "yes",
        (sd26.code, "assistance_kinds"): ["drafting", "training"],
        (sd26.code, "assistance_priority"): "high",
        (sd26.code, "planned_action"): "A new youth justice act.\nTabled in 2026.\n\nEvaluation in 2028.",
        (sd26.code, "references"): [
            {"title": "Youth Criminal Justice Act", "citation": "S.C. 2002, c. 1", "date": "2002-02-19",
             "link": "http://127.0.0.1:9/evil.css"},
            {"title": "Second act", "citation": "", "date": "", "link": ""},
        ],
        (sd5.code, "measures"): HOSTILE,
        (None, "tools_training"): ["Tools on cybercrime investigations.", "Training on the Nelson Mandela Rules."],
    }


def test_the_pdf_of_a_complete_reply_has_everything_whole_in_the_bundled_serif(app, client, db, reply):
    long_text = long_answer()
    assert len(long_text) == 50_000
    fill(reply.submission, reply.focal, reply.template, rich_overrides(reply.template, long_text))
    services.submit_reply(reply.submission, reply.focal)
    db.session.commit()

    login(client, reply.officer)
    response = client.get(f"{reply.url}/reply.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert "salvador-2026-CAN-reply.pdf" in response.headers["Content-Disposition"]
    pdf = response.data

    header = f"{reply.cycle.title} Canada"
    text = body_text(pdf, header)
    flat = squeeze(text)
    for words in ("United Nations", "Canada", reply.cycle.title, "Reply of a Member State", "Status: Submitted",
                  "Submitted" + reply.submission.submitted_at.strftime("%-d %B %Y"), "Not yet accepted",
                  "Questions asked once per checklist", "Claire Tremblay"):
        assert squeeze(words) in flat, words
    # the entries of a list, each on its own line under the question, numbered (the numbers come out last)
    general = text[text.index("standards and best practices are needed"):]
    assert general.splitlines()[1:3] == ["Tools on cybercrime investigations.", "Training on the Nelson Mandela Rules."]
    assert re.search(r"^1\. *\n2\. *$", general, re.M)
    # every paragraph, its number hanging before its text, and the theme headings
    for it in reply.template.items:
        assert squeeze(f"{it.paragraph}. {it.text['en']}") in flat, it.code
    for theme in reply.template.themes:
        assert squeeze(theme.title["en"]) in flat, theme.code
    # answers by their labels, never their codes
    for words in ("Status of implementation: Partially implemented", "Status of implementation: Fully implemented",
                  "Challenges to implementation: Inter-agency coordination; Limited resources; Other",
                  "Other challenges (please specify): Distances between the provinces",
                  "Kinds of technical assistance needed: Legislative drafting; Capacity-building and training",
                  "Priority of the technical assistance needed: High",
                  "Youth Criminal Justice Act, S.C. 2002, c. 1, adopted on 19 February 2002",
                  "http://127.0.0.1:9/evil.css", "A new youth justice act.", "Evaluation in 2028."):
        assert squeeze(words) in flat, words
    # the 50,000-character answer is whole: first and last characters, and everything between, in order
    start, end = flat.index("BEGIN-OF-LONG-ANSWER"), flat.index("END-OF-LONG-ANSWER") + len("END-OF-LONG-ANSWER")
    assert flat[start:end] == squeeze(long_text)
    assert len(flat[start:end]) == len(squeeze(long_text))
    # hostile text is printed as it was typed: nothing of it became markup or a fetch
    assert squeeze(HOSTILE) in flat
    assert 15 <= len(page_texts(pdf)) < 60

    fonts = embedded_fonts(pdf)
    assert len(fonts) >= 3  # regular, bold and italic at least
    for base_name, font in fonts.items():
        assert "Liberation-Serif" in base_name
        assert "/FontFile2" in font["descriptor"], f"{base_name} is not embedded"
        assert font["names"][1] == "Liberation Serif"
        assert font["names"][5].startswith("Version 2.1.5")


def test_user_text_is_escaped_in_the_design_and_links_are_text(app, db, reply):
    fill(reply.submission, reply.focal, reply.template, rich_overrides(reply.template, "Short."))
    with app.test_request_context():
        html = render_country_reply_html(country_reply(reply.submission, "en"))
        assert "<script" not in html and "<img" not in html and "<style" not in html
        assert "&lt;img src=file:///etc/passwd&gt;" in html and "&lt;/p&gt;" in html
        assert "{{ 7*7 }}" in html and "&amp;amp;" in html
        assert re.search(r'<ol class="entries">\s*<li>Tools on cybercrime investigations.</li>\s*'
                         r'<li>Training on the Nelson Mandela Rules.</li>\s*</ol>', html)
        assert 'href="http' not in html  # reference links are printed, not linked
        # the rendering would stop (PdfError) if anything asked the fetcher for a URL outside reports/
        pdf = render_country_reply(country_reply(reply.submission, "en"))
    assert squeeze(HOSTILE) in squeeze("".join(page_texts(pdf)))


def test_the_state_name_is_the_one_in_force_on_the_cut_off_date(app, db, make_cycle):
    cycle = make_cycle(["CZE"], key="salvador-2011", opens_on=dt.date(2010, 10, 1))  # cut-off 9 January 2011
    with app.test_request_context():
        reply = country_reply(submission_of(db, cycle, "CZE"), "en")
        assert reply.heading.state_name == "Czech Republic"
        pdf = render_country_reply(reply)
    first = page_texts(pdf)[0]
    assert "Czech Republic" in first and "Czechia" not in first
    assert "Not started" in first and "No answer." in first
    assert "Not yet submitted" in first


def test_state_users_and_staff_get_the_pdf_other_states_do_not(app, client, db, reply, create_user):
    login(client, reply.contributor)
    assert client.get(f"{reply.url}/reply.pdf").status_code == 200
    other_state = app.test_client()
    login(other_state, create_user(Role.FOCAL_POINT, "ARG"))
    assert other_state.get(f"{reply.url}/reply.pdf").status_code == 404
    assert other_state.get(f"/cycles/{reply.cycle.key}/states/ARG/reply.pdf").status_code == 200
    anonymous = app.test_client()
    assert anonymous.get(f"{reply.url}/reply.pdf").status_code == 302



CHINESE = "政府已采取立法措施预防犯罪。"
ARABIC = "اتخذت الحكومة تدابير تشريعية لمنع الجريمة"
EMOJI = "😀👍✅☕"


def test_chinese_arabic_and_emoji_answers_are_drawn_with_the_bundled_fonts_only(app, db, reply):
    sd5, sd6 = item(reply.template, "SD-5"), item(reply.template, "SD-6")
    fill(reply.submission, reply.focal, reply.template, {
        (sd5.code, "measures"): f"{CHINESE} {EMOJI}",
        (sd6.code, "measures"): f"{ARABIC} {EMOJI}",
    })
    with app.test_request_context():
        pdf = render_country_reply(country_reply(reply.submission, "en"))

    drawn = characters_by_family(pdf)
    assert set(drawn) <= BUNDLED_FAMILIES, set(drawn) - BUNDLED_FAMILIES  # no font of the machine
    assert set(CHINESE) <= drawn["Droid Sans Fallback"]
    assert set(EMOJI) <= drawn["Noto Emoji"]
    assert len(drawn["Noto Naskh Arabic"]) >= 10  # the letters, in the forms the shaping chose
    assert not (set(CHINESE) | set(EMOJI)) & drawn["Liberation Serif"]


def test_an_override_left_open_in_a_reference_turns_nothing_printed_after_it(app, db, reply):
    sd26 = item(reply.template, "SD-26")
    fill(reply.submission, reply.focal, reply.template, {
        (sd26.code, "status"): "partially",
        (sd26.code, "references"): [{"title": f"Youth {RLO}Act", "citation": f"S.C. {RLO}2002", "date": "2002-02-19",
                                     "link": ""}],
    })
    with app.test_request_context():
        pdf = render_country_reply(country_reply(reply.submission, "en"))
    text = subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Youth tcA, S.C. 2002, adopted on 19 February 2002" in text.replace(FSI, "").replace(PDF, "").replace(PDI, "")


@pytest.mark.parametrize("language, family", [("zh", "Droid Sans Fallback"), ("ar", "Noto Naskh Arabic"),
                                              ("ru", "Liberation Serif"), ("fr", "Liberation Serif")])
def test_the_reply_pdf_in_each_language_has_its_headings_labels_choices_and_dates(app, db, reply, language, family):
    from flask_babel import force_locale

    from portal.checklists.loader import load_checklist
    from tests.conftest import CHECKLISTS_DIR
    from tests.i18n.catalogues import catalogue

    fill(reply.submission, reply.focal, reply.template)
    db.session.commit()
    with app.test_request_context(), force_locale(language):
        html = render_country_reply_html(country_reply(reply.submission, language))
        pdf = render_country_reply(country_reply(reply.submission, language))
    translations = catalogue(language)
    national = load_checklist(CHECKLISTS_DIR / "salvador-declaration.yaml").definition["question_sets"]["national"]
    status = next(q for q in national if q["code"] == "status")
    fully = next(c for c in status["choices"] if c["code"] == "fully")
    text = squeeze("".join(page_texts(pdf)))
    for words in (translations.get("Reply of a Member State").string, translations.get("Reporting cycle").string,
                  status["label"][language], fully["label"][language]):
        if language == "ar":
            assert squeeze(words) in squeeze(html), words  # Arabic is shaped in the PDF: its letters are checked below
        else:
            assert squeeze(words) in text, words
    assert f'lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}"' in html
    # The deadline as the language writes dates (Babel), and the interface's words in the bundled fonts only.
    dates = re.findall(r"[^<>]{0,25}2026[^<>]{0,6}", html)
    assert {"zh": "2026年4月15日", "ar": "15 أبريل 2026", "ru": "15 апреля 2026 г.", "fr": "15 avril 2026"}[language] in html.replace("\u00a0", " ").replace("\u202f", " "), dates
    drawn = characters_by_family(pdf)
    assert set(drawn) <= BUNDLED_FAMILIES, set(drawn) - BUNDLED_FAMILIES
    assert drawn[family]
