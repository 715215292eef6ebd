"""The registry parts of the public pages, rendered once and cached per cluster and language.

A cluster's public pages list every participant: with a thousand organisations that is most
of what a request costs, and the list changes a few times a year. The rendered HTML of those
parts is kept in Django's cache (local memory in each process by default, Redis when
`REDIS_URL` is set), under a key naming the part, the cluster, the language and the day
(the day, because which memberships are active changes at midnight without any write).

Any save or delete of a registry row (every model of the clusters app, connected in
`apps.py`) forgets the cluster's parts, at once and again when the transaction commits, so
that a page rendered from the old rows meanwhile is not kept. A local-memory cache is one
per process, and the other gunicorn workers cannot be told: there the parts live only
`LOCAL_SECONDS`, so a change shows on every worker within a minute. A shared cache (Redis)
is forgotten for all, and keeps the parts `SHARED_SECONDS`.
"""

import datetime
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

PARTS = ("cluster_home", "participants")
LOCAL_SECONDS = 60
SHARED_SECONDS = 60 * 60


def timeout() -> int:
    """How long a part is kept: briefly in a cache other processes cannot forget."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    return LOCAL_SECONDS if backend.endswith(".LocMemCache") else SHARED_SECONDS


def _key(part: str, cluster_id: int, language: str | None, day: datetime.date) -> str:
    return f"samspill:website:{part}:{cluster_id}:{language}:{day.isoformat()}"


def cached_part(part: str, cluster_id: int, render: Callable[[], str]) -> SafeString:
    """The HTML `render()` makes for this cluster, language and day: from the cache if it
    is there, else rendered now and kept."""
    assert part in PARTS, part  # forget() must know every part
    key = _key(part, cluster_id, get_language(), timezone.localdate())
    html = cache.get(key)
    if html is None:
        html = str(render())
        cache.set(key, html, timeout())
    return mark_safe(html)  # noqa: S308 (rendered by our templates, escaped there)


def forget(cluster_id: int) -> None:
    """Drop the cluster's cached parts in every language."""
    languages = {code for code, _name in settings.LANGUAGES} | {settings.LANGUAGE_CODE}
    day = timezone.localdate()
    cache.delete_many([_key(p, cluster_id, lang, day) for p in PARTS for lang in languages])


def registry_changed(sender: type, instance: Any, **kwargs: Any) -> None:
    """post_save / post_delete of a registry row: its cluster's public parts are out of date."""
    from samspill.clusters.models import Cluster

    cluster_id: int | None = (
        instance.pk if isinstance(instance, Cluster) else getattr(instance, "cluster_id", None)
    )
    if cluster_id is None:
        return
    forget(cluster_id)
    # A request that read the old rows before the commit may have cached them since.
    transaction.on_commit(lambda: forget(cluster_id), using=kwargs.get("using"))
