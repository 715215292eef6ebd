"""The secretariat gives a new person access; the person chooses a password from the email
and lands in the cluster's registry."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import DEMO_PASSWORD, POLYFON_SECRETARIAT, check_accessibility, login


def test_invited_person_sets_a_password_and_sees_the_registry(page, live_server, demo, mailoutbox):
    login(page, live_server, POLYFON_SECRETARIAT)
    page.goto(f"{live_server.url}/polyfon/registry/access/")
    page.fill("#id_email", "ny.deltaker@example.no")
    page.fill("#id_name", "Nora Ny")
    page.select_option("#id_role", "member")
    with page.expect_navigation():
        page.locator("main form:has(#id_email) button[type=submit]").click()
    expect(page.locator("main table")).to_contain_text("ny.deltaker@example.no")
    check_accessibility(page, "access-after-invite")

    assert len(mailoutbox) == 1, mailoutbox
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", mailoutbox[0].body)
    assert link, mailoutbox[0].body
    page.context.clear_cookies()
    page.goto(live_server.url + "/" + link.group(0).split("/", 3)[3])
    page.fill("input[name=password1]", "et langt og godt passord 7")
    page.fill("input[name=password2]", "et langt og godt passord 7")
    with page.expect_navigation():
        page.locator("main form:has(input[name=password1]) button[name=action]").click()

    login(page, live_server, "ny.deltaker@example.no", "et langt og godt passord 7")
    page.goto(f"{live_server.url}/polyfon/organisations/")
    expect(page.locator("main h1")).to_be_visible()
    expect(page.locator("main table")).to_contain_text("Helse Bergen HF")
    # A member reads the registry but is offered no changes.
    expect(page.locator("a[href='/polyfon/organisations/new/']")).to_have_count(0)


def test_secretariat_changes_roles_and_the_cluster_keeps_a_secretariat(page, live_server, demo):
    login(page, live_server, POLYFON_SECRETARIAT)
    page.goto(f"{live_server.url}/polyfon/registry/access/")
    own_row = page.locator("main tbody tr", has_text=POLYFON_SECRETARIAT)
    own_row.locator("select[name=role]").select_option("member")
    with page.expect_navigation():
        own_row.locator("button[type=submit]").click()
    expect(page.locator("#messages .ds-alert[data-color=danger]")).to_be_visible()
    expect(own_row.locator("select[name=role]")).to_have_value("secretariat")

    member_row = page.locator("main tbody tr", has_text="medlem@polyfon.example.no")
    member_row.locator("select[name=role]").select_option("secretariat")
    with page.expect_navigation():
        member_row.locator("button[type=submit]").click()
    expect(page.locator("#messages .ds-alert[data-color=success]")).to_be_visible()
    expect(member_row.locator("select[name=role]")).to_have_value("secretariat")
    check_accessibility(page, "access-after-role-change")


def test_secretariat_is_asked_to_set_up_two_factor_login(page, live_server, demo, settings):
    settings.SAMSPILL_SECRETARIAT_2FA = True
    login(page, live_server, POLYFON_SECRETARIAT)
    page.goto(f"{live_server.url}/polyfon/registry/")
    # Adding a second factor asks for the password again first.
    expect(page).to_have_url(re.compile(r"/accounts/(reauthenticate/\?next=.*totp|2fa/totp/)"))
    if page.locator("input[name=password]").count():
        page.fill("input[name=password]", DEMO_PASSWORD)
        with page.expect_navigation():
            page.locator("main form:has(input[name=password]) [type=submit]").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/$"))
    expect(page.locator("input[name=code]")).to_be_visible()
