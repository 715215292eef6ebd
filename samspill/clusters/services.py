"""Write operations on the registry. Each takes the acting user and records it in the audit log.

A rule a write breaks is raised as a ValidationError naming the field it concerns, for the
view to show next to that field (`form.add_error`).
"""

import datetime
from typing import Any, TypeVar

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from auditlog.context import set_actor
from django.db import models, transaction
from django.urls import reverse
from django_scopes import scope

from samspill.accounts.models import User
from samspill.common.email import send_templated_email

from . import queries
from .models import DEFAULT_REGIONS, Cluster, ClusterRole, Membership, Person, Region

Record = TypeVar("Record", bound=models.Model)


def _cluster_of(record: Any) -> Cluster:
    return record if isinstance(record, Cluster) else record.cluster


@transaction.atomic
def cluster_create(
    *,
    name: str,
    short_name: str,
    slug: str,
    actor: User | None,
    regions: list[str] | None = None,
    **fields: Any,
) -> Cluster:
    with set_actor(actor):
        cluster = Cluster(name=name, short_name=short_name, slug=slug, **fields)
        cluster.full_clean()
        cluster.save()
        regions_create_defaults(cluster=cluster, names=regions)
    return cluster


def regions_create_defaults(*, cluster: Cluster, names: list[str] | None = None) -> None:
    """Give a new cluster its regions (Øst, Sør, Vest, Midt, Nord unless told otherwise)."""
    for position, name in enumerate(names if names is not None else DEFAULT_REGIONS):
        Region.objects.with_scopes_disabled().create(cluster=cluster, name=name, position=position)


@transaction.atomic
def role_grant(*, cluster: Cluster, user: User, role: str, actor: User | None) -> ClusterRole:
    """Give `user` a role in `cluster`.

    Someone who already has a role there gets the new one through `role_change`, so that the
    cluster keeps at least one secretariat (raises LastSecretariat otherwise).
    """
    existing = ClusterRole.objects.with_scopes_disabled().filter(cluster=cluster, user=user).first()
    if existing is not None:
        return role_change(grant=existing, role=role, actor=actor)
    with set_actor(actor):
        return ClusterRole.objects.with_scopes_disabled().create(
            cluster=cluster, user=user, role=role
        )


@transaction.atomic
def record_save(*, record: Record, actor: User | None) -> Record:
    """Validate and save a registry record (organisation, node, agreement …) as `actor`.

    Validation runs in the record's cluster scope, so services work from views, commands and
    background tasks alike.
    """
    with set_actor(actor), scope(cluster=_cluster_of(record)):
        record.full_clean()
        record.save()
    return record


@transaction.atomic
def record_delete(*, record: models.Model, actor: User | None) -> None:
    """Delete a record entered by mistake; the audit log keeps what it was and who deleted it.

    Raises ProtectedError when other records still point to it (an organisation with
    memberships, say): history is ended, not deleted.
    """
    with set_actor(actor), scope(cluster=_cluster_of(record)):
        record.delete()


@transaction.atomic
def person_save(*, person: Person, actor: User | None) -> Person:
    """Save a person, suggesting initials from the name when none are given."""
    if not person.initials:
        person.initials = queries.initials_for(
            cluster=person.cluster, name=person.name, exclude_pk=person.pk
        )
    person.initials = person.initials.upper()
    return record_save(record=person, actor=actor)


@transaction.atomic
def membership_end(
    *, membership: Membership, left_on: datetime.date, actor: User | None
) -> Membership:
    """Close a membership period; the row stays as history.

    Raises ValidationError on `left_on` when that is before the membership started.
    """
    membership.left_on = left_on
    return record_save(record=membership, actor=actor)


@transaction.atomic
def cluster_update(*, cluster: Cluster, actor: User | None) -> Cluster:
    """Save a cluster's settings."""
    return record_save(record=cluster, actor=actor)


@transaction.atomic
def regions_update(*, cluster: Cluster, regions: list[Region], actor: User | None) -> None:
    """Save the regions of a cluster that were added or changed (unsaved rows)."""
    for region in regions:
        region.cluster = cluster
        record_save(record=region, actor=actor)


@transaction.atomic
def role_invite(
    *, cluster: Cluster, email: str, name: str, role: str, actor: User | None, site_url: str
) -> ClusterRole:
    """Give someone a role in the cluster, creating their account if they have none.

    A new account gets no password; the invitation links to a page where they choose one.
    Raises AlreadyHasRole, and changes nothing, when they already have a role in the cluster.
    """
    email = User.objects.normalize_email(email).lower()
    with set_actor(actor):
        user, created = User.objects.get_or_create(email=email, defaults={"name": name})
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
    existing = ClusterRole.objects.with_scopes_disabled().filter(cluster=cluster, user=user).first()
    if existing is not None:
        # An invitation never changes a role someone already has: that is role_change's job.
        raise AlreadyHasRole(existing)
    grant = role_grant(cluster=cluster, user=user, role=role, actor=actor)
    if created:
        path = reverse(
            "account_reset_password_from_key",
            kwargs={
                "uidb36": user_pk_to_url_str(user),
                "key": default_token_generator.make_token(user),
            },
        )
    else:
        path = reverse("clusters:dashboard", kwargs={"cluster": cluster.slug})
    transaction.on_commit(
        lambda: send_templated_email(
            name="cluster_invitation",
            to=[user.email],
            context={
                "cluster": cluster,
                "role": grant.get_role_display(),
                "actor": actor,
                "new_account": created,
                "url": site_url.rstrip("/") + path,
            },
        )
    )
    return grant


class LastSecretariat(Exception):
    """The change would leave the cluster without a secretariat."""


class AlreadyHasRole(Exception):
    """The person invited already has a role in the cluster; `grant` is that role."""

    def __init__(self, grant: ClusterRole) -> None:
        super().__init__(grant)
        self.grant = grant


def _check_other_secretariat(grant: ClusterRole) -> None:
    """Raise LastSecretariat unless someone other than `grant` is secretariat of its cluster.

    Locks the cluster row first, so that two secretariats cannot remove each other at once.
    """
    Cluster.objects.select_for_update().filter(pk=grant.cluster_id).first()
    others = (
        ClusterRole.objects.with_scopes_disabled()
        .filter(cluster_id=grant.cluster_id, role=ClusterRole.Role.SECRETARIAT)
        .exclude(pk=grant.pk)
    )
    if not others.exists():
        raise LastSecretariat


@transaction.atomic
def role_change(*, grant: ClusterRole, role: str, actor: User | None) -> ClusterRole:
    """Give someone who has a role in a cluster another one.

    Raises LastSecretariat when this would leave the cluster without a secretariat.
    """
    if role not in ClusterRole.Role.values:
        raise ValueError(f"unknown role {role!r}")
    if grant.role == role:
        return grant
    if grant.role == ClusterRole.Role.SECRETARIAT:
        _check_other_secretariat(grant)
    grant.role = role
    with set_actor(actor), scope(cluster=grant.cluster_id):
        grant.save(update_fields=["role"])
    return grant


@transaction.atomic
def role_revoke(*, grant: ClusterRole, actor: User | None) -> None:
    """Take away someone's role; a cluster always keeps at least one secretariat."""
    if grant.role == ClusterRole.Role.SECRETARIAT:
        _check_other_secretariat(grant)
    with set_actor(actor):
        grant.delete()
