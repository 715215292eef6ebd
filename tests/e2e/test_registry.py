"""A secretariat registers an organisation (correcting a wrong organisation number on the way),
finds it in the list, registers its membership and sees it counted in the balance picture.

Elements are found by ids, names and URLs, never by their (translated) text."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import (
    POLYFON_SECRETARIAT,
    check_accessibility,
    login,
    screenshot,
)

CLUSTER = "polyfon"
NAME = "Testvik kommune"
KIND = "municipality"
REGION = "Vest"
WRONG_NUMBER = "123456789"  # mod-11 check digit would be 5
RIGHT_NUMBER = "974760673"


def balance_counts(page, live_server) -> dict[tuple[str, str], int]:
    """The balance picture's table as {(region, kind label): count}."""
    page.goto(f"{live_server.url}/{CLUSTER}/registry/balance/")
    page.locator("details.ds-details > summary").click()  # the table is folded away
    table = page.locator("details table")
    expect(table).to_be_visible()
    kinds = [t.strip() for t in table.locator("thead th").all_inner_texts()][1:-1]
    counts = {}
    for row in table.locator("tbody tr").all():
        region = row.locator("th").inner_text().strip()
        for kind, cell in zip(kinds, row.locator("td").all_inner_texts(), strict=False):
            counts[(region, kind)] = int(re.match(r"\s*(\d+)", cell).group(1))
    return counts


def submit(page):
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").first.click()


def test_register_organisation_and_membership(page, live_server, demo):
    login(page, live_server, POLYFON_SECRETARIAT)

    # The organisation list links to the form for a new organisation.
    page.goto(f"{live_server.url}/{CLUSTER}/organisations/")
    page.locator(f"main a[href='/{CLUSTER}/organisations/new/']").click()
    expect(page).to_have_url(re.compile(rf"/{CLUSTER}/organisations/new/$"))
    kind_label = page.locator(f"#id_kind option[value='{KIND}']").inner_text().strip()

    before = balance_counts(page, live_server)
    page.go_back()
    expect(page.locator("#id_name")).to_be_visible()

    page.fill("#id_name", NAME)
    page.select_option("#id_kind", KIND)
    page.select_option("#id_region", label=REGION)
    region_value = page.locator("#id_region").input_value()
    page.fill("#id_organisation_number", WRONG_NUMBER)
    submit(page)

    # The error is shown next to the field, and nothing typed is lost.
    expect(page).to_have_url(re.compile(rf"/{CLUSTER}/organisations/new/$"))
    error = page.locator("#id_organisation_number_error")
    expect(error).to_be_visible()
    expect(error).to_contain_text(WRONG_NUMBER)
    number = page.locator("#id_organisation_number")
    expect(number).to_have_attribute("aria-invalid", "true")
    expect(number).to_have_attribute(
        "aria-describedby", re.compile(r"id_organisation_number_error")
    )
    expect(number).to_have_value(WRONG_NUMBER)
    expect(page.locator("#id_name")).to_have_value(NAME)
    expect(page.locator("#id_kind")).to_have_value(KIND)
    expect(page.locator("#id_region")).to_have_value(region_value)
    # The error summary links to the field.
    expect(page.locator(".ds-error-summary a[href='#id_organisation_number']")).to_be_visible()
    check_accessibility(page, "organisation-new-with-error")

    page.fill("#id_organisation_number", RIGHT_NUMBER)
    submit(page)
    expect(page).to_have_url(re.compile(rf"/{CLUSTER}/organisations/\d+/$"))
    expect(page.locator("h1")).to_have_text(NAME)
    detail_url = page.url
    screenshot(page, "organisation-detail-new")

    # It appears in the list; the search filters the list as one types (htmx).
    page.goto(f"{live_server.url}/{CLUSTER}/organisations/")
    link = page.locator(f"#results a[href='{detail_url.removeprefix(live_server.url)}']")
    page.fill("#id_search", "Testvik")
    expect(link).to_have_count(1)
    expect(link).to_have_text(NAME)
    expect(page.locator("#results tbody tr")).to_have_count(1)
    screenshot(page, "organisation-list-search")

    # Register its membership from the detail page.
    page.goto(detail_url)
    page.locator(f"main a[href*='/{CLUSTER}/memberships/new/?organisation=']").click()
    expect(page.locator("#id_organisation")).to_have_value(re.compile(r"\d+"))
    page.fill("#id_joined_on", "2024-03-01")
    page.select_option("#id_region", label=REGION)
    if not page.locator("#id_kind").input_value():
        page.select_option("#id_kind", "participant")
    submit(page)
    expect(page.locator("#id_joined_on_error")).to_have_count(0)
    assert "/memberships/new/" not in page.url, page.locator("main").inner_text()

    # The detail page lists the membership.
    page.goto(detail_url)
    expect(page.locator("section[aria-labelledby=memberships-heading] tbody tr")).to_have_count(1)

    # The balance picture counts it.
    after = balance_counts(page, live_server)
    key = (REGION, kind_label)
    assert after[key] == before[key] + 1, (key, before[key], after[key])
    changed = {k for k in after if after[k] != before.get(k)}
    assert changed == {key}, changed
    # Every bubble of the drawing has a radius SVG understands (not a localised "12,5").
    radii = page.locator("svg circle.bubble").evaluate_all(
        "els => els.map(e => e.getAttribute('r'))"
    )
    assert radii and all(re.fullmatch(r"\d+(\.\d+)?", r) for r in radii), radii
    check_accessibility(page, "balance-after-membership")
