import json

from django.contrib import messages
from django.utils.cache import patch_cache_control

PRIVATE_ATTRIBUTE = "_samspill_private"


def mark_private(request) -> None:
    """Say that the answer to this request holds data not for the public (see below)."""
    setattr(request, PRIVATE_ATTRIBUTE, True)


class PrivateCacheMiddleware:
    """Keep personal data out of shared caches and the browser's cache on disk.

    Every answer to a logged-in user, and every answer of a page or API operation that is not
    public (the access helpers call `mark_private`), is sent `Cache-Control: private,
    no-store` unless the view set its own. Public pages to anonymous visitors stay cacheable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        user = getattr(request, "user", None)
        if getattr(request, PRIVATE_ATTRIBUTE, False) or (user and user.is_authenticated):
            patch_cache_control(response, private=True, no_store=True)
        return response


class HtmxMessagesMiddleware:
    """For htmx requests, hand Django messages to the page as an HX-Trigger event (toasts)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not getattr(request, "htmx", False) or 300 <= response.status_code < 400:
            return response
        pending = [{"level": m.level_tag, "text": str(m)} for m in messages.get_messages(request)]
        if pending:
            triggers = json.loads(response.headers.get("HX-Trigger", "{}") or "{}")
            triggers["samspill:messages"] = pending
            response.headers["HX-Trigger"] = json.dumps(triggers)
        return response
