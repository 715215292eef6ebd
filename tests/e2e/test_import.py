"""A secretariat imports organisations from a CSV file with one bad row: the preview names the
bad row and its problem, confirming imports only the good rows, and the imported
organisation's history says who created it."""

import re

from django_scopes import scopes_disabled
from playwright.sync_api import expect

from tests.e2e.conftest import (
    POLYFON_SECRETARIAT,
    check_accessibility,
    login,
    screenshot,
)

CLUSTER = "polyfon"
CSV = (
    "name;kind;organisation_number;region\n"
    "Importvik kommune;municipality;921000006;Vest\n"
    "Importhavn forskningsinstitutt;research_institute;123456789;Nord\n"
    "Importdal universitet;university;931000004;Midt\n"
)
BAD_ROW = 3  # the header is row 1


def test_import_organisations_with_a_bad_row(page, live_server, demo, tmp_path):
    from samspill.clusters.models import Organisation

    upload = tmp_path / "organisasjoner.csv"
    upload.write_text(CSV, encoding="utf-8")

    login(page, live_server, POLYFON_SECRETARIAT)
    page.goto(f"{live_server.url}/{CLUSTER}/imports/new/")
    check_accessibility(page, "import-new")
    page.select_option("#id_kind", "organisations")
    page.set_input_files("input[type=file]", str(upload))
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()

    # The preview names the bad row by its number and says what is wrong; nothing is saved yet.
    expect(page).to_have_url(re.compile(rf"/{CLUSTER}/imports/\d+/$"))
    preview_url = page.url
    rows = page.locator("main table tbody tr")
    expect(rows).to_have_count(3)
    bad = rows.filter(has=page.locator("th", has_text=re.compile(rf"^\s*{BAD_ROW}\s*$")))
    expect(bad).to_have_count(1)
    expect(bad.locator(".row-error li")).to_contain_text("123456789")
    expect(page.locator("main table .row-error")).to_have_count(1)
    check_accessibility(page, "import-preview")
    with scopes_disabled():
        assert not Organisation.objects.filter(name__startswith="Import").exists()

    confirm = page.locator("main form[action$='/confirm/'] button[type=submit]")
    with page.expect_navigation():
        confirm.click()
    expect(page).to_have_url(preview_url)
    expect(page.locator(".ds-alert[data-color=success]").first).to_be_visible()
    screenshot(page, "import-confirmed")

    with scopes_disabled():
        imported = set(
            Organisation.objects.filter(
                cluster__slug=CLUSTER, name__startswith="Import"
            ).values_list("name", flat=True)
        )
    assert imported == {"Importvik kommune", "Importdal universitet"}

    # The list shows the good rows and not the bad one.
    page.goto(f"{live_server.url}/{CLUSTER}/organisations/?search=Import")
    results = page.locator("#results tbody")
    expect(results.locator("tr")).to_have_count(2)
    expect(results).to_contain_text("Importvik kommune")
    expect(results).not_to_contain_text("Importhavn")

    # The imported organisation's history names the secretariat as its creator.
    results.locator("a", has_text="Importvik kommune").click()
    expect(page).to_have_url(re.compile(rf"/{CLUSTER}/organisations/\d+/$"))
    history = page.locator("section[aria-labelledby=history-heading]")
    expect(history.locator("#history-heading")).to_be_visible()
    expect(history).to_contain_text(re.compile(rf"Sara Sekretær|{re.escape(POLYFON_SECRETARIAT)}"))
    check_accessibility(page, "organisation-detail-imported")
