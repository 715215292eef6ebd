"""The secretariat rolls Polyfon's action plan for 2027: starts the rolling, changes the draft
(completes a measure, takes a candidate up, prioritises one, adds one), reads what changed from
2026, sends the draft to the steering group, records the adoption by the case's decision, and
finds the adopted version frozen and its summary (page and PDF) showing the new priorities.

Elements are found by their role and Norwegian name, so the test reads the pages as the user
does, in bokmål."""

import re

from django.utils import timezone
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from samspill.conftest import pdf_text
from tests.e2e.conftest import POLYFON_SECRETARIAT, check_accessibility, login

CLUSTER = "polyfon"
PLAN = f"/{CLUSTER}/plans/handlingsplan-2025-2030/"
DRAFT = f"{PLAN}2027/"
# The measures the test changes, by the start of their text.
COMPLETED = "Utarbeiding av prosjektplan for OPPTAKT"  # II, prioritised in 2026
CANDIDATE = "Arbeid med å etablere ei ordning med ambassadør(er)"  # IV, a candidate in 2026
PRIORITISED = "Etablering av et formidlingsforum"  # IV, ongoing in 2026
ADDED = "Erfaringspanelet inviterer klyngedeltakerne til en åpen samling"  # new in III


def click_and_wait(page, locator):
    """Click and wait for the page it leads to; its response."""
    with page.expect_navigation() as navigation:
        locator.click()
    return navigation.value


def measure_row(page, text):
    return page.get_by_role("row").filter(has_text=text)


def press(page, measure, button, status):
    """Press one of a measure's buttons in the draft's table; the row then says its status
    (to screen readers, after the text)."""
    row = measure_row(page, measure)
    click_and_wait(page, row.get_by_role("button", name=re.compile(rf"^{button}: ")))
    expect(page.get_by_role("status")).to_contain_text(measure)
    expect(row).to_contain_text(f"({status})")
    return row


def priorities(page, numeral):
    """The cells "prioritised" and "open measures" of a chapter in the table of the draft's
    priorities per goal."""
    table = page.get_by_role("region", name="Prioriteringer per målsetting")
    chapter = page.get_by_role("link", name=re.compile(rf"^{numeral}\) "))
    cells = table.get_by_role("row").filter(has=chapter).get_by_role("cell")
    return cells.nth(1), cells.nth(2)


def expect_counts(page, numeral, prioritised, open_measures):
    found_prioritised, found_open = priorities(page, numeral)
    expect(found_prioritised).to_have_text(str(prioritised))
    expect(found_open).to_have_text(str(open_measures))


def measures_in_2027() -> int:
    from samspill.plans.models import Measure

    with scopes_disabled():
        found = Measure.objects.filter(version__plan__cluster__slug=CLUSTER, version__year=2027)
        return found.count()


