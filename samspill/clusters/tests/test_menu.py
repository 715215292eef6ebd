"""The registry's items in the main menu (added in clusters/apps.py to common/menu.py)."""

import re

import pytest
from django.urls import reverse

from samspill.clusters.tests.factories import OrganisationFactory
from samspill.conftest import client_for

pytestmark = pytest.mark.django_db


def _menu(response) -> list[tuple[str, str]]:
    """The main menu's links: (text, aria-current or "")."""
    nav = re.search(r'<nav class="site-nav".*?</nav>', response.content.decode(), re.S)
    assert nav is not None
    return [
        (text, current or "")
        for current, text in re.findall(
            r'<a href="[^"]*"(?: aria-current="([^"]*)")?>([^<]*)</a>', nav.group(0)
        )
    ]


def test_members_see_the_registry_in_the_menu_in_its_order(member, polyfon):
    response = client_for(member).get(reverse("clusters:dashboard", args=["polyfon"]))

    assert [text for text, _current in _menu(response)][:8] == [
        "Deltakere",
        "Styring",
        "Handlingsplan",
        "Register",
        "Organisasjoner",
        "Personer",
        "Medlemskap",
        "Avtaler",
    ]
    assert ("Register", "page") in _menu(response)


def test_an_organisations_page_is_under_organisations(member, polyfon):
    organisation = OrganisationFactory(cluster=polyfon)

    response = client_for(member).get(organisation.get_absolute_url())

    assert [item for item in _menu(response) if item[1]] == [("Organisasjoner", "true")]


def test_the_registrys_other_pages_are_under_registry(member, polyfon):
    response = client_for(member).get(reverse("clusters:node_list", args=["polyfon"]))

    assert [item for item in _menu(response) if item[1]] == [("Register", "true")]


def test_the_public_sees_no_registry_in_the_menu(polyfon):
    response = client_for(None).get(reverse("website:participants", args=["polyfon"]))

    assert [text for text, _current in _menu(response)] == [
        "Deltakere",
        "Styring",
        "Handlingsplan",
        "Logg inn",
    ]
