"""Send a message: through SMTP when MAIL_SERVER is set, else to the log and the outbox."""

from __future__ import annotations

import dataclasses
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from typing import Any, Callable

from flask import current_app, render_template
from flask_babel import force_locale

from portal.core.extensions import db
from portal.mail.models import OutboxMessage


class MailError(RuntimeError):
    """The SMTP server refused or could not be reached."""


@dataclasses.dataclass(frozen=True)
class Message:
    """A plain-text message to one person."""

    recipient: str
    subject: str
    body: str


@dataclasses.dataclass(frozen=True)
class Undelivered:
    """A message that could not be sent, and why."""

    message: Message
    reason: str


def letter(person: Any, subject: Callable[[], str], template: str, **context: Any) -> Message:
    """Return the message to ``person`` (a user) in their preferred language: ``subject`` is called, and the
    template rendered, in that language, with the dates and numbers of its locale."""
    with force_locale(person.language):
        return Message(person.email, subject(), render_template(template, user=person, **context))


def send_mail(message: Message) -> None:
    """Send one plain-text message; raise :class:`MailError` if it cannot be sent."""
    undelivered = send_mails([message])
    if undelivered:
        raise MailError(undelivered[0].reason)


def send_mails(messages: list[Message]) -> list[Undelivered]:
    """Send ``messages`` over one SMTP connection; return those that could not be sent, with the reason.

    A recipient the server refuses does not stop the others. Without MAIL_SERVER the messages go
    to the log and the outbox, and all are delivered.
    """
    config = current_app.config
    if not messages:
        return []
    if not config.get("MAIL_SERVER"):
        for message in messages:
            if config["PORTAL_ENV"] == "development":
                current_app.logger.info("mail to %s: %s\n%s", message.recipient, message.subject, message.body)
            else:  # the body may hold a link that sets the account's password: not for the log
                current_app.logger.info("mail to %s: %s (in the outbox)", message.recipient, message.subject)
            db.session.add(OutboxMessage(recipient=message.recipient, subject=message.subject, body=message.body))
        db.session.flush()
        return []

    undelivered: list[Undelivered] = []
    handled = 0  # messages sent or refused one by one; the rest fail with the connection
    try:
        smtp_class = smtplib.SMTP_SSL if config["MAIL_USE_SSL"] else smtplib.SMTP
        kwargs = {"timeout": config["MAIL_TIMEOUT"]}
        if config["MAIL_USE_SSL"]:
            kwargs["context"] = ssl.create_default_context()
        with smtp_class(config["MAIL_SERVER"], config["MAIL_PORT"], **kwargs) as smtp:
            if config["MAIL_USE_TLS"] and not config["MAIL_USE_SSL"]:
                smtp.starttls(context=ssl.create_default_context())
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
            for message in messages:
                try:
                    smtp.send_message(_email(message, config["MAIL_DEFAULT_SENDER"]))
                except (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError, smtplib.SMTPSenderRefused) as error:
                    # This message is refused (smtplib has reset the transaction); the next ones go on.
                    undelivered.append(Undelivered(message, _reason(error)))
                handled += 1
    except (OSError, smtplib.SMTPException) as error:
        undelivered += [Undelivered(message, _reason(error)) for message in messages[handled:]]
    for failure in undelivered:
        current_app.logger.error("mail to %s could not be sent: %s", failure.message.recipient, failure.reason)
    return undelivered


def _email(message: Message, sender: str) -> EmailMessage:
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.recipient
    email["Subject"] = message.subject
    email["Date"] = formatdate(localtime=False)
    email["Message-ID"] = make_msgid(domain="reporting-portal")
    email.set_content(message.body)
    return email


def _reason(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [f"{code} {text.decode(errors='replace') if isinstance(text, bytes) else text}"
                 for code, text in error.recipients.values()]
        return "; ".join(codes) or str(error)
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error.decode(errors="replace") if isinstance(error.smtp_error, bytes) else str(error.smtp_error)
        return f"{error.smtp_code} {text}"
    return str(error) or type(error).__name__
