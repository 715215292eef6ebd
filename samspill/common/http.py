"""Types of the request as the middleware leaves it, for annotating views."""

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request after django-htmx's middleware: `request.htmx` is true for htmx requests."""

    htmx: HtmxDetails
