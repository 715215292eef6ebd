"""Agreement pages and the dashboard stay the same size however many organisations have
signed or not: counts per version, one version's signatures a page at a time, and the first
members that have not signed with a link to all of them in the organisation list."""

import datetime

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from samspill.clusters import queries
from samspill.clusters.tests.factories import (
    AgreementFactory,
    AgreementVersionFactory,
    MembershipFactory,
    OrganisationFactory,
)
from samspill.common.lists import PAGE_SIZE

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(name, kwargs={"cluster": "polyfon", **kwargs})


@pytest.fixture
def agreement(polyfon):
    """A cluster agreement in force since 2024 (version 2024) and its earlier version 2020."""
    agreement = AgreementFactory(cluster=polyfon, title="Klyngeavtale")
    old = AgreementVersionFactory(
        agreement=agreement, label="2020", effective_from=datetime.date(2020, 1, 1)
    )
    current = AgreementVersionFactory(
        agreement=agreement, label="2024", effective_from=datetime.date(2024, 1, 1)
    )
    return {"agreement": agreement, "old": old, "current": current}


def sign(version, organisations):
    with scopes_disabled():
        for organisation in organisations:
            version.signatures.create(
                cluster=version.cluster, organisation=organisation, signed_on="2024-02-01"
            )


def members(cluster, n, prefix="Medlem"):
    return [
        MembershipFactory(cluster=cluster, organisation__name=f"{prefix} {i:02d}").organisation
        for i in range(n)
    ]


def test_agreement_page_counts_per_version_and_lists_one_version_a_page_at_a_time(
    secretariat_client, polyfon, agreement
):
    signers = members(polyfon, PAGE_SIZE + 2)
    sign(agreement["current"], signers)
    sign(agreement["old"], signers[:3])
    page = url("clusters:agreement_detail", pk=agreement["agreement"].pk)
    response = secretariat_client.get(page, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert f"{PAGE_SIZE + 2} organisations have signed this version." in html
    assert "3 organisations have signed this version." in html
    # The version in force is listed, a page at a time, in Norwegian order.
    assert response.context["listed"] == agreement["current"]
    listed = [s.organisation.name for s in response.context["page"].object_list]
    assert listed == [f"Medlem {i:02d}" for i in range(PAGE_SIZE)]
    assert "Medlem 26" not in html
    assert f'href="?signatures={agreement["old"].pk}#signatures"' in html
    response = secretariat_client.get(page, {"page": 2})
    assert [s.organisation.name for s in response.context["page"].object_list] == [
        f"Medlem {i:02d}" for i in range(PAGE_SIZE, PAGE_SIZE + 2)
    ]
    # Another version's signatures when asked for.
    response = secretariat_client.get(page, {"signatures": agreement["old"].pk})
    assert response.context["listed"] == agreement["old"]
    assert len(response.context["page"].object_list) == 3


@pytest.mark.parametrize("value", ["x", "-1", "0", "99999999", "1" * 30, "\x00"])
def test_a_bad_version_lists_the_version_in_force(value, secretariat_client, agreement):
    response = secretariat_client.get(
        url("clusters:agreement_detail", pk=agreement["agreement"].pk), {"signatures": value}
    )
    assert response.status_code == 200
    assert response.context["listed"] == agreement["current"]


def test_another_agreements_version_is_not_listed(secretariat_client, polyfon, agreement):
    other = AgreementVersionFactory(agreement=AgreementFactory(cluster=polyfon))
    response = secretariat_client.get(
        url("clusters:agreement_detail", pk=agreement["agreement"].pk), {"signatures": other.pk}
    )
    assert response.context["listed"] == agreement["current"]


def test_an_agreement_not_in_force_lists_its_newest_version(secretariat_client, polyfon):
    collaboration = AgreementFactory(cluster=polyfon, kind="collaboration", counterpart_name="X")
    AgreementVersionFactory(agreement=collaboration, effective_from=datetime.date(2021, 1, 1))
    newest = AgreementVersionFactory(
        agreement=collaboration, effective_from=datetime.date(2023, 1, 1)
    )
    response = secretariat_client.get(url("clusters:agreement_detail", pk=collaboration.pk))
    assert response.context["listed"] == newest
    assert response.context["unsigned"] is None


def test_unsigned_members_are_bounded_with_a_link_to_all(secretariat_client, polyfon, agreement):
    unsigned = members(polyfon, queries.UNSIGNED_SHOWN + 3, prefix="Usignert")
    sign(agreement["current"], members(polyfon, 2, prefix="Signert"))
    for name in ("clusters:dashboard", "clusters:agreement_list"):
        response = secretariat_client.get(url(name), HTTP_ACCEPT_LANGUAGE="en")
        shown = response.context["unsigned"]
        assert shown.version == agreement["current"]
        assert shown.more
        assert [o.name for o in shown.organisations] == [
            o.name for o in unsigned[: queries.UNSIGNED_SHOWN]
        ]
        html = response.content.decode()
        assert f'href="{url("clusters:organisation_list")}?status=unsigned"' in html
    # The organisation list shows all of them, and only them.
    response = secretariat_client.get(url("clusters:organisation_list"), {"status": "unsigned"})
    assert response.context["page"].paginator.count == len(unsigned)
    assert not response.context["filters"].errors


def test_no_link_when_every_unsigned_member_is_shown(secretariat_client, polyfon, agreement):
    members(polyfon, 2)
    response = secretariat_client.get(url("clusters:dashboard"), HTTP_ACCEPT_LANGUAGE="en")
    assert not response.context["unsigned"].more
    assert "status=unsigned" not in response.content.decode()


def test_unsigned_filter_without_an_agreement_in_force_lists_none(secretariat_client, polyfon):
    members(polyfon, 2)
    AgreementVersionFactory(
        agreement=AgreementFactory(cluster=polyfon), effective_from=datetime.date(2099, 1, 1)
    )
    response = secretariat_client.get(url("clusters:organisation_list"), {"status": "unsigned"})
    assert response.context["page"].paginator.count == 0
    with scopes_disabled():
        assert queries.unsigned_shown(version=None) is None


def test_unsigned_filter_leaves_out_observers_and_former_members(polyfon, agreement):
    current = MembershipFactory(cluster=polyfon, organisation__name="Med")
    MembershipFactory(cluster=polyfon, kind="observer", organisation__name="Observatør")
    MembershipFactory(
        cluster=polyfon, organisation__name="Tidligere", left_on=datetime.date(2021, 1, 1)
    )
    OrganisationFactory(cluster=polyfon, name="Aldri medlem")
    with scopes_disabled():
        found = queries.organisations_for_list(cluster=polyfon, status="unsigned")
        assert list(found) == [current.organisation]
        assert list(queries.unsigned_members(version=agreement["current"])) == [
            current.organisation
        ]
