"""The lists' filters: parsed by forms; a bad value is explained next to its field, kept in
it, and ignored, so the list still shows."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from samspill.clusters.filters import (
    MembershipFilterForm,
    OrganisationFilterForm,
    PersonFilterForm,
    match_region,
)
from samspill.clusters.models import Region
from samspill.clusters.tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    SubgroupFactory,
)

pytestmark = pytest.mark.django_db

LISTS = ["clusters:organisation_list", "clusters:person_list", "clusters:membership_list"]


def url(name, **kwargs):
    return reverse(name, kwargs={"cluster": "polyfon", **kwargs})


def _region(cluster, name):
    with scopes_disabled():
        return Region.objects.get(cluster=cluster, name=name)


@pytest.fixture
def vest_and_nord(polyfon):
    """Voss herad in Vest, Bodø kommune in Nord, both members."""
    rows = {}
    for name, region in (("Voss herad", "Vest"), ("Bodø kommune", "Nord")):
        organisation = OrganisationFactory(
            cluster=polyfon, name=name, region=_region(polyfon, region)
        )
        rows[name] = MembershipFactory(cluster=polyfon, organisation=organisation)
    return rows


@pytest.mark.parametrize("name", ["clusters:organisation_list", "clusters:membership_list"])
@pytest.mark.parametrize("value", ["Vest", "vest", " VEST ", "id"])
def test_region_by_name_in_any_case_or_by_id(name, value, secretariat_client, vest_and_nord):
    vest = _region(vest_and_nord["Voss herad"].cluster, "Vest")
    value = str(vest.pk) if value == "id" else value
    response = secretariat_client.get(url(name), {"region": value})
    assert response.status_code == 200
    assert not response.context["filters"].errors
    rows = response.context["page"].object_list
    assert [getattr(row, "organisation", row).name for row in rows] == ["Voss herad"]
    # The select shows the region chosen, whichever way it was given.
    assert f'<option value="{vest.pk}" selected>Vest</option>' in response.content.decode()


@pytest.mark.parametrize("name", ["clusters:organisation_list", "clusters:membership_list"])
@pytest.mark.parametrize("value", ["abc", "Vestlandet", "99999999999999999999", "-1", "²"])
def test_unknown_region_is_explained_and_ignored(name, value, secretariat_client, vest_and_nord):
    response = secretariat_client.get(
        url(name), {"region": value, "search": "o"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    form = response.context["filters"]
    assert form.has_error("region", code="unknown")
    assert response.context["page"].paginator.count == 2  # both regions, still searched
    html = response.content.decode()
    assert 'id="id_region_error"' in html
    assert "There is no region" in html
    assert 'aria-invalid="true"' in html
    assert "Filters not used because of an error: Region." in html


def test_region_of_another_cluster_is_unknown(secretariat_client, polyfon, alrek):
    theirs = _region(alrek, "Vest")
    response = secretariat_client.get(url("clusters:organisation_list"), {"region": theirs.pk})
    assert response.context["filters"].has_error("region", code="unknown")


def test_bad_value_stays_in_its_field(secretariat_client, polyfon):
    response = secretariat_client.get(
        url("clusters:membership_list"),
        {"region": "Vestlandet", "year": "99999", "kind": "kommune", "status": "gone"},
    )
    html = response.content.decode()
    assert '<option value="Vestlandet" selected>Vestlandet</option>' in html
    assert '<option value="kommune" selected>kommune</option>' in html
    assert '<option value="gone" selected>gone</option>' in html
    assert 'value="99999"' in html


@pytest.mark.parametrize("year", ["99999", "1899", "2101", "abc", "20.25", "9" * 5000])
def test_year_out_of_range_is_explained(year, secretariat_client, vest_and_nord):
    response = secretariat_client.get(
        url("clusters:membership_list"), {"year": year, "status": "all"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert response.context["filters"].errors["year"] == [
        "Write a year between 1900 and 2100, such as 2025."
    ]
    assert response.context["page"].paginator.count == 2


def test_valid_filters_still_apply_beside_a_bad_one(secretariat_client, vest_and_nord):
    response = secretariat_client.get(
        url("clusters:membership_list"), {"year": "99999", "region": "nord"}
    )
    assert response.context["filters"].errors.keys() == {"year"}
    assert [m.organisation.name for m in response.context["page"].object_list] == ["Bodø kommune"]


@pytest.mark.parametrize("name", ["clusters:organisation_list", "clusters:membership_list"])
def test_unknown_kind_and_status_are_explained(name, secretariat_client, vest_and_nord):
    response = secretariat_client.get(url(name), {"kind": "x", "status": "<script>"})
    assert response.status_code == 200
    assert set(response.context["filters"].errors) == {"kind", "status"}
    assert "<script>" not in response.content.decode()
    assert response.context["page"].paginator.count == 2


@pytest.mark.parametrize("value", ["abc", "99999999999999999999", "0", "²", "1.0"])
def test_unknown_organisation_on_the_people_list(value, secretariat_client, polyfon):
    AffiliationFactory(person=PersonFactory(cluster=polyfon))
    PersonFactory(cluster=polyfon)
    response = secretariat_client.get(url("clusters:person_list"), {"organisation": value})
    assert response.status_code == 200
    assert response.context["filters"].errors["organisation"]
    assert response.context["page"].paginator.count == 2


def test_people_filtered_by_organisation(secretariat_client, polyfon, alrek):
    affiliation = AffiliationFactory(person=PersonFactory(cluster=polyfon))
    PersonFactory(cluster=polyfon)
    theirs = OrganisationFactory(cluster=alrek)
    response = secretariat_client.get(
        url("clusters:person_list"), {"organisation": affiliation.organisation_id}
    )
    assert list(response.context["page"].object_list) == [affiliation.person]
    response = secretariat_client.get(url("clusters:person_list"), {"organisation": theirs.pk})
    assert response.context["filters"].errors["organisation"]


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("search", ["x" * 201, "Voss\x00herad"])
def test_search_too_long_or_with_nul_is_explained(name, search, secretariat_client, vest_and_nord):
    PersonFactory(cluster=vest_and_nord["Voss herad"].cluster)
    response = secretariat_client.get(url(name), {"search": search})
    assert response.status_code == 200
    assert response.context["filters"].errors["search"]
    # The bad search is left out: the whole list shows (two organisations and their
    # memberships, one person).
    everything = {"clusters:person_list": 1}.get(name, 2)
    assert response.context["page"].paginator.count == everything


@pytest.mark.parametrize("name", LISTS)
def test_message_is_in_the_readers_language(name, secretariat_client, polyfon):
    # Django's own catalogue has this message in bokmål.
    response = secretariat_client.get(url(name), {"search": "\x00"}, HTTP_ACCEPT_LANGUAGE="nb")
    assert "Null-tegn er ikke tillatt." in response.content.decode()


@pytest.mark.parametrize("name", LISTS)
def test_htmx_results_say_which_filters_were_not_used(name, secretariat_client, polyfon):
    response = secretariat_client.get(
        url(name), {"search": "x" * 300}, HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en"
    )
    html = response.content.decode()
    assert "<form" not in html
    assert "Filters not used because of an error: Search." in html


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_with_a_bad_filter_exports_the_list(name, fmt, secretariat_client, vest_and_nord):
    response = secretariat_client.get(url(name), {"region": "abc", "year": "x", "format": fmt})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]


PAGED = [
    *LISTS,
    "clusters:node_list",
    "clusters:subgroup_list",
    "clusters:agreement_list",
    "clusters:import_list",
]


@pytest.mark.parametrize("name", PAGED)
@pytest.mark.parametrize("page", ["99999999999999999999", "-1", "0", "abc", "1e400", "²"])
def test_any_page_number_shows_a_page(name, page, secretariat_client, polyfon):
    assert secretariat_client.get(url(name), {"page": page}).status_code == 200


@pytest.mark.parametrize("fmt", ["pdf", "", "csv\x00", "CSV"])
def test_unknown_format_shows_the_page(fmt, secretariat_client, polyfon):
    response = secretariat_client.get(url("clusters:organisation_list"), {"format": fmt})
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("exclude", ["99999999999999999999", "²", "-1", "abc", "\x00"])
def test_htmx_helpers_ignore_a_bad_record_to_exclude(exclude, secretariat_client, polyfon):
    OrganisationFactory(cluster=polyfon, name="Bergen kommune")
    PersonFactory(cluster=polyfon, name="Kari Walde", initials="KW")
    response = secretariat_client.get(
        url("clusters:organisation_duplicates"),
        {"name": "Bergen kommune", "exclude": exclude},
        HTTP_HX_REQUEST="true",
    )
    assert "Bergen kommune" in response.content.decode()
    response = secretariat_client.get(
        url("clusters:person_initials"),
        {"name": "Kristin Walter", "exclude": exclude},
        HTTP_HX_REQUEST="true",
    )
    assert "KWA" in response.content.decode()


def test_duplicate_check_excludes_the_organisation_edited(secretariat_client, polyfon):
    organisation = OrganisationFactory(cluster=polyfon, name="Bergen kommune")
    response = secretariat_client.get(
        url("clusters:organisation_duplicates"),
        {"name": "Bergen kommune", "exclude": organisation.pk},
        HTTP_HX_REQUEST="true",
    )
    assert "Bergen kommune" not in response.content.decode()


@pytest.mark.parametrize("value", ["99999999999999999999", "²", "-1", "abc", "\x00", "0"])
def test_membership_form_ignores_a_bad_link(value, secretariat_client, polyfon):
    response = secretariat_client.get(
        url("clusters:membership_create"), {"organisation": value, "subgroup": value}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form["subgroup"].value() is None
    assert form["kind"].value() != "subgroup_party"


def test_membership_form_takes_organisation_and_subgroup_from_the_link(secretariat_client, polyfon):
    subgroup = SubgroupFactory(cluster=polyfon)
    organisation = OrganisationFactory(cluster=polyfon)
    response = secretariat_client.get(
        url("clusters:membership_create"),
        {"organisation": organisation.pk, "subgroup": subgroup.pk},
    )
    form = response.context["form"]
    assert form["organisation"].value() == organisation.pk
    assert form["subgroup"].value() == subgroup.pk


def test_forms_give_typed_values(polyfon):
    from django.http import QueryDict

    with scopes_disabled():
        vest = Region.objects.get(cluster=polyfon, name="Vest")
        organisation = OrganisationFactory(cluster=polyfon)
        values = MembershipFilterForm(
            QueryDict("region=vest&year=2025&kind=observer"), cluster=polyfon
        ).values()
        assert values == {
            "search": "",
            "kind": "observer",
            "region": vest,
            "status": "active",
            "year": 2025,
        }
        assert OrganisationFilterForm(QueryDict("status=x"), cluster=polyfon).values() == {
            "search": "",
            "kind": None,
            "region": None,
            "status": None,
        }
        assert PersonFilterForm(
            QueryDict(f"organisation={organisation.pk}"), cluster=polyfon
        ).values() == {"search": "", "organisation": organisation.pk}


def test_match_region_prefers_the_exact_name(polyfon):
    with scopes_disabled():
        regions = list(Region.objects.filter(cluster=polyfon))
    vest = next(r for r in regions if r.name == "Vest")
    other = Region(pk=999, name="VEST")
    assert match_region([*regions, other], "Vest") == vest
    assert match_region([*regions, other], "VEST") == other
    assert match_region([*regions, other], "vest") is None  # two could be meant
    assert match_region(regions, "") is None


def test_status_without_a_value_shows_its_default_not_an_empty_choice(secretariat_client):
    from django.urls import reverse

    page = secretariat_client.get(reverse("clusters:membership_list", args=["polyfon"]))
    form = page.context["filters"]
    rendered = str(form["status"])
    assert '<option value="" selected>' not in rendered
    assert 'value="active"' in rendered
