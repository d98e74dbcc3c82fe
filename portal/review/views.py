"""Submitting, reviewing and following a State's reply."""

from __future__ import annotations

import io

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from portal.checklists.outline import choose_language
from portal.core.access import STAFF_ROLES, Role, allow, signed_in
from portal.core.integers import parse_int
from portal.answers.structure import checklist_structure
from portal.review import dialogue, notices, services
from portal.review.forms import (
    AcceptForm,
    CommentAnswerForm,
    CommentForm,
    ReopenForm,
    ReopenRequestForm,
    ResolveCommentForm,
    ReturnForm,
    SubmitForm,
)
from portal.review.pdf import country_reply, country_reply_filename, render_country_reply
from portal.review.reply import build_reply, reply_heading, text_paragraphs
from portal.submissions import services as submissions
from portal.submissions.loading import load_submission
from portal.submissions.models import Submission
from portal.submissions.services import WorkflowError

bp = Blueprint("review", __name__, url_prefix="/cycles/<cycle_key>/states/<code>")

GENERAL = "general"  # the comment key of the questions asked once per checklist


def _language(submission: Submission) -> str:
    """The checklist language to show: the interface language when the checklist has it, else English."""
    return choose_language(submission.cycle.template.languages, get_locale().language)


def _one_kind_of_line_break(text: str | None) -> str | None:
    """Return ``text`` with browsers' CR LF line breaks as LF, as answers are stored."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if text is not None else None


def _note(form) -> str | None:
    """Return the optional note typed in ``form``, or None when it is blank."""
    return (_one_kind_of_line_break(form.note.data) or "").strip() or None


def _back_to(endpoint: str, submission: Submission, anchor: str | None = None):
    return redirect(
        url_for(endpoint, cycle_key=submission.cycle.key, code=submission.state.code, _anchor=anchor), code=303
    )


@bp.route("/submit", methods=["GET", "POST"])
@allow(Role.FOCAL_POINT, Role.CONTRIBUTOR)
def submit(cycle_key: str, code: str):
    """Check the reply's completeness, list what is missing, and let a focal point submit it."""
    submission = load_submission(cycle_key, code)
    form = SubmitForm()
    refusal, status = None, 200
    if form.validate_on_submit():
        try:
            submissions.check_submittable(submission, current_user)
            if not form.confirm.data:
                form.confirm.errors = [_("Tick the box to confirm that the reply is to be sent to the Secretariat.")]
                status = 422
            else:
                submissions.submit_reply(submission, current_user)
        except WorkflowError as error:
            refusal = str(error)
            status = 409 if current_user.role is Role.FOCAL_POINT else 403
        if status == 200:
            notices.receipt_after_submission(submission, current_user)
            flash(_("The reply was submitted to the Secretariat. Thank you."), "success")
            return _back_to("review.timeline", submission)
    language = _language(submission)
    heading = reply_heading(submission, language)
    missing = services.missing_links(submission, language) if heading.is_editable else []
    return render_template(
        "review/submit.html", heading=heading, missing=missing,
        missing_count=sum(len(links) for _heading, links in missing), form=form, refusal=refusal,
        is_focal_point=current_user.role is Role.FOCAL_POINT,
        open_comments=services.open_comment_links(submission, current_user, language) if heading.is_editable else [],
    ), status


def _comment_form(key: str, *, bound: bool = False) -> CommentForm:
    """Return the comment form of one item, prefixed with its key; bound to the request's data or empty."""
    if bound:
        return CommentForm(prefix=f"comment-{key}")
    return CommentForm(prefix=f"comment-{key}", formdata=None)


def _render_review(submission: Submission, *, status: int = 200, comment_key: str | None = None,
                   comment_form: CommentForm | None = None, return_form: ReturnForm | None = None,
                   accept_form: AcceptForm | None = None, reopen_form: ReopenForm | None = None):
    reply = build_reply(submission, _language(submission))
    keys = [item.code for item in reply.items] + [GENERAL]
    comment_forms = {key: _comment_form(key) for key in keys}
    if comment_key is not None and comment_form is not None:
        comment_forms[comment_key] = comment_form
    return render_template(
        "review/review.html",
        reply=reply,
        heading=reply.heading,
        comments=services.review_comments(submission, current_user),
        comment_forms=comment_forms,
        resolve_form=ResolveCommentForm(formdata=None),
        return_form=return_form or ReturnForm(prefix="return", formdata=None),
        accept_form=accept_form or AcceptForm(prefix="accept", formdata=None),
        reopen_form=reopen_form or ReopenForm(prefix="reopen", formdata=None),
        reopen_request=services.pending_reopen_request(submission),
        failed_comment=comment_form,
        unresolved=dialogue.unresolved_count(submission),
    ), status


