"""axe-core finds no serious or critical WCAG 2.1 A/AA violation on any page of the registry,
the public cluster pages or the account pages. With SAMSPILL_SCREENSHOTS=1 every page is
also screenshotted into tests/e2e/screenshots/ for a person to look at."""

import pytest
from django_scopes import scopes_disabled

from tests.e2e.conftest import (
    POLYFON_SECRETARIAT,
    axe_violations,
    login,
    screenshot,
)
from tests.e2e.conftest import (
    _format_violations as format_violations,
)

CLUSTER = "polyfon"


def _demo_pks() -> dict[str, int]:
    from samspill.clusters.models import Agreement, Node, Organisation, Person, Subgroup

    with scopes_disabled():
        first = {
            "organisation": Organisation,
            "person": Person,
            "node": Node,
            "subgroup": Subgroup,
            "agreement": Agreement,
        }
        return {
            key: model.objects.filter(cluster__slug=CLUSTER).order_by("pk").first().pk
            for key, model in first.items()
        }


def _sweep(page, live_server, pages: list[tuple[str, str]]) -> None:
    """Visit each page, screenshot it and collect serious or critical violations of all of
    them, so that one run reports every page that needs fixing."""
    failures = []
    for name, path in pages:
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None and response.status == 200, (path, response and response.status)
        screenshot(page, name)
        violations = axe_violations(page)
        blocking = [v for v in violations if v["impact"] in {"serious", "critical"}]
        for v in violations:
            if v not in blocking:  # shown with -s; they do not fail the test
                print(f"{name}: [{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])}×)")
        if blocking:
            failures.append(f"== {name} ({path})\n{format_violations(blocking)}")
    assert not failures, "axe-core found serious or critical violations:\n" + "\n".join(failures)


def test_registry_pages_are_accessible(page, live_server, demo):
    pk = _demo_pks()
    c = f"/{CLUSTER}"
    pages = [
        ("dashboard", f"{c}/registry/"),
        ("balance", f"{c}/registry/balance/"),
        ("organisation-list", f"{c}/organisations/"),
        ("organisation-list-filtered", f"{c}/organisations/?kind=municipality&status=member"),
        ("organisation-detail", f"{c}/organisations/{pk['organisation']}/"),
        ("organisation-new", f"{c}/organisations/new/"),
        ("organisation-edit", f"{c}/organisations/{pk['organisation']}/edit/"),
        ("organisation-delete", f"{c}/organisations/{pk['organisation']}/delete/"),
        ("person-list", f"{c}/people/"),
        ("person-detail", f"{c}/people/{pk['person']}/"),
        ("person-new", f"{c}/people/new/"),
        ("membership-list", f"{c}/memberships/"),
        ("membership-new", f"{c}/memberships/new/"),
        ("node-list", f"{c}/nodes/"),
        ("node-detail", f"{c}/nodes/{pk['node']}/"),
        ("subgroup-list", f"{c}/subgroups/"),
        ("subgroup-detail", f"{c}/subgroups/{pk['subgroup']}/"),
        ("agreement-list", f"{c}/agreements/"),
        ("agreement-detail", f"{c}/agreements/{pk['agreement']}/"),
        ("import-list", f"{c}/imports/"),
        ("import-new", f"{c}/imports/new/"),
        ("cluster-settings", f"{c}/registry/settings/"),
        ("regions", f"{c}/registry/regions/"),
        ("decisions", f"{c}/decisions/"),
        ("decisions-filtered", f"{c}/decisions/?year=2025&search=vedtek"),
        ("followups", f"{c}/followups/?status=all"),
        ("access", f"{c}/registry/access/"),
        ("cluster-home-secretariat", f"{c}/"),
        ("participants-secretariat", f"{c}/participants/"),
        ("governance-public", f"{c}/governance/"),
        ("home-secretariat", "/"),
        ("logout-confirm", "/accounts/logout/"),
        ("mfa-index", "/accounts/2fa/"),
        ("mfa-reauthenticate", "/accounts/2fa/totp/activate/"),
    ]
    login(page, live_server, POLYFON_SECRETARIAT)
    _sweep(page, live_server, pages)


def test_public_and_account_pages_are_accessible(page, live_server, demo):
    pages = [
        ("home", "/"),
        ("cluster-home", f"/{CLUSTER}/"),
        ("participants", f"/{CLUSTER}/participants/"),
        ("alrek-home", "/alrek/"),
        ("login", "/accounts/login/"),
        ("password-reset", "/accounts/password/reset/"),
        ("password-reset-done", "/accounts/password/reset/done/"),
        ("password-reset-bad-key", "/accounts/password/reset/key/0-bad-key/"),
    ]
    _sweep(page, live_server, pages)

    # A failed login shows its error accessibly.
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", POLYFON_SECRETARIAT)
    page.fill("input[name=password]", "wrong password")
    with page.expect_navigation():
        page.locator("form:has(input[name=password]) [type=submit]").click()
    assert page.locator("main .ds-alert[data-color=danger]").count() == 1
    screenshot(page, "login-failed")
    blocking = [v for v in axe_violations(page) if v["impact"] in {"serious", "critical"}]
    assert not blocking, format_violations(blocking)


@pytest.mark.parametrize("language", ["nn", "en"])
def test_other_languages(page, live_server, demo, language):
    """The language switch works without JavaScript knowledge of the page, and the page
    declares its language."""
    login(page, live_server, POLYFON_SECRETARIAT)
    page.goto(f"{live_server.url}/{CLUSTER}/registry/")
    with page.expect_navigation():
        page.select_option("#language-select", language)
    assert page.locator("html").get_attribute("lang") == language
    assert page.url.endswith(f"/{CLUSTER}/registry/")
    _sweep(page, live_server, [(f"dashboard-{language}", f"/{CLUSTER}/registry/")])


def test_narrow_screen(page, live_server, demo):
    """On a phone, wide tables scroll sideways inside a region that takes keyboard focus."""
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server, POLYFON_SECRETARIAT)
    c = f"/{CLUSTER}"
    _sweep(
        page,
        live_server,
        [
            ("narrow-organisation-list", f"{c}/organisations/"),
            ("narrow-membership-list", f"{c}/memberships/"),
            ("narrow-dashboard", f"{c}/registry/"),
        ],
    )
    wrap = page.locator("main .table-wrap").first
    assert wrap.evaluate("e => e.scrollWidth > e.clientWidth")
    assert wrap.get_attribute("tabindex") == "0"
    # The balance drawing keeps a readable size and scrolls sideways too.
    figure = page.locator("main figure.balance")
    assert figure.evaluate("e => e.scrollWidth > e.clientWidth")
    assert figure.get_attribute("tabindex") == "0"
