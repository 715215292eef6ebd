"""The public face of each cluster: only what is published, for anyone."""

from django.db.models.functions import Coalesce
from django.shortcuts import render
from django.utils import timezone

from samspill.clusters.access import PUBLIC, cluster_view
from samspill.clusters.models import Cluster, ClusterRole, Membership, Node, Organisation
from samspill.common.collation import norwegian


def home(request):
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
def cluster_home(request, cluster):
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
        "participants": participants,
        "nodes": Node.objects.select_related("region", "host_organisation"),
    }
    return render(request, "website/cluster_home.html", context)


@cluster_view(PUBLIC)
def participants(request, cluster):
    memberships = (
        Membership.objects.active()
        .select_related("organisation__region", "region", "subgroup")
        .order_by("kind", norwegian("organisation__name"))
    )
    return render(
        request,
        "website/participants.html",
        {"memberships": memberships, "kinds": Organisation.Kind, "today": timezone.localdate()},
    )
