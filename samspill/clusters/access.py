"""Resolving the cluster of a URL, activating its scope and checking the permission.

Every view under /<cluster>/ is wrapped in `cluster_view`, which records the permission it
requires on the view function; the URL test enumerates all patterns and checks each role.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404
from django_htmx.http import HttpResponseClientRedirect
from django_scopes import scope

from .models import Cluster

PUBLIC = "clusters.view_public"
VIEW = "clusters.view_registry"
MANAGE = "clusters.manage_registry"


def cluster_view(permission: str, *, write: bool = False):
    """Wrap a view taking (request, cluster, ...): 404 for those without access.

    `write` marks views that change data; GET on them is still checked with `permission`.
    Anonymous visitors are sent to the login page for non-public pages.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, cluster: str, *args, **kwargs):
            cluster_obj = get_object_or_404(Cluster, slug=cluster)
            if not request.user.has_perm(permission, cluster_obj):
                if not request.user.is_authenticated and permission != PUBLIC:
                    if request.htmx:
                        # A fragment asked for after the session ran out: reload into login.
                        back = request.htmx.current_url_abs_path or "/"
                        return HttpResponseClientRedirect(redirect_to_login(back).url)
                    return redirect_to_login(request.get_full_path())
                raise Http404
            request.cluster = cluster_obj
            with scope(cluster=cluster_obj):
                return view(request, cluster_obj, *args, **kwargs)

        wrapper.cluster_permission = permission
        wrapper.writes = write
        return wrapper

    return decorator
