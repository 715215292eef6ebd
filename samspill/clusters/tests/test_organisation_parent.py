"""The organisation form's parent organisation is a search field, not a select of every
organisation: written as a name, short name, part of either or id, checked at the server."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from samspill.clusters.filters import SUGGESTIONS_MAX
from samspill.clusters.models import Organisation
from samspill.clusters.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(name, kwargs={"cluster": "polyfon", **kwargs})


def create(client, parent, **data):
    return client.post(
        url("clusters:organisation_create"),
        {"name": "Fakultet for helsefag", "kind": "university", "parent": parent, **data},
        HTTP_ACCEPT_LANGUAGE="en",
    )


def saved(name="Fakultet for helsefag"):
    with scopes_disabled():
        return Organisation.objects.select_related("parent").get(name=name)


@pytest.fixture
def universities(polyfon):
    return {
        "hvl": OrganisationFactory(
            cluster=polyfon, name="Høgskulen på Vestlandet", short_name="HVL", kind="university"
        ),
        "uib": OrganisationFactory(
            cluster=polyfon, name="Universitetet i Bergen", short_name="UiB", kind="university"
        ),
    }


@pytest.mark.parametrize(
    "value", ["Høgskulen på Vestlandet", "høgskulen på VESTLANDET", "HVL", "hvl", "Vestland"]
)
def test_parent_by_name_short_name_or_part_of_it(value, secretariat_client, universities):
    response = create(secretariat_client, value)
    assert response.status_code == 302, response.context["form"].errors
    assert saved().parent == universities["hvl"]


def test_parent_by_id(secretariat_client, universities):
    response = create(secretariat_client, str(universities["uib"].pk))
    assert response.status_code == 302
    assert saved().parent == universities["uib"]


def test_no_parent(secretariat_client, universities):
    assert create(secretariat_client, "").status_code == 302
    assert saved().parent is None


def test_the_field_is_a_search_field_not_a_list_of_every_organisation(
    secretariat_client, universities
):
    html = secretariat_client.get(url("clusters:organisation_create")).content.decode()
    assert '<input type="search" name="parent"' in html
    assert '<select name="parent"' not in html
    assert "Universitetet i Bergen" not in html
    assert "<datalist" not in html


def test_a_text_that_fits_several_is_explained_and_offers_them(secretariat_client, universities):
    response = create(secretariat_client, "e", short_name="FH")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error("parent", code="several")
    html = response.content.decode()
    # What was typed stays, with the message at the field and the names to choose from.
    assert 'name="short_name" value="FH"' in html
    assert 'name="parent" value="e"' in html
    assert 'list="parent-suggestions"' in html
    assert 'aria-describedby="id_parent_help id_parent_error"' in html
    datalist = html.split('<datalist id="parent-suggestions">')[1].split("</datalist>")[0]
    assert '<option value="Høgskulen på Vestlandet">' in datalist
    assert '<option value="Universitetet i Bergen">' in datalist
    with scopes_disabled():
        assert not Organisation.objects.filter(name="Fakultet for helsefag").exists()


def test_suggestions_are_bounded(secretariat_client, polyfon):
    for n in range(SUGGESTIONS_MAX + 5):
        OrganisationFactory(cluster=polyfon, name=f"Universitet {n:02d}")
    html = create(secretariat_client, "universitet").content.decode()
    datalist = html.split("<datalist")[1].split("</datalist>")[0]
    assert datalist.count("<option") == SUGGESTIONS_MAX


@pytest.mark.parametrize("value", ["Trondheim", "123456789", "%", "_", "x" * 500, "a\x00b"])
def test_a_parent_that_is_not_there_is_explained_at_the_field(
    value, secretariat_client, universities
):
    response = create(secretariat_client, value)
    assert response.status_code == 200
    assert response.context["form"].errors["parent"]
    assert 'id="id_parent_error"' in response.content.decode()


def test_an_organisation_of_another_cluster_is_not_found(secretariat_client, alrek, universities):
    theirs = OrganisationFactory(cluster=alrek, name="Alrek-universitetet")
    for value in (str(theirs.pk), "Alrek-universitetet"):
        response = create(secretariat_client, value)
        assert response.context["form"].errors["parent"]


def test_editing_shows_the_parent_by_name_and_keeps_it(secretariat_client, polyfon, universities):
    # Another organisation with the same name as the parent: the unchanged name still keeps
    # the parent the record has.
    OrganisationFactory(cluster=polyfon, name="Universitetet i Bergen", kind="university")
    faculty = OrganisationFactory(
        cluster=polyfon, name="Det medisinske fakultet", parent=universities["uib"]
    )
    edit = url("clusters:organisation_edit", pk=faculty.pk)
    html = secretariat_client.get(edit).content.decode()
    assert 'name="parent" value="Universitetet i Bergen"' in html
    response = secretariat_client.post(
        edit,
        {
            "name": "Det medisinske fakultet",
            "kind": "municipality",
            "parent": "Universitetet i Bergen",
        },
    )
    assert response.status_code == 302
    assert saved("Det medisinske fakultet").parent == universities["uib"]
    # And another parent can be written in its place.
    response = secretariat_client.post(
        edit, {"name": "Det medisinske fakultet", "kind": "municipality", "parent": "HVL"}
    )
    assert response.status_code == 302
    assert saved("Det medisinske fakultet").parent == universities["hvl"]


def test_form_page_does_not_grow_with_the_organisations(
    secretariat_client, polyfon, django_assert_max_num_queries
):
    sizes = []
    for count in (1, 40):
        while Organisation.objects.with_scopes_disabled().count() < count:
            OrganisationFactory(cluster=polyfon)
        with django_assert_max_num_queries(6):
            response = secretariat_client.get(url("clusters:organisation_create"))
        sizes.append(len(response.content))
    assert sizes[0] == sizes[1]
