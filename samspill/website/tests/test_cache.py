"""The public pages' participants are rendered once and kept; a change shows at once."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scopes_disabled

from samspill.clusters.models import Membership
from samspill.clusters.services import record_delete, record_save
from samspill.clusters.tests.factories import (
    MembershipFactory,
    NodeFactory,
    OrganisationFactory,
)
from samspill.conftest import client_for

# Committed as in production: a transaction that changed a cluster keeps nothing it renders.
pytestmark = pytest.mark.django_db(transaction=True)

PAGES = ["website:cluster_home", "website:participants"]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def url(name, slug="polyfon"):
    return reverse(name, kwargs={"cluster": slug})


def page(name, language="nb", slug="polyfon"):
    response = client_for(None).get(url(name, slug), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def bergen(polyfon):
    organisation = OrganisationFactory(cluster=polyfon, name="Bergen kommune")
    MembershipFactory(cluster=polyfon, organisation=organisation)
    return organisation


@pytest.mark.parametrize("name", PAGES)
def test_renamed_organisation_shows_on_the_public_page_at_once(name, bergen, secretariat):
    assert "Bergen kommune" in page(name)
    assert "Bergen kommune" in page(name)  # now from the cache
    bergen.name = "Bjørgvin kommune"
    with scopes_disabled():
        record_save(record=bergen, actor=secretariat)
    html = page(name)
    assert "Bjørgvin kommune" in html
    assert "Bergen kommune" not in html


@pytest.mark.parametrize("name", PAGES)
def test_a_change_is_shown_in_every_language(name, bergen, secretariat):
    for language in ("nb", "nn", "en"):
        assert "Bergen kommune" in page(name, language)
    bergen.name = "Bjørgvin kommune"
    with scopes_disabled():
        record_save(record=bergen, actor=secretariat)
    for language in ("nb", "nn", "en"):
        assert "Bjørgvin kommune" in page(name, language)


@pytest.mark.parametrize("name", PAGES)
def test_new_and_deleted_memberships_show_at_once(name, polyfon, bergen, secretariat):
    page(name)
    voss = OrganisationFactory(cluster=polyfon, name="Voss herad")
    membership = MembershipFactory(cluster=polyfon, organisation=voss)
    assert "Voss herad" in page(name)
    with scopes_disabled():
        record_delete(record=membership, actor=secretariat)
    assert "Voss herad" not in page(name)


def test_a_node_changed_shows_on_the_home_page(polyfon, secretariat):
    node = NodeFactory(cluster=polyfon, name="Knutepunkt Vest")
    assert "Knutepunkt Vest" in page("website:cluster_home")
    node.name = "Knutepunkt Vestland"
    with scopes_disabled():
        record_save(record=node, actor=secretariat)
    assert "Knutepunkt Vestland" in page("website:cluster_home")


def test_a_change_in_one_cluster_keeps_the_others_cached(polyfon, alrek, bergen, secretariat):
    alrek_org = OrganisationFactory(cluster=alrek, name="Alrek-partner")
    MembershipFactory(cluster=alrek, organisation=alrek_org)
    page("website:participants", slug="alrek")
    bergen.name = "Bjørgvin kommune"
    with scopes_disabled():
        record_save(record=bergen, actor=secretariat)
    with CaptureQueriesContext(connection) as queries:
        assert "Alrek-partner" in page("website:participants", slug="alrek")
    assert not [q for q in queries.captured_queries if "clusters_membership" in q["sql"]]


def test_cached_part_is_kept_per_language(bergen):
    english = page("website:participants", "en")
    bokmaal = page("website:participants", "nb")
    # The group heading is the membership kind's label, in the reader's language.
    with scopes_disabled():
        kind = Membership.Kind(Membership.objects.get(organisation=bergen).kind)
    from django.utils import translation

    with translation.override("en"):
        assert str(kind.label) in english
    with translation.override("nb"):
        assert str(kind.label) in bokmaal


@pytest.mark.parametrize("name", PAGES)
def test_first_render_makes_the_same_number_of_queries_for_one_and_three_rows(name, polyfon):
    """The cold path (cache empty): no query per participant."""
    counts = []
    for rows in (1, 3):
        while len(Membership.objects.with_scopes_disabled().filter(cluster=polyfon)) < rows:
            MembershipFactory(cluster=polyfon, organisation=OrganisationFactory(cluster=polyfon))
        cache.clear()
        client = client_for(None)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(name)).status_code == 200
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]
