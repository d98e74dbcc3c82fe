"""A person signs in through the real login page, sees the dashboard and signs out."""

import re

from playwright.sync_api import expect

from portal.core.access import Role


def test_focal_point_signs_in_sees_dashboard_and_signs_out(page, make_account):
    email = make_account(Role.FOCAL_POINT, "CAN", email="browser.focal@example.org", name="Claire Tremblay")
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login"))
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()

    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("The e-mail address or the password is not correct.")).to_be_visible()
    expect(page.get_by_label("E-mail address")).to_have_value(email)

    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_label("Password").press("Enter")  # the keyboard is enough
    expect(page).to_have_url(re.compile(r"/dashboard$"))
    expect(page.get_by_role("heading", name="Welcome, Claire Tremblay")).to_be_visible()
    expect(page.get_by_text("You are signed in as National focal point for Canada.")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.get_by_text("You have signed out.")).to_be_visible()
    page.goto("/dashboard")
    expect(page).to_have_url(re.compile(r"/login\?next="))


def test_the_page_runs_no_inline_script_and_breaks_no_csp(page):
    violations = []
    page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
    page.goto("/login")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    # the stylesheet loaded under the CSP: the header is a dark UN blue over a band of UN blue
    header = page.locator(".site-header")
    assert header.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(0, 90, 140)"
    assert header.evaluate("e => getComputedStyle(e).borderBottomColor") == "rgb(0, 158, 219)"
    assert violations == []
    # The page names its icon, which is served: the browser does not go looking for a missing /favicon.ico.
    icon = page.locator("link[rel=icon]").get_attribute("href")
    response = page.request.get(icon)
    assert response.status == 200 and response.headers["content-type"].startswith("image/svg+xml")