@bp.get("/review")
@allow(Role.ADMINISTRATOR, Role.SECRETARIAT)
def review(cycle_key: str, code: str):
    """Show the reply to the Secretariat: every item with its answers, comments, and the decisions."""
    return _render_review(load_submission(cycle_key, code))


@bp.post("/comments")
@allow(Role.ADMINISTRATOR, Role.SECRETARIAT)
def comments(cycle_key: str, code: str):
    """Attach a comment to one item of the reply (or to its general questions)."""
    submission = load_submission(cycle_key, code)
    item_code = request.form.get("item", "")
    item = None if item_code == GENERAL else services.find_item(submission, item_code)
    if item_code != GENERAL and item is None:
        abort(404)
    key = item.code if item is not None else GENERAL
    form = _comment_form(key, bound=True)
    if not form.validate_on_submit():
        return _render_review(submission, status=422, comment_key=key, comment_form=form)
    try:
        submissions.add_review_comment(submission, current_user, item, _one_kind_of_line_break(form.body.data))
    except WorkflowError as error:
        flash(str(error), "error")
    else:
        if item is None:
            flash(_("Your comment on the questions asked once per checklist was added."), "success")
        else:
            flash(_("Your comment on paragraph %(number)d was added.", number=item.paragraph), "success")
    return _back_to("review.review", submission, f"item-{key}")


@bp.route("/comments/<int:comment_id>", methods=["GET", "POST"])
@signed_in
def comment(cycle_key: str, code: str, comment_id: int):
    """Show one comment with its conversation and the answers changed since, and let either side answer it."""
    submission = load_submission(cycle_key, code)
    found = services.find_comment(submission, comment_id)
    if found is None or not dialogue.may_read(current_user, submission, found):
        abort(404)
    form = CommentAnswerForm()
    status = 200
    if request.method == "POST" and dialogue.may_answer(current_user, submission, found):
        close = request.form.get("action") == "close"
        if form.validate_on_submit():
            try:
                dialogue.answer_comment(submission, found, current_user, _one_kind_of_line_break(form.body.data),
                                        close=close)
            except WorkflowError as error:
                form.body.errors = [*form.body.errors, str(error)]
            else:
                flash(_comment_done(found, close), "success")
                return redirect(url_for("review.comment", cycle_key=cycle_key, code=code, comment_id=comment_id,
                                        _anchor="conversation"), code=303)
        status = 422
    elif request.method == "POST":
        abort(403)
    else:
        form = CommentAnswerForm(formdata=None)
    return _render_comment(submission, found, form), status


def _comment_done(found, close: bool) -> str:
    if not close:
        return _("Your answer was added.")
    if current_user.role in STAFF_ROLES:
        return _("The comment is marked resolved.")
    return _("The comment is marked addressed: the Secretariat will look at it.")


def _render_comment(submission: Submission, found, form: CommentAnswerForm):
    structure = checklist_structure(submission.cycle.template)
    item = structure.items_by_id.get(found.item_id) if found.item_id is not None else None
    return render_template(
        "review/comment.html", heading=reply_heading(submission, _language(submission)), comment=found,
        item=item, checklist_language=structure.language, body=text_paragraphs(found.body), messages=dialogue.conversation(found),
        changes=dialogue.changes_since(submission, structure, found.item_id, found.created_at),
        status_text=dialogue.status_text(found), form=form,
        may_answer=dialogue.may_answer(current_user, submission, found),
        is_staff=current_user.role in STAFF_ROLES,
    )


@bp.post("/comments/resolve")
@allow(Role.ADMINISTRATOR, Role.SECRETARIAT)
def resolve_comment(cycle_key: str, code: str):
    """Mark a comment resolved: the State no longer sees it."""
    submission = load_submission(cycle_key, code)
    form = ResolveCommentForm()
    comment_id = parse_int(form.comment.data) if form.validate_on_submit() else None
    if comment_id is None:
        abort(400)
    comment = services.find_comment(submission, comment_id)
    if comment is None:
        abort(404)
    try:
        services.resolve_comment(comment, current_user)
    except WorkflowError as error:
        flash(str(error), "error")
    else:
        flash(_("The comment is marked resolved."), "success")
    return _back_to("review.review", submission, f"item-{comment.item.code if comment.item else GENERAL}")


