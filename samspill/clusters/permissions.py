"""Who may do what in a cluster. The object of every permission here is a Cluster."""

import rules

from .models import ClusterRole


def _roles(user) -> dict[int, str]:
    """The user's roles by cluster id, read once per request and kept on the user object."""
    if not user.is_authenticated:
        return {}
    if not hasattr(user, "_samspill_roles"):
        user._samspill_roles = dict(
            ClusterRole.objects.with_scopes_disabled()
            .filter(user=user)
            .values_list("cluster_id", "role")
        )
    return user._samspill_roles


def remember_roles(user, roles: dict[int, str]) -> None:
    """Keep the user's roles (cluster id → role) read elsewhere in this request for `_roles`."""
    user._samspill_roles = roles


def role_in(user, cluster) -> str:
    """What every permission on `cluster` depends on for `user`: their role, or superuser."""
    if getattr(user, "is_superuser", False):
        return "superuser"
    return _roles(user).get(cluster.pk, "none")


@rules.predicate
def is_secretariat(user, cluster) -> bool:
    return cluster is not None and _roles(user).get(cluster.pk) == ClusterRole.Role.SECRETARIAT


@rules.predicate
def is_member(user, cluster) -> bool:
    return cluster is not None and cluster.pk in _roles(user)


@rules.predicate
def is_published(user, cluster) -> bool:
    return cluster is not None and cluster.is_public


is_superuser = rules.is_superuser

rules.add_perm("clusters.view_public", is_published | is_member | is_superuser)
rules.add_perm("clusters.view_registry", is_member | is_superuser)
rules.add_perm("clusters.manage_registry", is_secretariat | is_superuser)
