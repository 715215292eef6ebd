"""Keeping rendered HTML in Django's cache under a key that says when it is current.

Local memory in each process by default, Redis when `REDIS_URL` is set. The key must change
when what the HTML shows changes (a cluster's data version, `clusters/freshness.py`): nothing
is ever deleted, an HTML nobody asks for again expires.
"""

from collections.abc import Callable

from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

KEEP_SECONDS = 60 * 60 * 24
CSRF_FIELD = 'name="csrfmiddlewaretoken"'


def kept(key: str | None, render: Callable[[], str]) -> SafeString:
    """The HTML kept under `key`, or `render()`'s, kept now (rendered each time if no key)."""
    if key is None:
        return mark_safe(str(render()))  # noqa: S308 (rendered by our templates)
    html = cache.get(key)
    if html is None:
        html = str(render())
        # A form's CSRF token belongs to one visitor: such a part is never kept.
        if CSRF_FIELD not in html:
            cache.set(key, html, KEEP_SECONDS)
    return mark_safe(html)  # noqa: S308 (rendered by our templates, escaped there)