@bp.post("/return")
@allow(Role.ADMINISTRATOR, Role.SECRETARIAT)
def return_reply(cycle_key: str, code: str):
    """Return the reply for revision and tell the State's focal points by e-mail."""
    submission = load_submission(cycle_key, code)
    form = ReturnForm(prefix="return")
    if not form.validate_on_submit():
        return _render_review(submission, status=422, return_form=form)
    try:
        recipients, undelivered = services.return_with_notice(submission, current_user, _note(form))
    except WorkflowError as error:
        flash(str(error), "error")
        return _back_to("review.review", submission)
    if undelivered:
        # The return stands; the State sees it and the comments when its focal points sign in.
        flash(_("The reply was returned for revision, but the e-mail could not be sent to %(addresses)s. "
                "Tell them another way.", addresses=", ".join(f.message.recipient for f in undelivered)), "error")
        if recipients:
            flash(_("Its other focal points were told by e-mail (%(addresses)s).", addresses=", ".join(recipients)),
                  "success")
        return _back_to("review.timeline", submission)
    if recipients:
        flash(_("The reply was returned for revision; its focal points were told by e-mail (%(addresses)s).",
                addresses=", ".join(recipients)), "success")
    else:
        flash(_("The reply was returned for revision. The State has no active focal point to tell by e-mail."),
              "error")
    return _back_to("review.timeline", submission)


@bp.post("/accept")
@allow(Role.ADMINISTRATOR, Role.SECRETARIAT)
def accept(cycle_key: str, code: str):
    """Accept the reply: it is final for the cycle's report; with comments unresolved, only once the officer confirms."""
    submission = load_submission(cycle_key, code)
    form = AcceptForm(prefix="accept")
    unresolved = dialogue.unresolved_count(submission)
    if form.validate_on_submit() and unresolved and not form.confirm_open.data:
        form.confirm_open.errors = [ngettext(
            "%(num)d comment is not resolved: tick the box to accept the reply all the same, or resolve it first.",
            "%(num)d comments are not resolved: tick the box to accept the reply all the same, or resolve them first.",
            unresolved)]
        return _render_review(submission, status=422, accept_form=form)
    def accept_and_tell(submission: Submission, user, note: str | None) -> None:
        submissions.accept_reply(submission, user, note, open_comments=unresolved)
        notices.word_of_acceptance(submission, note)

    return _review_step(cycle_key, code, form, "accept_form", accept_and_tell, _("The reply was accepted."),
                        submission=submission)


@bp.post("/reopen")
@allow(Role.ADMINISTRATOR, Role.SECRETARIAT)
def reopen(cycle_key: str, code: str):
    """Reopen a submitted or accepted reply as a draft the State can change again."""
    return _review_step(cycle_key, code, ReopenForm(prefix="reopen"), "reopen_form", submissions.reopen_reply,
                        _("The reply was reopened: the State can change it and submit it again."))


def _review_step(cycle_key: str, code: str, form, form_name: str, step, done: str, *,
                 submission: Submission | None = None):
    """Take a step of the review (``step(submission, user, note)``) from the review page's form ``form_name``."""
    submission = submission or load_submission(cycle_key, code)
    if not form.validate_on_submit():
        return _render_review(submission, status=422, **{form_name: form})
    try:
        step(submission, current_user, _note(form))
    except WorkflowError as error:
        flash(str(error), "error")
        return _back_to("review.review", submission)
    flash(done, "success")
    return _back_to("review.timeline", submission)


def _render_timeline(submission: Submission, *, form: ReopenRequestForm | None = None, status: int = 200):
    heading = reply_heading(submission, _language(submission))
    pending = services.pending_reopen_request(submission)
    can_request = (
        current_user.role is Role.FOCAL_POINT and heading.is_with_secretariat and heading.is_cycle_open
        and pending is None
    )
    return render_template(
        "review/timeline.html", heading=heading, entries=services.timeline(submission), pending=pending,
        can_request=can_request, form=form or ReopenRequestForm(formdata=None),
        is_staff=current_user.role in STAFF_ROLES,
    ), status


@bp.get("/timeline")
@signed_in
def timeline(cycle_key: str, code: str):
    """Show every step of the reply's history: who did what, when, and why."""
    return _render_timeline(load_submission(cycle_key, code))


@bp.post("/reopen-request")
@allow(Role.FOCAL_POINT)
def reopen_request(cycle_key: str, code: str):
    """Let a focal point ask the Secretariat to reopen the submitted reply."""
    submission = load_submission(cycle_key, code)
    form = ReopenRequestForm()
    if not form.validate_on_submit():
        return _render_timeline(submission, form=form, status=422)
    try:
        submissions.request_reopening(submission, current_user, _note(form))
    except WorkflowError as error:
        flash(str(error), "error")
    else:
        flash(_("Your request to reopen the reply was sent to the Secretariat."), "success")
    return _back_to("review.timeline", submission)


@bp.get("/reply.pdf")
@signed_in
def reply_pdf(cycle_key: str, code: str):
    """Send the State's reply as a PDF: the country reply."""
    submission = load_submission(cycle_key, code)
    reply = country_reply(submission, _language(submission))
    return send_file(
        io.BytesIO(render_country_reply(reply)),
        mimetype="application/pdf",
        as_attachment=True,
        download_name=country_reply_filename(reply),
    )
