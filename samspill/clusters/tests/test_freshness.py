"""A cluster's data version: lists are kept while the cluster's rows stay the same, and a
change shows at once, to everyone, in every language (`clusters/freshness.py`)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scopes_disabled

from samspill.clusters.models import Agreement, Cluster, Membership, Region
from samspill.clusters.services import record_save
from samspill.clusters.tests.factories import (
    AgreementFactory,
    MembershipFactory,
    OrganisationFactory,
)
from samspill.conftest import client_for

# Committed as in production: a transaction that changed a cluster keeps nothing it renders.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def version(cluster) -> int:
    return Cluster.objects.get(pk=cluster.pk).data_version


def get(client, name, **params):
    response = client.get(reverse(name, kwargs={"cluster": "polyfon"}), params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_list_is_kept_and_a_change_shows_at_once(polyfon, secretariat):
    bergen = OrganisationFactory(cluster=polyfon, name="Bergen kommune")
    client = client_for(secretariat)
    assert "Bergen kommune" in get(client, "clusters:organisation_list")
    with CaptureQueriesContext(connection) as queries:
        assert "Bergen kommune" in get(client, "clusters:organisation_list")
    assert not [q for q in queries.captured_queries if 'FROM "clusters_organisation"' in q["sql"]]

    bergen.name = "Bjørgvin kommune"
    with scopes_disabled():
        record_save(record=bergen, actor=secretariat)
    html = get(client, "clusters:organisation_list")
    assert "Bjørgvin kommune" in html
    assert "Bergen kommune" not in html


def test_each_role_and_language_and_query_has_its_own_list(polyfon, secretariat, member):
    organisation = OrganisationFactory(cluster=polyfon, name="Voss herad")
    MembershipFactory(cluster=polyfon, organisation=organisation, notes="Intern merknad")
    # Notes are for the secretariat only: the member must not get the secretariat's list.
    assert "Intern merknad" in get(client_for(secretariat), "clusters:membership_list")
    assert "Intern merknad" not in get(client_for(member), "clusters:membership_list")
    english = client_for(secretariat).get(
        reverse("clusters:organisation_list", kwargs={"cluster": "polyfon"}),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "1 organisation" in english.content.decode()
    assert "1 organisasjon" in get(client_for(secretariat), "clusters:organisation_list")
    assert "Voss herad" not in get(
        client_for(secretariat), "clusters:organisation_list", search="Bergen"
    )


def test_a_transaction_raises_the_version_once_when_it_commits(polyfon):
    before = version(polyfon)
    with transaction.atomic():
        for name in ("A", "B", "C"):
            OrganisationFactory(cluster=polyfon, name=name)
        assert version(polyfon) == before  # not before the rows are there for all to read
    assert version(polyfon) == before + 1


def test_a_rolled_back_change_leaves_the_version(polyfon):
    before = version(polyfon)
    with pytest.raises(RuntimeError), transaction.atomic():
        OrganisationFactory(cluster=polyfon, name="Angret")
        raise RuntimeError
    assert version(polyfon) == before


def test_an_agreement_with_another_cluster_changes_both(polyfon, alrek):
    before = version(polyfon), version(alrek)
    AgreementFactory(cluster=alrek, kind=Agreement.Kind.COLLABORATION, counterpart_cluster=polyfon)
    assert (version(polyfon), version(alrek)) == (before[0] + 1, before[1] + 1)


def test_a_renamed_user_changes_the_clusters_where_they_have_a_role(polyfon, alrek, secretariat):
    before = version(polyfon), version(alrek)
    get_user_model().objects.filter(pk=secretariat.pk).get().save()
    assert (version(polyfon), version(alrek)) == (before[0] + 1, before[1])


def test_a_changed_membership_shows_on_the_organisation_list(polyfon, secretariat):
    organisation = OrganisationFactory(cluster=polyfon, name="Voss herad")
    client = client_for(secretariat)
    assert "Voss herad" not in get(client, "clusters:organisation_list", status="member")
    MembershipFactory(cluster=polyfon, organisation=organisation)
    assert "Voss herad" in get(client, "clusters:organisation_list", status="member")
    with scopes_disabled():
        Membership.objects.filter(organisation=organisation).delete()
    assert "Voss herad" not in get(client, "clusters:organisation_list", status="member")


def test_an_api_answer_is_kept_and_a_change_shows_at_once(polyfon, secretariat, member):
    organisation = OrganisationFactory(cluster=polyfon, name="Voss herad")
    MembershipFactory(cluster=polyfon, organisation=organisation, notes="Intern merknad")
    url = "/api/v1/polyfon/memberships"
    secretariat_client, member_client = client_for(secretariat), client_for(member)
    assert "Intern merknad" in secretariat_client.get(url).content.decode()
    with CaptureQueriesContext(connection) as queries:
        kept = secretariat_client.get(url)
    assert "Intern merknad" in kept.content.decode()
    assert kept["Content-Type"].startswith("application/json")
    assert "private" in kept["Cache-Control"]
    assert not [q for q in queries.captured_queries if "clusters_membership" in q["sql"]]
    # Another role has its own answer: the member never gets the secretariat's notes.
    assert "Intern merknad" not in member_client.get(url).content.decode()

    organisation.name = "Voss kommune"
    with scopes_disabled():
        record_save(record=organisation, actor=secretariat)
    assert "Voss kommune" in secretariat_client.get(url).content.decode()


def test_an_api_answer_that_is_refused_is_not_kept(polyfon, outsider):
    assert client_for(outsider).get("/api/v1/polyfon/memberships").status_code == 404
    assert client_for(outsider).get("/api/v1/polyfon/memberships").status_code == 404


def test_a_new_region_is_offered_at_once_by_forms_and_filters(polyfon, secretariat):
    client = client_for(secretariat)
    assert "Utland" not in get(client, "clusters:organisation_create")
    assert "Utland" not in get(client, "clusters:organisation_list")
    with scopes_disabled():
        record_save(record=Region(cluster=polyfon, name="Utland", position=9), actor=secretariat)
    assert "Utland" in get(client, "clusters:organisation_create")
    assert "Utland" in get(client, "clusters:organisation_list")


def test_the_front_page_keeps_the_published_clusters_until_one_changes(polyfon, alrek):
    client = client_for(None)
    assert "Polyfon" in client.get("/").content.decode()
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert not [q for q in queries.captured_queries if 'clusters_cluster"."description' in q["sql"]]
    polyfon.name = "Polyfon kunnskapsklynge for musikk og helse"
    polyfon.save()
    assert "musikk og helse" in client.get("/").content.decode()
    alrek.is_public = False
    alrek.save()
    assert alrek.name not in client.get("/").content.decode()


def test_saving_a_cluster_read_before_a_change_never_lowers_its_version(polyfon):
    stale = Cluster.objects.get(pk=polyfon.pk)
    OrganisationFactory(cluster=polyfon)  # raises the version
    before = version(polyfon)
    stale.name = "Polyfon"
    stale.save()
    assert version(polyfon) == before + 1
