"""Mail goes out in the recipient's preferred language, over a real SMTP server."""

from __future__ import annotations

from portal.core.access import Role
from tests.conftest import login, submit
from tests.i18n import catalogues


def translation(language: str, message: str) -> str:
    return catalogues.catalogue(language).get(message).string


def test_an_invitation_to_a_spanish_speaking_focal_point_arrives_in_spanish(client, create_user, db, smtp):
    officer = create_user(Role.SECRETARIAT)  # the officer reads the pages in English
    login(client, officer)
    response = submit(client, "/invite", {"name": "Lucía Gómez", "email": "lucia.gomez@cancilleria.example",
                                           "role": "focal_point", "state": "MEX", "language": "es"})
    assert response.status_code == 302
    (message,) = smtp.messages
    assert message["To"] == "lucia.gomez@cancilleria.example"
    assert message["Subject"] == translation("es", "Invitation to the Member State reporting portal")
    body = message.get_content()
    assert "Invitation to the Member State reporting portal" not in body
    greeting = translation("es", "Dear %(name)s,") % {"name": "Lucía Gómez"}
    assert greeting in body and "Dear " not in body
    assert "México" in body and "Mexico" not in body  # the State's name as the United Nations writes it in Spanish


def test_the_same_invitation_in_english_to_an_english_speaking_focal_point(client, create_user, db, smtp):
    officer = create_user(Role.SECRETARIAT)
    login(client, officer)
    submit(client, "/invite", {"name": "Ann Lee", "email": "ann.lee@mfa.example", "role": "focal_point",
                               "state": "CAN", "language": "en"})
    (message,) = smtp.messages
    assert message["Subject"] == "Invitation to the Member State reporting portal"
    assert "Dear Ann Lee," in message.get_content()
