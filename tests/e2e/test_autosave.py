"""The minute taker writes a case during the meeting: the text is saved as they type, waits in
the browser while the connection is lost, and a second editor's change is shown beside it."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import POLYFON_SECRETARIAT, check_accessibility, login

BODY = "/polyfon/bodies/styringsgruppen/"


def test_minutes_are_saved_as_typed_through_a_lost_connection_and_a_second_editor(
    page, browser, live_server, demo
):
    login(page, live_server, POLYFON_SECRETARIAT)
    page.goto(f"{live_server.url}{BODY}")
    meetings = page.locator("section[aria-labelledby=meetings-heading]")
    meetings.get_by_role("row").filter(has_text="Planlagt").get_by_role("link").click()
    case = page.locator("main article").filter(has_text="Årsplan og budsjett")
    # Typing starts once the page is loaded, with its script listening.
    with page.expect_navigation(wait_until="load"):
        case.get_by_role("link", name=re.compile("^Skriv")).click()
    edit_url = page.url
    status = page.locator("[data-autosave-status]")

    discussion = page.get_by_label("Drøfting")
    discussion.fill("Årsplanen ble gjennomgått.")
    expect(status).to_contain_text("Lagret", timeout=10_000)
    check_accessibility(page, "case-autosave")

    # The connection drops: the text waits in the browser and goes when it is back.
    page.context.set_offline(True)
    discussion.fill("Årsplanen ble gjennomgått. Budsjettet ble justert.")
    expect(status).to_contain_text("ingen forbindelse")
    page.context.set_offline(False)
    page.evaluate("() => window.dispatchEvent(new Event('online'))")
    expect(status).to_contain_text("Lagret", timeout=10_000)

    # A second editor saves the case; the first one's next keystrokes meet their text.
    other = browser.new_context(base_url=live_server.url, locale="nb-NO")
    second = other.new_page()
    login(second, live_server, POLYFON_SECRETARIAT)
    second.goto(edit_url)
    second.get_by_label("Vedtak", exact=True).fill("Årsplanen er vedtatt.")
    with second.expect_navigation():
        second.get_by_role("button", name="Lagre").click()
    other.close()

    discussion.fill("Årsplanen ble gjennomgått. Budsjettet ble justert, og vedtatt.")
    conflict = page.locator("[data-autosave-conflict]")
    expect(conflict).to_be_visible()
    expect(conflict).to_contain_text("Årsplanen er vedtatt.")
    expect(discussion).to_have_value(
        "Årsplanen ble gjennomgått. Budsjettet ble justert, og vedtatt."
    )
    # Saving now, having seen theirs, keeps this text and theirs where this one had none.
    page.get_by_label("Vedtak", exact=True).fill("Årsplanen er vedtatt.")
    with page.expect_navigation():
        page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_role("status").first).to_contain_text("lagret")
    expect(page.locator("main article").filter(has_text="Årsplan og budsjett")).to_contain_text(
        "Budsjettet ble justert, og vedtatt."
    )
