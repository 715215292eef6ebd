"""Membership notes are internal: the secretariat sees them on pages, in exports and in the
API; members do not."""

import pytest
from django.urls import reverse

from samspill.clusters.tests.factories import MembershipFactory
from samspill.conftest import client_for

pytestmark = pytest.mark.django_db

NOTE = "Kontaktperson byttet i 2025"


@pytest.fixture
def membership(polyfon):
    return MembershipFactory(cluster=polyfon, notes=NOTE)


@pytest.mark.parametrize(
    "address",
    [
        lambda m: reverse("clusters:membership_list", args=["polyfon"]),
        lambda m: reverse("clusters:membership_list", args=["polyfon"]) + "?format=csv",
        lambda m: m.organisation.get_absolute_url(),
        lambda m: reverse("api:membership_list", args=["polyfon"]),
    ],
)
def test_notes_are_shown_to_the_secretariat_only(membership, secretariat, member, address):
    url = address(membership)
    assert NOTE in client_for(secretariat).get(url).content.decode("utf-8-sig")
    member_sees = client_for(member).get(url)
    assert member_sees.status_code == 200
    assert NOTE not in member_sees.content.decode("utf-8-sig")
