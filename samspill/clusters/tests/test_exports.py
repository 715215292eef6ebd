"""Registry lists and their exports: Norwegian order on both databases, translated headers."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation
from django_scopes import scope, scopes_disabled
from openpyxl import load_workbook

from samspill.clusters import queries, tables
from samspill.clusters.models import Organisation, Person
from samspill.clusters.tests.factories import (
    MembershipFactory,
    NodeFactory,
    OrganisationFactory,
    PersonFactory,
)
from samspill.conftest import client_for

pytestmark = pytest.mark.django_db

# Norwegian alphabetical order as PostgreSQL's ICU collation nb-NO-x-icu has it: case does
# not count, Æ Ø Å come after Z, and "aa" is a way of writing "å" (Aas is filed as Ås, as in
# the telephone directory), so it comes after Øystein and before Åse.
NAMES = ["Berg", "Vestland", "VID", "Zeta", "Ærø", "Øystein", "Aas", "Åse"]
SHUFFLED = ["Åse", "Zeta", "VID", "Aas", "Øystein", "Berg", "Ærø", "Vestland"]


def url(name, **kwargs):
    return reverse(name, kwargs={"cluster": "polyfon", **kwargs})


def _csv_column(response, column=0):
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    return [row[column] for row in rows[1:]]


def _xlsx_column(response, column=1):
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [sheet.cell(row=n, column=column).value for n in range(2, sheet.max_row + 1)]


def _organisations(cluster):
    return [OrganisationFactory(cluster=cluster, name=name) for name in SHUFFLED]


def test_organisation_list_and_its_exports_sort_in_norwegian_order(secretariat_client, polyfon):
    _organisations(polyfon)
    page = secretariat_client.get(url("clusters:organisation_list"))
    assert [o.name for o in page.context["page"].object_list] == NAMES
    csv_export = secretariat_client.get(url("clusters:organisation_list"), {"format": "csv"})
    assert _csv_column(csv_export) == NAMES
    xlsx_export = secretariat_client.get(url("clusters:organisation_list"), {"format": "xlsx"})
    assert _xlsx_column(xlsx_export) == NAMES


def test_people_list_puts_aase_after_oystein(secretariat_client, polyfon):
    for n, name in enumerate(["Åse Lie", "Øystein Berg", "Ola Nordmann", "Ærlig Hansen"]):
        PersonFactory(cluster=polyfon, name=name, initials=f"X{n}")
    expected = ["Ola Nordmann", "Ærlig Hansen", "Øystein Berg", "Åse Lie"]
    page = secretariat_client.get(url("clusters:person_list"))
    assert [p.name for p in page.context["page"].object_list] == expected
    export = secretariat_client.get(url("clusters:person_list"), {"format": "xlsx"})
    assert _xlsx_column(export) == expected


def test_membership_list_and_public_participants_sort_by_organisation(secretariat_client, polyfon):
    for organisation in _organisations(polyfon):
        MembershipFactory(cluster=polyfon, organisation=organisation)
    page = secretariat_client.get(url("clusters:membership_list"))
    assert [m.organisation.name for m in page.context["page"].object_list] == NAMES
    export = secretariat_client.get(url("clusters:membership_list"), {"format": "csv"})
    assert _csv_column(export) == NAMES
    public = client_for(None).get(reverse("website:participants", kwargs={"cluster": "polyfon"}))
    # The public list is rendered once and cached as HTML (website/cache.py): read its order.
    listing = str(public.context["listing"])
    assert sorted(NAMES, key=lambda name: listing.index(f">{name}")) == NAMES
    api = client_for(None).get("/api/v1/polyfon/participants")
    assert [item["organisation"] for item in api.json()["items"]] == NAMES


def test_node_list_sorts_names_within_a_region(secretariat_client, polyfon):
    for name in SHUFFLED:
        NodeFactory(cluster=polyfon, name=name)
    page = secretariat_client.get(url("clusters:node_list"))
    assert [n.name for n in page.context["page"].object_list] == NAMES


def test_default_ordering_and_distinct_lists_are_norwegian(polyfon):
    """Meta.ordering (forms' choices, related lists) and the DISTINCT queries sort alike."""
    for organisation in _organisations(polyfon):
        MembershipFactory(cluster=polyfon, organisation=organisation, left_on="2021-01-01")
    with scope(cluster=polyfon):
        assert [o.name for o in Organisation.objects.all()] == NAMES
        former = queries.organisations_for_list(cluster=polyfon, status="former")
        assert [o.name for o in former] == NAMES
    with scopes_disabled():
        PersonFactory(cluster=polyfon, name="Åse", initials="AS")
        PersonFactory(cluster=polyfon, name="Øystein", initials="OY")
        assert [p.name for p in Person.objects.all()] == ["Øystein", "Åse"]


# Headers that read the same in nynorsk and English, so cannot tell whether they were
# translated.
SAME_IN_NYNORSK = {"Region", "Status"}
# The strings this test expects in the nn catalogue (from clusters/tables.py):
#   organisations: Name, Short name, Organisation number, Kind, County, Parent organisation,
#                  Website, Member now
#   people:        Name, Initials, Title, Email, Phone, Organisations
#   memberships:   Organisation, Kind, Subgroup, Joined, Left, Node, Notes
#   nodes:         Name, Host organisation, Coordinator, From, To
EXPORTS = {
    "clusters:organisation_list": tables.ORGANISATION_COLUMNS,
    "clusters:person_list": tables.PERSON_COLUMNS,
    "clusters:membership_list": [*tables.MEMBERSHIP_COLUMNS, tables.MEMBERSHIP_NOTES],
    "clusters:node_list": tables.NODE_COLUMNS,
}


@pytest.mark.parametrize("list_name", EXPORTS)
def test_export_headers_are_in_nynorsk(secretariat, polyfon, list_name):
    with translation.override("en"):
        english = {str(column.label) for column in EXPORTS[list_name]}
    with translation.override("nn"):
        response = client_for(secretariat).get(
            url(list_name), {"format": "xlsx"}, HTTP_ACCEPT_LANGUAGE="nn"
        )
    header = [cell.value for cell in load_workbook(io.BytesIO(response.content)).active[1]]
    assert len(header) == len(EXPORTS[list_name])
    untranslated = [label for label in header if label in english - SAME_IN_NYNORSK]
    assert untranslated == []
