"""The read-only JSON API, version 1, with its OpenAPI schema at /api/v1/openapi.json.

Requests are authenticated by the browser session (allauth login), so the API answers each
person exactly what the web pages would show them.
"""

from typing import Any

from django.http import Http404, HttpRequest
from ninja import NinjaAPI
from ninja.security import SessionAuth

from samspill.clusters.api import router as registry_router
from samspill.governance.api import router as governance_router
from samspill.plans.api import router as plans_router


class LoginSession(SessionAuth):
    """The browser's login session (cookie `sessionid`), declared in the OpenAPI schema.

    It is never required here: an anonymous caller passes too, and each operation then
    answers as its permission says (public clusters to everyone, 404 where the caller may not
    read), exactly as the web pages do. Ninja's `django_auth` would answer 401 instead.
    """

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return request.user


api = NinjaAPI(
    title="Samspill API",
    version="1",
    description=(
        "Read-only access to each cluster's registry. Every operation names the permission "
        "it needs in `x-permission`; a cluster the caller may not read answers 404."
    ),
    urls_namespace="api",
    auth=LoginSession(),
    # The interactive docs page loads scripts from a CDN, which the CSP forbids.
    docs_url=None,
)
api.add_router("/", registry_router)
api.add_router("/", governance_router)
api.add_router("/", plans_router)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Not found"}, status=404)
