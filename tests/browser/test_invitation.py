"""The Secretariat invites a focal point, who accepts through the mailed link and sets a password."""

import re

from playwright.sync_api import expect

from portal.core.access import Role
from tests.browser.conftest import sign_in


def test_invitation_is_accepted_and_a_password_set(browser, live_server, page, make_account, mailbox):
    officer = make_account(Role.SECRETARIAT, email="browser.officer@example.org", name="Sami Officer")
    sign_in(page, officer)
    page.get_by_role("link", name="Invite a person").click()
    page.get_by_label("Full name").fill("Tomás Ferreira")
    page.get_by_label("E-mail address").fill("tomas.ferreira@mne.example")
    page.get_by_label("Role").select_option("focal_point")
    page.get_by_label("Member State").select_option("PRT")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("An invitation was sent to tomas.ferreira@mne.example, unless")).to_be_visible()
    expect(page.get_by_role("cell", name="tomas.ferreira@mne.example")).to_be_visible()
    expect(page.get_by_role("cell", name="Invited")).to_be_visible()

    message = mailbox.wait_for("tomas.ferreira@mne.example")
    assert message["Subject"] == "Invitation to the Member State reporting portal"
    body = message.get_content()
    assert "National focal point for Portugal" in body
    link = re.search(r"http://\S+/invitation/\S+", body).group(0)

    invitee = browser.new_context(base_url=live_server).new_page()
    invitee.goto(link)
    expect(invitee.get_by_role("heading", name="Welcome, Tomás Ferreira")).to_be_visible()
    invitee.get_by_label("New password", exact=True).fill("short")
    invitee.get_by_label("Repeat the new password").fill("short")
    invitee.get_by_role("button", name="Set my password").click()
    expect(invitee.locator("#password-error")).to_contain_text("at least 10")
    invitee.get_by_label("New password", exact=True).fill("lisboa-and-porto-2026")
    invitee.get_by_label("Repeat the new password").fill("lisboa-and-porto-2026")
    invitee.get_by_role("button", name="Set my password").click()
    expect(invitee).to_have_url(re.compile(r"/dashboard$"))
    expect(invitee.get_by_text("You are signed in as National focal point for Portugal.")).to_be_visible()

    # the link works once
    invitee.goto(link)
    expect(invitee.get_by_role("heading", name="This link is not valid")).to_be_visible()
    invitee.context.close()
