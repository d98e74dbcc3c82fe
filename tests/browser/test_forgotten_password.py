"""A forgotten password: the reset mail goes through a real SMTP server and its link works once."""

import re

from playwright.sync_api import expect

from portal.core.access import Role


def test_reset_mail_is_sent_over_smtp_and_its_link_sets_a_new_password(page, make_account, mailbox):
    email = make_account(Role.CONTRIBUTOR, "JPN", email="browser.contributor@example.org", name="Haruto Sato")
    page.goto("/login")
    page.get_by_role("link", name="Forgotten your password?").click()
    page.get_by_label("E-mail address").fill(email)
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_text("If an account uses this address")).to_be_visible()

    message = mailbox.wait_for(email)
    assert message["Subject"] == "Reset your password for the reporting portal"
    assert message["From"].addresses[0].addr_spec == "no-reply@localhost"
    link = re.search(r"http://\S+/reset-password/\S+", message.get_content()).group(0)

    page.goto(link)
    page.get_by_label("New password", exact=True).fill("a-brand-new-password")
    page.get_by_label("Repeat the new password").fill("a-brand-new-password")
    page.get_by_role("button", name="Set the password").click()
    expect(page).to_have_url(re.compile(r"/dashboard$"))
    expect(page.get_by_text("Your new password is set.")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    page.goto(link)
    expect(page.get_by_role("heading", name="This link is not valid")).to_be_visible()
    page.goto("/login")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill("a-brand-new-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/dashboard$"))
