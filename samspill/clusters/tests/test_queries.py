import datetime

import pytest
from django_scopes import scopes_disabled

from samspill.clusters import queries
from samspill.clusters.models import Region
from samspill.clusters.services import membership_end
from samspill.clusters.tests.factories import (
    AgreementFactory,
    AgreementVersionFactory,
    MembershipFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


def _region(cluster, name):
    with scopes_disabled():
        return Region.objects.get(cluster=cluster, name=name)


def test_balance_picture_counts_active_members_and_marks_gaps(polyfon):
    vest = _region(polyfon, "Vest")
    for kind in ("university", "specialist_health", "municipality"):
        org = OrganisationFactory(cluster=polyfon, kind=kind, region=vest)
        MembershipFactory(cluster=polyfon, organisation=org, region=vest)
    gone = MembershipFactory(cluster=polyfon, region=_region(polyfon, "Nord"))
    membership_end(membership=gone, left_on=datetime.date(2021, 1, 1), actor=None)

    with scopes_disabled():
        picture = queries.balance_picture(cluster=polyfon)
    rows = {str(row.region): row for row in picture["rows"]}
    assert rows["Vest"].total == 3
    assert not [c for c in rows["Vest"].cells if c.is_gap]
    assert rows["Nord"].total == 0
    assert {c.kind for c in rows["Nord"].cells if c.is_gap} == {
        "university",
        "specialist_health",
        "municipality",
    }
    assert len(picture["gaps"]) == 4 * 3


def test_balance_picture_counts_a_member_faculty_as_part_of_its_university(polyfon):
    vest = _region(polyfon, "Vest")
    university = OrganisationFactory(cluster=polyfon, kind="university", region=vest)
    faculty = OrganisationFactory(
        cluster=polyfon, kind="university", region=vest, parent=university
    )
    for org in (university, faculty):
        MembershipFactory(cluster=polyfon, organisation=org, region=vest)

    with scopes_disabled():
        picture = queries.balance_picture(cluster=polyfon)
    [vest_row] = [row for row in picture["rows"] if str(row.region) == "Vest"]
    assert vest_row.total == 1


def test_unsigned_members_of_the_version_in_force(polyfon):
    signed = MembershipFactory(cluster=polyfon)
    unsigned = MembershipFactory(cluster=polyfon)
    MembershipFactory(cluster=polyfon, kind="observer")
    agreement = AgreementFactory(cluster=polyfon)
    AgreementVersionFactory(agreement=agreement, effective_from=datetime.date(2020, 1, 1))
    current = AgreementVersionFactory(agreement=agreement, effective_from=datetime.date(2026, 1, 1))
    AgreementVersionFactory(agreement=agreement, effective_from=datetime.date(2099, 1, 1))
    with scopes_disabled():
        current.signatures.create(
            cluster=polyfon, organisation=signed.organisation, signed_on="2025-12-01"
        )
        in_force = queries.agreement_in_force(cluster=polyfon, on=datetime.date(2026, 6, 1))
        assert in_force == current
        assert list(queries.unsigned_members(version=in_force)) == [unsigned.organisation]


def test_memberships_joined_in_a_year_for_the_annual_report(polyfon):
    MembershipFactory(cluster=polyfon, joined_on=datetime.date(2025, 3, 1))
    MembershipFactory(cluster=polyfon, joined_on=datetime.date(2024, 3, 1))
    with scopes_disabled():
        found = queries.memberships_for_list(cluster=polyfon, status="all", year=2025)
        assert [m.joined_on.year for m in found] == [2025]


def test_likely_duplicates_by_number_or_similar_name(polyfon):
    OrganisationFactory(cluster=polyfon, name="Universitetet i Bergen", organisation_number="")
    OrganisationFactory(cluster=polyfon, name="Oslo kommune", organisation_number="958935420")
    with scopes_disabled():
        by_name = queries.likely_duplicates(
            cluster=polyfon, name="Universitetet i Bergen.", organisation_number=""
        )
        by_number = queries.likely_duplicates(
            cluster=polyfon, name="Noe helt annet", organisation_number="958935420"
        )
        none = queries.likely_duplicates(
            cluster=polyfon, name="Universitetet i Agder", organisation_number=""
        )
    assert [o.name for o in by_name] == ["Universitetet i Bergen"]
    assert [o.name for o in by_number] == ["Oslo kommune"]
    assert none == []


def test_agreements_other_clusters_have_with_us(polyfon, alrek):
    with scopes_disabled():
        theirs = AgreementFactory(
            cluster=alrek,
            kind="collaboration",
            title="Alrek – Polyfon",
            counterpart_cluster=polyfon,
        )
        AgreementVersionFactory(agreement=theirs, effective_from=datetime.date(2022, 7, 1))
        AgreementFactory(cluster=alrek, kind="collaboration", counterpart_name="SKIL")
        AgreementFactory(cluster=polyfon, kind="collaboration", counterpart_cluster=alrek)
    [found] = queries.agreements_with_us(cluster=polyfon)
    assert found == theirs
    assert found.cluster == alrek
    assert found.latest_version_from == datetime.date(2022, 7, 1)
