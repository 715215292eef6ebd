"""Account pages in the browser: password reset by email, activating an authenticator app
(TOTP) and logging in with it. Each page on the way is checked with axe-core."""

import re
import time

from django_scopes import scopes_disabled
from playwright.sync_api import expect

from tests.e2e.conftest import (
    DEMO_PASSWORD,
    POLYFON_SECRETARIAT,
    check_accessibility,
    login,
    screenshot,
)


def _totp_code(secret: str) -> str:
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def _submit(page, form_selector: str = "main form[method=post]"):
    with page.expect_navigation():
        page.locator(f"{form_selector} button[type=submit]").first.click()


def test_login_page_does_not_offer_signup_when_closed(page, live_server, settings):
    settings.SAMSPILL_SIGNUP_OPEN = False
    page.goto(f"{live_server.url}/accounts/login/")
    expect(page.locator("input[name=login]")).to_be_visible()
    expect(page.locator("main a[href*='/accounts/signup/']")).to_have_count(0)


def test_password_reset_by_email(page, live_server, demo, mailoutbox):
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("main a[href*='/accounts/password/reset/']").click()
    expect(page).to_have_url(re.compile(r"/accounts/password/reset/$"))
    page.fill("input[name=email]", POLYFON_SECRETARIAT)
    _submit(page)
    expect(page).to_have_url(re.compile(r"/accounts/password/reset/done/$"))
    check_accessibility(page, "password-reset-done")

    assert len(mailoutbox) == 1, mailoutbox
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", mailoutbox[0].body)
    assert link, mailoutbox[0].body
    path = "/" + link.group(0).split("/", 3)[3]
    page.goto(f"{live_server.url}{path}")
    expect(page.locator("input[name=password1]")).to_be_visible()
    check_accessibility(page, "password-reset-from-key")

    # A mismatch is reported next to the field, accessibly.
    page.fill("input[name=password1]", "et nytt langt passord 42")
    page.fill("input[name=password2]", "et annet langt passord 43")
    _submit(page, "main form:has(input[name=password1])")
    expect(page.locator("main .ds-validation-message").first).to_be_visible()
    expect(page.locator("input[aria-invalid=true]").first).to_be_visible()
    check_accessibility(page, "password-reset-from-key-error")

    page.fill("input[name=password1]", "et nytt langt passord 42")
    page.fill("input[name=password2]", "et nytt langt passord 42")
    _submit(page, "main form:has(input[name=password1])")
    expect(page).to_have_url(re.compile(r"/accounts/password/reset/key/done/$"))
    check_accessibility(page, "password-reset-from-key-done")

    login(page, live_server, POLYFON_SECRETARIAT, "et nytt langt passord 42")


def test_activate_authenticator_app_and_log_in_with_it(page, live_server, demo):
    login(page, live_server, POLYFON_SECRETARIAT)
    page.goto(f"{live_server.url}/accounts/2fa/totp/activate/")
    # Adding a second factor asks for the password again first.
    if page.locator("input[name=password]").count():
        check_accessibility(page, "mfa-reauthenticate")
        page.fill("input[name=password]", DEMO_PASSWORD)
        _submit(page)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/"))
    secret = page.locator("#authenticator_secret").input_value()
    assert re.fullmatch(r"[A-Z2-7]{16,}", secret), secret
    expect(page.locator("main img[src^='data:image/svg']")).to_be_visible()
    check_accessibility(page, "mfa-totp-activate")

    # A wrong code is refused with a message at the field.
    page.fill("input[name=code]", "000000" if _totp_code(secret) != "000000" else "111111")
    _submit(page, "main form:has(input[name=code])")
    expect(page.locator("main .ds-validation-message")).to_be_visible()
    expect(page.locator("input[name=code]")).to_have_attribute("aria-invalid", "true")
    check_accessibility(page, "mfa-totp-activate-error")

    page.fill("input[name=code]", _totp_code(secret))
    _submit(page, "main form:has(input[name=code])")
    assert "/totp/activate/" not in page.url, page.locator("main").inner_text()
    screenshot(page, "mfa-activated")

    # Logging in now asks for a code after the password.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", POLYFON_SECRETARIAT)
    page.fill("input[name=password]", DEMO_PASSWORD)
    _submit(page, "main form:has(input[name=password])")
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    check_accessibility(page, "mfa-authenticate")
    page.fill("input[name=code]", _totp_code(secret))
    _submit(page, "main form:has(input[name=code])")
    assert "/accounts/" not in page.url, page.locator("main").inner_text()

    with scopes_disabled():
        from allauth.mfa.models import Authenticator

        assert Authenticator.objects.filter(
            user__email=POLYFON_SECRETARIAT, type=Authenticator.Type.TOTP
        ).exists()
