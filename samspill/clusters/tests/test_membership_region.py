"""A membership's region is read from its organisation when not set on it: never copied."""

import datetime

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from samspill.clusters import queries
from samspill.clusters.models import Membership, Region
from samspill.clusters.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _region(cluster, name):
    with scopes_disabled():
        return Region.objects.get(cluster=cluster, name=name)


def test_setting_the_organisation_region_later_moves_its_memberships(polyfon, secretariat_client):
    uib = OrganisationFactory(
        cluster=polyfon, name="Universitetet i Bergen", kind="university", region=None
    )
    membership_form = {
        "organisation": uib.pk,
        "kind": "participant",
        "joined_on": "2024-01-01",
    }
    secretariat_client.post(
        reverse("clusters:membership_create", args=["polyfon"]), membership_form
    )
    with scopes_disabled():
        membership = Membership.objects.get(organisation=uib)
    assert membership.region is None
    with scopes_disabled():
        uib.region = _region(polyfon, "Vest")
        uib.save()
        picture = queries.balance_picture(cluster=polyfon)
        vest = next(row for row in picture["rows"] if row.region and row.region.name == "Vest")
        listed = queries.memberships_for_list(cluster=polyfon, region=_region(polyfon, "Vest"))
        membership.refresh_from_db()
    assert next(c for c in vest.cells if c.kind == "university").count == 1
    assert "university" not in {c.kind for c in picture["gaps"] if c.region.name == "Vest"}
    assert list(listed) == [membership]
    assert membership.effective_region.name == "Vest"


def test_a_region_set_on_the_membership_wins(polyfon):
    organisation = OrganisationFactory(cluster=polyfon, region=_region(polyfon, "Øst"))
    MembershipFactory(
        cluster=polyfon,
        organisation=organisation,
        region=_region(polyfon, "Nord"),
        joined_on=datetime.date(2020, 1, 1),
    )
    with scopes_disabled():
        in_nord = queries.memberships_for_list(cluster=polyfon, region=_region(polyfon, "Nord"))
        in_east = queries.memberships_for_list(cluster=polyfon, region=_region(polyfon, "Øst"))
        assert [m.organisation for m in in_nord] == [organisation]
        assert list(in_east) == []
