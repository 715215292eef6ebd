"""Resolving the cluster of a URL, activating its scope and checking the permission.

Every view under /<cluster>/ is wrapped in `cluster_view`, which records the permission it
requires on the view function; the URL test enumerates all patterns and checks each role.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Concatenate, ParamSpec, Protocol, TypeVar, cast

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponseBase, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404
from django_htmx.http import HttpResponseClientRedirect
from django_scopes import scope

from samspill.accounts.models import User
from samspill.common.http import HtmxHttpRequest
from samspill.common.middleware import mark_private

from .models import Cluster

PUBLIC = "clusters.view_public"
VIEW = "clusters.view_registry"
MANAGE = "clusters.manage_registry"

# What a view that is not marked `write` answers to.
SAFE_METHODS = ["GET", "HEAD"]

P = ParamSpec("P")
Request = TypeVar("Request", bound="ClusterRequest")


class ClusterRequest(HtmxHttpRequest):
    """The request a view wrapped in `cluster_view` receives: `request.cluster` is set."""

    cluster: Cluster


class RegistryRequest(ClusterRequest):
    """The request of a page that is not public (`VIEW`, `MANAGE`): only someone signed in
    with a role in the cluster, or a superuser, gets through `cluster_view` to the view."""

    user: User


class ClusterView(Protocol[P]):
    """A view wrapped in `cluster_view`: called with the cluster's slug, and it records the
    permission it requires and whether it writes (the URL test reads both)."""

    cluster_permission: str
    writes: bool

    def __call__(
        self, request: HtmxHttpRequest, cluster: str, *args: P.args, **kwargs: P.kwargs
    ) -> HttpResponseBase: ...


def _permitted_cluster(
    user: User | AnonymousUser, slug: str, permission: str, known: Cluster | None = None
) -> Cluster | None:
    """The cluster at `slug` if `user` has `permission` there; 404 if there is no such cluster.
    `known` is the cluster if it has been read already in this request."""
    if known is not None and known.slug == slug:
        cluster = known
    else:
        cluster = get_object_or_404(Cluster, slug=clean_slug(slug))
    return cluster if user.has_perm(permission, cluster) else None


def clean_slug(slug: str) -> str:
    """`slug` if it can be looked up; 404 for one no database can hold."""
    if "\x00" in slug:
        raise Http404  # the API's path is any text; PostgreSQL refuses NUL in a query
    return slug


@contextmanager
def cluster_scope(request: HttpRequest, slug: str, permission: str) -> Iterator[Cluster]:
    """For the API: the cluster with its scope active, or 404 for those without access."""
    if permission != PUBLIC:
        mark_private(request)
    known = getattr(request, "samspill_cluster", None)
    cluster = _permitted_cluster(request.user, slug, permission, known)
    if cluster is None:
        raise Http404
    with scope(cluster=cluster):
        yield cluster


def cluster_view(
    permission: str, *, write: bool = False
) -> Callable[[Callable[Concatenate[Request, Cluster, P], HttpResponseBase]], ClusterView[P]]:
    """Wrap a view taking (request, cluster, ...): 404 for those without access.

    `write` marks views that change data; GET on them is still checked with `permission`.
    A view without it answers only GET and HEAD: any other method is 405, so a page that
    reads cannot be made to write. Anonymous visitors are sent to the login page for
    non-public pages. Responses of non-public pages are marked private (no caching).
    """

    def decorator(
        view: Callable[Concatenate[Request, Cluster, P], HttpResponseBase],
    ) -> ClusterView[P]:
        @wraps(view)
        def wrapper(
            request: HtmxHttpRequest, cluster: str, *args: P.args, **kwargs: P.kwargs
        ) -> HttpResponseBase:
            if permission != PUBLIC:
                mark_private(request)
            cluster_obj = _permitted_cluster(request.user, cluster, permission)
            if cluster_obj is None:
                if not request.user.is_authenticated and permission != PUBLIC:
                    if request.htmx:
                        # A fragment asked for after the session ran out: reload into login.
                        back = request.htmx.current_url_abs_path or "/"
                        return HttpResponseClientRedirect(redirect_to_login(back).url)
                    return redirect_to_login(request.get_full_path())
                raise Http404
            if not write and request.method not in SAFE_METHODS:
                return HttpResponseNotAllowed(SAFE_METHODS)
            cluster_request = cast(Request, request)
            cluster_request.cluster = cluster_obj
            with scope(cluster=cluster_obj):
                return view(cluster_request, cluster_obj, *args, **kwargs)

        checked = cast(ClusterView[P], wrapper)
        checked.cluster_permission = permission
        checked.writes = write
        return checked

    return decorator
