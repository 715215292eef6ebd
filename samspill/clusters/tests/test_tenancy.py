import pytest
from django_scopes import ScopeError, scope

from samspill.clusters.models import Organisation
from samspill.clusters.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_unscoped_query_is_an_error(polyfon):
    with pytest.raises(ScopeError):
        list(Organisation.objects.all())


def test_a_scope_sees_only_its_own_cluster(polyfon, alrek):
    OrganisationFactory(cluster=polyfon, name="Polyfons")
    OrganisationFactory(cluster=alrek, name="Alreks")
    with scope(cluster=alrek):
        assert [o.name for o in Organisation.objects.all()] == ["Alreks"]


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
