"""The people list's organisation filter is a text field: by name, part of it, or id (links);
the page never lists every organisation of the cluster."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from samspill.clusters.filters import SUGGESTIONS_MAX, PersonFilterForm
from samspill.clusters.models import Organisation
from samspill.clusters.tests.factories import (
    AffiliationFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def people(client, **params):
    response = client.get(
        reverse("clusters:person_list", kwargs={"cluster": "polyfon"}),
        params,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    return response


def names(response):
    return sorted(p.name for p in response.context["page"].object_list)


@pytest.fixture
def staff(polyfon):
    """Two people at Bergen kommune and Voss herad, one with no organisation."""
    bergen = OrganisationFactory(cluster=polyfon, name="Bergen kommune", short_name="BK")
    voss = OrganisationFactory(cluster=polyfon, name="Voss herad")
    AffiliationFactory(person=PersonFactory(cluster=polyfon, name="Kari Berg"), organisation=bergen)
    AffiliationFactory(person=PersonFactory(cluster=polyfon, name="Ola Voss"), organisation=voss)
    PersonFactory(cluster=polyfon, name="Per Uten")
    return {"bergen": bergen, "voss": voss}


@pytest.mark.parametrize("value", ["Bergen kommune", "bergen KOMMUNE", "Bergen", "berg", "bk"])
def test_people_by_organisation_name_or_part_of_it(value, secretariat_client, staff):
    response = people(secretariat_client, organisation=value)
    assert not response.context["filters"].errors
    assert names(response) == ["Kari Berg"]
    # What was typed stays in the field.
    assert f'value="{value}"' in response.content.decode()


def test_link_with_the_organisations_id_still_works(secretariat_client, staff):
    response = people(secretariat_client, organisation=staff["voss"].pk)
    assert not response.context["filters"].errors
    assert names(response) == ["Ola Voss"]


def test_the_filter_is_a_text_field_not_a_list_of_every_organisation(secretariat_client, staff):
    html = people(secretariat_client).content.decode()
    assert '<input type="search" name="organisation"' in html
    form = html.split('role="search"')[1].split("</form>")[0]
    assert "<select" not in form
    assert "Bergen kommune" not in form
    assert "<datalist" not in html


def test_a_text_that_fits_several_offers_them_as_suggestions(secretariat_client, polyfon, staff):
    OrganisationFactory(cluster=polyfon, name="Bergen Næringsråd")
    response = people(secretariat_client, organisation="bergen")
    form = response.context["filters"]
    assert form.has_error("organisation", code="several")
    assert names(response) == ["Kari Berg", "Ola Voss", "Per Uten"]  # the filter is ignored
    html = response.content.decode()
    assert 'list="organisation-suggestions"' in html
    assert '<datalist id="organisation-suggestions">' in html
    assert '<option value="Bergen kommune">' in html
    assert '<option value="Bergen Næringsråd">' in html
    assert "Voss herad" not in html.split("<datalist")[1].split("</datalist>")[0]


def test_suggestions_are_bounded(secretariat_client, polyfon):
    for n in range(SUGGESTIONS_MAX + 5):
        OrganisationFactory(cluster=polyfon, name=f"Kommune {n:02d}")
    html = people(secretariat_client, organisation="kommune").content.decode()
    datalist = html.split("<datalist")[1].split("</datalist>")[0]
    assert datalist.count("<option") == SUGGESTIONS_MAX


@pytest.mark.parametrize("value", ["Trondheim", "12345678", "%", "_"])
def test_no_organisation_fits(value, secretariat_client, staff):
    response = people(secretariat_client, organisation=value)
    form = response.context["filters"]
    assert form.errors["organisation"]
    assert len(names(response)) == 3
    assert "<datalist" not in response.content.decode()


def test_an_organisation_of_another_cluster_is_not_found(secretariat_client, alrek, staff):
    theirs = OrganisationFactory(cluster=alrek, name="Alrek-partner")
    for value in (theirs.pk, "Alrek-partner"):
        response = people(secretariat_client, organisation=value)
        assert response.context["filters"].errors["organisation"]
        assert len(names(response)) == 3


def test_form_gives_the_organisations_id(polyfon, staff):
    from django.http import QueryDict

    with scopes_disabled():
        form = PersonFilterForm(QueryDict("organisation=voss"), cluster=polyfon)
        assert form.values() == {"search": "", "organisation": staff["voss"].pk}
        assert form.organisation_suggestions == []


def test_page_does_not_grow_with_the_organisations(secretariat_client, polyfon):
    sizes = []
    for count in (1, 40):
        while Organisation.objects.with_scopes_disabled().count() < count:
            OrganisationFactory(cluster=polyfon)
        sizes.append(len(people(secretariat_client).content))
    assert sizes[0] == sizes[1]
