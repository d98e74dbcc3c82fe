"""Forms of the submit and review pages: each a CSRF-protected form with at most a text to type."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from portal.core.forms import PortalForm

MAX_NOTE = 5_000
MAX_COMMENT = 20_000


class SubmitForm(PortalForm):
    """Confirm the submission of a complete reply: the focal point ticks the box, then submits."""

    # Not DataRequired: a reply that cannot be submitted says why first (missing answers, closed cycle).
    confirm = BooleanField(_l("Send the reply to the Secretariat now: it can then no longer be changed, unless the "
                              "Secretariat returns it or reopens it"))


class CommentForm(PortalForm):
    """The Secretariat's comment on one item; rendered with the item's prefix so that ids stay unique."""

    body = TextAreaField(
        _l("Comment"),
        validators=[DataRequired(message=_l("Write the comment first.")), Length(max=MAX_COMMENT)],
        description=_l("The State sees the comment beside this item when the reply is returned."),
    )


class ResolveCommentForm(PortalForm):
    comment = HiddenField(validators=[DataRequired()])


class ReturnForm(PortalForm):
    note = TextAreaField(
        _l("Note to the State (optional)"),
        validators=[Optional(), Length(max=MAX_NOTE)],
        description=_l("Sent by e-mail to the State's focal points with the comments on the items."),
    )


class AcceptForm(PortalForm):
    note = TextAreaField(_l("Note for the timeline (optional)"), validators=[Optional(), Length(max=MAX_NOTE)])
    # Asked for only while comments are unresolved (the page shows it then); the timeline records it.
    confirm_open = BooleanField(_l("Accept the reply although comments are not resolved"))


class ReopenForm(PortalForm):
    note = TextAreaField(
        _l("Reason for reopening (optional)"),
        validators=[Optional(), Length(max=MAX_NOTE)],
        description=_l("The reply becomes a draft the State can change and submit again."),
    )


class ReopenRequestForm(PortalForm):
    note = TextAreaField(
        _l("Why should the reply be reopened? (optional)"),
        validators=[Optional(), Length(max=MAX_NOTE)],
        description=_l("For example, a law adopted since the reply was submitted."),
    )


class CommentAnswerForm(PortalForm):
    """An answer written under a review comment, sent alone or with the comment marked addressed (or resolved)."""

    body = TextAreaField(_l("Your answer"), validators=[Optional(), Length(max=MAX_COMMENT)])
