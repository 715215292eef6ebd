import json

from django.contrib import messages


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
