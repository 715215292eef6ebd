"""The secretariat sets up a body, plans a meeting with the standard cases, adds a case,
holds the meeting, and the next meeting approves its minutes, after which they cannot be
edited.

Elements are found by ids, names and URLs, never by their (translated) text."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import POLYFON_SECRETARIAT, check_accessibility, login

CLUSTER = "polyfon"


def submit(page):
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").first.click()


def test_plan_a_meeting_and_approve_its_minutes(page, live_server, demo):
    login(page, live_server, POLYFON_SECRETARIAT)
    page.goto(f"{live_server.url}/{CLUSTER}/bodies/")
    check_accessibility(page, "body-list")
    page.locator(f"main a[href='/{CLUSTER}/bodies/new/']").click()
    page.fill("#id_name", "Arbeidsgruppe for musikk")
    page.fill("#id_slug", "arbeidsgruppe-musikk")
    page.select_option("#id_kind", "working_group")
    page.fill("#id_case_number_format", "{number:02}/{yy}")
    submit(page)
    expect(page).to_have_url(re.compile(rf"/{CLUSTER}/bodies/arbeidsgruppe-musikk/$"))
    check_accessibility(page, "body-detail")

    page.locator("main a[href$='/meetings/new/']").click()
    page.fill("#id_starts_at", "2026-02-02T10:00")
    page.fill("#id_ends_at", "2026-02-02T09:00")  # before the start: a message at the field
    page.fill("#id_place", "Grieghallen")
    submit(page)
    expect(page.locator("#id_ends_at_error")).to_be_visible()
    expect(page.locator("#id_place")).to_have_value("Grieghallen")
    page.fill("#id_ends_at", "2026-02-02T12:00")
    submit(page)
    expect(page).to_have_url(re.compile(r"/bodies/arbeidsgruppe-musikk/2026-02-02/$"))
    cases = page.locator("section[aria-labelledby=cases-heading] article h3")
    expect(cases).to_have_count(2)  # notice and agenda; any other business
    expect(cases.first).to_contain_text("01/26")
    check_accessibility(page, "meeting-detail")

    page.locator("main a[href$='/cases/new/']").click()
    page.fill("#id_title", "Budsjett for 2026")
    page.fill("#id_decision", "Budsjettet vedtas.")
    submit(page)
    expect(cases).to_have_count(3)
    expect(cases.nth(2)).to_contain_text("03/26")
    meeting_url = page.url
    case_form = page.locator("main article a[href*='/cases/']:not([href*='/followups/'])")
    case_form = case_form.first.get_attribute("href")

    page.locator("main a[href$='/edit/']").first.click()
    page.select_option("#id_status", "held")
    submit(page)
    # The next meeting approves the minutes, in its case "approval of the minutes".
    page.goto(f"{live_server.url}/{CLUSTER}/bodies/arbeidsgruppe-musikk/meetings/new/")
    page.fill("#id_starts_at", "2026-03-02T10:00")
    submit(page)
    expect(page).to_have_url(re.compile(r"/bodies/arbeidsgruppe-musikk/2026-03-02/$"))
    page.locator("main article a[href*='/2026-02-02/approve/?case=']").click()
    submit(page)
    expect(page).to_have_url(meeting_url)
    expect(page.locator(".ds-alert[data-color=info]")).to_contain_text("05/26")  # locked
    edits = "main a[href*='/cases/']:not([href$='/correct/']):not([href*='/followups/'])"
    expect(page.locator(edits)).to_have_count(0)  # write and withdraw are gone

    # An old link to a case's form is refused with a clear message on the meeting's page.
    page.goto(f"{live_server.url}{case_form}")
    expect(page).to_have_url(meeting_url)
    expect(page.locator(".ds-alert[data-color=danger]")).to_be_visible()

    # A correction is a new version with a reason, shown as what it changed.
    page.locator("main a[href$='/correct/']").nth(2).click()
    page.fill("#id_decision", "Budsjettet vedtas med endringer.")
    submit(page)  # no reason: a message at the field, the text kept
    expect(page.locator("#id_reason_error")).to_be_visible()
    expect(page.locator("#id_decision")).to_have_value("Budsjettet vedtas med endringer.")
    page.fill("#id_reason", "Vedtaket var skrevet feil.")
    submit(page)
    expect(page).to_have_url(re.compile(r"/minutes/versions/$"))
    expect(page.locator("pre.diff del")).to_contain_text("Budsjettet vedtas.")
    expect(page.locator("pre.diff ins")).to_contain_text("Budsjettet vedtas med endringer.")
    check_accessibility(page, "minutes-versions")


def test_send_the_notice_and_a_member_answers_by_the_link_in_the_email(
    page, browser, live_server, demo, mailoutbox
):
    """The notice goes by email with the agenda and the calendar; a member answers "my
    substitute comes" by their link without logging in, and the substitute is invited."""
    login(page, live_server, POLYFON_SECRETARIAT)
    page.goto(f"{live_server.url}/{CLUSTER}/bodies/erfaringspanelet/")
    page.locator("main a[href*='/bodies/erfaringspanelet/20']").first.click()
    meeting_url = page.url
    page.locator("main a[href$='/notice/']").click()
    check_accessibility(page, "notice-send")
    submit(page)
    expect(page).to_have_url(meeting_url)
    expect(page.locator(".ds-alert[data-color=success], [role=status]").first).to_be_visible()

    recipients = {m.to[0]: m for m in mailoutbox}
    assert "ase.marie.lunde@example.no" in recipients, sorted(recipients)
    email = recipients["ase.marie.lunde@example.no"]
    assert [name.rsplit(".", 1)[1] for name, _, _ in email.attachments] == ["pdf", "ics"]
    link = re.search(r"https?://\S+/answer/\S+/", email.body).group(0)
    mailoutbox.clear()

    # The member, in a browser of their own, without logging in.
    member = browser.new_context(locale="nb-NO", timezone_id="Europe/Oslo").new_page()
    member.goto(link)
    check_accessibility(member, "answer")
    member.check("#answer-substitute")
    with member.expect_navigation():
        member.locator("main form button[type=submit]").click()
    expect(member.locator("#answer-substitute")).to_be_checked()
    member.context.close()

    (invitation,) = mailoutbox
    assert invitation.to == ["henrik.soreide@example.no"]

    page.goto(meeting_url)
    expect(page.locator("#answers")).to_contain_text("Henrik Søreide")
