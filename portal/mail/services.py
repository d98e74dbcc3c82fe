"""Send a message: through SMTP when MAIL_SERVER is set, else to the log and the outbox."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from flask import current_app

from portal.core.extensions import db
from portal.mail.models import OutboxMessage


class MailError(RuntimeError):
    """The SMTP server refused or could not be reached."""


def send_mail(recipient: str, subject: str, body: str) -> None:
    """Send a plain-text message to ``recipient``."""
    config = current_app.config
    if not config.get("MAIL_SERVER"):
        current_app.logger.info("mail to %s: %s\n%s", recipient, subject, body)
        db.session.add(OutboxMessage(recipient=recipient, subject=subject, body=body))
        db.session.flush()
        return

    message = EmailMessage()
    message["From"] = config["MAIL_DEFAULT_SENDER"]
    message["To"] = recipient
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="reporting-portal")
    message.set_content(body)

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
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        current_app.logger.error("mail to %s could not be sent: %s", recipient, error)
        raise MailError(str(error)) from error
