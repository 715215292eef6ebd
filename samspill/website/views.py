"""The public face of each cluster: only what is published, for anyone."""

from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from samspill.clusters.access import PUBLIC, ClusterRequest, cluster_view
from samspill.clusters.models import Cluster, ClusterRole, Membership, Node
from samspill.common.collation import norwegian

from .cache import cached_part


def home(request: HttpRequest) -> HttpResponse:
    roles = []
    if request.user.is_authenticated:
        roles = (
            ClusterRole.objects.with_scopes_disabled()
            .filter(user=request.user)
            .select_related("cluster")
            .order_by(norwegian("cluster__name"))
        )
    clusters = Cluster.objects.filter(is_public=True)
    return render(request, "website/home.html", {"clusters": clusters, "roles": roles})


@cluster_view(PUBLIC)
def cluster_home(request: ClusterRequest, cluster: Cluster) -> HttpResponse:
    def registry() -> str:
        participants = (
            Membership.objects.active()
            .filter(kind=Membership.Kind.PARTICIPANT)
            .select_related("organisation__region", "region")
            .order_by(
                Coalesce("region__position", "organisation__region__position"),
                norwegian("organisation__name"),
            )
        )
        context = {
            "current_cluster": cluster,
            "participants": participants,
            "nodes": Node.objects.select_related("region", "host_organisation"),
        }
        return render_to_string("website/cluster_home.html#registry", context)

    # The participants and nodes are the same for everyone: rendered once, kept (cache.py).
    context = {"registry": cached_part("cluster_home", cluster, registry)}
    return render(request, "website/cluster_home.html", context)


@cluster_view(PUBLIC)
def participants(request: ClusterRequest, cluster: Cluster) -> HttpResponse:
    def listing() -> str:
        memberships = (
            Membership.objects.active()
            .select_related("organisation__region", "region", "subgroup")
            .order_by("kind", norwegian("organisation__name"))
        )
        return render_to_string("website/participants.html#listing", {"memberships": memberships})

    context = {"listing": cached_part("participants", cluster, listing)}
    return render(request, "website/participants.html", context)
