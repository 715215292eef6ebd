"""The secretariat sends a matter on written procedure (skriftlig behandling) to the steering
group; members answer by the personal links in their emails, on a phone and without logging
in, in the cluster's language (Polyfon's is nynorsk); one asks for a meeting, which closes
the answers and puts the matter on the next meeting's agenda. Then a member is recorded as
disqualified (inhabil) for a case of that meeting.

Unlike test_governance.py, elements are found by their role and Norwegian label or name where
the page has one, so the test also reads the page as the user does, in nb."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import POLYFON_SECRETARIAT, check_accessibility, login

BODY = "/polyfon/bodies/styringsgruppen/"
LINK = re.compile(r"https?://\S+/circulation/\S+/")
FIRST, SECOND = "marte.lie.aasen@example.no", "silje.bakken@example.no"


def on_a_phone(browser):
    """A member's own browser: not logged in, a phone's width."""
    context = browser.new_context(
        locale="nb-NO", timezone_id="Europe/Oslo", viewport={"width": 390, "height": 844}
    )
    return context.new_page()


def click_and_wait(page, locator):
    with page.expect_navigation():
        locator.click()


def test_written_procedure_answered_by_link_and_a_disqualification(
    page, browser, live_server, demo, mailoutbox
):
    login(page, live_server, POLYFON_SECRETARIAT)
    page.goto(f"{live_server.url}{BODY}")
    page.get_by_role("link", name="Skriftlig behandling", exact=True).click()
    page.get_by_label("Formål").select_option(label="Til kommentar")
    page.get_by_label("Tittel").fill("Innspel til strategien")
    page.get_by_label("Forslag eller dokument").fill("Kva bør strategien seie om brukarane?")
    deadline = timezone.localdate() + datetime.timedelta(days=7)
    page.get_by_label("Svarfrist").fill(deadline.isoformat())
    click_and_wait(page, page.get_by_role("button", name="Send til medlemmene"))
    expect(page).to_have_url(re.compile(rf"{BODY}circulations/\d+/$"))
    expect(page.get_by_role("status")).to_contain_text("sendt til medlemmene")
    detail_url = page.url

    links = {m.to[0]: LINK.search(m.body).group(0) for m in mailoutbox}
    assert {FIRST, SECOND} <= set(links), sorted(links)
    assert f"{deadline:%d.%m.%Y}" in mailoutbox[0].subject

    # The first member: "with comments" needs a comment, said at the field, the choice kept.
    first = on_a_phone(browser)
    first.goto(links[FIRST])
    expect(first.get_by_role("heading", level=1)).to_have_text("Innspel til strategien")
    first.get_by_label("Eg er einig, med kommentarar").check()
    send = first.get_by_role("button", name="Send svaret")
    click_and_wait(first, send)
    comment = first.get_by_label("Kommentar", exact=True)
    expect(first.locator("#id_comment_error")).to_be_visible()
    expect(comment).to_have_attribute("aria-describedby", "id_comment_error")
    expect(first.get_by_label("Eg er einig, med kommentarar")).to_be_checked()
    check_accessibility(first, "circulation-answer")  # with the error summary and message
    comment.fill("Brukarane bør vere med frå starten.")
    click_and_wait(first, send)
    expect(first.get_by_role("status")).to_have_text("Takk, svaret ditt er registrert.")

    # The second member asks for a meeting.
    second = on_a_phone(browser)
    second.goto(links[SECOND])
    second.get_by_label("Saka må handsamast i møte").check()
    click_and_wait(second, second.get_by_role("button", name="Send svaret"))
    expect(second.get_by_role("status")).to_have_text("Takk, svaret ditt er registrert.")
    second.context.close()

    first.reload()
    expect(first.locator("main .ds-alert")).to_contain_text("svar kan ikkje lenger endrast")
    expect(first.locator("main form")).to_have_count(0)
    first.context.close()

    # The secretariat sees the answers; the matter is on the next meeting's agenda.
    page.goto(detail_url)
    answers = page.get_by_role("table")
    expect(answers.locator("caption")).to_have_text("2 av 10 medlemmer har svart")
    expect(answers.get_by_role("row", name="Silje Bakken")).to_contain_text(
        "Saken må behandles i møte"
    )
    expect(page.locator("#comments-heading + ul")).to_contain_text(
        "Brukarane bør vere med frå starten."
    )
    expect(page.locator("main .ds-alert")).to_contain_text("settes på sakslisten")
    expect(page.get_by_role("button", name="Registrer utfallet")).to_have_count(0)
    check_accessibility(page, "circulation-detail")

    # Disqualification for a case of the next meeting, planned and not approved.
    page.goto(f"{live_server.url}{BODY}")
    meetings = page.locator("section[aria-labelledby=meetings-heading]")
    meetings.get_by_role("row").filter(has_text="Planlagt").get_by_role("link").click()
    meeting_url = page.url
    expect(page.locator("main article").filter(has_text="Innspel til strategien")).to_have_count(1)
    case = page.locator("main article").filter(has_text="Årsplan og budsjett")
    case.get_by_role("link", name="Inhabile").click()
    page.get_by_label("Person").select_option(label="Erik Tveit")
    page.get_by_label("Grunnlag").fill("Tilsett i NORCE, som søkjer midlar")
    click_and_wait(page, page.get_by_role("button", name="Registrer som inhabil"))
    expect(page.get_by_role("status")).to_have_text("Inhabiliteten er registrert.")
    expect(page.locator("main li").filter(has_text="Erik Tveit")).to_contain_text("NORCE")
    check_accessibility(page, "disqualifications")
    page.get_by_role("link", name="Tilbake til møtet").click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(meeting_url)}#case-\d+$"))
    expect(case).to_contain_text("Inhabile, deltok ikke: Erik Tveit (Tilsett i NORCE")
