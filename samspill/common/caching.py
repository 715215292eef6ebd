"""Keeping rendered HTML in Django's cache under a key that says when it is current.

Local memory in each process by default, Redis when `REDIS_URL` is set. The key must change
when what the HTML shows changes (a cluster's data version, `clusters/freshness.py`): nothing
is ever deleted, an HTML nobody asks for again expires.
"""

from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils.safestring import SafeString, mark_safe

KEEP_SECONDS = 60 * 60 * 24
CSRF_FIELD = 'name="csrfmiddlewaretoken"'
# Rendered in place of the visitor's CSRF token in a part that is kept with its forms
# (`{"csrf_token": CSRF_PLACEHOLDER}` in its context); `with_csrf_token` puts theirs in.
CSRF_PLACEHOLDER = "csrf-token-of-the-visitor"


def kept(key: str | None, render: Callable[[], str]) -> SafeString:
    """The HTML kept under `key`, or `render()`'s, kept now (rendered each time if no key)."""
    if key is None:
        return mark_safe(str(render()))  # noqa: S308 (rendered by our templates)
    html = cache.get(key)
    if html is None:
        html = str(render())
        # A form's CSRF token belongs to one visitor: a part with a real one is never kept.
        if html.count(CSRF_FIELD) == html.count(f'value="{CSRF_PLACEHOLDER}"'):
            cache.set(key, html, KEEP_SECONDS)
    return mark_safe(html)  # noqa: S308 (rendered by our templates, escaped there)


def with_csrf_token(html: str, request: HttpRequest) -> SafeString:
    """A kept part's forms with the visitor's own CSRF token (letters and digits only)."""
    token = get_token(request)
    return mark_safe(html.replace(f'value="{CSRF_PLACEHOLDER}"', f'value="{token}"'))  # noqa: S308
