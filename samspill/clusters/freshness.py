"""A cluster's data version: what was rendered from a cluster's rows can be kept, and known to
be current, without asking the database again.

`Cluster.data_version` changes whenever a row of the cluster changes: every save and delete
of a model with a cluster (every app's `ClusterScoped` models, connected in `apps.py`), every
change of a many-to-many relation between them, and a user's name or address (shown in the
lists of roles and imports). It is raised once per cluster and transaction, when the
transaction commits. Every request reads the cluster anyway, so the number comes with no
query of its own.

A rendering is kept under a key holding that number (`page_key`). When the cluster changes, the
key changes: the old rendering is never read again and expires. Every process sees the new
number at its next request, so this is correct with a cache of each process's own (local
memory) as with a shared one (Redis), and no cache has to be told of a change.

A page that keeps anything must put in the key all else it depends on: `page_key` holds the
URL with its query, the language, the visitor's role in the cluster and the day (which
memberships are active changes at midnight, without any write).
"""

import hashlib
from collections.abc import Callable
from functools import cache as once
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, F, Max, Model, Sum
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language

from samspill.common.caching import KEEP_SECONDS

from .models import Cluster
from .permissions import role_in

T = TypeVar("T")


def cluster_changed(cluster_id: int, using: str | None = None) -> None:
    """Raise the cluster's data version for a change made now: at once outside a
    transaction, else when it commits (once per cluster however many rows it changes)."""
    if _changing(cluster_id, using):
        return
    if not transaction.get_connection(using).in_atomic_block:
        _raise(cluster_id, using)
        return

    def after_commit() -> None:
        _raise(cluster_id, using)

    after_commit.raises_version_of = cluster_id  # type: ignore[attr-defined]
    transaction.on_commit(after_commit, using=using)


def _changing(cluster_id: int, using: str | None = None) -> bool:
    """Whether the current transaction has changed rows of the cluster (not yet committed)."""
    connection = transaction.get_connection(using)
    return connection.in_atomic_block and any(
        getattr(callback, "raises_version_of", None) == cluster_id
        for _savepoints, callback, _robust in connection.run_on_commit
    )


def clusters_key(part: str) -> str | None:
    """A cache key for `part` rendered from the clusters themselves (the list of public
    clusters), as they all stand now: their number, newest and data versions. None inside a
    transaction that has changed any cluster (see `version_key`)."""
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        hasattr(callback, "raises_version_of")
        for _savepoints, callback, _robust in connection.run_on_commit
    ):
        return None
    stamp = Cluster.objects.aggregate(n=Count("pk"), last=Max("pk"), versions=Sum("data_version"))
    return f"samspill:{part}:{stamp['n']}:{stamp['last']}:{stamp['versions']}:{get_language()}"


def _raise(cluster_id: int, using: str | None) -> None:
    Cluster.objects.using(using).filter(pk=cluster_id).update(data_version=F("data_version") + 1)


def row_changed(
    sender: type[Model], instance: Model, using: str | None = None, **kwargs: Any
) -> None:
    """post_save, post_delete and m2m_changed of a row with a cluster, or of a cluster: every
    cluster the row points to has changed (an agreement names its other party's too)."""
    if kwargs.get("action", "post_").startswith("pre_"):
        return  # m2m_changed is sent before and after; after is enough
    if isinstance(instance, Cluster):
        cluster_changed(instance.pk, using)
        return
    for attname in _cluster_fields(type(instance)):
        cluster_id = getattr(instance, attname, None)
        if cluster_id is not None:
            cluster_changed(cluster_id, using)


@once
def _cluster_fields(model: type[Model]) -> tuple[str, ...]:
    """The columns of `model` that point to a cluster: `cluster_id`, and any other."""
    return tuple(
        field.attname
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is Cluster
    )


def user_changed(
    sender: type[Model], instance: Model, using: str | None = None, **kwargs: Any
) -> None:
    """A user's name or address shows in the lists of the clusters where they have a role."""
    if kwargs.get("created"):
        return  # a new user has no role yet
    for cluster_id in instance.cluster_roles.with_scopes_disabled().values_list(  # type: ignore[attr-defined]
        "cluster_id", flat=True
    ):
        cluster_changed(cluster_id, using)


def version_key(cluster: Cluster, part: str, *depends_on: str) -> str | None:
    """A cache key for `part` rendered from `cluster`'s rows as they stand now, in the active
    language and on today's date, and for whatever else it `depends_on`.

    None inside a transaction that has changed the cluster: what it renders holds changes
    nobody else sees yet, and that may still be rolled back, so it is not kept.
    """
    if _changing(cluster.pk):
        return None
    described = "|".join([*depends_on, str(get_language()), timezone.localdate().isoformat()])
    digest = hashlib.sha256(described.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"samspill:{part}:{cluster.pk}:{cluster.data_version}:{digest}"


def kept_rows(cluster: Cluster, part: str, read: Callable[[], T]) -> T:
    """What `read()` reads from the cluster's rows (a short list: its regions), kept while
    they stay the same."""
    key = version_key(cluster, part)
    if key is None:
        return read()
    rows = cache.get(key)
    if rows is None:
        rows = read()
        cache.set(key, rows, KEEP_SECONDS)
    return rows


def page_key(request: HttpRequest, cluster: Cluster, part: str, *depends_on: str) -> str | None:
    """A cache key for `part` of the page `request` asks for: its address and query, and the
    visitor's role, which decides what they may see (and whatever else it `depends_on`: the
    visitor themselves, where what they see depends on their own appointments)."""
    query = "&".join(sorted(f"{k}={v}" for k, values in request.GET.lists() for v in values))
    role = role_in(request.user, cluster)
    return version_key(cluster, part, request.path, query, role, *depends_on)