def test_roll_the_plan_for_2027_adopt_it_and_find_it_frozen(page, live_server, demo):
    from samspill.governance.models import Meeting
    from samspill.plans.models import PlanVersion

    # The demo has a 2027 draft already; the test starts the rolling itself.
    with scopes_disabled():
        deleted, _ = PlanVersion.objects.filter(
            plan__cluster__slug=CLUSTER, plan__slug="handlingsplan-2025-2030", year=2027
        ).delete()
        meeting = Meeting.objects.select_related("body").get(
            cluster__slug=CLUSTER, body__slug="styringsgruppen", status=Meeting.Status.PLANNED
        )
        meeting_url = meeting.get_absolute_url()
    assert deleted
    meeting_label = f"{meeting.body.name} {timezone.localtime(meeting.starts_at):%d.%m.%Y}"

    login(page, live_server, POLYFON_SECRETARIAT)

    # 1. My clusters → Polyfon → Plans → the plan → start the rolling; the year proposed is
    # the one after the latest version.
    mine = page.get_by_role("region", name="Mine klynger")
    click_and_wait(page, mine.get_by_role("link", name=re.compile(r"^Polyfon")))
    menu = page.get_by_role("navigation", name="Hovedmeny")
    click_and_wait(page, menu.get_by_role("link", name="Planer", exact=True))
    click_and_wait(page, page.get_by_role("link", name="Handlingsplan 2025-2030", exact=True))
    expect(page).to_have_url(re.compile(rf"{PLAN}$"))
    check_accessibility(page, "plan-detail")
    expect(page.get_by_label("År")).to_have_value("2027")
    click_and_wait(page, page.get_by_role("button", name="Start rulleringen"))
    expect(page).to_have_url(re.compile(rf"{DRAFT}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Handlingsplan 2025-2030 – 2027")
    expect(page.get_by_role("status")).to_contain_text("Utkastet for 2027 er en kopi")
    expect(page.get_by_role("heading", name="Rullering for 2027")).to_be_visible()
    check_accessibility(page, "plan-draft")

    # 2. Change the draft: the priorities per chapter follow each change. The draft starts
    # as a copy of 2026, with its priorities (the OPPTAKT project plan is one of II's three).
    expect_counts(page, "II", prioritised=3, open_measures=5)
    expect_counts(page, "IV", prioritised=2, open_measures=7)
    expect_counts(page, "III", prioritised=1, open_measures=11)
    press(page, COMPLETED, "Merk som avsluttet", "Avsluttet")
    expect_counts(page, "II", prioritised=2, open_measures=4)  # completed: neither any more
    # Taking a candidate up makes it an ongoing measure from this year, not a priority.
    taken_up = press(page, CANDIDATE, "Ta opp", "Pågående")
    expect(taken_up.get_by_role("cell").nth(1)).to_have_text("2027")
    expect_counts(page, "IV", prioritised=2, open_measures=7)
    press(page, PRIORITISED, "Prioriter", "Prioritert i år")
    expect_counts(page, "IV", prioritised=3, open_measures=7)

    # A new candidate in chapter III, by its form: empty first, then with a year after the
    # plan's period, each refused at the field with what was typed kept.
    before = measures_in_2027()
    click_and_wait(page, page.get_by_role("link", name="Legg til tiltak (III)"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Legg til tiltak")
    text = page.get_by_label(re.compile(r"^Tiltak"))
    start_year = page.get_by_label(re.compile(r"^Startår"))
    status = page.get_by_label(re.compile(r"^Status"))
    save = page.get_by_role("button", name="Lagre")
    click_and_wait(page, save)
    expect(page.locator("#id_text_error")).to_be_visible()
    expect(text).to_have_attribute("aria-describedby", re.compile(r"\bid_text_error\b"))
    expect(page.get_by_role("alert")).to_contain_text("Tiltak")
    check_accessibility(page, "measure-new-errors")  # with the error summary and message
    assert measures_in_2027() == before

    text.fill(ADDED)
    status.select_option(label="Pågående")
    start_year.fill("2031")
    click_and_wait(page, save)
    expect(page.locator("#id_start_year_error")).to_have_text(
        "Startåret må ligge innenfor planperioden, 2025–2030."
    )
    expect(start_year).to_have_attribute("aria-describedby", re.compile(r"\bid_start_year_error\b"))
    expect(text).to_have_value(ADDED)
    expect(start_year).to_have_value("2031")
    assert measures_in_2027() == before

    start_year.fill("")
    status.select_option(label="Nytt aktuelt tiltak")
    click_and_wait(page, save)
    expect(page).to_have_url(re.compile(rf"{DRAFT}#chapter-\d+$"))
    expect(page.get_by_role("status")).to_contain_text("Tiltaket er lagret.")
    expect(measure_row(page, ADDED)).to_contain_text("(Nytt aktuelt tiltak)")
    expect_counts(page, "III", prioritised=1, open_measures=12)
    assert measures_in_2027() == before + 1

    # 3. The changes from 2026: exactly these four, each in its group.
    click_and_wait(page, page.get_by_role("link", name="Endringer fra året før"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Endringer i 2027")
    groups = {
        "Lagt til (1)": ADDED,
        "Tatt opp (1)": CANDIDATE,
        "Avsluttet (1)": COMPLETED,
        "Nye prioriteringer (1)": PRIORITISED,
    }
    expect(page.get_by_role("main").get_by_role("heading", level=2)).to_have_text(list(groups))
    for heading, measure in groups.items():
        items = page.get_by_role("region", name=heading).get_by_role("listitem")
        expect(items).to_have_count(1)
        expect(items).to_contain_text(measure)
    expect(page.get_by_role("region", name="Tatt opp (1)")).to_contain_text("2027")
    check_accessibility(page, "plan-changes")

    # 4. Send the draft to the steering group's planned meeting.
    page.goto(f"{live_server.url}{DRAFT}")
    click_and_wait(page, page.get_by_role("link", name="Send til et møte"))
    check_accessibility(page, "plan-propose")
    page.get_by_label(re.compile(r"^Møte")).select_option(label=meeting_label)
    click_and_wait(page, page.get_by_role("button", name="Sett det på sakslisten"))
    expect(page).to_have_url(re.compile(rf"{DRAFT}$"))
    expect(page.get_by_role("status")).to_contain_text("Utkastet står på sakslisten som")
    rolling = page.get_by_role("region", name="Rullering for 2027")
    expect(rolling).to_contain_text("På sakslisten som ")
    expect(rolling).to_contain_text(meeting_label)
    expect(rolling.get_by_role("button")).to_have_count(0)  # no decision recorded yet

    # The meeting records its decision in the case (written as the minutes are).
    click_and_wait(page, rolling.get_by_role("link", name="Saken"))
    case_id = page.url.split("#", 1)[1]
    case = page.locator(f"#{case_id}")
    expect(case).to_contain_text("Rullering av handlingsplanen: Handlingsplan 2025-2030 for 2027")
    # The minutes' texts are saved as typed: type only once the page's script listens.
    with page.expect_navigation(wait_until="load"):
        case.get_by_role("link", name=re.compile(r"^Skriv")).click()
    expect(page.get_by_label(re.compile(r"^Forslag til vedtak"))).to_have_value(
        "Styringsgruppa vedtar Handlingsplan 2025-2030, rullert for 2027."
    )
    decision = "Styringsgruppa vedtar handlingsplanen for 2027 slik den er lagt fram."
    page.get_by_label("Vedtak", exact=True).fill(decision)
    click_and_wait(page, page.get_by_role("button", name="Lagre"))
    expect(page.get_by_role("status")).to_contain_text("Saken er lagret.")
    expect(case).to_contain_text(decision)

    # Back on the draft: the decision is there, but the meeting has not been held yet.
    page.goto(f"{live_server.url}{DRAFT}")
    expect(rolling).to_contain_text(decision)
    adopt = rolling.get_by_role("button", name="Registrer at planen er vedtatt med dette vedtaket")
    click_and_wait(page, adopt)
    expect(page.get_by_role("main")).to_contain_text(
        f"Møtet {timezone.localtime(meeting.starts_at):%d.%m.%Y} er ikke holdt ennå."
    )
    # The meeting is held; then the decision adopts the plan, and 2026 is superseded.
    page.goto(f"{live_server.url}{meeting_url}edit/")
    page.select_option("#id_status", "held")
    click_and_wait(page, page.get_by_role("button", name="Lagre"))
    page.goto(f"{live_server.url}{DRAFT}")
    click_and_wait(page, adopt)
    expect(page.get_by_role("status")).to_contain_text("Versjonen for 2027 er vedtatt.")
    expect(page.get_by_text("Vedtatt", exact=True)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(f"av {meeting.body.name}")
    check_accessibility(page, "plan-adopted")
    # Adopted: none of the draft's controls.
    main = page.get_by_role("main")
    expect(main.get_by_role("button")).to_have_count(0)
    edit_links = main.get_by_role("link", name=re.compile(r"^(Rediger|Legg til tiltak)"))
    expect(edit_links).to_have_count(0)
    expect(page.get_by_role("region", name="Rullering for 2027")).to_have_count(0)
    measure_id = measure_row(page, PRIORITISED).get_attribute("id")
    measure_pk = int(measure_id.removeprefix("measure-"))

    click_and_wait(page, page.get_by_role("link", name="Alle versjoner"))
    versions = page.get_by_role("region", name="Versjoner")
    for year, status_text in (("2027", "Vedtatt"), ("2026", "Erstattet"), ("2025", "Erstattet")):
        row = versions.get_by_role("row").filter(
            has=page.get_by_role("link", name=year, exact=True)
        )
        expect(row.get_by_role("cell").nth(1)).to_have_text(status_text)

    # 5. The adopted version refuses a change, by an old link to a measure's form; what was
    # typed stays in the form, and the version is unchanged.
    page.goto(f"{live_server.url}{DRAFT}measures/{measure_pk}/")
    text = page.get_by_label(re.compile(r"^Tiltak"))
    changed = f"{PRIORITISED} – endret etter vedtaket"
    text.fill(changed)
    response = click_and_wait(page, page.get_by_role("button", name="Lagre"))
    assert response.status == 200, response.status
    expect(page.get_by_role("alert")).to_contain_text(
        "Versjonen for 2027 er vedtatt og kan ikke lenger endres."
    )
    expect(text).to_have_value(changed)
    page.goto(f"{live_server.url}{DRAFT}")
    expect(measure_row(page, PRIORITISED)).not_to_contain_text("endret etter vedtaket")
    expect(page.get_by_role("main").get_by_role("button")).to_have_count(0)

    # 6. The 2027 summary: the new priority, not the completed measure; the PDF says the same.
    summary = page.get_by_role("region", name="Sammendrag: Prioriterte tiltak i 2027")
    expect(summary).to_contain_text(PRIORITISED)
    expect(summary).not_to_contain_text(COMPLETED)
    href = page.get_by_role("link", name="Sammendrag (PDF)").get_attribute("href")
    pdf = page.request.get(f"{live_server.url}{href}")
    assert pdf.ok, pdf.status
    assert pdf.body().startswith(b"%PDF"), pdf.body()[:20]
    words = " ".join(pdf_text(pdf.body()).split())
    assert "Sammendrag: Prioriterte tiltak i 2027" in words, words[:500]
    assert PRIORITISED in words, words
    assert COMPLETED not in words, words
