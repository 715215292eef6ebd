"""What an active membership is, and that a membership cannot end before it starts: each
rule has one home (MembershipQuerySet.active_condition, the model's constraints) and every
page, form, service and import says the same."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from django_scopes import scopes_disabled

from samspill.clusters.imports import import_prepare
from samspill.clusters.models import ENDS_BEFORE_START, Membership
from samspill.clusters.services import membership_end
from samspill.clusters.tests.factories import (
    MembershipFactory,
    NodeFactory,
    OrganisationFactory,
    SubgroupFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def url(name, **kwargs):
    return reverse(name, kwargs={"cluster": "polyfon", **kwargs})


def _periods(today):
    """(joined_on, left_on) → whether the membership is active today."""
    long_ago = datetime.date(2020, 1, 1)
    return {
        (long_ago, None): True,
        (long_ago, today + DAY): True,  # leaves tomorrow: still a member today
        (long_ago, today): False,  # left today
        (long_ago, today - DAY): False,  # ended yesterday
        (today, None): True,  # joined today
        (today + DAY, None): False,  # joins tomorrow
    }


def test_a_nodes_list_and_its_page_count_the_same_memberships(secretariat_client, polyfon):
    today = timezone.localdate()
    node = NodeFactory(cluster=polyfon)
    leaving = MembershipFactory(cluster=polyfon, node=node, left_on=today + 30 * DAY)
    MembershipFactory(cluster=polyfon, node=node, left_on=today - DAY)

    listed = secretariat_client.get(url("clusters:node_list")).context["page"].object_list
    shown = secretariat_client.get(url("clusters:node_detail", pk=node.pk)).context["memberships"]

    assert [n.member_count for n in listed] == [1]
    assert list(shown) == [leaving]


def test_a_subgroup_counts_its_active_parties_only(secretariat_client, polyfon):
    today = timezone.localdate()
    subgroup = SubgroupFactory(cluster=polyfon)
    for joined_on, left_on in _periods(today):
        MembershipFactory(
            cluster=polyfon,
            kind="subgroup_party",
            subgroup=subgroup,
            joined_on=joined_on,
            left_on=left_on,
        )

    listed = secretariat_client.get(url("clusters:subgroup_list")).context["page"].object_list

    assert [s.party_count for s in listed] == [sum(_periods(today).values())]


def test_is_active_says_what_the_query_says(polyfon):
    today = timezone.localdate()
    for joined_on, left_on in _periods(today):
        MembershipFactory(cluster=polyfon, joined_on=joined_on, left_on=left_on)

    with scopes_disabled():
        memberships = list(Membership.objects.all())
        active = set(Membership.objects.active())

    for membership in memberships:
        expected = _periods(today)[(membership.joined_on, membership.left_on)]
        assert membership.is_active is expected
        assert (membership in active) is expected


def test_ending_before_the_start_is_refused_with_the_field_named(polyfon, secretariat):
    membership = MembershipFactory(cluster=polyfon, joined_on=datetime.date(2024, 1, 1))

    with pytest.raises(ValidationError) as error:
        membership_end(
            membership=membership, left_on=datetime.date(2023, 12, 31), actor=secretariat
        )

    assert list(error.value.message_dict) == ["left_on"]
    with scopes_disabled():
        assert Membership.objects.get(pk=membership.pk).left_on is None


def test_the_form_says_it_next_to_the_end_date(secretariat_client, polyfon):
    organisation = OrganisationFactory(cluster=polyfon)
    response = secretariat_client.post(
        url("clusters:membership_create"),
        {
            "organisation": organisation.pk,
            "kind": "participant",
            "joined_on": "2024-01-01",
            "left_on": "2023-06-30",
        },
    )

    assert response.status_code == 200
    with translation.override("nb"):
        assert response.context["form"].errors == {"left_on": [str(ENDS_BEFORE_START)]}


def test_an_imported_row_that_ends_before_it_starts_is_refused(polyfon, secretariat):
    OrganisationFactory(cluster=polyfon, name="Voss herad")
    text = "Organisasjon;Innmeldt;Utmeldt\nVoss herad;01.05.2025;30.04.2025\n"

    batch = import_prepare(
        cluster=polyfon,
        kind="memberships",
        upload=SimpleUploadedFile("medlemmer.csv", text.encode(), content_type="text/csv"),
        actor=secretariat,
    )

    [row] = batch.bad_rows
    with translation.override("nb"):
        assert any(str(ENDS_BEFORE_START) in error for error in row["errors"])
