"""Every export imports again without loss: export, import into an empty cluster, export
again, and the files are the same."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from samspill.clusters.imports import import_confirm, import_prepare
from samspill.clusters.models import Membership, Organisation, Region
from samspill.clusters.tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    NodeFactory,
    OrganisationFactory,
    PersonFactory,
    SubgroupFactory,
    make_cluster,
)
from samspill.conftest import _user_with_role, client_for

pytestmark = pytest.mark.django_db

LISTS = [
    ("organisations", "clusters:organisation_list", ""),
    ("people", "clusters:person_list", ""),
    ("memberships", "clusters:membership_list", "&status=all"),
]


def _fill(cluster):
    """A registry with what exports find hard: units under a parent later in the alphabet,
    several affiliations, a region set on a membership, ended memberships, a formula-like
    name, phone numbers with +, and æøå."""
    with scopes_disabled():
        regions = {r.name: r for r in Region.objects.filter(cluster=cluster)}
        university = OrganisationFactory(
            cluster=cluster, name="Universitetet i Bergen", kind="university", county="vestland"
        )
        faculty = OrganisationFactory(
            cluster=cluster,
            name="Det medisinske fakultet",
            short_name="MED",
            kind="university",
            parent=university,
            organisation_number="",
        )
        formula = OrganisationFactory(
            cluster=cluster,
            name='=HYPERLINK("http://evil.example","Klikk")',
            kind="user_organisation",
            region=None,
            website="https://brukar.example.no",
        )
        oslo = OrganisationFactory(
            cluster=cluster, name="Øystre Slidre kommune", region=regions["Øst"]
        )
        for index, person in enumerate(
            [
                PersonFactory(
                    cluster=cluster, name="Åse Ås", initials="ÅÅ", phone="+47 55 58 00 00"
                ),
                PersonFactory(cluster=cluster, name="Kjell A. Wolff", initials="KAW", title="-"),
            ]
        ):
            AffiliationFactory(person=person, organisation=university)
            if index == 0:
                AffiliationFactory(person=person, organisation=faculty)
        node = NodeFactory(cluster=cluster, name="Knutepunkt Vest", region=regions["Vest"])
        subgroup = SubgroupFactory(cluster=cluster, name="Partssamarbeid Vestland")
        MembershipFactory(
            cluster=cluster,
            organisation=university,
            joined_on=datetime.date(2021, 3, 1),
            region=None,
            node=node,
            notes="Vertskap for knutepunktet",
        )
        MembershipFactory(
            cluster=cluster,
            organisation=oslo,
            joined_on=datetime.date(2022, 1, 1),
            left_on=datetime.date(2024, 6, 30),
            region=regions["Vest"],
        )
        MembershipFactory(
            cluster=cluster,
            organisation=formula,
            kind="subgroup_party",
            subgroup=subgroup,
            joined_on=datetime.date(2023, 5, 1),
            region=None,
        )


def _structure(cluster):
    """What the importer does not create: nodes and subgroups, made by hand in a new cluster."""
    with scopes_disabled():
        regions = {r.name: r for r in Region.objects.filter(cluster=cluster)}
        NodeFactory(cluster=cluster, name="Knutepunkt Vest", region=regions["Vest"])
        SubgroupFactory(cluster=cluster, name="Partssamarbeid Vestland")


def _export(client, slug, url_name, extra, fmt):
    response = client.get(reverse(url_name, args=[slug]) + f"?format={fmt}{extra}")
    assert response.status_code == 200
    return response.content


def _cells(content: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_import_export_gives_the_same_files(polyfon, secretariat, fmt):
    _fill(polyfon)
    empty = make_cluster("tom", "Tom klynge")
    _structure(empty)
    newcomer = _user_with_role(empty, "secretariat")
    client, new_client = client_for(secretariat), client_for(newcomer)
    for kind, url_name, extra in LISTS:
        exported = _export(client, "polyfon", url_name, extra, fmt)
        batch = import_prepare(
            cluster=empty,
            kind=kind,
            upload=SimpleUploadedFile(f"{kind}.{fmt}", exported),
            actor=newcomer,
        )
        assert batch.bad_rows == [] and batch.possible_duplicates == [], batch.rows
        assert batch.unused_columns in ([], ["Medlem nå"]), batch.unused_columns
        import_confirm(batch=batch, actor=newcomer)
    for _kind, url_name, extra in LISTS:
        before = _export(client, "polyfon", url_name, extra, fmt)
        after = _export(new_client, "tom", url_name, extra, fmt)
        if fmt == "csv":
            assert after.decode() == before.decode()
        else:
            assert _cells(after) == _cells(before)
    with scopes_disabled():
        faculty = Organisation.objects.get(cluster=empty, name="Det medisinske fakultet")
        moved = Membership.objects.get(cluster=empty, organisation__name="Øystre Slidre kommune")
    assert faculty.parent.name == "Universitetet i Bergen"
    assert moved.region.name == "Vest"  # set on the membership, so kept
