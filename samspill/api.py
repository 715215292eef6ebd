"""The read-only JSON API, version 1, with its OpenAPI schema at /api/v1/openapi.json.

Requests are authenticated by the browser session (allauth login), so the API answers each
person exactly what the web pages would show them.
"""

from django.http import Http404
from ninja import NinjaAPI

from samspill.clusters.api import router as registry_router

api = NinjaAPI(
    title="Samspill API",
    version="1",
    description=(
        "Read-only access to each cluster's registry. Every operation names the permission "
        "it needs in `x-permission`; a cluster the caller may not read answers 404."
    ),
    urls_namespace="api",
    # The interactive docs page loads scripts from a CDN, which the CSP forbids.
    docs_url=None,
)
api.add_router("/", registry_router)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Not found"}, status=404)
