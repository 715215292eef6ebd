"""Our guarantee of tenancy: no row of one cluster reaches another cluster's pages.

Every model that belongs to a cluster reads only through a manager that refuses to query
outside a cluster's scope and, inside one, sees that cluster's rows only; and the registry's
pages and exports of one cluster show none of another's rows, even to someone with a role in
both.
"""

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import ScopeError, scope

from samspill.accounts.tests.factories import UserFactory
from samspill.clusters.imports import import_prepare
from samspill.clusters.models import Cluster, ClusterRole
from samspill.clusters.services import role_grant
from samspill.clusters.tests.factories import (
    AgreementFactory,
    MembershipFactory,
    NodeFactory,
    OrganisationFactory,
    PersonFactory,
    SubgroupFactory,
)
from samspill.conftest import client_for

pytestmark = pytest.mark.django_db


def _per_cluster_models():
    """Every installed model with a `cluster` foreign key to Cluster, whichever app has it."""
    return [
        model
        for model in apps.get_models()
        if any(
            field.name == "cluster" and field.is_relation and field.related_model is Cluster
            for field in model._meta.fields
        )
    ]


def test_the_walk_finds_the_per_cluster_models():
    found = {model._meta.label for model in _per_cluster_models()}
    assert {
        "clusters.ClusterRole",
        "clusters.Region",
        "clusters.Organisation",
        "clusters.Person",
        "clusters.Affiliation",
        "clusters.Membership",
        "clusters.Node",
        "clusters.Subgroup",
        "clusters.Agreement",
        "clusters.AgreementVersion",
        "clusters.AgreementAppendix",
        "clusters.AgreementSignature",
        "clusters.ImportBatch",
    } <= found


@pytest.mark.parametrize("model", _per_cluster_models(), ids=lambda model: model._meta.label)
def test_every_manager_of_a_per_cluster_model_needs_a_scope(model, polyfon):
    assert model._meta.managers, model
    for manager in model._meta.managers:
        with pytest.raises(ScopeError):
            list(manager.all())
        with scope(cluster=polyfon):
            sql = str(manager.all().query)
        table = model._meta.db_table
        assert f'"{table}"."cluster_id" = {polyfon.pk}' in sql, (manager.name, sql)


MARK = {"polyfon": "Polyfonmerket", "alrek": "Alrekmerket"}


def _marked_rows(cluster, actor):
    """Rows of every kind a registry list shows, each named with the cluster's mark."""
    mark = MARK[cluster.slug]
    organisation = OrganisationFactory(cluster=cluster, name=f"{mark} kommune")
    MembershipFactory(cluster=cluster, organisation=organisation)
    PersonFactory(cluster=cluster, name=f"{mark} Person")
    NodeFactory(cluster=cluster, name=f"{mark} knutepunkt")
    SubgroupFactory(cluster=cluster, name=f"{mark} undergruppe")
    AgreementFactory(cluster=cluster, title=f"{mark} avtale")
    import_prepare(
        cluster=cluster,
        kind="organisations",
        upload=SimpleUploadedFile(f"{mark}.csv", b"navn;type\nVoss herad;municipality\n"),
        actor=actor,
    )
    role_grant(
        cluster=cluster,
        user=UserFactory(name=f"{mark} Bruker"),
        role=ClusterRole.Role.MEMBER,
        actor=None,
    )


LIST_PAGES = [
    "website:cluster_home",
    "website:participants",
    "clusters:organisation_list",
    "clusters:person_list",
    "clusters:membership_list",
    "clusters:node_list",
    "clusters:subgroup_list",
    "clusters:agreement_list",
    "clusters:import_list",
    "clusters:role_list",
]
EXPORTS = [
    "clusters:organisation_list",
    "clusters:person_list",
    "clusters:membership_list",
    "clusters:node_list",
    "clusters:subgroup_list",
    "clusters:agreement_list",
    "clusters:import_list",
]


@pytest.fixture
def secretariat_of_both(secretariat, polyfon, alrek):
    role_grant(cluster=alrek, user=secretariat, role=ClusterRole.Role.SECRETARIAT, actor=None)
    _marked_rows(polyfon, secretariat)
    _marked_rows(alrek, secretariat)
    return client_for(secretariat)


@pytest.mark.parametrize("name", LIST_PAGES)
def test_a_page_shows_its_own_clusters_rows_and_no_others(name, secretariat_of_both):
    for slug, other in (("polyfon", "alrek"), ("alrek", "polyfon")):
        response = secretariat_of_both.get(reverse(name, kwargs={"cluster": slug}))
        assert response.status_code == 200
        html = response.content.decode()
        assert MARK[slug] in html, (name, slug)
        assert MARK[other] not in html, (name, slug)


@pytest.mark.parametrize("name", EXPORTS)
def test_an_export_holds_its_own_clusters_rows_and_no_others(name, secretariat_of_both):
    for slug, other in (("polyfon", "alrek"), ("alrek", "polyfon")):
        response = secretariat_of_both.get(
            reverse(name, kwargs={"cluster": slug}), {"format": "csv"}
        )
        assert response.status_code == 200
        text = response.content.decode("utf-8-sig")
        assert MARK[slug] in text, (name, slug)
        assert MARK[other] not in text, (name, slug)


def test_person_can_have_roles_in_two_clusters(polyfon, alrek):
    from samspill.accounts.tests.factories import UserFactory
    from samspill.clusters.models import ClusterRole
    from samspill.clusters.services import role_grant

    user = UserFactory()
    role_grant(cluster=polyfon, user=user, role=ClusterRole.Role.SECRETARIAT, actor=None)
    role_grant(cluster=alrek, user=user, role=ClusterRole.Role.MEMBER, actor=None)
    assert user.has_perm("clusters.manage_registry", polyfon)
    assert not user.has_perm("clusters.manage_registry", alrek)
    assert user.has_perm("clusters.view_registry", alrek)
