"""The registry parts of the public pages, rendered once and kept per cluster and language.

A cluster's public pages list every participant: with a thousand organisations that is most
of what a request costs, and the list changes a few times a year. The rendered HTML of those
parts is kept (`common/caching.py`) under a key holding the cluster's data version
(`clusters/freshness.py`), the language and the day (the day, because which memberships are
active changes at midnight without any write): any change to the cluster's rows gives a new
key, on every process at once.
"""

from collections.abc import Callable

from django.utils.safestring import SafeString

from samspill.clusters.freshness import version_key
from samspill.clusters.models import Cluster
from samspill.common.caching import kept


def cached_part(part: str, cluster: Cluster, render: Callable[[], str]) -> SafeString:
    """The HTML `render()` makes for this cluster as it stands, in this language, today."""
    return kept(version_key(cluster, f"website:{part}"), render)
